"""`translated-particle`: the particle of a family name translated as an English word ("By Battista" for Di Battista).

Italian, Spanish, French, Portuguese, Dutch and German family names carry a particle (Di Maio, de
Guindos, Le Pen, van Gaal, von der Leyen). An engine that takes the particle for a preposition or an
article translates it ("By Maio", "Of Guindos", "from the Leyen"), and the reader no longer
recognises the name. The evidence is the article's own usage: a family name written with its
particle somewhere is reported where the same name stands after an English preposition or article
that the particle would translate, capitalised as the particle was ("By Battista") or as a lower-case
article directly before the name ("the Leyen"). A name the article never writes with a particle is
left alone.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import matches_at, token_starts
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement

KIND = "translated-particle"
OPTIONS = (
    Option("particles", STRINGS, "Name particles, as written before a family name (Di, de, van, von der).", required=True),
    Option("translations", STRINGS, "English words an engine puts for a particle (By, Of, From, the).", required=True),
)
REPLACEMENT = Replacement.COMPUTED
_NAME = r"\p{Lu}[\p{Ll}\p{M}]{2,}(?:-\p{Lu}[\p{Ll}\p{M}]+)?"


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the particle and translation patterns once and return the checker."""
    particles = sorted(rule.options["particles"], key=len, reverse=True)
    words = sorted(rule.options["translations"], key=len, reverse=True)
    with_particle = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'’-])(?P<particle>{'|'.join(map(_spaced, particles))})[ \t]+(?P<name>{_NAME})(?![\p{{L}}\p{{M}}])"
    )
    translations = [w[:1].upper() + w[1:] for w in words] + [
        w.lower() for w in words if w.lower() == "the" or " the" in w.lower()]
    translated = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'’-])(?P<words>{'|'.join(map(_spaced, translations))})[ \t]+(?P<name>{_NAME})(?![\p{{L}}\p{{M}}])"
    )
    # Both patterns open with a whole word from these: they are tried only where one stands.
    particle_starts, translation_starts = _first_words(particles), _first_words(translations)

    def check(doc: Document) -> Iterator[Hit]:
        written: dict[str, Counter[str]] = {}
        for match in matches_at(with_particle, doc.text, token_starts(doc, particle_starts)):
            written.setdefault(match.group("name"), Counter())[match.group("particle")] += 1
        if not written:
            return
        for match in matches_at(translated, doc.text, token_starts(doc, translation_starts)):
            forms = written.get(match.group("name"))
            if forms is None or _followed_by_name(doc.text, match.end()):
                continue
            particle = forms.most_common(1)[0][0]
            if doc.is_sentence_start(match.start()):
                particle = particle[:1].upper() + particle[1:]
            yield Hit(match.start("words"), match.end("words"), (particle,),
                      message=f"“{match.group()}” looks like “{particle} {match.group('name')}” with the particle translated.")

    return check


def _spaced(phrase: str) -> str:
    """A phrase as a pattern whose spaces match any run of blanks."""
    return r"[ \t]+".join(regex.escape(part) for part in phrase.split())


def _first_words(phrases: list[str]) -> frozenset[str]:
    """The first word of each phrase."""
    return frozenset(phrase.split()[0] for phrase in phrases)


def _followed_by_name(text: str, end: int) -> bool:
    """True when another capitalised word follows: "The Battista Foundation" is a name of its own."""
    return bool(regex.match(r"[ \t]+\p{Lu}", text[end : end + 3]))
