"""A Korean public figure's name come back in the Mandarin reading of its characters ("Yin Xiyue").

Korean names are written with Chinese characters in Chinese text, so an article translated from
Chinese reads them in pinyin: Yoon Suk-yeol (尹锡悦) becomes "Yin Xiyue", Moon Jae-in "Wen Zaiyin".
English news always uses the Korean romanisation. A two-word name is reported when:

- its first word is the Mandarin reading of the family name of a listed Korean public figure
  (lexicon.people() and the Korean entries of rules/data/world-figures.yaml), read through the closed class of the
  common Korean family names and their characters (`_READINGS`);
- its second word is pinyin of as many syllables as the figure's given name has, each syllable
  starting with a sound the Korean syllable's first consonant is read as in Mandarin and ending
  alike (-ng with -ng, -n or -m with -n, the rest open: Korean -k, -l, -p are lost in Mandarin);
- the article names the figure's country (Korea, Korean), the name is not itself listed, and
  exactly one listed figure fits.

The Korean names the article itself writes (a family name of the closed class and a hyphenated
given name, "Cho Dui-yeol") count as listed figures too: the Mandarin reading elsewhere in the same
article ("Zhao Duilie") is the same person transliterated through Chinese.

`mixed_readings` finds a listed figure's name kept in Korean form (Korean family name, hyphenated
given name) in which some given syllables are Korean spellings and the others Mandarin readings
("Moon Zai-in" for Moon Jae-in), when the article names Korea and one listed figure fits.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.model import Hit

# The Mandarin readings of the characters of the common Korean family names (a closed class: these
# cover most Koreans). Several romanisations of one Korean name share one reading.
_READINGS = {
    "kim": "jin", "gim": "jin", "lee": "li", "yi": "li", "rhee": "li", "park": "piao", "pak": "piao",
    "choi": "cui", "choe": "cui", "jung": "zheng", "chung": "zheng", "jeong": "zheng", "kang": "jiang",
    "cho": "zhao", "jo": "zhao", "yoon": "yin", "yun": "yin", "jang": "zhang", "chang": "zhang",
    "lim": "lin", "im": "lin", "han": "han", "oh": "wu", "seo": "xu", "suh": "xu", "shin": "shen",
    "kwon": "quan", "hwang": "huang", "ahn": "an", "song": "song", "hong": "hong", "moon": "wen",
    "roh": "lu", "noh": "lu", "ban": "pan", "chun": "quan", "jeon": "quan", "yoo": "liu", "ryu": "liu",
    "baek": "bai", "nam": "nan", "ko": "gao", "go": "gao", "heo": "xu", "yang": "yang", "son": "sun",
}
# Which pinyin initials a Korean syllable's first consonant is read as (the first letter is compared).
_INITIALS = {
    "g": "gjkqh", "k": "gjkqh", "n": "nrly", "d": "dtz", "t": "dtz", "r": "l", "l": "l", "m": "mw",
    "b": "bpf", "p": "bpf", "s": "sxzc", "j": "zjqc", "c": "zcjq", "h": "hx", "y": "yl", "w": "wy",
}
_VOWEL_START = "aeiouyw"
_PINYIN = regex.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u))+"
)
_SYLLABLE = regex.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u)"
)


@functools.lru_cache(maxsize=1)
def korean_families() -> frozenset[str]:
    """The common Korean family names, as English writes them (Kim, Lee, Park): the closed class above."""
    return frozenset(name.capitalize() for name in _READINGS)


@functools.lru_cache(maxsize=1)
def _korean_people() -> dict[str, tuple[tuple[str, tuple[str, ...], str], ...]]:
    """Mandarin family reading -> (listed name, Korean given syllables, country) of listed Korean figures."""
    out: dict[str, list] = {}
    for name, family, country in _listed_koreans():
        words = name.split()
        if "Korea" not in country or len(words) < 2 or words[0] != family:
            continue
        reading = _READINGS.get(nm.fold(family))
        syllables = tuple(s.lower() for w in words[1:] for s in w.split("-") if s)
        if reading and syllables:
            out.setdefault(reading, []).append((name, syllables, country))
    return {k: tuple(v) for k, v in out.items()}


def _listed_koreans() -> Iterator[tuple[str, str, str]]:
    """(name, family name, country) of the packaged people, then of the world-figures table's Korean
    entries (ministers and others the Factbook does not list: the family name is the word in capitals)."""
    for person in lexicon.people():
        yield person.name, person.family, person.country
    table = gazetteer.load("world-figures")
    for country, entries in (table.items() if isinstance(table, dict) else ()):
        for entry in entries or () if "Korea" in country else ():
            words = entry.split()
            if len(words) >= 2 and words[0].isupper() and len(words[0]) > 1:
                family = "-".join(part.capitalize() for part in words[0].split("-"))
                yield " ".join([family, *words[1:]]), family, country


@functools.lru_cache(maxsize=1 << 14)
def _pinyin_syllables(word: str) -> tuple[str, ...] | None:
    """The word cut into pinyin syllables (longest first, backtracking), or None when it is not pinyin."""
    folded = nm.fold(word)
    if len(folded) > 24 or not _PINYIN.fullmatch(folded):
        return None
    cut = _cut(folded)
    return tuple(cut) if cut is not None else None


def _cut(rest: str) -> list[str] | None:
    if not rest:
        return []
    for size in range(min(6, len(rest)), 0, -1):
        if _SYLLABLE.fullmatch(rest[:size]):
            tail = _cut(rest[size:])
            if tail is not None:
                return [rest[:size], *tail]
    return None


def _read_as(korean: str, pinyin: str) -> bool:
    """True when a pinyin syllable can be the Mandarin reading of a Korean syllable's character."""
    if _coda(korean) != _coda(pinyin):
        return False  # 명 myung / 明 ming, 인 in / 寅 yin, 석 suk / 锡 xi: the nasal ending is kept
    first = korean[:1]
    if first in _VOWEL_START and first not in "yw":
        return pinyin[:1] in _VOWEL_START
    return pinyin[:1] in _INITIALS.get(first, first)


