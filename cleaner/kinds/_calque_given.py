"""`surname-calque`'s given-name form: a Chinese family name translated by its meaning before the
pinyin given name ("horse Jianguo", "Stone Wenbo", "the king Jianguo" for Ma, Shi, Wang).

An engine that reads the family name's character as a word keeps the given name, which it cannot
read, in pinyin. The word after the noun is the evidence: a capitalised word made of one or two real
pinyin syllables (cleaner.kinds._pinyin; camel-cased "FeiFeng" too) that English does not use (Zipf
below 2, no dictionary proper name, no place). Such a pair is reported when:

- the article writes the same given name after one of the noun's pinyin family names elsewhere
  ("Ma Jianguo" beside "horse Jianguo"): that family name is the fix, and a one-syllable given name
  counts too;
- or, on the pair alone, the given name has two syllables, the noun is not inside a longer
  capitalised run ("Jade Dragon Xueshan") nor the given name before another capitalised word or
  "of" ("King Goujian of Yue" is a real king), and the article has no word that gives the noun a
  real referent (the rule's `referents`: palace, dynasty for king). The noun's pinyin family names
  in the table are then the suggestions.

A lower-case "the" before the noun goes with it ("the king Jianguo" -> "Wang Jianguo"). Once the
article has such a pair, the same noun capitalised on its own before a verb later on ("Stone
stressed") is that person too.
"""

from __future__ import annotations

import functools
from typing import Iterator, Mapping, NamedTuple

import regex

from cleaner import gazetteer, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._pinyin import camel_parts, syllables
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Safety

_GIVEN_ZIPF = 2.0  # "Sean", "Tina", "Dean" are pinyin-shaped English names, and common words
_GLUED = frozenset("’'.@#/_-")  # a noun touching these is part of an address, a handle or a longer word
_THE = regex.compile(r"(?<![\p{L}\p{N}])[Tt]he[ ]$")
_CAP_BEFORE = regex.compile(r"\p{Lu}[\p{L}’'.-]*[ ]$")


class _Pair(NamedTuple):
    """A table noun before a capitalised word: where each stands, and what follows the word."""

    start: int
    end: int
    noun: str
    given: str
    given_end: int
    after: str
    pinyin: bool


def given_calques(doc: Document, nouns: frozenset[str], owners_of: Mapping[str, tuple[str, ...]],
                  chars_of: Mapping[str, str], real: frozenset[str], verbs: frozenset[str]) -> Iterator[Hit]:
    """Hits for table nouns before pinyin given names. `nouns` are the one-word table nouns as written
    (lower case and capitalised); `real` holds the nouns whose related words (the rule's `referents`)
    the article uses; `verbs` are the words that may follow a person's name."""
    text = doc.text
    found = _pairs(doc, nouns)
    # A capitalised noun before a name that is no pinyin is a title or a name of its own ("King Charles",
    # "Stone Roses"): the noun has a referent in this article, so the pair alone is not evidence.
    real = real | {p.noun.lower() for p in found if not p.pinyin and p.noun[:1].isupper()}
    written = _written_names(doc) if any(p.pinyin for p in found) else frozenset()
    translated: dict[str, tuple[tuple[str, ...], int]] = {}  # noun -> (family names, where first translated)
    for pair in found:
        if not pair.pinyin:
            continue
        owners = tuple(o for o in owners_of.get(pair.noun.lower(), ()) if o in chinese_families())
        if not owners:
            continue
        key = nm.fold(pair.given)
        seen = tuple(o for o in owners if (o, key) in written)
        if not seen and not _alone_evidence(doc, pair, real, verbs):
            continue
        the = _THE.search(text, max(0, pair.start - 4), pair.start)
        start = the.start() if the else pair.start
        chosen = seen or owners
        phrase = text[start : pair.given_end]
        message = (f"“{phrase}” may be the family name {chosen[0]} translated by its meaning "
                   f"({chars_of.get(chosen[0], chosen[0])} means {pair.noun.lower()}); write “{chosen[0]} {pair.given}”.")
        yield Hit(start, pair.end, chosen, message=message, safety=Safety.SUGGEST if len(chosen) > 1 else None)
        translated.setdefault(pair.noun.capitalize(), (chosen, start))
    yield from _alone_after(doc, translated, chars_of, verbs)


def _pairs(doc: Document, nouns: frozenset[str]) -> list[_Pair]:
    """The table nouns (not glued to an address) followed by one space and a capitalised word, read
    from the token stream: most texts hold few of the nouns."""
    text, words = doc.text, doc.words
    out: list[_Pair] = []
    for i in words.where(nouns):
        if i + 1 >= len(words):
            continue
        noun, nxt = words[i], words[i + 1]
        if (noun.start and text[noun.start - 1] in _GLUED) or nxt.start != noun.end + 1 or text[noun.end] != " ":
            continue
        given = nxt.text
        after = ""
        if given[-2:] in ("'s", "’s"):
            given, after = given[:-2], given[-2:]
        elif i + 2 < len(words) and words[i + 2].start == nxt.end + 1 and text[nxt.end] == " ":
            after = " " + words[i + 2].text
        if not given[:1].isupper() or len(given) < 2:
            continue
        end = nxt.start + len(given)
        out.append(_Pair(noun.start, noun.end, noun.text, given, end, after, _pinyin_given(given)))
    return out


