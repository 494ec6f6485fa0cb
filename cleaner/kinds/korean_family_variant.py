"""`korean-family-variant`: one Korean person's family name romanised two ways ("Ko Woo-seok" / "Go Woo-seok").

Korean family names have several romanisations (Ko / Go, Jung / Jeong / Chung, Lee / Yi / Rhee,
Choi / Choe, Park / Pak / Bak), and an engine that reads the name back from another script picks
one at random, so one person appears under two family names before the same given name. Two
mentions are compared when the given names agree (a hyphenated given name of syllables, case and
hyphen aside), at least one family name is a common Korean family name, and both reduce to one key
once the romanisation alternations (a voiced or voiceless first consonant, eo / u, ee / i, a lost
initial r or l, a final h) are removed. Two given names that differ are two people (Kim Jong-un,
Kim Jong-il), whatever the family names. The form written more often is kept; on a tie both are
marked and no suggestion is offered.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator

import regex

from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._sino_reading import korean_families
from cleaner.kinds._spelling_vote import vote_hits
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement

KIND = "korean-family-variant"
OPTIONS = (
    Option("titles", STRINGS, "Words removed from the front of a name before comparing (Mr., President).", default=()),
)
REPLACEMENT = Replacement.COMPUTED
_SYLLABIC = regex.compile(r"\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}")
# Romanisation alternations of one family name, applied in order to the lower-cased name.
_ALTERNATIONS = (
    (regex.compile(r"^rh"), ""), (regex.compile(r"^ry"), "y"), (regex.compile(r"^r"), "n"), (regex.compile(r"^l"), ""),
    (regex.compile(r"^ch"), "j"), (regex.compile(r"^k"), "g"), (regex.compile(r"^p"), "b"), (regex.compile(r"^t"), "d"),
    (regex.compile(r"sh"), "s"), (regex.compile(r"eo|oo|ou"), "u"), (regex.compile(r"ee|yi"), "i"),
    (regex.compile(r"oi"), "oe"), (regex.compile(r"ar(?=k$)"), "a"), (regex.compile(r"(?<=.)h$"), ""),
)
_Span = tuple[int, int]


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the titles once and return the checker."""
    titles = nm.title_set(rule.options["titles"])

    def check(doc: Document) -> Iterator[Hit]:
        if "-" not in doc.text:
            return
        for families in _by_person(doc, titles).values():
            if len(families) > 1:
                yield from _report(families)

    return check


def family_key(name: str) -> str:
    """The family name with its romanisation alternations removed (Ko, Go -> go; Jung, Jeong, Chung -> jung)."""
    key = name.lower()
    for pattern, replacement in _ALTERNATIONS:
        key = pattern.sub(replacement, key)
    return key


def _by_person(doc: Document, titles: frozenset[str]) -> dict[tuple[str, str], dict[tuple[str, str], list[_Span]]]:
    """(family key, folded given name) -> (family, given) as written -> spans of the whole name."""
    out: dict[tuple[str, str], dict[tuple[str, str], list[_Span]]] = defaultdict(lambda: defaultdict(list))
    families = korean_families()
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # most runs: one word, no pair to read (its Word tuples are not built)
        words = nm.untitled(mention.words, titles)
        if len(words) < 2:
            continue
        family, given = words[-2], words[-1]
        if family.text in families and _SYLLABIC.fullmatch(given.text):
            person = (family_key(family.text), given.text.lower().replace("-", ""))
            out[person][(family.text, given.text)].append((family.start, given.end))
    return out


def _report(families: dict[tuple[str, str], list[_Span]]) -> Iterator[Hit]:
    written = {family for family, _ in families}
    if len(written) < 2:
        return  # only the given name's case or hyphen differs: another rule's business
    ranked = sorted(families, key=lambda name: -len(families[name]))
    keep = ranked[0]
    others = [name for name in ranked[1:] if name[0] != keep[0]]
    if not others:
        return
    yield from vote_hits(
        families, keep, others, len(families[keep]) == len(families[ranked[1]]), fix=" ".join,
        tied_message=lambda name: f"“{' '.join(name)}” and “{' '.join(keep)}” write one Korean family name two ways; check which the person uses.",
        outnumbered_message=lambda name: f"“{' '.join(name)}” romanises the family name differently from “{' '.join(keep)}”, written {len(families[keep])} times.",
    )
