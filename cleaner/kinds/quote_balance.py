"""`quote-balance`: a double quotation mark with no partner in its paragraph.

Quotation marks are paired within each paragraph by the document model (curly marks by
direction, straight marks by alternation). One news convention is allowed: a quotation that
runs on into the next paragraph leaves its paragraph open, and the next paragraph opens
with a quotation mark again. A straight mark right after a digit (12" screen) is a unit.

Fields:
- `continuation`: allow the run-on convention (default true).
"""

from __future__ import annotations

import bisect
from typing import Callable, Iterator

from cleaner.document import Document, Span
from cleaner.kinds._support import option
from cleaner.model import Hit, Rule

KIND = "quote-balance"
FIELDS = frozenset({"continuation"})

_MARKS = "“”\""
_OPENERS = "“\""


def validate(rule: Rule) -> None:
    """Check the options."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    continuation = option(rule, "continuation", True, bool)

    def check(doc: Document) -> Iterator[Hit]:
        text, paragraphs = doc.text, doc.paragraphs
        starts = [p.start for p in paragraphs]
        for offset in doc.unbalanced_quotes:
            index = bisect.bisect_right(starts, offset) - 1
            para = paragraphs[index]
            if text[offset] == '"' and offset > para.start and text[offset - 1].isdigit():
                continue
            opening = _is_opening(text, offset, para)
            if opening and continuation and _runs_on(text, offset, para, paragraphs[index + 1 : index + 2]):
                continue
            message = (
                "Opening quotation mark is never closed in its paragraph."
                if opening
                else "Closing quotation mark has no opening mark in its paragraph."
            )
            yield Hit(offset, offset + 1, message=message)

    return check


def _is_opening(text: str, offset: int, para: Span) -> bool:
    """Curly marks tell their direction; a straight mark opens when a space or start precedes it."""
    mark = text[offset]
    if mark != '"':
        return mark == "“"
    return offset == para.start or text[offset - 1].isspace() or text[offset - 1] in "([—–-"


def _runs_on(text: str, offset: int, para: Span, following: tuple[Span, ...]) -> bool:
    """True when the quotation stays open to the paragraph end and the next paragraph reopens it."""
    if any(ch in _MARKS for ch in text[offset + 1 : para.end]):
        return False
    return bool(following) and text[following[0].start] in _OPENERS
