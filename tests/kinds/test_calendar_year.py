"""calendar-year (DN113): a far-future full date, and the article's years near it, in another calendar."""

from __future__ import annotations

from tests_support import found


def test_far_future_full_date_and_bare_years_near_it() -> None:
    text = "Butwal, 2 Feb 2076 - The assembly passed the 2076 budget. The 2090 plan and the 2050 goal stay."
    assert [span for span, _ in found("DN113", text)] == ["2076", "2076"]


def test_bare_future_years_alone_are_targets_not_dates() -> None:
    assert found("DN113", "Emissions must fall by 2050 and the 2075 review follows, the minister said.") == []


def test_a_present_full_date_gives_no_evidence() -> None:
    assert found("DN113", "On March 1, 2024 the council set a 2074 horizon for the dam.") == []
