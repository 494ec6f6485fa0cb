"""stray-double-space (SP115): a lone run of spaces, judged by the article's own spacing."""

from __future__ import annotations

from tests_support import found

# About 160 single-spaced words of filler, so that the article's habit counts as evidence.
FILLER = " ".join(["The ferry board met and agreed on new fares for the island routes."] * 12)


def test_lone_run_after_a_separator_in_a_single_spaced_article() -> None:
    text = FILLER + "\n\nUnion statement” |  Ferry Workers Union\n\n" + FILLER
    assert found("SP115", text) == [("  ", (" ",))]


def test_after_a_full_stop_or_colon_is_a_typing_style() -> None:
    few_stops = " ".join(["the ferry board met and agreed on new fares for the island routes,"] * 12)
    assert found("SP115", few_stops + " Fares rose.  Then fell. Note:  none.") == []


def test_after_a_full_stop_in_an_article_of_single_spaced_sentences_is_a_slip() -> None:
    assert found("SP115", FILLER + " Fares rose.  Then fell. Note:  none.") == [("  ", (" ",))]


def test_many_runs_are_a_habit_or_a_table() -> None:
    text = FILLER + "\nRovers  3  1\nCity  2  2\nTown  1  3\n"
    assert found("SP115", text) == []


def test_short_article_gives_no_evidence() -> None:
    assert found("SP115", "Union statement” |  Ferry Workers Union") == []
