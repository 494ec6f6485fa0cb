"""`place-spelling`: a well-known place name one letter off ("the capital, Kiiv,").

Round trips through Japanese, Korean or Chinese transliterate place names afresh, and the English
comes back with a vowel or a consonant changed (Kiiv for Kyiv, Hirosima for Hiroshima). A
capitalised word is reported when the evidence says it is a misspelt place:

- English does not know it (wordfreq), nor do the place, nationality, proper-name or public-figure
  tables, so it is not a word or a listed name of its own;
- it stands alone, with no capitalised word beside it, so it is not part of a person's or a
  company's name ("Cayden Barrett" is left alone, though Camden is one letter away);
- one edit (a letter changed, added, dropped or two swapped) turns it into a place from the place
  table that English writes often (wordfreq Zipf at least `min-zipf`) and that starts with the same
  letter.

A two-word place loses letters the same way ("Norrn Ireland" for Northern Ireland): a run of exactly
two capitalised words is reported when one word is exactly the word of a listed two-word place and
the other, unknown to English and to the tables and starting with the same letter, is one edit from
the place's word or that word with some letters dropped (at least three fifths of it left).

A Japanese place read in Mandarin from its kanji ("Dongjing" for Tokyo) is reported as well: see
cleaner.kinds._japanese_reading.place_readings.

The place is suggested; only the editor knows whether the place was meant.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._japanese_reading import place_readings
from cleaner.kinds._support import timeout_for
from cleaner.loader import builtin_rules_dir
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement

KIND = "place-spelling"
OPTIONS = (Option("min-zipf", NUMBER, "The least Zipf frequency of a place that misspellings are compared with.", default=3.0),)
REPLACEMENT = Replacement.COMPUTED

# A capitalised word with no capitalised word right before or after it.
_WORD = regex.compile(r"\p{Lu}\p{Ll}{2,20}")
_LONE_CAPITAL = regex.compile(
    r"(?<!\p{Lu}[\p{L}\p{M}’'.-]*[ \t])(?<![\p{L}\p{N}\p{M}.’'-])\p{Lu}\p{Ll}{3,20}(?![\p{L}\p{N}\p{M}’'-])(?![ \t]+\p{Lu})"
)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Index the well-known places by first letter once and return the checker."""
    min_zipf = float(rule.options["min-zipf"])

    def check(doc: Document) -> Iterator[Hit]:
        verdicts: dict[str, str | None] = {}  # each distinct word is judged once
        for match in _LONE_CAPITAL.finditer(doc.text, timeout=timeout_for(doc.text)):
            word = match.group()
            if word not in verdicts:
                verdicts[word] = _nearest_place(word, min_zipf)
            place = verdicts[word]
            if place is not None:
                yield Hit(match.start(), match.end(), (place,), message=f"“{word}” looks like a misspelling of the place “{place}”.")
        yield from _two_word_places(doc)
        yield from place_readings(doc)

    return check


@functools.lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Every word of every listed place: a word some place is spelt with is no misspelling."""
    return frozenset(w for place in lexicon.places() for w in place.split())


@functools.lru_cache(maxsize=1)
def _two_word_index() -> dict[str, list[str]]:
    """"<position of the kept word> <the kept word>" -> the other words of listed two-word places.

    From the compiled cache while the place table is unchanged: splitting every place took about
    10 ms of each start.
    """
    path = builtin_rules_dir() / "data" / "lexicon" / "places.txt"
    key = compiled_cache.fingerprint([path], "two-word places 1")
    name = f"twowordplaces_{compiled_cache.location_tag(path)}"  # one entry per install (see lexicon)
    return compiled_cache.load_or_build(name, key, _build_two_word_index)


def _build_two_word_index() -> dict[str, list[str]]:
    index: dict[str, set[str]] = {}
    for place in lexicon.places():
        words = place.split(" ")
        if len(words) == 2 and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words):
            index.setdefault(f"1 {words[1]}", set()).add(words[0])
            index.setdefault(f"0 {words[0]}", set()).add(words[1])
    return {key: sorted(value) for key, value in index.items()}


def _two_word_places(doc: Document) -> Iterator[Hit]:
    """Hits on a two-word place with one word garbled ("Norrn Ireland"), read from the shared name mentions."""
    index = _two_word_index()
    for mention in nm.mentions(doc):
        if len(mention.texts) != 2:
            continue
        first, second = mention.texts
        if not (_WORD.fullmatch(first) and _WORD.fullmatch(second)) or f"{first} {second}" in lexicon.places():
            continue
        for kept_at, kept, other, word in ((1, second, first, mention.words[0]), (0, first, second, mention.words[1])):
            candidates = index.get(f"{kept_at} {kept}")
            if not candidates or lexicon.zipf(other) > 0 or lexicon.is_listed_name(other) or other in _place_words():
                continue
            near = [c for c in candidates if c[0] == other[0] and _garbled(other, c)]
            if len(near) == 1:
                place = f"{near[0]} {kept}" if kept_at == 1 else f"{kept} {near[0]}"
                yield Hit(word.start, word.end, (near[0],),
                          message=f"“{first} {second}” looks like a misspelling of the place “{place}”.")
                break


def _garbled(word: str, place_word: str) -> bool:
    """One edit away, or the place's word with letters dropped and at least three fifths of it left."""
    if len(word) < 4:
        return False
    if abs(len(word) - len(place_word)) <= 1 and _osa_distance(word, place_word) <= 1:
        return True
    if not 0.6 * len(place_word) <= len(word) < len(place_word):
        return False
    rest = iter(place_word)
    return all(ch in rest for ch in word)


@functools.lru_cache(maxsize=4)
def _places_by_initial(min_zipf: float) -> dict[str, list[str]]:
    """The well-known one-word places by first letter, from the compiled cache when the tables are unchanged.

    Building it asks the word table about every place (tens of milliseconds at each start).
    """
    tables = builtin_rules_dir() / "data" / "lexicon"
    sources = [tables / "places.txt", tables / "words.tsv"]
    key = compiled_cache.fingerprint(sources, "places by initial 1", repr(min_zipf))
    name = f"placeindex_{compiled_cache.location_tag(sources[0])}"  # one entry per install (see lexicon)
    return compiled_cache.load_or_build(name, key, lambda: _build_index(min_zipf))


def _build_index(min_zipf: float) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for place in sorted(lexicon.places()):
        if " " not in place and len(place) >= 4 and place[1:].islower() and lexicon.zipf(place) >= min_zipf:
            index.setdefault(place[0], []).append(place)
    return index


def _nearest_place(word: str, min_zipf: float) -> str | None:
    """The one well-known place a single edit away from an otherwise unknown word, or None."""
    if lexicon.zipf(word) > 0 or lexicon.is_listed_name(word):
        return None
    index = _places_by_initial(min_zipf)  # only when some word gets this far
    near = [p for p in index.get(word[0], ()) if abs(len(p) - len(word)) <= 1 and _osa_distance(word, p) <= 1]
    return near[0] if len(near) == 1 else None  # two places equally near: no suggestion can be trusted


def _osa_distance(word: str, place: str) -> int:
    """rapidfuzz's OSA distance, capped at 2 (cleaner.fuzzy: a few comparisons do not import rapidfuzz)."""
    from cleaner import fuzzy

    return fuzzy.osa_distance(word, place, score_cutoff=1)
