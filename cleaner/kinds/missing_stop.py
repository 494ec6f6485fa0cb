"""`missing-stop`: two sentences run together with no full stop between them.

Languages that write no sentence punctuation (Thai) and headline-style sources (Chinese, Japanese)
leave English sentences joined without a mark: `a 2-1 win over Norway Next season, we hope`,
`the talks ended He said`. The gap is reported, with ". " as the fix, when the capitalised word
after a lower-case word or a name opens a clause, judged by what follows it (never by the strings seen):

- a subject pronoun with its verb after a lower-case word (`the elections He justified`, `an
  unexpected event This is`); after a name a pronoun may be a doubled subject (`Shakira He
  began`), left to the stray-capital kind;
- an article or possessive, one to four lower-case words and a finite verb (an auxiliary, a
  reporting verb or a past form: `in Shanghai The association will select`); a title or a name
  would capitalise those words;
- a preposition or conjunction that opens a phrase closed by a comma and a subject pronoun
  (`over Norway Next season, we hope`): a fronted adverbial before its clause;
- a capitalised common word with a comma and a subject after it (`in the future Today, the
  association announced`): a fronted adverb; a name in apposition is in the name tables or
  capitalised again in the article.

A word after a closed-class word (`the singer of The attack`, `wanted to When filming`) is a stray
capital, not a new sentence, and stays with the stray-capital kind, which leaves to this one the
capitals it reports (one finding per spot, one fix).
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._capital_runs import capitalised_words
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import MONTHS, WEEKDAYS, function_word_groups, function_words, reporting_verbs

KIND = "missing-stop"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

_SUBJECTS = frozenset("he she it they we there".split())
_DEMONSTRATIVES = frozenset("this these those".split())
_DETERMINERS = frozenset("the its their his her our my".split())
_OBJECTS = frozenset("a an the its their his her our my".split())
# Subjects that may follow a fronted phrase and its comma: "Next season, we hope".
_COMMA_SUBJECTS = frozenset("i we you he she it they there".split())
# A capitalised word with a comma after a lower-case word, then a subject (ASCII: English adverbs),
# found from the comma (a literal start is fast); the word before it is read back.
_FRONTED = re.compile(r", (?:the|an?|I|we|he|she|they|it|there|this)\b")
_WORD_BEFORE_COMMA = re.compile(r"(?<=[a-z] )[A-Z][a-z]{2,}$")
# A capitalised word after a lower-case word and one blank, with two lower-case words after it (ASCII).
_BARE_SUBJECT = re.compile(r"(?<=[a-z0-9] )([A-Z][a-z]{2,}) [a-z]+ [a-z]+")
# Conjunctions that join rather than open: "and", "or" ... after a name are a title's or a list's.
_JOINERS = frozenset("and or nor so yet than".split())


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    return lambda doc: iter(missing_stop_hits(doc))


def missing_stop_hits(doc: Document) -> tuple[Hit, ...]:
    """The gaps where a full stop is missing, found once per document (stray-capital leaves these to this kind)."""
    return doc.shared("missing-stop", lambda d: tuple(_find(d)))


def claimed_capitals(doc: Document) -> frozenset[int]:
    """Start offsets of the capitalised words whose gap this kind reports."""
    return frozenset(hit.end - _width(hit) for hit in missing_stop_hits(doc))


def _width(hit: Hit) -> int:
    return len(hit.replacements[0]) - 2  # ". " + the word


@functools.lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    groups = function_word_groups()
    clause = (groups["prepositions"] | groups["conjunctions"] | {"according"}) - _JOINERS - {"of", "to", "per", "via"}
    return frozenset(w.capitalize() for w in _SUBJECTS | _DEMONSTRATIVES | _DETERMINERS | clause)


@functools.lru_cache(maxsize=1)
def _prefilter() -> re.Pattern[str]:
    """An opener after a blank, compiled once: the standard `re` with the alternation grouped by first letter
    (several times faster than a lookbehind or a flat alternation)."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(_openers(), key=lambda w: (-len(w), w)):  # longest first; a fixed order, so one pattern text
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    alternation = "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items()))
    return re.compile(rf"[ \t](?:{alternation})\b")


