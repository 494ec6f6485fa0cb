"""`name-variants`: one name spelled two ways in the same article ("Aldograph Redley" / "Aldgra Fredly").

Three comparisons run over the document's name mentions (cleaner.names):
- *person names*: two- or three-word names standing in a person context (a byline line, a bio
  "<Name> is a ...", a title, "<Name> said", "said <Name>", "by <Name>") are compared loosely:
  every differing word similar, short words equal, the whole names similar;
- *name words*: every capitalised name word (and pair of words) anywhere is compared strictly
  (cleaner.names.is_variant: case, diacritics, hyphens, romanisation, one or two letters that keep
  the consonants), so "Melony" beside "Meloni" and "Masjed Soleiman" beside "Masjed-e-Soleiman" are
  found. Two words the packaged tables both know are different names (Iran / Iraq), and two words
  always written beside different other names are two people (Kim Seo-yeon / Park Seo-yoon);
- *lone family names*: a family name written alone and never introduced that sounds like the family
  name of exactly one person the article introduced in full (Xing Haiming ... said Singh), see
  cleaner.kinds._lone_surname.

Which spelling is doubtful is decided by the evidence, in order: a spelling the public-figure or
place tables list; the spelling used more often; the more common spelling in English text (word
frequencies); a spelling in running text over one found only on a standalone line such as a
byline (engines translate a lone line without context). The doubtful spelling is reported with the
other as the suggestion, and the message names the line where the other stands.

Candidate pairs are blocked (person names by the first two letters of their first or last word;
name words by their sorted consonants) and each name is compared with the next `window` names of
its block, so the work grows linearly with the number of names.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Callable, Iterator

import regex

from cleaner import fuzzy, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds import _name_evidence as evidence
from cleaner.kinds._lone_surname import lone_variants
from cleaner.kinds._sino_reading import _pinyin_syllables, korean_families
from cleaner.kinds._support import OptionError
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, NUMBER, STRINGS, Option, Replacement

KIND = "name-variants"
OPTIONS = (
    Option("titles", STRINGS, "Words and titles that mark a person name after them (Mr., President, said).", required=True),
    Option("stop-words", STRINGS, "Words that make a capitalised run an organisation or place, not a person.", default=()),
    Option("token-ratio", NUMBER, "Least similarity (0-100) of two differing words of person names.", default=65),
    Option("name-ratio", NUMBER, "Least similarity (0-100) of two whole person names.", default=75),
    Option("given-name-ratio", NUMBER, "Least similarity of two given names when the surnames agree.", default=85),
    Option("short-token", INTEGER, "Words this short must match exactly in person names.", default=4),
    Option("window", INTEGER, "How many neighbours in a block each name is compared with.", default=16),
)
REPLACEMENT = Replacement.COMPUTED
_SUFFIXES = frozenset({"Jr", "Sr"})
_LONGEST_NAME = 40
_OFFICIAL = regex.compile(r"\p{Lu}\p{L}+ of (?:the )?$")  # no real name word is longer; a longer token is noise and is skipped


@dataclass(frozen=True)
class Thresholds:
    """How similar two person names must be to count as spellings of one name."""

    token: float = 65.0
    name: float = 75.0
    given: float = 85.0
    short: int = 4



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options once and return the checker."""
    titles = rule.options["titles"]
    if not titles:
        raise OptionError("titles", "must list at least one title")
    limits = Thresholds(
        token=float(rule.options["token-ratio"]),
        name=float(rule.options["name-ratio"]),
        given=float(rule.options["given-name-ratio"]),
        short=rule.options["short-token"],
    )
    window = rule.options["window"]
    if window < 1:
        raise OptionError("window", "must be a positive number")
    context = evidence.PersonContext(titles)
    known = evidence.known_names()
    # A title word inside a "name" ("King Charles") means it is not a plain personal name.
    stop = frozenset(rule.options["stop-words"]) | {t for t in titles if " " not in t and t[-1] != "."}
    title_words = (stop | context.words) - frozenset(rule.options["stop-words"])

    def check(doc: Document) -> Iterator[Hit]:
        index = evidence.NameIndex(doc, stop | context.words, known, title_words)
        person = sorted(context.person_names(doc, index, stop))
        groups = variant_groups(person, lambda a, b: similar(a, b, limits), window)[0]
        groups += word_groups(index, window)
        groups += split_places(index)
        groups += split_given(index)
        seen: set[tuple[int, int]] = set()
        for hit in evidence.report(doc, index, groups, known):
            seen.add((hit.start, hit.end))
            if not _family_first_kept(doc, index, hit):
                yield hit
        for hit in lone_variants(doc, context.words, stop):
            if (hit.start, hit.end) not in seen:
                yield hit
        yield from acronym_case(doc)
        for hit in capital_family(doc, index):
            if (hit.start, hit.end) not in seen:
                yield hit

    return check