def _coda(syllable: str) -> str:
    """How a syllable ends: -ng, another nasal (-n, Korean -m), or open (Korean -k, -l, -p are lost in Mandarin)."""
    if syllable.endswith("ng"):
        return "ng"
    return "n" if syllable[-1:] in "nm" else ""


def sino_readings(doc: Document, named: Callable[[str], bool]) -> Iterator[Hit]:
    """Hits on two-word names that read like a listed Korean figure's name in pinyin."""
    people = _with_document_names(doc, _korean_people())
    if not people:
        return
    listed = lexicon.people_words()
    for mention, i, family, given in _adjacent_words(doc):
        texts = mention.texts
        candidates = people.get(family.lower()) if family.istitle() else None
        if not candidates or given in listed or (i + 2 < len(texts) and not nm.is_common(texts[i + 2])):
            continue
        hit = _match(mention, i, candidates, named)
        if hit and not _other_nationality(doc, hit.start):
            yield hit


def _adjacent_words(doc: Document) -> Iterator[tuple[nm.Mention, int, str, str]]:
    """Each pair of neighbouring words in the article's name mentions: the mention, the first word's
    index, and the two words (a family name and a given name, in Korean order)."""
    for mention in nm.mentions(doc):
        texts = mention.texts
        for i in range(len(texts) - 1):
            yield mention, i, texts[i], texts[i + 1]


def _with_document_names(doc: Document, people: dict) -> dict:
    """The listed figures plus the Korean names the article itself writes in Korean romanisation
    (a family name of the closed class and a hyphenated given name: "Cho Dui-yeol")."""
    found: dict[str, list] = {}
    for mention in nm.mentions(doc):
        texts = mention.texts
        for family, given in zip(texts, texts[1:]):
            reading = _READINGS.get(family.lower())
            if reading and "-" in given and nm.is_syllabic(given) and given.count("-") == 1:
                syllables = tuple(given.lower().split("-"))
                found.setdefault(reading, []).append((f"{family} {given}", syllables, ""))
    if not found:
        return people
    merged = {k: list(v) for k, v in people.items()}
    for reading, names in found.items():
        merged.setdefault(reading, []).extend(names)
    return {k: tuple(v) for k, v in merged.items()}


