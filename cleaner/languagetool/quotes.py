"""Quotation marks LanguageTool calls unpaired that news style or the paragraph itself pairs up.

LanguageTool checks one paragraph at a time and knows only its own pairs, so EN_UNPAIRED_QUOTES
fires on an opening quote that starts a paragraph (news leaves a quotation that runs on into the
next paragraph open), on an apostrophe ("gov't"), and on pairs of mixed glyphs (“ closed by ").
"""

from __future__ import annotations

from cleaner.document import Document
from cleaner.model import Finding

RULE = "LT:EN_UNPAIRED_QUOTES"
# opening glyph, closing glyph, and the straight glyph whose place decides its role
_FAMILIES = (("“", "”", '"'), ("‘", "’", "'"))
_BEFORE_OPENING = "([—–-"


def paired_after_all(finding: Finding, doc: Document) -> bool:
    """True when an "unpaired quote" match is an apostrophe, a continued quotation or part of a pair."""
    if finding.code != RULE or len(finding.text) != 1:
        return False
    family = next((f for f in _FAMILIES if finding.text in f), None)
    paragraph = doc.paragraph_at(finding.start)
    if family is None or paragraph is None:
        return False
    if _between_letters(doc.text, finding.start):
        return True  # an apostrophe: gov't, can’t
    if paragraph.start == finding.start and finding.text != family[1]:
        return True  # a quotation continued from the paragraph before
    return _pair_up(doc.text[paragraph.start : paragraph.end], family)


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _pair_up(paragraph: str, family: tuple[str, str, str]) -> bool:
    """True when the paragraph's marks of one family alternate opening and closing, a straight mark
    opening before a word and closing after one (apostrophes inside words are skipped)."""
    opening, closing, straight = family
    closes = []
    for i, mark in enumerate(paragraph):
        if mark not in family or _between_letters(paragraph, i):
            continue
        after_word = i > 0 and not paragraph[i - 1].isspace() and paragraph[i - 1] not in _BEFORE_OPENING
        closes.append(mark == closing or (mark == straight and after_word))
    return bool(closes) and len(closes) % 2 == 0 and all(c is (n % 2 == 1) for n, c in enumerate(closes))
