"""`compound-consistency`: country compounds that mix forms ("Russian-Ukraine war").

A compound of two countries before a generic noun (war, talks, border...) should use one
form for both parts: country names ("Russia-Ukraine war") or adjectives ("Russian-Ukrainian
war"). A mixed form is always reported, with the form the article mostly uses (country names
on a tie) and the noun in lower case. When an article uses both consistent forms for the
same pair, the less common one is reported as a suggestion. Headlines and bylines are never
reported, but their forms count. Named wars ("Iran-Iraq War") are left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, Mapping

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import Document
from cleaner.kinds._support import OptionError, timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import STRING, STRINGS, Option, Replacement

KIND = "compound-consistency"
OPTIONS = (
    Option(
        "gazetteer",
        STRING,
        "`lexicon`: the packaged country table (lexicon.countries(), built from the CIA World Factbook and "
        "countryinfo by scripts/build_lexicon.py); or the name of a data file (`data/NAME.yaml` in the rule's "
        "folder, else in the built-in pack) with `countries` (name -> adjectives) and `aliases` (name -> other names).",
        default="lexicon",
    ),
    Option("nouns", STRINGS, "The generic nouns that end such a compound (war, talks, border...).", required=True),
    Option("named", STRINGS, "Compounds that are proper names, compared case-insensitively.", default=()),
)
REPLACEMENT = Replacement.COMPUTED


_DASH = regex.compile(r"(?<=[\p{L}.])[-–](?=\p{Lu})")


@dataclass(frozen=True)
class _Part:
    country: str
    adjective: bool


@dataclass(frozen=True)
class _Use:
    start: int
    end: int
    first: str  # surface of the first part
    second: str
    dash: str
    gap: str
    noun: str
    parts: tuple[_Part, _Part]

    @property
    def style(self) -> str:
        """country, adjective or mixed."""
        kinds = {p.adjective for p in self.parts}
        return "mixed" if len(kinds) == 2 else ("adjective" if True in kinds else "country")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Index the country words once and return the checker."""
    words, adjectives = _lexicon(rule)
    nouns = rule.options["nouns"]
    if not nouns:
        raise OptionError("nouns", "must list at least one noun")
    named = frozenset(_normal(n) for n in rule.options["named"])
    longest = max(map(len, words))
    # After the second part (looked up in `words`, longest first): the space and the noun, as a whole word.
    tail = regex.compile(rf"(?P<gap>[ \t]+)(?P<noun>(?i:{'|'.join(regex.escape(n) for n in nouns)}))(?![\p{{L}}\p{{N}}-])")

    def check(doc: Document) -> Iterator[Hit]:
        uses = [u for u in _uses(doc.text, tail, words, longest) if _normal(_surface(u)) not in named]
        votes: dict[frozenset[str], Counter[str]] = {}
        for use in uses:
            style = "adjective" if use.style == "adjective" else "country"
            votes.setdefault(_pair(use), Counter())[style] += 1
        for use in uses:
            if doc.in_heading(use.start):
                continue
            tally = votes[_pair(use)]
            majority = "adjective" if tally["adjective"] > tally["country"] else "country"
            if use.style == "mixed":
                yield _mixed_hit(doc, use, majority, adjectives)
            elif use.style != majority and tally[majority]:
                yield _minority_hit(use, majority, adjectives)

    return check


def _lexicon(rule: Rule) -> tuple[Mapping[str, _Part], Mapping[str, str]]:
    """Map every country name, alias and adjective to its part; map each country to its adjective."""
    name = rule.options["gazetteer"]
    if name == "lexicon":
        table = lexicon.countries()
        countries = {c: list(entry.adjectives) for c, entry in table.items() if entry.adjectives}
        aliases = {c: list(entry.aliases) for c, entry in table.items()}
    else:
        countries, aliases = _data_file(name, rule)
    words: dict[str, _Part] = {}
    adjectives: dict[str, str] = {}
    for country, adjs in sorted(countries.items()):
        if not isinstance(adjs, list) or not adjs:
            raise OptionError("gazetteer", f"'{name}': {country} needs a list of adjectives")
        words.setdefault(str(country), _Part(str(country), False))
        for adj in adjs:
            words.setdefault(str(adj), _Part(str(country), True))
        adjectives[str(country)] = str(adjs[0])
    for country, others in sorted(aliases.items()):
        for other in others or ():
            words.setdefault(str(other), _Part(str(country), False))
    return words, adjectives


