"""lowercase-heading (CA125): a one-line subheading left all in lower case."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, found as found_by

BODY = "The coach said the back line would need a great deal of work before the derby."


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA125", text)


def test_a_lower_case_heading_between_body_paragraphs_is_reported() -> None:
    text = f"{BODY}\n\nmidfield worries\n\n{BODY}"
    assert found(text) == [("midfield", ("Midfield",))]


def test_a_two_letter_first_word_gets_no_suggestion() -> None:
    assert found(f"pm visits the valley\n\n{BODY}\n\n{BODY}") == [("pm", ())]


def test_bylines_fragments_and_lower_case_pages_are_left_alone() -> None:
    assert found(f"{BODY}\n\nby our reporter\n\n{BODY}") == []  # a closed-class word opens a byline
    assert found(f"{BODY[:-1]} on the\n\nmain board\n\n{BODY}") == []  # the sentence before goes on
    assert found(f"{BODY}\n\nmidfield worries\n\nand then the rain came") == []  # no capital after it
    lower = BODY.lower()
    assert found(f"{lower}\n\nmidfield worries\n\n{lower}") == []  # the page is written in lower case


def test_clean_seeds_give_no_findings() -> None:
    for path in CLEAN_SEEDS:
        assert found(path.read_text(encoding="utf-8")) == [], path.name
