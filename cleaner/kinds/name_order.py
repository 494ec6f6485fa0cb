"""`name-order`: given and family names swapped between two mentions ("Kun-hee Kim" and "Kim Gun-hee").

Engines and editors disagree on East Asian name order, so a round trip often leaves one person
written both ways. Two-word names (titles removed) whose words agree in reverse order, exactly or
as spelling variants (cleaner.names.is_variant), are one person written in two orders, provided
one of the words also stands alone somewhere in the article (the family name on second reference):
without that, "Ali Hassan" and "Hassan Ali" may be two people.

The less used order is reported with the other as the suggestion. On a tie, a hyphenated given
name of syllables (Gun-hee, Jae-myung) marks a Korean or Chinese name, written family name first;
otherwise either order may be right and the message says so.

With `people`, a name of two or three words written with the family name moved to the other end
from the packaged public-figure table ("Jinping Xi", "Macron Emmanuel") is reported too, even when
the article writes it only once. Japanese and Hungarian names are left alone: English writes them
in either order.

A single Korean name written given name first ("Seong-tae Kim") in an article that writes at least
two other Korean names family name first and none the other way is reported too.

A capitalised common English word before a name of three or more words ("Candidate Jae-myung Lee",
"Striker Son Heung-min") stands as a role, not a name word, and is set aside like a title.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, lexicon
from cleaner import names as nm
from cleaner.buckets import BucketMap
from cleaner.document import Document
from cleaner.kinds._sino_reading import korean_families
from cleaner.kinds._support import OptionError
from cleaner.model import Hit, Rule
from cleaner.schema import BOOLEAN, STRINGS, Option, Replacement

KIND = "name-order"
OPTIONS = (
    Option("titles", STRINGS, "Words removed from the front of a name before comparing (Mr., President).", required=True),
    Option("people", BOOLEAN, "Also report a public figure's name (the packaged table) in the other order.", default=False),
)
_EITHER_ORDER = frozenset({"Japan", "Hungary"})  # English news writes these names in both orders
REPLACEMENT = Replacement.COMPUTED
# A given name of romanised syllables joined by a hyphen: Gun-hee, Jae-myung, Kai-shek.
_SYLLABIC = regex.compile(r"\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}")  # the second syllable may be capitalised (Gwang-Hyun)
_Name = tuple[str, str]



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the titles once and return the checker."""
    titles = nm.title_set(rule.options["titles"])
    if not titles:
        raise OptionError("titles", "must list at least one title")

    moved = _moved_public_names() if rule.options["people"] else None

    def check(doc: Document) -> Iterator[Hit]:
        if moved is not None:
            yield from _moved_hits(doc, titles, moved)
        spans, alone = _two_word_names(doc, titles)
        yield from _order_outliers(spans)
        if "(" in doc.text:
            yield from _bracketed_family(doc, spans)
        buckets: dict[tuple[str, str], list[_Name]] = defaultdict(list)
        for name in spans:
            buckets[tuple(sorted(nm.romanised(nm.fold(w)) for w in name))].append(name)  # type: ignore[index]
        for names in buckets.values():
            for a, b in _swapped_pairs(names):
                if alone.intersection(a) or alone.intersection(b) or _korean(a) or _korean(b):
                    yield from _report(doc, spans, a, b)

    return check


def _moved_public_names() -> BucketMap:
    """A public figure's name with the family name moved to the other end (its words joined by spaces) -> the name as listed."""
    # Derived from the people tables alone: kept in the compiled cache (3,600 names read at each start
    # otherwise), as bucket strings searched per mention (a dict of 3,400 names cost 2 ms of each start).
    return BucketMap(compiled_cache.derived("moved_public_names_packed", "name-order", lambda: BucketMap.build(
        {" ".join(words): name for words, name in _moved_pairs()}).buckets, files=lexicon.people_files()))


def _moved_pairs() -> list[list]:
    """[moved words, listed name] of every public figure whose name may be written in either order."""
    listed = {tuple(p.name.split()) for p in lexicon.people()}
    out: dict[tuple[str, ...], str] = {}
    for person in lexicon.people():
        words = tuple(person.name.split())
        if person.country in _EITHER_ORDER or not 2 <= len(words) <= 3 or len(set(words)) != len(words):
            continue
        if words[0] == person.family:
            swapped = words[1:] + words[:1]
        elif words[-1] == person.family:
            swapped = words[-1:] + words[:-1]
        else:
            continue
        if swapped not in listed:
            out[swapped] = person.name
    return [[list(words), name] for words, name in out.items()]


def _moved_hits(doc: Document, titles: frozenset[str], moved: BucketMap) -> Iterator[Hit]:
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # most runs: one word, never a name in the other order (its Word tuples are not built)
        words = _untitled(mention.words, titles)
        right = moved.get(" ".join(w.text for w in words)) if 2 <= len(words) <= 3 else None  # words hold no space
        if right:
            message = f"“{' '.join(w.text for w in words)}” has the given and family names in the other order from the public figure “{right}”."
            yield Hit(words[0].start, words[-1].end, (right,), message=message)


def _untitled(words: list, titles: frozenset[str]) -> list:
    """The name's words without titles, and without leading common English words that stand as a role
    ("Candidate Jae-myung Lee", "Striker Son Heung-min"): a role is not part of the name."""
    kept = nm.untitled(words, titles)
    while len(kept) > 2 and _role_word(kept[0].text):
        kept = kept[1:]
    return kept


