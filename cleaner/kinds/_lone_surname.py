"""A lone family name that sounds like the family name of a person the article introduced in full.

News copy introduces a person once in full ("Ambassador Xing Haiming") and then writes the family
name alone. A round trip transliterates that lone word afresh, and it comes back as another real
name that sounds alike: Xing -> Singh, Scholz -> Schulz, Srettha -> Settha. The lone spelling is
reported when the document's own evidence says it stands for the introduced person:

- the lone word is never written with a given name in the article (after titles such as Mr. or
  Ambassador are set aside): a real second person would be introduced too;
- it sounds like the family name of exactly one person the article writes in full (two or three
  name words), and it is not itself a place, a nationality or a listed public figure's family name;
- at least one of its occurrences stands where a person stands (after a title, before or after a
  reporting verb, or with a possessive), and none is followed by an appositive (", his deputy"),
  which introduces someone new;
- the two names are not both established in English text (Reid / Reed are two people).

"Sounds like" (`sound_alike`) is strict: the same consonants once transliteration swaps are merged
(x/s, a final -gh, o/u), or one r or l lost from a consonant cluster (Srettha / Settha). An
everyday English word that is never a name, capitalised mid-sentence, is also taken for the family
name it leaves when that name loses its final vowel (Meloni -> "Melon’s magic circle"). A listed
public figure's family name written alone counts as introduced when the article names the figure's
country (so a bigger table does not make every lone surname a candidate); a three-letter lone name may
then stand for it too (Yun / Yoon) when the article names the figure's country.
"""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds.known_names import _Countries
from cleaner.model import Hit

# Sounds that romanisations of Chinese, Korean, Thai and German names write two ways.
_SOUNDS = (("ngh", "ng"), ("x", "s"), ("q", "ch"), ("zh", "j"), ("tz", "z"), ("sch", "sh"), ("w", "v"))
# Vowels a transliteration swaps (o/u, e/i/y) are merged; a is kept apart (Moon / Min, Kang / Kong differ).
_VOWEL_CLASS = str.maketrans("ouey", "uuii")
_RUNS = regex.compile(r"([aiu])\1+")
_PERSON_BEFORE = frozenset({"said", "says", "told", "by", "according", "to", "met", "with"})
_PERSON_AFTER = regex.compile(r"(?:’s|'s)?(?:,)?[ \t]+(?:said|says|told|added|stressed|noted|explained|asked|replied|insisted|also|then|later)\b")
_LEAST_FREQUENT = 4.5  # a lone word more frequent than this is an everyday word (Long, Young)
_ESTABLISHED = 3.0  # two names both this frequent in English (Reid / Reed, Carlson / Carson) are two people
_INTRODUCED = regex.compile(r",[ \t]+(?:a|an|the|his|her|their|its|who|whose)\b")


@functools.lru_cache(maxsize=1 << 14)
def _key(word: str) -> str:
    """The word's sound: folded, transliteration pairs and close vowels merged, doubled letters single."""
    out = nm.fold(word)
    for old, new in _SOUNDS:
        out = out.replace(old, new)
    return _RUNS.sub(_first, nm.romanised(out).translate(_VOWEL_CLASS))


def _first(match: "regex.Match[str]") -> str:
    return match.group(1)


def sound_alike(lone: str, full: str, shortest: int = 4) -> bool:
    """True when two different family names are one name transliterated two ways."""
    a, b = nm.fold(lone), nm.fold(full)
    if a == b or min(len(a), len(b)) < shortest or a[:1] in "aeiou" or b[:1] in "aeiou":
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # Brown / Browne, Ivanov / Ivanova: another word or another person
    ka, kb = _key(lone), _key(full)
    if ka == kb:
        return True
    return min(len(a), len(b)) >= 5 and _lost_liquid(ka, kb)


