"""`lowercase-surname`: a family name written in lower case before its given name ("the first wang Lihao").

An engine that does not recognise a family name as a name may treat it as a common word and lower
case it, while the given name after it, which it cannot read as a word, keeps its capital. A
lower-case word is reported when all of these hold:

- its capitalised form is a family name the packaged tables know (the public figures' family names,
  the surname table of `surname-calque`, the common Korean family names);
- the dictionary does not also write it in lower case (SCOWL, the `lowercase` table), so "park",
  "lee" or "long" are never reported: they are words of their own;
- it follows a space, a line break or a bracket, and a capitalised word English does not use as a
  common word (Zipf below `max-zipf`) follows it after one space: the given name;
- the word before it is not capitalised, so it is not a particle between two names ("Tran dan Le",
  "Corriere della Sera");
- it is not glued to an address, a handle or a tag, nor in a paragraph written all in lower case.

In Western order (`given-first`), the family name after its given name, a lower-case word is also
reported when English does not know it at all (no dictionary entry, not a closed compound, Zipf below
`family-zipf`, not an inflection of a known word, a roman numeral or a name particle or honorific of
`particles`) and the name stands as a person's: one of `titles` comes right before the given name, or
at most one more capitalised name before it ("Governor Ilker karatas", "Mr. Anan pradhan"), or the
given name is a listed one and a reporting verb or an apposition follows ("Isabel karatas said").

The capitalised form is suggested.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import Document
from cleaner.kinds._support import in_lower_case_paragraph
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, STRINGS, Option, Replacement, one_of

KIND = "lowercase-surname"
OPTIONS = (
    Option("max-zipf", NUMBER, "A following word English uses more often than this (Zipf) is not a given name.", default=3.0),
    Option("order", one_of("family-first", "given-first"),
           "`family-first`: the family name before its given name (\"wang Lihao\"); `given-first`: after it (\"Isabel rodriguez\").",
           default="family-first"),
    Option("titles", STRINGS, "given-first: titles or offices before a given name that make the name a person's (Governor, Mr.).",
           default=()),
    Option("family-zipf", NUMBER, "given-first: a lower-case word English uses less than this (Zipf), in no dictionary, may be "
           "an unlisted family name.", default=3.0),
    Option("particles", STRINGS, "given-first: lower-case words that follow a given name as a particle or an honorific (ji, bey, san).",
           default=()),
)
REPLACEMENT = Replacement.COMPUTED

# A plain lower-case word, one space, a capitalised word (stdlib re: a quick scan, checked further below).
_PAIR = re.compile(r"[ \n(]([a-z]{2,12}) [A-Z]")  # led by a space: a plain scan, no look-behind
_GIVEN = re.compile(r"[A-Z][^\W\d_]{1,15}(?!\w)")
_GLUED = frozenset("/@#._\\’'-")  # a word touching these is part of an address, handle or tag
# The word before the pair ends with a capitalised word (a particle between two names).
_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}’'.-]*[ \t]+$")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options and return the checker."""
    ceiling = float(rule.options["max-zipf"])
    if rule.options["order"] == "given-first":
        return _given_first_checker(rule)

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        for match in _PAIR.finditer(text):
            written = _written_family(match.group(1))
            given = _GIVEN.match(text, match.end() - 1) if written else None
            if given is None or _glued(text, match.start(1), given.end()) or lexicon.zipf(given.group()) >= ceiling:
                continue
            word, given = match.group(1), given.group()
            if _CAPITAL_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1)) or in_lower_case_paragraph(doc, match.start(1)):
                continue
            yield Hit(match.start(1), match.end(1), (written,),
                      message=f"“{word}” is the family name {written} written in lower case before the given name {given}.")

    return check


# A capitalised word, one space, a lower-case word, and no capitalised word joined after it: "Isabel rodriguez,".
_GIVEN_FAMILY = regex.compile(r"(?<![\p{L}\p{M}\p{N}’'.@#/_-])(?P<given>\p{Lu}\p{Ll}{1,15}) (?P<family>\p{Ll}{3,15})"
                              r"(?![\p{L}\p{M}\p{N}@_]|[’'/.-]\p{L}| \p{Lu})")


