"""`lone-family`: a public figure's family name, standing alone, garbled by translation ("told Brinken").

After the first mention, news copy calls a person by the family name alone, and a round trip
transliterates that lone name afresh: Blinken comes back "Brinken", Zelenskyy "Zelenskiyy". No full
name stands beside it for known-names (NM103) to compare, so a lone capitalised word is reported
when the evidence says it is a listed public figure's family name, garbled:

- the word is unknown to English (wordfreq Zipf below `max-zipf`) and to the place, nationality,
  proper-name and public-figure tables, and the article never writes it inside a longer name;
- it is a strict spelling variant (cleaner.names.is_variant: one or two letters that keep the
  consonants, l/r and other swaps a transliteration makes) of exactly one listed family name that
  starts with the same letter, is not an everyday English word (Brown) and is not itself written
  in the article;
- it stands where a person stands: a reporting verb or a verb that takes a person comes right
  before it ("told Brinken") or a reporting verb right after it, maybe after one adverb
  ("Brinken also stressed"), or the article names the person's country (an athlete's league or sport).
  A word English knows a little (below `max-zipf-named`, as a rare real family name is: "Otani" for
  Ohtani) is reported only when the article names that country or league.

In countries whose news calls a person by the given name after the first mention (Thailand, Iceland,
Indonesia, Burma: "Mr. Srettha said"), the listed person's given name is compared the same way.

The family names come from the packaged public-figure table and the `public-figures` gazetteer
(the people a team adds for known-names). The listed spelling is suggested.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

from cleaner import gazetteer, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds.known_names import _Countries, family_names, gazetteer_entries
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, STRINGS, Option, Replacement

KIND = "lone-family"
OPTIONS = (
    Option("gazetteer", STRINGS, "Gazetteers of more people (names with the family name in capitals).", default=()),
    Option("before", STRINGS, "Words that take a person after them (met, told, by).", default=()),
    Option("adverbs", STRINGS, "Adverbs that may stand between the name and its verb (also, later).", default=()),
    Option("max-zipf", NUMBER, "Words English uses more often than this (Zipf) are never taken for garbles.", default=1.5),
    Option("max-zipf-named", NUMBER, "A rarer ceiling for words in an article that names the person's country or league.", default=1.5),
    Option("max-family-zipf", NUMBER, "Only family names rarer than this in English are compared (Brown, Martin are not).", default=4.5),
)
REPLACEMENT = Replacement.COMPUTED
_SHORTEST = 5  # shorter family names (Kim, Modi) have too many real neighbours
# A closed class of naming conventions: news from these countries calls a person by the given name alone.
_RARE_GIVEN = 3.0
_GIVEN_NAME_COUNTRIES = frozenset({"Thailand", "Iceland", "Indonesia", "Burma"})


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Index the listed family names by first letter once and return the checker."""
    extra = gazetteer_entries(rule)
    index = _by_initial(tuple(extra), float(rule.options["max-family-zipf"]))
    verbs = gazetteer.load("reporting-verbs", rule)
    after = frozenset(verbs["past"]) | frozenset(verbs["present"])
    before = frozenset(rule.options["before"]) | after
    adverbs = frozenset(rule.options["adverbs"])
    ceiling = float(rule.options["max-zipf"])
    named_ceiling = max(ceiling, float(rule.options["max-zipf-named"]))

    def check(doc: Document) -> Iterator[Hit]:
        longer = {t for m in nm.mentions(doc) if len(m.texts) > 1 for t in m.texts if not _with_own_family(m.texts, t)}
        written = doc.distinct_words
        countries = _Countries(doc)
        targets: dict[str, tuple[str, tuple[str, ...]] | None] = {}  # one verdict per distinct word, not per mention
        for mention in nm.mentions(doc):
            if len(mention.texts) != 1 or mention.texts[0] in longer:
                continue
            word = mention.words[0]
            if word.text not in targets:
                targets[word.text] = _target(word.text, index, named_ceiling, written, countries.named)
            target = targets[word.text]
            if target is None:
                continue
            family, where = target
            named = any(countries.named(c) for c in where)
            if lexicon.zipf(word.text) >= ceiling and not named:
                continue  # a word English knows a little (Otani) needs the country or league named
            if _person_slot(doc, word.start, word.end, before, after, adverbs) or named:
                message = f"“{word.text}” looks like a garbled spelling of “{family}”, the name a listed public figure is called by."
                yield Hit(word.start, word.end, (family,), message=message)

    return check


def _with_own_family(texts: tuple[str, ...], word: str) -> bool:
    """True when `word` stands right before the family name of a listed person called by the given name
    ("Settha Thavisin"): the full name garbled the same way (known-names reports it) does not make the
    lone word another name."""
    at = texts.index(word)
    return at + 1 < len(texts) and texts[at + 1] in _given_name_families()


