"""`unquoted-attribution`: a speaker and a reporting verb left as a sentence of their own after speech that lost its quotation marks.

Verb-final source languages close a quotation with the attribution ("… 'must agree' ga Quader said this").
When translation drops the quotation marks too, the reporter's words and the speaker's run together and
the attribution stands after them as a sentence: `The court must agree. The party secretary Obaidul
Quader said this.` The cue is a sentence that is only a speaker (a name or title of capitalised words,
"the"/"a" and a noun or two, or he/she/they) and a past reporting verb, optionally with "this" or "so",
after a finished sentence of the same paragraph that no quotation mark closes; or after a stray opening
mark spaced off it (`oppose this. “ He said.`), where the closing mark was written the wrong way round.
Text inside quotation marks is left alone (a speaker may report someone in passing).
"""

from __future__ import annotations

import functools

from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._quotes import CLOSE, paragraph_marks
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.segmenter import ends_sentence
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import is_function_word, reporting_verbs

KIND = "unquoted-attribution"
OPTIONS = (
    Option("max-words", INTEGER, "The longest speaker phrase, in words.", default=8),
    Option("min-words", INTEGER, "The fewest words the sentence before must have.", default=4),
)
REPLACEMENT = Replacement.NONE

_CONNECTORS = frozenset({"of", "the", "and", "for"})
_ARTICLES = frozenset({"The", "A", "An"})
_PRONOUNS = frozenset({"He", "She", "They"})
_WORD = regex.compile(r"[\p{L}\p{M}’'.-]+")
# Between the sentence before and the speaker: spaces, or a stray wrong-way closer spaced off both sides (`this. “ He said.`).
_GAP = regex.compile(r"[ \t]{1,3}(?:“[ \t]+)?")
_PHRASE = regex.compile(r"[\p{L}\p{M}’'. \t-]+")
# A quotation closed with its own mark, then one short capitalised word and a full stop: a title's abbreviation
# ("Insp.", "Supt.") opening the attribution, since no sentence ends on a single word after a closed quotation.
_TITLE_AFTER_QUOTE = regex.compile(r"[,!?][”\"’][ \t]+\p{Lu}\p{Ll}{0,4}\.$")


@functools.lru_cache(maxsize=1)
def _stop_after_verb() -> regex.Pattern[str]:
    """A full stop ending a sentence right after a past reporting verb (and "this"/"so"): the engine finds the
    stop first and looks behind for the verb only there."""
    past = "|".join(sorted(reporting_verbs(tense="past"), key=lambda v: (-len(v), v)))
    return regex.compile(
        rf"\.(?<=(?<![\p{{L}}\p{{N}}’'-])(?P<verb>{past})(?:[ \t]+(?:this|so))?\.)(?=[ \t]*(?:\n|\Z|[\p{{Lu}}“\"‘]))"
    )


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_words, min_words = rule.options["max-words"], rule.options["min-words"]

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        quoted: list[tuple[int, int]] | None = None
        for stop in _stop_after_verb().finditer(text, timeout=timeout_for(text)):
            found = _attribution(doc, stop.start("verb"), stop.end(), max_words, min_words)
            if found is None:
                continue
            start, stray = found
            if quoted is None:
                quoted = _paired_quotations(doc)  # scanned only when a candidate stands
            # A stray spaced “ before it closes the quotation the wrong way round: the verb is outside it either way.
            if stray or not _inside(quoted, stop.start("verb")):
                yield Hit(start, stop.start())

    return check


def _paired_quotations(doc: Document) -> list[tuple[int, int]]:
    """The spans of quotations whose opening and closing marks pair (an unclosed opener spans nothing)."""
    return [(mark.partner, mark.end) for _, marks in paragraph_marks(doc) for mark in marks
            if mark.role == CLOSE and mark.partner is not None]


def _inside(quoted: list[tuple[int, int]], offset: int) -> bool:
    """True when the offset lies inside a paired quotation."""
    return any(start <= offset < end for start, end in quoted)


def _attribution(doc: Document, verb: int, end: int, max_words: int, min_words: int) -> tuple[int, bool] | None:
    """Where the speaker-and-verb sentence ending at `end` starts, when it follows a finished sentence of its
    paragraph, and whether a stray spaced “ stands between them."""
    text = doc.text
    para = doc.paragraph_at(verb)
    if para is None:
        return None
    head = max(para.start, verb - 160)
    stop = _last_stop(text, head, verb)
    # The stop must end a sentence: a title's or an initial's full stop ("Mr. Minh said.", "E. Turdimov said.")
    # belongs to the speaker phrase, so the sentence before ends earlier, if at all. Each step moves left.
    while stop >= 0 and not ends_sentence(text, para.start, stop, para.end):
        stop = _last_stop(text, head, stop)
    if stop < 0 or _TITLE_AFTER_QUOTE.search(text, max(head, stop - 24), stop + 1):
        return None  # `,” Insp. Lee said.`: a dotted title the segmenter does not list, after a closed quotation
    gap = _GAP.match(text, stop + 1, verb)
    if gap is None or not _PHRASE.fullmatch(text, gap.end(), verb):
        return None
    start = gap.end()
    if not _speaker(text[start:verb].split(), max_words):
        return None
    if text[stop - 1 : stop].isupper() or text[stop - 1 : stop] in "”\"’":
        return None  # an initial ("E. Turdimov") or a closed quotation (the detached-attribution rule's)
    before = doc.sentence_at(stop)
    if before is None or len(_WORD.findall(text, before.start, stop)) < min_words:
        return None
    return start, "“" in gap.group()


def _last_stop(text: str, head: int, before: int) -> int:
    """The offset of the last full stop, question or exclamation mark in text[head:before], or -1."""
    return max(text.rfind(ch, head, before) for ch in ".!?")


def _speaker(words: list[str], max_words: int) -> bool:
    """True for a speaker phrase: capitalised words (and connectors), an article and a noun or two, or a pronoun."""
    if not words or len(words) > max_words or not words[0][:1].isupper():
        return False
    if len(words) == 1 and (words[0] in _PRONOUNS or _common_word(words[0])):
        return words[0] in _PRONOUNS  # "Nobody said.", "Police said.": a common word, not a named speaker
    if words[0] in _ARTICLES:
        rest = words[1:]
        return 0 < len(rest) <= 3 and not any(is_function_word(w) or w.endswith("ly") for w in rest)
    if is_function_word(words[0]) or words[-1] in _CONNECTORS:
        return False
    names = [w for w in words if w[:1].isupper()]
    lower = [w for w in words if not w[:1].isupper() and w not in _CONNECTORS]
    if any(is_function_word(w) or w.endswith("ly") for w in lower) or len(lower) > 3:
        return False
    # A title inside a name ("Awami League general secretary Obaidul Quader"): the phrase still ends on a name.
    return len(names) >= 1 and words[-1][:1].isupper()


def _common_word(word: str) -> bool:
    """True for a capitalised common word ("Nobody", "Everyone"), not a listed name."""
    return word.lower() in lexicon.lowercase_words() and not lexicon.is_listed_name(word)
