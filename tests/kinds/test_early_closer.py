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
    assert marks(text) == [(text.index("”"), "”")]


def test_a_page_in_the_first_person_is_left_alone() -> None:
    text = (
        "I grew up by the river. We swam there every summer.\n\n"
        "My father once said: “The water is cold.” We laughed at him."
    )
    assert marks(text) == []


def test_attribution_after_the_closer_ends_the_speech() -> None:
    text = "The keeper spoke: “The pitch was heavy.” He told us the boots were ruined."
    assert marks(text) == []
