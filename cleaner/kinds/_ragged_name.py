"""`name-tail-case`, the ragged name: a body's name with a lower-case word inside it, in a single mention.

Engines that translate a body's name word by word capitalise its words at random ("The Harbin City
public Security bureau opened an inquiry", "the United nations Security Council"). The article need not
name the body again, so the other mentions the mixed case needs are not there; the name's own capitals
are. A lower-case word is reported, with the rest of the name after it capitalised, when:

- it stands in a run of words joined by single spaces (no closed-class word, a possessive allowed) that
  ends on an organisation noun (rules/data/institutions.yaml) in either case;
- a capitalised common word of the name stands right before it ("City", "District", "Provincial",
  "United"), not at a sentence start, and a capitalised common word right after it ("Security",
  "Nations"): it sits inside a name, between its words. A place, a nationality, a possessive or a
  name before it is the common shape of a descriptor before a name ("Japan's ruling Liberal Democratic
  Party", "the British opposition Labour Party", "Japanese carmaker Toyota Motor Corporation"), and a
  proper name after it starts the name ("Toyota"), so neither counts;
- it is a noun or an adjective (no verb form: "Musk told Twitter Board"), and no word of the run is a
  level of government that house styles keep in lower case before a body's name ("the Beijing
  municipal Public Security Bureau", "the New York state Department").

The stray-capital kind asks `ragged_words` first, so that it does not lower-case the name's capitals
("public Security bureau": "Security" is the name's, "public" the stray).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from cleaner import gazetteer, lexicon
from cleaner.document import Document, Word
from cleaner.model import Hit
from cleaner.wordstream import WordStream
from cleaner.wordclass import function_words

_MAX_WORDS = 6  # words of a name up to and including its organisation noun
# Levels of government that house styles write in lower case before a body's capitalised name.
_LEVELS = frozenset("city municipal state provincial county district regional national federal local "
                    "metropolitan prefectural town village township central commune communal ward parish "
                    "borough".split())
# People, not bodies (as in name_tail_case): "the party spokesman" is house style.
_PEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "officials", "official", "organisers",
                     "organizers", "prosecutors", "authorities"})


def ragged_hits(doc: Document) -> tuple[Hit, ...]:
    """The lower-case words inside single mentions of bodies' names, each with the name's end capitalised."""
    return doc.shared("ragged-body-names", _find)


def ragged_words(doc: Document) -> frozenset[int]:
    """Offsets of the capitalised words inside the names `ragged_hits` reports: the name's, not strays."""
    return doc.shared("ragged-body-words", lambda d: frozenset(start for _, starts in _spans(d) for start in starts))


@functools.lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    return frozenset(gazetteer.load("institutions")["nouns"]) - _PEOPLE


def _find(doc: Document) -> tuple[Hit, ...]:
    return tuple(hit for hit, _ in _spans(doc))


def _spans(doc: Document) -> tuple[tuple[Hit, tuple[int, ...]], ...]:
    return doc.shared("ragged-body-spans", lambda d: tuple(_scan(d)))


def _scan(doc: Document):
    """Each ragged name's hit, with the offsets of the capitalised words in it."""
    bodies = _bodies()
    vocabulary = doc.vocabulary
    if not any(w.lower() in bodies for w in (*vocabulary.lower, *vocabulary.capitalised)):
        return
    words = doc.words
    # The organisation nouns as the article writes them, decided once per distinct word: lower-casing every
    # word of the text, each read as a Word, cost 40 ms a megabyte.
    nouns = {text for text in doc.distinct_words if text.lower() in bodies}
    for end in words.where(nouns):
        run = _run(doc, words, end)
        if run is None:
            continue
        first = _first_stray(doc, words, run, end)
        if first is None:
            continue
        span = words[first : end + 1]
        fixed = " ".join(_capitalise(w.text) for w in span)
        start, stop = span[0].start, span[-1].end
        hit = Hit(start, stop, (fixed,), message=f"A word inside the name “{doc.text[words[run].start : stop]}” is in lower case.")
        yield hit, tuple(w.start for w in words[run : end + 1] if w.text[:1].isupper())


def _run(doc: Document, words: WordStream, end: int) -> int | None:
    """The first word of the run of name words that ends on word `end`, or None when it is a single word."""
    # Read from the stream's arrays, not as Words: this runs for every organisation noun of the text.
    text, starts, ends, texts = doc.text, words.starts, words.ends, words.texts
    if end + 1 < len(texts) and text[ends[end] : starts[end + 1]] == " " and texts[end + 1][:1].isupper():
        return None  # the name goes on past the noun: judged at its own end (asked first: it is cheaper than the run)
    closed = function_words()
    first = end
    while first > 0 and end - first < _MAX_WORDS - 1:
        bare = _bare(texts[first - 1])
        if text[ends[first - 1] : starts[first]] != " " or not bare.isalpha() or bare.lower() in closed:
            break
        first -= 1
    return first if first < end else None


def _first_stray(doc: Document, words: Sequence[Word], first: int, end: int) -> int | None:
    """The first lower-case word inside the run with a capitalised common word on each side, or None."""
    for k in range(first + 1, end):
        low = _bare(words[k].text)
        if not low.islower():
            continue
        left, right = words[k - 1], words[k + 1]
        if _inner_word(low) and _common_capital(right.text) and _common_capital(left.text) \
                and not left.text.endswith(("’s", "'s")) and not doc.is_sentence_start(left.start):
            break
    else:
        return None
    # Asked only of a run with such a word (most runs have none): a level of government or a heading.
    if any(_bare(w.text) in _LEVELS for w in words[first : end + 1]) or doc.in_heading(words[end].start):
        return None
    return k


def _bare(text: str) -> str:
    """The word without a possessive ending."""
    return text[:-2] if text.endswith(("’s", "'s")) else text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _common_capital(text: str) -> bool:
    """True for a capitalised common English word that is no place, nationality or listed name ("Security", "City")."""
    bare = _bare(text)
    if not (bare[:1].isupper() and bare[1:].islower()) or bare.lower() in function_words() or lexicon.zipf(bare) < 3.0:
        return False
    if bare in lexicon.places() or bare in lexicon.demonyms() or bare in lexicon.people_words() or bare in lexicon.word_surnames():
        return False
    # A word the dictionary writes only with a capital is a name ("Toyota"); "City" it writes both ways.
    return bare not in lexicon.proper_words() or bare.lower() in lexicon.lowercase_words()


def _inner_word(low: str) -> bool:
    """True for a common noun or adjective that may stand inside a name: not a verb form or an adverb."""
    if lexicon.zipf(low) < 3.0 or low in function_words():
        return False
    classes = lexicon.word_classes(low)
    if classes and not set(classes) & {"n", "a"}:
        return False  # "told", "announce", "urgently"
    if low.endswith(("ing", "ed")):
        return False  # "ruling", "governing", "elected": participles describe a body rather than name it
    if low.endswith("s") and not classes:
        singular = lexicon.word_classes(low[:-1]) or lexicon.word_classes(low[:-2])
        return not (singular and not set(singular) & {"n", "a"})  # "sues": a verb
    return True