def _given_first_checker(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """The given-first checker: listed family names, and unknown words where the name stands as a person's."""
    titles = tuple(t.rstrip(".") for t in rule.options["titles"])
    # A title, then at most one more capitalised name, right before the given name: "Governor Mehmet Ali".
    titled = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(map(regex.escape, sorted(titles, key=len, reverse=True)))
                           + r")\.?[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+)?$") if titles else None
    family_zipf = float(rule.options["family-zipf"])
    particles = frozenset(rule.options["particles"])

    def unknown(word: str) -> bool:
        return word not in particles and _unknown_word(word, family_zipf)

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        for match in _GIVEN_FAMILY.finditer(text):
            family, given = match.group("family"), match.group("given")
            known_given = given in _given_names() and given.lower() not in lexicon.lowercase_words()
            listed = _written_family(family)
            written = listed if known_given else None
            if written is None and (listed or unknown(family)):
                window = text[max(0, match.start() - 40) : match.start()]
                if (titled is not None and titled.search(window)) or (known_given and _PERSON_AFTER.match(text, match.end())):
                    written = listed or family[:1].upper() + family[1:]
            if written is None or in_lower_case_paragraph(doc, match.start("family")):
                continue
            yield Hit(match.start("family"), match.end("family"), (written,),
                      message=f"“{family}” is the family name {written} written in lower case after the given name {given}.")

    return check


# What follows a person's name in news copy: a reporting verb, or an apposition ("Isabel karatas, the governor").
_PERSON_AFTER = regex.compile(r"(?:,?[ \t]+(?:said|says|told|tells|added|adds|stated|explained|noted|stressed|warned|wrote|"
                              r"insisted|argued|announced|confirmed|urged)(?![\p{L}\p{M}])|,[ \t]+(?:a|an|the|who|whose)[ \t])")
_ROMAN = regex.compile(r"(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


@functools.lru_cache(maxsize=4096)
def _unknown_word(word: str, ceiling: float) -> bool:
    """True for a lower-case word English does not know: no dictionary entry, no closed compound nor two words
    run together ("andhis"), rare (Zipf below `ceiling`), no roman numeral, and no inflection of a known word
    ("tweeted", "livestreams")."""
    if len(word) < 3 or word in lexicon.lowercase_words() or lexicon.zipf(word) >= ceiling or _ROMAN.fullmatch(word):
        return False
    if word in lexicon.compounds() or _two_words(word):
        return False
    for ending in ("ing", "ed", "es", "s", "d"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and (stem in lexicon.lowercase_words() or lexicon.zipf(stem) >= 2.5):
            return False
    return True


# Short words that fuse with the next one when a space is lost ("andhis", "ofthe").
_FUSING = frozenset({"a", "an", "and", "the", "of", "to", "in", "on", "at", "for", "with", "his", "her", "its", "their",
                     "is", "was", "as", "by", "or", "but", "he", "she", "it", "we", "they"})


def _two_words(word: str) -> bool:
    """True for two English words run together, one of them a function word ("andhis", "saidthe"): a lost space.
    A function word of two letters counts only in front: "karat" + "as" is the name Karatas."""
    common = lexicon.lowercase_words()
    return any(word[:i] in common and word[i:] in common
               and (word[:i] in _FUSING or (word[i:] in _FUSING and len(word[i:]) >= 3 and i >= 3))
               for i in range(1, len(word)))


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The first words of the public figures' names in the tables: Isabel, Gerhard, Olaf."""
    return frozenset(p.name.split(" ", 1)[0] for p in lexicon.people() if " " in p.name)


def _glued(text: str, start: int, end: int) -> bool:
    """True when the pair touches an address, a handle, a tag or a hyphenated word."""
    before = text[start - 1] if start else " "
    after, beyond = text[end : end + 1], text[end + 1 : end + 2]
    return before in _GLUED or after in ("@", "_") or (after in ("/", ".", "-") and beyond.isalnum())


@functools.lru_cache(maxsize=4096)
def _written_family(word: str) -> str | None:
    """The family name the tables know whose lower-case form is `word` (a-z only), when English has no such word.

    Asked per word of the article: filtering the whole tables against the dictionary took about
    20 ms of every start.
    """
    written = word[:1].upper() + word[1:]  # the only capitalised form whose lower case is a plain a-z word
    if written not in _family_names() or word in lexicon.lowercase_words():
        return None
    return written


@functools.lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    """The family names the tables know: public figures', the surname table's and the Korean ones."""
    from cleaner.kinds._sino_reading import korean_families

    names = {p.family for p in lexicon.people() if p.family.isalpha()}
    names |= {name for name in gazetteer.load("surnames")}
    names |= korean_families()
    return frozenset(names)