# A given name, then a family name in capitals as rosters and the Factbook write it ("Naoki KUMATA").
_CAPITAL_FAMILY = regex.compile(r"(?<![\p{Lu}\p{N}][ \t])\b\p{Lu}\p{Ll}{2,}[ \t](\p{Lu}{4,})\b(?![ \t]*\p{Lu}{2,})")


def capital_family(doc: Document, index: "evidence.NameIndex") -> Iterator[Hit]:
    """A name word one spelling step from a family name the article writes in capitals after a given name
    ("Naoki KUMATA" ... "talking with Kumada"): the capitals are the spelling someone set down on purpose
    (a roster, a caption), the other a transliteration made afresh. Capitals that spell an English word, a
    listed name or an acronym the tables know (NATO) are left alone."""
    families: dict[str, str] = {}
    for match in _CAPITAL_FAMILY.finditer(doc.text):
        caps = match.group(1)
        title = caps.capitalize()
        if not nm.is_known(title) and not nm.is_known(caps) and regex.search(r"[AEIOUY]", caps):
            families.setdefault(nm.fold(caps), title)
    if not families:
        return
    for unit in sorted(index.units()):
        if " " in unit or not unit[1:].islower() or nm.is_known(unit) or nm.fold(unit) in families:
            continue
        near = [title for title in families.values() if nm.is_variant(unit, title)]
        if len(near) != 1:
            continue
        message = f"“{unit}” is written “{near[0].upper()}” with a given name elsewhere in the article; use one spelling."
        for start, end in index.spans.get(unit, ()):
            yield Hit(start, end, (near[0],), message=message)


def word_groups(index: "evidence.NameIndex", window: int) -> list[set[str]]:
    """Groups of name words (or word pairs) that are strict variants of one another."""
    units = sorted(u for u in index.units() if len(u) <= _LONGEST_NAME)

    def linked(a: str, b: str) -> bool:
        if abs(len(nm.fold(a)) - len(nm.fold(b))) > 2:
            return False  # cheap first: none of the links below spans more than two letters (is_variant's own bound)
        if not (nm.is_variant(a, b) or _lost_feminine(index, a, b) or _one_letter_surname(a, b)):
            return False  # nearly every pair: decided before the dictionary is asked about a split compound
        return not _split_compound(a, b) and index.may_be_one(a, b)

    return _merged(variant_groups(units, linked, window, key=_consonant_block)[0] + _sound_groups(index, units, window))


def _sound_groups(index: "evidence.NameIndex", units: list[str], window: int) -> list[set[str]]:
    """Name words (or pairs) that share a transliteration key (cleaner.names.sound_keys): bucketed by the
    key, so only spellings one table makes equal are ever compared, never a pair more."""
    buckets: dict[str, list[str]] = {}
    for unit in units:
        for key in nm.sound_keys(nm.fold(unit)):
            # Keyed by the merged spelling's consonants: a vowel slip on top of a table's alternation
            # (Kholmatov / Halmatov) meets its other spelling too; the window bounds each bucket.
            buckets.setdefault(nm.skeleton(key), []).append(unit)
    groups: list[set[str]] = []
    for members in buckets.values():
        if len(members) > 1:
            linked = lambda a, b: _transliterated(a, b) and not _split_compound(a, b) and index.may_be_one(a, b)
            groups += variant_groups(sorted(set(members)), linked, window, key=lambda n: [("sound",)])[0]
    return groups


def _merged(groups: list[set[str]]) -> list[set[str]]:
    """Groups that share a spelling, merged into one (a word linked both ways is judged once)."""
    out: list[set[str]] = []
    for group in groups:
        touching = [g for g in out if g & group]
        for g in touching:
            out.remove(g)
            group = group | g
        out.append(group)
    return sorted(out, key=min)


