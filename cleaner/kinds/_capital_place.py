"""A capitalised preposition before a place name, for `stray-capital`'s function-word form ("met In Beijing").

Engines carry a capital over onto a preposition that opened a segment or a title-cased source
phrase, and the place name after it makes the pair look like a run of capitals ("relationships From
Cairo to Paris"). No place name starts with a preposition (the tables say so: "Cairo", never "From
Cairo"), so when the whole run after the preposition is a name of the place tables and no capital
stands before the preposition, the run is no title and the capital is a stray. A title that starts
with a preposition and a place ("his film In Bruges") is the exception this cannot tell apart; the
caller offers the fix as a suggestion only.
"""

from __future__ import annotations

import functools

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.wordclass import function_word_groups

_LONGEST_PLACE = 3  # "Bosnia and Herzegovina" is skipped; "New York City" is three capitalised words
# "As Roma" (a football club), "Up North": prepositions that also start names of teams and regions.
_NAME_STARTERS = frozenset({"as", "up", "down", "out", "off", "per", "than", "past", "till", "unto"})


def before_place(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i is a capitalised preposition that no capital precedes, followed by a place name alone."""
    low = words[i].text.lower()
    if low not in _prepositions() or i + 1 >= len(words):
        return False
    if i and words[i - 1].text[:1].isupper() and not doc.text[words[i - 1].end : words[i].start].strip():
        return False  # "News From Thailand": the preposition sits inside a capitalised run
    run: list[str] = []
    j = i + 1
    while j < len(words) and len(run) <= _LONGEST_PLACE and words[j].text[:1].isupper():
        if doc.text[words[j - 1].end : words[j].start] != " ":
            break
        run.append(words[j].text)
        j += 1
    if not run or len(run) > _LONGEST_PLACE:
        return False
    if j < len(words) and words[j].text[:1].isupper() and not doc.text[words[j - 1].end : words[j].start].strip():
        return False  # the run goes on past a gap the loop did not take: a longer name
    return " ".join(run) in _places()


@functools.lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    return frozenset(function_word_groups()["prepositions"]) - _NAME_STARTERS


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(lexicon.places()) | frozenset(lexicon.countries())
