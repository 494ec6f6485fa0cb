"""lowercase-place (CA124): a name in lower case that the article writes capitalised elsewhere."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA124", text)


def test_lower_case_name_beside_its_capitalised_use() -> None:
    text = "The governor of Osaka spoke, and the osaka’s plan was published."
    assert found(text) == [("osaka", ("Osaka",))]


def test_the_capital_must_stand_alone_mid_sentence() -> None:
    assert found("Osaka opened a park. Visitors liked the osaka park.") == []
    assert found("Fans of Osaka Castle Park walked round the osaka moat.") == []


def test_english_words_addresses_and_lower_case_paragraphs_are_left_alone() -> None:
    assert found("Hunters in Turkey Creek and the town of Turkey ate turkey.") == []
    assert found("The mayor of Osaka wrote on osaka.example.org.\n\nosaka forever, the fans sang") == []


def test_a_word_english_does_not_know_needs_two_capitalised_uses() -> None:
    twice = "Fans waved at Tavuri on Monday and sang about Tavuri, but reports say that tavuri will leave."
    assert found(twice) == [("tavuri", ("Tavuri",))]
    assert found("Fans waved at Tavuri on Monday, but reports say that tavuri will leave.") == []
    # An English word is never taken for a name on the article's word alone.
    assert found("Fans waved at Mercy on Monday and prayed to Mercy, asking for mercy.") == []


def test_clean_seeds_have_no_findings() -> None:
    for path in CLEAN_SEEDS:
        assert found(path.read_text(encoding="utf-8")) == [], path.name
