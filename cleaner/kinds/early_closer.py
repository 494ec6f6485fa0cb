"""`early-closer`: a quotation closed after its first sentence while the speaker's words run on.

Translation that splits a long quotation into sentences closes the quotation after the first one
and leaves the rest in the open: `“This season is ending.” Many of us were tired. We will try.`
The words after the closer are still the speaker's: they speak in the first person (I, we, my,
our, us, me) and no attribution introduces them. The rule reports the closing mark when it ends a
sentence (`.”`), a new capitalised sentence follows, and the sentences up to the next quotation
mark or attribution (a reporting verb) speak in the first person within the first four of them.
The quotation must be speech, not a phrase in quotation marks ("what it calls “safe hours.” We"):
its words open with a capital, or a colon or comma introduces it. A page whose own prose speaks in
the first person (a talk, a column, an interview transcript) tells nothing this way, so a page with
several (six) first-person sentences outside quotations elsewhere (not right after a closer, nor
after a reporting verb's colon, where speech lost its marks) is left alone; a page where translation
dropped the marks of a few quotations has only two or three. No fix is offered: where the quotation really ends is for an editor to say.
"""

from __future__ import annotations

import bisect

from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.kinds._quotes import OPEN, Mark, paragraph_marks
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import first_person_pattern, reporting_verbs

KIND = "early-closer"
OPTIONS = (
    Option("sentences", INTEGER, "Sentences after the closer in which the first person must appear.", default=4),
    Option("prose-paragraphs", INTEGER, "First-person sentences outside quotations (not after a closer) that mark a first-person page.", default=6),
)
REPLACEMENT = Replacement.NONE

_FIRST_PERSON = first_person_pattern("ours", "myself", "ourselves")
_WORD = regex.compile(r"\p{L}+")
_ANY_QUOTE = regex.compile(r"[“”\"«»„‘]")
_CLOSER_AT_SENTENCE_END = regex.compile(r"(?<=[.!?])(?:[”\"]|''|’’)(?=[ \t]+\p{Lu})")  # TeX-style marks too
_SENTENCE_END = ".!?"
_BELONGS = "The speaker's words run on to the end of the paragraph: the quotation's closing mark belongs here."


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the reporting verbs once and return the checker."""
    window = rule.options["sentences"]
    prose_limit = rule.options["prose-paragraphs"]
    verbs = reporting_verbs()

    def check(doc: Document) -> Iterator[Hit]:
        # Cheap first: a closer after a sentence mark with first-person words running on after it;
        # only then pair the marks and weigh the page's own voice.
        tails, runs = [], []
        for match in _CLOSER_AT_SENTENCE_END.finditer(doc.text, timeout=timeout_for(doc.text)):
            para = doc.paragraph_at(match.start())
            if para is None:
                continue
            tail = _tail(doc.text, match.end(), para)
            tails.append(tail)
            if _speaker_runs_on(doc, tail, verbs, window):
                runs.append((match.start(), match.end(), _belongs_at(doc.text, tail, para, verbs)))
        if not runs or _first_person_prose(doc, tails, prose_limit, verbs) >= prose_limit:
            return
        closers = {m.start for _, marks in paragraph_marks(doc) for m in marks
                   if _well_paired(m) and _quotes_sentence(doc.text, m)}
        for start, end, belongs in runs:
            if start in closers:
                yield Hit(start, end)
                if belongs is not None:
                    yield Hit(belongs - 1, belongs, message=_BELONGS)

    return check


def _well_paired(mark: Mark) -> bool:
    """True for a closer the scanner paired with an opener, at the first level."""
    fine = mark.defect in (None, "tex", "mixed")  # a TeX or mixed glyph still pairs; other rules name the glyph
    return mark.role != OPEN and fine and mark.partner is not None and mark.depth == 1


def _quotes_sentence(text: str, mark: Mark) -> bool:
    """True when the quotation the closer ends is speech, not a phrase ("what it calls “safe hours.”"):
    its words open with a capital, or a colon or comma introduces it ("said: “this season")."""
    opener = mark.partner if mark.partner is not None else mark.start
    after = opener + (2 if text[opener : opener + 2] in ("``", "‘‘") else 1)
    return text[after : after + 1].isupper() or text[max(0, opener - 2) : opener].rstrip()[-1:] in (":", ",")


def _tail(text: str, after: int, para: Span) -> tuple[int, int]:
    """The words after a closer, up to the next quotation mark or the paragraph end."""
    found = _ANY_QUOTE.search(text, after, para.end)
    return after, found.start() if found else para.end


def _speaker_runs_on(doc: Document, tail: tuple[int, int], verbs: frozenset[str], window: int) -> bool:
    """True when the first-person sentences after the closer run on with no attribution or new quotation."""
    text, (after, stop) = doc.text, tail
    offset, seen = after + 1, 0
    while offset < stop and seen < window:
        sentence = doc.sentence_at(offset)
        if sentence is None or sentence.end > stop + 1:
            return False  # the sentence runs into a quotation mark: a new quotation, not run-on speech
        if any(w.lower() in verbs for w in _WORD.findall(text, sentence.start, sentence.end)):
            return False  # an attribution: the reporter speaks again
        if _FIRST_PERSON.search(text, sentence.start, sentence.end):
            return text[sentence.end - 1 : sentence.end] in tuple(_SENTENCE_END) or sentence.end >= stop
        seen += 1
        offset = sentence.end
        while offset < stop and text[offset].isspace():
            offset += 1
    return False


def _belongs_at(text: str, tail: tuple[int, int], para: Span, verbs: frozenset[str]) -> int | None:
    """The end of the paragraph when the speaker's words after the closer run on to it, with no quotation
    mark and no reporting verb among them, and it ends like a sentence: the closer belongs there."""
    after, stop = tail
    end = para.end
    while end > after and text[end - 1].isspace():
        end -= 1
    if stop < para.end or end <= after or text[end - 1] not in _SENTENCE_END:
        return None
    if any(w.lower() in verbs for w in _WORD.findall(text, after, end)):
        return None
    return end


def _first_person_prose(doc: Document, tails: list[tuple[int, int]], limit: int, verbs: frozenset[str]) -> int:
    """How many sentences outside quotations speak in the first person (counted up to `limit`), not
    counting those right after a closer: the page's own voice (a talk, a column) when there are several."""
    starts = [start for start, _ in tails]
    counted: set[int] = set()
    for match in _FIRST_PERSON.finditer(doc.text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < tails[i][1]:
            continue  # right after a closer: the words this rule weighs
        sentence = doc.sentence_at(match.start())
        if sentence is None or sentence.start in counted or doc.in_quote(match.start()):
            continue
        if _introduced(doc.text, sentence.start, match.start(), verbs):
            continue  # speech after "said ...:" that lost its marks (PU114's), not the page's own voice
        counted.add(sentence.start)
        if len(counted) >= limit:
            break
    return len(counted)


def _introduced(text: str, start: int, offset: int, verbs: frozenset[str]) -> bool:
    """True when a reporting verb and a colon stand before the offset in its sentence ("said about the final: Our")."""
    colon = text.rfind(":", start, offset)
    return colon >= 0 and any(w.lower() in verbs for w in _WORD.findall(text, start, colon))
