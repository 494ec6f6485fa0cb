"""`first-person`: a subject the source language dropped, restored by the engine as "I" or "we".

Japanese, Chinese and Korean drop subjects; a round trip through them restores one, usually "I"
or "we", in copy that reports other people in the third person ("but I understand that there was
no coercion", "In addition, we request that ..."). The kind judges the whole article first: it is
third-person reporting when first person outside quotations is rare (at most `max-share` of its
sentences or two, whichever is more, and never more than `max-count`). Speeches, columns and first-person features use the
first person throughout and are left alone.

Forms:
- `stub`: a short first-person sentence ("I called.", "We will.") outside any quotation;
- `leak`: any other first-person pronoun outside quotations and names ("United We Can") that does
  not introduce direct speech after a colon or attribute a quotation ("“Why?” I asked.").

Fields: `form`, `max-share` (default 0.25), `max-count` (default 6).
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document, Word
from cleaner.kinds._support import OptionError, option
from cleaner.model import Hit, Rule
from cleaner.wordclass import reporting_verbs

KIND = "first-person"
FIELDS = frozenset({"form", "max-share", "max-count"})
OPTIONS = (
    ("form", str, "leak", "stub (a short first-person sentence) or leak (any other first person)"),
    ("max-share", float, 0.25, "first person outside quotations per sentence, at most, for third-person copy"),
    ("max-count", int, 6, "first-person words outside quotations, at most, for third-person copy"),
)

_PRONOUNS = frozenset("I we We me us my our My Our Us".split())
_CALLS_TO_ACTION = frozenset("Follow follow Contact contact Join join Subscribe Email email Tell tell".split())
_STUB = regex.compile(r"(?:I|We)(?:[ \t]+\p{Ll}+){1,2}[.!]")


def validate(rule: Rule) -> None:
    """Check the form and the limits."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = option(rule, "form", "leak", str)
    if form not in ("stub", "leak"):
        raise OptionError("form", "must be stub or leak")
    share = float(option(rule, "max-share", 0.25, (int, float)))
    count = option(rule, "max-count", 6, int)
    return lambda doc: _check(doc, form, share, count)


def _check(doc: Document, form: str, max_share: float, max_count: int) -> Iterator[Hit]:
    found = list(first_person_outside_quotes(doc))
    # Two are allowed in any article, so that a short story with one slip still counts as reporting.
    if not found or len(found) > max_count or len(found) > max(2.0, max_share * len(doc.sentences)):
        return
    for word in found:
        stub = _stub_at(doc, word)
        if form == "stub" and stub is not None:
            yield Hit(stub[0], stub[1], message="A short first-person sentence in third-person reporting; "
                      "the translation probably restored a dropped subject.")
        elif form == "leak" and stub is None:
            yield Hit(word.start, word.end, message=f"“{word.text}” outside any quotation in third-person "
                      "reporting; the translation probably restored a dropped subject.")


def first_person_outside_quotes(doc: Document) -> Iterator[Word]:
    """First-person pronouns in the article's own voice: outside quotations, names, headings and speech."""
    words = doc.words
    for i, word in enumerate(words):
        if word.text not in _PRONOUNS or doc.in_quote(word.start) or doc.in_heading(word.start):
            continue
        if word.text in ("We", "Our", "Us", "My") and not doc.is_sentence_start(word.start) and _in_name(doc, words, i):
            continue  # "United We Can", "Our Lady": part of a name
        if _introduces_speech(doc, word) or _narrator_attribution(doc, words, i):
            continue
        if i and words[i - 1].text in _CALLS_TO_ACTION:
            continue  # "Follow us", "Contact us": page furniture speaking, which another rule reports
        yield word


def _in_name(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    neighbours = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
    return any(w.text[:1].isupper() and not doc.text[min(w.end, words[i].end) : max(w.start, words[i].start)].strip()
               for w in neighbours)


def _introduces_speech(doc: Document, word: Word) -> bool:
    """True after a colon: "Erdogan: We will see" is direct speech without quotation marks."""
    before = doc.text[max(0, word.start - 3) : word.start].rstrip()
    return before.endswith(":")


def _narrator_attribution(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for "“Why?” I asked.": a narrator attributing a quotation."""
    before = doc.text[max(0, words[i].start - 3) : words[i].start].rstrip()
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else ""
    return before[-1:] in ("”", '"') and nxt in reporting_verbs()


def _stub_at(doc: Document, word: Word) -> tuple[int, int] | None:
    """The span of a short first-person sentence that starts at `word`, or None."""
    sentence = doc.sentence_at(word.start)
    if sentence is None or sentence.start != word.start:
        return None
    match = _STUB.fullmatch(doc.text, sentence.start, sentence.end)
    return (sentence.start, sentence.end) if match else None
