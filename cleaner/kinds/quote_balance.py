"""`quote-balance`: a double quotation mark with no partner in its paragraph.

Quotation marks are paired within each paragraph by their role (see `_quotes`): curly marks by
direction and place, straight marks by alternation. One news convention is allowed: a quotation
that runs on into the next paragraph leaves its paragraph open, and the next paragraph opens with
a quotation mark again. A straight mark right after a digit (12" screen) is a unit. A mark of the
wrong glyph (an opening “ that closes) is left to the `quote-glyphs` rules, so it is not also
reported here as a mark without a partner.

A quotation that is never closed before a new attribution sentence starts ("… creating chaos. The
minister said, ‘BNP marched …", or a second “ taken for a closer after "said in response, “What")
lost its closing mark at the end of the sentence before the attribution, and that is where the
finding points: a sentence that opens with a named subject (not a pronoun), has a reporting
verb among its first eight words and opens a quotation of its own. On a page whose paragraphs are
lines, a quotation left open at the end of a finished line before a later line's new opener lost its
closer at that line end, when the reporter, not the speaker ("I", "we", "you"), leads up to the new one.

"""

from __future__ import annotations

import bisect
from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.kinds._quotes import OPEN, Mark, paragraph_marks
from cleaner.model import Hit, Rule
from cleaner.schema import BOOLEAN, Option, Replacement
from cleaner.wordclass import first_person_pattern, reporting_verbs

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
_FINAL = ".!?…"
_EMPTY_PAIR = regex.compile(r'(?:“”|"")(?=\w)')
_RUN_WORDS = 6  # the fewest words of a first-person run read as speech that lost its opening mark
_PHRASE_WORDS = 5  # the longest quoted phrase read as a scare quote or title inside a sentence
_BRIDGE = 8  # paragraphs a quotation may run over without reopening marks
_ATTRIBUTION_WORDS = 8
_SPEAKER_WORD = regex.compile(r"[\p{L}’'.-]+")
_QUOTE_OPENING = regex.compile(r"[“‘\"](?=\p{L})")
# A speaker quoted inside a quotation is named by a pronoun ("She said, ‘It has to fit.’"); a reporter names them.
_PRONOUNS = frozenset({"I", "We", "You", "He", "She", "They", "It", "This", "That", "There", "Then"})
_BEFORE_ATTRIBUTION = "The quotation is not closed before the next attribution; its closing mark is missing here."
_TO_END = "The quotation opened earlier in this paragraph is never closed; its closing mark is missing here."
_LOST_OPENER = "The quotation that closes later in this paragraph lost its opening mark here."
_SPEECH_END = ",.!?…"
_SPEECH_MARKS = "“”\"«»"
_INTRODUCED = regex.compile(r"(?<=\b(\p{L}+)[:,] )(?=\p{L})")
_NEXT_SENTENCE = regex.compile(r"[.!?] +(?=\p{Lu})")
_FIRST_PERSON = first_person_pattern(contracted=True)  # "I’m" counts: a contraction is first person too
_SECOND_PERSON = regex.compile(r"(?<![\p{L}’'])(?i:you|your)(?![\p{L}’'])")
_MESSAGES = {
    "reopened": "A new quotation opens before the previous one is closed.",
    OPEN: "Opening quotation mark is never closed in its paragraph.",
    "close": "Closing quotation mark has no opening mark in its paragraph.",
}



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    continuation = rule.options["continuation"]
    verbs = reporting_verbs()

    def check(doc: Document) -> Iterator[Hit]:
        scanned = list(paragraph_marks(doc))
        bridged = _bridged(doc.text, scanned) if continuation else set()
        for index, (para, marks) in enumerate(scanned):
            following = doc.paragraphs[index + 1 : index + 2]
            pairs = _Pairing(marks)
            placed = list(_unclosed_before_attribution(doc, para, marks, verbs))
            yield from (hit for hit, _ in placed)
            answered = {start for _, start in placed}  # a reopening already explained by the missing closer
            for mark in marks:
                if mark.defect not in ("unmatched", "reopened") or mark.start in bridged:
                    continue
                if mark.defect == "reopened" and (mark.start in answered or _short_phrase(doc.text, mark, pairs)):
                    continue
                if mark.defect == "reopened":
                    line_end = _open_line_before(doc.text, mark, pairs, para)
                    if line_end is not None:
                        yield Hit(line_end - 1, line_end, message=_TO_END)
                        continue
                if mark.role != OPEN and _EMPTY_PAIR.search(doc.text, para.start, mark.start):
                    continue  # "“”No one is safe”": the empty pair is the defect, which PU119 reports
                if mark.defect == "unmatched" and _paired_with_other_glyph(doc.text, mark, para):
                    continue  # "“We lost. »", "‘We lost.”": the other glyph is the defect (RS109, PU123)
                runs_on = _quotes_before(doc.text, scanned, index)
                lost = _lost_opener(doc.text, mark, marks, para, verbs, runs_on) if mark.defect == "unmatched" else None
                if lost is None and _straight_at_end(doc.text, mark, para):
                    lost = _unattributed_lost_opener(doc.text, mark, marks, para, runs_on)
                if lost is not None:
                    yield Hit(lost, lost + 1, message=_LOST_OPENER)
                    continue
                if mark.defect == "unmatched" and mark.role == OPEN:
                    if continuation and _runs_on(doc.text, mark, para, following):
                        continue
                    line_end = _runs_to_line_end(doc.text, mark, para)
                    if line_end is not None:
                        yield Hit(line_end - 1, line_end, message=_TO_END)
                        continue
                    if not following and not _finished(doc.text, para):
                        continue  # the page was cut off inside the quotation
                    if _runs_to_end(doc.text, mark, para):
                        yield Hit(para.end - 1, para.end, message=_TO_END)
                        continue
                message = _MESSAGES[mark.defect if mark.defect == "reopened" else mark.role]
                yield Hit(mark.start, mark.end, message=message)

    return check


