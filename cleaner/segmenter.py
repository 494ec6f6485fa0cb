"""Sentence boundaries that survive abbreviations, initials, decimals, ellipses and quotes."""

from __future__ import annotations

from typing import Iterator

from cleaner.regex_cache import compile_stored

# A full stop after one of these does not end a sentence (compared case-insensitively).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen gov sen rep lt col capt sgt maj rev hon messrs
    inc corp ltd co bros no nos vol vs jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft approx dept est fig al cf e.g i.e a.m p.m u.s u.k u.n e.u d.c""".split()
)

# After a dotted acronym ("U.S.") a sentence ends only if one of these words follows.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those
    but and or so yet however meanwhile in on at after before when while as if there
    what who why how""".split()
)

# A run of marks is tried once, from its start and without giving back (linear on "." * 50,000).
_CANDIDATE = compile_stored(r"(?<![.!?])(?>[.!?]+)(?>[”\"’')\]]*)(?=\s)")
_NEXT_START = compile_stored(r"\s+([“\"‘'(\[]?)(\p{Lu}|\p{N})")
_WORD_BEFORE = compile_stored(r"([\p{L}.]+)$")
_NEXT_WORD = compile_stored(r"\s+[“\"‘'(\[]?([\p{L}]+)")


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences in text[start:end], trimmed of spaces."""
    pos = start
    for cand in _CANDIDATE.finditer(text, start, end):
        nxt = _NEXT_START.match(text, cand.end(), end)
        if nxt is None or not _ends_sentence(text, start, cand.start(), cand.end(), end):
            continue
        yield from _trimmed(text, pos, cand.end())
        pos = nxt.start(1)
    yield from _trimmed(text, pos, end)


def ends_sentence(text: str, para_start: int, mark: int, end: int) -> bool:
    """True when the full stop, question or exclamation mark at `mark` ends a sentence: not an abbreviation's
    stop ("Mr.", "Dr."), an initial's or a dotted acronym's before a word that cannot start a sentence."""
    return _ends_sentence(text, para_start, mark, mark + 1, end)


def _ends_sentence(text: str, para_start: int, mark: int, after: int, end: int) -> bool:
    """Decide whether the punctuation at `mark` ends a sentence."""
    if text[mark] != ".":
        return True
    if text.startswith("...", mark):
        return True  # an ellipsis before a capital: treat as a boundary
    word = _WORD_BEFORE.search(text, max(para_start, mark - 40), mark)
    if word is None:
        return True
    token = word.group(1).lower().strip(".")
    if len(token) == 1 and token.isalpha():
        return False  # an initial, as in "J. K. Rowling"
    if token in ABBREVIATIONS or "." in token:
        following = _NEXT_WORD.match(text, after, end)
        return following is not None and following.group(1).lower() in SENTENCE_STARTERS and token not in (
            "mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "maj", "rev", "hon",
        )
    return True


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
