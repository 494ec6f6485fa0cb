"""A Japanese public figure's name come back in the Mandarin reading of its kanji ("Anbei Jinsan").

Chinese text writes Japanese names in kanji, so an article machine-translated from Chinese reads
them in pinyin: Shinzo Abe (安倍晋三) becomes "Anbei Jinsan", Yoshihide Suga (菅义伟) "Jian Yiwei".
English news always writes the Japanese reading. The readings come from a generated table
(rules/data/lexicon/japanese-readings.tsv: scripts/build_japanese_readings.py reads the kanji of
rules/data/japanese-kanji.yaml with pypinyin). A run of name words is reported when:

- it is a listed figure's family and given readings, in either order, the syllables written together
  or apart ("Anbei Jinsan", "Jinsan Anbei", "An Bei Jin San");
- or it is half converted: the Mandarin reading of one part beside the Japanese form of the other
  ("Anbei Shinzo", "Abe Jinsan");
- or, right after a title (Prime Minister, Mr.), it is the reading of a listed family name of two
  syllables or more ("Prime Minister Anbei"), or of a one-name figure ("Emperor Deren");
- and the article names Japan (or the Japanese) or writes the figure's English name, the nearest
  country word before the name is not another country's, and exactly one figure fits (two figures who
  share a family name fit a lone family name once: the family name is suggested).

`place_readings` finds a Japanese place of the table written as the Mandarin reading of its kanji
("Dongjing" for Tokyo, "Daban" for Osaka) in an article that names Japan, when the word is not itself a
known place, a public figure's name or an English word, and no other country's name stands right before
it (the table leaves out readings that are also towns of China or Taiwan).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Iterator

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._sino_reading import _pinyin_syllables
from cleaner.model import Hit

_TABLE = "japanese-readings.tsv"
_COUNTRY = "Japan"
_OWN = frozenset({"Japan", "Japanese", "Japan’s", "Japan's"})
_MAX_WORDS = 4  # "An Bei Jin San": at most four written words for one name


@dataclass(frozen=True)
class Figure:
    """A listed Japanese figure: English name and family name, and the Mandarin readings (joined)."""

    name: str
    family: str
    family_reading: str
    given_reading: str


@dataclass(frozen=True)
class _Index:
    full: dict[str, tuple[Figure, ...]]
    half: dict[tuple[str, str], tuple[Figure, ...]]
    lone: dict[str, tuple[Figure, ...]]
    places: dict[str, str]
    starts: frozenset[str]  # every word a reading may start with: a syllable prefix of a whole reading, a half name's part


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    """The readings table, indexed by the forms a translation writes."""
    rows = [row.split("\t") for row in lexicon._rows(_TABLE)]
    people = [row for row in rows if row[0] == "person"]
    places = {py.replace(" ", ""): name for kind, name, _, _, py, _ in rows  # one syllable is any Chinese word
              if kind == "place" and " " in py}
    readings: dict[str, set[str]] = {}  # family kanji -> the Japanese family names listed with them (菅: suga, kan)
    for _, _, family, _, _, kanji in people:
        if kanji:
            readings.setdefault(kanji, set()).add(nm.fold(family))
    full: dict = {}
    half: dict = {}
    lone: dict = {}
    prefixes: list[list[str]] = []  # each whole reading's syllables, either order
    for _, name, family, family_py, given_py, kanji in people:
        figure = Figure(name, family, family_py.replace(" ", ""), given_py.replace(" ", ""))
        if not family:  # a one-name figure (an emperor): only after a title
            if " " in given_py:
                lone.setdefault(figure.given_reading, []).append(figure)
            continue
        for key in (figure.family_reading + figure.given_reading, figure.given_reading + figure.family_reading):
            full.setdefault(key, []).append(figure)
        prefixes += [family_py.split() + given_py.split(), given_py.split() + family_py.split()]
        for pair in _half_pairs(figure, nm.fold(family), readings.get(kanji, set())):
            half.setdefault(pair, []).append(figure)
        if " " in family_py:
            lone.setdefault(figure.family_reading, []).append(figure)
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    starts = {"".join(syllables[:k]) for syllables in prefixes for k in range(1, len(syllables) + 1)}
    starts |= {pair[0] for pair in half} | set(lone)
    return _Index(freeze(full), freeze(half), freeze(lone), places, frozenset(starts))


def _half_pairs(figure: Figure, family: str, others: set[str]) -> Iterator[tuple[str, str]]:
    """The half-converted forms of a name, either order: the family reading with the Japanese given name,
    the Japanese family name (or another listed Japanese reading of its kanji: 菅 Kan for Suga) with the
    given reading, and that other reading with the Japanese given name."""
    given = nm.fold(" ".join(w for w in figure.name.split() if w != figure.family))
    pairs = [(figure.family_reading, given), (family, figure.given_reading)]
    for other in others - {family}:
        pairs += [(other, figure.given_reading), (other, given)]
    for first, second in pairs:
        yield first, second
        yield second, first


def japanese_readings(doc: Document, named: Callable[[str], bool], titles: frozenset[str]) -> Iterator[Hit]:
    """Hits on name runs that read like a listed Japanese figure's name in pinyin."""
    index = _index()
    japan = named(_COUNTRY)
    folded: dict[str, str] = {}  # each distinct word folded once
    quiet: set[tuple[str, ...]] = set()  # mentions with no word that can start a reading: an article repeats them
    for mention in nm.mentions(doc):
        texts = mention.texts
        if texts in quiet:
            continue
        if not any(_fold(t, folded) in index.starts for t in texts):
            quiet.add(texts)  # no word can start a listed reading: most mentions, decided with set look-ups
            continue
        keys = tuple(_fold(t, folded) for t in texts)
        i = 0
        while i < len(keys):
            found = _longest(doc, mention, keys, i, index, titles) if keys[i] in index.starts else None
            if found is None:
                i += 1
                continue
            end, fits, family_only = found
            hit = _hit(doc, mention, i, end, fits, family_only, japan)
            if hit:
                yield hit
            i = end


