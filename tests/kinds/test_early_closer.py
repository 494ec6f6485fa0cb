"""early-closing-quote (PU141): first-person words left outside a quotation closed too early."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS

ENGINE = Engine([r for r in load_rules() if r.code == "PU141"])


def marks(text: str) -> list[tuple[int, str]]:
    return [(f.start, f.text) for f in ENGINE.check(text)]


def test_clean_articles_are_quiet() -> None:
    for path in CLEAN_SEEDS:
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name


def test_run_on_first_person_after_the_closer() -> None:
    text = "The keeper spoke after training: “The pitch was heavy.” Rain fell all week. Our boots were ruined."
    assert marks(text) == [(text.index("”"), "”"), (len(text) - 1, ".")]  # and where the closer belongs


def test_the_closers_place_is_marked_only_at_a_paragraph_end_with_no_attribution() -> None:
    text = "The keeper spoke: “The pitch was heavy.” Our boots were ruined. Officials said the match would go on."
    assert marks(text) == [(text.index("”"), "”")]  # the reporter speaks again before the end
    text = "The keeper spoke: “The pitch was heavy.” Our boots were ruined, and the fans"
    assert marks(text) == [(text.index("”"), "”")]  # a cut-off paragraph


def test_a_page_in_the_first_person_is_left_alone() -> None:
    text = (
        "I grew up by the river. We swam there every summer. I was small. My brother was older.\n\n"
        "We had a boat. I rowed it. My father once said: “The water is cold.” We laughed at him."
    )
    assert marks(text) == []


def test_a_few_first_person_sentences_elsewhere_are_lost_marks_not_the_page_voice() -> None:
    text = (
        "The coach spoke after the final. We are tired, he said.\n\n"
        "He added: “The squad gave everything.” Our legs were gone by the hour mark."
    )
    assert len(marks(text)) == 2  # the early closer and the paragraph end where it belongs


def test_a_quoted_phrase_is_not_speech() -> None:
    text = "The union wants an end to what it calls “unsafe double rotations.” We asked the port for a reply."
    assert marks(text) == []


def test_attribution_after_the_closer_ends_the_speech() -> None:
    text = "The keeper spoke: “The pitch was heavy.” He told us the boots were ruined."
    assert marks(text) == []