def _role_word(word: str) -> bool:
    """A capitalised common English word (not itself a family name the tables know)."""
    return word.isalpha() and word not in korean_families() and lexicon.zipf(word.lower()) >= 3.5


def _two_word_names(doc: Document, titles: frozenset[str]) -> tuple[dict[_Name, list[tuple[int, int]]], set[str]]:
    """Two-word names with their spans, and the name words that also stand alone."""
    spans: dict[_Name, list[tuple[int, int]]] = defaultdict(list)
    alone: set[str] = set()
    for mention in nm.mentions(doc):
        if len(mention.texts) == 1:  # most runs: read from the texts, no Word tuple built
            if mention.texts[0].rstrip(".") not in titles:
                alone.add(mention.texts[0])
            continue
        words = _untitled(mention.words, titles)
        if len(words) == 1:
            alone.add(words[0].text)
        if len(words) == 2 and all(len(nm.fold(w.text)) >= 2 for w in words):
            spans[(words[0].text, words[1].text)].append((words[0].start, words[1].end))
    return spans, alone


def _order_outliers(spans: dict[_Name, list[tuple[int, int]]]) -> Iterator[Hit]:
    """A Korean name given name first ("Seong-tae Kim") in an article that writes its other Korean names
    family name first (at least two of them, and none the other way): the outlier is a round trip's."""
    first = [n for n in spans if n[0] in korean_families() and _SYLLABIC.fullmatch(n[1])]
    last = [n for n in spans if n[1] in korean_families() and _SYLLABIC.fullmatch(n[0])]
    if len(last) != 1 or len({(nm.fold(a), nm.fold(b)) for a, b in first}) < 2:
        return
    given, family = last[0]
    if any(_same(g, given) for _, g in first):
        return  # the same person written both ways: the swapped-pair comparison reports it
    right = f"{family} {given}"
    message = f"“{given} {family}” puts the given name first; the article writes its other Korean names family name first."
    for start, end in spans[last[0]]:
        yield Hit(start, end, (right,), message=message)


_BRACKETED = regex.compile(r"(?<![\p{L}\p{N}])\((\p{Lu}\p{Ll}+)\) (\p{Lu}\p{Ll}+)(?![\p{L}\p{N}’'-])")


def _bracketed_family(doc: Document, spans: dict[_Name, list[tuple[int, int]]]) -> Iterator[Hit]:
    """A family name in brackets before the given name ("(Ohtani) Shohei") where the article writes the
    person given name first elsewhere ("Shohei Ohtani"): a gloss that names the person, put on the
    wrong side by an engine that kept the source's order."""
    given_first: dict[str, list[str]] = defaultdict(list)
    for given, family in spans:
        given_first[given].append(family)
    for match in _BRACKETED.finditer(doc.text):
        family, given = match.group(1), match.group(2)
        if any(_same(family, f) for f in given_first.get(given, ())):
            right = f"{given} ({family})"
            message = f"“{match.group()}” puts the bracketed family name before the given name; the article writes “{given} …” elsewhere."
            yield Hit(match.start(), match.end(), (right,), message=message)


def _swapped_pairs(names: list[_Name]) -> Iterator[tuple[_Name, _Name]]:
    """Pairs (x y, y' x') of names whose words agree in reverse order."""
    for i, a in enumerate(names):
        for b in names[i + 1 : i + 9]:  # a bucket holds one pair of words: a few spellings at most
            if _same(a[0], b[1]) and _same(a[1], b[0]) and not (_same(a[0], b[0]) and _same(a[1], b[1])):
                yield a, b


def _korean(name: _Name) -> bool:
    """A Korean family name before a hyphenated given name of syllables (Kim Gwang-hyun): one person."""
    return name[0] in korean_families() and bool(_SYLLABIC.fullmatch(name[1]))


def _same(x: str, y: str) -> bool:
    return x == y or nm.is_variant(x, y)


def _report(doc: Document, spans: dict[_Name, list[tuple[int, int]]], a: _Name, b: _Name) -> Iterator[Hit]:
    count_a, count_b = len(spans[a]), len(spans[b])
    if _korean(a) or _korean(b):
        keep, odd = (a, b) if _korean(a) else (b, a)
        reason = "a Korean or Chinese name, family name first"
    elif count_a != count_b:
        keep, odd = (a, b) if count_a > count_b else (b, a)
        reason = f"written this way {max(count_a, count_b)} times"
    elif _SYLLABIC.fullmatch(a[0]) or _SYLLABIC.fullmatch(b[0]):
        keep, odd = (b, a) if _SYLLABIC.fullmatch(a[0]) else (a, b)
        reason = "a Korean or Chinese name, family name first"
    else:
        keep, odd = (a, b) if spans[a][0] < spans[b][0] else (b, a)
        reason = ""
    line = doc.line_col(spans[keep][0][0])[0]
    right, wrong = " ".join(keep), " ".join(odd)
    message = (
        f"“{wrong}” has the given and family names in the other order from “{right}” (line {line}: {reason})."
        if reason
        else f"“{wrong}” and “{right}” (line {line}) put the given and family names in different orders; check which is right."
    )
    for start, end in spans[odd]:
        yield Hit(start, end, (right,), message=message)
