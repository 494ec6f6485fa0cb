"""Which regular expressions can never read a line end: their matches and look-arounds stay on one line.

A pattern rule whose regex cannot match "\\n" anywhere (in what it consumes or in any
look-around) gives, at each position, the same answer in any text that holds the same line
there: "\\n" and the text's edges look alike to it (neither matches any of its atoms, both
are non-word characters for \\b, and ^ and $ in MULTILINE mode treat them alike).
`cleaner.incremental` re-checks only the changed paragraphs with such rules. The test is
conservative: anything it cannot read for sure counts as reading line ends, and such a rule
simply runs over the whole text.
"""

from __future__ import annotations

import functools
import re

import regex

# Escapes that match (or may match) a line end, or that anchor at the text's edges or lines.
_LINE_ESCAPES = frozenset("nsWDvRXAZzGNQh")
# Inline flags that let an atom reach a line end ('s': dot matches it) or change the syntax read here.
_RISKY_FLAGS = frozenset("sxV")


@functools.lru_cache(maxsize=4096)
def line_blind(pattern: str, flags: int = 0) -> bool:
    """True when `pattern` (regex module, VERSION0 syntax) provably never matches or looks at a line end."""
    if flags & (regex.DOTALL | regex.VERBOSE | regex.VERSION1):
        return False
    return _scan(pattern, flags)


def _scan(pattern: str, flags: int) -> bool:
    multiline = bool(flags & regex.MULTILINE) or pattern.startswith("(?m)")
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in "^$" and not (multiline or pattern.startswith(f"(?m:{ch})", i - 4)):
            return False  # without MULTILINE they anchor at the text's edges, which a line end is not
        if ch == "\\":
            end = _escape_end(pattern, i)
            if end is None or not _escape_blind(pattern[i:end], flags):
                return False
            i = end
        elif ch == "[":
            end = _class_end(pattern, i)
            if end is None or _matches_line_end(pattern[i:end], flags):
                return False
            i = end
        elif ch == "(" and pattern.startswith("(?", i) and not _group_blind(pattern, i):
            return False
        else:
            i += 1
    return True


def _escape_end(pattern: str, i: int) -> int | None:
    """The end of the escape starting at `i` (a backslash), or None when it is not one read here."""
    letter = pattern[i + 1 : i + 2]
    if not letter or letter == "0" or pattern.startswith("{", i + 2) and letter in "xN":
        return None  # an octal or a braced code point: not read here
    if letter in "pP":
        close = pattern.find("}", i)
        return close + 1 if pattern.startswith("{", i + 2) and close > 0 else None
    return i + {"x": 4, "u": 6, "U": 10}.get(letter, 2)


def _escape_blind(escape: str, flags: int) -> bool:
    letter = escape[1]
    if letter in _LINE_ESCAPES:
        return False
    if letter in "pPxuU":
        return not _matches_line_end(escape, flags)
    return True  # \w \d \S \b \B \t \K \. and back-references (to groups read here too)


def _class_end(pattern: str, i: int) -> int | None:
    """The end of the character set opening at `i` (VERSION0: no nested sets)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern.startswith("[:", j):  # a POSIX class, [[:alpha:]]
            close = pattern.find(":]", j + 2)
            if close < 0:
                return None
            j = close + 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return None


@functools.lru_cache(maxsize=1024)
def _matches_line_end(atom: str, flags: int) -> bool:
    """True when the single-character atom (a set or an escape) matches "\\n"; an unreadable one counts as True."""
    try:
        return regex.compile(atom, flags | regex.VERSION0).fullmatch("\n") is not None
    except regex.error:
        return True


def _group_blind(pattern: str, i: int) -> bool:
    """False for inline flags that could reach line ends, and for conditionals, recursion and comments."""
    rest = pattern[i + 2 :]
    if rest[:1] in ("(", "R", "&", "#") or rest[:1].isdigit() or rest.startswith("P>"):
        return False
    run = re.match(r"[A-Za-z-]*", rest).group()
    return run.startswith("P") or not _RISKY_FLAGS & set(run)
