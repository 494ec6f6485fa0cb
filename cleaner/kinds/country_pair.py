"""`country-pair`: two country names side by side before a word for their relations, with no dash.

Chinese, Korean and Japanese write bilateral pairs without a mark between the names (中韩关系,
한미 동맹); engines keep the names side by side: `South Korea China relations`, `China Japan
ties`. English joins the pair with an en dash (China–Japan ties) or writes "relations between".
A pair is reported when both names are countries (the packaged country table, so no list of
strings) joined only by blanks and followed by a noun of relations between states, a small
closed class (relations, ties, cooperation, summit, border ...). The fix joins them with an en
dash, as a suggestion: some houses prefer a hyphen or a rewording.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement

KIND = "country-pair"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

# Nouns of the relations between two states: a closed class.
_RELATION_NOUNS = ("relations", "relationship", "ties", "cooperation", "co-operation", "friendship",
                   "partnership", "alliance", "summit", "talks", "dialogue", "border", "trade", "rivalry",
                   "tensions", "treaty", "agreement", "exchanges")
_WINDOW = 90  # characters before the noun: two of the longest country names and their blanks


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the pair pattern once per process and return the checker."""
    pattern = _pair_pattern()

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        reported: set[int] = set()  # "US China trade ties": one pair, two nouns
        # From each relations noun back over a short window: the country alternation runs only there.
        for start in _noun_starts(text):
            if text[start - 1 : start] not in (" ", "\t"):
                continue
            window = max(0, start - _WINDOW)
            match = pattern.search(text, window, start)
            if match is None or match.group("a") == match.group("b") or match.start() in reported:
                continue
            reported.add(match.start())
            first, second = match.group("a"), match.group("b")
            yield Hit(match.start(), match.end("b"), (f"{first}–{second}",),
                      message=f"“{first} {second}” names two countries: join them with a dash.")

    return check


def _noun_starts(text: str) -> list[int]:
    """Where a relations noun stands as a whole word, in order (str.find runs at memory speed)."""
    starts = []
    for noun in _RELATION_NOUNS:
        at = text.find(noun)
        while at >= 0:
            end = at + len(noun)
            if not (at and _is_word_char(text[at - 1])) and not (end < len(text) and _is_word_char(text[end])):
                starts.append(at)
            at = text.find(noun, at + 1)
    return sorted(starts)


def _is_word_char(char: str) -> bool:
    """What `\\b` of the standard `re` module counts as a word character."""
    return char.isalnum() or char == "_"


@functools.lru_cache(maxsize=1)
def _pair_pattern() -> regex.Pattern[str]:
    """Country, blanks, country, blanks to the end of the searched window; names longest first so "South Korea" wins."""
    # Escaping and sorting 1,700 names cost 2 ms of each start: the alternation is kept in the compiled
    # cache, keyed by the countries table's file.
    alternatives = compiled_cache.derived("country_pair_names", "country-pair 1", _alternatives, files=[lexicon.countries_file()])
    # Matched right to left ((?r)) from the window's end, so the alternation runs at one place only.
    return regex.compile(
        rf"(?r)(?<![\p{{L}}\p{{M}}\p{{N}}’'–-])(?<!\p{{Lu}}[\p{{L}}\p{{M}}]{{0,30}}[ \t]{{1,3}})(?<a>{alternatives})[ \t]+(?<b>{alternatives})"
        # One lower-case word may qualify the noun: "China Japan friendly cooperation", "US China trade ties".
        r"(?:[ \t]+\p{Ll}+)?[ \t]+\Z"
    )


def _alternatives() -> str:
    """Every country name and other name, escaped for a pattern, longest first."""
    table = lexicon.countries()
    # A country's other names count too ("US", "UK", "Britain", "Republic of Korea"): the same table.
    every = {n for n in table} | {a for country in table.values() for a in country.aliases}
    # Ties in length are broken by the name itself: the set's order changes with the hash seed, and a
    # pattern string that changes from run to run is never found in the compiled-pattern cache (70 ms).
    names = sorted((n for n in every if "," not in n and "(" not in n), key=lambda n: (-len(n), n))
    return "|".join(regex.escape(n) for n in names)
