"""`missing-apostrophe`: a contraction or possessive whose apostrophe was lost ("todays", "Thats", "doesnt").

Machine translation, spinners and copy pasted through plain-text pipelines drop apostrophes. The rule
judges by evidence, not by a list: the word is not in the dictionary (SCOWL and wordfreq agree on the
lower-case words, lexicon.lowercase_words), nor a name the tables know, and putting an apostrophe back
before one of English's clitic endings ('s, n't, 're, 've, 'll, 'd) gives a word far more frequent in
English (wordfreq) than the form written. Words that are English on their own ("its", "lets", "cant",
"wont", "shell", "were") are in the dictionary and left alone.
"""

from __future__ import annotations

from typing import Callable, Iterator

from cleaner import lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement

KIND = "missing-apostrophe"
OPTIONS = (
    # 3.5, not 4.0: a country's possessive ("China's", "Russia's") sits between the two, and no other form came in.
    Option("min-zipf", NUMBER, "How frequent the form with the apostrophe must be in English (Zipf).", default=3.5),
    Option("margin", NUMBER, "How much more frequent (Zipf units) than the form written.", default=1.0),
)
REPLACEMENT = Replacement.COMPUTED

# English's clitic endings, longest first: where an apostrophe can go back in ("doesnt" -> "doesn't").
_CLITICS = (("nt", "n't"), ("re", "'re"), ("ve", "'ve"), ("ll", "'ll"), ("s", "'s"), ("d", "'d"))
_MIN_BASE = 2  # letters before the ending: "its" -> "it's" is a word anyway, "ds" is nothing


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker with the configured frequency bounds."""
    min_zipf = float(rule.options["min-zipf"])
    margin = float(rule.options["margin"])

    def check(doc: Document) -> Iterator[Hit]:
        # Each distinct word judged once; then only the words with a verdict are visited.
        verdicts = {token: fixed for token in doc.distinct_words if (fixed := restored(token, min_zipf, margin)) is not None}
        for word in doc.words.picked(verdicts):
            fixed = verdicts[word.text]
            yield Hit(word.start, word.end, (fixed,), message=f"“{word.text}” looks like “{fixed}” without its apostrophe.")

    return check


def restored(token: str, min_zipf: float, margin: float) -> str | None:
    """The token with its apostrophe put back, or None when it is a word of its own or nothing better."""
    if not token.isalpha() or not token.isascii() or len(token) < 4:
        return None
    lower = token.lower()
    if token != lower and (token[1:] != lower[1:] or lexicon.is_listed_name(token)):
        return None  # inner capitals (an acronym, a brand) or a name the tables know
    if lower in lexicon.lowercase_words():
        return None
    written = lexicon.zipf(lower)
    for ending, clitic in _CLITICS:
        base = lower[: -len(ending)]
        if not lower.endswith(ending) or len(base) < _MIN_BASE:
            continue
        candidate = base + clitic
        if lexicon.zipf(candidate) >= max(min_zipf, written + margin):
            return token[: len(base)] + clitic
    return None
