"""`lowercase-place`: a name written in lower case that the article itself writes capitalised ("the tokyo’s plan").

Engines that do not recognise a word as a name lower-case it in one sentence and keep its capital in
another. A lower-case word is reported when both the tables and the article say it is a name:

- the dictionary writes it only capitalised (SCOWL proper nouns, the place and people tables) and
  has no lower-case word of that spelling (so "turkey", "china" and "bill" are never reported);
- the article writes it capitalised, on its own, in the middle of a sentence elsewhere ("Governor
  Koike of Tokyo"), not only inside a longer name ("White Star Alocasia" says nothing of "alocasia");
- it is not a weekday, a month, a country or a nationality (other rules report those), nor part
  of an address, a handle, a file name or a paragraph or quotation written all in lower case.

A word English does not know at all (no dictionary entry, Zipf below 2: a romanised name) needs no
table: the article's evidence is enough when it writes the word capitalised on its own in mid-sentence
at least twice ("like Nishikido ... about Nishikido" beside "that nishikido"). Once is enough when the
lower-case use itself stands where English puts a name: a person's, before a reporting verb or after a
title ("karatas added" beside "Governor Ilker Karatas"), or, when the capitalised use stands on its
own, the head of a name ("the chuseok holiday" beside "over Chuseok"). A common noun written once
inside a name ("White Star Alocasia", "the Hanbok Museum") does not count for "an alocasia plant" or
"a hanbok festival".

The capitalised form is suggested.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Callable, Iterator

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._support import in_lower_case_paragraph
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import MONTHS, WEEKDAYS
from cleaner.wordstream import WordStream

KIND = "lowercase-place"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

# What may not touch the word: an address, a handle, a tag or a file name ("corona.jakarta.go.id").
_GLUED = frozenset("/@#._\\-")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    return _check


def _check(doc: Document) -> Iterator[Hit]:
    vocabulary = doc.vocabulary
    named = {low for low in map(_base, vocabulary.lower) if _is_name_word(low.capitalize())}
    unknown = {low for low in map(_base, vocabulary.lower) if low not in named and _unknown_word(low)}
    wanted = named | unknown
    if not wanted:
        return
    # The tokens to look at, found from the article's distinct words, so each word below costs one set look-up.
    lower_tokens = {token for token in vocabulary.lower if _base(token) in wanted}
    capital_tokens = {token for token in vocabulary.capitalised if _base(token).lower() in wanted}
    words = doc.words
    counts: Counter[str] = Counter()
    once: set[str] = set()  # written capitalised in mid-sentence, perhaps only inside a longer name
    for i in words.where(capital_tokens):
        low = _base(words.texts[i]).lower()
        if _alone_mid_sentence(doc, words, i):
            counts[low] += 1
        elif low in unknown and _mid_sentence(doc, words[i]):
            once.add(low)
    # A word English does not know needs two capitalised uses: then the article itself says it is a name.
    alone = {low for low, n in counts.items() if low in named or n >= 2}
    # Or one, when the lower-case use stands where a name stands: a person's ("karatas added", after a title)
    # for a capital anywhere in mid-sentence, the head of a name ("the chuseok holiday") for one on its own
    # ("over Chuseok"): "the Hanbok Museum" says nothing of "a hanbok festival".
    alone_once = set(counts) - alone
    in_run_once = once - alone - alone_once
    if not alone and not alone_once and not in_run_once:
        return
    for i in words.where(lower_tokens):
        word = words[i]
        base = _base(word.text)
        if base not in alone:
            slot = _name_slot(doc, words, i) if base in alone_once or base in in_run_once else None
            if slot is None or (slot == "head" and base not in alone_once):
                continue
        if not _glued(doc, word) and not in_lower_case_paragraph(doc, word.start) \
                and not _lower_case_quote(doc, word.start):
            fixed = base.capitalize()
            yield Hit(word.start, word.start + len(base), (fixed,), message=f"“{base}” is a name the article writes “{fixed}”.")


def _base(token: str) -> str:
    """The word without a possessive or contraction ending: "tokyo’s" -> "tokyo"."""
    return token.split("'", 1)[0].split("’", 1)[0]


def _alone_mid_sentence(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i is capitalised, mid-sentence, with no capitalised word joined to it on either side."""
    word = words[i]
    if not word.text[:1].isupper() or i == 0 or doc.is_sentence_start(word.start) or doc.in_heading(word.start):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and words[j].text[:1].isupper():
            a, b = sorted((words[j], word), key=lambda w: w.start)
            if not doc.text[a.end : b.start].strip():
                return False
    return True


