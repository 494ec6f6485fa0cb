"""`indirect-first-person`: reported speech that keeps its speaker's own "I" or "we" after "said that".

Urdu, Hindi, Bengali, Persian, Arabic and Thai report speech with the speaker's own words after a
complementiser ("ne kaha ki main ..."); translated word for word it gives "The minister said that I
never asked for the post", where English shifts the person ("that he had never"). The kind reports
a first-person subject right after a past-tense reporting verb (rules/data/reporting-verbs.yaml),
optionally with its listener and occasion ("told reporters after the talks"), and "that", when the words before the verb in its
sentence have no first or second person (so the speaker is a third person, not "I said that I" or "my
editor told me that I"), outside quotations and headings; with it, every later first-person subject of
the same sentence (the rest of the speaker's words). An article whose own voice is first person (more
than `max-own` sentences with first person outside quotations, other than such reported sentences: a column, a
memoir, a speech) is left alone, since there "she said that I" is the writer.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner.document import Document, Span
from cleaner.kinds.first_person import first_person_outside_quotes
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import first_person_pattern, reporting_verbs

KIND = "indirect-first-person"
OPTIONS = (
    Option("max-own", INTEGER, "Sentences in the article's own first person, at most, for reported copy.", default=2),
)
REPLACEMENT = Replacement.NONE

_SUBJECTS = r"I|[Ww]e|I[’']m|I[’']ve|I[’']ll|I[’']d|[Ww]e[’']re|[Ww]e[’']ve|[Ww]e[’']ll"
_SUBJECT = regex.compile(rf"(?<![\p{{L}}’'])(?:{_SUBJECTS})(?![\p{{L}}’'])")
_VOICED = first_person_pattern("you", "your")
# "that" and a first-person subject: the cheap scan; the verb before it is matched in a short window.
_THAT = regex.compile(rf"(?<=[ \t,])that[ \t]+(?P<subject>{_SUBJECTS})(?![\p{{L}}’'])")


@functools.lru_cache(maxsize=1)
def _verb_before() -> regex.Pattern:
    verbs = "|".join(sorted(reporting_verbs("past"), key=len, reverse=True))
    # The listener and the occasion: "told reporters", "said on Monday", "told the media after the meeting".
    listener = r"(?:[ \t]+\p{L}+(?:[ \t]+\p{L}+){0,4}?)?"
    return regex.compile(rf"(?<![\p{{L}}])(?P<verb>{verbs}){listener},?[ \t]+$")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    max_own = rule.options["max-own"]
    return lambda doc: _check(doc, max_own)


def _check(doc: Document, max_own: int) -> Iterator[Hit]:
    reported: list[tuple[Span, int]] = []
    for that in _THAT.finditer(doc.text):
        start = that.start("subject")
        verb = _verb_before().search(doc.text, max(0, that.start() - 60), that.start())
        sentence = doc.sentence_at(start) if verb else None
        if sentence is None or doc.in_quote(start) or doc.in_quote(verb.start()) or doc.in_heading(start):
            continue
        if _VOICED.search(doc.text, sentence.start, start) is None:
            reported.append((sentence, start))
    if not reported:
        return
    # The article's own voice, by sentence: a column says "I" in many sentences, a report in none or one.
    own = {doc.sentence_at(w.start) for w in first_person_outside_quotes(doc)}
    if len(own - {sentence for sentence, _ in reported} - {None}) > max_own:
        return
    seen: set[int] = set()
    for sentence, start in reported:
        for subject in _SUBJECT.finditer(doc.text, start, sentence.end):
            if subject.start() not in seen and not doc.in_quote(subject.start()):
                seen.add(subject.start())
                yield Hit(subject.start(), subject.end(), message=f"“{subject.group()}” after a reporting verb and "
                          "“that” keeps the speaker's own person; reported speech takes the third person "
                          "(“he said that he had”).")
