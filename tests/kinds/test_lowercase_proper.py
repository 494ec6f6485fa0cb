"""lowercase-proper (CA120): weekdays and months written in lower case."""

from __future__ import annotations

from cleaner.kinds.lowercase_proper import _proper_by_lower
from tests_support import CLEAN_SEEDS, SEED, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA120", text)


def test_table_leaves_out_words_the_dictionary_knows_in_lower_case() -> None:
    table = _proper_by_lower()
    assert table["monday"] == "Monday" and table["february"] == "February" and len(table) == 7 + 9
    for word in ("march", "may", "august", "france"):
        assert word not in table, word


def test_each_class_is_capitalised() -> None:
    text = "They met on sunday, in october, from Kenya"
    assert found(text) == [("sunday", ("Sunday",)), ("october", ("October",))]


def test_addresses_handles_and_tags_are_left_alone() -> None:
    assert found("see #friday, @monday, june.example.org, files/october/report and july_notes") == []


def test_seed_and_clean_articles_are_silent() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert found(path.read_text(encoding="utf-8")) == [], path.name


def test_a_quotation_or_paragraph_written_all_in_lower_case_is_left_alone() -> None:
    assert found('The leaflet read: "see you in june at the fair." She laughed.') == []
    assert found("see you in june at the fair") == []
    assert found('She said: "We meet in june." Then she left.') == [("june", ("June",))]
