"""`name-tail-case`, the mixed case: a lower-case word inside the name of a body, capitalised there elsewhere.

Engines that translate a body's name word by word capitalise its words at random, and differently in
each sentence: "the District public Security Bureau", later "the Public security Bureau". Neither
form need ever stand whole in Title Case, so the tail case's evidence is not there; the article's
other mentions of the same name are. A lower-case word is reported when:

- it stands in a run of words joined by single spaces that ends on an organisation noun
  (rules/data/institutions.yaml: bureau, ministry, committee ...), with no closed-class word in it;
- a capitalised content word stands right before it and a capitalised word of the run follows it, so
  it sits inside a capitalised name, not before one: "a new Democratic Party" beside "the New
  Democratic Party" is a modifier before a name, or two names;
- elsewhere the article writes the same words, in the same order up to the same noun, with this
  word capitalised in mid-sentence (not at a sentence start, not in a heading).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from cleaner.document import Document, Word
from cleaner.model import Hit
from cleaner.wordclass import function_words

_MAX_WORDS = 4  # words of a name up to and including its noun


def mixed_case_hits(doc: Document, bodies: frozenset[str]) -> Iterator[Hit]:
    """Lower-case words inside a body's name that the article capitalises in the same name elsewhere."""
    if not any(doc.vocabulary.capitalised[noun.capitalize()] for noun in bodies):
        return  # no capitalised body noun: no name to be mixed
    words = doc.words
    # The spellings of the nouns in this article, from its distinct words: one set look-up per word below.
    vocabulary = doc.vocabulary
    nouns = {w for w in (*vocabulary.lower, *vocabulary.capitalised) if w.lower() in bodies}
    mentions: dict[tuple[str, ...], list[int]] = defaultdict(list)  # name's words -> index of its first word
    for i, word in enumerate(words):
        if word.text in nouns:
            for first in _starts(doc, words, i):
                mentions[tuple(w.text.lower().replace("’", "'") for w in words[first : i + 1])].append(first)
    flagged: set[int] = set()
    for key, firsts in mentions.items():
        if len(firsts) < 2:
            continue
        for pos in range(len(key) - 1):
            evidence = [f for f in firsts if _capital_mid_sentence(doc, words[f + pos])]
            if not evidence:
                continue
            for first in firsts:
                span = words[first : first + len(key)]
                if span[pos].text.islower() and any(w.text[:1].isupper() for w in span[pos + 1 :]) \
                        and _capital_before(doc, words, first + pos):
                    flagged.add(first + pos)
    for i in sorted(flagged):
        word = words[i]
        if doc.in_heading(word.start):
            continue
        fixed = word.text[:1].upper() + word.text[1:]
        yield Hit(word.start, word.end, (fixed,), message=f"The article writes “{fixed}” in this name elsewhere.")


def _starts(doc: Document, words: Sequence[Word], i: int) -> Iterator[int]:
    """The first words of the runs that end on word i: content words joined by single spaces, two or more."""
    first = i
    while first > 0 and i - first < _MAX_WORDS - 1:
        before = words[first - 1]
        bare = before.text[:-2] if before.text.endswith(("’s", "'s")) else before.text  # "People’s Committee"
        if doc.text[before.end : words[first].start] != " " or not bare.isalpha() \
                or bare.lower() in function_words():
            break
        first -= 1
        yield first


def _capital_before(doc: Document, words: Sequence[Word], i: int) -> bool:
    """True when a capitalised content word stands right before word i, joined by one space."""
    if i == 0 or doc.text[words[i - 1].end : words[i].start] != " ":
        return False
    before = words[i - 1].text
    return before[:1].isupper() and before.lower() not in function_words()


def _capital_mid_sentence(doc: Document, word: Word) -> bool:
    """True when the word is capitalised and neither opens a sentence nor stands in a heading."""
    return word.text[:1].isupper() and not doc.is_sentence_start(word.start) and not doc.in_heading(word.start)
