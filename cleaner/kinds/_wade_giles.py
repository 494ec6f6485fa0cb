"""A listed Taiwanese figure's name come back in mainland pinyin ("Cai Yingwen" for Tsai Ing-wen).

Taiwan's public figures write their names in Wade-Giles (Tsai Ing-wen, Lai Ching-te, Ko Wen-je);
text translated from mainland Chinese writes the same characters in Hanyu pinyin. A two-word name
is reported when the article names Taiwan, both words are pinyin, and exactly one listed Taiwanese
figure (lexicon.people(), which a bigger table makes stronger) has a family name and given
syllables that each match a pinyin syllable: an initial Wade-Giles writes for it (ts -> z/c,
ch -> zh/ch/j/q, hs -> x, k -> g/k, t -> d/t, p -> b/p, j -> r/zh) and the same ending (-ng, -n,
or open).
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._sino_reading import _coda, _pinyin_syllables
from cleaner.model import Hit

# Wade-Giles initials (longest first) and the pinyin initials they may stand for; "" is a vowel start.
_INITIALS = (
    ("tsz", ("z", "c", "s")), ("ts", ("z", "c")), ("tz", ("z", "c")), ("ch", ("zh", "ch", "j", "q")),
    ("hs", ("x",)), ("sh", ("sh",)), ("ss", ("s",)), ("sz", ("s",)), ("k", ("g", "k")), ("t", ("d", "t")),
    ("p", ("b", "p")), ("j", ("r", "zh")), ("y", ("y", "")), ("w", ("w", "")),
)
_PINYIN_INITIAL = regex.compile(r"zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]")
_COUNTRY = "Taiwan"


@functools.lru_cache(maxsize=1)
def _taiwanese() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(listed name, its syllables: family first) of the listed Taiwanese figures written in Wade-Giles."""
    out = []
    for person in lexicon.people():
        words = person.name.split()
        if person.country != _COUNTRY or len(words) != 2 or words[0] != person.family or "-" not in words[1]:
            continue
        syllables = (words[0].lower(), *(s.lower() for s in words[1].split("-")))
        if all(s.isalpha() for s in syllables):
            out.append((person.name, syllables))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _mixed_prefilter() -> regex.Pattern:
    """A listed Wade-Giles family name before a capitalised word with no hyphen (Ko Wenzhe)."""
    families = sorted({wade[0].title() for _, wade in _taiwanese()})
    return regex.compile(r"\b(?:" + "|".join(families) + r") \p{Lu}\p{Ll}+\b(?!-)")


def _same_syllable(wade: str, pinyin: str) -> bool:
    """True when a pinyin syllable can be the Wade-Giles one (same initial sound, same ending)."""
    if _coda(wade) != _coda(pinyin):
        return False
    match = _PINYIN_INITIAL.match(pinyin)
    p_initial = match.group() if match and len(match.group()) < len(pinyin) else ""
    for initial, readings in _INITIALS:
        if wade.startswith(initial):
            return p_initial in readings
    first = wade[:1]
    if first in "aeiou":
        return p_initial in ("", "y", "w")
    return p_initial == first


def taiwan_pinyin(doc: Document, named: Callable[[str], bool]) -> Iterator[Hit]:
    """Hits on two-word pinyin names that are a listed Taiwanese figure's Wade-Giles name."""
    people = _taiwanese()
    if not people or (_COUNTRY not in doc.text and not _mixed_prefilter().search(doc.text)):
        return
    found = list(_readings(doc, people))
    # The country named, or the figure written two ways in the article (the listed family name
    # once, its pinyin reading elsewhere: "Ko Wenzhe" ... "Ke Wenzhe"): one person, two readings.
    spellings: dict[str, set[str]] = {}
    for _, _, name, seen in found:
        spellings.setdefault(name, set()).add(seen)
    country = _COUNTRY in doc.text and named(_COUNTRY)
    for start, end, name, seen in found:
        if country or len(spellings[name]) > 1:
            message = (f"“{seen}” reads like the pinyin of “{name}”; Taiwan's public figures "
                       "write their names in Wade-Giles.")
            yield Hit(start, end, (name,), message=message)


def _readings(doc: Document, people: tuple) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, listed name, text) of two-word names whose syllables fit exactly one listed figure;
    the family word is pinyin or the listed Wade-Giles family itself (a mixed reading: "Ko Wenzhe")."""
    listed = lexicon.people_words()
    families = {wade[0] for _, wade in people}
    for mention in nm.mentions(doc):
        texts = mention.texts
        for i in range(len(texts) - 1):
            family, given = texts[i], texts[i + 1]
            if given in listed or not family.istitle() or "-" in given:
                continue
            first = (family.lower(),) if family.lower() in families else _pinyin_syllables(family)
            rest = _pinyin_syllables(given) if first and len(first) == 1 else None
            if not rest:
                continue
            seen = (*first, *rest)
            fits = {name for name, wade in people
                    if len(wade) == len(seen) and all(map(_same_syllable, wade, seen))}
            if len(fits) == 1:
                yield mention.words[i].start, mention.words[i + 1].end, fits.pop(), f"{family} {given}"
