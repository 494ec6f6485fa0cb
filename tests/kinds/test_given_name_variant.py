"""given-name-variant (NM115): one given name transliterated two ways before one family name."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.kinds.given_name_variant import given_key
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM115")
ENGINE = Engine([RULE])


@pytest.mark.parametrize("a, b", [("Mohamed", "Muhammad"), ("Omar", "Umar"), ("Hussein", "Hussain"), ("Ahmed", "Ahmad")])
def test_one_name_two_spellings_share_a_key(a: str, b: str) -> None:
    assert given_key(a) == given_key(b)


@pytest.mark.parametrize("a, b", [("Hassan", "Hussein"), ("Mahmoud", "Mohamed"), ("Jan", "John"), ("Karim", "Kareem" + "a")])
def test_different_names_differ(a: str, b: str) -> None:
    assert given_key(a) != given_key(b)


def test_less_frequent_spelling_is_reported() -> None:
    text = "Mohamed Tawfiq spoke. Critics praised Mohamed Tawfiq. Muhammad Tawfiq left."
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [("Muhammad", ("Mohamed",))]


def test_tie_marks_both_without_suggestion() -> None:
    found = sorted((f.text, f.replacements) for f in ENGINE.check("Omar Haddad scored. Umar Haddad left."))
    assert found == [("Omar", ()), ("Umar", ())]


@pytest.mark.parametrize(
    "text",
    [
        "Hassan Nasrallah spoke after Hussein Nasrallah had left.",
        "Mahmoud Tawfiq met Mohamed Tawfiq at the gallery.",
        "Ahmed Tawfiq met Ahmad Tawfiq.",  # the strict comparison's pair: name-variants reports it
    ],
)
def test_near_misses_pass(text: str) -> None:
    assert list(ENGINE.check(text)) == []