def _fold(text: str, folded: dict[str, str]) -> str:
    """The word folded (cleaner.names.fold), remembered for the document."""
    key = folded.get(text)
    if key is None:
        key = folded[text] = nm.fold(text)
    return key


def _longest(doc: Document, mention: nm.Mention, keys: tuple[str, ...], i: int, index: _Index,
             titles: frozenset[str]) -> tuple[int, tuple[Figure, ...], bool] | None:
    """(end, the figures that fit, whether a lone family name) for the longest reading starting at word i."""
    for end in range(min(len(keys), i + _MAX_WORDS), i + 1, -1):
        joined = "".join(keys[i:end])
        if joined in index.full and all(_pinyin_syllables(t) for t in mention.texts[i:end]):
            return end, index.full[joined], False
    if i + 1 < len(keys) and (keys[i], keys[i + 1]) in index.half:
        return i + 2, index.half[keys[i], keys[i + 1]], False
    if _titled(doc, mention, i, titles) and keys[i] in index.lone and (i + 1 == len(keys) or nm.is_common(mention.texts[i + 1])):
        return i + 1, index.lone[keys[i]], True
    return None


def _titled(doc: Document, mention: nm.Mention, i: int, titles: frozenset[str]) -> bool:
    """True when a title stands right before word i ("Prime Minister Anbei", "Mr. Anbei")."""
    if i > 0:
        return mention.texts[i - 1].rstrip(".") in titles
    at = doc.word_index(mention.start)
    if at <= 0:
        return False
    before = doc.words[at - 1]
    return before.text.rstrip(".") in titles and doc.text[before.end : mention.start].strip(". ") == ""


def _hit(doc: Document, mention: nm.Mention, i: int, end: int, fits: tuple[Figure, ...], family_only: bool,
         japan: bool) -> Hit | None:
    """The hit when one figure (or one family name) fits and the article points to Japan."""
    suggestions = {f.family if family_only and f.family else f.name for f in fits}
    if len(suggestions) != 1:
        return None
    suggestion = suggestions.pop()
    seen = " ".join(mention.texts[i:end])
    if nm.fold(seen) == nm.fold(suggestion) or seen in _listed_names():
        return None
    if not (japan or any(f.name in doc.text for f in fits)):
        return None
    start = mention.words[i].start
    if end < len(mention.texts) and not nm.is_common(mention.texts[end]):
        return None  # the run goes on with another name word: a longer name that is not this figure's
    if _other_country(doc, start):
        return None
    message = (f"“{seen}” reads the kanji of “{suggestion}” in Mandarin or with another reading; English writes "
               "Japanese names in the person's own Japanese reading.")
    return Hit(start, mention.words[end - 1].end, (suggestion,), message=message)


@functools.lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    """The packaged public figures' names as written (a real Chinese figure whose name is a reading is left alone)."""
    return frozenset(person.name for person in lexicon.people())


def _other_country(doc: Document, start: int) -> bool:
    """True when the nearest country word before the name in its sentence is not Japan's ("Chinese envoy Lin ...")."""
    words, i = doc.words, doc.word_index(start)
    demonyms = lexicon.demonyms()
    countries = set(demonyms.values())
    for word in reversed(words[max(0, i - 3) : i]):  # the name's own noun phrase: "Chinese Foreign Minister Lin"
        text = word.text.removesuffix("’s").removesuffix("'s")
        if text in _OWN:
            return False
        if text in demonyms or text in countries:
            return True
        if doc.is_sentence_start(word.start):
            return False
    return False


def place_readings(doc: Document) -> Iterator[Hit]:
    """Hits on a listed Japanese place written as the pinyin of its kanji, in an article naming Japan."""
    if _COUNTRY not in doc.text:  # Japan, Japanese, Japan's
        return
    places, known = _capitalised_places(), lexicon.places()
    for mention in nm.mentions(doc):  # the capitalised words, found once for every name rule
        if not any(text in places for text in mention.texts):
            continue  # nearly every run: its Word tuples are not built
        for word in mention.words:
            name = places.get(word.text)
            if name is None or word.text in known or lexicon.zipf(word.text) > 0 or word.text in lexicon.people_words():
                continue
            if _beside_name(doc, word.start) or _other_country(doc, word.start):
                continue  # "Chen Dongjing" is a person; "Taiwan's Gangshan" another country's place
            message = (f"“{word.text}” reads like the Mandarin reading of the kanji of “{name}”; "
                       "English writes Japanese places in their Japanese reading.")
            yield Hit(word.start, word.end, (name,), message=message)


@functools.lru_cache(maxsize=1)
def _capitalised_places() -> dict[str, str]:
    """The listed places' readings as a capitalised word (Dongjing) -> the place (Tokyo)."""
    return {reading.capitalize(): name for reading, name in _index().places.items()}


def _beside_name(doc: Document, start: int) -> bool:
    """True when a capitalised word that is not a common English word stands right before or after, one space away."""
    i = doc.word_index(start)
    words = doc.words
    for j in (i - 1, i + 1):
        if 0 <= j < len(words):
            other = words[j]
            gap = doc.text[other.end : start] if j < i else doc.text[words[i].end : other.start]
            if gap == " " and other.text[:1].isupper() and not nm.is_common(other.text):
                return True
    return False
