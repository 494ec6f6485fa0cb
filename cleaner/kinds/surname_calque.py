"""`surname-calque`: a surname translated literally ("the king" for Wang) and used for the person.

Machine translation through Japanese or Korean sometimes renders a Chinese, Japanese or
Korean surname by the meaning of its character: Wang Yi becomes "the king", Lin becomes
"the forest". The kind looks at the whole document: it fires only when the article names
a person with that surname and the noun never has a real referent elsewhere.

The same noun before a pinyin given name ("horse Jianguo", "Stone Wenbo") is the family name
translated while the given name was kept: cleaner.kinds._calque_given reports it, with the family
name the article writes before that given name elsewhere, or the table's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Mapping

import regex

from cleaner import gazetteer
from cleaner.document import Document
from cleaner.kinds._calque_given import given_calques
from cleaner.kinds._support import OptionError, PhraseStarts, matches_at, timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import STRING, STRINGS, WORD_LISTS, Option, Replacement

KIND = "surname-calque"
OPTIONS = (
    Option(
        "gazetteer",
        STRING,
        "Data file (`data/NAME.yaml` in the rule's folder, else in the built-in pack) mapping "
        "surname -> {chars, nouns}.",
        default="surnames",
    ),
    Option("verbs", STRINGS, "Verbs that make \"the <noun>\" a person (\"The king said\", \"the king met\").", required=True),
    Option("auxiliaries", STRINGS, "Words allowed between the noun and the verb (\"The king also met\").", default=()),
    Option("possessed", STRINGS, "Nouns that make a possessive a person reference (\"the king’s visit\").", default=()),
    Option(
        "referents",
        WORD_LISTS,
        "Noun -> related words; any of them in the text gives the noun a real referent (\"Queen\", "
        "\"palace\" for king) and silences the rule for that noun.",
        default={},
    ),
)
REPLACEMENT = Replacement.COMPUTED

_CAP_WORD = r"\p{Lu}[\p{L}’'.-]*"
# Compiled once: the helpers below run for every noun occurrence in the text.
_CAP_AFTER = regex.compile(rf"[ \t]+({_CAP_WORD})")
_CAP_BEFORE = regex.compile(rf"({_CAP_WORD})[ \t]+$")
_ARTICLE = regex.compile(r"(?<![\p{L}\p{N}])[Tt]he\s+$")
_BLANKS = regex.compile(r"\s+")
# Capitalised words that open sentences rather than names, so they do not make a name sequence.
_NOT_NAME = frozenset(
    "The A An In On At For But And As By To With From Of When While After Before If Meanwhile "
    "However His Her Its Their Our This That These Those".split()
)
# "Stephen King", "Burger King": the noun is part of somebody's name; "Jr." does not make it a title.
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr"})


@dataclass(frozen=True)
class _Tables:
    surnames: Mapping[str, tuple[str, tuple[str, ...]]]  # surname -> (chars, nouns)
    nouns: Mapping[str, tuple[str, ...]]  # lower-case noun -> surnames
    related: Mapping[str, str]  # lower-case related word -> noun


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the noun scan and the person-reference tail once."""
    tables = _tables(rule)
    verbs = rule.options["verbs"]
    if not verbs:
        raise OptionError("verbs", "must list at least one verb")
    aux = rule.options["auxiliaries"]
    possessed = rule.options["possessed"]
    nouns = _alternation(tables.nouns, spaced=True)
    noun_re = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?P<noun>{nouns})(?P<plural>e?s)?(?![\p{{L}}\p{{N}}])", regex.IGNORECASE
    )
    aux_part = rf"(?:\s+(?:{_alternation(aux)})){{0,2}}" if aux else ""
    poss_part = rf"|[’']s\s+(?:{_alternation(possessed)})" if possessed else ""
    tail_re = regex.compile(rf"(?:{aux_part}\s+(?:{_alternation(verbs)}){poss_part})(?![\p{{L}}\p{{N}}])")
    surname_re = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_alternation(tables.surnames)})(?![\p{{L}}\p{{N}}])")
    related_re = (
        regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_alternation(tables.related)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
        if tables.related
        else None
    )

    # The noun and referent patterns open with a look-behind and a case-blind alternation, which the
    # regex engine tries at every position of the text: they are tried only where a table word stands.
    noun_starts = PhraseStarts(tables.nouns, suffixes=("", "s", "es"))  # the pattern's (?P<plural>e?s)?
    related_starts = PhraseStarts(tables.related)

    person_words = frozenset(verbs) | frozenset(aux)  # what may follow a person's given name
    one_word = frozenset(form for noun in tables.nouns if " " not in noun for form in (noun, noun.capitalize()))
    chars_of = {surname: chars for surname, (chars, _) in tables.surnames.items()}

    def check(doc: Document) -> Iterator[Hit]:
        text, timeout = doc.text, timeout_for(doc.text)
        related = matches_at(related_re, text, related_starts.starts(doc)) if related_re else ()
        real = {tables.related[m.group(0).lower()] for m in related}
        # The given-name form needs no named surname: the pinyin given name after the noun is the evidence.
        yield from given_calques(doc, one_word, tables.nouns, chars_of, frozenset(real), person_words)
        named = _named_surnames(text, surname_re, timeout)
        if not named:
            return
        candidates: list[tuple[int, int, str]] = []
        for match in matches_at(noun_re, text, noun_starts.starts(doc)):
            noun = _BLANKS.sub(" ", match.group("noun").lower())
            article = _article_before(text, match.start())
            if not match.group("plural") and article is not None and tail_re.match(text, match.end()):
                candidates.append((article, match.end("noun"), noun))
            elif not _inside_name(text, match.start(), match.end()):
                real.add(noun)  # the noun is used as a noun somewhere: it has a referent
        for start, end, noun in candidates:
            owners = [s for s in named if s in tables.nouns[noun]]
            if noun in real or not owners:
                continue
            chars = tables.surnames[owners[0]][0]
            phrase = text[start:end]
            yield Hit(
                start,
                end,
                tuple(owners),
                message=f"“{phrase}” may be the surname {owners[0]} translated literally ({chars} means {noun}).",
                safety=Safety.SUGGEST if len(owners) > 1 else None,
            )

    return check


