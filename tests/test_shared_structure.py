"""What rules share per document is built once, and the fast paths find what the plain ones find."""

from __future__ import annotations

import pytest
import regex

from cleaner.document import Document
from cleaner.kinds import _glued, number_calque
from cleaner.kinds._support import blank_led


def test_shared_builds_once_per_document_and_key() -> None:
    calls: list[str] = []

    def build(doc: Document) -> int:
        calls.append(doc.text)
        return len(doc.words)

    first, second = Document("One two three."), Document("Four five.")
    assert first.shared("count", build) == 3
    assert first.shared("count", build) == 3
    assert second.shared("count", build) == 2
    assert first.shared("other", build) == 3
    assert calls == ["One two three.", "Four five.", "One two three."]


@pytest.mark.parametrize("limit", [0, 100])
def test_glued_tokens_are_found_the_same_one_by_one_or_in_one_pass(monkeypatch, limit: int) -> None:
    text = "The teamand the coach met inthe hall; myteamand@mail is an address, and teamandx is not a token."
    monkeypatch.setattr(_glued, "_FIND_LIMIT", limit)
    found = _glued._occurrences(text, {"teamand": 4, "inthe": 2})
    assert found == [(text.index("teamand"), "teamand"), (text.index("inthe"), "inthe")]


def test_blank_led_matches_equal_the_pattern_with_leading_blanks() -> None:
    text = "Mon (Sat)  \t(Sun) x(Fri) ( Tue)(Wed)"
    core = regex.compile(r"\((?:Sat|Sun|Fri|Wed)\)")
    longer = regex.compile(r"[ \t]*\((?:Sat|Sun|Fri|Wed)\)")
    assert [(start, m.end()) for start, m in blank_led(core, text)] == [m.span() for m in longer.finditer(text)]


def test_era_hints_equal_the_case_insensitive_scan() -> None:
    text = "In REIWA 5 and heisei 30, the ShŌwa era, B.E. 2566, BE2566 and the Republic of  China; reiwareiwa."
    fast = [m.span() for m in number_calque._era_hints(text)]
    assert fast == [m.span() for m in number_calque._ERA_HINT.finditer(text)]
    assert fast  # the text has hints to find