def _transliterated(a: str, b: str) -> bool:
    """Every differing word of two names is one word in two transliterations (Navbakhor / Nawbahor,
    Tokayev / Tokaev: kh/h, w/v, ch/tch/sh, j/zh/dj, y/i, ph/f, c/k/q, ts/tz/z, ou/u, -off/-ov).

    Each differing word has five letters or more (Kim / Kin, Lee / Li and other short names are left to
    the strict comparison), and two words that are both Hanyu pinyin are two names: pinyin is one fixed
    system, so Chen / Shen or Zhang / Jiang are different family names, never one transliterated twice."""
    if not nm.sounds_alike(nm.fold(a), nm.fold(b)):
        return False  # nearly every pair, from cached keys: the whole names do not sound alike
    left, right = a.split(), b.split()
    if len(left) != len(right):
        return False
    differ = [(nm.fold(x), nm.fold(y), x, y) for x, y in zip(left, right) if x != y]
    if not differ:
        return False
    for fx, fy, x, y in differ:
        if min(len(fx), len(fy)) < 5 or not nm.sounds_alike(fx, fy):
            return False
        if _pinyin_syllables(x) is not None and _pinyin_syllables(y) is not None:
            return False
    return True


def _split_compound(a: str, b: str) -> bool:
    """One spelling is an English dictionary word and the other the same letters split in two ("Coronavirus" /
    "Corona Virus"): the joined word is the dictionary's spelling, never a name's doubtful one, and the split
    form is a matter of style or case, not a name transliterated twice."""
    joined, split = (a, b) if " " in b else (b, a)
    if " " in joined or split.count(" ") != 1 or joined.replace(" ", "").lower() != split.replace(" ", "").lower():
        return False
    return joined.lower() in lexicon.lowercase_words()


def _one_letter_surname(a: str, b: str) -> bool:
    """One long given name before two family names one letter apart ("Cătălin Drulă" / "Cătălin Dula"):
    the family name transliterated twice, a letter lost or changed. A given name of five letters or
    more that is not an English word is rare enough that two people sharing it and a near family name
    in one article are not to be expected; short given names (Wang Yi, Olaf) and family names the
    tables both know (Rogers / Rodgers, Mills / Miles) are left to the strict comparison."""
    cut = a.find(" ")
    if cut < 5 or not b.startswith(a[: cut + 1]):
        return False  # nearly every pair: not one given name of five letters or more before a space
    left, right = a.split(), b.split()
    if len(left) != 2 or len(right) != 2 or left[1] == right[1]:
        return False
    given, x, y = nm.fold(left[0]), nm.fold(left[1]), nm.fold(right[1])
    if len(given) < 5 or nm.is_common(left[0]) or min(len(x), len(y)) < 4 or x[0] != y[0]:
        return False
    if nm.is_known(left[1]) and nm.is_known(right[1]):
        return False
    if x[1:] in (y, y[1:]) or y[1:] in (x, x[1:]) or _inflected(left[1], right[1]):
        return False
    return fuzzy.osa_distance(x, y, score_cutoff=1) <= 1


_DIGIT_ACRONYM = regex.compile(r"(?<![\p{L}\p{N}.’'/-])\p{Lu}(?=\p{L}{0,3}\p{N})[\p{L}\p{N}]{1,4}(?![\p{L}\p{N}’'/-])")


def acronym_case(doc: Document) -> Iterator[Hit]:
    """An acronym with a digit the article writes in capitals, once with a lower-case letter ("M5S" ... "M5s").

    A letter and digit name (M5S, G20, PiS is no such name) has one spelling; an engine that reads the
    letters as a word ending lower-cases it. The capital spelling must stand at least twice and outnumber
    the other; tokens that open with a digit (5G, 4k) are quantities, not names.
    """
    if not any(ch.isdigit() for ch in doc.text):
        return
    found: dict[str, list[tuple[int, int, str]]] = {}
    for match in _DIGIT_ACRONYM.finditer(doc.text):
        token = match.group()
        found.setdefault(token.upper(), []).append((match.start(), match.end(), token))
    for upper, spots in found.items():
        capital = sum(1 for _, _, token in spots if token == upper)
        others = [spot for spot in spots if spot[2] != upper]
        if others and capital >= 2 and capital > len(others):
            for start, end, token in others:
                yield Hit(start, end, (upper,), message=f"“{token}” is written “{upper}” elsewhere in the article; use one spelling.")


