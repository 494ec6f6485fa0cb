"""`lowercase-heading`: a subheading written all in lower case in an article that starts its paragraphs with capitals.

Arabic, Thai, Hindi, Nepali and Chinese have no capital letters, so an engine may leave a short
heading line in lower case ("offensive hexagon", "pm oli visit in chitwon") while the sentences of
the body get their capitals from the full stops around them. The kind looks for a paragraph of one
line, two to `max-words` lower-case words and no punctuation, between a paragraph that ends a
sentence (or the start of the text) and a paragraph that starts with a capital, in an article whose
body paragraphs (longer than a heading line) mostly start with a capital. A line opening with a closed-class word ("by admin", "via
the agency") is a byline or a fragment, not a heading, and is left alone, as is a text written
without capitals (a slogan page).
"""

from __future__ import annotations

from typing import Callable, Iterator

import re

import regex

from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement
from cleaner.wordclass import function_words

KIND = "lowercase-heading"
OPTIONS = (
    Option("max-words", NUMBER, "The most words a heading line may hold.", default=8),
    Option("min-capital-share", NUMBER, "The least share of the body paragraphs (over 60 characters) that start with a capital.", default=0.75),
)
REPLACEMENT = Replacement.COMPUTED

_LOWER_WORD = regex.compile(r"\p{Ll}+(?:['’]\p{Ll}+)?")
# The prefilter (the standard `re`, ASCII: English headings): a line of lower-case words only.
_CANDIDATE_LINE = re.compile(r"^[ \t]*[a-z][a-z'’]*(?:[ \t][a-z'’]+)+[ \t]*$", re.M)
# A paragraph longer than this (in characters) is body text, not a heading line.
_BODY_CHARS = 60
_OPENING = " \t\n“\"‘'([*•-—–"
_ENDS_SENTENCE = frozenset(".!?…”\"’)")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_words = int(rule.options["max-words"])
    share = float(rule.options["min-capital-share"])
    return lambda doc: iter(_check(doc, max_words, share))


def _check(doc: Document, max_words: int, share: float) -> Iterator[Hit]:
    text = doc.text
    candidates = [m for m in _CANDIDATE_LINE.finditer(text) if len(m.group().split()) <= max_words]
    if not candidates:
        return  # the common case costs one regex pass
    body_checked = False
    paragraphs = [p for p in doc.paragraphs if text[p.start : p.end].strip()]
    index = {p.start: k for k, p in enumerate(paragraphs)}
    for match in candidates:
        para = doc.paragraph_at(match.start() + len(match.group()) - len(match.group().lstrip()))
        k = index.get(para.start) if para is not None else None
        if k is None or text[para.start : para.end].strip() != match.group().strip():
            continue  # the line is part of a longer paragraph
        tokens = match.group().split()
        if tokens[0] in function_words() or not _between_sentences(text, paragraphs, k):
            continue
        if not body_checked:
            if not _capitalised_body(doc, share):
                return
            body_checked = True
        start = match.start() + match.group().index(tokens[0])
        first = tokens[0]
        # A two-letter word may be an abbreviation (pm, un) whose capitals are unknown: no suggestion then.
        fix = (first.capitalize(),) if len(first) > 2 else ()
        yield Hit(start, start + len(first), fix, message="A heading line is written all in lower case.")


def _capitalised_body(doc: Document, share: float) -> bool:
    """True when the body's paragraphs (longer than a heading line) mostly start with a capital."""
    text = doc.text
    body = [p for p in doc.paragraphs if p.end - p.start > _BODY_CHARS]
    capitals = sum(1 for p in body if text[p.start : p.start + 8].lstrip(_OPENING)[:1].isupper())
    return bool(body) and capitals >= share * len(body)


def _between_sentences(text: str, paragraphs: list, k: int) -> bool:
    """True when the paragraph before ends a sentence (or none comes before) and the next starts with a capital."""
    if k + 1 >= len(paragraphs) or not _first_letter(text[paragraphs[k + 1].start : paragraphs[k + 1].end]).isupper():
        return False
    if k == 0:
        return True
    before = text[paragraphs[k - 1].start : paragraphs[k - 1].end].rstrip()
    return before[-1:] in _ENDS_SENTENCE


def _first_letter(chunk: str) -> str:
    match = regex.search(r"\p{L}", chunk)
    return match.group() if match else ""
