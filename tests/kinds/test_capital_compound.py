"""stray-capital common-word form (CA103): a capitalised compound of common words after a determiner."""

from __future__ import annotations

from tests_support import found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA103", text)


def test_compound_of_common_words_after_a_determiner() -> None:
    assert found("The team lost in the Quarter-finals of the Pacific Cup.") == [("Quarter-finals", ("quarter-finals",))]
    assert found("The board approved a Long-term plan for the port.") == [("Long-term", ("long-term",))]


def test_given_names_titles_and_sentence_starts_are_left_alone() -> None:
    assert found("The singer met Won-bin and Sang-hoon at the airport.") == []
    assert found("The Long-term Care Act took effect, and the Post-war Recovery Fund paid.") == []
    assert found("Rates rose. Long-term loans became dearer.") == []