class _Pairing:
    """A paragraph's marks indexed once, so that each reopened mark is judged in logarithmic time: a
    paragraph of thousands of marks would otherwise rescan them all per mark."""

    def __init__(self, marks: tuple[Mark, ...]) -> None:
        self.marks = marks
        self.closer_of: dict[int, Mark] = {}  # an opener's start -> the first mark naming it as partner
        for m in marks:
            if m.partner is not None:
                self.closer_of.setdefault(m.partner, m)
        unclosed = [m for m in marks if m.role == OPEN and m.start not in self.closer_of]
        self._unclosed = unclosed
        self._unclosed_starts = [m.start for m in unclosed]
        # Per position, the smallest partner (-1 when none) of a later closing mark: does a mark after
        # this one close a quotation opened before a given point?
        self._later_partner = [0] * (len(marks) + 1)
        self._later_partner[-1] = _NO_MARK
        for i in range(len(marks) - 1, -1, -1):
            m = marks[i]
            own = _NO_MARK if m.role == OPEN else (-1 if m.partner is None else m.partner)
            self._later_partner[i] = min(own, self._later_partner[i + 1])
        self._starts = [m.start for m in marks]

    def unclosed_opener_before(self, start: int) -> Mark | None:
        """The last opener before a position that no mark closes."""
        i = bisect.bisect_left(self._unclosed_starts, start)
        return self._unclosed[i - 1] if i else None

    def later_closer_of_earlier(self, after: int, before: int) -> bool:
        """True when a closing mark after position `after` closes nothing, or a quotation opened before `before`."""
        return self._later_partner[bisect.bisect_right(self._starts, after)] < before


_NO_MARK = 1 << 62


def _short_phrase(text: str, mark: Mark, pairs: _Pairing) -> bool:
    """True when a reopening mark opens a short phrase closed within its sentence (a scare quote or title:
    `providing “false” reports`) after a word of the sentence, and no later mark closes the quotation left
    open before it: that one lost its closer elsewhere, and this pair is sound."""
    closer = pairs.closer_of.get(mark.start)
    if closer is None or mark.start == 0 or not text[mark.start - 1].isspace():
        return False
    inner = text[mark.end : closer.start]
    previous = text[max(0, mark.start - 2) : mark.start].strip()
    if any(ch in inner for ch in ".!?…\n") or len(inner.split()) > _PHRASE_WORDS or not previous[-1:].isalpha():
        return False
    if pairs.later_closer_of_earlier(closer.start, mark.start):
        return False  # a later mark closes the outer quotation: this pair is nested in it (`said, “… listed “kimchi” …”`)
    return bool(inner[:1].strip())


