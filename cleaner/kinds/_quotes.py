"""Double quotation marks of a paragraph, paired by their place in the text, not only their glyph.

Machine translation leaves quotations opened with one glyph and closed with another: an opening
“ where the closing ” belongs (`compromise“, he said`), a curly mark paired with a straight one,
or TeX-style `` and '' marks (and their curly cousins ‘‘ and ’’). The scanner gives every double mark a role (open or close) from the
pairing state and the characters around it, and names what is wrong with it, so that each rule
reports one kind of defect and no mark is reported twice.

Defects: `unmatched` (a closer with no opener, or an opener never closed), `reopened` (an opener
that starts a new quotation while one is still open), `wrong-way` (an opening glyph used to close, or a closing
glyph used to open), `mixed` (a curly mark paired with a straight one: the mark in the document's
minority style is named), `tex` (`` or '' used as a quotation mark), `turned` (a quotation whose
marks are both turned round and set on the wrong side of their spaces: `he said.” We lead, “added`, or
whose opener alone is a closing glyph glued to the attribution's comma: `says,” We have arrested two men.”`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from cleaner.document import Document, Span
from cleaner.wordclass import reporting_verbs

OPEN, CLOSE = "open", "close"
# Doubled single marks (``, '', ‘‘, ’’) stand for double quotation marks, as TeX writes them. The low
# opening mark of German, Polish or Romanian („) opens a quotation its source closed with ” or “; the
# foreign glyph is RS-reported, and its closer is paired, not reported again as a closer with no opener.
# Doubled primes (′′) and the double prime (″) are OCR's and some converters' straight mark: either role, TeX-like.
_MARK = regex.compile(r"``|''|‘‘|’’|′′|[“”\"„″]")
_GLYPH_ROLE = {"“": OPEN, "``": OPEN, "‘‘": OPEN, "„": OPEN, "”": CLOSE, "''": CLOSE, "’’": CLOSE, '"': None,
               "′′": None, "″": None}
_STYLE = {"“": "curly", "”": "curly", "„": "curly", '"': "straight", "``": "tex", "''": "tex", "‘‘": "tex", "’’": "tex",
          "′′": "tex", "″": "tex"}
_FREE_BEFORE = "([{—–-/“‘"  # a mark after one of these (or a space) is free on its left
_FREE_AFTER = ",.;:!?)]}—–-…”’"  # a mark before one of these (or a space) is free on its right
_CLAUSE_END = ",.;:!?)"  # a spaced mark before one of these closes
_LOOKAHEAD = 8  # marks simulated when an opening glyph arrives inside an open quotation


@dataclass(frozen=True, slots=True)  # slots: one per quotation mark of the text, kept all run
class Mark:
    """One double quotation mark: its span, glyph, role, nesting depth and defect (None if fine)."""

    start: int
    end: int
    glyph: str
    role: str
    depth: int = 1
    defect: str | None = None
    certain: bool = True  # False when the role was chosen between readings of an ambiguous mark
    partner: int | None = None  # for a closing mark, the start of the mark it closes


def paragraph_marks(doc: Document) -> tuple[tuple[Span, tuple[Mark, ...]], ...]:
    """Each paragraph with its scanned marks, scanned once per document for all the quotation rules."""
    return doc.shared("quote-marks", _scan_paragraphs)


def _scan_paragraphs(doc: Document) -> tuple[tuple[Span, tuple[Mark, ...]], ...]:
    """Each paragraph with its scanned marks (one linear pass per paragraph)."""
    style = quote_style(doc.text)
    paragraphs = doc.paragraphs
    out = []
    for index, para in enumerate(paragraphs):
        reopened = index + 1 < len(paragraphs) and doc.text[paragraphs[index + 1].start] in "“\"`"
        marks = _opener_after_attribution(doc.text, _scan(doc.text, para, reopened))
        out.append((para, tuple(_doubtful_pairs(_turned_pair(doc.text, _mixed(marks, style))))))
    return tuple(out)


def opening_marks(doc: Document) -> frozenset[int]:
    """The start of every double mark the scanner reads as opening a quotation, whatever its glyph."""
    return doc.shared("quote-openers", lambda d: frozenset(
        mark.start for _, marks in paragraph_marks(d) for mark in marks if mark.role == OPEN))


def quote_style(text: str) -> str:
    """`straight` when the text writes more straight than curly double marks, else `curly`."""
    curly = text.count("“") + text.count("”")
    return "straight" if text.count('"') > curly else "curly"


def glyph_for(role: str, style: str, depth: int = 1) -> str:
    """The mark a quotation of this depth should use for this role in this style."""
    if depth > 1:
        return ("‘" if role == OPEN else "’") if style == "curly" else "'"
    if style == "straight":
        return '"'
    return "“" if role == OPEN else "”"


class _Cand(NamedTuple):
    start: int
    end: int
    glyph: str
    pos: str | None  # OPEN, CLOSE, None (both sides free or both glued) or "inch"
    spaced: bool  # both sides free
    line_start: bool  # first thing on its line: a run-on quotation may reopen there


def _free_sides(text: str, start: int, end: int, para: Span) -> tuple[bool, bool]:
    before = text[start - 1] if start > para.start else " "
    after = text[end] if end < para.end else " "
    return before.isspace() or before in _FREE_BEFORE, after.isspace() or after in _FREE_AFTER


def _candidates(text: str, para: Span) -> list[_Cand]:
    """Every double mark of the paragraph with the role its place suggests; inch marks flagged."""
    out = []
    for m in _MARK.finditer(text, para.start, para.end):
        start, end, glyph = m.start(), m.end(), m.group()
        free_left, free_right = _free_sides(text, start, end, para)
        pos = OPEN if free_left and not free_right else CLOSE if free_right and not free_left else None
        if pos is None and free_left and free_right and _closes_by_place(text, start, end, para):
            pos = CLOSE
        if glyph in ('"', "''", "″", "′′") and start > para.start and text[start - 1].isdigit() and pos != OPEN:
            pos = "inch"  # 12" pipe, 5'10''
        line_start = _at_line_start(text, start, para)
        if pos is None and line_start and _GLYPH_ROLE.get(glyph) == CLOSE and text[end : end + 2].strip()[:1].isalnum():
            pos = OPEN  # "” The second half…": nothing before it to close, so a spaced mark at a line start opens
        out.append(_Cand(start, end, glyph, pos, free_left and free_right, line_start))
    return out


def _closes_by_place(text: str, start: int, end: int, para: Span) -> bool:
    """True when a mark spaced on its left can only close: a clause mark or a line end follows it.

    An opening mark is never followed by a comma or full stop (`three ” levers “.`), nor is it the
    last thing on a line after a sentence's end (`acts impartially. “` before a line break).
    """
    if start == para.start or not text[start - 1].isspace():
        return False
    after = text[end] if end < para.end else "\n"
    if after in _CLAUSE_END:
        return True
    rest = end
    while rest < para.end and text[rest] in " \t":
        rest += 1
    if rest < para.end and text[rest] != "\n":
        return False
    before = start
    while before > para.start and text[before - 1] in " \t":
        before -= 1
    return before > para.start and text[before - 1] in ".!?,…"


def _at_line_start(text: str, offset: int, para: Span) -> bool:
    """True when only spaces stand between the offset and the start of its line."""
    while offset > para.start and text[offset - 1] in " \t":
        offset -= 1
    return offset == para.start or text[offset - 1] == "\n"


def _scan(text: str, para: Span, runs_on: bool = False) -> list[Mark]:
    """Pair the paragraph's marks left to right, resolving ambiguous openers by lookahead.

    `runs_on`: the next paragraph opens with a quotation mark, so a quotation may stay open.
    """
    cands = _candidates(text, para)
    marks: list[Mark] = []
    stack: list[int] = []  # indexes into `marks` of the open quotations
    for i, cand in enumerate(cands):
        if cand.pos == "inch" and (not stack or _inch_inside(cands, i, runs_on)):
            continue
        role, defect, certain, action = _decide(cand, bool(stack), cands, i, runs_on)
        depth = len(stack) + 1 if action == "push" else max(len(stack), 1)
        marks.append(Mark(cand.start, cand.end, cand.glyph, role, depth, defect, certain))
        index = len(marks) - 1
        if action == "push":
            stack.append(index)
        elif action == "pop":
            opener = stack.pop()
            marks[index] = replace(marks[index], partner=marks[opener].start)
        elif action == "restart":
            stack[-1] = index  # the quotation left open is reported at this mark
    for index in stack:
        # A quotation never closed is named so even in TeX marks: curling a `` first would only bring it out.
        if marks[index].defect in (None, "tex"):
            marks[index] = replace(marks[index], defect="unmatched")
    return marks


def _inch_inside(cands: list[_Cand], i: int, runs_on: bool) -> bool:
    """True when a mark after a digit inside a quotation reads better as an inch mark ("the 12" pipe")."""
    following = cands[i + 1 : i + 1 + _LOOKAHEAD]
    return _defects_after(following, 1, runs_on) < _defects_after(following, 0, False)


def _decide(
    cand: _Cand, is_open: bool, cands: list[_Cand], i: int, runs_on: bool
) -> tuple[str, str | None, bool, str]:
    """Return (role, defect, certain, stack action) for one mark."""
    own, pos = _GLYPH_ROLE[cand.glyph], cand.pos
    tex = "tex" if _STYLE[cand.glyph] == "tex" else None
    if not is_open:
        if own == CLOSE and pos is None and cand.spaced and not tex and _opens_better(cands, i):
            return OPEN, "wrong-way", False, "push"  # `three ” levers “.`: a pair turned round
        if own == CLOSE and pos != OPEN:
            return CLOSE, "unmatched", True, "none"  # the missing partner matters more than the glyph
        if own == OPEN and pos == CLOSE and not tex:
            # A lost opener and a wrong glyph: name the glyph, but only suggest turning it: the turned mark
            # still has no partner (`stability“.`, or a stray after a closer: `condition.”“.`), and an editor
            # must find where the quotation opened (or whether the mark is a stray) anyway.
            return CLOSE, "wrong-way", False, "none"
        return OPEN, tex or ("wrong-way" if own == CLOSE else None), True, "push"
    if cand.line_start and cand.pos == OPEN:
        return OPEN, tex, True, "restart"  # a quotation run on over a line break reopens here
    if own != OPEN:
        return CLOSE, tex, True, "pop"
    if pos in (CLOSE, "inch") or (pos is None and not cand.spaced):
        return CLOSE, tex or "wrong-way", True, "pop"
    reading = _best_reading(cands, i, pos, runs_on)
    if reading == "close":
        return CLOSE, tex or "wrong-way", False, "pop"
    if reading == "nest":
        return OPEN, tex, True, "push"
    return OPEN, "reopened", False, "restart"


def _opens_better(cands: list[_Cand], i: int) -> bool:
    """True when a spaced closing glyph with nothing open pairs the following marks better as an opener."""
    following = cands[i + 1 : i + 1 + _LOOKAHEAD]
    return _defects_after(following, 1, False) < 1 + _defects_after(following, 0, False)


def _best_reading(cands: list[_Cand], i: int, pos: str | None, runs_on: bool) -> str:
    """Choose how an opening glyph inside an open quotation reads: close, restart or nest.

    Each reading is simulated over the next few marks; the one leaving fewest defects wins.
    Restarting abandons a quotation, and closing with a mark in opening position (space before,
    word after) misplaces it: each costs one. On a tie, a mark in opening position restarts the
    quotation and any other mark closes it.
    """
    following = cands[i + 1 : i + 1 + _LOOKAHEAD]
    last = i + 1 + _LOOKAHEAD >= len(cands)
    scores = {"close": _defects_after(following, 0, False) + (pos == OPEN),
              "restart": 1 + _defects_after(following, 1, runs_on and last),
              "nest": _defects_after(following, 2, runs_on and last)}
    best = min(scores.values())
    if scores["nest"] < min(scores["close"], scores["restart"]):
        return "nest"
    if pos == OPEN and scores["restart"] == best:
        return "restart"
    return "close" if scores["close"] == best else "restart"


def _defects_after(cands: list[_Cand], depth: int, runs_on: bool) -> int:
    """Defects a plain left-to-right pairing of the following marks leaves, from this depth."""
    defects = 0
    for cand in cands:
        own = _GLYPH_ROLE[cand.glyph]
        if cand.pos == "inch" and not depth:
            continue
        opens = (own == OPEN and cand.pos != CLOSE) if own else not depth
        if opens:
            defects += depth > 0  # an opener inside an open quotation
            depth = max(depth, 1)
        elif depth:
            depth -= 1
        else:
            defects += 1
    return defects + max(depth - runs_on, 0)  # a run-on leaves one quotation open, not two


def _mixed(marks: list[Mark], style: str) -> list[Mark]:
    """Name the mark not in the document's style in each pair that joins a curly and a straight mark."""
    by_start = {mark.start: index for index, mark in enumerate(marks)}
    out = list(marks)
    for index, mark in enumerate(marks):
        if mark.partner is None:
            continue
        opener = by_start[mark.partner]
        pair = {_STYLE[marks[opener].glyph], _STYLE[mark.glyph]}
        if pair == {"curly", "straight"} and marks[opener].defect is None and mark.defect is None:
            odd = opener if _STYLE[marks[opener].glyph] != style else index
            out[odd] = replace(out[odd], defect="mixed")
    return out


def _turned_pair(text: str, marks: list[Mark]) -> list[Mark]:
    """Name `turned` a lone ” that follows a sentence and opens words, then a lone “ glued to a lower-case
    word after a clause mark: the quotation between them lost both marks to the wrong side (`assured.” We
    lead, “applauded the minister`). The first mark of a paragraph may close a quotation run on from the
    paragraph before, so it is never the first of such a pair, unless the pair sits inside one sentence, each
    mark glued to the word outside it (`during the” Cup Final “ceremony`). A next opener taken for a reopening of the
    “ is a plain opener once that mark closes."""
    out = list(marks)
    closed = {mark.partner for mark in marks}
    for index in range(len(marks) - 1):
        first, second = marks[index], marks[index + 1]
        if first.glyph != "”" or second.glyph != "“" or first.defect != "unmatched" or second.start in closed:
            continue  # the opener is left without a partner, at the paragraph end or by a later reopening
        if first.role != CLOSE or second.role != OPEN:
            continue
        opens_words = text[first.end : first.end + 1] == " " and text[first.end + 1 : first.end + 2].isupper()
        ends_clause = text[second.start - 2 : second.start] in (", ", ". ", "! ", "? ")
        if index and text[first.start - 1 : first.start] in ".!?," and opens_words and ends_clause \
                and text[second.end : second.end + 1].islower():
            turned = True
        else:
            turned = _turned_inside_sentence(text, first, second)
        if turned:
            out[index] = replace(first, role=OPEN, defect="turned")
            out[index + 1] = replace(second, role=CLOSE, defect="turned")
            after = out[index + 2] if index + 2 < len(out) else None
            if after is not None and after.defect == "reopened":  # it only reopened the “ now read as a closer
                out[index + 2] = replace(after, defect=None)
    return out


# What ends the clause before an attribution's comma: its reporting verb must stand among the last four words
# after the last of these (`says,”`, `told reporters,”`, `said on Monday:”`).
_CLAUSE_BREAK = regex.compile(r"[.!?;:,“”\"‘’()\n]")


def _opener_after_attribution(text: str, marks: list[Mark]) -> list[Mark]:
    """Name `turned` a lone closing ” glued to the comma or colon after a reporting verb, with a space and a
    capital after it: it opens the quotation (`says,” We have arrested two men.”`, South Asian copy, where
    the closing glyph and its space were typed the wrong way round). It then pairs with the next mark when
    that one closes nothing (a ”, a straight mark glued to the words, or a TeX-like ’’), or is the last mark.
    A closing mark that follows a quotation's own words is left alone: nothing but the attribution precedes it."""
    out = list(marks)
    verbs = reporting_verbs()
    for index, mark in enumerate(marks):
        if mark.glyph != "”" or mark.role != CLOSE or mark.defect != "unmatched":
            continue
        if text[mark.end : mark.end + 1] != " " or not text[mark.end + 1 : mark.end + 2].isupper():
            continue
        if text[mark.start - 1 : mark.start] not in (",", ":"):
            continue
        clause = _CLAUSE_BREAK.split(text[max(0, mark.start - 60) : mark.start - 1])[-1].split()
        if not clause or not any(word in verbs for word in clause[-4:]):
            continue
        nxt = marks[index + 1] if index + 1 < len(marks) else None
        if nxt is not None and not (nxt.defect == "unmatched" and (
                nxt.role == CLOSE or nxt.glyph == '"' and not text[nxt.start - 1].isspace())):
            continue
        out[index] = replace(mark, role=OPEN, defect="turned")
        if nxt is not None:  # the quotation's own closer, no longer a closer with no opener
            out[index + 1] = replace(nxt, role=CLOSE, partner=mark.start,
                                     defect="tex" if _STYLE[nxt.glyph] == "tex" else None)
    return out


def _turned_inside_sentence(text: str, first: Mark, second: Mark) -> bool:
    """True for a short quotation inside a sentence whose marks are turned and each glued to the word outside
    it (`during the” Cup Final “ceremony`, `called the subsidy” an insult “and`): the lone ” follows a
    lower-case word and a space follows it; the lone “ has a space before it and a lower-case word glued after
    it; no sentence ends between them. Even as a paragraph's first mark, a ” glued to "the" closes nothing."""
    inner = text[first.end : second.start]
    return (text[first.start - 1 : first.start].islower() and inner[:1] == " " and inner[1:2].isalpha()
            and inner[-1:] == " " and inner[-2:-1].isalnum() and text[second.end : second.end + 1].islower()
            and len(inner) <= 60 and not any(mark in inner for mark in ".!?;:\n"))


def _doubtful_pairs(marks: list[Mark]) -> list[Mark]:
    """A wrong-way closer whose opener was itself a doubtful reading (`three ” levers “.`) is doubtful too:
    turning one half alone would leave the pair half fixed and mislead the other spacing rules."""
    doubtful = {mark.start for mark in marks if mark.defect == "wrong-way" and not mark.certain}
    return [replace(mark, certain=False) if mark.defect == "wrong-way" and mark.partner in doubtful else mark
            for mark in marks]