@functools.lru_cache(maxsize=1)
def _finite() -> frozenset[str]:
    return function_word_groups()["auxiliaries"] - {"be", "been", "being"} | reporting_verbs()


def _find(doc: Document) -> Iterator[Hit]:
    text = doc.text
    words = doc.words
    for match in _prefilter().finditer(text):
        start = match.start() + 1
        before = text[match.start() - 1 : match.start()]
        if before in (" ", "\t"):
            before = text[match.start() - 2 : match.start() - 1]
        if not (before.islower() or before.isdigit()):
            continue  # after a lower-case letter or a digit, one or two blanks
        i = doc.word_index(start)
        if not 0 < i < len(words) - 1 or words[i].start != start:
            continue
        prev, word = words[i - 1], words[i]
        if "\n" in text[prev.end : word.start] or text[prev.end : word.start].strip():
            continue
        if prev.text.lower() in function_words() or doc.in_heading(word.start) or doc.is_sentence_start(word.start):
            continue
        if _opens_clause(doc, words, i):
            yield Hit(prev.end, word.end, (". " + word.text,),
                      message=f"A full stop seems missing before “{word.text}”, which opens a new sentence.")
    yield from _fronted_adverbs(doc)
    yield from _bare_noun_subjects(doc)


def _fronted_adverbs(doc: Document) -> Iterator[Hit]:
    """A capitalised common word and a comma after a lower-case word, then a subject: "in the future Today, the
    association announced". A name in apposition there is in the name tables or capitalised again in the article."""
    text = doc.text
    words = doc.words
    for comma in _FRONTED.finditer(text):
        match = _WORD_BEFORE_COMMA.search(text, max(0, comma.start() - 40), comma.start())
        if match is None:
            continue
        word_text = match.group()
        low = word_text.lower()
        if (word_text in capitalised_words() or low not in lexicon.lowercase_words() or low in function_words()
                or word_text in lexicon.demonyms() or lexicon.zipf(low) < 3.0):
            continue
        start = match.start()
        i = doc.word_index(start)
        if not 0 < i < len(words) or words[i].start != start:
            continue
        prev = words[i - 1]
        if not (prev.text.isalpha() and prev.text.islower()) or prev.text in function_words() or doc.in_heading(start) \
                or doc.is_sentence_start(start):
            continue  # "the Tokyo Dome, an event": a name's last word
        if doc.vocabulary.capitalised[word_text] > 1 and low not in doc.vocabulary.lower:
            continue  # the article's own name for something
        yield Hit(prev.end, match.end(), (". " + word_text,),
                  message=f"A full stop seems missing before “{word_text}”, which opens a new sentence.")


def _bare_noun_subjects(doc: Document) -> Iterator[Hit]:
    """A capitalised common word after a lower-case content word, opening a bare noun phrase with an auxiliary
    after it: "by that hour Armed smuggling gangs have tried". A name or a title would capitalise the
    noun too; a word the article uses as a name (capitalised again, never in lower case) is left alone."""
    text = doc.text
    words = doc.words
    vocabulary = doc.vocabulary
    for match in _BARE_SUBJECT.finditer(text):
        word_text, start = match.group(1), match.start(1)
        low = word_text.lower()
        if (word_text in capitalised_words() or low not in lexicon.lowercase_words() or low in function_words()
                or word_text in lexicon.demonyms() or lexicon.zipf(low) < 3.0):
            continue
        if vocabulary.capitalised[word_text] > 1 and low not in vocabulary.lower and _capitalised_mid_sentence(doc, word_text, start):
            continue  # the article's own name for something ("said Conservative ministers have")
        i = doc.word_index(start)
        if not 0 < i < len(words) - 2 or words[i].start != start:
            continue
        prev = words[i - 1]
        # A sentence often ends with a date: "started on Monday", "in 2019", "on 12 May".
        dated = prev.text in WEEKDAYS or prev.text in MONTHS or prev.text.isdigit()
        if word_text in vocabulary.in_names and not dated:
            continue  # inside a capitalised run elsewhere: a name's word ("Monday Skilled" is the run here)
        if not (dated or prev.text.isalpha() and prev.text.islower()) or prev.text in function_words() \
                or prev.text in reporting_verbs() or doc.in_heading(start) or doc.is_sentence_start(start):
            continue  # after "said" an unmarked quotation starts with its capital
        if _bare_phrase_then_auxiliary(_joined_run(doc, words, i, 5)):
            yield Hit(prev.end, words[i].end, (". " + word_text,),
                      message=f"A full stop seems missing before “{word_text}”, which opens a new sentence.")


