"""`speech-seam`: unquoted first-person speech ended by the reporter naming the speaker.

Translation that loses the quotation marks around a speaker's words inside a paragraph of
reporting leaves a sentence in the speaker's own first person ("We have to answer them.")
followed at once by the reporter's third person naming the speaker and a reporting verb ("The
minister said...", "Taheri also said...", "Later, the coach added..."). A reporter does not write
"we" or "I" outside a quotation, so the seam between the two is where the closing quotation mark
was lost. The kind reports the final mark of the first-person sentence when: the first sentence
ends outside any quotation and its words after its last quotation mark speak in the first person
(I, we, our, us, my, me); the next, outside any quotation, opens (after at most one short introductory phrase closed by a comma)
with a subject that is "the" or "a" and up to four words or up to four capitalised words, then at most
one adverb and a past reporting verb from rules/data/reporting-verbs.yaml, with no quotation mark before the verb
and none right after it ("Darwin said, “I guess...”" opens a new quotation, so the sentence
before it is the narrator's), and not followed by "me" or "us" (a narrator telling what was said
to them). A subject that opens with a function word other than an article ("When asked...") is not a
speaker. A pronoun subject ("He said") is left alone: a
first-person narrative (a talk, a column) tells what others said that way. A text whose narration
speaks in the first person in more than `max-share` of its sentences (outside quotations) is a first-person
text and is skipped.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement
from cleaner.wordclass import FIRST_PERSON, first_person_pattern, is_function_word, reporting_verbs

KIND = "speech-seam"
OPTIONS = (Option("max-share", NUMBER, "The largest share of unquoted sentences in the first person before a text counts as a first-person text.", default=0.5),)
REPLACEMENT = Replacement.COMPUTED

_QUOTE_MARKS = regex.compile(r"[“”\"«»„‘`]|(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])|’(?![\p{L}])")
_FIRST_PERSON = first_person_pattern()
# The same words for a fast first scan (stdlib `re`, ASCII word boundaries: "I’m" counts too).
_FIRST_PERSON_SCAN = re.compile(r"\b(?:I|" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in FIRST_PERSON if w != "I") + r")\b")
_LEAD = regex.compile(r"(?:[\p{L}\p{N}]+(?:[ \t]+[\p{L}\p{N}]+){0,3},[ \t]+)?")
# Compiled in `build` with the reporting verbs as a named list, so the match backtracks to the verb.
_SUBJECT = (
    r"(?:(?:[Tt]he|An?)(?:[ \t]+[\p{L}-]+){1,4}?|\p{Lu}[\p{L}.’'-]+(?:[ \t]+\p{Lu}[\p{L}.’'-]+){0,3}?)"
    r"(?:[ \t]+(?P<adverb>\p{Ll}+ly|also|then|later|again|further|finally|likewise|too))?[ \t]+(?P<verb>\L<verbs>)"
    r"(?![\p{L}’'-])(?P<object>[ \t]+(?:me|us)(?![\p{L}])|[,:]?[ \t]*[“\"«„‘])?"
)
_PRONOUNS = frozenset("He She They It I We You This That These Those There".split())
_ENDS = ".!?"
_ARTICLES = frozenset({"The", "A", "An"})
_HEAD = 140  # characters: a lead of four words, a subject of up to four words, an adverb and the verb
_MESSAGE = "First-person speech outside quotation marks, followed by the reporter naming its speaker."
_OPENER_MESSAGE = "First-person speech outside quotation marks, after the reporter's narration: its opening mark is missing here."


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_share = float(rule.options["max-share"])
    verbs = reporting_verbs("past")
    subject = regex.compile(_SUBJECT, verbs=sorted(verbs))

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        starts, sentences = doc.sentence_starts, doc.sentences
        # Sentences with a first-person word (one scan of the text); only those after them are read.
        speaking: dict[int, int] = {}
        for m in _FIRST_PERSON_SCAN.finditer(text):
            speaking.setdefault(bisect.bisect_right(starts, m.start()) - 1, m.start())
        first_person_text: bool | None = None
        for i in sorted(speaking):
            if not 0 <= i < len(sentences) - 1 or not _names_speaker(doc, sentences[i + 1], verbs, subject):
                continue
            end = _speech_end(doc, sentences[i])
            if not end:
                continue
            if first_person_text is None:
                unquoted = sum(1 for at in speaking.values() if not doc.in_quote(at))
                first_person_text = unquoted > max_share * len(sentences)
            if first_person_text:
                return
            yield Hit(end - 1, end, replacements=(text[end - 1] + "”",), message=_MESSAGE)
            opener = _lost_opener(doc, i)
            if opener is not None:
                yield Hit(opener, opener + 1, replacements=("“" + text[opener],), message=_OPENER_MESSAGE)

    return check


def _names_speaker(doc: Document, sentence: Span, verbs: frozenset[str], subject: regex.Pattern[str]) -> bool:
    """True when the sentence opens with a named (not pronoun) speaker and a past reporting verb."""
    text = doc.text
    # A plain split of the head finds the verb or rules the sentence out before any regex runs.
    if verbs.isdisjoint(text[sentence.start : min(sentence.end, sentence.start + _HEAD)].split()[:11]):
        return False
    lead = _LEAD.match(text, sentence.start, sentence.end)
    at = lead.end() if lead else sentence.start
    if _FIRST_PERSON.search(text, sentence.start, at):
        return False  # "After we left, the guide said": the narrator's own story
    match = subject.match(text, at, sentence.end)
    if match is None or match.group("object") or match.group("verb") not in verbs:
        return False
    if doc.in_quote(sentence.start) or doc.in_heading(sentence.start):
        return False
    head = text[at : match.start("verb")].split()
    return (head[0] not in _PRONOUNS and (head[0] in _ARTICLES or not is_function_word(head[0])) and _FIRST_PERSON.search(text, at, match.start("verb")) is None
            and _QUOTE_MARKS.search(text, sentence.start, match.end()) is None)


def _speech_end(doc: Document, sentence: Span) -> int:
    """The end of the sentence's final mark when its unquoted tail speaks in the first person, else 0."""
    text = doc.text
    end = sentence.end
    while end > sentence.start and text[end - 1].isspace():
        end -= 1
    if end == sentence.start or text[end - 1] not in _ENDS or doc.in_quote(end - 1) or doc.in_heading(sentence.start):
        return 0
    tail = sentence.start
    for mark in _QUOTE_MARKS.finditer(text, sentence.start, end):
        tail = mark.end()
    return end if _FIRST_PERSON.search(text, tail, end) else 0




