"""Hyphenation points counted exactly as pyphen counts them, without pyphen's start-up cost.

textstat falls back to `len(Pyphen(lang="en_US").positions(word)) + 1` syllables for a word
missing from the CMU dictionary. Parsing pyphen's pattern file takes some 50 ms on every
start, and pyphen tries all 28 substring lengths at every letter, which makes one 10 MB
token take over half a minute. Here the parsed patterns come from the compiled cache, and
the search at each letter stops at the first substring that begins no pattern; the points
found are the same (tests/test_syllables.py compares with pyphen itself).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from cleaner import compiled_cache
from cleaner.buckets import BucketTable

LANG = "en_US"  # the dictionary textstat asks pyphen for
LEFT, RIGHT = 2, 2  # pyphen's defaults: no point within two letters of either end
_BLOCK = 1 << 16  # references computed per block, so a huge token needs little memory
_GRAM = 6  # patterns are looked up by the six letters at each position, memoised
_MEMO_LIMIT = 200_000
_EVEN_TO_NUL = bytes(0 if n % 2 == 0 else 1 for n in range(256))
_CACHE_VERSION = "hyphenation 5"
_BUCKETS = 4096
_LONG = 512  # a word this long looks its substrings up in one complete dict


class _Patterns:
    """Liang patterns, looked up by any prefix: [offset, value, ...] for a pattern, 0 for a bare
    prefix, None for a substring no pattern starts with.

    The cache entry stores them as a bucket table (cleaner.buckets), so an article with a
    handful of unknown words reads a few short lines instead of parsing 15,000 entries; a
    long token, which looks up millions of substrings, parses everything once (`complete`).
    """

    def __init__(self, table: BucketTable, maxlen: int, alphabet: str) -> None:
        self.table = table
        self.maxlen = maxlen
        # No pattern holds a character outside its alphabet, so only runs of these can match.
        self.runs = re.compile("[" + re.escape(alphabet) + "]+")
        self._seen: dict[str, list[int] | int | None] = {}
        self._complete: dict[str, list[int] | int] | None = None
        self._memo: dict[str, tuple[tuple[tuple[int, int], ...], bool]] = {}
        self.misses = 0  # memo misses since the caller last reset the count

    def lookup(self, piece: str) -> list[int] | int | None:
        """Return a piece's entry, reading only its bucket (memoised)."""
        if self._complete is not None:
            return self._complete.get(piece)
        if piece in self._seen:
            return self._seen[piece]
        value = self.table.get(piece)
        found = self._seen[piece] = None if value is None else _decode(value)
        return found

    def complete(self) -> dict[str, list[int] | int]:
        """Return every entry as one dict (parsed once)."""
        if self._complete is None:
            self._complete = {piece: _decode(value) for piece, value in self.table.items()}
        return self._complete

    def starting(self, gram: str, get) -> tuple[tuple[tuple[int, int], ...], bool]:
        """Return the (offset, value) pairs of every pattern that starts `gram` and fits in it,
        and whether longer patterns may start with `gram` (then the caller walks on)."""
        known = self._memo.get(gram)
        if known is not None:
            return known
        self.misses += 1
        best: dict[int, int] = {}
        for j in range(1, len(gram) + 1):
            found = get(gram[:j])
            if found is None:
                break
            if found:
                for offset, value in enumerate(found[1:], found[0]):
                    best[offset] = max(best.get(offset, 0), value)
        more = len(gram) == _GRAM and get(gram) is not None
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()  # random data never repeats a gram; keep memory flat
        known = self._memo[gram] = (tuple(sorted(best.items())), more)
        return known


def _decode(value: str) -> list[int] | int:
    return [int(n) for n in value.split(",")] if value else 0


