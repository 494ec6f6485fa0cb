"""The place-name case of `stray-capital`'s function-word form (CA102): a capitalised preposition before a place."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA102", text)


def test_a_preposition_before_a_place_name_alone_is_a_stray() -> None:
    assert found("The envoys met In Beijing on Monday.") == [("In", ("in",))]
    assert found("The ships sailed on, and then, From Lisbon, they turned south.") == [("From", ("from",))]


def test_a_capital_before_the_preposition_or_a_longer_run_is_a_title() -> None:
    assert found("She wrote for News From Lisbon on Monday.") == []
    assert found("The envoys dined In Beijing Harbour Club on Monday.") == []
    assert found("The fans of As Roma sang on Monday.") == []


def test_clean_seeds_have_no_findings() -> None:
    for path in CLEAN_SEEDS:
        assert found(path.read_text(encoding="utf-8")) == [], path.name
