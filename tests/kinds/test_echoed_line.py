"""echoed-line (FN119): a title or caption line whose words the next paragraph repeats."""

from __future__ import annotations

from tests_support import found

_TOP = "Ferry fares rise\n\nThe board met on Monday.\n\n"


def test_caption_echoed_by_next_paragraph() -> None:
    text = _TOP + "Picture of the new ferry leaving the northern pier at dawn\n\nThe new ferry leaving the northern pier at dawn carried 40 people."
    assert [span for span, _ in found("FN119", text)] == ["Picture of the new ferry leaving the northern pier at dawn"]


def test_headline_echoed_by_lede_is_left_alone() -> None:
    text = "The new ferry leaves the northern pier at dawn\n\nThe new ferry leaves the northern pier at dawn, the board said."
    assert found("FN119", text) == []


def test_sentence_and_whole_repeat_are_left_alone() -> None:
    line = "The new ferry leaves the northern pier at dawn"
    assert found("FN119", _TOP + line + ".\n\n" + line + " each day.") == []
    assert found("FN119", _TOP + line + "\n\n" + line) == []


def test_run_shorter_than_bound_is_left_alone() -> None:
    text = _TOP + "The new ferry and its crew at the northern pier\n\nThe new ferry sailed; its crew met at the northern pier."
    assert found("FN119", text) == []


def test_subhead_quoted_whole_below_is_left_alone() -> None:
    text = _TOP + "Keep the ferry running through the winter\n\nThe captain told the crew: “Keep the ferry running through the winter”, and left."
    assert found("FN119", text) == []
