"""`known-names`: a public figure's or organisation's name garbled by translation ("Georgia Meloni", "Tokaev").

The names come from the packaged public-figure table (lexicon.people(), regenerated from the CIA
World Factbook by scripts/build_lexicon.py), from the rule's gazetteers (a list of names, or a mapping
of country -> names such as rules/data/world-figures.yaml: the country is the person's) and from the
rule's own `names` list, where a team adds the people and organisations it writes about. In `names`, a person's family name is written in
capitals as the Factbook does ("Kassym-Jomart TOKAYEV", "LEE Jae-myung"); a name without capitals
is an organisation ("Dezan Shira").

A run of name words in the text is compared with the listed names that share one of its words
exactly: when the run is a close variant of a listed name (cleaner.names.is_variant on the whole
name) and is not itself listed (Kim Jong Il beside Kim Jong Un), the differing words of a person's
name, or the whole organisation name, are reported with the listed spelling. A given name that
only differs in hyphens or spaces is a house style (Jong-un / Jong Un), but a one-word given name
split in two ("Xi Jin Ping") is reported. A person is reported only when the family name is rare in
English (Meloni, Tokayev), or the article names the person's country (or its people; for an athlete,
the league or its sport: MLB, baseball), or a title
or role stands before the name, so a namesake of a common family name is left alone.

A listed Korean figure's name read in Mandarin from its characters ("Yin Xiyue" for Yoon Suk-yeol,
in text translated from Chinese) is reported too: see cleaner.kinds._sino_reading; so is a listed
Taiwanese figure's name in mainland pinyin ("Cai Yingwen" for Tsai Ing-wen): cleaner.kinds._wade_giles;
and a listed Japanese figure's name read in Mandarin from its kanji ("Anbei Jinsan" for Shinzo Abe):
cleaner.kinds._japanese_reading.
A name with no word kept ("Boriss Pistorious") is matched by the family name's consonants (_whole_name).
A given name's other established spelling (Sergei / Sergey) and umlauts written out (Mueller) are not reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import regex

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner import names as nm
from cleaner.buckets import FIELD as _FIELD
from cleaner.buckets import ROW as _ROW
from cleaner.buckets import BucketMap, pack_rows, unpack_rows
from cleaner.document import Document
from cleaner.kinds._japanese_reading import japanese_readings
from cleaner.kinds._sino_reading import _pinyin_syllables, mixed_readings, sino_readings
from cleaner.kinds._name_spelling import established_given as _established_given
from cleaner.kinds._name_spelling import own_spelling as _own_spelling
from cleaner.kinds._support import OptionError
from cleaner.kinds._wade_giles import taiwan_pinyin
from cleaner.model import Hit, Rule
from cleaner.schema import BOOLEAN, STRINGS, Option, Replacement

KIND = "known-names"
OPTIONS = (
    Option("people", BOOLEAN, "Use the packaged public-figure table (rules/data/lexicon/people.tsv).", default=True),
    Option("names", STRINGS, "More names: people with the family name in capitals, organisations as written.", default=()),
    Option("gazetteer", STRINGS, "Gazetteers (rules/data/NAME.yaml) listing more names, written as in `names`.", default=()),
    Option("titles", STRINGS, "Titles that show a name is meant as a public figure (President, Minister).", default=()),
)
REPLACEMENT = Replacement.COMPUTED
_SHIFTING = frozenset("gjkywh")  # first sounds that cognate given names trade (Giuseppe / Joseph)
# First letters a transliteration or a cognate may trade, by class: vowels, glides, velars and sibilants;
# labials; dentals; liquids and nasals (Lee / Rhee / Yi / Ni). A letter may be in two classes.
_INITIAL_CLASSES = {ch: frozenset(k for k, members in {
    "open": "aeiouyâáàäãåæéèêëíìîïóòôöõøúùûüýwhgjkcqxzsçşšžčćśź", "lip": "bpfvwm", "tooth": "dtţțđð",
    "liquid": "lrnyiŋłñ", "nasal": "mnñ"}.items() if ch in members) for ch in "abcdefghijklmnopqrstuvwxyzâáàäãåæéèêëíìîïóòôöõøúùûüýçşšžčćśźţțđðŋłñ"}
_LONGEST_SHIFT = 4  # letters a garbled name may gain or lose against the listed one (Giuseppe / Joseph: 2)
_FAMILY = regex.compile(r"\p{Lu}{2,}(?:['’-]\p{Lu}+)*")


class Listed(NamedTuple):  # a tuple, not a dataclass: 4,600 are made at each start
    """A listed name: its words, whether it is a person, and the person's country."""

    words: tuple[str, ...]
    person: bool
    country: str = ""
    family: str = ""



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Open the rule's index of listed names (unpacked word by word as mentions ask) and return the checker."""
    index = _Index(rule)
    titles = frozenset(rule.options["titles"])
    plain_titles = nm.title_set(titles)

    def check(doc: Document) -> Iterator[Hit]:
        countries = _Countries(doc)
        quiet: set[tuple[str, ...]] = set()  # mentions whose words match no listed name: an article repeats them
        for mention in nm.mentions(doc):
            texts = mention.texts
            if texts not in quiet:
                # A listed name is compared only where it fits inside the mention ("Kim" meets ~100 names).
                hits = [(h, n) for i, word in enumerate(texts) for n, at in index.by_word(word)
                        if at <= i <= len(texts) - len(n.words) + at and _initials_agree(texts, i, at, n.words)
                        and (h := _compare(doc, mention, i, at, n, index.exact))]
                if not hits:
                    quiet.add(texts)
                for hit, name in hits:
                    if (not name.person or _rare_family(name) or _titled(doc, mention, titles)
                            or countries.named(name.country)):
                        yield hit
            if index.has_word(texts[-1]) or len(texts[-1]) < 5:
                continue
            yield from _vowel_family(doc, mention, index.by_vowels, titles)
            for size in (2, 3):
                if len(texts) >= size and index.by_sound(_sound_key(texts[-size:])):
                    yield from _whole_name(doc, mention, size, index.by_sound, titles, countries)
        yield from sino_readings(doc, countries.named)
        yield from mixed_readings(doc, countries.named)
        yield from taiwan_pinyin(doc, countries.named)
        yield from japanese_readings(doc, countries.named, plain_titles)

    return check


