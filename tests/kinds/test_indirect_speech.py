"""indirect-first-person (FP105): the speaker's own "I" or "we" kept after "said that"."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "FP105"])


def spans(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


def test_the_subject_and_its_siblings_in_the_sentence_are_reported() -> None:
    text = "The governor told the press after the vote that we are ready, we have the funds, and I will sign it."
    assert spans(text) == ["we", "we", "I"]
    assert spans("The clerk said that I'm leaving. Nobody knew why.") == ["I'm"]


def test_a_first_person_speaker_or_listener_is_the_writer() -> None:
    assert spans("Our manager said that we had won.") == []
    assert spans("The nurse told me that I was lucky.") == []
    assert spans("As I said, the nurse explained that I was lucky.") == []


def test_quotations_and_present_tense_are_left_alone() -> None:
    assert spans("The nurse said, “I know that we can win.”") == []
    assert spans("The nurse says that we are lucky.") == []


def test_an_article_in_its_own_first_person_is_left_alone() -> None:
    column = ("I moved here in May. I rent a flat by the port. We eat fish most nights. "
              "My landlord said that I could paint the door.")
    assert spans(column) == []
