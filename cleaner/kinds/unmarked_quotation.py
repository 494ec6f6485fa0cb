"""`unmarked-quotation`: a paragraph of direct speech, closed by its attribution, with no quotation marks.

Translation that loses the quotation marks around a paragraph of speech leaves the speaker's own
words, in the first or second person, followed by a bare attribution: `I looked at the list of
their candidates, he said.` or `Who has a better minister than ours? also asked Mr. Legault.` A
reader cannot tell the speaker's words from the reporter's. The kind reports a paragraph with no
quotation mark (double or single) that ends with a short attribution after a comma, question or
exclamation mark (a pronoun or a capitalised name and a reporting verb from
rules/data/reporting-verbs.yaml, in either order, with at most `max-words` words), when the paragraph's
first sentence speaks in the first or second person ("I", "we", "our", "you"). Reported speech ("Prices
would rise, he said.") keeps the third person and is left alone. Two places are reported, each with
the mark it lacks: the start of the paragraph and the mark before the attribution.

An inverted attribution inside the line that a comma continues (`The loss hurts, says Roche, because we
chose the game ourselves.`, the way German and Romance sources interrupt a quotation) also counts when the
words after it speak in the first or second person with no other reporting verb; then the quotation's
reopening after the attribution and its close at the line's end are reported too. A short quoted name
inside the line (`the “F-16” issue`, at most three words with no punctuation) is not a quotation mark of the
speech: its words do not count as the speaker's, and the line is still read. The closing attribution may
carry an apposition after the name (`said Ana Ruiz, the port's director after the meeting.`).
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

import regex

from cleaner.document import Document, Span
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import reporting_verbs

KIND = "unmarked-quotation"
OPTIONS = (Option("max-words", INTEGER, "The most words in the closing attribution.", default=6),)
REPLACEMENT = Replacement.COMPUTED

_QUOTE_MARKS = regex.compile(r"[“”\"«»„‘`]|(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])")
_ATTRIBUTION = regex.compile(r"(?P<mark>[,?!])[ \t]+(?P<words>[\p{L}.’' -]{3,80}?)[.]$")
_BRACKETED = regex.compile(r"\[(?!(?:…|\.\.\.)\])")
_WORD = regex.compile(r"[\p{L}’']+\.?")
_SPEAKING = frozenset("I I’m I'm I’ve I've I’ll I'll me my we We we’re we're our Our us you You your Your".split())
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they"})
_ADVERBS = frozenset({"also", "then", "later", "again", "further", "finally"})
_TITLES = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr"})
# An inverted attribution inside a line, with more speech after it: ", said Roche: We…", ", states Roche, because…".
_INNER = regex.compile(r"(?P<mark>[,?!])[ \t]+(?P<words>\p{Ll}+(?:[ \t]+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}[\p{L}’'-]*)){1,3})(?=[:,][ \t]+\p{L})")
_VERBS = reporting_verbs("past") | reporting_verbs("present")
# A short quoted name or term, glued inside its marks: `the “F-16” issue`, `a ‘green deal’ plan`.
_NAME_QUOTE = regex.compile(r"(?<![\p{L}\p{N}])[“\"‘'](?=[\p{L}\p{N}])(?:[\p{L}\p{N}’'-]+(?:[ \t][\p{L}\p{N}’'-]+){0,2})(?<=[\p{L}\p{N}])[”\"’'](?![\p{L}\p{N}])")
# A closing inverted attribution with an apposition after the name: ", said Ana Ruiz, the port's director."
_APPOSED = regex.compile(r"(?P<mark>[,?!])[ \t]+(?P<words>\p{Ll}+(?:[ \t]+(?:Mr\.|Ms\.|Mrs\.|Dr\.|\p{Lu}[\p{L}’'-]*)){1,4}),[ \t]+(?:the|an?)[ \t][^\n,;:!?\"“”]{3,90}[.]$")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_words = rule.options["max-words"]

    def check(doc: Document) -> Iterator[Hit]:
        for para in doc.paragraphs:
            for line in _lines(doc.text, para):
                yield from _line(doc, line, max_words)

    return check


def _lines(text: str, para: Span) -> Iterator[Span]:
    """The lines of a paragraph: a scraped page often sets each paragraph on its own line."""
    start = para.start
    while start < para.end:
        end = text.find("\n", start, para.end)
        end = para.end if end < 0 else end
        left, right = start, end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            yield Span(left, right)
        start = end + 1


def _line(doc: Document, line: Span, max_words: int) -> Iterator[Hit]:
    """The two missing marks of one line of unmarked speech, if it is one."""
    text = doc.text
    if not text[line.start].isalpha() or doc.in_heading(line.start):
        return
    names = [m.span() for m in _NAME_QUOTE.finditer(text, line.start, line.end)]
    if any(not _inside(m.start(), names) for m in _QUOTE_MARKS.finditer(text, line.start, line.end)):
        return
    match = _ATTRIBUTION.search(text, max(line.start, line.end - 90), line.end)
    if match is None or match.end() != line.end or not _attribution(match.group("words"), max_words):
        match = _apposed_attribution(text, line, max_words)
    continued = None
    if match is None:
        match = _inner_attribution(text, line, max_words)
        continued = _continuation(text, line, match, names) if match is not None else None
    if match is None:
        return
    opening = _speech_start(doc, line, match.start("mark"), names)
    if opening is None and continued is not None:
        opening = line.start  # the words after the attribution speak: "…, states Roche, because we chose"
    if opening is None or _BRACKETED.search(text, line.start, match.start()):
        return  # a bracketed transcript speaks for itself; an elided "[…]" does not count
    first = _WORD.match(text, opening)
    if first is None:
        return
    yield Hit(first.start(), first.end(), replacements=("“" + first.group(),),
              message="Opening quotation mark missing: this paragraph is someone's speech, closed by its attribution.")
    mark = match.group("mark")
    yield Hit(match.start("mark"), match.end("mark"), replacements=(mark + "”",),
              message="Closing quotation mark missing before the attribution.")
    if continued is not None:
        resumed = _WORD.match(text, continued)
        if resumed is not None:
            yield Hit(resumed.start(), resumed.end(), replacements=("“" + resumed.group(),),
                      message="Opening quotation mark missing where the speech resumes after its attribution.")
        end = text[line.end - 1]
        yield Hit(line.end - 1, line.end, replacements=(end + "”",),
                  message="Closing quotation mark missing at the end of the speech.")


def _inner_attribution(text: str, line: Span, max_words: int) -> regex.Match[str] | None:
    """An inverted attribution inside the line that goes on with more speech ("…enough, said Roche: We had")."""
    for match in _INNER.finditer(text, line.start, line.end):
        tokens = match.group("words").split()
        if tokens[0] in _VERBS and _attribution(match.group("words"), max_words):
            return match
    return None


def _apposed_attribution(text: str, line: Span, max_words: int) -> regex.Match[str] | None:
    """A closing inverted attribution with an apposition ("…, said Ana Ruiz, the port's director.")."""
    match = _APPOSED.search(text, max(line.start, line.end - 160), line.end)
    if match is None or match.end() != line.end or match.group("words").split()[0] not in _VERBS:
        return None
    return match if _attribution(match.group("words"), max_words) else None


def _continuation(text: str, line: Span, match: regex.Match[str], names: list[tuple[int, int]]) -> int | None:
    """Where the speech resumes after an inner attribution that a comma continues, when the rest of the line
    speaks in the first or second person, holds no other reporting verb and ends with a sentence mark."""
    after = match.end()
    if text[after : after + 1] != "," or text[line.end - 1] not in ".!?":
        return None
    start = after + 1
    while start < line.end and text[start] in " \t":
        start += 1
    if start >= line.end or not text[start].islower():
        return None  # a capital after the comma is a name's apposition or a new sentence
    words = _WORD.findall(text, start, line.end)
    if any(w.rstrip(".") in _VERBS for w in words):
        return None  # "…, said Roche, who added that we": the reporter again
    return start if _speaks(text, start, line.end, names) else None


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _speech_start(doc: Document, line: Span, mark: int, names: Sequence[tuple[int, int]] = ()) -> int | None:
    """The line's start when its first sentence speaks in the first or second person."""
    first_sentence = doc.sentence_at(line.start)
    first_end = min(mark, first_sentence.end if first_sentence else line.end)
    return line.start if _speaks(doc.text, line.start, first_end, names) else None