class _Index:
    """A rule's listed names from the compiled cache, each table one packed string per key.

    Building 9,000 names and their word index as Python objects cost about 40 ms of each start, for
    an article whose mentions meet a few dozen of the words: a key is unpacked when first asked.
    """

    def __init__(self, rule: Rule) -> None:
        self._rule = rule
        key, files = _source_key(rule)
        tables = compiled_cache.derived("known_names_index", key, lambda: _build_index(_source(rule)), files=files)
        self._words, self._sounds = BucketMap(tables["word"]), _Packed(BucketMap(tables["sound"]))
        self._vowels: _Packed | None = None  # built when a mention first needs it: most short texts never do
        self._seen: dict[str, list[tuple[Listed, int]]] = {}

    def has_word(self, word: str) -> bool:
        """True when a listed name has this word."""
        return word in self._words

    def by_word(self, word: str) -> list[tuple[Listed, int]]:
        """(listed name, the word's first place in it) of each name with this word, in the listed order."""
        found = self._seen.get(word)
        if found is None:
            packed = self._words.get(word)
            found = self._seen[word] = [] if packed is None else [
                (_listed_from(row[:-1]), int(row[-1])) for row in unpack_rows(packed)]
        return found

    def exact(self, seen: str) -> bool:
        """True when the words are exactly a listed name (one of the names of its first word)."""
        return any(" ".join(name.words) == seen for name, _ in self.by_word(seen.split(" ")[0]))

    def by_sound(self, key: tuple[str, str, int]) -> list[Listed]:
        """Listed people named given name first whose family name has these consonants, first letter and size."""
        return list(self._sounds.get(_FIELD.join(map(str, key))))

    def by_vowels(self) -> _Packed:
        """Listed people by their family name's consonants (six letters or more)."""
        if self._vowels is None:
            self._vowels = _families_by_consonants(self._rule)
        return self._vowels


class _Packed:
    """Key -> listed names, unpacked from one packed string per key when first asked."""

    def __init__(self, table: BucketMap) -> None:
        self._table = table
        self._seen: dict[str, list[Listed]] = {}

    def get(self, key: str, default: Iterable[Listed] = ()) -> Iterable[Listed]:
        """The names filed under `key`, or `default`."""
        if key not in self._seen:
            packed = self._table.get(key)
            if packed is None:
                return default
            self._seen[key] = [_listed_from(row) for row in unpack_rows(packed)]
        return self._seen[key]


