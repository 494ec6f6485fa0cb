"""unmarked-quotation (PU120): a paragraph of first-person speech closed by a bare attribution."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU120"])


def spans(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


def test_both_missing_marks_are_reported() -> None:
    assert spans("We checked every list, and ours is best, the mayor said.") == ["We", ","]
    assert spans("Who runs our schools? Who pays? asked Mr. Dorval.") == ["Who", "?"]
    assert spans("Who pays for it? Who runs it? asked Mr. Dorval.") == []  # no first or second person
    assert spans("Intro.\n\nYou will see the results soon, Ana Ruiz told reporters.") == ["You", ","]


def test_third_person_reported_speech_is_left_alone() -> None:
    assert spans("Prices would rise again in the spring, he said.") == []
    assert spans("The ministry said the fund would grow. In addition, we will add staff, the statement said.") == []


def test_a_quotation_mark_of_the_speech_or_a_long_tail_silences_it() -> None:
    assert spans("“We checked every list,” she said.") == []
    assert spans("We checked the lists, ‘and they were fine’, she said.") == []
    assert spans("We checked every list, and the mayor of the old northern town said it.") == []


def test_a_short_quoted_name_does_not_silence_it() -> None:
    # A name or term in its own marks is not the speech's quotation: the speech still lacks its marks.
    assert spans("We checked the ‘lists’, she said.") == ["We", ","]
    # Its words are not the speaker's: "our" inside the marks does not make the line speech.
    assert spans("He praised “our ferry”, said Ana Ruiz, the port's director after the vote.") == []


def test_a_quotation_interrupted_by_its_attribution() -> None:
    assert spans("The loss hurts, says Varga, because we chose it ourselves.") == ["The", ",", "because", "."]
    assert spans("The loss hurts, says Varga, because the club chose it.") == []


def test_transcripts_in_brackets_are_left_alone() -> None:
    assert spans("[We will come back, he said.]") == []
    assert spans("We read every list […] and ours is best, he said.") == ["We", ","]


def test_seed_and_clean_articles() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name
