"""family-truncation (NM113): one person's family name cut short or run on after the same given name."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM113")
ENGINE = Engine([RULE])


def test_less_frequent_form_is_reported_with_the_other() -> None:
    text = "Teresa Kowal arrived. Officials said Teresa Kowal would speak. Teresa Kowal left. Teresa Kowalek spoke."
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [("Kowalek", ("Kowal",))]


def test_unclear_evidence_marks_both_without_suggestion() -> None:
    text = "Anton Brekel spoke. Anton Brekel left. Later Anton Brekelun returned."
    found = [(f.text, f.replacements) for f in ENGINE.check(text)]
    assert sorted(found) == [("Brekel", ()), ("Brekel", ()), ("Brekelun", ())]


def test_tie_marks_both_without_suggestion() -> None:
    text = "Officials met Anton Brekel on Monday, and Anton Brekelun left on Tuesday."
    found = [(f.text, f.replacements) for f in ENGINE.check(text)]
    assert sorted(found) == [("Brekel", ()), ("Brekelun", ())]


@pytest.mark.parametrize(
    "text",
    [
        "Ben Harris scored, and Ben Harrison added a third.",  # -son makes another family name
        "Mark Richard spoke, and Mark Richards answered.",  # a plural -s too
        "The South Korea delegation met South Koreans abroad.",  # not names of people
        "The Vietnam coach praised the Vietnamese team.",
        "Anna Novak and Anna Novakova both ran.",  # a feminine ending
        "Teresa Kowal met Maria Kowalek.",  # different given names
    ],
)
def test_near_misses_pass(text: str) -> None:
    assert list(ENGINE.check(text)) == []
