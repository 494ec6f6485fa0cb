"""`quote-balance`: a double quotation mark with no partner in its paragraph.

Quotation marks are paired within each paragraph by their role (see `_quotes`): curly marks by
direction and place, straight marks by alternation. One news convention is allowed: a quotation
that runs on into the next paragraph leaves its paragraph open, and the next paragraph opens with
a quotation mark again. A straight mark right after a digit (12" screen) is a unit. A mark of the
wrong glyph (an opening “ that closes) is left to the `quote-glyphs` rules, so it is not also
reported here as a mark without a partner.

"""

from __future__ import annotations

from typing import Callable, Iterator

from cleaner.document import Document, Span
from cleaner.kinds._quotes import OPEN, Mark, paragraph_marks
from cleaner.model import Hit, Rule
from cleaner.schema import BOOLEAN, Option, Replacement

KIND = "quote-balance"
OPTIONS = (
    Option(
        "continuation",
        BOOLEAN,
        "Allow the run-on convention: a quotation left open at a paragraph end when the next paragraph "
        "opens with a quotation mark.",
        default=True,
    ),
)
REPLACEMENT = Replacement.NONE

_MARKS = "“”\"`'"
_OPENERS = "“\"`"
_MESSAGES = {
    "reopened": "A new quotation opens before the previous one is closed.",
    OPEN: "Opening quotation mark is never closed in its paragraph.",
    "close": "Closing quotation mark has no opening mark in its paragraph.",
}



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    continuation = rule.options["continuation"]

    def check(doc: Document) -> Iterator[Hit]:
        scanned = list(paragraph_marks(doc))
        for index, (para, marks) in enumerate(scanned):
            following = doc.paragraphs[index + 1 : index + 2]
            for mark in marks:
                if mark.defect not in ("unmatched", "reopened"):
                    continue
                if mark.defect == "unmatched" and mark.role == OPEN and continuation \
                        and _runs_on(doc.text, mark, para, following):
                    continue
                message = _MESSAGES[mark.defect if mark.defect == "reopened" else mark.role]
                yield Hit(mark.start, mark.end, message=message)

    return check


def _runs_on(text: str, mark: Mark, para: Span, following: tuple[Span, ...]) -> bool:
    """True when the quotation stays open to the paragraph end and the next paragraph reopens it."""
    if any(ch in "“”\"" for ch in text[mark.end : para.end]):
        return False
    return bool(following) and text[following[0].start] in _OPENERS
