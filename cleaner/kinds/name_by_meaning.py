"""`name-by-meaning`: a person's family name translated into the common English word it means.

An engine that does not know a foreign family name may translate it by its meaning: a minister
named after a fountain or a meadow comes back "Minister Ayla Fountain", and later
"Fountain said". The article's own usage is the evidence. A capitalised word is reported when:

- English writes it in lower case and uses it often (wordfreq Zipf at least `min-zipf`), and the
  packaged tables do not know it as a name: not a dictionary proper name (which holds the real
  English family names that are also words: King, Stone, Rice, Noble), not a family name of Faker's
  per-locale name lists (lexicon.word_surnames: Bravo, Winter), not a public figure's name word, not
  a place nor a nationality;
- the article writes it after a given name in a titled name ("Interior Minister Ayla Fountain",
  "the coach Dario Meadow"): a title in the same run of capitals or in lower case right before it,
  the given name a word English does not write in lower case;
- and, alone, as a person elsewhere: right before a reporting verb (maybe after one adverb:
  "Fountain also said") or right after one at the end of a clause ("said Fountain.").

Every use of the word as a name is then marked, alone or in the titled name; no suggestion is offered, since only the source knows the name.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner import names as nm
from cleaner.buckets import BucketMap, pack_rows, unpack_rows
from cleaner.document import Document, Word
from cleaner.kinds.known_names import _FAMILY, _Countries, gazetteer_entries, gazetteer_key
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, STRINGS, Option, Replacement

KIND = "name-by-meaning"
OPTIONS = (
    Option("titles", STRINGS, "Titles that mark a run of capitals as a person's name (Minister, Coach).", required=True),
    Option("adverbs", STRINGS, "Adverbs that may stand between the name and its verb (also, later).", default=()),
    Option("gazetteer", STRINGS, "Gazetteers of more people (names with the family name in capitals, by country).", default=()),
    Option("min-zipf", NUMBER, "Only words English uses at least this often (Zipf) are taken for translated names.", default=3.0),
)
REPLACEMENT = Replacement.COMPUTED
_Span = tuple[int, int]
_Titled = tuple[int, int, str]  # the family word's span and the given name before it
_CLAUSE_END = regex.compile(r"[ \t]*[.,;:!?]")
_BEFORE = regex.compile(r"(\p{L}+) $")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options, the reporting verbs and the listed people once and return the checker."""
    titles = nm.title_set(rule.options["titles"])
    adverbs = frozenset(rule.options["adverbs"])
    verbs = gazetteer.load("reporting-verbs", rule)
    reporting = frozenset(verbs["past"]) | frozenset(verbs["present"])
    floor = float(rule.options["min-zipf"])
    listed = _ByGiven(rule)

    def check(doc: Document) -> Iterator[Hit]:
        titled = _titled_families(doc, titles, floor)
        if not titled:
            return
        lone = _lone_mentions(doc, titled)
        countries = _lazy_countries(doc)
        for word in sorted(titled):
            family = _listed_family(word, titled[word], listed, countries)
            if not family and not any(_speaking(doc, w, reporting, adverbs) for w in lone.get(word, ())):
                continue  # once shown to be a name, every lone use ("Pebble's office") is the person too
            spans = {(start, end) for start, end, _ in titled[word]} | {(w.start, w.end) for w in lone.get(word, ())}
            for start, end in sorted(spans):
                yield Hit(start, end, (family,) if family else (), message=_message(word, family))

    return check


def _lazy_countries(doc: Document) -> Callable[[], _Countries]:
    """The document's named countries, built when a listed given name first asks (it reads every word)."""
    made: list[_Countries] = []

    def get() -> _Countries:
        if not made:
            made.append(_Countries(doc))
        return made[0]

    return get


class _ByGiven:
    """Given name -> (family name, country) of the listed people whose family name comes last."""

    def __init__(self, rule: Rule) -> None:
        # Derived from the people tables and the rule's gazetteers alone: kept in the compiled cache as
        # packed rows per given name, unpacked only for the given names an article's titled names have.
        # Keyed by those files' stamps: hashing the entries read from them cost a millisecond of each start.
        key, files = gazetteer_key(rule)
        self._table = BucketMap(compiled_cache.derived(
            "names_by_given_files", key, lambda: _given_index(tuple(gazetteer_entries(rule))),
            files=[*files, *lexicon.people_files()]))

    def get(self, given: str, default: tuple = ()) -> list[tuple[str, str]] | tuple:
        """The (family name, country) pairs listed under the given name, or `default`."""
        packed = self._table.get(given)
        return default if packed is None else [(family, country) for family, country in unpack_rows(packed)]


