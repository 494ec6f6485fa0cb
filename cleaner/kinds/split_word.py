"""`split-word`: a word broken in two by a stray space ("ev eryone", "gov ernment").

Page converters and translation engines sometimes put a space, or a line break, inside a word. The rule reports two
adjacent lower-case tokens, one space apart, when one of them is not an English word at all
(wordfreq does not know it), their concatenation is a frequent word, and the unknown part is not
written anywhere else in the article (a repeated token is a term the article uses, not a slip).
Pairs of real words ("any one", "every day", "some time") are left alone: both parts are words.
The fix removes the space; it is a suggestion, since only a reader can rule out a foreign term.
"""

from __future__ import annotations

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
        words = doc.words
        rare = {w for w in doc.vocabulary.lower
                if w in _LONE_LETTERS or (len(w) >= 2 and _lower_letters(w) and lexicon.zipf(w) <= part_max)}
        if not rare:
            return
        # Where each rare piece stands; one that the article writes twice is a term, not a slip.
        places: dict[str, list[int]] = {}
        for i in words.where(rare):
            places.setdefault(words.texts[i], []).append(i)
        for piece, at in places.items():
            if len(at) > 1 or doc.vocabulary.capitalised[piece.title()]:
                continue
            hit = _join(doc, at[0] - 1, at[0], joined_min, part_max) or _join(doc, at[0], at[0] + 1, joined_min, part_max)
            if hit is not None:
                yield hit

    return check


def _join(doc: Document, a: int, b: int, joined_min: float, part_max: float) -> Hit | None:
    """Words a and b read as one word, when one space or line break parts them and they join into a frequent word."""
    if a < 0 or b >= len(doc.words):
        return None
    left, right = doc.words[a], doc.words[b]
    if right.start != left.end + 1 or doc.text[left.end] not in " \n":
        return None  # one space, or one line break where a page wrapped inside the word ("regio⏎n")
    if not (_lower_letters(left.text) and _lower_letters(right.text)):
        return None
    unknown = [lexicon.zipf(piece) <= part_max or piece in _LONE_LETTERS for piece in (left.text, right.text)]
    if unknown.count(True) != 1:
        return None  # exactly one of the two pieces is no English word
    if min(len(left.text), len(right.text)) == 1 and max(len(left.text), len(right.text)) < 3:
        return None  # letter-spaced text ("w w w . s a m p l e"): a lone letter is cut off a word, not a letter
    joined = left.text + right.text
    if lexicon.zipf(joined) < joined_min:
        return None
    gap = "a space" if doc.text[left.end] == " " else "a line break"
    message = f"“{left.text} {right.text}” looks like “{joined}” broken by {gap}."
    return Hit(left.start, right.end, (joined,), message=message)


# A lone letter that is no English word and no contraction's remnant (a, i, o; s, t, d, m, l, v, e
# of it's, don't, I'd, I'm, we'll, I've, they're): a letter cut off a word ("regio n").
_LONE_LETTERS = frozenset("bcfghjknpqruwxyz")


def _lower_letters(word: str) -> bool:
    """True for a word of lower-case letters only (no digits, apostrophes or capitals)."""
    return word.isalpha() and word.islower()
