"""Closed word classes the rules share: function words, reporting verbs, calendar words."""

from __future__ import annotations

import functools

import regex

from cleaner import gazetteer

MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Lower-case closed-class words (articles, prepositions, pronouns, auxiliaries...)."""
    data = gazetteer.load("function-words")
    return frozenset(word for group in data.values() for word in group)


@functools.lru_cache(maxsize=1)
def function_word_groups() -> dict[str, frozenset[str]]:
    """Each closed class by name (articles, prepositions, conjunctions, pronouns, ...)."""
    return {name: frozenset(words) for name, words in gazetteer.load("function-words").items()}


@functools.lru_cache(maxsize=8)
def reporting_verbs(tense: str = "any") -> frozenset[str]:
    """Lower-case reporting verbs in the forms that end an attribution (said, says, explained ...); `tense` "past" or "present" for one form,
    "inverted-past" or "inverted-present" for the verbs that report speech only inverted after a quotation (confides,
    whispered), "also-nouns" for the forms that are also plural nouns (reports, notes)."""
    data = gazetteer.load("reporting-verbs")
    if tense in ("past", "present", "inverted-past", "inverted-present", "also-nouns"):
        return frozenset(data[tense])
    return frozenset(data["past"]) | frozenset(data["present"])


def is_function_word(word: str) -> bool:
    """True for a closed-class word in any capitalisation."""
    return word.lower() in function_words()


# The first-person words the speech rules look for ("I" only capitalised, the others in either case).
FIRST_PERSON = ("I", "me", "my", "we", "us", "our")


@functools.lru_cache(maxsize=8)
def first_person_pattern(*extra: str, contracted: bool = False) -> regex.Pattern[str]:
    """A whole-word match of a first-person word (and of `extra` words, "ours", "you"), not inside a word,
    in either case but for "I"; the word of a contraction ("I’m", "we’re") matches only if `contracted`."""
    forms = "|".join(w if w == "I" else f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in (*FIRST_PERSON, *extra))
    after = r"\p{L}\p{N}-" if contracted else r"\p{L}\p{N}’'-"
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}’'-])(?:{forms})(?![{after}])")
