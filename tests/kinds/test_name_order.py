"""name-order (NM104): given and family names swapped between mentions."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "NM104"])


def test_the_less_used_order_is_reported() -> None:
    text = "Daiki Tomura started. Tomura walked three. Daiki Tomura struck out two; Tomura Daiki left."
    [finding] = ENGINE.check(text)
    assert (finding.text, finding.replacements) == ("Tomura Daiki", ("Daiki Tomura",))
    assert "2 times" in finding.message


def test_a_listed_athlete_is_reported_in_the_listed_order() -> None:
    text = "Roki Sasaki started. Sasaki walked three. Roki Sasaki struck out two; Sasaki Roki left."
    [finding] = ENGINE.check(text)
    assert (finding.text, finding.replacements) == ("Sasaki Roki", ("Roki Sasaki",))
    assert "public figure" in finding.message


def test_a_tie_on_a_korean_name_keeps_the_family_name_first() -> None:
    text = "Kim Gun-hee met the auditors. Later, Ms. Kun-hee Kim said she disagreed, and Ms. Kim left."
    [finding] = ENGINE.check(text)
    assert (finding.text, finding.replacements) == ("Kun-hee Kim", ("Kim Gun-hee",))


def test_a_plain_tie_says_either_may_be_right() -> None:
    text = "Tomas Varga spoke. Varga Tomas replied, and Varga left."
    [finding] = ENGINE.check(text)
    assert finding.text == "Varga Tomas" and "check which is right" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Ali Hassan met Hassan Ali at the market; they are cousins.",  # no second reference: maybe two people
        "Kim Gun-hee spoke. Ms. Kim left.",
    ],
)
def test_no_swap(text: str) -> None:
    assert ENGINE.check(text) == []


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Officials said Jinping Xi would attend.", "Jinping Xi", "Xi Jinping"),
        ("President Macron Emmanuel spoke in Paris.", "Macron Emmanuel", "Emmanuel Macron"),
    ],
)
def test_public_figure_in_the_other_order(text: str, flagged: str, suggestion: str) -> None:
    findings = ENGINE.check(text)
    assert [(f.text, f.replacements) for f in findings] == [(flagged, (suggestion,))]


def test_public_figure_in_the_listed_order_passes() -> None:
    assert ENGINE.check("Officials said Xi Jinping and Emmanuel Macron would attend.") == []
