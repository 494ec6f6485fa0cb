"""A listed public figure's name written in lower case ("kishida fumio", "Gerhard schröder"), for `lowercase-name`.

The evidence is the tables, not the article: the packaged people and athletes (lexicon.people()) and
rules/data/world-figures.yaml. Two shapes are reported:

- the whole name in lower case, in the listed order or, for a two-word name, the other order, when at
  least one of its words is not an English lower-case word ("will smith" and "may king" are words);
- a listed given name, capitalised, then that person's family name in lower case ("Gerhard schröder"),
  unless the given name is also a common lower-case word standing first in its sentence ("Will smith").

A lone lower-case word ("rice", "bush") is never reported. The names are indexed by their first
lower-case word, so each word of the article costs one dictionary look-up.
"""

from __future__ import annotations

import functools
from typing import Iterator

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner.buckets import BucketMap, pack_rows, unpack_rows
from cleaner.document import Document, Word
from cleaner.kinds._support import in_lower_case_paragraph
from cleaner.kinds.known_names import plain_listed
from cleaner.model import Hit

_GLUE = frozenset("@#/\\_.-=:+&%~")  # a word touching these is part of an address, handle or tag
_LONGEST = 4  # longer listed names are left to the other rules


def _listed() -> Iterator[tuple[list[str], str]]:
    """(name words as written, family name as written) of every listed person, read as NM103 reads them."""
    table = gazetteer.load("world-figures")
    entries = [(entry, country) for country, names in (table.items() if isinstance(table, dict) else ())
               for entry in names or ()]
    for words, person, _country, family in plain_listed(True, entries):
        if person and family:
            yield words, family


def _plain(word: str) -> bool:
    return bool(word) and all(part.isalpha() for part in word.split("-"))


@functools.lru_cache(maxsize=1)
def _index() -> tuple[BucketMap, BucketMap]:
    """(first lower-case word -> its names, given name -> its families), rows of (key, written name) packed per key."""
    # Derived from the packaged tables alone: kept in the compiled cache (9,000 names indexed at each
    # start otherwise), as one string per key in hash buckets, so a start loads a few long strings and
    # unpacks only the keys the article has (a dict of 9,000 keys cost marshal several ms).
    files = [gazetteer.data_path("world-figures"), *lexicon.people_files(), lexicon.lowercase_file()]
    whole, given = compiled_cache.derived("lowercase_figures", "lowercase-figure 4", _build_index, files=files)
    return BucketMap(whole), BucketMap(given)


def _build_index() -> list[list[str]]:
    """The index `_index` returns: rows of (name words joined by spaces, or family name; the written name)."""
    common = lexicon.lowercase_words()
    whole: dict[str, dict[tuple[str, ...], str]] = {}
    given: dict[str, dict[str, str]] = {}
    for words, family in _listed():
        if not 2 <= len(words) <= _LONGEST or not all(_plain(w) and w[0].isupper() for w in words):
            continue
        lower = tuple(w.lower() for w in words)
        if all(w in common for w in lower):
            continue  # "will smith": every word is also an English word
        orders = [(lower, words)] + ([(lower[::-1], words[::-1])] if len(words) == 2 else [])
        for key, written in orders:
            whole.setdefault(key[0], {})[key] = " ".join(written)
        if len(words) >= 2 and words[-1] == family:  # given name(s) first: "Gerhard Schröder"
            given.setdefault(words[-2], {})[family.lower()] = f"{words[-2]} {family}"
    return [BucketMap.build({first: pack_rows([" ".join(key), name] for key, name in names.items())
                             for first, names in whole.items()}).buckets,
            BucketMap.build({first: pack_rows([family, name] for family, name in names.items())
                             for first, names in given.items()}).buckets]


def figure_hits(doc: Document) -> Iterator[tuple[int, int, Hit]]:
    """(first word index, word count, hit) of each listed figure's name written in lower case."""
    words, text = doc.words, doc.text
    whole, given = _viable(doc)
    if not whole and not given:
        return
    done = 0  # words before this index belong to a name already reported
    for i in words.where(whole.keys() | given.keys()):
        if i < done:
            continue
        found = _whole_at(doc, words, i, whole.get(words[i].text)) or _family_at(doc, words, i, given.get(words[i].text))
        if found is None:
            continue
        size, start, fixed, written = found
        end = words[i + size - 1].end
        seen = text[words[start].start : end]
        yield i, size, Hit(words[start].start, end, (fixed,),
                           message=f"“{seen}” is the name of {written} written in lower case; write “{fixed}”.")
        done = i + size


def _viable(doc: Document) -> tuple[dict[str, dict[tuple[str, ...], str]], dict[str, dict[str, str]]]:
    """The index cut to the names whose every word the article has: most articles have none."""
    distinct = doc.distinct_words
    whole, given = _index()
    near = {first: kept for first in distinct if (packed := whole.get(first)) is not None
            and (kept := {tuple(words): name for key, name in unpack_rows(packed) if distinct.issuperset(words := key.split(" "))})}
    named = {first: kept for first in distinct if (packed := given.get(first)) is not None
             and (kept := {key: name for key, name in unpack_rows(packed) if key in distinct})}
    return near, named


def _whole_at(doc: Document, words: tuple[Word, ...], i: int,
              names: dict[tuple[str, ...], str] | None) -> tuple[int, int, str, str] | None:
    """The listed name written all in lower case from word `i`: (size, first reported word, fix, name)."""
    if not names:
        return None
    for size in range(min(_LONGEST, len(words) - i), 1, -1):
        run = words[i : i + size]
        written = names.get(tuple(w.text for w in run))
        if written and all(_bare(doc, w) for w in run) and _spaced(doc.text, run):
            return size, i, written, written
    return None


def _family_at(doc: Document, words: tuple[Word, ...], i: int,
               families: dict[str, str] | None) -> tuple[int, int, str, str] | None:
    """A listed given name, capitalised, then that person's family name in lower case: (2, the family's index, fix, name)."""
    if not families or i + 1 >= len(words):
        return None
    family = words[i + 1]
    written = families.get(family.text)
    if not written or not _bare(doc, family) or not _spaced(doc.text, words[i : i + 2]):
        return None
    if words[i].text.lower() in lexicon.lowercase_words() and _starts_sentence(doc, words[i]):
        return None  # "Will smith", "Grant williams" at a sentence's start may be a verb and a noun
    if words[i].start and doc.text[words[i].start - 1] in _GLUE:
        return None
    return 2, i + 1, written.split()[-1], written


def _starts_sentence(doc: Document, word: Word) -> bool:
    """True when nothing but spaces and opening marks stand between the word and its sentence's start."""
    before = doc.text[max(0, word.start - 3) : word.start].rstrip(" “\"'‘(")
    return not before or before[-1] in ".!?:\n" or doc.in_heading(word.start)


def _bare(doc: Document, word: Word) -> bool:
    """A lower-case word of letters, not part of an address or tag, in a paragraph that uses capitals."""
    text = doc.text
    if not (_plain(word.text) and word.text.islower()):
        return False
    before = text[word.start - 1] if word.start else " "
    after = text[word.end] if word.end < len(text) else " "
    if before in _GLUE or (after in _GLUE and after not in ".-"):
        return False
    if word.end + 1 < len(text) and after in ".-" and text[word.end + 1].isalnum():
        return False  # site.com, e-mail
    return not in_lower_case_paragraph(doc, word.start)


def _spaced(text: str, run: tuple[Word, ...]) -> bool:
    return all(text[a.end : b.start] == " " for a, b in zip(run, run[1:]))