def _lost_liquid(ka: str, kb: str) -> bool:
    """One key is the other without an r (or l, merged into r) that followed a consonant (Sretta / Setta)."""
    short, long = sorted((ka, kb), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[i] == "r" and long[i - 1] not in "aiu" and long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


def _bare(texts: tuple[str, ...], titles: frozenset[str]) -> list[str]:
    """The mention's words without leading titles (Mr., Ambassador) and nationality adjectives."""
    words = list(texts)
    while words and (words[0].rstrip(".") in titles or words[0] in lexicon.demonyms()):
        words.pop(0)
    return words


class _Introduced:
    """The family-name candidates of the people an article introduces, indexed by sound."""

    def __init__(self, full: dict[str, str]) -> None:
        self.full = full
        self._by_key: dict[str, set[str]] = {}
        self._by_lost: dict[str, set[str]] = {}  # key without one r after a consonant -> families
        for family in full:
            if family.isalpha():
                key = _key(family)
                self._by_key.setdefault(key, set()).add(family)
                for shorter in _without_liquid(key):
                    self._by_lost.setdefault(shorter, set()).add(family)

    def near(self, word: str, shortest: int = 4, plain: bool = False) -> set[str]:
        """Introduced family names the lone word sounds like (or is clipped from, for an everyday word)."""
        key = _key(word)
        found = set(self._by_key.get(key, ())) | self._by_lost.get(key, set())
        for shorter in _without_liquid(key):
            found |= self._by_key.get(shorter, set())
        near = {f for f in found if f != word and sound_alike(word, f, shortest)}
        if plain:
            near |= {word + v for v in "aeiou" if word + v in self.full}
        return near


def _without_liquid(key: str) -> list[str]:
    """The key with one r that follows a consonant left out, each way (sritha -> sitha)."""
    return [key[:i] + key[i + 1 :] for i in range(1, len(key)) if key[i] == "r" and key[i - 1] not in "aiu"]


def lone_variants(doc: Document, titles: frozenset[str], stop: frozenset[str]) -> Iterator[Hit]:
    """Hits on lone family names that sound like the family name of exactly one introduced person."""
    full, lone, in_names = _gather(doc, titles, stop)
    families, countries = _listed_families(), None
    for word in lone:
        if word in families and word not in full:
            countries = countries or _Countries(doc)
            if any(countries.named(c) for c in _family_countries()[word]):
                full[word] = families[word]  # a listed public figure of a country the article names (Meloni)
    introduced = _Introduced(full)
    for word, spans in sorted(lone.items()):
        if _plain_word(word):
            spans = [(start, end) for start, end in spans if not doc.is_sentence_start(start)]
            if not spans:
                continue  # a capitalised everyday word at a sentence start is only the sentence's capital
        target = _target(word, introduced, in_names)
        if target is None and len(word) == 3:
            countries = countries or _Countries(doc)
            target = _listed_short(word, introduced, in_names, countries)
        if (target and not any(_INTRODUCED.match(doc.text, end) for _, end in spans)
                and any(_person_slot(doc, start, end, titles) for start, end in spans)):
            family, name = target
            message = (f"“{word}” is never introduced in the article; it looks like “{family}” of “{name}”, "
                       "written another way by a translation.")
            for start, end in spans:
                yield Hit(start, end, (family,), message=message)


def _gather(doc: Document, titles: frozenset[str], stop: frozenset[str]) -> tuple[dict, dict, set]:
    """Family-name candidates with their full names, lone name words with their spans, and every word of a longer name."""
    full: dict[str, str] = {}
    lone: dict[str, list[tuple[int, int]]] = {}
    in_names: set[str] = set()
    for mention in nm.mentions(doc):
        words = _bare(mention.texts, titles)
        if len(words) > 1 and mention.sentence_start and nm.is_common(words[0]) and words[0] == mention.texts[0]:
            words = words[1:]  # "Later Singh said": the capital of the first word is the sentence's
        if len(words) > 1:
            in_names.update(words)  # written with another name word (Paul Sander): introduced
        if len(words) == 1:
            word = mention.words[-1]
            lone.setdefault(word.text, []).append((word.start, word.end))
        elif len(words) <= 6:
            for pair in zip(words, words[1:]):  # "South Korea Xing Haiming": the name is the pair of name words
                if all(_name_word(w, stop) for w in pair):
                    for family in pair:
                        full.setdefault(family, " ".join(pair))
    return full, lone, in_names


def _name_word(word: str, stop: frozenset[str]) -> bool:
    """A word that can be part of a person's name: not a title, an everyday word, a place or a nationality."""
    return not (word in stop or nm.is_common(word) or word in lexicon.places() or word in lexicon.demonyms())


def _target(word: str, introduced: _Introduced, in_names: set[str]) -> tuple[str, str] | None:
    """The one introduced family name the lone word sounds like, or None."""
    if word in in_names or not word.isalpha() or not word[1:].islower() or lexicon.zipf(word) >= _LEAST_FREQUENT:
        return None
    if word in lexicon.places() or word in lexicon.demonyms() or word in _listed_families():
        return None
    near = introduced.near(word, plain=_plain_word(word))
    if len(near) != 1:
        return None
    family = near.pop()
    if min(lexicon.zipf(word), lexicon.zipf(family)) >= _ESTABLISHED:
        return None
    return family, introduced.full[family]


@functools.lru_cache(maxsize=1)
def _listed_families() -> dict[str, str]:
    """Family name -> full name of the listed public figures."""
    return {p.family: p.name for p in lexicon.people() if p.family}


@functools.lru_cache(maxsize=1)
def _family_countries() -> dict[str, frozenset[str]]:
    """Family name -> the countries of the listed public figures of that name."""
    out: dict[str, set[str]] = {}
    for person in lexicon.people():
        out.setdefault(person.family, set()).add(person.country)
    return {family: frozenset(c) for family, c in out.items()}


def _listed_short(word: str, introduced: _Introduced, in_names: set[str], countries: _Countries) -> tuple[str, str] | None:
    """A three-letter lone name that is a listed figure's family name in another romanisation (Yun / Yoon),
    when the article writes the listed spelling and names the figure's country."""
    if len(word) != 3 or word in in_names or not word.isalpha() or word in lexicon.places() or word in _listed_families():
        return None
    near = {f for f in introduced.near(word, shortest=3) if f in _listed_families()
            and any(countries.named(c) for c in _family_countries()[f])}
    return (next(iter(near)), introduced.full[next(iter(near))]) if len(near) == 1 else None


def _plain_word(word: str) -> bool:
    """An everyday English word that is never a name (Melon): capitalised mid-sentence, it stands for one."""
    lower = word.lower()
    return word not in lexicon.proper_words() and lower in lexicon.lowercase_words() and lexicon.zipf(lower) >= 3.0


def _person_slot(doc: Document, start: int, end: int, titles: Iterable[str]) -> bool:
    """True when the word stands after a title or beside a reporting verb, or takes a possessive."""
    words, i = doc.words, doc.word_index(start)
    if i > 0:
        before = words[i - 1].text
        if before.rstrip(".") in titles or before.lower() in _PERSON_BEFORE:
            return True
    return bool(_PERSON_AFTER.match(doc.text, end)) or doc.text[end : end + 2] in ("’s", "'s")
