"""`attribution`: a "Said." cut off from the quotation it belongs to.

Translation through languages that put the verb last leaves the attribution as a
sentence of its own: `crisis.” Ministry of Foreign Affairs of China Said.`

Fields:
- `form`: `speaker` reports a speaker phrase (at most `max-words` capitalised words plus
  of/the/and/for; or "the" and one or two lower-case words; or a pronoun) between a closing
  quotation mark and a sentence-final "Said."/"said.", and merges it into the quotation
  (`crisis,” the Ministry of Foreign Affairs of China said.`);
  `bare` reports a "Said." that follows a closing quotation mark with no speaker at all, and
  proposes deleting it.
- `institutions`: nouns that make a speaker an institution, which takes "the".
- `max-words`: the longest speaker phrase (default 10).
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import OptionError, option, string_list, timeout_for
from cleaner.model import Hit, Rule

KIND = "attribution"
FIELDS = frozenset({"form", "institutions", "max-words"})

_CONNECTORS = frozenset({"of", "the", "and", "for"})
_CAP = r"\p{Lu}[\p{L}’'.&-]*"
_END = r"(?=\s|$)"
_NAMED = rf"(?:The[ \t]+)?{_CAP}(?:[ \t]+(?:of|the|and|for|{_CAP}))*?"
_DESCRIBED = r"[Tt]he[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?"  # "the company", "the foreign ministry"
_SPEAKER = regex.compile(
    rf"(?P<stop>[.,!?])(?P<close>[”\"])[ \t]+(?P<speaker>{_NAMED}|{_DESCRIBED})[ \t]+(?P<verb>[Ss]aid)\.{_END}"
)
_PRONOUNS = frozenset({"He", "She", "They", "We", "It", "You"})
_BARE = regex.compile(rf"(?P<close>[”\"])(?P<gap>[ \t]+)[Ss]aid\.{_END}")


def validate(rule: Rule) -> None:
    """Check the form and the word lists."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = option(rule, "form", "speaker", str)
    if form not in ("speaker", "bare"):
        raise OptionError("form", "must be speaker or bare")
    institutions = frozenset(string_list(rule, "institutions"))
    max_words = option(rule, "max-words", 10, int)
    if form == "bare":
        return _check_bare
    return lambda doc: _check_speaker(doc, institutions, max_words)


def _closes_quote(doc: Document, offset: int) -> bool:
    """Curly closing marks always close; a straight mark must end a paired quotation."""
    return doc.text[offset] == "”" or (doc.in_quote(offset) and not doc.in_quote(offset + 1))


def _check_speaker(doc: Document, institutions: frozenset[str], max_words: int) -> Iterator[Hit]:
    for match in _SPEAKER.finditer(doc.text, timeout=timeout_for(doc.text)):
        words = match.group("speaker").split()
        if len(words) > max_words or words[-1] in _CONNECTORS or not _closes_quote(doc, match.start("close")):
            continue
        stop = match.group("stop")
        speaker = _speaker_phrase(words, institutions)
        replacement = f"{',' if stop == '.' else stop}{match.group('close')} {speaker} said."
        if replacement == match.group(0):
            continue  # already `,” Smith said.`
        yield Hit(
            match.start(),
            match.end(),
            (replacement,),
            message=f"The attribution “{' '.join(words)} {match.group('verb')}.” stands apart from its quotation.",
        )


def _speaker_phrase(words: list[str], institutions: frozenset[str]) -> str:
    """Lower-case a leading "The" or pronoun; add "the" before an institution, not before a person."""
    if words[0] == "The" or (len(words) == 1 and words[0] in _PRONOUNS):
        return " ".join([words[0].lower(), *words[1:]])
    head = []
    for word in words:
        if word in _CONNECTORS:
            break
        head.append(word)
    return " ".join((["the"] if institutions.intersection(head) else []) + words)


def _check_bare(doc: Document) -> Iterator[Hit]:
    for match in _BARE.finditer(doc.text, timeout=timeout_for(doc.text)):
        if _closes_quote(doc, match.start("close")):
            yield Hit(
                match.start("gap"),
                match.end(),
                ("",),
                message="“Said.” after the quotation names no speaker and stands as a sentence of its own.",
            )