def _unclosed_before_attribution(
    doc: Document, para: Span, marks: tuple[Mark, ...], verbs: frozenset[str]
) -> Iterator[tuple[Hit, int]]:
    """The end of the sentence before a new attribution, inside a quotation that was never closed, with the mark that showed it.

    The quotation is an opener whose "closer" is an opening glyph taken as a wrong-way closer
    (“ … said, “What), an opener reopened before it closes, or an opener never closed in its paragraph."""
    text = doc.text
    opened: int | None = None  # the end of the last opening mark seen
    for mark in marks:
        last_open, opened = opened, (mark.end if mark.role == OPEN else opened)
        if mark.glyph == "“" and mark.defect == "wrong-way" and not mark.certain and mark.partner is not None:
            start, stop = mark.partner + 1, mark.start
        elif mark.defect == "reopened" and last_open is not None:
            start, stop = last_open, mark.start
        elif mark.role == OPEN and mark.defect == "unmatched":
            start, stop = mark.end, para.end
        else:
            continue
        if any(ch in "”\"" for ch in text[start:stop]):
            continue
        for sentence in _attribution_sentences(doc, start, stop, verbs):
            end = sentence
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and text[end - 1] in _FINAL:
                yield Hit(end - 1, end, message=_BEFORE_ATTRIBUTION), mark.start


def _attribution_sentences(doc: Document, start: int, stop: int, verbs: frozenset[str]) -> Iterator[int]:
    """The starts of the sentences in [start, stop) that open with a named speaker, a reporting verb and a quotation."""
    sentence = doc.sentence_at(start)
    while sentence is not None and sentence.end < stop:
        sentence = doc.sentence_at(sentence.end) or doc.sentence_at(sentence.end + 1)
        if sentence is None or sentence.start >= stop:
            return
        words = _SPEAKER_WORD.findall(doc.text, sentence.start, min(sentence.end, sentence.start + 120))[:_ATTRIBUTION_WORDS]
        if not words or not words[0][0].isupper() or words[0] in _PRONOUNS:
            continue
        verb = next((w for w in words[1:] if w.lower() in verbs), None)
        if verb is None:
            continue
        after_verb = doc.text.find(verb, sentence.start) + len(verb)  # the quotation follows the verb
        if _QUOTE_OPENING.search(doc.text, after_verb, min(sentence.end, stop + 2)):
            yield sentence.start


def _straight_at_end(text: str, mark: Mark, para: Span) -> bool:
    """True for an unmatched straight mark read as an opener that stands after the speech's final mark at the
    end of its line (`… to Korea. "`): a closer whose opener was lost."""
    if mark.glyph != '"' or mark.role != OPEN or mark.defect != "unmatched":
        return False
    line_end = text.find("\n", mark.end, para.end)
    return not text[mark.end : para.end if line_end < 0 else line_end].strip() and _ends_speech(text, mark, para)


def _quotes_before(text: str, scanned: list[tuple[Span, tuple[Mark, ...]]], index: int) -> bool:
    """True when the paragraph before ends inside or at the close of a quotation: speech that may run on."""
    if index == 0 or not scanned[index - 1][1]:
        return False
    para, marks = scanned[index - 1]
    last = marks[-1]
    if last.role == OPEN:
        return last.defect == "unmatched"
    return not text[last.end : para.end].strip(" \t\n.")