@functools.lru_cache(maxsize=1)
def _given_name_families() -> frozenset[str]:
    return frozenset(p.family for p in lexicon.people() if p.country in _GIVEN_NAME_COUNTRIES)


@functools.lru_cache(maxsize=4)
def _by_initial(extra: tuple[tuple[str, str], ...], max_zipf: float) -> _FamiliesByInitial:
    """First letter -> (family name, country) of the listed people with a rare family name."""
    return _FamiliesByInitial(extra, max_zipf)


class _FamiliesByInitial:
    """The index `_by_initial` describes, each letter's entries found when an article first asks for it.

    Asking the word table about every listed family name took about 10 ms of each start; an
    article's unknown capitalised words start with a few letters.
    """

    def __init__(self, extra: tuple[tuple[str, str], ...], max_zipf: float) -> None:
        self._extra, self._max_zipf = extra, max_zipf
        self._found: dict[str, tuple[tuple[str, str], ...]] = {}
        self._sized: dict[str, dict[int, list[tuple[str, str]]]] = {}
        self._near: dict[str, tuple[tuple[str, str], ...]] = {}

    def get(self, initial: str, default: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
        """The (family name, country) pairs whose family name starts with `initial`, sorted."""
        if initial not in self._found:
            self._found[initial] = tuple(sorted({
                (family, country) for family, country in _families_and_given(self._extra)
                if family[:1] == initial and len(family) >= _SHORTEST and family.isalpha()
                and lexicon.zipf(family) < self._max_zipf
            }))
        return self._found[initial] or default

    def around(self, initial: str, length: int) -> Iterator[tuple[str, str]]:
        """The entries `get` gives whose family name is at most two letters longer or shorter
        (is_variant never pairs names further apart; with a thousand more people, scanning the rest cost time)."""
        if initial not in self._sized:
            sized: dict[int, list[tuple[str, str]]] = {}
            for entry in self.get(initial):
                sized.setdefault(len(entry[0]), []).append(entry)
            self._sized[initial] = sized
        for size in range(length - 2, length + 3):
            yield from self._sized[initial].get(size, ())

    def near(self, word: str) -> tuple[tuple[str, str], ...]:
        """The entries whose family name is a spelling variant of `word`, remembered per word (articles
        share words; one verdict per word is fewer entries than is_variant's cache of pairs)."""
        if word not in self._near:
            if len(self._near) >= 1 << 15:
                self._near.clear()
            self._near[word] = tuple(sorted(
                (f, c) for f, c in self.around(word[0], len(word)) if nm.is_variant(word, f) and nm.fold(f) != nm.fold(word)))
        return self._near[word]


@functools.lru_cache(maxsize=4)
def _families_and_given(extra: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """(name, country) of every listed family name, and of the rare given names people of the given-name countries are called by."""
    given = [(p.name.split()[0], p.country) for p in lexicon.people() if p.country in _GIVEN_NAME_COUNTRIES and " " in p.name]
    # An envoy's English given name (Susan, Erin) or a title (Counsellor) is not how the country's news names anyone.
    given = [(g, c) for g, c in given if lexicon.zipf(g) < _RARE_GIVEN and g.lower() not in lexicon.lowercase_words()]
    return tuple(family_names(extra) + given)


def _target(word: str, index: _FamiliesByInitial, ceiling: float, written: frozenset[str],
            named: Callable[[str], bool]) -> tuple[str, tuple[str, ...]] | None:
    """The one listed family name the word garbles, or None."""
    if len(word) < _SHORTEST or not word.isalpha() or not word[1:].islower() or lexicon.zipf(word) >= ceiling:
        return None
    if lexicon.is_listed_name(word):
        return None
    near = index.near(word)
    if len({f for f, _ in near}) > 1:  # Jabarov: Japarov (Kyrgyzstan) or Jabbarov (Azerbaijan)? the country the article names
        near = tuple(sorted({(f, c) for f, c in near for f2, c2 in near if f2 == f and named(c2)}))
    if len({f for f, _ in near}) != 1 or near[0][0] in written:
        return None  # none, two people equally near, or the right spelling is in the article (name-variants' case)
    return near[0][0], tuple(c for _, c in near)  # one family name, maybe listed under two countries or leagues


def _person_slot(doc: Document, start: int, end: int, before: frozenset[str], after: frozenset[str],
                 adverbs: frozenset[str]) -> bool:
    """True when a verb that takes a person stands before the word, or a reporting verb after it."""
    words, i = doc.words, doc.word_index(start)
    if i > 0 and words[i - 1].text.lower() in before and doc.text[words[i - 1].end : start] == " ":
        return True
    following = [w.text.lower() for w in words[i + 1 : i + 3]]
    if following and following[0] in adverbs:
        following = following[1:]
    return bool(following) and following[0] in after and doc.text[end : end + 1] == " "
