"""late-opening-quote (PU144): the speaker's first-person words left before a quotation opened too late."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU144"])


def marks(text: str) -> list[tuple[int, str]]:
    return [(f.start, f.text) for f in ENGINE.check(text)]


def test_seed_and_clean_articles_are_quiet() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name


def test_the_paragraph_start_and_the_late_opener_are_reported() -> None:
    text = "Our crews were out all night. “The road opens at noon,” the engineer said."
    assert marks(text) == [(0, "O"), (text.index("“"), "“")]


def test_the_start_of_the_openers_line_counts_on_a_page_of_lines() -> None:
    text = "The engineer spoke at the depot.\nI checked it myself. “The road opens at noon,” she said."
    assert marks(text) == [(text.index("I checked"), "I"), (text.index("“"), "“")]


def test_narration_indirect_speech_and_unattributed_quotations_are_left_alone() -> None:
    assert marks("The crews were out all night. “The road opens at noon,” the engineer said.") == []
    assert marks("The engineer said we would wait. “The road opens at noon,” she added.") == []
    assert marks("Our crews were out all night. “The road opens at noon.” Traffic was light.") == []
    assert marks("Our crews were out all night, “the road opens at noon,” the engineer said.") == []


def test_a_first_person_page_is_skipped() -> None:
    text = ("I drove north. We stopped twice. My map was old. I asked the way. We got lost. Our car broke.\n\n"
            "I waited. “The road opens at noon,” the engineer said.")
    assert marks(text) == []