def _lost_opener(text: str, mark: Mark, marks: tuple[Mark, ...], para: Span, verbs: frozenset[str],
                 runs_on: bool = False) -> int | None:
    """Where a closer with no opener lost it: the closer ends spoken words (after a comma or end mark) and
    nothing but words stands between it and the paragraph start or the mark before it, so the opener was
    lost where those words start (where their closing run of first-person sentences starts, after a
    sentence of narration), or right after a reporting verb's colon or comma among them. Only
    a closer followed by its attribution (",” the channel notes") is read this way."""
    if mark.role == OPEN or not _ends_speech(text, mark, para):
        return None
    after = mark.end + (text[mark.end : mark.end + 1] == ",")  # continental style: the comma outside the mark
    follow = _SPEAKER_WORD.findall(text, after, min(para.end, after + 60))[:_ATTRIBUTION_WORDS // 2]
    if text[after : after + 1] != " " or not any(_reports(w.strip(".’'-").lower(), verbs) for w in follow):
        return _unattributed_lost_opener(text, mark, marks, para, runs_on)
    before = [m for m in marks if m.end <= mark.start]
    start = before[-1].end if before else para.start
    if any(ch in _SPEECH_MARKS for ch in text[start : mark.start]):
        return None
    introduced = [m for m in _INTRODUCED.finditer(text, start, mark.start) if m.group(1).lower() in verbs]
    if introduced:
        return introduced[-1].start()
    while start < mark.start and text[start].isspace():
        start += 1
    if text[start : start + 1].islower():  # the attribution of the quotation before ("…,” she said. The")
        after = _NEXT_SENTENCE.search(text, start, mark.start)
        start = after.end() if after else start
    start = _first_person_run(text, start, mark.start)
    return start if text[start : start + 1].isupper() else None


def _unattributed_lost_opener(text: str, mark: Mark, marks: tuple[Mark, ...], para: Span, runs_on: bool) -> int | None:
    """A closer ending its paragraph with no attribution and no mark before it lost its opener at the paragraph's
    start when the paragraph before ends in quotation (speech run on, its reopening mark lost), or where a closing
    run of first-person sentences starts after narration ("… a good memory. I hope fans enjoy it.”"); else the
    closer may be the stray mark itself (None)."""
    line_end = text.find("\n", mark.end, para.end)
    line_end = para.end if line_end < 0 else line_end
    start = max(para.start, text.rfind("\n", para.start, mark.start) + 1)  # a page whose paragraphs are lines
    if text[mark.end : line_end].strip() or any(start <= m.start < mark.start for m in marks):
        return None
    if start > para.start:
        runs_on = runs_on or text[start - 2 : start - 1] in ("”", '"')  # the line before closed a quotation
    while start < mark.start and text[start].isspace():
        start += 1
    if runs_on:
        return start if text[start : start + 1].isupper() else None
    run = _first_person_run(text, start, mark.start)
    if len(text[run : mark.start].split()) < _RUN_WORDS:
        return None  # "… output value. I want to.”": a stub and a stray mark, not speech that lost its opener
    return run if run != start and text[run : run + 1].isupper() else None


def _first_person_run(text: str, start: int, stop: int) -> int:
    """The start of the speech when narration comes first: the words before the closer end with sentences in
    the first person after one that is not ("…in Osaka. I answered,” he said"); else `start` unchanged."""
    starts = [start] + [m.end() for m in _NEXT_SENTENCE.finditer(text, start, stop)]
    if len(starts) < 2:
        return start
    bounds = list(zip(starts, starts[1:] + [stop]))
    run = len(bounds)
    while run > 0 and _FIRST_PERSON.search(text, *bounds[run - 1]):
        run -= 1
    return bounds[run][0] if 0 < run < len(bounds) else start


def _reports(word: str, verbs: frozenset[str]) -> bool:
    """True for a reporting verb, also in its plural present ("write Lega and Forza", from "writes")."""
    return word in verbs or word + "s" in verbs or word + "es" in verbs


def _ends_speech(text: str, mark: Mark, para: Span) -> bool:
    """True when the closer ends spoken words: after a comma or end mark ("calm,” he said), also inside a
    nested quotation's closer ("‘go on,’” he said), or after a word with the comma outside the mark
    ("calm ”, he said"), its space before it a spacing slip."""
    before = mark.start
    while before > para.start and text[before - 1] in " \t":
        before -= 1
    if text[before - 1 : before] in ("’", "'") and before - 1 > para.start:
        before -= 1  # a quotation inside it ends first: "‘hold on,’” he added"
    last = text[before - 1 : before]
    if last in tuple(_SPEECH_END):
        return True
    return last.isalnum() and text[mark.end : mark.end + 1] == ","


# A left single quote that opens words ("‘The phrase"), not one used as an apostrophe ("Seoul‘s").
_SINGLE_OPENER = regex.compile(r"(?<![\p{L}\p{N}])‘(?=\p{L})")
_SINGLE_CLOSER = regex.compile(r"(?<=[\p{L}\p{N}.,!?])’(?![\p{L}\p{N}])")


def _paired_with_other_glyph(text: str, mark: Mark, para: Span) -> bool:
    """True when another glyph on the other side of the mark, in its paragraph, completes the quotation:
    a guillemet, or a single opening quote before a double closing one (‘… ”, which PU123 reports)."""
    if mark.role == OPEN:
        return "»" in text[mark.end : para.end]
    if "«" in text[para.start : mark.start]:
        return True
    opened = len(_SINGLE_OPENER.findall(text, para.start, mark.start))
    return opened > len(_SINGLE_CLOSER.findall(text, para.start, mark.start))  # ‘ignorance strategy’ is closed


def _runs_on(text: str, mark: Mark, para: Span, following: tuple[Span, ...]) -> bool:
    """True when the quotation stays open to the paragraph end and the next paragraph reopens it."""
    if any(ch in "“”\"" for ch in text[mark.end : para.end]):
        return False
    return bool(following) and text[following[0].start] in _OPENERS


def _finished(text: str, para: Span) -> bool:
    """True when the paragraph ends like a sentence; a page cut off mid-sentence ends otherwise."""
    last = text[para.end - 1]
    return not last.isalnum() and last not in ",;-–"


def _runs_to_end(text: str, mark: Mark, para: Span) -> bool:
    """True when an opener starts words that run, with no other mark, to a finished paragraph end:
    the quotation lost its closing mark there ("adding: “The roads will be paved.")."""
    after = text[mark.end : mark.end + 1]
    rest = text[mark.end : para.end]
    return after.isalnum() and not any(ch in "“”\"" for ch in rest) and text[para.end - 1] in _FINAL


def _runs_to_line_end(text: str, mark: Mark, para: Span) -> int | None:
    """The end of the opener's line when its sentence (capitalised) runs, with no other mark, to a finished line inside a
    paragraph of single-newline lines (a page whose paragraphs are lines), and the next line does not
    reopen the quotation: the closing mark is missing there."""
    line_end = text.find("\n", mark.end, para.end)
    first = mark.end + (text[mark.end : mark.end + 1] == " ")  # a spaced opener (`′′ The`) is the same opener
    if line_end < 0 or not text[first : first + 1].isupper():  # a phrase ("“für Deutschland") closes nearer
        return None
    if any(ch in "“”\"" for ch in text[mark.end : line_end]) or text[line_end - 1] not in _FINAL:
        return None
    return None if text[line_end + 1 : line_end + 2] in tuple(_OPENERS) else line_end


def _open_line_before(text: str, mark: Mark, pairs: _Pairing, para: Span) -> int | None:
    """The end of an earlier line where the quotation left open before a reopening mark ran, with no other
    mark, to a finished line end (a page whose paragraphs are lines): it lost its closer there when the
    reopening mark's line is the reporter's (no "I", "we" or "you" before the mark: "Lee assessed that
    “…"), and that mark opens a new quotation of its own."""
    opener = pairs.unclosed_opener_before(mark.start)
    if opener is None:
        return None
    line_end = _runs_to_line_end(text, opener, para)
    if line_end is None or line_end >= mark.start:
        return None
    lead = text[text.rfind("\n", line_end, mark.start) + 1 : mark.start]  # the reopening line up to its mark
    return None if _FIRST_PERSON.search(lead) or _SECOND_PERSON.search(lead) else line_end  # the speaker still talks


def _bridged(text: str, scanned: list[tuple[Span, tuple[Mark, ...]]]) -> set[int]:
    """Marks of a quotation run over several paragraphs without reopening marks: an opener left open,
    paragraphs with no double mark, then a paragraph whose first mark closes with no opener."""
    out: set[int] = set()
    for index, (_, marks) in enumerate(scanned):
        if not marks or marks[-1].defect != "unmatched" or marks[-1].role != OPEN \
                or not text[marks[-1].end : marks[-1].end + 1].isalnum():
            continue
        for _, later in scanned[index + 1 : index + 1 + _BRIDGE]:
            if later:
                if later[0].defect == "unmatched" and _closes(text, later[0]):
                    out.update((marks[-1].start, later[0].start))
                break
    return out


def _closes(text: str, mark: Mark) -> bool:
    """True when a mark closes by its glyph, or, straight, by its place (glued to the words before it)."""
    if mark.glyph != '"':
        return mark.role != OPEN
    return not text[mark.start - 1 : mark.start].isspace() and not text[mark.end : mark.end + 1].isalnum()
