"""stray-full-stop (PU113): a full stop before a lower-case word, with two suggestions."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "PU113"])


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in ENGINE.check(text)]


def test_function_word_after_the_stop_puts_dropping_it_first() -> None:
    assert found("Follow the rules. at each stage.") == [(". at", (" at", ". At"))]


def test_content_word_after_the_stop_puts_the_capital_first() -> None:
    assert found("The gates open at noon. visitors queue.") == [(". visitors", (". Visitors", " visitors"))]


def test_abbreviations_initials_and_list_numbers_explain_the_stop() -> None:
    text = "At 10 a.m. on Monday, J. smith, Robert Haines Jr. and the U.S. team, tents etc. and food.\n1. the list"
    assert found(text) == []


def test_decimal_before_the_stop_is_not_an_abbreviation() -> None:
    assert [t for t, _ in found("The level of 0.19. to a record.")] == [". to"]


def test_brand_names_and_ellipses_are_left_alone() -> None:
    assert found("He sold it on eBay. iPhone sales rose... and fell.") == []