def _alone_after(doc: Document, translated: dict[str, tuple[tuple[str, ...], int]], chars_of: Mapping[str, str],
                 verbs: frozenset[str]) -> Iterator[Hit]:
    """The same capitalised noun later on its own before a verb ("Stone stressed") once the article
    translated that family name before a given name ("Stone Wenbo"): the same person."""
    text = doc.text
    for noun, (owners, first) in translated.items():
        for match in regex.finditer(rf"(?<![\p{{L}}\p{{N}}’'.-]){regex.escape(noun)}[ ](\p{{Ll}}{{2,15}})(?![\p{{L}}\p{{N}}])",
                                    text, pos=first, timeout=timeout_for(text)):
            if match.group(1) not in verbs:
                continue
            if not doc.is_sentence_start(match.start()) and _CAP_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "Emma Stone said": someone else's family name
            yield Hit(match.start(), match.start() + len(noun), owners,
                      message=f"“{noun}” may be the family name {owners[0]} translated by its meaning "
                              f"({chars_of.get(owners[0], owners[0])} means {noun.lower()}), as before in the article.",
                      safety=Safety.SUGGEST if len(owners) > 1 else None)


def _alone_evidence(doc: Document, pair: _Pair, real: frozenset[str], verbs: frozenset[str]) -> bool:
    """The pair on its own: a two-syllable given name, no longer name around it, no real referent, and
    a person's place in the sentence: punctuation, a possessive or a verb after it."""
    text = doc.text
    noun = pair.noun
    parts = _given_syllables(pair.given)
    if parts is None or len(parts) != 2 or noun.lower() in real:
        return False
    after = pair.after
    if after[:1] == " " and after[1:] not in verbs:
        # "Dragon Xueshan Park", "King Goujian of Yue", "the high Tianshan range": a longer name, a real
        # title, or an adjective before a place; a person is followed by a verb ("then", "said").
        return False
    start = pair.start
    # "Jade Dragon Xueshan": a capitalised noun after another capital is inside a longer name.
    return not (noun[:1].isupper() and not doc.is_sentence_start(start) and _CAP_BEFORE.search(text, max(0, start - 40), start))


def _pinyin_given(word: str) -> bool:
    """A capitalised word of one or two pinyin syllables that English does not use."""
    if _given_syllables(word) is None:
        return False
    plain = word.replace("-", "")
    if lexicon.zipf(plain) >= _GIVEN_ZIPF or plain.capitalize() in lexicon.proper_words() or plain.capitalize() in lexicon.places():
        return False
    return plain.capitalize() not in chinese_compound_families()


@functools.lru_cache(maxsize=4096)
def _given_syllables(word: str) -> tuple[str, ...] | None:
    """The syllables of a given name written Xiaoling, FeiFeng or Xiao-ling (one or two), else None."""
    if "-" in word:
        pieces = word.split("-")
        if len(pieces) != 2 or not all(p.isalpha() and p[1:].islower() and p for p in pieces):
            return None
        cut = tuple(s for p in pieces for s in (syllables(p) or ("", "", "")))
    elif word[1:].islower():
        cut = syllables(word) or ()
    else:
        cut = tuple(p.lower() for p in camel_parts(word) or ())
    return cut if 1 <= len(cut) <= 2 and all(cut) else None


def _written_names(doc: Document) -> frozenset[tuple[str, str]]:
    """(family name, folded given name) of the pinyin names the article writes: "Ma Jianguo"."""
    return doc.shared("chinese-written-names", _find_written)


_NAME = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{1,5})[ ](\p{Lu}[\p{L}-]{1,15})(?![\p{L}\p{N}])")


def _find_written(doc: Document) -> frozenset[tuple[str, str]]:
    families = chinese_families()
    return frozenset((m.group(1), nm.fold(m.group(2))) for m in _NAME.finditer(doc.text, overlapped=True)
                     if m.group(1) in families)


@functools.lru_cache(maxsize=1)
def chinese_families() -> frozenset[str]:
    """The pinyin family names of rules/data/chinese-surnames.yaml, one and two syllables."""
    table = gazetteer.load("chinese-surnames")
    return frozenset(table.get("single") or ()) | chinese_compound_families()


@functools.lru_cache(maxsize=1)
def chinese_compound_families() -> frozenset[str]:
    """The two-syllable family names (Ouyang, Sima): never a given name after a translated family name."""
    return frozenset(gazetteer.load("chinese-surnames").get("compound") or ())