def _other_nationality(doc: Document, start: int) -> bool:
    """True when the nearest country word before the name in its sentence is not Korea's ("Chinese envoy Li ...")."""
    words, i = doc.words, doc.word_index(start)
    countries = set(lexicon.demonyms().values())
    for word in reversed(words[max(0, i - 3) : i]):  # the name's own noun phrase: "Chinese Foreign Minister Li"
        text = word.text.removesuffix("’s").removesuffix("'s")
        country = lexicon.demonyms().get(text) or (text if text in countries else None)
        if text in ("Korea", "Korean"):
            return False
        if country:
            return True
        if doc.is_sentence_start(word.start):
            return False
    return False


def _match(mention: nm.Mention, i: int, candidates: tuple, named: Callable[[str], bool]) -> Hit | None:
    """The hit when exactly one candidate's given syllables fit the pinyin given name."""
    syllables = _pinyin_syllables(mention.texts[i + 1])
    if not syllables:
        return None
    seen = f"{mention.texts[i]} {mention.texts[i + 1]}"
    fits = {nm.fold(name): (name, country) for name, korean, country in candidates
            if nm.fold(name) != nm.fold(seen) and len(korean) == len(syllables) and all(map(_read_as, korean, syllables)) and named(country or "South Korea")}
    if any(country for _, country in fits.values()):  # a listed figure outranks the article's own spelling
        fits = {key: fit for key, fit in fits.items() if fit[1]}
    if len(fits) != 1:
        return None  # none, or two people the reading fits equally (one person listed twice counts once)
    name = fits.popitem()[1][0]
    message = f"“{seen}” reads like the Mandarin reading of “{name}”; English writes Korean names in Korean romanisation."
    return Hit(mention.words[i].start, mention.words[i + 1].end, (name,), message=message)


def mixed_readings(doc: Document, named: Callable[[str], bool]) -> Iterator[Hit]:
    """Hits on a listed Korean figure's name whose hyphenated given name mixes Korean romanisation with
    the Mandarin reading of a syllable ("Moon Zai-in" for Moon Jae-in: 在 zai, 인 in)."""
    people = _korean_people()
    if not people:
        return
    listed = lexicon.people_words()
    for mention, i, family, given in _adjacent_words(doc):
        candidates = people.get(_READINGS.get(family.lower(), "")) if family.istitle() and "-" in given else None
        if not candidates or given in listed:
            continue
        syllables = tuple(nm.fold(s) for s in given.split("-"))
        fits = {nm.fold(name): name for name, korean, country in candidates  # one person listed twice counts once
                if name.split()[0] == family and named(country) and _mixes(korean, syllables)}
        if len(fits) == 1 and not _other_nationality(doc, mention.words[i].start):
            name = fits.popitem()[1]
            message = f"“{family} {given}” mixes the Korean and the Mandarin readings of “{name}”; English writes Korean names in Korean romanisation."
            yield Hit(mention.words[i].start, mention.words[i + 1].end, (name,), message=message)


def _mixes(korean: tuple[str, ...], syllables: tuple[str, ...]) -> bool:
    """Same syllable count, each a Korean spelling or a Mandarin reading, at least one only the latter."""
    if len(korean) != len(syllables):
        return False
    mandarin = 0
    for k, s in zip(korean, syllables):
        if k == s or nm.is_variant(k, s) or _one_korean_rewrite(k, s):
            continue
        if not (_SYLLABLE.fullmatch(s) and _read_as(k, s)):
            return False
        mandarin += 1
    return mandarin > 0


def _one_korean_rewrite(x: str, y: str) -> bool:
    """One syllable romanised two Korean ways (suk / seok, yeol / yul)."""
    return nm._alternate_syllables(x, y)
