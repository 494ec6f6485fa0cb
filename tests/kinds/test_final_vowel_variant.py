"""final-vowel-variant (NM118): one family or place name with and without its final vowel."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "NM118"])


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in ENGINE.check(text)]


def test_the_form_written_more_often_is_kept() -> None:
    text = "Sheikh Ali Dembar spoke. The family of Mama Ali Dembara wept, and Imam Musa Dembara prayed."
    assert found(text) == [("Dembar", ("Dembara",))]


def test_the_first_written_form_is_kept_on_a_tie() -> None:
    assert found("The elders of Ngaboua met. The town of Ngabou thanked them.") == [("Ngabou", ("Ngaboua",))]


def test_roles_must_agree() -> None:
    # A family name and a place of near spelling are two names.
    assert found("Officials in Ngabou met Ali Ngaboua on Sunday.") == []


def test_given_names_gender_pairs_and_known_words_are_two_names() -> None:
    text = ("Dragan Petrovic met Dragana Ilic. Sergei Sinitsyn met Olga Sinitsyna. "
            "Coach Andre Silva praised Andrea Silva, and Paul Costa thanked Paula Costa.")
    assert found(text) == []


def test_a_long_shared_given_name_is_left_to_name_variants() -> None:
    assert found("Amadou Tounkara visited the town. The house of Amadou Tounkar was reopened.") == []


def test_short_forms_are_too_weak() -> None:
    assert found("The mayor of Gomba met the chief of Gomb.") == []
