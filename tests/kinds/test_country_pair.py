"""country-pair (PU130): two country names side by side before a relations noun."""

from __future__ import annotations

import time

from tests_support import CLEAN_SEEDS, SEED, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("PU130", text)


def test_longest_country_name_wins_and_the_fix_joins_with_an_en_dash() -> None:
    assert found("They praised South Korea China ties.") == [("South Korea China", ("South Korea–China",))]
    assert found("They praised China South Korea ties.") == [("China South Korea", ("China–South Korea",))]


def test_pairs_outside_a_relation_or_inside_a_longer_name_are_left_alone() -> None:
    assert found("In South Korea China is the largest partner.") == []
    assert found("Relations between Japan and China and the Japan–China summit.") == []


def test_seed_and_clean_articles_have_no_pairs() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert found(path.read_text(encoding="utf-8")) == [], path.name


def test_long_text_is_checked_quickly() -> None:
    text = ("Chad Niger Mali relations are a matter of trade. " * 4000)
    start = time.perf_counter()
    found(text)
    assert time.perf_counter() - start < 5


def test_other_names_from_the_table_and_one_qualifier_before_the_noun() -> None:
    from cleaner.engine import Engine
    from cleaner.loader import load_rules

    engine = Engine([r for r in load_rules() if r.code == "PU130"])
    assert [f.text for f in engine.check("Officials said the US China trade ties grew.")] == ["US China"]  # one finding, two nouns
    assert [f.text for f in engine.check("They hope Japan China friendly cooperation lasts.")] == ["Japan China"]
    assert engine.check("In the US China is a trade rival.") == []
