"""Helpers shared by rule kinds: option errors, regex compilation, case handling."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from cleaner.document import Document
from cleaner.model import Rule

# Every pattern runs with a time budget so that a pathological rule cannot hang a run;
# the budget grows with the text so that long documents are still checked in full.
BASE_TIMEOUT_S = 2.0
TIMEOUT_PER_MB_S = 4.0


class OptionError(ValueError):
    """A bad kind-specific option; `field` names the offending rule-file field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def timeout_for(text: str) -> float:
    """Return the regex time budget for a text of this length."""
    return BASE_TIMEOUT_S + TIMEOUT_PER_MB_S * len(text) / 1_000_000


def blank_led(core: regex.Pattern[str], text: str) -> Iterator[tuple[int, regex.Match[str]]]:
    """The matches of `[ \\t]*` + core, each with its start: the spans the longer pattern finds.

    A pattern that may start with blanks is tried at every position of the text; one that starts
    with a bracket is found by a fast search. `core` must not start with a blank.
    """
    done = 0
    for match in core.finditer(text, timeout=timeout_for(text)):
        start = match.start()
        while start > done and text[start - 1] in " \t":
            start -= 1
        done = match.end()
        yield start, match


def compile_pattern(rule: Rule, field: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile the regex in `rule.options[field]`, reporting errors against that field."""
    source = rule.options.get(field)
    if not isinstance(source, str) or not source:
        raise OptionError(field, "must be a non-empty regular expression")
    try:
        return regex.compile(source, flags | regex.VERSION0)
    except regex.error as exc:
        raise OptionError(field, f"invalid regular expression: {exc}") from None


def match_case(replacement: str, original: str) -> str:
    """Give `replacement` the capitalisation pattern of `original` (Title, UPPER or as is)."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


# A number and the letters after it, for the "ordinal-suffix" transform ("4rd" -> "4th").
_ORDINAL = regex.compile(r"(\d+)(?:st|nd|rd|th)")

TRANSFORMS = {
    "lower": str.lower,
    "upper": str.upper,
    "capitalize-first": lambda s: s[:1].upper() + s[1:],
    "lower-first": lambda s: s[:1].lower() + s[1:],
    "capitalize-words": lambda s: regex.sub(r"(?<![\p{L}\p{M}'’])\p{Ll}", lambda m: m.group().upper(), s),
    "ordinal-suffix": lambda s: _ORDINAL.sub(lambda m: m.group(1) + ordinal_suffix(int(m.group(1))), s),
}


def ordinal_suffix(number: int) -> str:
    """The English ordinal suffix of a number: st, nd, rd, or th (11th, 12th and 13th, also in 111th)."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def in_lower_case_paragraph(doc: Document, offset: int) -> bool:
    """True inside a paragraph written without a capital letter (a slogan, a handle list, a leaflet)."""
    para = doc.paragraph_at(offset)
    return para is not None and para.start in doc.shared("lowercase-paragraphs", _lower_case_paragraphs)


def _lower_case_paragraphs(doc: Document) -> frozenset[int]:
    """The starts of the paragraphs written without a capital letter (each paragraph read once)."""
    return frozenset(p.start for p in doc.paragraphs if not any(ch.isupper() for ch in doc.text[p.start : p.end]))


_LETTER_AFTER_DIGIT = regex.compile(r"\p{N}(?=\p{L})")


def token_starts(doc: Document, tokens: frozenset[str]) -> list[int] | None:
    """Where a match that opens with one of `tokens` (as a whole word) can begin, in order.

    The words of the shared stream whose text is one of the tokens, and every letter right after a
    digit: the stream keeps "5de" as one word, but a pattern that only looks behind for letters
    may start inside it. Finding these costs a pass over the word list instead of a regex tried at
    every position of the text.
    """
    if not all(token.isalpha() for token in tokens):
        return None  # a token with a mark or an apostrophe is not one word of the stream: try everywhere
    words = doc.words
    found = [words.starts[i] for i in words.where(tokens)]
    after_digit = doc.shared("letters-after-digits", _letters_after_digits)
    return sorted(found + after_digit) if after_digit else found


def literal_starts(text: str, literals: frozenset[str]) -> list[int]:
    """Every offset where one of `literals` occurs, in order: str.find runs in C at memory speed,
    where a regex opening with an alternation of lower-case words is tried at most positions."""
    found: list[int] = []
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            found.append(at)
            at = text.find(literal, at + 1)
    return sorted(found)


class PhraseStarts:
    r"""Where a case-blind `(?<![\p{L}\p{N}])(?:phrase|...)(?:suffix)?(?![\p{L}\p{N}])` can match, read
    from the token stream when the phrases are plain ASCII words joined by spaces (any blanks in the
    pattern): such a regex, opening with a look-behind and an alternation, is tried at every position
    of the text, where this asks each distinct word once.

    A word of ASCII letters and digits holds a match only from its first letter to its last (letters
    or digits would stand against a match inside it), so its lower-case text must be a one-word phrase
    with a suffix, or a phrase's first word. Any other word (hyphenated, with an apostrophe, a mark, or
    a letter that folds to ASCII, like the Kelvin sign) may hold one wherever a first word begins in it.
    """

    def __init__(self, phrases: Iterable[str], suffixes: Iterable[str] = ("",)) -> None:
        phrases = [p.lower() for p in phrases]
        # Anything else (a digit, an apostrophe in a phrase) may match where no word of the stream starts.
        self.plain = bool(phrases) and all(p.isascii() and all(w.isalpha() for w in p.split(" ")) for p in phrases)
        firsts = {p.split(" ", 1)[0] for p in phrases}
        self._whole = frozenset({p + s for p in phrases if " " not in p for s in suffixes} | firsts)
        self._firsts = regex.compile("|".join(map(regex.escape, sorted(firsts))), regex.IGNORECASE)

    def starts(self, doc: Document) -> list[int] | None:
        """The offsets where a match can begin, in order (None: anywhere, the phrases are not plain)."""
        if not self.plain:
            return None
        offsets: dict[str, tuple[int, ...]] = {}
        for token in doc.distinct_words:
            if token.isascii() and token.isalnum():
                if token.lower() in self._whole:
                    offsets[token] = (0,)
            elif found := tuple(m.start() for m in self._firsts.finditer(token, overlapped=True)):
                offsets[token] = found
        words = doc.words
        return [words.starts[i] + at for i in words.where(offsets) for at in offsets[words.texts[i]]]


def _letters_after_digits(doc: Document) -> list[int]:
    return [m.end() for m in _LETTER_AFTER_DIGIT.finditer(doc.text)]


def matches_at(pattern: regex.Pattern[str], text: str, starts: list[int] | None) -> Iterator[regex.Match[str]]:
    """What `pattern.finditer(text)` yields when every match begins at one of `starts` (in order; None: anywhere).

    Each start is tried without the time budget, which costs more than a short match (5 µs a call):
    use it for patterns whose attempt at one position is bounded (no nested repetition).
    """
    if starts is None:
        yield from pattern.finditer(text, timeout=timeout_for(text))
        return
    done = 0
    for start in starts:
        if start < done:
            continue  # inside the previous match: finditer resumes after it
        match = pattern.match(text, start)
        if match and match.end() > start:
            done = match.end()
            yield match
