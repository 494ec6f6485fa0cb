"""split-word (SP111): a word broken in two by a stray space."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

RULES = {r.code: r for r in load_rules()}


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in Engine([RULES["SP111"]]).check(text)]


def test_piece_unknown_to_english_joins_into_a_frequent_word() -> None:
    assert found("to work with ev eryone here") == [("ev eryone", ("everyone",))]
    assert found("the gov ernment said") == [("gov ernment", ("government",))]


def test_two_real_words_are_left_alone() -> None:
    assert found("any one of them, every day, some time, on line") == []


def test_repeated_piece_is_a_term_of_the_article() -> None:
    assert found("the ev eryone scheme; eryone is its brand") == []


def test_capitals_digits_and_wider_gaps_are_left_alone() -> None:
    assert found("Ev eryone, ev  eryone, ev3 eryone") == []


def test_seed_and_clean_articles() -> None:
    engine = Engine([RULES["SP111"]])
    for path in (SEED, *CLEAN_SEEDS):
        assert engine.check(path.read_text(encoding="utf-8")) == [], path.name
