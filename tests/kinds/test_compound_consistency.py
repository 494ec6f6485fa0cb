"""mixed-demonym-compound (CO101): mixed forms, consistency votes, headings and named wars."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.model import Safety
from tests_support import SEED

ENGINE = Engine([r for r in load_rules() if r.code == "CO101"])


def hits(text: str) -> list[tuple[str, tuple[str, ...], Safety | None]]:
    return [(f.text, f.replacements, f.safety) for f in ENGINE.check(text)]


def test_seed_body_forms_are_fixed_and_headline_is_untouched() -> None:
    findings = ENGINE.check(SEED.read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.text, f.replacements) for f in findings] == [
        (4, 8, "Russian-Ukraine war", ("Russia-Ukraine war",)),
        (14, 19, "Russian-Ukraine War", ("Russia-Ukraine war",)),
    ]


def test_heading_with_mixed_form_is_not_reported() -> None:
    assert hits("Russian-Ukraine War Drags On\n\nThe Russia-Ukraine war continued.") == []


def test_adjective_majority_turns_the_minority_into_adjectives() -> None:
    text = (
        "The Russian-Ukrainian war began in 2022. The Russian-Ukrainian border closed. "
        "Russian-Ukrainian relations froze. "
        "The Russia-Ukraine talks failed. The Russian-Ukraine conflict goes on."
    )
    assert hits(text) == [
        ("Russia-Ukraine talks", ("Russian-Ukrainian talks",), Safety.SUGGEST),
        ("Russian-Ukraine conflict", ("Russian-Ukrainian conflict",), Safety.SAFE),
    ]


def test_en_dash_aliases_and_order_are_kept() -> None:
    assert hits("Talks on U.S.–Chinese relations resumed.") == [
        ("U.S.–Chinese relations", ("U.S.–China relations",), Safety.SAFE)
    ]
    assert hits("The Ukraine-Russian war went on.") == [("Ukraine-Russian war", ("Ukraine-Russia war",), Safety.SAFE)]


def test_mixed_form_inside_a_quotation_is_only_suggested() -> None:
    assert hits("“The Russian-Ukraine war must end,” he said.") == [
        ("Russian-Ukraine war", ("Russia-Ukraine war",), Safety.SUGGEST)
    ]


def test_named_wars_and_combining_forms() -> None:
    assert hits("Veterans of the Spanish-American war and the Iran-Iraq War met. Sino-U.S. talks went on.") == []


def test_different_pairs_vote_separately() -> None:
    assert hits("The Russian-Ukrainian war went on. The China-India border stayed calm.") == []
