"""The counts behind textstat 0.7.13's English scores, gathered in one pass over the words.

textstat rebuilds whole-text word lists for every formula, so scoring a text holds several
copies of it. Every count it needs is a sum over whitespace-separated tokens, except the
sentence count, so here the text is read in slices, identical tokens are counted once, and
each distinct token is measured once: memory follows the vocabulary, not the text.

Each step mirrors the textstat function named in its comment, with textstat's own regular
expressions (Python's `re`, whose \\w and \\s agree with str.split()). tests/test_readability.py
checks every figure against textstat itself.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cleaner.syllables import word_syllables

# textstat.backend.utils.constants and transformations.remove_punctuation
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # counts.count_sentences
_WORD_CHARACTER = re.compile(r"\w")
_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"\S+")
_SLICE = 1 << 16  # characters read at a time
LINSEAR_WORDS = 100  # linsear_write_formula(strict_upper=True) reads the first 100 words


def strip_punctuation(text: str) -> str:
    """remove_punctuation(text, rm_apostrophe=False): keep letters, digits and contractions' apostrophes."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))


@functools.lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's English Dale-Chall easy-word list, read without importing textstat."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the textstat package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


@dataclass
class TokenCounts:
    """Sums over the text's tokens, each named after the textstat count it reproduces."""

    tokens: int = 0  # count_words(rm_punctuation=False)
    characters: int = 0  # count_chars(ignore_spaces=True)
    letters: int = 0  # count_letters
    words: int = 0  # count_words
    syllables: int = 0  # count_syllables
    polysyllables: int = 0  # count_polysyllable_words
    hard_words: int = 0  # count_difficult_words(syllable_threshold=3), for Gunning fog
    unfamiliar_words: int = 0  # count_difficult_words(syllable_threshold=0), for Dale-Chall


# Memos of pure functions of one word or token, kept across texts so that checking many
# articles measures their shared vocabulary once; bounded, so memory stays flat.
_MEMO = 1 << 16


@functools.lru_cache(maxsize=_MEMO)
def _syllables_of_word(word: str) -> int:
    return word_syllables(word)


@functools.lru_cache(maxsize=_MEMO)
def text_syllables(text: str) -> int:
    """count_syllables(text): strip punctuation, lower-case, then sum the words' syllables."""
    return sum(_syllables_of_word(word) for word in strip_punctuation(text).lower().split())


@functools.lru_cache(maxsize=_MEMO)
def _measure(token: str) -> tuple[int, int, int, int, int, int, int]:
    """What one whitespace-free token adds: characters, letters, then (0 or 1 each, or a count)
    word, syllables, polysyllable, unfamiliar word, hard word."""
    letters = len(_PUNCTUATION.sub("", token))
    word = strip_punctuation(token)
    if not word:
        return len(token), letters, 0, 0, 0, 0, 0
    syllables = _syllables_of_word(word.lower())  # count_syllables(text): no second strip here
    polysyllable = int(text_syllables(word) >= 3)
    lowered = word.lower()  # is_difficult_word: lower-case, then the easy list, then syllables
    unfamiliar = int(len(word.split()) == 1 and lowered not in easy_words())
    hard = int(bool(unfamiliar) and text_syllables(lowered) >= 3)
    return len(token), letters, 1, syllables, polysyllable, unfamiliar, hard


def token_counts(text: str) -> TokenCounts:
    """Count every token of the text once per distinct spelling, reading it in slices."""
    occurrences: Counter[str] = Counter()
    start = 0
    while start < len(text):
        end = start + _SLICE
        if end < len(text):
            space = _SPACE.search(text, end)  # cut at whitespace so no token is split
            end = space.end() if space else len(text)
        occurrences.update(text[start:end].split())
        start = end
    totals = TokenCounts()
    for token, count in occurrences.items():
        characters, letters, word, syllables, polysyllable, unfamiliar, hard = _measure(token)
        totals.tokens += count
        totals.characters += count * characters
        totals.letters += count * letters
        totals.words += count * word
        totals.syllables += count * syllables
        totals.polysyllables += count * polysyllable
        totals.unfamiliar_words += count * unfamiliar
        totals.hard_words += count * hard
    return totals


def count_sentences(text: str) -> int:
    """count_sentences(text): sentences of three or more words (at least one when text is not empty)."""
    if not text:
        return 0
    found = short = 0
    for match in _SENTENCE.finditer(text):
        found += 1
        if _at_most_two_words(match.group()):
            short += 1
    return max(1, found - short)


def _at_most_two_words(sentence: str) -> bool:
    """count_words(sentence) <= 2: a token is a word when it keeps a letter or digit after stripping."""
    tokens = sentence.split()
    if len(tokens) <= 2:
        return True
    words = 0
    for token in tokens:
        if _WORD_CHARACTER.search(token):
            words += 1
            if words > 2:
                return False
    return True


def linsear_write(text: str, totals: TokenCounts) -> float:
    """linsear_write_formula(text, strict_lower=False, strict_upper=True)."""
    if totals.tokens > LINSEAR_WORDS:
        read: list[str] = []
        words: list[str] = []
        for match in _TOKEN.finditer(text):
            read.append(match.group())
            word = strip_punctuation(read[-1])
            if word:
                words.append(word)
                if len(words) >= LINSEAR_WORDS:
                    break
    else:
        read = text.split()
        words = strip_punctuation(text).split()
    easy = difficult = 0
    for word in words:
        syllables = text_syllables(word)
        if syllables >= 3:
            difficult += 1
        elif syllables > 0:
            easy += 1
    try:
        number = float((easy * 1 + difficult * 3) / count_sentences(" ".join(read)))
    except ZeroDivisionError:
        return 0.0
    if number <= 20:
        number -= 2
    return number / 2
