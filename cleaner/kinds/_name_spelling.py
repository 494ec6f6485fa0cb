"""A person's own spelling variants, which known-names (NM103) does not report as garbles.

Diacritics dropped (Erdoğan / Erdogan), German umlauts written out (Müller / Mueller), a Slavic
ending romanised otherwise (Zelenskyy / Zelenskiy / Zelensky), and a given name's other spelling
that English text uses often (Sergei / Sergey, Mohamed / Mohammed).
"""

from __future__ import annotations

import regex

from cleaner import lexicon
from cleaner import names as nm

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_SPELLING_VOWELS = regex.compile(r"[aeiouy]")
_DOUBLE = regex.compile(r"(.)\1")
_SLAVIC_END = regex.compile(r"(?<=\w{5})(?:[iy]y|yi|[iy])$")


def own_spelling(seen: str, listed: str) -> bool:
    """The listed word without its diacritics, with German umlauts written out (Müller / Mueller), or
    with its Slavic ending romanised otherwise (Zelenskyy / Zelenskiy / Zelensky, Syrskyi / Syrsky)."""
    a = nm.fold(seen)
    if a in {nm.fold(listed), nm.fold(listed.translate(_UMLAUTS))}:
        return True
    b = nm.fold(listed)
    # English writes the ending y, iy, yy or yi; a bare i (Zelenski) is another language's spelling.
    return a != b and _SLAVIC_END.sub("", a) == _SLAVIC_END.sub("", b) and "y" in a[-2:]


def established_given(seen: str, listed: str, family: str) -> bool:
    """A given name in another spelling English text uses often (Sergei for Sergey, Tariq for Tarique):
    the same first letter and the same consonants, only vowels, y and doubled letters differ; a place
    (Georgia for Giorgia), a cognate with other consonants (Charles for Carlos) or one that drops the
    listed name's final vowel (Robert for Roberto) is not one."""
    if seen == family or listed == family or lexicon.zipf(seen) < 3.0 or seen in lexicon.places():
        return False
    a, b = nm.fold(seen), nm.fold(listed)
    if len(a) >= 4 and b == a + b[-1:] and b[-1:] in "aeo":
        return False  # Robert for Roberto, Ivan for Ivana: the name translated or changed, not respelled
    return a[:1] == b[:1] and _consonants(a) == _consonants(b)


def _consonants(folded: str) -> str:
    return _SPELLING_VOWELS.sub("", _DOUBLE.sub(r"\1", folded))
