"""`given-name-variant`: one person's given name transliterated two ways before one family name.

A name carried over from another script has several romanisations (Mohamed, Muhammad, Mohammed;
Hussein, Hussain; Ahmed, Ahmad), and a translation engine picks one per sentence, so one person
appears as "Mohamed Ramadan" and "Muhammad Ramadan". Two given names are one name spelled two ways
when they have the same consonants in the same order (a doubled consonant counts once) and each run
of vowels falls in the same class: a and e (one short vowel), o and u (another), i, y and the
diphthongs ei, ai, ey, ay (a third). So Hassan and Hussein, Mahmoud and Mohamed stay apart. Pairs the
strict name comparison already joins (cleaner.names.is_variant) are name-variants' business.

The spelling written more often before that family name is kept; on a tie both are marked and no
suggestion is offered.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._spelling_vote import vote_hits
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, STRINGS, Option, Replacement

KIND = "given-name-variant"
OPTIONS = (
    Option("titles", STRINGS, "Words removed from the front of a name before comparing (Mr., President).", default=()),
    Option("shortest", INTEGER, "Fewest letters of a family name compared.", default=4),
)
REPLACEMENT = Replacement.COMPUTED
_VOWEL_RUN = regex.compile(r"[aeiouy]+")
_DOUBLED = regex.compile(r"([b-df-hj-np-tv-z])\1")
_CLASSES = {"a": "A", "e": "A", "ae": "A", "ea": "A", "o": "U", "u": "U", "ou": "U", "oo": "U", "oa": "U",
            "i": "I", "y": "I", "ee": "I", "ie": "I", "ei": "I", "ai": "I", "ey": "I", "ay": "I"}
_Span = tuple[int, int]


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options once and return the checker."""
    titles = nm.title_set(rule.options["titles"])
    shortest = int(rule.options["shortest"])

    def check(doc: Document) -> Iterator[Hit]:
        for spellings in _by_person(doc, titles, shortest).values():
            if len(spellings) > 1:
                yield from _report(spellings)

    return check


def given_key(name: str) -> str | None:
    """Consonants in order with each vowel run's class (Mohamed, Muhammad -> mUhAmAd); None for a vowel
    run outside the classes."""
    folded = _DOUBLED.sub(r"\1", nm.fold(name).lower())
    out, last = [], 0
    for run in _VOWEL_RUN.finditer(folded):
        klass = _CLASSES.get(run.group())
        if klass is None:
            return None
        out.append(folded[last : run.start()] + klass)
        last = run.end()
    return "".join(out) + folded[last:]


def _by_person(doc: Document, titles: frozenset[str], shortest: int) -> dict[tuple[str, str], dict[str, list[_Span]]]:
    """(family name, given key) -> given name as written -> spans of the given name."""
    out: dict[tuple[str, str], dict[str, list[_Span]]] = defaultdict(lambda: defaultdict(list))
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # most runs: one word, no given and family name (its Word tuples are not built)
        words = nm.untitled(mention.words, titles)
        if len(words) != 2 or not all(w.text.isalpha() for w in words):
            continue
        given, family = words
        if len(family.text) < shortest or nm.is_common(family.text) or nm.is_common(given.text):
            continue
        key = given_key(given.text)
        if key and len(given.text) >= 4 and given.text not in lexicon.places():
            out[(family.text, key)][given.text].append((given.start, given.end))
    return out


def _report(spellings: dict[str, list[_Span]]) -> Iterator[Hit]:
    ranked = sorted(spellings, key=lambda g: (-len(spellings[g]), spellings[g][0]))
    keep = ranked[0]
    others = [g for g in ranked[1:] if nm.fold(g) != nm.fold(keep) and not nm.is_variant(g, keep)]
    if not others:
        return
    yield from vote_hits(
        spellings, keep, others, len(spellings[keep]) == len(spellings[others[0]]), fix=str,
        tied_message=lambda given: f"“{given}” and “{keep}” spell one given name two ways before the same family name; use one.",
        outnumbered_message=lambda given: f"“{given}” is written “{keep}” {len(spellings[keep])} times before the same family name; use one spelling.",
    )
