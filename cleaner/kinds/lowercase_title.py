"""`lowercase-title`: a title written in lower case before a name when the article capitalises it before names.

Engines capitalise a title before a name in one sentence ("President Yoon") and lose the capital
in another ("attending president Yoon's inauguration"), so one article mixes both. The evidence is
the article's own, never a list of titles:

- elsewhere in the article the same word, or the same two words, stand capitalised mid-sentence
  directly before the same capitalised name ("Vice President Harris", "Coach Park"), so "Northern
  Ireland" is no evidence for "northern Iraq";
- here they stand in lower case directly before a capitalised word that is not a sentence start;
- the word before them is a preposition, a conjunction or a verb in -ing ("of vice president
  Harris", "attending president Yoon"): a modifier ("former president", "then president", "US
  president", "the president") marks the descriptive use that British styles write in lower case.

The fix writes the title as the article does elsewhere, as a suggestion: a house style may prefer
lower case throughout.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import function_word_groups, function_words

KIND = "lowercase-title"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED


# A capitalised word right after a lower-case one: where a lower-case title may end.
_CAPITAL_AFTER_LOWER = regex.compile(r"(?<=(?<![\p{L}\p{M}])(?P<title>\p{Ll}+) )\p{Lu}\p{Ll}")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    groups = function_word_groups()
    linkers = frozenset(groups["prepositions"] | groups["conjunctions"])

    def check(doc: Document) -> Iterator[Hit]:
        words = doc.words
        seen: dict[str, bool] = {}
        capitalised = doc.vocabulary.capitalised
        function = function_words()
        for match in _CAPITAL_AFTER_LOWER.finditer(doc.text):
            title_word = match.group("title")
            if title_word in function or not capitalised[title_word.capitalize()]:
                continue  # the article never capitalises the word: no evidence to look for
            i = doc.word_index(match.start())
            if i < 2 or words[i].start != match.start() or words[i - 1].text != title_word:
                continue
            for size in (2, 1):  # "vice president" before "president"
                hit = _hit(doc, i, size, linkers, seen)
                if hit is not None:
                    yield hit
                    break

    return check


def _hit(doc: Document, i: int, size: int, linkers: frozenset[str], seen: dict[str, bool]) -> Hit | None:
    """The hit for a lower-case title of `size` words before name word i, when the article capitalises it before that name."""
    words, text = doc.words, doc.text
    if i - size - 1 < 0:
        return None
    span = words[i - size : i]
    before = words[i - size - 1]
    if not (before.text in linkers or (before.text.endswith("ing") and before.text.islower())):
        return None
    pieces = [before, *span, words[i]]
    if any(text[a.end : b.start] != " " for a, b in zip(pieces, pieces[1:])):
        return None
    if not all(w.text.isalpha() and w.text.islower() and w.text not in function_words() for w in span):
        return None
    title = " ".join(w.text for w in span)
    name = _bare(words[i].text)
    fixed = " ".join(word.capitalize() for word in title.split())
    if doc.is_sentence_start(words[i].start) or doc.in_heading(words[i].start):
        return None
    phrase = f"{fixed} {name}"
    if phrase not in seen:
        seen[phrase] = _capitalised_elsewhere(doc, phrase, size == 2)
    if not seen[phrase]:
        return None
    if not all(w.text in lexicon.lowercase_words() for w in span):
        return None
    return Hit(span[0].start, span[-1].end, (fixed,),
               message=f"“{title}” is in lower case here but capitalised before “{name}” elsewhere in the article.")


# Two capitalised words in a row ("President Yoon"), found in one pass and kept per document.
_CAPITAL_PAIR = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}[\p{L}\p{M}-]*")


def _capital_pairs(doc: Document) -> dict[str, list[int]]:
    """Each capitalised pair of words in the article, with where it starts."""
    pairs: dict[str, list[int]] = {}
    for match in _CAPITAL_PAIR.finditer(doc.text, overlapped=True):
        pairs.setdefault(match.group(), []).append(match.start())
    return pairs


def _capitalised_elsewhere(doc: Document, phrase: str, two_words: bool) -> bool:
    """True when the phrase stands as whole words outside headings, mid-sentence unless its title has two words."""
    text = doc.text
    *head, title, name = phrase.split(" ")
    lead = " ".join(head) + " " if head else ""
    for at in doc.shared("capital-pairs", _capital_pairs).get(f"{title} {name}", ()):
        at -= len(lead)
        if at < 0 or text[at : at + len(lead)] != lead or (at and text[at - 1].isalpha()):
            continue
        if not doc.in_heading(at) and (two_words or not doc.is_sentence_start(at)):
            return True
    return False


def _bare(name: str) -> str:
    """The name without a possessive ending: "Moon’s" -> "Moon"."""
    return name[:-2] if name.endswith(("’s", "'s")) else name
