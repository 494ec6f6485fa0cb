"""Readability scores identical to textstat 0.7.13's, computed in one pass over the words.

textstat is the reference (tests/test_readability.py compares every figure with it), but it
is not imported here: its formulas recompute whole-text word lists for every score, and its
syllable lookup needs NLTK's downloader. `cleaner.textstats` gathers the counts once, with
memory that follows the vocabulary; the formulas below are textstat's, term for term, so the
floating-point results are the same.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from cleaner.textstats import TokenCounts, count_sentences, linsear_write, token_counts

@dataclass(frozen=True)
class Readability:
    """The standard readability figures for one text."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall: float
    text_standard: str
    words: int
    sentences: int

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as a plain dict for JSON output."""
        return asdict(self)


FIELDS = tuple(Readability.__dataclass_fields__)

_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall": "Dale-Chall",
    "text_standard": "Text standard",
    "words": "Words",
    "sentences": "Sentences",
}


def label(field_name: str) -> str:
    """Return the human name of a readability field."""
    return _LABELS[field_name]


def score(text: str) -> Readability:
    """Compute readability for `text`; an empty text scores zeros rather than failing."""
    if text.isspace() or not text:  # (not text.strip(): that would copy a large text)
        return Readability(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, "", 0, 0)
    totals = token_counts(text)
    sentences = count_sentences(text)
    grades = _Grades(totals, sentences)
    standard = _text_standard(grades, linsear_write(text, totals))
    return Readability(
        flesch_reading_ease=round(grades.flesch_reading_ease(), 2),
        flesch_kincaid_grade=round(grades.flesch_kincaid_grade(), 2),
        gunning_fog=round(grades.gunning_fog(), 2),
        smog_index=round(grades.smog_index(), 2),
        coleman_liau_index=round(grades.coleman_liau_index(), 2),
        automated_readability_index=round(grades.automated_readability_index(), 2),
        dale_chall=round(grades.dale_chall(), 2),
        text_standard=standard,
        words=totals.words,
        sentences=sentences,
    )


def preload() -> None:
    """Load the word tables now (before worker processes fork, so that they share them)."""
    from cleaner import hyphenation, syllables, textstats

    syllables.dictionary_count("a")
    hyphenation.patterns()
    textstats.easy_words()


def _ratio(numerator: float, denominator: float) -> float:
    """textstat's guarded division: 0.0 when the denominator is zero."""
    try:
        return numerator / denominator
    except ZeroDivisionError:
        return 0.0


@dataclass(frozen=True)
class _Grades:
    """textstat's English formulas over the gathered counts (en_US configuration)."""

    counts: TokenCounts
    sentences: int

    def words_per_sentence(self) -> float:
        return _ratio(self.counts.words, self.sentences)

    def syllables_per_word(self) -> float:
        return _ratio(self.counts.syllables, self.counts.words)

    def flesch_reading_ease(self) -> float:
        sentence_length, syllables = self.words_per_sentence(), self.syllables_per_word()
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return 206.835 - 1.015 * sentence_length - 84.6 * syllables

    def flesch_kincaid_grade(self) -> float:
        sentence_length, syllables = self.words_per_sentence(), self.syllables_per_word()
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return 0.39 * sentence_length + 11.8 * syllables - 15.59

    def gunning_fog(self) -> float:
        try:
            per_diff_words = 100 * self.counts.hard_words / self.counts.words
        except ZeroDivisionError:
            return 0.0
        return 0.4 * (self.words_per_sentence() + per_diff_words)

    def smog_index(self) -> float:
        try:
            return 1.043 * (30 * (self.counts.polysyllables / self.sentences)) ** 0.5 + 3.1291
        except ZeroDivisionError:
            return 0.0

    def coleman_liau_index(self) -> float:
        letters = _ratio(self.counts.letters, self.counts.words) * 100
        sentences = _ratio(self.sentences, self.counts.words) * 100
        if letters == 0 or sentences == 0:
            return 0.0
        return 0.058 * letters - 0.296 * sentences - 15.8

    def automated_readability_index(self) -> float:
        a, b = _ratio(self.counts.characters, self.counts.tokens), self.words_per_sentence()
        if a == 0 or b == 0:
            return 0.0
        return 4.71 * a + 0.5 * b - 21.43

    def dale_chall(self) -> float:
        try:
            per_difficult_words = 100 * self.counts.unfamiliar_words / self.counts.words
        except ZeroDivisionError:
            return 0.0
        score = 0.1579 * per_difficult_words + 0.0496 * self.words_per_sentence()
        if per_difficult_words > 5:
            score += 3.6365
        return score


def _text_standard(grades: _Grades, linsear: float) -> str:
    """textstat's text_standard(): the grade most formulas agree on, clamped to 1-18, as words."""
    value = grades.flesch_kincaid_grade()
    votes = [math.floor(value), math.ceil(value), round(value), *_ease_grades(grades.flesch_reading_ease())]
    for value in (grades.smog_index(), grades.coleman_liau_index(), grades.automated_readability_index(),
                  grades.dale_chall(), linsear, grades.gunning_fog()):
        votes.extend([math.floor(value), math.ceil(value), round(value)])
    standard = max(1, min(float(Counter(votes).most_common(1)[0][0]), 18))
    lower = int(standard) - 1
    return f"{lower}{_suffix(lower)} and {lower + 1}{_suffix(lower + 1)} grade"


def _ease_grades(ease: float) -> list[int]:
    """The grades text_standard() reads off a Flesch reading ease score."""
    for floor, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])):
        if floor <= ease < floor + 10:
            return grades
    return [13]


def _suffix(grade: int) -> str:
    """English ordinal suffix, as textstat's get_grade_suffix()."""
    if grade % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(grade % 10, "th")


def delta(before: Readability, after: Readability) -> dict[str, float]:
    """Return after-minus-before for every numeric score."""
    out: dict[str, float] = {}
    for name in FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if isinstance(old, (int, float)) and isinstance(new, (int, float)):
            out[name] = round(new - old, 2)
    return out
