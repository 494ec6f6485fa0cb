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
"""

from __future__ import annotations

from typing import Callable, Iterator

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


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_words = rule.options["max-words"]

    def check(doc: Document) -> Iterator[Hit]:
        for para in doc.paragraphs:
            yield from _paragraph(doc, para, max_words)

    return check


def _paragraph(doc: Document, para: Span, max_words: int) -> Iterator[Hit]:
    """The two missing marks of one paragraph of unmarked speech, if it is one."""
    text = doc.text
    if not text[para.start].isalpha() or doc.in_heading(para.start) or _QUOTE_MARKS.search(text, para.start, para.end):
        return
    match = _ATTRIBUTION.search(text, max(para.start, para.end - 90), para.end)
    if match is None or not _attribution(match.group("words"), max_words):
        return
    # The speech starts the paragraph: its first sentence speaks in the first or second person.
    first_sentence = doc.sentence_at(para.start)
    speech_end = min(match.start("mark"), first_sentence.end if first_sentence else para.end)
    speech = _WORD.findall(text, para.start, speech_end)
    if _SPEAKING.isdisjoint(w.rstrip(".") for w in speech) or _BRACKETED.search(text, para.start, match.start()):
        return  # a bracketed transcript speaks for itself; an elided "[…]" does not count
    first = _WORD.match(text, para.start)
    if first is None:
        return
    yield Hit(first.start(), first.end(), replacements=("“" + first.group(),),
              message="Opening quotation mark missing: this paragraph is someone's speech, closed by its attribution.")
    mark = match.group("mark")
    yield Hit(match.start("mark"), match.end("mark"), replacements=(mark + "”",),
              message="Closing quotation mark missing before the attribution.")


def _attribution(words: str, max_words: int) -> bool:
    """True for "he said", "also asked Mr. Legault", "the minister added", "Ana Ruiz told reporters"."""
    tokens = words.split()
    if not tokens or len(tokens) > max_words:
        return False
    verbs = reporting_verbs("past") | reporting_verbs("present")
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