def _lost_opener(doc: Document, last: int) -> int | None:
    """Where the speech ending with sentence `last` lost its opening mark: the start of the run of unquoted
    first-person sentences that ends there, when a sentence of narration (not first person, no quotation
    mark) comes before the run in the same paragraph; else None (a paragraph that opens with the speech
    may continue a quotation from the paragraph before)."""
    text, sentences = doc.text, doc.sentences
    para = doc.paragraph_at(sentences[last].start)
    if para is None:
        return None
    first = last
    while first > 0 and sentences[first - 1].start >= para.start and _unquoted_first_person(text, sentences[first - 1]):
        first -= 1
    if _introduced(text, sentences[first]):
        return None  # "Oh said, We have …": the speech opens after the verb, PU114's finding
    if first == 0 or sentences[first - 1].start < para.start:
        return None
    before = sentences[first - 1]
    if _QUOTE_MARKS.search(text, before.start, before.end) or _FIRST_PERSON.search(text, before.start, before.end):
        return None
    start = sentences[first].start
    while start < sentences[first].end and text[start].isspace():
        start += 1
    stop = start
    while stop > before.start and text[stop - 1].isspace():
        stop -= 1
    # The narration ends with a full stop and the speech opens capitalised: "… on Monday. We will keep …".
    return start if text[start : start + 1].isupper() and text[stop - 1 : stop] in tuple(_ENDS) else None


def _introduced(text: str, sentence: Span) -> bool:
    """True when a reporting verb stands before the sentence's first first-person word ("Oh said, We …")."""
    match = _FIRST_PERSON.search(text, sentence.start, sentence.end)
    head = text[sentence.start : match.start() if match else sentence.end].split()
    verbs = reporting_verbs()
    return any(word.strip(",:;").lower() in verbs for word in head)


def _unquoted_first_person(text: str, sentence: Span) -> bool:
    """True when a sentence has no quotation mark and speaks in the first person."""
    return _QUOTE_MARKS.search(text, sentence.start, sentence.end) is None \
        and _FIRST_PERSON.search(text, sentence.start, sentence.end) is not None
