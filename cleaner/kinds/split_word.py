"""`split-word`: a word broken in two by a stray space ("ev eryone", "gov ernment").

Page converters and translation engines sometimes put a space inside a word. The rule reports two
adjacent lower-case tokens, one space apart, when one of them is not an English word at all
(wordfreq does not know it), their concatenation is a frequent word, and the unknown part is not
written anywhere else in the article (a repeated token is a term the article uses, not a slip).
Pairs of real words ("any one", "every day", "some time") are left alone: both parts are words.
The fix removes the space; it is a suggestion, since only a reader can rule out a foreign term.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator

from cleaner import lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement

KIND = "split-word"
OPTIONS = (
    Option("min-joined-zipf", NUMBER, "How frequent (wordfreq Zipf) the joined word must be.", default=3.5),
    Option("max-part-zipf", NUMBER, "How rare (Zipf) the unknown part must be.", default=0.5),
)
REPLACEMENT = Replacement.COMPUTED


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker with the configured frequency bounds."""
    joined_min = float(rule.options["min-joined-zipf"])
    part_max = float(rule.options["max-part-zipf"])

    def check(doc: Document) -> Iterator[Hit]:
        text, words = doc.text, doc.words
        counts = Counter(w.text.lower() for w in words)
        for left, right in zip(words, words[1:]):
            if text[left.end : right.start] != " " or not _lower_letters(left.text) or not _lower_letters(right.text):
                continue
            rare = [part for part in (left.text, right.text) if lexicon.zipf(part) <= part_max]
            if len(rare) != 1 or counts[rare[0]] > 1 or len(rare[0]) < 2:
                continue
            joined = left.text + right.text
            if lexicon.zipf(joined) >= joined_min:
                yield Hit(left.start, right.end, (joined,),
                          message=f"“{left.text} {right.text}” looks like “{joined}” broken by a space.")

    return check


def _lower_letters(word: str) -> bool:
    """True for a word of lower-case letters only (no digits, apostrophes or capitals)."""
    return word.isalpha() and word.islower()