def _mid_sentence(doc: Document, word: Word) -> bool:
    """True for a word inside a sentence, not at its start nor in a heading."""
    return not doc.is_sentence_start(word.start) and not doc.in_heading(word.start)


# Words after which a lower-case word stands where a name does: the titles of a person.
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Gov", "Gen", "Governor", "Minister", "President",
                     "Mayor", "Senator", "Judge", "Chairman", "Chairwoman", "Sheikh", "Imam", "Regent"})
# Words before which it does: reporting verbs (a person's name) and the nouns a name heads ("the chuseok holiday").
_REPORTING = frozenset({"said", "says", "told", "added", "adds", "stated", "explained", "noted", "stressed", "warned",
                        "urged", "wrote", "insisted", "argued", "announced", "confirmed", "replied"})
_HEADS = frozenset({"holiday", "holidays", "festival", "festivities", "celebrations", "eve", "village", "district",
                    "regency", "province", "county", "township", "subdistrict", "temple", "shrine", "mosque"})


def _name_slot(doc: Document, words: WordStream, i: int) -> str | None:
    """Where word i stands as a name: "person" after a title or before a reporting verb, "head" before a noun a
    name heads, with only a space between (no comma: "karatas, said" is not read); None elsewhere."""
    text = doc.text
    word = words[i]
    if i + 1 < len(words) and text[word.end : words[i + 1].start] == " ":
        following = words[i + 1].text
        if following in _REPORTING:
            return "person"
        if following in _HEADS:
            return "head"
    if i > 0 and words[i - 1].text.rstrip(".") in _TITLES and text[words[i - 1].end : word.start].strip(". ") == "":
        return "person"
    return None


def _glued(doc: Document, word: Word) -> bool:
    """True when the word is part of an address, a handle, a tag or a file name."""
    before = doc.text[word.start - 1 : word.start]
    after = doc.text[word.end : word.end + 2]
    return before in _GLUED or (after[:1] in _GLUED and after[1:2].isalnum())


def _lower_case_quote(doc: Document, offset: int) -> bool:
    """True inside a quotation written without a capital letter (a slogan quoted as printed)."""
    if not doc.in_quote(offset):
        return False
    quote = next((q for q in doc.quotes if offset in q), None)
    return quote is not None and not any(c.isupper() for c in doc.text[quote.start : quote.end])


def _is_name_word(word: str) -> bool:
    """True for a capitalised word that is a name only: in the name tables, with no lower-case English word
    of that spelling. Asked for the article's own words, not worked out for the whole tables at start-up."""
    if not word[1:].islower() or word in _others():
        return False
    if not (word in lexicon.proper_words() or word in lexicon.places() or word in lexicon.people_words()):
        return False
    return not lexicon.lowercase_word_any_spelling(word.lower())  # "Centre" (a region) is also "centre"


def _unknown_word(low: str) -> bool:
    """True for a lower-case word of four letters or more that English does not know: no dictionary entry,
    no measurable frequency, no digit ("nishikido", "emhoff"); a romanised name the engine lower-cased."""
    return (len(low) >= 4 and low.isalpha() and low not in lexicon.lowercase_words()
            and lexicon.zipf(low) < _UNKNOWN_ZIPF and low.capitalize() not in _others())


_UNKNOWN_ZIPF = 2.0


@functools.lru_cache(maxsize=1)
def _others() -> frozenset[str]:
    """Names other rules own: months, weekdays, countries and nationalities."""
    return frozenset(MONTHS | WEEKDAYS | set(lexicon.countries()) | set(lexicon.demonyms()))
