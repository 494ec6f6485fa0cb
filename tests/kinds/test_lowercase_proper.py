"""lowercase-proper (CA120): weekdays, months, countries and nationalities written in lower case."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.kinds.lowercase_proper import _proper_by_lower
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

RULE = next(r for r in load_rules() if r.code == "CA120")


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in Engine([RULE]).check(text)]


def test_table_leaves_out_words_the_dictionary_knows_in_lower_case() -> None:
    table = _proper_by_lower()
    assert table["monday"] == "Monday" and table["france"] == "France" and table["ukrainian"] == "Ukrainian"
    for word in ("china", "japan", "turkey", "march", "may", "august", "jersey", "panama"):
        assert word not in table, word


def test_each_class_is_capitalised() -> None:
    text = "on sunday, in october, from kenya, the norwegian side"
    assert found(text) == [("sunday", ("Sunday",)), ("october", ("October",)),
                           ("kenya", ("Kenya",)), ("norwegian", ("Norwegian",))]


def test_addresses_handles_and_tags_are_left_alone() -> None:
    assert found("see #friday, @kenya, kenya.example.org, files/october/report and mexico_city") == []


def test_seed_and_clean_articles_are_silent() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert found(path.read_text(encoding="utf-8")) == [], path.name