def _speaks(text: str, start: int, end: int, names: Sequence[tuple[int, int]] = ()) -> bool:
    """True when the words between the offsets, outside quoted names, speak in the first or second person."""
    return any(m.group().rstrip(".") in _SPEAKING and not _inside(m.start(), names)
               for m in _WORD.finditer(text, start, end))


def _attribution(words: str, max_words: int) -> bool:
    """True for "he said", "also asked Mr. Legault", "the minister added", "Ana Ruiz told reporters"."""
    tokens = words.split()
    if not tokens or len(tokens) > max_words:
        return False
    verbs = _VERBS
    rest = [t for t in tokens if t.lower() not in _ADVERBS]
    if not rest:
        return False
    if rest[0] in _PRONOUN_SUBJECTS or rest[0] == "the":
        return any(t in verbs for t in rest[1:3])
    if rest[0] in verbs:  # inverted: "asked Mr. Legault"
        names = [t for t in rest[1:] if t not in _TITLES]
        return bool(names) and all(t[:1].isupper() for t in names)
    head = [t for t in rest if t not in verbs]
    verb_at = next((i for i, t in enumerate(rest) if t in verbs), None)
    return verb_at is not None and 0 < verb_at <= 3 and all(t[:1].isupper() for t in rest[:verb_at]) and len(head) <= 5
