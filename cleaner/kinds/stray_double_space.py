"""`stray-double-space`: a lone run of two or three spaces inside a line, judged by the article's habit.

A double space after a full stop is an old typing habit, and tables and agate align columns with
runs of spaces, so a run of spaces alone proves nothing. What marks a slip is the article's own
usage: when it separates its words with single spaces everywhere else (at most `max-runs` such
runs in an article of at least `min-words` words), the few runs left are where a pipeline dropped a
caption, a link or a separator and kept the spaces around it ("Club” |  Freedom Party"). Two spaces
after a sentence mark or a colon are a typing style, left alone unless the article's own sentences
say otherwise: a typist's habit shows after every sentence, so when at least `min-single-stops`
sentence marks are followed by one space and the run is one of the few, it is a slip too (a
colon's double space is still left alone). Indentation at the start of a line and spaces before a line
break are another rule's business and are skipped; so are runs that another rule already reports
(after a lower-case letter, a comma or a semicolon, before a word).
"""

from __future__ import annotations

import itertools
from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement

KIND = "stray-double-space"
OPTIONS = (
    Option("max-runs", INTEGER, "Runs of spaces inside lines, at most, for the article to count as single-spaced.", default=2),
    Option("min-words", INTEGER, "Words the article needs before its habit counts as evidence.", default=150),
    Option("min-single-stops", INTEGER,
           "Sentence marks followed by one space that make a double space after a sentence mark a slip.", default=8),
)
REPLACEMENT = Replacement.COMPUTED

# A run inside a line: something other than a space before it and a word, quote or bracket after it.
_RUN = regex.compile(r"(?<=[^\s])[ ]{2,3}(?=[\p{L}\p{N}“‘\"(\[])")
_ANY_RUN = regex.compile(r"(?<=[^\s])[ \t]{2,}(?=[^\s])")
# SP103's own ground (doubled-space): after a lower-case letter, a comma or a semicolon, before a letter.
_THEIRS = regex.compile(r"[\p{Ll},;]")
# After a sentence mark or a colon two spaces are a typing style that careful copy keeps.
_TYPED = frozenset(".!?:")
_COLON = frozenset(":")  # "Read also:  Dear": a label's colon, whatever the sentences do
# A sentence mark followed by one space and a capitalised word: the article's own spacing habit.
_SINGLE_STOP = regex.compile(r"[.!?](?= \p{Lu})")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker with the configured evidence bounds."""
    max_runs = int(rule.options["max-runs"])
    min_words = int(rule.options["min-words"])
    min_single = int(rule.options["min-single-stops"])

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if "  " not in text or len(doc.words) < min_words:
            return
        # Every run inside a line counts as evidence of a habit, whatever stands around it, so that
        # fixing one run (SP103's) never turns the article single-spaced in this rule's eyes.
        # Counting stops at the first run over the bound: the rest of the text cannot change the verdict.
        if next(itertools.islice(_ANY_RUN.finditer(text, timeout=timeout_for(text)), max_runs, None), None):
            return  # a typed habit or a table: not a slip
        runs = list(_RUN.finditer(text, timeout=timeout_for(text)))
        typed = _TYPED if runs and _single_stops(text) < min_single else _COLON
        for match in runs:
            before = text[match.start() - 1]
            if before in typed or (_THEIRS.match(before) and text[match.end()].isalpha()):
                continue
            yield Hit(match.start(), match.end(), (" ",), message="A stray run of spaces in an article that is otherwise single-spaced.")

    return check


def _single_stops(text: str) -> int:
    """Sentence marks followed by one space, counted up to a bound (the verdict needs no more)."""
    return sum(1 for _ in itertools.islice(_SINGLE_STOP.finditer(text, timeout=timeout_for(text)), 64))
