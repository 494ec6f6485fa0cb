"""name-by-meaning (NM116): a family name translated into the common English word it means."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM116")
ENGINE = Engine([RULE])


def test_every_person_use_is_marked_without_suggestion() -> None:
    text = ("Trade Minister Orhan Garden opened the fair. Garden also said exports had grown. "
            "The garden behind the hall was closed. “We will grow,” said Garden.")
    found = [(f.text, f.replacements) for f in ENGINE.check(text)]
    assert found == [("Garden", ())] * 3


def test_a_lower_case_title_before_the_name_counts() -> None:
    text = "The club's manager Ilse Silver spoke first. Silver told reporters the squad was tired."
    assert [f.text for f in ENGINE.check(text)] == ["Silver", "Silver"]


@pytest.mark.parametrize(
    "text",
    [
        # a real English family name the dictionary knows
        "Trade Minister Orhan Stone opened the fair. Stone said exports had grown.",
        # the word never stands alone as a speaker
        "Trade Minister Orhan Garden opened the fair. The Garden Festival said it would move.",
        # the word is never the end of a titled name
        "The Garden Party said on Monday it would stand. Garden said nothing more.",
        # an organisation, not a person
        "The Ministry of Education said the exams would go ahead; Education Minister Lena Marsh agreed.",
        # the given name is a common word: a heading, not a person
        "Minister Visits Garden. Garden said the roses were late.",
    ],
)
def test_no_finding(text: str) -> None:
    assert list(ENGINE.check(text)) == []


def test_a_listed_figure_gives_the_suggestion_without_a_lone_use() -> None:
    # Katherina: one listed German has the given name (Boris is three: Pistorius, Becker, Rhein; then no suggestion)
    text = "In Berlin, Germany's Economy Minister Katherina Garden toured the plant."
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [("Garden", ("Reiche",))]


@pytest.mark.parametrize(
    "text",
    [
        "In Berlin, Defence Minister Boris Garden inspected the tanks.",  # the country is not named
        "In Rome, Italy's Prime Minister Giorgia Melon met her allies.",  # a cut-short name: a slip, not a translation
    ],
)
def test_listed_figure_needs_the_country_and_an_unrelated_word(text: str) -> None:
    assert list(ENGINE.check(text)) == []
