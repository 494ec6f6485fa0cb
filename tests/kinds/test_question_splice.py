"""comma-spliced-question (PU147): a direct question joined to a statement by a comma."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "PU147"])


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in ENGINE.check(text)]


def test_statement_then_question_gets_a_full_stop() -> None:
    assert found("The strike at the port began three weeks ago, when will the ministry step in?") == [
        (", when", (". When",))]


def test_question_word_with_words_before_its_auxiliary() -> None:
    assert found("The committee delayed its report twice, what kind of secret could it hide?") == [(", what", (". What",))]


def test_frames_and_openers_are_left_alone() -> None:
    text = ("He asked, who is behind this? The question is, who pays? Everyone wants to know, who is the buyer? "
            "She kept thinking to herself, why did they leave? If the talks fail, who will pay for the damage? "
            "Now that the vote is over, what comes next? Put simply, who benefits from it?")
    assert found(text) == []


def test_a_condition_inside_the_clause_belongs_to_the_question() -> None:
    assert found("Scientists wonder if there is water below the ice, is there life in it too?") == []


def test_speech_interview_labels_and_tags_are_left_alone() -> None:
    text = ("“The ferry is late again, who is in charge?” a passenger asked.\n\n"
            "Interviewer: You lost the final in May, how did it feel?\n\n"
            "The plan was approved in May, wasn't it? The plan was approved in May, is it not?")
    assert found(text) == []


def test_relative_which_is_not_a_question() -> None:
    assert found("Did the navy abandon the port, which it had used for decades?") == []
