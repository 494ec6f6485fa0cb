"""lone-family (NM107): a listed public figure's family name, standing alone, garbled."""

from __future__ import annotations

import pytest

from cleaner import names as nm
from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM107")
ENGINE = Engine([RULE])


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("The envoy met Brinken on Friday.", "Brinken", "Blinken"),
        ("Lavlov also warned the envoy.", "Lavlov", "Lavrov"),
        ("Algeria’s oil output rose, and Tebounne visited a refinery.", "Tebounne", "Tebboune"),
    ],
)
def test_garbled_lone_family_names(text: str, flagged: str, suggestion: str) -> None:
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "Tebounne visited a refinery.",  # no person slot and the country is not named
        "The envoy met Brinken Holt, and Brinken Holt said little.",  # written inside a longer name
        "Antony Blinken arrived; the envoy met Brinken, his aide.",  # the listed spelling is in the article
        "The envoy met Blinken on Friday.",  # the listed spelling
    ],
)
def test_passes(text: str) -> None:
    assert ENGINE.check(text) == []


def test_a_dropped_syllable_final_consonant_is_a_variant() -> None:
    assert nm.is_variant("Ronzulli", "Rozulli")
    assert nm.is_variant("Benzoni", "Bezoni")
    assert not nm.is_variant("Carlson", "Carson")  # the l does not close a syllable after a vowel
    assert not nm.is_variant("Johnston", "Johnson")


def test_a_dropped_second_consonant_of_an_onset_is_a_variant() -> None:
    assert nm.is_variant("Settha Thavisin", "Srettha Thavisin")  # sr- comes back s- from Thai
    assert not nm.is_variant("Bown", "Brown")  # too short to tell from another name
    assert not nm.is_variant("Cane", "Crane")
    assert not nm.is_variant("Barnes", "Banes")  # the r closes a syllable: not an onset cluster
