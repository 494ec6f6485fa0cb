"""`name-tail-case`: a name the article writes in Title Case, once with the end of it in lower case.

Engines translate the words of a company, event or body name one by one and lose the capitals of
the common words in it: an article that names "Harbin Glass Works" several times also writes
"Harbin glass works". The article is its own evidence. A span is reported when:

- the same words stand elsewhere in the article, at least `min-uses` times, as a whole run of
  capitalised words (not part of a longer name: "Seoul City Hall Plaza" says nothing of "Seoul
  city hall");
- here the first word or words are capitalised as there, and the rest are lower-case content words
  (a title's "of" or "and" is no evidence), with no capitalised word right after them;
- a closed-class word that leads a run ("The" at a sentence start) is not part of the name, and
  the place is not a heading.

The whole name lower-cased is the same slip ("the Football Association ... the football
association"). It is reported only for the name of a body: its last word is an organisation noun
(rules/data/institutions.yaml, less the nouns for people), so a title ("Prime Minister ... the prime
minister"), which house styles write in lower case when it stands alone, never is; and not where a
capitalised word is joined to it (a longer name, or the tail case above).

A body's one-word short form is the same slip: "the Senate" (an organisation noun of the same table)
at least `min-uses` times on its own after "the", and exactly once "the senate". Lower case twice or
more is the article's generic use ("the board" beside "the Board"); "the Bank of England" is a longer
name, not the short form.

A lower-case word inside a body's name that the article capitalises in the same name elsewhere is the
same slip, where no form of the name stands whole in Title Case ("District public Security Bureau"
beside "the Public security Bureau"): see _mixed_name_case.py. So is a lower-case word between the
capitals of a body's name named only once ("the Harbin City public Security bureau", "the United
nations Security Council"): see _ragged_name.py.

A word of a name may be a possessive ("the People’s Committee ... the people's committee"; either
apostrophe). A lower-case word before the name is a modifier ("a new Labour Party"), unless the
name's end is lower-cased too ("the provincial People’s council" beside "Provincial People’s Council").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Callable, Iterator

import regex

from cleaner import gazetteer
from cleaner.document import Document
from cleaner.kinds._mixed_name_case import mixed_case_hits
from cleaner.kinds._ragged_name import ragged_hits
from cleaner.kinds._support import in_lower_case_paragraph, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement
from cleaner.wordclass import function_word_groups, function_words

KIND = "name-tail-case"
OPTIONS = (
    Option("min-uses", NUMBER, "How many times the article must write the name in Title Case.", default=2),
)
REPLACEMENT = Replacement.COMPUTED

_MAX_TAIL = 3  # lower-case words at the end of a name
# A run of two or more capitalised words joined by single spaces; a word inside it may be a possessive
# ("Provincial People’s Council").
_RUN = regex.compile(r"(?<![\p{L}\p{M}\p{N}’'-])\p{Lu}[\p{L}\p{M}]*+(?:[’']s)?+"
                     r"(?: \p{Lu}[\p{L}\p{M}]*+(?:[’']s)?+)++(?![\p{L}\p{M}\p{N}’'])")
# A lower-case word right after a capitalised one: where a name's lower-cased end can start.
_AFTER_CAPITAL = regex.compile(r"(\p{Lu}[\p{L}\p{M}]{0,30}+(?:[’']s)?+) (\p{Ll}++(?:[’']s)?+)(?![\p{L}\p{M}\p{N}’'])")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    min_uses = int(rule.options["min-uses"])
    return lambda doc: _check(doc, min_uses)


def _names(text: str, min_uses: int) -> list[tuple[str, ...]]:
    """The article's whole runs of capitalised words used at least min_uses times, lower-cased."""
    runs: Counter = Counter()
    for match in _RUN.finditer(text, timeout=timeout_for(text)):
        words = match.group().split(" ")
        if words[0].lower() in function_words() and not (len(words[0]) > 1 and words[0].isupper()):
            words = words[1:]  # "The" at a sentence start is no part of the name; "IT House" keeps "IT"
        if len(words) >= 2 and not _possessive(words[-1]):  # "Provincial People’s" qualifies a name
            runs[tuple(_key(w) for w in words)] += 1
    return [key for key, n in runs.items() if n >= min_uses]


def _check_names(doc: Document, min_uses: int) -> Iterator[Hit]:
    names = set(_names(doc.text, min_uses))
    if not names:
        return
    # The pairs of neighbours in the names: a capitalised word and the lower-cased word after it.
    pairs = {(key[k - 1], key[k]) for key in names for k in range(1, len(key))}
    longest = max(len(key) for key in names)
    for match in _AFTER_CAPITAL.finditer(doc.text, timeout=timeout_for(doc.text)):
        tail = match.group(2)
        if (_key(match.group(1)), _key(tail)) in pairs and tail not in function_words():
            hit = _lower_tail(doc, doc.word_index(match.start(2)), names, longest)
            if hit is not None:
                yield hit
    yield from _lower_whole(doc, names)


