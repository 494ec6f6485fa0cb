"""`family-truncation`: one person's family name cut short or run on after the same given name.

An engine that splits or glues a name it does not know leaves one person written "Anthony Bling"
in one place and "Anthony Blingen" in another: the same given name, and one family name the other
with one to three letters more. Ordinary spelling variants (one letter changed, a diacritic, a
hyphen) are name-variants' business; this kind reads only the prefix relation, which that
comparison's similarity bounds miss on short names.

Endings that make another real family name ("Richard" / "Richards" / "Richardson", "Jansen") are
left alone: two people may share a given name. Two family names the packaged tables both know, or
both common English words, are left alone too. The form the public-figure table lists, else the
form written at least three times and twice as often as the other, is kept; otherwise both are
marked and no suggestion is offered: either may be the garbled one.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Callable, Iterator

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, STRINGS, Option, Replacement

KIND = "family-truncation"
OPTIONS = (
    Option("titles", STRINGS, "Words removed from the front of a name before comparing (Mr., President).", required=True),
    Option("shortest", INTEGER, "Fewest letters of the shorter family name.", default=4),
    Option("patronymic-endings", STRINGS, "Endings that make another real family name (s, son).", default=()),
)
REPLACEMENT = Replacement.COMPUTED
_Span = tuple[int, int]


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options once and return the checker."""
    titles = nm.title_set(rule.options["titles"])
    shortest = int(rule.options["shortest"])
    endings = frozenset(rule.options["patronymic-endings"])

    def check(doc: Document) -> Iterator[Hit]:
        by_given = _given_family(doc, titles)
        for given, families in by_given.items():
            if len(families) < 2:
                continue
            for short, long in _prefix_pairs(families, shortest, endings):
                yield from _report(given, short, long, families)

    return check


def _given_family(doc: Document, titles: frozenset[str]) -> dict[str, dict[str, list[_Span]]]:
    """Given name -> family name -> spans of the family name, from names of two or three words."""
    out: dict[str, dict[str, list[_Span]]] = defaultdict(lambda: defaultdict(list))
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # most runs: one word, no given and family name (its Word tuples are not built)
        words = nm.untitled(mention.words, titles)
        if not 2 <= len(words) <= 3 or not all(w.text.isalpha() for w in words[-2:]):
            continue
        given, family = words[-2], words[-1]
        if len(given.text) >= 3 and _given_name(given.text) and not _placeish(family.text):
            out[given.text][family.text].append((family.start, family.end))
    return out


def _given_name(word: str) -> bool:
    """A word that can be a given name: not a word English writes in lower case (The, South, Chief) nor a place."""
    lower = word.lower()
    return lower not in lexicon.lowercase_words() and word not in lexicon.places() and word not in lexicon.demonyms()


def _placeish(word: str) -> bool:
    """A place or a nationality (Korea / Koreans, Vietnam / Vietnamese): not a family name."""
    return word in lexicon.places() or word in lexicon.demonyms() or word.rstrip("s") in lexicon.demonyms()


def _prefix_pairs(families: dict[str, list[_Span]], shortest: int, endings: frozenset[str]) -> Iterator[tuple[str, str]]:
    """Pairs (short, long) where the long family name is the short one with one to three letters more."""
    for short in families:
        if len(short) < shortest:
            continue
        for long in families:
            extra = long[len(short) :]
            if (long.startswith(short) and 1 <= len(extra) <= 3 and extra.islower() and extra not in endings
                    and lexicon.zipf(extra) < 5.0):  # "Meloniand": a glued "and" is a fused word, not a longer name
                if not _both_real(short, long):
                    yield short, long


def _both_real(a: str, b: str) -> bool:
    """Both words known as names or places, or both common English words: two different names."""
    known = lexicon.people_words()
    if (a in known or a in lexicon.places()) and (b in known or b in lexicon.places()):
        return True
    return nm.is_common(a) and nm.is_common(b)


@lru_cache(maxsize=1)
def _listed() -> frozenset[str]:
    return frozenset(p.name for p in lexicon.people())


def _report(given: str, short: str, long: str, families: dict[str, list[_Span]]) -> Iterator[Hit]:
    listed = _listed()
    count_s, count_l = len(families[short]), len(families[long])
    if f"{given} {short}" in listed or f"{given} {long}" in listed:
        keep = short if f"{given} {short}" in listed else long
    elif max(count_s, count_l) >= max(3, 2 * min(count_s, count_l)):
        keep = short if count_s > count_l else long  # one form clearly the article's own
    else:
        message = f"“{given} {short}” and “{given} {long}” end one family name two ways; check which is right."
        for start, end in families[short] + families[long]:
            yield Hit(start, end, (), message=message)
        return
    odd = long if keep == short else short
    message = f"“{given} {odd}” looks like “{given} {keep}” with the family name cut or run on."
    for start, end in families[odd]:
        yield Hit(start, end, (keep,), message=message)
