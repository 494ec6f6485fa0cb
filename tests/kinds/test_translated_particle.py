"""translated-particle (NM108): a family name's particle translated as an English word."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, SEED, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("NM108", text)


def test_the_most_frequent_particle_is_suggested() -> None:
    text = "Luca Di Sarno spoke. Di Sarno left, and De Sarno returned. Of Sarno was tired."
    assert found(text) == [("Of", ("Di",))]


def test_a_name_never_written_with_a_particle_is_left_alone() -> None:
    assert found("By Sarno’s count the vote failed. The Sarno family agreed.") == []


def test_lower_case_prepositions_are_english() -> None:
    assert found("Luca Di Sarno spoke; a friend of Sarno and an aide to Sarno agreed.") == []


def test_a_lower_case_article_before_the_name_is_reported() -> None:
    assert found("Greta van Loon won. Afterwards the Loon said little.") == [("the", ("van",))]


def test_seeds_give_nothing() -> None:
    for path in [SEED, *CLEAN_SEEDS]:
        assert found(path.read_text(encoding="utf-8")) == [], path.name