def _check(doc: Document, min_uses: int) -> Iterator[Hit]:
    """The tail and whole-name cases, a body's one-word short form in lower case, then a word inside a body's name
    that the article capitalises elsewhere, or that stands between the name's capitals in a single mention."""
    yield from _check_names(doc, min_uses)
    yield from _lower_short_form(doc, min_uses)
    mixed = list(mixed_case_hits(doc, _bodies()))
    yield from mixed
    # A single ragged mention: its words are reported once, by the mixed case when the article names the body again.
    yield from (hit for hit in ragged_hits(doc) if not any(m.start < hit.end and hit.start < m.end for m in mixed))


# People, not bodies: a title or a role before them is house style in lower case ("the party spokesman").
_PEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "officials", "official", "organisers",
                     "organizers", "prosecutors", "authorities"})


@functools.lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Nouns that end the name of a body: association, commission, government ... (not people)."""
    return frozenset(gazetteer.load("institutions")["nouns"]) - _PEOPLE


def _lower_whole(doc: Document, names: set[tuple[str, ...]]) -> Iterator[Hit]:
    """The names of bodies the article writes in Title Case, written somewhere else all in lower case."""
    # Every word of the name must stand in lower case somewhere (a possessive counts): set look-ups only.
    lower = doc.vocabulary.lower
    bodies = [key for key in names if key[-1] in _bodies() and not any(w in function_words() for w in key)
              and all(w in lower or w + "'s" in lower or w + "’s" in lower or w.replace("'", "’") in lower for w in key)]
    # A plural in lower case is the article's own generic use ("cultural tourism bureaus in various
    # places"): then the singular in lower case may be generic too.
    bodies = [key for key in bodies if not _generic_plural(doc.text, key, lower)]
    if not bodies:
        return
    # Plain literals: the standard engine scans for them fastest; the word edges are checked after.
    pattern = re.compile("|".join(re.escape(" ".join(key)).replace("'", "[’']") for key in sorted(bodies, key=len, reverse=True)))
    words, text = doc.words, doc.text
    for match in pattern.finditer(text):
        if _glued_edge(text[match.start() - 1 : match.start()], "@#/._-") or _glued_edge(text[match.end() : match.end() + 1], "@/_-"):
            continue  # inside a longer word, an address or a handle
        first, last = doc.word_index(match.start()), doc.word_index(match.end() - 1)
        if _capital_joined(doc, first - 1, first) or _capital_joined(doc, last, last + 1):
            continue  # "Asian football association", "football association Cup": another name, or the tail case
        if not _definite_place(doc, first):
            continue  # "a football association", "the state supreme court": a class of bodies, not the name
        if doc.in_heading(match.start()) or in_lower_case_paragraph(doc, match.start()):
            continue
        fixed = " ".join(w[:1].upper() + w[1:] for w in match.group().split(" "))
        yield Hit(match.start(), match.end(), (fixed,), message=f"The article writes “{fixed}” elsewhere.")


# "the Senate": a body's one-word short form after "the" (mid-sentence, or "The" opening a sentence or a
# quotation), with no capital joined after it; compiled per article for the nouns it may hold.
_SHORT_FORM = r"(?<![\p{{L}}\p{{M}}\p{{N}}])[Tt]he ({words})(?![\p{{L}}\p{{M}}\p{{N}}’'-])(?! \p{{Lu}})"
# What may stand before "the" (a lower-case word, a comma) and before "The" (a sentence or quotation start).
_BEFORE_THE = regex.compile(r"[\p{Ll},;] ")
_BEFORE_CAPITAL_THE = regex.compile(r"[.!?]\s|[“\"‘\n]")
# A longer name goes on after the short form: "the Bank of England", "the Court of the Region".
_OF_NAME = regex.compile(r" of (?:the )?\p{Lu}")


def _lower_short_form(doc: Document, min_uses: int) -> Iterator[Hit]:
    """A body's one-word short form written "the Senate" at least min_uses times and once "the senate".

    A house style that capitalises the short form does so every time; twice or more in lower case is the
    article's own style for a generic use ("the bank" beside "the Bank"), so only a single one counts.
    """
    vocabulary = doc.vocabulary
    nouns = sorted(n for n in _bodies() if vocabulary.capitalised[n.capitalize()] >= min_uses and n in vocabulary.lower)
    if not nouns:
        return  # the plain prefilter: most articles have no such short form
    words = "|".join(f"{n.capitalize()}|{n}" for n in nouns)
    found: dict[str, list[regex.Match]] = {}
    for match in regex.finditer(_SHORT_FORM.format(words=words), doc.text, timeout=timeout_for(doc.text)):
        before = doc.text[max(match.start() - 2, 0) : match.start()]
        opener = _BEFORE_THE if match.group()[0] == "t" else _BEFORE_CAPITAL_THE
        if (match.start() == 0 or opener.search(before)) and not _OF_NAME.match(doc.text, match.end()):
            found.setdefault(match.group(1), []).append(match)
    for word, matches in found.items():
        if word[0].isupper() or len(matches) != 1 or len(found.get(word.capitalize(), ())) < min_uses:
            continue
        match = matches[0]
        if doc.in_heading(match.start()) or in_lower_case_paragraph(doc, match.start()):
            continue
        fixed = word.capitalize()
        yield Hit(match.start(1), match.end(1), (fixed,), message=f"The article writes “the {fixed}” elsewhere.")


def _key(word: str) -> str:
    """A word as a name's key: lower case, its possessive's apostrophe straight ("people’s" and "people's" are one)."""
    return word.lower().replace("’", "'")


def _possessive(word: str) -> bool:
    """True for a word with a possessive ending."""
    return word.endswith(("’s", "'s"))


def _glued_edge(char: str, marks: str) -> bool:
    """True when the character next to a match (a letter, a digit or one of the marks) makes it part of a longer token."""
    return bool(char) and (char.isalnum() or char in marks)


def _capital_joined(doc: Document, a: int, b: int) -> bool:
    """True when words a and b are joined by blanks only and one of them is a capitalised content word.

    A capitalised closed-class word ("The football association" at a sentence start) is no name's.
    """
    words = doc.words
    if a < 0 or b >= len(words) or doc.text[words[a].end : words[b].start].strip():
        return False
    return any(w.text[:1].isupper() and w.text.lower() not in function_words() for w in (words[a], words[b]))


def _definite_place(doc: Document, i: int) -> bool:
    """True when word i opens a sentence or follows "the", a preposition or a conjunction, with nothing between."""
    if i == 0 or doc.text[doc.words[i - 1].end : doc.words[i].start].strip():
        return True
    before = doc.words[i - 1].text.lower()
    groups = function_word_groups()
    return before == "the" or before in groups["prepositions"] or before in groups["conjunctions"]


def _generic_plural(text: str, key: tuple[str, ...], lower: frozenset[str]) -> bool:
    """True when the article writes the name's words in lower case with the last one in the plural."""
    *head, last = key
    plurals = {last + "s", last + "es", last[:-1] + "ies" if last.endswith("y") else last + "s"} & lower
    text = text.replace("’", "'") if any("'" in w for w in head) else text  # the key's possessives are straight
    return any(" ".join((*head, plural)) in text for plural in plurals)


