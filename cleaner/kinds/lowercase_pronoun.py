"""`lowercase-pronoun`: the pronoun I written in lower case ("released on the 25th, i think").

English is the one language that capitalises its first-person pronoun; engines working from
languages that do not (and segment joins that lower-case a sentence start) leave "i" behind. A
lone "i" is reported when it reads as the pronoun:

- it stands alone: no letter, digit, dot, bracket, slash or hyphen glued to it, so "i.e.", "(i)",
  "i)", "i-th", "i/o" and list numerals are left alone;
- a verb a first-person subject takes follows it: an auxiliary that agrees with "I" (am, was,
  have, will, can ... from rules/data/function-words.yaml, not "is", "has", "does"), a negative
  contraction ("don’t"), a clitic glued to it ("i’m", "i’ve"), or a common English word of the
  dictionary that has no third-person "-s" ending ("i think", "i hope"); an index variable
  ("where i is the row", "i goes from 1") and the Italian or Catalan word "i" before a
  foreign word are not followed by any of these;
- it is not inside a quotation or a paragraph written all in lower case (a post quoted as typed).

The fix, "I", is a suggestion: outside a quotation the first person itself may be the defect.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds.lowercase_proper import _all_lower_case_passage
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import function_word_groups, function_words

KIND = "lowercase-pronoun"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

# A lone "i", an optional clitic glued to it, then the next word.
_LONE_I = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}.(/\\@#_’'-])i(?P<clitic>[’'](?:m|ve|ll|d))?(?![\p{L}\p{N}\p{M}.)/_-]|[’'](?!(?:m|ve|ll|d)\b))"
    r"[ \t]+(?P<next>\p{Ll}[\p{Ll}’']*)"
)
# Auxiliaries that agree with a third-person or plural subject, never with "I".
_NOT_FIRST_PERSON = frozenset("is are has does were".split())


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker; the pattern is compiled once per process."""

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if " i " not in text and " i’" not in text and " i'" not in text:
            return
        for match in _LONE_I.finditer(text):
            if not (match.group("clitic") or _first_person_verb(match.group("next"))):
                continue
            if _all_lower_case_passage(doc, match.start()):
                continue
            yield Hit(match.start(), match.start() + 1, ("I",), message="The pronoun “i” is written in lower case.")

    return check


def _first_person_verb(word: str) -> bool:
    """True when the word can follow the subject "I": an agreeing auxiliary, a negative contraction, a plain verb form."""
    if word in _first_person_auxiliaries():
        return True
    if word.endswith(("n’t", "n't")):
        return word[:-3] in _first_person_auxiliaries()
    if word in function_words() or word.endswith("s") or word not in lexicon.lowercase_words():
        return False
    return lexicon.zipf(word) >= 3.5


@functools.lru_cache(maxsize=1)
def _first_person_auxiliaries() -> frozenset[str]:
    """The auxiliaries that agree with "I" (am, was, have, will), and so may follow it."""
    return frozenset(function_word_groups()["auxiliaries"]) - _NOT_FIRST_PERSON
