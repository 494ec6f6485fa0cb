"""lowercase-place-head (CA132): a romanised place name in lower case before or beside its head noun."""

from __future__ import annotations

from tests_support import found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA132", text)


def test_unknown_word_before_a_capitalised_head() -> None:
    assert found("Smoke rose over qingshan Bay.") == [("qingshan Bay", ("Qingshan Bay",))]
    assert found("He toured shenzhen Bay.") == [("shenzhen Bay", ("Shenzhen Bay",))]  # a place of the tables


def test_english_words_particles_and_addresses_are_left_alone() -> None:
    assert found("Walk via Park Avenue past the Costa dorada Beach and the bay leaf stall.") == []
    assert found("See qingshan.example.org or @wuchang District for news.") == []


def test_the_article_writes_the_name_before_a_head() -> None:
    text = "Wuchang District police spoke. There was no flood in wuchang district or in wuchang."
    assert found(text) == [("wuchang district", ("Wuchang District",)), ("wuchang", ("Wuchang",))]
    # The head in lower case alone is a house style, not damage.
    assert found("Wuchang District police spoke. The Wuchang district office agreed.") == []
