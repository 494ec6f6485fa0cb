"""lowercase-surname (NM109): a family name in lower case before its given name."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM109")
ENGINE = Engine([RULE])


def test_reports_the_family_name_with_its_capitalised_form() -> None:
    [finding] = ENGINE.check("The coach praised the winger wang Lihao after the match.")
    assert (finding.text, finding.replacements) == ("wang", ("Wang",))


@pytest.mark.parametrize(
    "text",
    [
        "We walked in the park Sunday.",  # a word English writes in lower case
        "The team of Tran Thi dan Le Minh won.",  # a particle between two names
        "The wang Street market opened.",  # a common capitalised word follows
        "Mail @wang Lihao or read wang.example.org today.",  # a handle and an address
        "the winger wang shenchao scored again",  # a paragraph written all in lower case
    ],
)
def test_near_misses_are_left_alone(text: str) -> None:
    assert ENGINE.check(text) == []
