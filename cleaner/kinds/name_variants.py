"""`name-variants`: one person spelled two ways in the same article ("Aldograph Redley" / "Aldgra Fredly").

Names are taken only from person contexts: a byline paragraph of two or three capitalised
words, "<Name> is a ..." at a sentence start, "<title> <Name>", "<Name> said" / "said <Name>",
"<Name>, a/an/the/who ..." and "by <Name>". Every occurrence of those exact names is then counted. Two names are
variants when they have the same number of words, every aligned pair of words is similar
(short words must match exactly), and the whole names are similar. The less frequent
spelling is reported (on a tie, the later one, with a message saying either may be right),
with the other spelling as the suggestion.

Candidate pairs are blocked by (word count, first two letters of the first word) and by
(word count, first two letters of the last word); inside a block, each name is compared with
the next `window` names in sorted order, so the work grows linearly with the number of names.

Fields: `titles`, `stop-words` (words that mark an organisation or place, not a person),
`token-ratio`, `name-ratio`, `given-name-ratio`, `short-token`, `window`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import regex
from rapidfuzz import fuzz

from cleaner.document import Document
from cleaner.kinds._support import OptionError, option, string_list, timeout_for
from cleaner.model import Hit, Rule

KIND = "name-variants"
FIELDS = frozenset(
    {"titles", "stop-words", "token-ratio", "name-ratio", "given-name-ratio", "short-token", "window"}
)

_TOKEN = r"\p{Lu}(?:[’']\p{Lu})?\p{Ll}\p{L}*(?:-\p{L}+)*"
_NAME = rf"{_TOKEN}(?:[ \t]{_TOKEN}){{1,2}}"
# A name starts where no capitalised word precedes it, and ends where no capitalised word follows.
_START = r"(?<![\p{L}\p{N}])(?<!\p{Lu}[\p{L}’'-]{0,40}[ \t])"
_END = rf"(?![ \t]?{_TOKEN})(?![\p{{L}}\p{{N}}])"
_SUFFIXES = frozenset({"Jr", "Sr"})


@dataclass(frozen=True)
class Thresholds:
    """How similar two names must be to count as spellings of one name."""

    token: float = 65.0
    name: float = 75.0
    given: float = 85.0
    short: int = 4


def validate(rule: Rule) -> None:
    """Check the titles, stop words and thresholds."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the person-context patterns once and return the checker."""
    titles = string_list(rule, "titles")
    if not titles:
        raise OptionError("titles", "must list at least one title")
    limits = Thresholds(
        token=float(option(rule, "token-ratio", 65, (int, float))),
        name=float(option(rule, "name-ratio", 75, (int, float))),
        given=float(option(rule, "given-name-ratio", 85, (int, float))),
        short=option(rule, "short-token", 4, int),
    )
    window = option(rule, "window", 16, int)
    if window < 1:
        raise OptionError("window", "must be a positive number")
    patterns = _context_patterns(titles)
    # A title word inside a "name" ("King Charles") means it is not a plain personal name.
    stop = frozenset(string_list(rule, "stop-words")) | {t for t in titles if " " not in t and t[-1] != "."}

    def check(doc: Document) -> Iterator[Hit]:
        names = _person_names(doc, patterns, stop)
        if len(names) < 2:
            return
        spans = _occurrences(doc.text, names)
        groups = variant_groups(sorted(spans), lambda a, b: similar(a, b, limits), window)[0]
        for group in groups:
            # The most frequent spelling is taken as right; on a tie the first one seen is offered,
            # and the message says that either may be the right one.
            keep = min(group, key=lambda n: (-len(spans[n]), spans[n][0]))
            for name in sorted(group - {keep}):
                tie = len(spans[name]) == len(spans[keep])
                message = (
                    f"“{name}” and “{keep}” look like two spellings of one name; check which is right."
                    if tie
                    else f"“{name}” may be a variant spelling of “{keep}” used elsewhere in the article."
                )
                for start, end in spans[name]:
                    yield Hit(start, end, (keep,), message=message)

    return check


def _context_patterns(titles: Iterable[str]) -> tuple[regex.Pattern[str], ...]:
    """Patterns for "<title|said|by> <Name>", "<Name> said" / "<Name>, a ..." and "<Name> is a" (bios)."""
    title_alt = "|".join(regex.escape(t) for t in sorted(titles, key=lambda t: (-len(t), t)))
    lead = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{title_alt}|said|says|by)[ \t]+(?P<name>{_NAME}){_END}")
    said = regex.compile(
        rf"{_START}(?P<name>{_NAME}){_END}(?=,?[ \t]+(?:said|says|told|added)\b|,[ \t]+(?:a|an|the|who)\b)"
    )
    bio = regex.compile(rf"{_START}(?P<name>{_NAME}){_END}(?=[ \t]+is[ \t]+(?:a|an|the)\b)")
    return lead, said, bio


