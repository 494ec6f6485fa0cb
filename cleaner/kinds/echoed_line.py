"""`echoed-line`: a title or caption line whose words the next paragraph says again.

A scraped page keeps the title of an embedded video, a picture caption or a related-story link as a
line of its own just above the paragraph it was taken from ("… has exceeded 20,000 Video" above the
quotation itself), in any source language. What marks the line as page furniture is the article's own
text: the line ends without a sentence mark, and a run of at least `min-run` of its words comes back
word for word in the next paragraph, covering at least `min-cover` of the line. The first line (the
headline, which a lede may echo), lines ending in a colon (a lead-in), lines repeated whole (the
repeated-paragraph rule's) and a subhead that the next paragraph quotes whole (a pull quote) are left
alone.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, NUMBER, Option, Replacement

KIND = "echoed-line"
OPTIONS = (
    Option("min-words", INTEGER, "Words the line needs to count as a title or caption.", default=6),
    Option("min-run", INTEGER, "Words in a row the next paragraph must repeat.", default=6),
    Option("min-cover", NUMBER, "Share of the line's words the repeated runs must cover.", default=0.7),
)
REPLACEMENT = Replacement.NONE

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# A line that ends a sentence, a quotation or a lead-in is prose, not a title.
_OPENERS = "“„«‘\"'「『"
_CLOSERS = frozenset(".!?…:;,\"”’»)]")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker with the configured bounds."""
    min_words = int(rule.options["min-words"])
    min_run = int(rule.options["min-run"])
    min_cover = float(rule.options["min-cover"])

    def check(doc: Document) -> Iterator[Hit]:
        lines = _lines(doc.text)
        for (at, line), (_, after) in zip(lines[1:], lines[2:]):
            # Most lines are prose ending in a stop: tested first, before any per-word work.
            if line[-1] in _CLOSERS or line.count(" ") < min_words - 1:
                continue
            words = [w.casefold() for w in _WORD.findall(line)]
            if len(words) < min_words:
                continue
            # Every repeated word must occur in the next line: tested as plain text before its words are split.
            folded = after.casefold()
            if sum(word in folded for word in words) < min_cover * len(words):
                continue
            following = _WORD.findall(folded)
            covered = _covered(words, following, min_run) if following != words else 0
            if covered == len(words) and _opens_quote(folded, words[0]):
                continue  # a subhead quoting the paragraph below it, as editors write one
            if covered and covered >= min_cover * len(words):
                start = at + len(line) - len(line.lstrip())
                yield Hit(start, at + len(line))

    return check


def _opens_quote(text: str, word: str) -> bool:
    """True when `word` follows an opening quotation mark (and blanks) somewhere in `text`."""
    at = text.find(word)
    while at >= 0:
        before = text[max(0, at - 2) : at].strip()
        if before and before[-1] in _OPENERS:
            return True
        at = text.find(word, at + 1)
    return False


def _lines(text: str) -> list[tuple[int, str]]:
    """The text's non-blank lines, right-stripped, with their offsets."""
    found, at = [], 0
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line:  # blank once its trailing blanks are gone
            found.append((at, line))
        at += len(raw) + 1
    return found


def _covered(words: list[str], following: list[str], run: int) -> int:
    """How many of `words` lie in runs of at least `run` words that `following` repeats in order."""
    if len(following) < run:
        return 0
    grams = {tuple(following[i : i + run]) for i in range(len(following) - run + 1)}
    covered = [False] * len(words)
    for i in range(len(words) - run + 1):
        if tuple(words[i : i + run]) in grams:
            covered[i : i + run] = [True] * run
    return sum(covered)