def _given_index(extra: tuple[tuple[str, str], ...]) -> list[str]:
    """`_ByGiven`'s table as BucketMap buckets."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for person in lexicon.people():
        words = person.name.split()
        if len(words) >= 2 and words[-1] == person.family and person.country:
            out[words[-2]].append((person.family, person.country))
    for entry, country in extra:
        words = entry.split()
        if len(words) >= 2 and _FAMILY.fullmatch(words[-1]) and not any(_FAMILY.fullmatch(w) for w in words[:-1]):
            out[words[-2]].append(("-".join(p.capitalize() for p in words[-1].split("-")), country))
    return BucketMap.build({given: pack_rows(entries) for given, entries in out.items()}).buckets


def _listed_family(word: str, uses: list[_Titled], listed: _ByGiven,
                   countries: Callable[[], _Countries]) -> str:
    """The one listed family name of a person of a country the article names whose given name stands
    before the word, or ""; a spelling variant, cut or run-on form of it is a slip, not a translation."""
    candidates = [entry for _, _, given in uses for entry in listed.get(given, ())]
    families = {family for family, country in candidates if countries().named(country)} if candidates else set()
    if len(families) != 1:
        return ""
    family = families.pop()
    cut = family.startswith(word) or word.startswith(family)  # cut short or run on: a slip, not a translation
    return "" if cut or nm.is_variant(word, family) else family


def _titled_families(doc: Document, titles: frozenset[str], floor: float) -> dict[str, list[_Titled]]:
    """Common word -> (span, given name) where it ends a titled name after a given name."""
    out: dict[str, list[_Titled]] = defaultdict(list)
    lower = frozenset(t.lower() for t in titles)
    verdicts: dict[str, bool] = {}  # one verdict per distinct last word: most names end in a rare word
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue
        words = mention.words
        given, family = words[-2], words[-1]
        if family.text not in verdicts:
            verdicts[family.text] = _meaning_word(family.text, floor)
        if not verdicts[family.text] or given.text.rstrip(".") in titles or not _given_name(given.text):
            continue
        if any(w.text.rstrip(".") in titles for w in words[:-2]) or _word_before(doc.text, mention.start) in lower:
            out[family.text].append((family.start, family.end, given.text))
    return out


def _word_before(text: str, start: int) -> str:
    """The word right before an offset, after one space ("coach" in "coach Dario Meadow"), or ""."""
    found = _BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def _given_name(word: str) -> bool:
    """A word that can be a given name: a listed person's name word, or one English does not write in
    lower case that is not a place nor a nationality."""
    if not word.isalpha() or len(word) < 2:
        return False
    if word in lexicon.people_words():
        return True  # Nancy, Rose: a place or a word, but a listed person's given name too
    return word.lower() not in lexicon.lowercase_words() and word not in lexicon.places() and word not in lexicon.demonyms()


def _meaning_word(word: str, floor: float) -> bool:
    """A frequent lower-case English word the name tables do not know (Fountain, not Stone)."""
    if not word.isalpha() or not word.istitle() or len(word) < 3:
        return False
    lower = word.lower()
    if lower not in lexicon.lowercase_words() or lexicon.zipf(lower) < floor:
        return False
    return not lexicon.is_listed_name(word) and word not in lexicon.word_surnames()


def _lone_mentions(doc: Document, titled: dict[str, list[_Titled]]) -> dict[str, list[Word]]:
    """Titled common words -> their mentions standing alone (possessive endings removed)."""
    out: dict[str, list[Word]] = defaultdict(list)
    for mention in [m for m in nm.mentions(doc) if len(m.texts) == 1 and m.texts[0] in titled]:
        out[mention.texts[0]].append(mention.words[0])
    return out


def _speaking(doc: Document, word: Word, reporting: frozenset[str], adverbs: frozenset[str]) -> bool:
    """True when the word is the subject of a reporting verb (maybe after one adverb) or its object
    at the end of a clause ("said Pebble.")."""
    words, i = doc.words, doc.word_index(word.start)
    after = [w[2] for w in words[i + 1 : i + 3]]
    if after and (after[0] in reporting or (after[0] in adverbs and after[1:2] and after[1] in reporting)):
        return True
    return i > 0 and words[i - 1][2] in reporting and _CLAUSE_END.match(doc.text, word.end) is not None


def _message(word: str, family: str) -> str:
    if family:
        return f"“{word}” stands where the family name “{family}” of a listed public figure stands: a name translated by its meaning?"
    return f"“{word}” stands where a person's family name stands: a name translated by its meaning?"