def split_places(index: "evidence.NameIndex") -> list[set[str]]:
    """A place the article writes as one word, written once split in two ("Vietnam" x7, "Viet Nam" x1).

    The tables list both forms of some places (Viet Nam, Vietnam), and a frequent country name is
    not a name unit the strict comparison sees; but an article that writes the one-word form alone
    at least twice and the split form once has slipped once, not chosen a style.
    """
    joined: dict[str, str] = {}
    for name in index.spans:
        if " " not in name and name in lexicon.places():
            joined[nm.fold(name)] = name
    groups = []
    for unit in index.units():
        if unit.count(" ") != 1 or index.count(unit) != 1:
            continue
        whole = joined.get(nm.fold(unit))
        start = index.spans[unit][0][0]
        if whole and _OFFICIAL.search(index.doc.text, max(0, start - 40), start):
            continue  # "the Socialist Republic of Viet Nam": an official name keeps its own form
        if whole and sum(1 for start, end in index.spans[whole] if index.alone_at(start, end)) >= 2:
            groups.append({unit, whole})
    return groups


# A family name, then a given name of two short syllables joined by a hyphen (Park Hang-seo, Li Ka-shing).
_HYPHENED_GIVEN = regex.compile(r"(\p{Lu}\p{Ll}{1,5}) (\p{Lu}\p{Ll}{0,5})-(\p{L})(\p{Ll}{0,5})")


def _family_first_kept(doc: Document, index: "evidence.NameIndex", hit: Hit) -> bool:
    """A Korean given name written after its family name ("Kim Gwang-hyun") beside a case variant the article
    writes only before a family name ("Gwang-Hyun Kim"): the given-name-first mentions are the round trip's
    (name-order reports them), so the family-first spelling is not the doubtful one, however rare."""
    word, keep = doc.text[hit.start : hit.end], hit.replacements[0] if hit.replacements else ""
    if " " in word or not _SYLLABIC_GIVEN.fullmatch(word) or nm.fold(word) != nm.fold(keep):
        return False
    before = doc.text[max(0, hit.start - 12) : hit.start].split()
    families = korean_families()
    if not before or before[-1] not in families:
        return False
    return not any(f"{family} {keep}" in index.spans for family in families)


_SYLLABIC_GIVEN = regex.compile(r"\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}")


def split_given(index: "evidence.NameIndex") -> list[set[str]]:
    """A syllabic given name the article writes hyphenated after a family name, written less often as two
    words after the same family name ("Park Hang-seo" x3, "Park Hang Seo" x2): the hyphen fell out on a
    round trip. Each syllable alone is often an English word (hang, seo), so no name unit holds the pair."""
    groups = []
    for name in index.spans:
        match = _HYPHENED_GIVEN.fullmatch(name) if "-" in name else None
        if not match:
            continue
        family, first, initial, rest = match.groups()
        for split in (f"{family} {first} {initial.upper()}{rest}", f"{family} {first} {initial.lower()}{rest}"):
            if split in index.spans and index.count(name) > index.count(split):
                groups.append({name, split})
    return groups


def _lost_feminine(index: "evidence.NameIndex", a: str, b: str) -> bool:
    """A bare masculine family name beside the feminine one written with a given name ("Maria Zakharova ...
    said Zakharov"): engines that pivot through a language without gender endings drop the -a. The
    masculine form standing with a given name of its own is another person (a husband, a father)."""
    pair = nm.gendered_pair(a, b) if " " not in a and " " not in b else None
    if pair is None or not index.alone(pair[0]) or index.alone(pair[1]):
        return False
    return not (pair[1].endswith("ina") and nm.is_known(pair[1]))  # Martin / Martina: two given names


def _consonant_block(name: str) -> list[tuple[str, ...]]:
    # A second block without n, m and r (l merges into r) meets a spelling that lost one (Ronzulli / Rozulli).
    consonants = "".join(sorted(nm.skeleton(nm.fold(name))))
    keys = [("consonants", consonants), ("open", consonants.replace("n", "").replace("m", "").replace("r", ""))]
    first = name.split(" ", 1)
    if len(first) == 2 and len(first[0]) >= 5:
        keys.append(("given", first[0]))  # Cătălin Drulă meets Cătălin Dula (see _one_letter_surname)
    return keys


