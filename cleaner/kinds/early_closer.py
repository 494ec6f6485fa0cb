"""`early-closer`: a quotation closed after its first sentence while the speaker's words run on.

Translation that splits a long quotation into sentences closes the quotation after the first one
and leaves the rest in the open: `“This season is ending.” Many of us were tired. We will try.`
The words after the closer are still the speaker's: they speak in the first person (I, we, my,
our, us, me) and no attribution introduces them. The rule reports the closing mark when it ends a
sentence (`.”`), a new capitalised sentence follows, and the sentences up to the next quotation
mark or attribution (a reporting verb) speak in the first person within the first four of them.
A page whose own prose speaks in the first person (a talk, a column, an interview transcript)
tells nothing this way, so a page with first-person sentences outside quotations elsewhere (not
right after a closer) is left alone. No fix is offered: where the quotation really ends is for an editor to say.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.kinds._quotes import OPEN, Mark, paragraph_marks
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import reporting_verbs

KIND = "early-closer"
OPTIONS = (
    Option("sentences", INTEGER, "Sentences after the closer in which the first person must appear.", default=4),
    Option("prose-paragraphs", INTEGER, "First-person sentences outside quotations (not after a closer) that mark a first-person page.", default=2),
)
REPLACEMENT = Replacement.NONE

_FIRST_PERSON = regex.compile(r"(?<![\p{L}’'-])(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Mm]yself|[Oo]urselves)(?![\p{L}’'-])")
_WORD = regex.compile(r"\p{L}+")
_QUOTE_MARKS = "“”\"«»„‘"
_SENTENCE_END = ".!?"


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the reporting verbs once and return the checker."""
    window = rule.options["sentences"]
    prose_limit = rule.options["prose-paragraphs"]
    verbs = reporting_verbs()

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if "”" not in text and '"' not in text:
            return
        scanned = paragraph_marks(doc)
        candidates = [(para, mark) for para, marks in scanned for mark in marks if _closes_sentence(text, mark)]
        if not candidates or _first_person_prose(doc, candidates) >= prose_limit:
            return
        for para, mark in candidates:
            if _speaker_runs_on(doc, mark, para, verbs, window):
                yield Hit(mark.start, mark.end)

    return check


def _closes_sentence(text: str, mark: Mark) -> bool:
    """True for a well-paired closer right after a sentence mark, with a new capitalised sentence after it."""
    if mark.role == OPEN or mark.defect is not None or mark.partner is None or mark.depth != 1:
        return False
    if text[mark.start - 1 : mark.start] not in tuple(_SENTENCE_END):
        return False
    return bool(regex.match(r"[ \t]+\p{Lu}", text[mark.end : mark.end + 3]))


def _speaker_runs_on(doc: Document, mark: Mark, para: Span, verbs: frozenset[str], window: int) -> bool:
    """True when the first-person sentences after the closer run on with no attribution or new quotation."""
    text = doc.text
    stop = next((i for i in range(mark.end, para.end) if text[i] in _QUOTE_MARKS), para.end)
    offset, seen = mark.end + 1, 0
    while offset < stop and seen < window:
        sentence = doc.sentence_at(offset)
        if sentence is None or sentence.end > stop + 1:
            return False  # the sentence runs into a quotation mark: a new quotation, not run-on speech
        words = _WORD.findall(text, sentence.start, sentence.end)
        if any(w.lower() in verbs for w in words):
            return False  # an attribution: the reporter speaks again
        if _FIRST_PERSON.search(text, sentence.start, sentence.end):
            return text[sentence.end - 1 : sentence.end] in tuple(_SENTENCE_END) or sentence.end >= stop
        seen += 1
        offset = sentence.end
        while offset < stop and text[offset].isspace():
            offset += 1
    return False


def _first_person_prose(doc: Document, candidates: list[tuple[Span, Mark]]) -> int:
    """How many sentences outside quotations speak in the first person, not counting those right
    after a closer: the page's own voice (a talk, a column) when there are several."""
    text, tails = doc.text, []
    for para, mark in candidates:
        stop = next((i for i in range(mark.end, para.end) if text[i] in _QUOTE_MARKS), para.end)
        tails.append((mark.end, stop))
    count = 0
    for sentence in doc.sentences:
        if any(start <= sentence.start < stop for start, stop in tails):
            continue
        for match in _FIRST_PERSON.finditer(text, sentence.start, sentence.end):
            if not doc.in_quote(match.start()):
                count += 1
                break
    return count
