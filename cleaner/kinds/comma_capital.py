"""`comma-capital`: an article that capitalises the word after its commas, as if each clause began a sentence.

Engines that translate clause by clause (Chinese and Japanese text is often cut at every comma)
give each clause a capital: `the budget , It's a local matter , For instance`, `is true,
Then the two will meet`. One such capital is weak evidence (a comma splice, a name in apposition),
so the kind weighs the whole article: when at least `min-count` words after a comma that follows a
lower-case word are capitalised although they are no names, and at least `min-rate` per 1,000 words
(a long talk may hold three or four comma splices: "so bright, We could see"), every one is reported. A word
counts when it is a closed-class word (pronoun, conjunction, adverb, determiner, preposition) or a
number word, or a common word that the dictionary writes in lower case and the article does not use
as a name; places, nationalities, capitalised runs that make a name or a title ("the paper, The
New York Times") and the words the stray-capital rules already report are left out. A
conjunction, pronoun or adverb that opens a capitalised run after the comma still counts in such
an article ("deleted, But the Internet", "true, Then Zhao Li will"): titles rarely open with one.
A comma after a closing bracket or quotation mark that follows a word counts too ("the play 《 Jade 》,
Word of mouth"), the article "A" before a lower-case word counts (not the letter of a grade), and a
rarer word counts when its ending makes it an adverb or an abstract noun ("Resolutely").
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._capital_runs import capitalised_words, in_title_run
from cleaner.kinds._part_of_speech import NOT_NOUN_ENDINGS
from cleaner.kinds._stray_common_word import Evidence, common_word_hits
from cleaner.kinds._stray_function_word import NAME_LIKE, function_word_hits
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement
from cleaner.wordclass import function_word_groups, function_words, reporting_verbs

KIND = "comma-capital"
OPTIONS = (
    Option("min-count", NUMBER, "How many capitals after commas an article needs before any is reported.", default=4),
    Option("min-rate", NUMBER, "How many such capitals per 1,000 words it needs as well (a long text may hold a few comma splices).", default=5.0),
    Option("min-zipf", NUMBER, "The least Zipf frequency of a common (not closed-class) word that counts.", default=3.0),
)
REPLACEMENT = Replacement.COMPUTED

# A capitalised word (with a contraction: "It's") after a comma that follows a lower-case letter or a digit.
# A full-width or ideographic comma left by the source (，、) counts as one, with or without a space after
# it: its safe fix to ", " must not be what reveals the capital (the article was damaged all along).
_AFTER_COMMA = regex.compile(r"(?<=(?:[\p{Ll}\p{N}]|\p{Ll}[ \t]?[\p{Pe}”’\"])[ \t]{0,2}(?:,[ \t]{1,3}|[，、][ \t]{0,3}))\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?(?![\p{L}\p{M}\p{N}-])")
_COMMAS = (",", "，", "、")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty hundred".split())


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    min_count = int(rule.options["min-count"])
    min_rate = float(rule.options["min-rate"])
    min_zipf = float(rule.options["min-zipf"])
    return lambda doc: _check(doc, min_count, min_rate, min_zipf)


def _check(doc: Document, min_count: int, min_rate: float, min_zipf: float) -> Iterator[Hit]:
    if not any(comma in doc.text for comma in _COMMAS):
        return
    words = doc.words
    evidence = Evidence(doc)
    counted = [i for i in _candidates(doc) if _counts(doc, words, i, evidence, min_zipf)]
    if len(counted) < max(min_count, min_rate * len(words) / 1000):
        return
    reported = {hit.start for hit in function_word_hits(doc)} | {hit.start for hit in common_word_hits(doc)}
    for i in counted:
        word = words[i]
        if word.start not in reported:
            low = word.text[0].lower() + word.text[1:]
            yield Hit(word.start, word.end, (low,), message=f"“{word.text}” after a comma is capitalised but is not a name.")


def _candidates(doc: Document) -> Iterator[int]:
    """Indexes of capitalised words right after a comma that follows a lower-case word, mid-paragraph."""
    for match in _AFTER_COMMA.finditer(doc.text):
        i = doc.word_index(match.start())
        if 0 < i < len(doc.words) and doc.words[i].start == match.start() and not doc.in_heading(match.start()):
            yield i


def _counts(doc: Document, words: tuple[Word, ...], i: int, evidence: Evidence, min_zipf: float) -> bool:
    """True when word i is no name: a closed-class or number word, or a common word used in lower case."""
    text = regex.split(r"['’]", words[i].text)[0]
    low = text.lower()
    if text == "A" and _article_before_word(doc, words, i):
        return True  # "Zhao Liying , A serious mistake": the article before its noun phrase
    if low in NAME_LIKE or len(low) < 2:
        return False  # "Will", "May", "Can", "Who", "I", and the letter "A" (a grade, a group)
    if words[i - 1].text in reporting_verbs():
        return False  # "the analyst said, In the past": an unmarked quotation starts with its capital
    if low in function_words() or low in _NUMBER_WORDS:
        return not in_title_run(doc, words, i) or low in _run_openers()
    if text in capitalised_words() or text in lexicon.demonyms() or evidence.names(text):
        return False
    # A rarer word counts when its ending makes it an adverb or an abstract noun, never a name ("Resolutely").
    rare_ok = low.endswith(NOT_NOUN_ENDINGS) and lexicon.zipf(low) >= min_zipf - 1
    if low not in lexicon.lowercase_words() or (lexicon.zipf(low) < min_zipf and not rare_ok):
        return False
    return not in_title_run(doc, words, i)


def _article_before_word(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when the capital A is followed by a lower-case word after one space: the article, not a grade or a group."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and doc.text[words[i].end : nxt.start] == " " and nxt.text.isalpha() and nxt.text.islower()


@functools.lru_cache(maxsize=1)
def _run_openers() -> frozenset[str]:
    """Closed-class words that open a clause but rarely a title: conjunctions, subject pronouns, adverbs."""
    groups = function_word_groups()
    return frozenset(groups["conjunctions"] | groups["adverbs"] | {"i", "we", "you", "he", "she", "it", "they"})