def _source_key(rule: Rule) -> tuple[list, list[Path]]:
    """What a rule's listed names are built from, for the cache's key: the options, and the files (the rule's
    gazetteers and the people tables) joined by size and times. Hashing the 5,400 entries read from
    the files instead cost about 2 ms of each start."""
    gazetteers, paths = gazetteer_key(rule)
    return [bool(rule.options["people"]), gazetteers, list(rule.options["names"])], [*paths, *lexicon.people_files()]


def _source(rule: Rule) -> list:
    """What a rule's listed names are built from (with the people tables when it asks): the cache's source."""
    entries = [*gazetteer_entries(rule), *((n, "") for n in rule.options["names"])]
    return [bool(rule.options["people"]), [list(e) for e in entries]]


def _fields(name: Listed) -> list[str]:
    """A listed name as the fields of a packed row (`_listed_from` reads them back)."""
    fields = [" ".join(name.words), "1" if name.person else "", name.country, name.family]
    if any(_FIELD in f or _ROW in f for f in fields):
        raise OptionError("names", f"'{fields[0]}' holds a control character")
    return fields


def _listed_from(fields: list[str]) -> Listed:
    words, person, country, family = fields
    return Listed(tuple(words.split(" ")), bool(person), country, family)


def _packed(groups: dict[str, list[list[str]]]) -> list[str]:
    """The groups' rows packed per key, as a BucketMap's buckets (plain data for the cache)."""
    return BucketMap.build({key: pack_rows(rows) for key, rows in groups.items()}).buckets


def _build_index(source: list) -> dict[str, list[str]]:
    """The tables `_Index` reads: word -> its names (with the word's place), sound key -> people."""
    listed = _listed(source)
    by_word: dict[str, list[list[str]]] = {}
    for name in listed:
        for word in dict.fromkeys(name.words):
            by_word.setdefault(word, []).append([*_fields(name), str(name.words.index(word))])
    by_sound: dict[str, list[list[str]]] = {}
    for name in listed:
        if name.person and len(name.family) >= 5 and name.words[-1] == name.family and len(name.words) in (2, 3):
            by_sound.setdefault(_FIELD.join(map(str, _sound_key(name.words))), []).append(_fields(name))
    return {"word": _packed(by_word), "sound": _packed(by_sound)}


def _families_by_consonants(rule: Rule) -> _Packed:
    """Listed people whose family name is six letters or more, by its consonants (whether English has the
    name is asked only of those a word meets: `_rare_families`)."""
    def build() -> list[str]:
        out: dict[str, list[list[str]]] = {}
        for name in _listed(_source(rule)):
            if name.person and len(name.family) >= 6 and name.family.isalpha():
                out.setdefault(nm.skeleton(nm.fold(name.family)), []).append(_fields(name))
        return _packed(out)

    key, files = _source_key(rule)
    return _Packed(BucketMap(compiled_cache.derived("family_skeletons", key, build, files=files)))


def _rare_families(candidates: Iterable[Listed]) -> list[Listed]:
    """The candidates whose family name is rare in English (unknown to the word-frequency table)."""
    return [name for name in candidates if lexicon.zipf(name.family) == 0]


def _sound_key(words: tuple[str, ...]) -> tuple[str, str, int]:
    return nm.skeleton(nm.fold(words[-1])), nm.fold(words[0])[:1], len(words)


def _vowel_family(doc: Document, mention: nm.Mention, by_vowels: Callable[[], _Packed],
                  titles: frozenset[str]) -> Iterator[Hit]:
    """A listed family name with one vowel respelled and no other word of the name kept ("President
    Louis Abenader" for Luis Abinader): reported when a title stands right before the name, the word is
    unknown to English, only one listed name matches and the article never writes the listed spelling."""
    text = mention.texts[-1]
    if len(text) < 6 or not text.isalpha() or lexicon.zipf(text) > 0:
        return
    candidates = _rare_families(by_vowels().get(nm.skeleton(nm.fold(text)), ()))
    found = {n.family for n in candidates if _one_vowel(text, n.family)}
    if len(found) != 1 or next(iter(found)) in doc.text:
        return  # two listed families one vowel away, or the listed spelling is in the article (NM102's case)
    family = found.pop()
    if _titled(doc, mention, titles):  # a country alone is too weak: "Takuichi" is a given name, not Takaichi
        word = mention.words[-1]
        yield Hit(word.start, word.end, (family,), message=_message([text], (family,)))


