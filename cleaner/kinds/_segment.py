"""Dictionary segmentation: a lower-case token English does not know that is two words run together
("pointsconfirmed", "coronacrisis", "ministrysaid").

The token splits in exactly one way into two words the dictionary lists in lower case (SCOWL and
wordfreq agree), each of five letters or more and in common use (Zipf 3: once per million words), or
one of four letters among the commonest words ("said", "year") beside a longer one. It is left alone
when it is a closed compound the dictionary lists (SCOWL: prizewinning) or another form of a listed
word (sledgehammers, fortuneteller), when its head ends in a combining vowel (paleo-, quasi-), and
when a part is a compound former: a word that opens or closes three or more listed words ("super":
superstar, superhero; "field": battlefield, minefield), whose unknown compounds (superblack) are more
likely coinages in the same mould than a lost space.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from cleaner import compiled_cache, lexicon
from cleaner.wordclass import function_words

MIN_PART_LEN = 5  # letters in each part: shorter parts (hawk, moth, ball) join into names and coinages
MIN_PART_ZIPF = 3.0
# A part of four letters counts when it is among the commonest words ("said", "year", "told"): the
# rarer short words are the stuff of names and coinages (hawk, moth, ball).
_SHORT_PART_LEN = 4
_MIN_SHORT_ZIPF = 5.0
# A part is listed for the one-way test at a lower frequency: a rarer reading of the token
# ("overs" + "peed") makes it ambiguous, and an ambiguous token is left alone.
_LISTED_ZIPF = 2.5
MAX_COMPOUNDS = 2  # known words a part may open or close and still not be a compound former
_MIN_FORMER_LEN = 3  # parts counted when the compound formers are found


class _Formers(NamedTuple):
    heads: frozenset[str]
    tails: frozenset[str]


def dictionary_split(token: str) -> int | None:
    """Where a lower-case token English does not know splits into two common words, or None.

    The caller has checked that the token is lower case and unknown to wordfreq.
    """
    if len(token) < MIN_PART_LEN + _SHORT_PART_LEN or token in lexicon.compounds():
        return None  # a closed compound the dictionary lists (prizewinning, witchdoctors)
    closed = function_words()
    cuts = [k for k in range(2, len(token) - 1) if _listed(token[:k], closed) and _listed(token[k:], closed)]
    if len(cuts) != 1:
        return None  # no reading, or two (a compound or a name): not an accident
    cut = cuts[0]
    head, tail = token[:cut], token[cut:]
    if head in closed or tail in closed or head.endswith(("o", "i")):
        # A function word glued on is the glue form's first test, with its own evidence; a head in -o
        # or -i is a combining form (paleo-, pseudo-, quasi-) whose compounds English does not list.
        return None
    if not (_part_fits(head, tail) and _part_fits(tail, head)) or _inflects_known_word(token):
        return None
    formers = _compound_formers()
    if head in formers.heads or tail in formers.tails:
        return None
    return cut


def _part_fits(part: str, other: str) -> bool:
    """A part long and common enough: five letters and Zipf 3, or four beside a longer part and Zipf 5."""
    if len(part) >= MIN_PART_LEN:
        return lexicon.zipf(part) >= MIN_PART_ZIPF
    return len(part) == _SHORT_PART_LEN and len(other) >= MIN_PART_LEN and lexicon.zipf(part) >= _MIN_SHORT_ZIPF


# Endings that inflect or derive a word; another form of the token that English lists makes the token
# a compound in that form's family ("sledgehammers": sledgehammer; "fortuneteller": fortunetelling).
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers")


def _inflects_known_word(token: str) -> bool:
    """True when another form of the token (its stem with an ending added or taken off) is a known word."""
    stems = {token} | {token[: -len(e)] for e in _ENDINGS if token.endswith(e)}
    stems |= {stem + "e" for stem in stems}
    return any(lexicon.zipf(stem + ending) > 0 for stem in stems for ending in ("",) + _ENDINGS if stem + ending != token)


def _listed(part: str, closed: frozenset[str]) -> bool:
    """A word the dictionary lists in lower case that writers use, or a function word."""
    return part in closed or (part in lexicon.lowercase_words() and lexicon.zipf(part) >= _LISTED_ZIPF)


@functools.lru_cache(maxsize=1)
def _compound_formers() -> _Formers:
    """The parts that open or close more than MAX_COMPOUNDS listed words, from the compiled cache."""
    files = [lexicon.zipf_file(), lexicon.lowercase_file()]
    heads, tails = compiled_cache.derived("compound_formers", "compound-formers 1", _build_formers, files=files)
    return _Formers(frozenset(heads), frozenset(tails))


def _build_formers() -> list[list[str]]:
    """Count, over the listed words, how many each common word opens and closes (about 0.5 s, once)."""
    words = lexicon.lowercase_words()
    heads: dict[str, int] = {}
    tails: dict[str, int] = {}
    for word in lexicon.zipf_table():
        if not (word.isalpha() and word.islower()) or len(word) < 2 * _MIN_FORMER_LEN:
            continue
        for cut in range(_MIN_FORMER_LEN, len(word) - _MIN_FORMER_LEN + 1):
            head, tail = word[:cut], word[cut:]
            if head in words and tail in words and lexicon.zipf(head) >= _LISTED_ZIPF and lexicon.zipf(tail) >= _LISTED_ZIPF:
                heads[head] = heads.get(head, 0) + 1
                tails[tail] = tails.get(tail, 0) + 1
    return [sorted(w for w, n in heads.items() if n > MAX_COMPOUNDS), sorted(w for w, n in tails.items() if n > MAX_COMPOUNDS)]
