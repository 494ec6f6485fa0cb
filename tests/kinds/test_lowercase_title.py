"""lowercase-title (CA122): a title in lower case before a name the article writes with the title capitalised."""

from __future__ import annotations

from tests_support import found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA122", text)


def test_same_title_before_same_name_is_found_with_its_capitalised_form() -> None:
    text = "We met Coach Park Ji-ho at noon. The players of coach Park trained."
    assert found(text) == [("coach", ("Coach",))]


def test_modifiers_other_names_and_headings_are_left_alone() -> None:
    text = ("Coach Park Ji-ho spoke. The former coach Park stayed; fans of coach Kim sang.\n\n"
            "Fans Of coach Park\n\nCoach Park left.")
    assert found(text) == []