def similar(a: str, b: str, limits: Thresholds = Thresholds()) -> bool:
    """True when two different person names are plausibly two spellings of one name."""
    left, right = a.split(), b.split()
    if a == b or len(left) != len(right):
        return False
    differ = [i for i, (x, y) in enumerate(zip(left, right)) if x != y]
    for i in differ:
        x, y = left[i], right[i]
        if min(len(x), len(y)) <= limits.short or _ratio(x, y) < limits.token:
            return False
        if _inflected(x, y):
            return False  # "Public License" / "Public Licenses", "Edward" / "Edwards": a plural or another name
        if (nm.is_syllabic(x) or nm.is_syllabic(y)) and not nm.is_variant(x, y):
            return False  # Seo-yeon / Seo-yoon: two Korean given names, not two spellings of one
    if differ == [0] and not _same_given_name(left[0], right[0], limits):
        return False  # same surname, different given names: relatives, not typos
    return _ratio(a, b) >= limits.name


def _inflected(x: str, y: str) -> bool:
    """True when one word is the other plus a plural or possessive ending."""
    short, long = sorted((x, y), key=len)
    return long[len(short) :] in ("s", "es", "’s", "'s") and long.startswith(short)


def _same_given_name(x: str, y: str, limits: Thresholds) -> bool:
    """Given names differing only by an ending (Daniel/Danielle, Louis/Louise) are two people."""
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and len(long) - len(short) <= 3:
        return False
    return _ratio(x, y) >= limits.given


def _first_and_last(name: str) -> list[tuple[str, ...]]:
    """Blocks keyed by word count and the first two letters of the first or the last word."""
    tokens = name.lower().split()
    return [("first", str(len(tokens)), tokens[0][:2]), ("last", str(len(tokens)), tokens[-1][:2])]


def variant_groups(
    names: list[str],
    is_variant: Callable[[str, str], bool],
    window: int,
    key: Callable[[str], list[tuple[str, ...]]] = _first_and_last,
) -> tuple[list[set[str]], int]:
    """Group names linked by `is_variant`, comparing only within blocks; return groups and comparisons."""
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    blocks = _blocks(names, key)
    # Where each name stands in each block ([block, position, ...], ascending blocks): a pair is compared
    # in the first block that holds both within the window, found from these instead of a set of every
    # pair compared (75,000 pairs on a 1 MB text, a tuple and a set slot each).
    places: dict[str, array] = {}
    for b, block in enumerate(blocks):
        for i, n in enumerate(block):
            places.setdefault(n, array("I")).extend((b, i))
    compared = 0
    for b, block in enumerate(blocks):
        for i, a in enumerate(block):
            at_a = places[a]
            for other in block[i + 1 : i + 1 + window]:
                if at_a[0] < b and _met_before(at_a, places[other], b, window):
                    continue
                compared += 1
                if is_variant(a, other):
                    parent[root(a)] = root(other)
    groups: dict[str, set[str]] = {}
    for n in names:
        groups.setdefault(root(n), set()).add(n)
    return sorted((g for g in groups.values() if len(g) > 1), key=min), compared


def _met_before(at_a: array, at_b: array, block: int, window: int) -> bool:
    """True when two names stand within `window` of each other in a block before `block`."""
    for k in range(0, len(at_a), 2):
        if at_a[k] >= block:
            return False
        for m in range(0, len(at_b), 2):
            if at_b[m] == at_a[k]:
                if abs(at_b[m + 1] - at_a[k + 1]) <= window:
                    return True
                break
    return False


def _blocks(names: list[str], key: Callable[[str], list[tuple[str, ...]]]) -> list[list[str]]:
    blocks: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        for k in key(name):
            blocks.setdefault(k, []).append(name)
    out = []
    for k, members in sorted(blocks.items()):
        # Sort by the blocking word first, so near spellings of it sit next to each other.
        order = (lambda n: n.split()[::-1]) if k[0] == "last" else (lambda n: n.split())
        out.append(sorted(members, key=order))
    return out


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's similarity ratio (cleaner.fuzzy: an article's few comparisons do not import rapidfuzz)."""
    return fuzzy.ratio(a, b)
