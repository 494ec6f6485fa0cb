"""Names in a document and how alike two spellings are: shared by the name rules.

A *mention* is a run of capitalised words separated by single spaces (Lee Jae-myung, President
Recep Tayyip Erdoğan), taken from Document.words so that every name rule reads the same token
stream. Mentions are computed once per document and cached.

Two spellings are *variants* of one name when they differ only in case, diacritics, hyphens or
spaces (Erdoğan / Erdogan, Jae-myung / Jaemyung), in a romanisation alternative (Seok / Suk,
Myeong / Myung, Gun / Kun), or by one or two letters that keep the consonants (Melony / Meloni,
Bersluconi / Berlusconi). A plural, possessive, feminine or longer form of the same word
(Daniel / Danielle, Ivanov / Ivanova) is never a variant: it is another word or another person; a
doubled final consonant (Morel / Morell) is a spelling, and a variant.
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
import weakref
from array import array
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import regex

from cleaner import fuzzy, lexicon
from cleaner.document import Document, Word
from cleaner.wordstream import WordStream

# A possessive ending is not part of the name: "Meloni’s" is Meloni.
_POSSESSIVE = ("’s", "'s", "’", "'")
_POSSESSIVE_LAST = frozenset(ending[-1] for ending in _POSSESSIVE)
# Letters that do not decompose under NFKD but have a plain Latin reading.
_PLAIN = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})
# Romanisation alternatives of one sound (Korean Seok/Suk, Myeong/Myung; Hee/Hi; Yoon/Yun; Ph/F).
_ROMAN = (("eo", "u"), ("oo", "u"), ("ee", "i"), ("eu", "u"), ("ou", "u"), ("ph", "f"), ("kh", "k"))
# Consonants a transliteration swaps freely (g/k, d/t, b/p/v, l/r, s/z).
_CONSONANT = str.maketrans("gdbvlzcq", "ktpprskk")
_VOWELS = regex.compile(r"[aeiouyhw]")
_DOUBLED = regex.compile(r"(.)\1+")
# One syllable written two ways by two romanisation systems (Korean 명 myeong/myung, 석 seok/suk).
_ALTERNATES = (
    ("eo", "u"), ("eo", "o"), ("oo", "u"), ("ee", "i"), ("eu", "u"), ("eui", "ui"), ("eui", "ei"),
    ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"), ("j", "ch"), ("sh", "s"),
)
# A given name of romanised syllables joined by hyphens: Gun-hee, Jae-myung, Seo-yeon.
_SYLLABIC = regex.compile(r"\p{Lu}\p{Ll}{1,5}(?:-\p{Ll}{1,6})+")
_SYLLABLE_BREAK = regex.compile(r"[ -]")  # compiled once: asked for every pair with a syllabic name
# Masculine and feminine forms of one surname are two people (Kowalski / Kowalska, Novak / Novakova).
# The adjective ending -ий/-ый of Slavic surnames, romanised as -y, -yi, -iy, -ii or -i.
_SLAVIC_ENDING = regex.compile(r"(?:yi|iy|ii|yy|y|i)$")
_GENDERED = (("ski", "ska"), ("cki", "cka"), ("sky", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina"))


# Transliteration alternations that recur across source languages (Cyrillic, Arabic, Persian, Turkic
# and German names written by engines and desks that follow different systems): one sound, two
# spellings. Applied in order to a folded spelling with doubled letters merged; "ʒ" stands for the
# zh sound, "ʧ" for ch (tch, tsch), "ʃ" for sh (sch), and "J" and "X" for letters that read three or
# two ways. Ch and sh stay apart: Russian, Arabic and pinyin each write two sounds with them
# (Chernov / Shernov, Chen / Shen are two names).
_SOUND_CLASSES = (
    ("dzh", "ʒ"), ("dj", "ʒ"), ("zh", "ʒ"), ("j", "J"), ("x", "X"),
    ("tsch", "ʧ"), ("sch", "ʃ"), ("tch", "ʧ"), ("ch", "ʧ"), ("sh", "ʃ"), ("kh", "h"), ("ph", "f"),
    ("ts", "z"), ("tz", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("w", "v"), ("q", "k"), ("c", "k"), ("y", "i"),
)
# A j is zh (Jukov / Zhukov), y (Juri / Yuri) or kh (Mijail / Mikhail); an x is ks or kh (Alexei, Ximena).
_READINGS = (("J", ("ʒ", "i", "h")), ("X", ("ks", "h")))
_GLIDE = regex.compile(r"(?<=[aeiou])i(?=[aeiou])")  # Tokayev / Tokaev: a glide between vowels
_OFF = regex.compile(r"of$")  # Smirnoff / Smirnov


class Mention(tuple):
    """A run of capitalised words: its words (possessive endings removed) and where it stands.

    A view into the document's word stream, made in C as a rule reads it and dropped after: the
    document keeps only the compact table (`Mentions`), not an object and Word tuples per run.
    """

    __slots__ = ()

    # The words as written, the possessive ending cut (every name rule reads them, several times per
    # run): one tuple per distinct run kept by the table, read here in C.
    texts: tuple[str, ...] = property(operator.itemgetter(4))  # type: ignore[assignment]

    @property
    def words(self) -> tuple[Word, ...]:
        """The words with their offsets, the possessive ending cut from the last."""
        stream, first, size, flags, _ = self
        # Built here, not through the stream's slice (three array slices and a map): rules ask for the
        # words of most runs, and most runs are one word.
        if size == 1:
            words = (tuple.__new__(Word, (stream.starts[first], stream.ends[first], stream.texts[first])),)
        else:
            words = stream[first : first + size]
        if flags > 1:
            trim, last = flags >> 1, words[-1]
            return (*words[:-1], Word(last.start, last.end - trim, last.text[:-trim]))
        return words

    @property
    def sentence_start(self) -> bool:
        """True when the run opens its sentence."""
        return bool(self[3] & 1)

    @property
    def start(self) -> int:
        """Offset of the first letter."""
        return self[0].starts[self[1]]

    @property
    def end(self) -> int:
        """Offset after the last letter."""
        stream, first, size, flags, _ = self
        return stream.ends[first + size - 1] - (flags >> 1)

    def __repr__(self) -> str:
        return f"Mention({self.texts!r}, start={self.start})"


class Mentions(Sequence[Mention]):
    """Every run of capitalised words of a document, kept as arrays over its word stream (first word,
    word count, possessive letters cut and sentence start: 9 bytes a run); read as a tuple of `Mention`s."""

    __slots__ = ("_stream", "firsts", "sizes", "flags", "_text_ids", "_distinct", "_ids")

    def __init__(self, stream: WordStream) -> None:
        self._stream = stream
        self.firsts = array("I")
        self.sizes = array("I")
        self.flags = array("B")  # bit 0: sentence start; bits 1-2: letters of a possessive cut from the last word
        self._text_ids = array("I")  # the run's texts, as an index into `_distinct` (names repeat)
        self._distinct: list[tuple[str, ...]] = []
        self._ids: dict[tuple[str, ...], int] | None = {}  # while scanning only

    def append(self, first: int, size: int, trim: int, sentence_start: bool) -> None:
        """Add a run of `size` words from word `first`, `trim` letters of a possessive cut from the last."""
        texts = tuple(self._stream.texts[first : first + size])
        if trim:
            texts = (*texts[:-1], texts[-1][:-trim])
        ids = self._ids
        at = ids.get(texts)  # type: ignore[union-attr]
        if at is None:
            at = ids[texts] = len(self._distinct)  # type: ignore[index]
            self._distinct.append(texts)
        self.firsts.append(first)
        self.sizes.append(size)
        self.flags.append(trim << 1 | sentence_start)
        self._text_ids.append(at)

    def done(self) -> Mentions:
        """Drop the scan's look-up table and return the finished table."""
        self._ids = None
        return self

    @property
    def distinct(self) -> Sequence[tuple[str, ...]]:
        """The texts of every run, each distinct run once (far fewer than the runs: names repeat)."""
        return self._distinct

    def __len__(self) -> int:
        return len(self.firsts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        texts = self._distinct[self._text_ids[index]]
        return tuple.__new__(Mention, (self._stream, self.firsts[index], self.sizes[index], self.flags[index], texts))

    def __iter__(self) -> Iterator[Mention]:
        # tuple.__new__ builds each view in C: no Python call per run while a rule iterates.
        texts = map(self._distinct.__getitem__, self._text_ids)
        rows = zip(itertools.repeat(self._stream), self.firsts, self.sizes, self.flags, texts)
        return map(tuple.__new__, itertools.repeat(Mention), rows)


def title_set(titles: Iterable[str]) -> frozenset[str]:
    """A rule's titles without their full stops, as `untitled` compares them ("Mr." and "Mr" alike)."""
    return frozenset(t.rstrip(".") for t in titles)


def untitled(words: Iterable[Word], titles: frozenset[str]) -> list[Word]:
    """A name's words without the titles among them (`titles` from `title_set`)."""
    return [w for w in words if w.text.rstrip(".") not in titles]


_CACHE: "weakref.WeakKeyDictionary[Document, Mentions]" = weakref.WeakKeyDictionary()


def mentions(doc: Document) -> Mentions:
    """Every run of capitalised words in the document, in order (computed once per document)."""
    found = _CACHE.get(doc)
    if found is None:
        found = _scan(doc)
        _CACHE[doc] = found
    return found


def _scan(doc: Document) -> Mentions:
    text, words = doc.text, doc.words
    out = Mentions(words)
    ends, starts = words.ends, words.starts
    # Title-case or inner-capital words (Seoul, McDonald, Jae-myung), not ALL-CAPS acronyms: found in
    # one comprehension, so the loop below visits the capitalised words only (most words are lower case).
    capitalised = [i for i, w in enumerate(words.texts) if w[0].isupper() and not w.isupper()]
    first, previous = -1, -2
    for i in capitalised:
        if first >= 0 and (i != previous + 1 or text[ends[previous] : starts[i]] != " "):
            _flush(doc, out, first, previous - first + 1, 0)  # a lower-case word, or more than one space, ends the run
            first = -1
        if first < 0:
            first = i
        previous = i
        trim = _possessive(words.texts[i])
        if trim:  # "Meloni’s plan": the possessive ends the name
            _flush(doc, out, first, i - first + 1, trim)
            first = -1
    if first >= 0:
        _flush(doc, out, first, previous - first + 1, 0)
    return out.done()


def _flush(doc: Document, out: Mentions, first: int, size: int, trim: int) -> None:
    out.append(first, size, trim, doc.is_sentence_start(doc.words.starts[first]))


def _possessive(text: str) -> int:
    """How many letters of a possessive ending to cut from a name word (0 for most names)."""
    if text[-1] not in _POSSESSIVE_LAST:
        return 0  # most names: no ending to try
    for ending in _POSSESSIVE:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return len(ending)
    return 0


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower case, no diacritics, letters and digits only: Erdoğan, Jae-myung -> erdogan, jaemyung."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 18)
def romanised(folded: str) -> str:
    """A folded spelling with romanisation alternatives merged (Seok-yeol and Suk Yeol agree)."""
    out = _DOUBLED.sub(r"\1", folded)
    for old, new in _ROMAN:
        out = out.replace(old, new)
    return out.translate(_CONSONANT)


@lru_cache(maxsize=1 << 18)
def skeleton(folded: str) -> str:
    """The consonants of a folded spelling, with swap-prone consonants merged."""
    return _VOWELS.sub("", _DOUBLED.sub(r"\1", folded).translate(_CONSONANT))


@lru_cache(maxsize=1 << 16)
def sound_keys(folded: str) -> tuple[str, ...]:
    """The folded spelling with transliteration alternations merged, one key per reading of j and x
    (Navbakhor, Nawbahor -> navbahor; Zhukov, Jukov -> ʒukov): two spellings of one name share a key."""
    base = _DOUBLED.sub(r"\1", folded)
    for old, new in _SOUND_CLASSES:
        base = base.replace(old, new)
    keys = [base]
    for mark, readings in _READINGS:
        if mark in base:
            keys = [k.replace(mark, r) for k in keys for r in readings]
    return tuple(dict.fromkeys(_DOUBLED.sub(r"\1", _OFF.sub("ov", _GLIDE.sub("", k))) for k in keys))


def one_sound(fa: str, fb: str) -> bool:
    """True when two folded spellings share a transliteration key and neither is a longer form of the other."""
    if fa == fb:
        return False
    keys = sound_keys(fb)
    return any(key in keys for key in sound_keys(fa)) and not _related_words(fa, fb)


def sounds_alike(fa: str, fb: str) -> bool:
    """One sound (one_sound), or one vowel slip apart once the table's alternations are merged, the
    consonants kept (Kholmatov / Halmatov): is_variant on the merged spellings."""
    return one_sound(fa, fb) or (fa != fb and not _related_words(fa, fb) and any(
        ka != kb and is_variant(ka, kb) for ka in sound_keys(fa) for kb in sound_keys(fb)))


@lru_cache(maxsize=1 << 14)  # the same pairs of spellings come up across mentions and rules
def is_variant(a: str, b: str) -> bool:
    """True when two different spellings are plausibly one name (see the module docstring)."""
    fa, fb = fold(a), fold(b)
    if a == b or not fa or not fb or abs(len(fa) - len(fb)) > 2:
        return False
    if fa == fb:
        return len(fa) >= 4
    if is_syllabic(a) or is_syllabic(b):
        # Seo-yeon / Seo-yoon are two names; only a romanisation of the same syllables is a variant.
        return _alternate_syllables(a, b)
    shortest = min(len(fa), len(fb))
    stem_a, stem_b = _slavic_stem(fa), _slavic_stem(fb)
    if stem_a == stem_b != fa and fb != stem_b and len(stem_a) >= 5 and stem_a[-1] not in "aeiouy":
        return True  # Zhyvytsky / Zhyvytskyi / Zhyvytskiy: one Cyrillic -ий romanised three ways
    if romanised(fa) == romanised(fb):
        return shortest >= 4 and not _related_words(fa, fb)
    limit = 2 if shortest >= 8 else 1 if shortest >= 5 else 0
    if limit and fa[0] == fb[0] and sorted(fa) == sorted(fb) and _metathesis(skeleton(fa), skeleton(fb)):
        return True  # Otani / Onati: two consonants traded across a vowel, every letter kept
    if not limit or fuzzy.osa_distance(fa, fb, score_cutoff=limit) > limit:
        return False
    lost = shortest >= 6 and (_lost_coda(fa, fb) or _lost_glide(fa, fb))
    same = _same_consonants(skeleton(fa), skeleton(fb)) or lost
    return same and not _related_words(fa, fb)


def _lost_glide(fa: str, fb: str) -> bool:
    """One word is the other with the r or l of an onset cluster dropped (Srettha / Settha).

    Thai, Japanese and Chinese syllables open with one consonant, so a round trip through them
    drops the second consonant of a cluster such as sr-, br- or pl- before a vowel.
    """
    short, long = sorted((fa, fb), key=len)
    if len(long) != len(short) + 1:
        return False
    for i in range(1, len(long) - 1):
        if long[i] in "rl" and long[i - 1].isalpha() and long[i - 1] not in "aeiouyrl" and long[i + 1] in "aeiou":
            if long[:i] + long[i + 1 :] == short:
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _slavic_stem(folded: str) -> str:
    """The folded spelling without a Slavic surname ending (-y, -yi, -iy, -i)."""
    return _SLAVIC_ENDING.sub("", folded)


def _lost_coda(fa: str, fb: str) -> bool:
    """One word is the other with a syllable-final n, m, r or l dropped (Ronzulli / Rozulli).

    Japanese, Chinese and Korean syllables end in a vowel or a nasal, so a round trip through them
    drops or moves a consonant that closes a syllable before another consonant.
    """
    short, long = sorted((fa, fb), key=len)
    if len(long) != len(short) + 1:
        return False
    for i in range(1, len(long) - 1):
        if long[i] in "nmrl" and long[i - 1] in "aeiouy" and long[i + 1] not in "aeiouy" and long[:i] + long[i + 1 :] == short:
            return True
    return False


@lru_cache(maxsize=1 << 16)  # asked of the same names for every pair they are in
def is_syllabic(name: str) -> bool:
    """True for a given name of romanised syllables joined by hyphens (Gun-hee, Seo-yeon)."""
    return any(_SYLLABIC.fullmatch(word) for word in name.split())


def _alternate_syllables(a: str, b: str) -> bool:
    """Same number of syllables, each equal or one romanisation apart (myeong / myung, Gun / Kun)."""
    left = [fold(p) for p in _SYLLABLE_BREAK.split(a) if p]
    right = [fold(p) for p in _SYLLABLE_BREAK.split(b) if p]
    return len(left) == len(right) and all(x == y or _one_rewrite(x, y) for x, y in zip(left, right))


def _one_rewrite(x: str, y: str) -> bool:
    for old, new in _ALTERNATES:
        if x.replace(old, new) == y or y.replace(old, new) == x:
            return True
    return False


def _related_words(fa: str, fb: str) -> bool:
    """A longer form of the same word (plural, feminine, Danielle) or a gendered surname pair."""
    short, long = sorted((fa, fb), key=len)
    if long.startswith(short):
        # An aspiration h after a final stop is a romanisation choice, not a longer word (Prayut / Prayuth).
        if long == short + "h" and short[-1] in "tdkpbg":
            return False
        # A doubled final consonant is a spelling, not a longer word (Morel / Morell); a plural s is not.
        return not (long == short + short[-1] and short[-1] in "lnrtfm" and len(short) >= 4)
    for masculine, feminine in _GENDERED:
        if fa.endswith((masculine, feminine)) and fb.endswith((masculine, feminine)):
            stem_a = fa[: -len(masculine if fa.endswith(masculine) else feminine)]
            stem_b = fb[: -len(masculine if fb.endswith(masculine) else feminine)]
            if stem_a == stem_b:
                return True
    return False


def gendered_pair(a: str, b: str) -> tuple[str, str] | None:
    """(masculine, feminine) when two words are one Slavic family name in its two genders (Zakharov / Zakharova)."""
    fa, fb = fold(a), fold(b)
    for masculine, feminine in _GENDERED:
        for x, y, fx, fy in ((a, b, fa, fb), (b, a, fb, fa)):
            if fx.endswith(masculine) and fy.endswith(feminine) and fx[: -len(masculine)] == fy[: -len(feminine)]:
                return (x, y) if len(fx) >= 5 else None
    return None


def _metathesis(x: str, y: str) -> bool:
    """Two different skeletons equal but for two neighbouring consonants swapped."""
    return x != y and _same_consonants(x, y)


def _same_consonants(x: str, y: str) -> bool:
    """Equal skeletons, or equal but for two neighbouring consonants swapped (Bersluconi)."""
    if x == y:
        return True
    if len(x) != len(y):
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def is_common(word: str) -> bool:
    """A frequent English word (Minister, Central, Report): a title or heading word, not a name part."""
    return lexicon.zipf(word) >= 4.0


def is_known(word: str) -> bool:
    """A word the packaged tables know: a listed English word, a place or a nationality."""
    return lexicon.zipf(word) > 0 or word in lexicon.places() or word in lexicon.demonyms()
