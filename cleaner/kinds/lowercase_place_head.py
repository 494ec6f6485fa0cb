"""`lowercase-place-head`: a romanised place name left in lower case before or beside its head noun ("qingshan Bay").

An engine that does not recognise a romanised name (Chinese, Korean, Japanese places) as a name
writes it in lower case, while the English head noun after it keeps its capital: "smoke over
qingshan Bay", "in wuchang District". Or it lower-cases the whole name in one sentence and keeps it
capitalised in another ("Wuchang District" ... "in wuchang district"), or drops the head and the
capital together ("the Songbei District police" ... "in songbei"). English writes the name
capitalised. A lower-case word is reported when English does not know it (no dictionary word, Zipf
below `max-zipf`, four letters or more) or the place tables know it capitalised ("shenzhen Bay"),
and either:

- a capitalised place head of the rule's `heads` follows it (Bay, District, County, Road), and no
  capitalised word stands before it (a particle inside a longer name);
- or the article writes the word capitalised before one of the heads elsewhere ("Wuchang District"):
  then the lower-case word alone, or with the head in lower case ("wuchang district"), is that name,
  and the article's form is suggested.

A word English does not know at all before a capitalised head, where the article writes the same
name capitalised in mid-sentence ("qingshan Bay" beside "Residents of Qingshan Bay"), is left to
lowercase-name (NM106), which reports it and the word's other bare uses. Addresses, handles, tags
and paragraphs or quotations written all in lower case are left alone. The capitalised form is
suggested.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._support import OptionError, in_lower_case_paragraph
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, STRINGS, Option, Replacement

KIND = "lowercase-place-head"
OPTIONS = (
    Option("heads", STRINGS, "Capitalised head nouns of place names (Bay, District, County, Road).", required=True),
    Option("max-zipf", NUMBER, "A lower-case word English uses more often than this (Zipf) is no name.", default=2.0),
)
REPLACEMENT = Replacement.COMPUTED

_GLUE = frozenset("@#/\\_.-’'")  # a word touching these is part of an address, a handle or a tag
_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}’'.-]*[ ]$")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the heads once and return the checker."""
    heads = frozenset(rule.options["heads"])
    if not heads or not all(h[:1].isupper() and h.isalpha() for h in heads):
        raise OptionError("heads", "must list capitalised words")
    ceiling = float(rule.options["max-zipf"])
    forms = heads | {h.lower() for h in heads}

    def check(doc: Document) -> Iterator[Hit]:
        text, words = doc.text, doc.words
        # (word before a head, the head) pairs, read from the token stream: each head and the word before it.
        pairs = [(words[j - 1], words[j]) for j in words.where(forms) if j and text[words[j - 1].end : words[j].start] == " "]
        # The article's own capitalised names: "Wuchang District".
        written: dict[str, str] = {}
        mid: set[str] = set()  # names the article writes capitalised in mid-sentence
        for word, head in pairs:
            if head.text in heads and word.text[:1].isupper() and word.text[1:].islower() and _name_word(word.text.lower(), ceiling):
                written.setdefault(word.text.lower(), f"{word.text} {head.text}")
                if not doc.is_sentence_start(word.start):
                    mid.add(f"{word.text} {head.text}")
        done: set[int] = set()  # words before a head: the loop below decides them
        theirs: set[str] = set()  # words NM106 reports, with their other bare uses
        for word, head in pairs:
            low = word.text
            if not (low.isalpha() and low.islower()) or not _name_word(low, ceiling):
                continue
            done.add(word.start)
            if _left_alone(doc, word.start, head.end):
                continue
            if head.text in heads:
                if _CAPITAL_BEFORE.search(text, max(0, word.start - 40), word.start):
                    continue  # "Costa dorada Beach": a particle or a word inside a longer name
                fixed = f"{low.capitalize()} {head.text}"
                if fixed in mid and lexicon.zipf(low) == 0:
                    theirs.add(low)
                    continue  # written so in mid-sentence too: NM106 reports the word ("tabliagi Jamaat")
            elif low in written and written[low].split(" ", 1)[1].lower() == head.text:
                fixed = written[low]
            else:
                continue
            yield Hit(word.start, head.end, (fixed,),
                      message=f"“{text[word.start : head.end]}” is a place name written in lower case; write “{fixed}”.")
        if written.keys() - theirs:
            yield from _lone(doc, {low: name for low, name in written.items() if low not in theirs}, done)

    return check


def _lone(doc: Document, written: dict[str, str], done: set[int]) -> Iterator[Hit]:
    """A lower-case word the article writes capitalised before a head ("songbei" beside "Songbei District")."""
    for word in doc.words.picked(written):
        if word.start in done or _left_alone(doc, word.start, word.end):
            continue
        name = written[word.text].split(" ", 1)[0]
        yield Hit(word.start, word.end, (name,),
                  message=f"“{word.text}” is the place the article writes “{written[word.text]}”; write “{name}”.")


@functools.lru_cache(maxsize=4096)
def _name_word(low: str, ceiling: float) -> bool:
    """A lower-case word English does not use, or a place the tables write capitalised ("shenzhen")."""
    if not low.isalpha() or len(low) < 4 or low in lexicon.lowercase_words():
        return False
    return lexicon.zipf(low) < ceiling or low.capitalize() in lexicon.places()


def _left_alone(doc: Document, start: int, end: int) -> bool:
    """Part of an address, a handle or a tag, or in a passage written all in lower case."""
    text = doc.text
    before = text[start - 1 : start]
    after = text[end : end + 2]
    if before in _GLUE or (after[:1] in _GLUE and after[1:2].isalnum()):
        return True
    if in_lower_case_paragraph(doc, start):
        return True
    if doc.in_quote(start):
        quote = next((q for q in doc.quotes if start in q), None)
        return quote is not None and not any(c.isupper() for c in text[quote.start : quote.end])
    return False