def _tables(rule: Rule) -> _Tables:
    name = rule.options["gazetteer"]
    try:
        data = gazetteer.load(name, rule)
    except ValueError as exc:
        raise OptionError("gazetteer", str(exc)) from None
    if not isinstance(data, dict) or not data:
        raise OptionError("gazetteer", f"'{name}' must map surnames to {{chars, nouns}}")
    surnames: dict[str, tuple[str, tuple[str, ...]]] = {}
    nouns: dict[str, tuple[str, ...]] = {}
    for surname, entry in data.items():
        words = entry.get("nouns") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise OptionError("gazetteer", f"'{name}': {surname} needs a list of nouns")
        surnames[str(surname)] = (str(entry.get("chars", surname)), tuple(w.lower() for w in words))
        for word in words:
            nouns[word.lower()] = nouns.get(word.lower(), ()) + (str(surname),)
    referents = rule.options["referents"]
    related: dict[str, str] = {}
    for noun, words in referents.items():
        if str(noun).lower() not in nouns or not isinstance(words, list):
            raise OptionError("referents", f"'{noun}' must be a gazetteer noun with a list of words")
        related.update({str(w).lower(): str(noun).lower() for w in words})
    return _Tables(surnames, nouns, related)


def _alternation(words: object, spaced: bool = False) -> str:
    """A regex alternation of the words, longest first; spaces match any run of blanks."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[union-attr]
    escaped = (regex.escape(w) for w in items)
    return "|".join(e.replace(r"\ ", r"\s+") if spaced else e for e in escaped)


def _article_before(text: str, start: int) -> int | None:
    """Return where "the"/"The" begins when it directly precedes `start`, else None."""
    found = _ARTICLE.search(text[max(0, start - 8) : start])
    return max(0, start - 8) + found.start() if found else None


def _named_surnames(text: str, surname_re: regex.Pattern[str], timeout: float) -> list[str]:
    """Surnames that stand in a capitalised name sequence ("Wang Yi", "Minister Wang"), first seen first."""
    named: dict[str, None] = {}
    for match in surname_re.finditer(text, timeout=timeout):
        after = _CAP_AFTER.match(text[match.end() : match.end() + 40])
        before = _CAP_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
        if (after and after.group(1) not in _NOT_NAME) or (before and before.group(1) not in _NOT_NAME):
            named.setdefault(match.group(0))
    return list(named)


def _inside_name(text: str, start: int, end: int) -> bool:
    """True for "Stephen King" or "Burger King": a capitalised noun inside someone else's name."""
    if not text[start].isupper():
        return False
    after = _CAP_AFTER.match(text[end : end + 40])
    if after and after.group(1) not in _SUFFIXES:
        return False  # "King Charles", "Saudi King Salman": a title, so a real king
    before = _CAP_BEFORE.search(text[max(0, start - 40) : start])
    return bool(before and before.group(1) not in _NOT_NAME)
