"""date-calque (DN101-DN103, DN107) and number-calque (DN104-DN106, DN117) kinds."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED, found

RULES = {r.code: r for r in load_rules()}
CODES = ("DN101", "DN102", "DN103", "DN104", "DN105", "DN106", "DN107", "DN108", "DN117")


def test_seed_and_clean_articles() -> None:
    engine = Engine([RULES[c] for c in CODES])
    for path in (SEED, *CLEAN_SEEDS):
        assert engine.check(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize(
    "text, year",
    [("the first year of Reiwa", "2019"), ("Heisei 31", "2019"), ("Heisei 1", "1989"), ("Showa 64", "1989"),
     ("Taisho 1", "1912"), ("Meiji 45", "1912"), ("the 112th year of the Republic of China", "2023"),
     ("Juche 112", "2023"), ("B.E. 2566", "2023"), ("Dangi 4356", "2023")],
)
def test_era_years_convert_exactly(text: str, year: str) -> None:
    assert found("DN104", f"It happened in {text}.") == [(text, (year,))]


def test_era_years_out_of_range_or_glossed_are_left_alone() -> None:
    assert found("DN104", "Heisei 32, Showa 65, Meiji 150 years and Reiwa 5 (2023) were listed.") == []


@pytest.mark.parametrize(
    "text, total",
    [("3 trillion 400 billion", "3.4 trillion"), ("1 billion 250 million", "1.25 billion"),
     ("2 million 5 thousand", "2.005 million"), ("12 trillion 999 billion", "12.999 trillion"),
     ("1.5 billion 20 million", "1.52 billion")],
)
def test_myriad_sums_are_exact(text: str, total: str) -> None:
    assert found("DN105", f"It cost {text} won.") == [(text, (total,))]


def test_myriad_second_part_must_be_below_one_unit() -> None:
    assert found("DN105", "It cost 3 million 2,000 thousand won and 3 billion 1,000 million.") == []


def test_ungrouped_needs_the_article_to_group_digits_or_a_currency() -> None:
    assert found("DN106", "There are 250000 species.") == []
    assert found("DN106", "There are 250000 species and 1,200 ferns.") == [("250000", ("250,000",))]
    assert found("DN106", "The prize was $120000.") == [("120000", ("120,000",))]


def test_ungrouped_leaves_identifiers_alone() -> None:
    text = ("1,000 fans; flight 10234, room 12345, ZIP 90210, HI 96813, 12345 Main St, (600519), "
            "01234 567890, 10000-20000, 12345th, #12345, example.com/12345.")
    assert found("DN106", text) == []


def test_misgrouped_digits_regroup_by_thousands() -> None:
    assert found("DN117", "It rose to 11,1500 won.") == [("11,1500", ("111,500",))]
    assert found("DN117", "It cost 3,4000,0000 won.") == [("3,4000,0000", ("340,000,000",))]


def test_misgrouped_digits_leave_valid_groupings_lists_and_decimals_alone() -> None:
    text = "It raised 1,00,000 rupees, 12,340 won and 1,234,567 yen in 2019,2020; the ratio was 0,1234 (A1,2345, 5.1,2345)."
    assert found("DN117", text) == []


def test_weekday_brackets_both_ways() -> None:
    assert found("DN101", "on April 8th (Sat) and 3/4 (Mon.)") == [
        ("April 8th (Sat)", ("Saturday, April 8th",)), ("3/4 (Mon.)", ("Monday, 3/4",))]
    assert [t for t, _ in found("DN101", "last night (23rd), this Friday (17) and Tuesday (14.Mar.2023)")] == [
        " (23rd)", " (17)", " (14.Mar.2023)"]
    assert found("DN101", "on Monday (Sept. 8) and Friday (June 3)") == []


def test_bare_day_reports_counted_days_not_a_plain_day() -> None:
    assert [t for t, _ in found("DN103", "On the 12th, police came. He spoke (last 9th).")] == ["last 9th"]
    assert found("DN103", "The vote is on May 12. On the 12th, police came.") == []
    assert found("DN103", "On the 12th floor, and on the 12th of this month.") == []
    assert found("DN103", "He bogeyed the 11th hole and birdied on the 12th.") == []


def test_local_time_day_and_country_time_do_not_overlap() -> None:
    text = "It ended on the 4th Japan time, and at 9 a.m. Korea time."
    assert [t for t, _ in found("DN102", text)] == ["the 4th Japan time"]
    assert found("DN107", text) == [("Korea time", ("Seoul time",))]