def _whole_name(doc: Document, mention: nm.Mention, size: int, by_sound: Callable[[tuple[str, str, int]], list[Listed]],
                titles: frozenset[str], countries: _Countries) -> Iterator[Hit]:
    """Every word of a listed person's name respelled ("Annalina Barbock" for Annalena Baerbock; a name
    sharing a word is known-names' usual case): the
    family name has the listed one's consonants, each word starts as the listed one does, the whole is a
    close variant of exactly one listed name, and the article names the country or a title stands before;
    a family name that is an English word too ("Bourne" for Borne) needs the title. The name is the
    mention's last `size` words (a title may stand before it in the mention)."""
    texts = mention.texts[-size:]
    if len(texts[-1]) < 5 or any(not t.replace("-", "").isalpha() for t in texts):
        return
    near = [n for n in by_sound(_sound_key(texts))
            if all(a != b and nm.fold(a)[:1] == nm.fold(b)[:1] for a, b in zip(texts, n.words))
            and nm.is_variant(" ".join(texts), " ".join(n.words))]
    if len({n.words for n in near}) != 1 or " ".join(near[0].words) in doc.text:
        return  # none, two listed people, or the listed spelling is in the article (name-variants' case)
    name = near[0]
    if all(_own_spelling(a, b) or _established_given(a, b, name.family) for a, b in zip(texts, name.words)):
        return  # Valérie Pécresse / Valerie Pecresse: diacritics and established spellings are house style
    if _titled(doc, mention, titles) or (lexicon.zipf(texts[-1]) == 0 and countries.named(name.country)):
        words = mention.words[-size:]
        yield Hit(words[0].start, words[-1].end, (" ".join(name.words),), message=_message(list(texts), name.words))


def _one_vowel(seen: str, family: str) -> bool:
    """Two spellings of one length that differ in exactly one vowel, not as two romanisations do."""
    a, b = nm.fold(seen), nm.fold(family)
    differ = [{x, y} for x, y in zip(a, b) if x != y] if len(a) == len(b) else []
    # Zelenskiy / Zelenskyy: y and i are two romanisations of one vowel, a house style, not a slip.
    return len(differ) == 1 and differ[0] <= set("aeiouy") and differ[0] != {"i", "y"}


def _listed(source: list) -> list[Listed]:
    """The packaged people (when the source asks) and the rule's own names, `_source`'s two parts."""
    people, entries = source
    return [Listed(tuple(words), person, country, family)
            for words, person, country, family in plain_listed(people, [tuple(e) for e in entries])]


def plain_listed(people: bool, entries: list[tuple[str, str]]) -> list[list]:
    """[words, person, country, family] of each listed name (the family name in capitals marks a person)."""
    out = []
    if people:
        out += [[p.name.split(), True, p.country or p.league, p.family] for p in lexicon.people()]
    for entry, country in entries:
        words = entry.split()
        if len(words) < 2:
            raise OptionError("names", f"'{entry}' needs at least two words")
        family = next((_title_case(w) for w in words if _FAMILY.fullmatch(w)), "")
        out.append([[_title_case(w) if _FAMILY.fullmatch(w) else w for w in words], bool(family), country, family])
    return out


def gazetteer_key(rule: Rule) -> tuple[list[list[str]], list[Path]]:
    """The rule's gazetteers as a cache key ([name, file] each) and their files, for tables derived from
    `gazetteer_entries` and keyed by the files' stamps rather than by the entries read from them."""
    paths = [gazetteer.data_path(name, rule) for name in rule.options["gazetteer"]]
    return [[name, str(path)] for name, path in zip(rule.options["gazetteer"], paths)], paths


def gazetteer_entries(rule: Rule) -> list[tuple[str, str]]:
    """(name, country) of the rule's gazetteers: a list of names, or a mapping of country -> names."""
    out: list[tuple[str, str]] = []
    for name in rule.options["gazetteer"]:
        data = gazetteer.load(name, rule)
        if isinstance(data, dict):
            out += [(entry, country) for country, entries in data.items() for entry in entries or ()]
        else:
            out += [(entry, "") for entry in data]
    return out