def _lower_tail(doc: Document, i: int, names: set[tuple[str, ...]], longest: int) -> Hit | None:
    """The lower-case words from word i when they end a name the article writes in Title Case."""
    words, text = doc.words, doc.text
    joined = lambda a, b: text[words[a].end : words[b].start] == " "  # noqa: E731
    head = i - 1
    while head > 0 and i - head < longest - 1 and words[head - 1].text[:1].isupper() and joined(head - 1, head):
        head -= 1
    end = i
    while end + 1 < len(words) and end - i + 1 < _MAX_TAIL and words[end + 1].text.islower() and joined(end, end + 1):
        end += 1
    if doc.in_heading(words[i].start):
        return None
    for last in range(end, i - 1, -1):
        if last + 1 < len(words) and words[last + 1].text[:1].isupper() and joined(last, last + 1):
            continue  # a longer name goes on: "Seoul city Hall Plaza"
        for first in range(head, i):
            key = tuple(_key(w.text) for w in words[first : last + 1])
            if key in names:
                fixed = " ".join(w.text[:1].upper() + w.text[1:] for w in words[i : last + 1])
                name = " ".join(w.text for w in words[first:i])
                return Hit(words[i].start, words[last].end, (fixed,),
                           message=f"The article writes “{name} {fixed}” elsewhere.")
        # Both ends in lower case around the name's capitals ("the provincial People’s council"): a lower-case word
        # before the name is no modifier when the name's own end is lower-cased too.
        lead = head - 1
        if lead >= 0 and words[lead].text.isalpha() and words[lead].text.islower() and joined(lead, head) \
                and tuple(_key(w.text) for w in words[lead : last + 1]) in names:
            span = words[lead : last + 1]
            fixed = " ".join(w.text[:1].upper() + w.text[1:] for w in span)
            return Hit(span[0].start, span[-1].end, (fixed,), message=f"The article writes “{fixed}” elsewhere.")
    return None
