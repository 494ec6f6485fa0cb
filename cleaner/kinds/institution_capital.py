"""`institution-capital`: a generic institutional reference capitalised as the source language does.

Spanish, French, Italian and Portuguese capitalise generic references to institutions and the
offices that lead them (el Ejecutivo, l'exécutif, l'Esecutivo, o Executivo; el jefe del Estado, le
chef de l'État, il capo dello Stato). Engines carry the capitals over: `the Executive will review
the plan`, `said the Head of State`. English news writes these in lower case (the executive, the
head of state). The kind reports a configured phrase (`phrases`) where it stands as a generic
reference, not as part of a longer name:

- the word before it is not a capitalised word of a name ("Chief Executive", "Northern Ireland
  Executive"); a nationality adjective does not make a name ("the British Executive");
- no capitalised word follows it ("Executive Yuan", "Head of State Emmanuel Macron");
- a one-word phrase that is also an adjective is not followed by the noun it qualifies ("the
  Executive board", "Executive order"): only by a function word, a verb form or punctuation;
- the article never writes the phrase after a place name, which would make it that place's body.

A phrase of several words capitalised throughout ("the Head of State") may be the article's house style:
formal copy (a presidency's communiqué) capitalises every office it names. Where the article also
capitalises one of the `house-style` references as a generic reference ("the Government", "the
President of the Republic": after "the", no capitalised word after it), such a phrase is left alone;
an article that writes "the prime minister" and "the Head of State" mixes two styles. A phrase whose
own words mix the cases ("the head of State", `phrases` lists them) is the slip in any style; nor is it
a name when "of" and a capitalised word follow it ("the head of State of Qatar").
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement
from cleaner.wordclass import function_words, reporting_verbs

KIND = "institution-capital"
OPTIONS = (
    Option("phrases", STRINGS, "Generic institutional references, as the source capitalises them (Head of State).", required=True),
    Option("house-style", STRINGS, "Generic references (Government, President) whose capital after \"the\" shows that the "
           "article capitalises offices as its house style: then a phrase of several words capitalised throughout is left alone.",
           default=()),
)
REPLACEMENT = Replacement.COMPUTED

_OF_NAME = regex.compile(r" of (?:the )?\p{Lu}")
_NEXT_WORD = regex.compile(r"[ \t]*([\p{L}\p{M}’'-]+|\S)?")
_PREVIOUS_WORD = regex.compile(r"([\p{L}\p{M}’'-]+)[ \t]*$")
# Endings of the verb forms that follow a subject: "the Executive approves / announced / has".
_VERB_ENDINGS = ("s", "ed")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the phrases once and return the checker."""
    phrases = sorted(rule.options["phrases"], key=len, reverse=True)
    alternatives = "|".join(regex.escape(p) for p in phrases)
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}’'-])(?:{alternatives})(?![\p{{L}}\p{{M}}\p{{N}}-])")
    styled = sorted(rule.options["house-style"], key=len, reverse=True)
    styled_words = "|".join(regex.escape(p) for p in styled)
    # "the Government" after a lower-case word or a comma, with no possessive and no name after it.
    style = regex.compile(rf"(?<=[\p{{Ll}},;] the )(?:{styled_words})(?![\p{{L}}\p{{M}}\p{{N}}’'-])(?! \p{{Lu}})") if styled else None
    return lambda doc: _check(doc, pattern, style)


def _check(doc: Document, pattern: regex.Pattern[str], style: regex.Pattern[str] | None) -> Iterator[Hit]:
    text = doc.text
    matches = list(pattern.finditer(text))
    named = {m.group() for m in matches if _after_place(text, m.start())}
    house_style = style is not None and bool(matches) and style.search(text) is not None
    for match in matches:
        phrase = match.group()
        if phrase in named or doc.in_heading(match.start()) or doc.is_sentence_start(match.start()):
            continue
        if _inside_name(text, match.start()) or not _free_after(text, match.end(), " " not in phrase):
            continue
        if " " in phrase and (_OF_NAME.match(text, match.end()) or (house_style and _title_case(phrase))):
            continue  # "head of State of Qatar"; "the Head of State" beside "the Government": the article's style
        yield Hit(match.start(), match.end(), (phrase.lower(),),
                  message=f"“{phrase}” is a generic reference that English writes in lower case.")


def _title_case(phrase: str) -> bool:
    """True when every word of the phrase but its "of" and "the" is capitalised ("Head of State", not "head of State")."""
    return all(word[:1].isupper() for word in phrase.split() if word not in ("of", "the"))


def _previous(text: str, start: int) -> str:
    found = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _after_place(text: str, start: int) -> bool:
    """True when a place name stands right before the phrase ("Northern Ireland Executive")."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return any(before.endswith(place) for place in _tail_candidates(before))


def _tail_candidates(before: str) -> list[str]:
    words = before.split()
    tails = [" ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n]
    return [t for t in tails if t in lexicon.places()]


def _inside_name(text: str, start: int) -> bool:
    """True when the word before is a capitalised word of a name, not "The" or a nationality."""
    previous = _previous(text, start)
    if not previous[:1].isupper():
        return False
    return previous.lower() not in function_words() and previous not in lexicon.demonyms()


def _free_after(text: str, end: int, adjective: bool) -> bool:
    """True when no capitalised word follows, and (for a one-word phrase) no noun it could qualify."""
    following = _NEXT_WORD.match(text, end).group(1) or ""
    if following[:1].isupper():
        return False
    if not adjective or not following[:1].isalpha():
        return True
    if following.endswith(("’s", "'s")) or following in function_words() or following in reporting_verbs():
        return True
    return following.endswith(_VERB_ENDINGS + ("ly",))
