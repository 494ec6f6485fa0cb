"""Capitals that belong to a name or a title: runs of capitalised words, and words capitalised by rule.

A capitalised word inside a run with a content word in it ("Gone With the Wind", "Ministry of
Culture, Sports, and Tourism") is the run's, whatever its class: the stray-capital and
comma-capital kinds leave such capitals alone, as they leave proper words, places, months and weekdays.
"""

from __future__ import annotations

import functools

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.wordclass import MONTHS, WEEKDAYS, function_words

# Lower-case words that may sit inside a title or a name: "Gone With the Wind", "Bank of England".
MINOR = frozenset("a an and as at by da de del della der des di du for from in into la le of on or the to van von with".split())


def is_title_case(word: str) -> bool:
    """True for Capitalised words (not ALL CAPS, not camelCase)."""
    return word[:1].isupper() and word[1:].islower()


def is_content_capital(word: Word) -> bool:
    """True for a capitalised word that is not a closed-class word ("Economy", not "The")."""
    return word.text[:1].isupper() and word.text.lower() not in function_words()


def in_title_run(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i belongs to a run of capitalised words with a content word in it (a name or title).

    A run goes on through capitalised words, and through one or two minor lower-case words (of, the,
    and ...) that have a capitalised word after them: "Gone With the Wind", "Minister of the Economy".
    """
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(words):
            a, b = sorted((words[j], words[j + step]), key=lambda w: w.start)
            gap = doc.text[a.end : b.start].strip()
            serial = gap == "," and step < 0 and words[j].text in ("and", "or") and _capital_list(doc, words, j + step)
            if gap not in ("", "-") and not serial:
                break
            nxt = words[j + step]
            if nxt.text[:1].isupper():
                if nxt.text.lower() not in function_words():
                    return True
            elif nxt.text not in MINOR or not _capital_beyond(doc, words, j + step, step):
                break
            j += step
    return False


def _capital_beyond(doc: Document, words: tuple[Word, ...], j: int, step: int, minor: int = 1) -> bool:
    """True when a capitalised word follows word j, through at most one more minor word ("of the Economy")."""
    k = j + step
    if not 0 <= k < len(words):
        return False
    a, b = sorted((words[j], words[k]), key=lambda w: w.start)
    gap = doc.text[a.end : b.start].strip()
    if gap == "," and step < 0 and words[j].text in ("and", "or"):
        return _capital_list(doc, words, k)  # "Ministry of Culture, Sports, and Tourism": a serial comma
    if gap:
        return False
    if words[k].text[:1].isupper():
        return True
    return minor > 0 and words[k].text in MINOR and _capital_beyond(doc, words, k, step, minor - 1)


def _capital_list(doc: Document, words: tuple[Word, ...], k: int) -> bool:
    """True when word k ends a list of capitalised content words joined by commas ("Culture, Sports"): a name's list."""
    if k < 1 or not (is_content_capital(words[k]) and is_content_capital(words[k - 1])):
        return False
    return doc.text[words[k - 1].end : words[k].start].strip() in ("", ",")


def name_words(doc: Document, words: tuple[Word, ...], i: int, step: int) -> int:
    """How many capitalised content words run from word i in direction step, joined by blanks only."""
    count, j = 0, i
    while 0 <= j + step < len(words) and count < 3:
        a, b = sorted((words[j], words[j + step]), key=lambda w: w.start)
        nxt = words[j + step]
        if doc.text[a.end : b.start].strip() or not is_content_capital(nxt):
            break
        count, j = count + 1, j + step
    return count


@functools.lru_cache(maxsize=1)
def capitalised_words() -> _CapitalisedWords:
    """Words written capitalised by rule (proper words, places, months, weekdays), for `in` tests."""
    return _CapitalisedWords()


class _CapitalisedWords:
    """Asks each table in turn: their union (30,000 words) cost about 5 ms of every start for a few hundred look-ups."""

    def __contains__(self, word: object) -> bool:
        return word in lexicon.proper_words() or word in lexicon.places() or word in MONTHS or word in WEEKDAYS