def dictionary_path() -> Path:
    """Return pyphen's en_US pattern file, found without importing pyphen."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the pyphen package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / f"hyph_{LANG}.dic"


def _parse(path: Path) -> dict[str, object]:
    """Parse the pattern file with pyphen itself (only when the cache is cold)."""
    import pyphen

    chosen = Path(pyphen.LANGUAGES[pyphen.language_fallback(LANG)])
    if chosen.resolve() != path.resolve():
        raise RuntimeError(f"pyphen reads {chosen} for {LANG}, not {path}")
    patterns = pyphen.HyphDict(chosen).patterns
    index = {key[:i]: "" for key in patterns for i in range(1, len(key))}
    index.update({key: ",".join(str(int(n)) for n in (offset, *values)) for key, (offset, values) in patterns.items()})
    alphabet = "".join(sorted({ch for piece in index for ch in piece}))
    table = BucketTable.build(index, _BUCKETS).to_json()
    return {"maxlen": max(len(key) for key in patterns), "alphabet": alphabet, "table": table}


@functools.lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """Return the en_US patterns, parsed once per machine and reloaded from the cache."""
    path = dictionary_path()
    key = compiled_cache.fingerprint([path], _CACHE_VERSION)
    name = f"hyphenation_{compiled_cache.location_tag(path)}"  # one entry per install (see lexicon)
    data = compiled_cache.load_or_build(name, key, lambda: _parse(path))
    return _Patterns(BucketTable.from_json(data["table"]), int(data["maxlen"]), str(data["alphabet"]))


def count_points(word: str) -> int:
    """Return len(pyphen.Pyphen(lang="en_US").positions(word)): the word's hyphenation points."""
    pointed = f".{word.lower()}."
    last = len(word) - RIGHT  # pyphen bounds the points by the length of the word as given
    # Point p sits at reference index p + 1; count the odd references with LEFT <= p <= last.
    first, stop = LEFT + 1, last + 2
    count = 0
    memoised = True
    for lo in range(0, len(pointed) + 1, _BLOCK):
        hi = min(lo + _BLOCK, len(pointed) + 1)
        refs, memoised = _references(pointed, lo, hi, memoised)
        window = refs[max(first - lo, 0) : max(stop - lo, 0)]
        count += len(window) - window.translate(_EVEN_TO_NUL).count(0)
    return count


def _references(pointed: str, lo: int, hi: int, memoised: bool) -> tuple[bytearray, bool]:
    """Liang's reference values for positions lo..hi-1 of the dotted word (each below 10).

    Also returns whether memoising grams paid off in this block: in text that never repeats
    itself (random data) a plain walk is faster, and the rest of the word uses that.
    """
    table = patterns()
    table.misses = 0
    get = table.complete().get if len(pointed) > _LONG else table.lookup
    refs = bytearray(hi - lo)
    # A pattern starting at i touches positions i..i+maxlen, so earlier starts cannot reach lo.
    for run in table.runs.finditer(pointed, max(0, lo - table.maxlen), min(hi, len(pointed) - 1)):
        for i in range(run.start(), run.end()):
            if memoised:
                pairs, more = table.starting(pointed[i : i + _GRAM], get)
                if more:
                    pairs = pairs + _walk(get, table.maxlen, pointed, i, _GRAM + 1)
            else:
                pairs = _walk(get, table.maxlen, pointed, i, 1)
            for offset, value in pairs:
                at = i + offset - lo
                if 0 <= at < len(refs) and value > refs[at]:
                    refs[at] = value
    return refs, memoised and table.misses * 2 < hi - lo


def _walk(get, maxlen: int, pointed: str, i: int, shortest: int) -> tuple[tuple[int, int], ...]:
    """(offset, value) pairs of the patterns at i that are at least `shortest` long."""
    pairs: list[tuple[int, int]] = []
    for j in range(i + shortest, min(i + maxlen, len(pointed)) + 1):
        found = get(pointed[i:j])
        if found is None:
            break  # no pattern starts with this substring, so none starts with a longer one
        if found:
            pairs.extend(enumerate(found[1:], found[0]))
    return tuple(pairs)
