"""unquoted-speech (PU114): a reporting verb, a comma or colon, and speech with no quotation marks."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU114"])


def flagged(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


def test_seed_and_clean_articles() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name


def test_verbs_come_from_the_shared_list_with_a_short_phrase_after_them() -> None:
    assert flagged("Moon said, The market is calm.") == ["The", "."]  # the speech ends its paragraph
    assert flagged("The bank emphasized: We must act. It did.") == ["We"]
    assert flagged("She told reporters on Friday, If rates rise, we will sell. Rates rose.") == ["If"]


def test_only_capitalised_function_words_count() -> None:
    assert flagged("Moon said, Seoul is calm, and Lee added: the market agrees.") == []


def test_names_with_the_asides_and_questions_are_left_alone() -> None:
    assert flagged("As he said, The Hague is far. He said, I think, that it was late.") == []
    assert flagged("Everyone asked, What comes next?") == []


def test_quoted_speech_is_fine() -> None:
    assert flagged("Moon said, “The market is calm.”") == []


def test_a_whole_sentence_after_a_comma_may_open_with_a_common_word_or_i() -> None:
    assert flagged("The coach joked, Last night our side beat the champions by three goals. Fans cheered.") == ["Last"]
    assert flagged("The mayor said, I have no plans to resign before the next election. She left.") == ["I"]
    assert flagged("The mayor said, I believe, that the council would meet again before the vote.") == []
    assert flagged("The coach said, Reuters reported, that the side had beaten the champions by three goals.") == []
    assert flagged("The coach said, Last night we lost.") == []  # too short to be sure it is speech


def test_the_closer_is_reported_only_when_the_speech_ends_its_paragraph() -> None:
    assert flagged("Moon said, The market is calm for now. Lee disagreed.") == ["The"]
    assert flagged("Moon said, The market is calm for now.\n\nLee disagreed.") == ["The", "."]


def test_a_long_cut_off_last_paragraph_is_not_a_heading() -> None:
    cut = "Officials met.\n\nRahimi added: As long as the blockade of the port continues, as the mayor of the"
    assert flagged(cut) == ["As"]


def test_lower_case_speech_after_a_past_verbs_colon() -> None:
    assert flagged("The coach said: the first half of this game was poor and the referee saw none of it.") == ["the", "."]
    assert flagged("He also said about the derby in the spring: we are ready and every player knows his job. He left.") == ["we"]


def test_lower_case_after_a_summary_or_a_list_is_left_alone() -> None:
    assert flagged("Officials said the cause was clear: the dam had failed after weeks of heavy rain.") == []
    assert flagged("Sales continued to grow, which shows in three areas: the users, the prices and the new firms.") == []
    assert flagged("The mayor says: the council will meet again next week to decide on the budget.") == []


def test_the_speech_ends_before_the_reporter_speaks_again() -> None:
    text = "Moon said, The market is calm. Prices held. He added that rates would rise. Trade slowed."
    assert [(f.start, f.text) for f in ENGINE.check(text)] == [(11, "The"), (text.index("held.") + 4, ".")]
    text = "Moon said, The market is calm. Prices held. Analysts added that rates would rise."
    assert flagged(text) == ["The"]  # only a pronoun subject marks the reporter's return here
    text = "Moon said, The market is “calm”. He added that rates would rise."
    assert flagged(text) == ["The"]  # a quotation mark inside: the marks are not simply lost
