"""A listed person's family name whose consonants survived a round trip while its letters did not.

A round trip through a script with another sound system keeps a family name's consonant frame and
rewrites the rest: Japanese katakana and Korean hangul lengthen a vowel instead of writing an r after
it ("Nootbaar" comes back "Nuthba"), Arabic and the Chinese readings lose the voicing of a stop and
double or drop letters ("Tebboune" / "Debon"), Italian and Spanish spellings come back with English
letters ("Valditara" / "Vallettara"). The given name beside it usually survives, or comes back as the
English cognate (Giuseppe / Joseph) or one letter off (Abdelmadjid / Abdelmadjit). known-names
compares names that share a word exactly; this module takes the case where the family name shares no
letter-exact form with the listed one but the same frame (`frame`: consonants with the voicing pairs
and l/r merged, doubled letters and an r after a vowel dropped) and each given name agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._name_spelling import established_given, own_spelling
from cleaner.model import Hit

_VOWEL = "aeiouy"
_POSTVOCALIC_R = regex.compile(rf"(?<=[{_VOWEL}])r+(?![{_VOWEL}])")
_DOUBLED = regex.compile(r"(.)\1+")
_SHIFTING = frozenset("gjkywh")  # first sounds cognate given names trade (Giuseppe / Joseph)
_SHORTEST = 5  # shorter family names (Kim, Rossi) have too many neighbours with the same frame


def frame(word: str) -> str:
    """A family name's consonant frame: folded, r after a vowel dropped (katakana and hangul lengthen the
    vowel instead), then nm.skeleton's merged consonants with doubled ones collapsed once more."""
    folded = _POSTVOCALIC_R.sub("", nm.fold(word))
    return _DOUBLED.sub(r"\1", nm.skeleton(folded))


def framed_family(texts: tuple[str, ...]) -> str | None:
    """The frame to look up for a mention's last word, or None when it cannot be a garbled family name:
    five letters or more, unknown to English and to the place and nationality tables."""
    family = texts[-1]
    if len(family) < _SHORTEST or not family.isalpha() or nm.is_known(family):
        return None
    return frame(family)


def given_agrees(seen: str, listed: str) -> bool:
    """A given name kept, one respelling away (nm.is_variant), or the English cognate: more common in
    English, the same consonants maybe but for a first glide or velar (Joseph for Giuseppe)."""
    if seen == listed or nm.is_variant(seen, listed):
        return True
    if not seen.isalpha() or lexicon.zipf(seen) < 3.0 or lexicon.zipf(seen) <= lexicon.zipf(listed):
        return False
    a, b = nm.skeleton(nm.fold(seen)), nm.skeleton(nm.fold(listed))
    return a == b or (len(a) >= 3 and a[1:] == b[1:] and a[0] in _SHIFTING and b[0] in _SHIFTING)


def _near_spelling(seen: str, listed: str) -> bool:
    """One respelling or one transliteration away, or only vowels and glides rewritten (Aksenov /
    Aksyonov, the Russian yo written e): known-names' own comparisons judge those, and a frame must not
    overrule their verdict."""
    a, b = nm.fold(seen), nm.fold(listed)
    return nm.is_variant(seen, listed) or nm.one_sound(a, b) or _letters(a) == _letters(b)


def _letters(folded: str) -> str:
    """The consonant letters as written, doubled ones collapsed (no sounds merged)."""
    return _DOUBLED.sub(r"\1", regex.sub(rf"[{_VOWEL}hw]", "", folded))


def frame_names(doc: Document, words: list, candidates: Iterable, initials_agree: Callable[[str, str], bool],
                evidence: Callable[[object], bool]) -> Iterator[Hit]:
    """Report the family name (and any given name not kept) of `words` when exactly one listed person
    among `candidates` (people with that family frame) fits: a family name starting with a sound a
    transliteration may trade for the seen one's, and as many words, each given name agreeing, with
    `evidence` (the country named, a title) and the listed full name written nowhere in the article
    (name-variants compares the two); or the listed family name, rare in English, written elsewhere in
    the article ("Tebboune" ... "Debon said"), the article's own evidence of whom it means: then a
    word alone is compared too."""
    texts = tuple(w.text for w in words)
    alone = len(texts) == 1
    near = {n.words: n for n in candidates
            if n.words[-1] == n.family != texts[-1] and (alone or len(n.words) == len(texts))
            and initials_agree(texts[-1], n.family) and not _near_spelling(texts[-1], n.family)
            and (_rare_anchor(n.family) and n.family in doc.distinct_words if alone else all(map(given_agrees, texts[:-1], n.words[:-1])))}
    if len({n.family for n in near.values()}) != 1:
        return
    name = next(iter(near.values()))
    if alone:
        yield Hit(words[0].start, words[0].end, (name.family,), message=_message(texts, (name.family,)))
        return
    written = _rare_anchor(name.family) and name.family in doc.distinct_words
    if not written and (" ".join(name.words) in doc.text or not evidence(name)):
        return  # the listed name of a common family is in the article: name-variants compares the two
    if all(own_spelling(a, b) or established_given(a, b, name.family) for a, b in zip(texts, name.words)):
        return  # Mehmet Simsek, Vladimir Zelensky: diacritics and established spellings are house style
    first = next(i for i, (a, b) in enumerate(zip(texts, name.words)) if a != b)
    yield Hit(words[first].start, words[-1].end, (" ".join(name.words[first:]),), message=_message(texts, name.words))


def _rare_anchor(family: str) -> bool:
    """A listed family name that can anchor a lone word: rare in English (not Garcia, not Queen) and
    with three consonant sounds or more, so that its frame is not shared by half the atlas."""
    return lexicon.zipf(family) < 2.5 and len(frame(family)) >= 3


def _message(seen: tuple[str, ...], listed: tuple[str, ...]) -> str:
    return f"“{' '.join(seen)}” looks like a garbled spelling of the listed name “{' '.join(listed)}”."
