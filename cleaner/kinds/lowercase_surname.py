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
from cleaner.schema import NUMBER, Option, Replacement, one_of

KIND = "lowercase-surname"
OPTIONS = (
    Option("max-zipf", NUMBER, "A following word English uses more often than this (Zipf) is not a given name.", default=3.0),
    Option("order", one_of("family-first", "given-first"),
           "`family-first`: the family name before its given name (\"wang Lihao\"); `given-first`: after it (\"Isabel rodriguez\").",
           default="family-first"),
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
        return _given_first

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


def _given_first(doc: Document) -> Iterator[Hit]:
    """A family name in lower case after its given name, in Western order ("the spokesperson Isabel rodriguez").

    The given name is a first name of a public figure in the tables that English does not use as a
    lower-case word (so not "Mark" or "Will"); no capitalised word follows the family name, so it is no
    particle between two names ("Hien Ho dan Lam").
    """
    text = doc.text
    for match in _GIVEN_FAMILY.finditer(text):
        written = _written_family(match.group("family"))
        given = match.group("given")
        if written is None or given not in _given_names() or given.lower() in lexicon.lowercase_words():
            continue
        if in_lower_case_paragraph(doc, match.start("family")):
            continue
        yield Hit(match.start("family"), match.end("family"), (written,),
                  message=f"“{match.group('family')}” is the family name {written} written in lower case after the given name {given}.")


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