def _capitalised_mid_sentence(doc: Document, word_text: str, start: int) -> bool:
    """True when the article writes the word capitalised elsewhere where no sentence starts."""
    return any(s != start and not doc.is_sentence_start(s) for s in _whole_word_starts(doc, word_text))


_WORD_CHAR = re.compile(r"\w")


def _whole_word_starts(doc: Document, word_text: str) -> list[int]:
    """Where the whole word stands in the text, found once per distinct word and document.

    The word is searched as a literal with its closing word boundary and the opening boundary is checked
    by hand: a pattern that opens with a word boundary gets no fast literal search (ten times slower)."""
    memo: dict[str, list[int]] = doc.shared("missing-stop-whole-words", lambda _: {})
    if word_text not in memo:
        text = doc.text
        memo[word_text] = [m.start() for m in re.finditer(rf"{re.escape(word_text)}\b", text)
                           if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1)]
    return memo[word_text]


def _bare_phrase_then_auxiliary(after: list[Word]) -> bool:
    """One to three lower-case content words, then an auxiliary: "crime groups have", "prices will"."""
    auxiliaries = _bare_auxiliaries()
    for n, word in enumerate(after[:4]):
        if not word.text.isalpha() or not word.text.islower():
            return False
        if n and word.text in auxiliaries:
            return True
        if word.text in function_words():
            return False
    return False


@functools.lru_cache(maxsize=1)
def _bare_auxiliaries() -> frozenset[str]:
    return frozenset("is are was were has have had will would can could must should may might shall".split())


def _opens_clause(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    low = words[i].text.lower()
    after = _joined_run(doc, words, i, 8)
    if not after:
        return False
    first = after[0].text
    if low in _SUBJECTS:
        if not words[i - 1].text.islower():
            return False  # "Shakira He began": a doubled subject as likely as a lost stop
        return first in _finite() or (first.islower() and len(first) > 2 and first not in function_words()
                                      and lexicon.zipf(first) >= 3.0)
    if low in _DEMONSTRATIVES:
        return words[i - 1].text.islower() and first in _finite() - reporting_verbs()
    if low in _DETERMINERS:
        return _noun_phrase_then_verb(after)
    return _phrase_then_subject(doc, words, i)


def _noun_phrase_then_verb(after: list[Word]) -> bool:
    """One to four lower-case content words, then a finite verb: "The association will", "The result confirmed",
    "The monsoon covers the sea" (a word in -s with an article or a possessive after it)."""
    for n, word in enumerate(after[:5]):
        if not word.text.isalpha() or not word.text.islower():
            return False
        if n and (word.text in _finite() or (word.text.endswith("ed") and len(word.text) > 4)):
            return True
        if n and word.text.endswith("s") and not word.text.endswith("ss") and n + 1 < len(after) \
                and after[n + 1].text in _OBJECTS:
            return True
        if word.text in function_words():
            return False
    return False


def _phrase_then_subject(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """A phrase of at most twelve words up to a comma with a subject pronoun after it: "Next season, we hope".

    The word after the opener is in lower case: a title capitalises it ("When Harry Met Sally, we").
    """
    if not words[i + 1].text.islower():
        return False
    j = i
    for _ in range(12):
        if j + 1 >= len(words):
            return False
        gap = doc.text[words[j].end : words[j + 1].start]
        if gap.strip() == ",":
            return j > i and words[j + 1].text.lower() in _COMMA_SUBJECTS and words[j + 1].text in (
                "I", words[j + 1].text.lower())
        if gap.strip() or "\n" in gap:
            return False
        j += 1
    return False


def _joined_run(doc: Document, words: tuple[Word, ...], i: int, limit: int) -> list[Word]:
    """The words after word i joined by blanks only, at most `limit`."""
    run: list[Word] = []
    j = i
    while j + 1 < len(words) and len(run) < limit:
        gap = doc.text[words[j].end : words[j + 1].start]
        if gap.strip() or "\n" in gap:
            break
        run.append(words[j + 1])
        j += 1
    return run
