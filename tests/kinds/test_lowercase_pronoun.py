"""lowercase-pronoun (CA121): the pronoun I written in lower case."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "CA121")


def found(text: str) -> list[str]:
    return [text[f.start - 4 : f.end + 4] for f in Engine([RULE]).check(text)]


def test_pronoun_before_a_first_person_verb_is_found() -> None:
    assert found("After the vote i think we lost. Then i’ve seen it; and i don’t know.") == [
        "ote i thi", "hen i’ve ", "and i don"]


def test_numerals_variables_and_foreign_words_are_left_alone() -> None:
    text = ("Step (i) and i) then i.e. the i-th value; where i is set, i has grown, i goes up, "
            "the list Junts i Esquerra, and i ragazzi.")
    assert found(text) == []


def test_all_lower_case_quotation_is_left_alone() -> None:
    assert found("She posted “i want my money back” on Monday.") == []