def _data_file(name: str, rule: Rule) -> tuple[dict, dict]:
    try:
        data = gazetteer.load(name, rule)
    except ValueError as exc:
        raise OptionError("gazetteer", str(exc)) from None
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, dict) or not countries:
        raise OptionError("gazetteer", f"'{name}' needs a `countries` mapping of name -> adjectives")
    return countries, data.get("aliases") or {}


def _uses(text: str, tail: regex.Pattern[str], words: Mapping[str, _Part], longest: int) -> Iterator[_Use]:
    """Compounds found from their dash: only a dash between a letter and a capital can join two names,
    so the names are looked up at those few places instead of at every position of the text."""
    for dash in _DASH.finditer(text, timeout=timeout_for(text)):
        found = _name_after(text, dash.end(), words, longest, tail)
        first = _name_before(text, dash.start(), words, longest) if found else None
        if first is None:
            continue
        second, m = found  # type: ignore[misc]
        parts = (words[first], words[second])
        if parts[0].country != parts[1].country:
            start = dash.start() - len(first)
            yield _Use(start, m.end(), first, second, dash.group(), m.group("gap"), m.group("noun"), parts)


def _name_after(text: str, start: int, words: Mapping[str, _Part], longest: int,
                tail: regex.Pattern[str]) -> tuple[str, regex.Match[str]] | None:
    """The longest listed name at `start` that a space and a noun follow, with that tail's match
    (a dictionary lookup per length: an alternation of 900 escaped names cost more than most checks)."""
    for size in range(min(longest, len(text) - start), 0, -1):
        name = text[start : start + size]
        if name in words and (m := tail.match(text, start + size, timeout=timeout_for(text))):
            return name, m
    return None


def _name_before(text: str, end: int, words: Mapping[str, _Part], longest: int) -> str | None:
    """The longest listed name that ends at `end` and starts a word."""
    window = text[max(0, end - longest) : end]
    best = None
    for start in range(len(window)):
        if window[start] in " \t" or (start and window[start - 1] not in " \t\n"):
            continue
        if window[start:] in words:
            best = window[start:]
            break
    if best is None:
        return None
    before = end - len(best)
    if before > 0 and (text[before - 1].isalnum() or text[before - 1] in ".’'-"):
        return None
    return best


def _mixed_hit(doc: Document, use: _Use, majority: str, adjectives: Mapping[str, str]) -> Hit:
    adjective, country = (use.first, use.second) if use.parts[0].adjective else (use.second, use.first)
    message = f"“{_surface(use)}” mixes an adjective ({adjective}) with a country name ({country})."
    replacement = _form(use, majority, adjectives, use.noun.lower())
    # Inside a quotation the speaker's words are edited only after review.
    safety = Safety.SUGGEST if doc.in_quote(use.start) else None
    return Hit(use.start, use.end, (replacement,), message=message, safety=safety)


def _minority_hit(use: _Use, majority: str, adjectives: Mapping[str, str]) -> Hit:
    replacement = _form(use, majority, adjectives, use.noun)
    message = f"“{_surface(use)}” differs from the form this article mostly uses, “{replacement}”."
    return Hit(use.start, use.end, (replacement,), message=message, safety=Safety.SUGGEST)


def _form(use: _Use, style: str, adjectives: Mapping[str, str], noun: str) -> str:
    """The compound with both parts in `style`, keeping each part's spelling where it fits."""
    parts = []
    for surface, part in zip((use.first, use.second), use.parts):
        if style == "adjective":
            parts.append(surface if part.adjective else adjectives[part.country])
        else:
            parts.append(part.country if part.adjective else surface)
    return f"{parts[0]}{use.dash}{parts[1]}{use.gap}{noun}"


def _surface(use: _Use) -> str:
    return f"{use.first}{use.dash}{use.second}{use.gap}{use.noun}"


def _pair(use: _Use) -> frozenset[str]:
    return frozenset(p.country for p in use.parts)


def _normal(text: str) -> str:
    return regex.sub(r"\s+", " ", text.replace("–", "-")).lower()