def family_names(extra: Iterable[str | tuple[str, str]]) -> list[tuple[str, str]]:
    """(family name, country) of the packaged people and of extra people written with the family name
    in capitals (a bare name, or a (name, country) pair)."""
    out = [(p.family, p.country or p.league) for p in lexicon.people() if p.family]
    for item in extra:
        entry, country = (item, "") if isinstance(item, str) else item
        family = next((_title_case(w) for w in entry.split() if _FAMILY.fullmatch(w)), "")
        if family:
            out.append((family, country))
    return out


def _title_case(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def _initials_agree(texts: tuple[str, ...], i: int, at: int, listed: tuple[str, ...]) -> bool:
    """The words around the shared one start with sounds a respelling may trade (Loki / Roki, Lee / Yi,
    Giuseppe / Joseph): the words before it and the one after it (a split word keeps its first letter)."""
    for j in (*range(at), at + 1):
        if j < len(listed) and i - at + j < len(texts):
            a, b = texts[i - at + j][:1].lower(), listed[j][:1].lower()
            if a != b and not _INITIAL_CLASSES.get(a, frozenset()) & _INITIAL_CLASSES.get(b, frozenset()):
                return False
    return True


def _compare(doc: Document, mention: nm.Mention, at: int, anchor: int, name: Listed,
             exact: Callable[[str], bool]) -> Hit | None:
    """The listed name aligned on the shared word `mention.words[at]` (its word `anchor`); a hit when the rest is garbled."""
    for size in {len(name.words), len(name.words) + 1}:
        start = at - anchor
        texts = mention.texts[start : start + size] if start >= 0 else ()
        if len(texts) != size:
            continue
        seen = " ".join(texts)
        listed = " ".join(name.words)
        if abs(len(seen) - len(listed)) > _LONGEST_SHIFT:
            continue  # no respelling, cognate or transliteration the checks below accept moves this many letters
        if exact(seen):
            continue
        words = mention.words[start : start + size]  # built only here: a common word meets ~100 listed names
        if not (nm.is_variant(seen, listed) or _cognate(words, name) or _sound_alike(words, name)):
            continue
        return _hit(words, name, size != len(name.words))
    return None


def _sound_alike(words: tuple, name: Listed) -> bool:
    """Each differing word is the listed one in another transliteration (Mirzijojev / Mirziyoyev, Kadirov /
    Kadyrov: cleaner.names.sound_keys), five letters or more, and not two pinyin words (Chen / Shen)."""
    if len(words) != len(name.words) or not nm.one_sound(nm.fold(" ".join(w.text for w in words)), nm.fold(" ".join(name.words))):
        return False
    differ = [(w.text, x) for w, x in zip(words, name.words) if w.text != x]
    return bool(differ) and all(
        min(len(a), len(b)) >= 5 and nm.one_sound(nm.fold(a), nm.fold(b))
        and (_pinyin_syllables(a) is None or _pinyin_syllables(b) is None)
        for a, b in differ
    )


def _cognate(words: tuple, name: Listed) -> bool:
    """The family name as listed and one given name swapped for its English cognate (Giuseppe -> Joseph).

    The family name is rare in English, the text's given name is more common in English than the
    listed one, and their consonants agree (t/d and the other swaps transliteration makes), maybe
    but for a first glide or velar (Giuseppe / Joseph, Guillermo / William).
    """
    if not name.person or len(words) != len(name.words) or name.family not in name.words:
        return False
    differ = [(w.text, x) for w, x in zip(words, name.words) if w.text != x]
    if len(differ) != 1 or name.family in differ[0]:
        return False
    seen, listed = differ[0]
    if not seen.isalpha() or lexicon.zipf(seen) < 3.0 or lexicon.zipf(seen) <= lexicon.zipf(listed):
        return False
    if not _rare_family(name):
        return False  # Johnson, Kim: too many namesakes whose given names differ
    a, b = nm.skeleton(nm.fold(seen)), nm.skeleton(nm.fold(listed))
    # The first sound may shift only between the glides and velars languages trade (Giuseppe / Joseph).
    return a == b or (a[1:] == b[1:] and len(a) >= 3 and a[0] in _SHIFTING and b[0] in _SHIFTING)


def _hit(words: tuple, name: Listed, split: bool) -> Hit | None:
    """Report the differing words of a person (or the whole organisation name) with the listed spelling."""
    seen = [w.text for w in words]
    if not split:
        differ = [i for i, (a, b) in enumerate(zip(seen, name.words)) if a != b]
        if all(_own_spelling(seen[i], name.words[i]) and not _capital_syllable(seen[i], name.words[i]) for i in differ):
            return None  # Erdoğan / Erdogan, Jong-un / Jong Un, Müller / Mueller: a spelling choice, not a garble
        if name.person and all(_established_given(seen[i], name.words[i], name.family) for i in differ):
            return None  # Sergei / Sergey, Mohamed / Mohammed: the given name's other established spelling
    elif any("-" in w for w in name.words) or _spaced_compound(seen, name.words):
        return None  # "Jae In" for "Jae-in", "Abdul Hamid" for "Abdulhamid": hyphen or space is the writer's choice
    if not name.person:
        return Hit(words[0].start, words[-1].end, (" ".join(name.words),), message=_message(seen, name.words))
    first, last = _differing(seen, list(name.words))
    wrong = words[first : len(words) - last]
    right = name.words[first : len(name.words) - last]
    return Hit(wrong[0].start, wrong[-1].end, (" ".join(right),), message=_message(seen, name.words))


def _spaced_compound(seen: list[str], listed: tuple[str, ...]) -> bool:
    """Two seen words that spell one listed word (Abdul Hamid / Abdulhamid), not a pinyin one (Jin Ping / Jinping)."""
    return any(nm.fold(a + b) == nm.fold(w) and _pinyin_syllables(w) is None
               for a, b in zip(seen, seen[1:]) for w in listed)


def _capital_syllable(seen: str, listed: str) -> bool:
    """A capital after the hyphen of a hyphenated given name (Jae-Myung for Jae-myung): no house style writes it."""
    return seen != listed and seen.lower() == listed.lower() and "-" in listed and nm.is_syllabic(listed)


def _differing(seen: list[str], listed: list[str]) -> tuple[int, int]:
    """How many words agree at the front and at the back."""
    front = 0
    while front < min(len(seen), len(listed)) - 1 and seen[front] == listed[front]:
        front += 1
    back = 0
    while back < min(len(seen), len(listed)) - front - 1 and seen[-1 - back] == listed[-1 - back]:
        back += 1
    return front, back


def _message(seen: list[str], listed: tuple[str, ...]) -> str:
    return f"“{' '.join(seen)}” looks like a garbled spelling of the listed name “{' '.join(listed)}”."


def _rare_family(name: Listed) -> bool:
    """A family name English text almost never uses (Meloni, Tokayev) has no namesakes to fear."""
    family = next((w for w in name.words if w == name.family), "")
    return len(family) >= 5 and lexicon.zipf(family) < 2.5


def _titled(doc: Document, mention: nm.Mention, titles: frozenset[str]) -> bool:
    before = doc.text[max(0, mention.start - 40) : mention.start].split()
    return bool(titles.intersection(mention.texts)) or bool(before and before[-1].rstrip(",") in titles)


# An athlete's "country" is the league (lexicon.Person.league): the article names it or its sport.
_LEAGUE_WORDS = {"MLB": ("MLB", "baseball", "Major League", "major league"), "NBA": ("NBA", "basketball"),
                 "WNBA": ("WNBA", "basketball")}


class _Countries:
    """Whether the document names a country or its people, or an athlete's league or its sport
    (computed lazily, once per country)."""

    def __init__(self, doc: Document) -> None:
        self._words = doc.distinct_words
        self._text = doc.text
        self._seen: dict[str, bool] = {}

    def named(self, country: str) -> bool:
        """True when the country, or a nationality adjective for it, occurs in the document."""
        if not country:
            return False
        if country not in self._seen and country in _LEAGUE_WORDS:
            self._seen[country] = any(word in self._text for word in _LEAGUE_WORDS[country])
        if country not in self._seen:
            adjectives = [a for a, c in lexicon.demonyms().items() if c == country]
            self._seen[country] = (country in self._text or any(a in self._words for a in adjectives)
                                   or _core(country) in self._words)
        return self._seen[country]


_COMPASS = frozenset("North South East West".split())
_CONTINENTS = frozenset("Africa America Asia Europe Oceania Antarctica".split())


def _core(country: str) -> str:
    """A country's name without its compass word ("Korea" for South Korea, as in "the Democratic Party
    of Korea"), or "" when it has none or the rest is a continent (South Africa is not "Africa")."""
    first, _, rest = country.partition(" ")
    return rest if first in _COMPASS and rest and " " not in rest and rest not in _CONTINENTS else ""
