"""`late-opener`: a quotation opened one sentence or more after its speaker's words began.

The mirror image of an early closer: translation that splits a quotation into sentences opens it
before the second or third one and leaves the first in the open: `I assure you of it. “The plan
is sound,” she said.` The words before the opener are the speaker's too: every sentence of them
speaks in the first person (I, we, my, our, us, me), the paragraph opens with them and no mark
stands among them, and the quotation they run into ends in an attribution (a comma or a sentence
mark inside the closer, then a reporting verb within four words: `,” she said`). A reporter does
not write in the first person outside a quotation, so the opening mark was lost at the paragraph
start (or, on a page whose paragraphs are single-newline lines, at the start of the opener's line),
and that is where the finding points; the opener inside is reported too, as the mark to move. A sentence with a reporting verb among the first-person words
("he said that we are ready") is the reporter's indirect speech, not the speaker's own. A page whose own prose speaks in the first person
(a talk, a column) tells nothing this way and is skipped, as `early-closer` skips it. No fix is
offered: the opener belongs at the start and the one inside should go, which is one edit for an
editor, not two safe ones.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.kinds._quotes import OPEN, Mark, paragraph_marks
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import first_person_pattern, reporting_verbs

KIND = "late-opener"
OPTIONS = (
    Option("sentences", INTEGER, "The most sentences of first-person words before the opener.", default=3),
    Option("prose-sentences", INTEGER, "First-person sentences outside quotations that mark a first-person page.", default=6),
)
REPLACEMENT = Replacement.NONE

_FIRST_PERSON = first_person_pattern(contracted=True)  # "I’m" speaks in the first person too
_ANY_QUOTE = regex.compile(r"[“”\"«»„‘’]")
_WORD = regex.compile(r"[\p{L}’'-]+")
_SENTENCE_END = ".!?"
_ATTRIBUTION_WORDS = 4
_INNER = "This opening mark comes after the speaker's first words; it belongs at the start of the speech."


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the reporting verbs once and return the checker."""
    window = rule.options["sentences"]
    prose_limit = rule.options["prose-sentences"]
    verbs = reporting_verbs()

    def check(doc: Document) -> Iterator[Hit]:
        if "“" not in doc.text and '"' not in doc.text:
            return
        found = [(start, marks[0]) for para, marks in paragraph_marks(doc) if marks
                 for start in (_late(doc, para, marks, verbs, window),) if start is not None]
        if found and _first_person_prose(doc, prose_limit) < prose_limit:
            for start, opener in found:
                yield Hit(start, start + 1)
                yield Hit(opener.start, opener.end, message=_INNER)

    return check


def _late(doc: Document, para: Span, marks: tuple[Mark, ...], verbs: frozenset[str], window: int) -> int | None:
    """The start of the paragraph (or of the opener's line, on a page of single-line paragraphs) when its first
    mark opens a well-paired, attributed quotation after first-person sentences there; else None."""
    text, opener = doc.text, marks[0]
    if opener.role != OPEN or opener.defect is not None or opener.depth != 1:
        return None
    closer = next((m for m in marks if m.partner == opener.start), None)
    if closer is None or closer.defect is not None or not _attributed(text, closer, para, verbs):
        return None
    start = max(para.start, text.rfind("\n", para.start, opener.start) + 1)
    head_end = opener.start
    while head_end > start and text[head_end - 1] in " \t":
        head_end -= 1
    if head_end == start or text[head_end - 1] not in _SENTENCE_END or _ANY_QUOTE.search(text, start, head_end):
        return None
    if not text[start].isupper() or not text[opener.end : opener.end + 1].isupper():
        return None  # the speech and the quotation each open a sentence
    return start if _all_first_person(doc, start, head_end, window, verbs) else None


def _attributed(text: str, closer: Mark, para: Span, verbs: frozenset[str]) -> bool:
    """True when the closer ends speech (a comma or sentence mark inside it) and a reporting verb follows within four words."""
    if text[closer.start - 1 : closer.start] not in (",", ".", "!", "?"):
        return False
    follow = _WORD.findall(text, closer.end, min(para.end, closer.end + 50))[:_ATTRIBUTION_WORDS]
    return any(word.lower() in verbs for word in follow)


def _all_first_person(doc: Document, start: int, stop: int, window: int, verbs: frozenset[str]) -> bool:
    """True when [start, stop) is one to `window` sentences, each with a first-person word and no reporting
    verb (the reporter's "he said that we are ready" is indirect speech, not the speaker's own)."""
    offset, seen = start, 0
    while offset < stop:
        sentence = doc.sentence_at(offset)
        if sentence is None or seen == window:
            return False
        end = min(sentence.end, stop)
        if not _FIRST_PERSON.search(doc.text, sentence.start, end) \
                or any(w.lower() in verbs for w in _WORD.findall(doc.text, sentence.start, end)):
            return False
        seen += 1
        offset = end
        while offset < stop and doc.text[offset].isspace():
            offset += 1
    return seen > 0


def _first_person_prose(doc: Document, limit: int) -> int:
    """How many sentences outside quotations speak in the first person, counted up to `limit`, in paragraphs with
    no quotation mark: where speech lost its marks, its first person stands next to the quotations it belongs to."""
    counted: set[int] = set()
    for match in _FIRST_PERSON.finditer(doc.text):
        para = doc.paragraph_at(match.start())
        if doc.in_quote(match.start()) or para is None or _ANY_QUOTE.search(doc.text, para.start, para.end):
            continue
        sentence = doc.sentence_at(match.start())
        if sentence is not None:
            counted.add(sentence.start)
        if len(counted) >= limit:
            break
    return len(counted)