def _person_names(doc: Document, patterns: tuple[regex.Pattern[str], ...], stop: frozenset[str]) -> set[str]:
    """Names that stand in a person context: bylines, bios, titles, attributions."""
    text, found = doc.text, set()
    for para in doc.paragraphs:
        if regex.fullmatch(_NAME, text[para.start : para.end]):
            found.add(text[para.start : para.end])
    lead, said, bio = patterns
    timeout = timeout_for(text)
    found.update(m.group("name") for p in (lead, said) for m in p.finditer(text, timeout=timeout))
    found.update(m.group("name") for m in bio.finditer(text, timeout=timeout) if doc.is_sentence_start(m.start()))
    cleaned = {" ".join(t for t in n.split() if t not in _SUFFIXES) for n in found}
    return {n for n in cleaned if len(n.split()) > 1 and not stop.intersection(n.split())}


def _occurrences(text: str, names: set[str]) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of each exact name as whole words, found in one regex pass.

    The alternation lists longer names first, so "Kim Jong Un" wins over "Kim Jong" where both
    are known; words inside a name may be separated by any run of spaces or tabs.
    """
    if not names:
        return {}
    ordered = sorted(names, key=lambda n: (-len(n), n))
    alternation = "|".join(r"[ \t]+".join(regex.escape(word) for word in name.split()) for name in ordered)
    finder = regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?:{alternation})(?![\p{{L}}\p{{N}}]|-\p{{L}})")
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in finder.finditer(text, timeout=timeout_for(text)):
        spans.setdefault(" ".join(match.group().split()), []).append(match.span())
    return spans


def similar(a: str, b: str, limits: Thresholds = Thresholds()) -> bool:
    """True when two different names are plausibly two spellings of one name."""
    left, right = a.split(), b.split()
    if a == b or len(left) != len(right):
        return False
    differ = [i for i, (x, y) in enumerate(zip(left, right)) if x != y]
    for i in differ:
        x, y = left[i], right[i]
        if min(len(x), len(y)) <= limits.short or fuzz.ratio(x, y) < limits.token:
            return False
        if _inflected(x, y):
            return False  # "Public License" / "Public Licenses", "Edward" / "Edwards": a plural or another name
    if differ == [0] and not _same_given_name(left[0], right[0], limits):
        return False  # same surname, different given names: relatives, not typos
    return fuzz.ratio(a, b) >= limits.name


def _inflected(x: str, y: str) -> bool:
    """True when one word is the other plus a plural or possessive ending."""
    short, long = sorted((x, y), key=len)
    return long[len(short) :] in ("s", "es", "’s", "'s") and long.startswith(short)


def _same_given_name(x: str, y: str, limits: Thresholds) -> bool:
    """Given names differing only by an ending (Daniel/Danielle, Louis/Louise) are two people."""
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and len(long) - len(short) <= 3:
        return False
    return fuzz.ratio(x, y) >= limits.given


def variant_groups(
    names: list[str], is_variant: Callable[[str, str], bool], window: int
) -> tuple[list[set[str]], int]:
    """Group names linked by `is_variant`, comparing only within blocks; return groups and comparisons."""
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    compared: set[tuple[str, str]] = set()
    for block in _blocks(names):
        for i, a in enumerate(block):
            for b in block[i + 1 : i + 1 + window]:
                pair = (a, b) if a < b else (b, a)
                if pair in compared:
                    continue
                compared.add(pair)
                if is_variant(a, b):
                    parent[root(a)] = root(b)
    groups: dict[str, set[str]] = {}
    for n in names:
        groups.setdefault(root(n), set()).add(n)
    return sorted((g for g in groups.values() if len(g) > 1), key=min), len(compared)


def _blocks(names: list[str]) -> list[list[str]]:
    """Blocks keyed by word count and the first two letters of the first or the last word."""
    blocks: dict[tuple[str, int, str], list[str]] = {}
    for name in names:
        tokens = name.lower().split()
        blocks.setdefault(("first", len(tokens), tokens[0][:2]), []).append(name)
        blocks.setdefault(("last", len(tokens), tokens[-1][:2]), []).append(name)
    out = []
    for (side, _, _), members in sorted(blocks.items()):
        # Sort by the blocking word first, so near spellings of it sit next to each other.
        key = (lambda n: n.split()) if side == "first" else (lambda n: n.split()[::-1])
        out.append(sorted(members, key=key))
    return out
