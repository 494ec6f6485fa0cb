"""Text that is never prose: URLs, e-mail addresses, file paths and code-like tokens.

No rule may flag or fix inside these spans, in any input format: a "double period" inside
`http://e.com/a..b` is part of an address, and editing it breaks the link. The engine drops
every finding in or at the edge of a protected span (`keep_prose`), and the runner does the
same for LanguageTool's findings.

Every pattern starts only at a token boundary and uses possessive repeats, so finding the
spans is linear in the length of the text whatever it contains.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Iterable, Sequence, TypeVar

import regex

from cleaner.regex_cache import compile_stored

# Lower-case top-level domains that mark a bare host name ("example.com", "gov.uk"); "in" and
# other words a run-on sentence could produce ("deal.in February") are left out on purpose.
_TLDS = frozenset(
    "com org net edu gov mil int info biz io ai app dev tv uk de fr cn jp ru eu us ca au ch nl es it kr".split()
)
# Addresses first, over the whole text; then the other tokens in the gaps between them, so a
# token before an address (a call, a path) can never swallow its start and change where it ends.
_ADDRESSES = compile_stored(
    r"""
    (?P<url>(?<![\w.+-])(?:[A-Za-z][A-Za-z0-9+.-]{1,15}://|www\.|mailto:)[^\s<>"“”]++)
    | (?P<email>(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++)
    """,
    regex.VERBOSE | regex.VERSION0,
)
_TOKENS = compile_stored(
    r"""
    (?P<path>(?<![\w./\\~-])(?:~|\.\.?)?/[\w.@%+~-]++(?:/[\w.@%+~-]*+)*+)
    | (?P<windows>(?<![\w:\\])[A-Za-z]:\\[^\s<>"“”]++)
    | (?P<code>(?<!`)`(?!`)[^`\r\n]++`(?!`))
    | (?P<call>(?<![\w.])[A-Za-z_]\w*+(?:\.[A-Za-z_]\w*+)*+\([^()\s]{0,40}+\))
    | (?P<dotted>(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?:/[^\s<>"“”]*+)?)
    | (?P<relative>(?<![\w./-])[\w.-]++(?:/[\w.-]++)++)
    | (?P<snake>(?<!\w)[A-Za-z][A-Za-z0-9]*+_\w++)
    | (?P<scoped>(?<!\w)\w++(?:::|->)\w++)
    """,
    regex.VERBOSE | regex.VERSION0,
)
_CLOSERS = ",;:!?'\"’”)]}"  # punctuation after an address belongs to the sentence around it
_FILE_SUFFIX = compile_stored(r"\.[A-Za-z0-9]{1,6}$")
_CODE_NAME = compile_stored(r"[a-z_]\w+")
_SNAKE = compile_stored(r"(?<!\w)[A-Za-z][A-Za-z0-9]*+_\w++")
_EXACT = frozenset({"code", "call"})  # tokens whose last character is part of them

T = TypeVar("T")


# A line holds a protected span only if it holds one of these (each is a quick scan on its own);
# no span crosses a line end.
_TRIGGERS = tuple(
    compile_stored(pattern, regex.VERSION0)
    for pattern in (r"[/@\\`_]", r"www\.|mailto:|::|->", r"(?<=\w)\(", r"(?<=[\w-])\.(?=[\w-])")
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Return the sorted, non-overlapping spans of `text` that are never prose."""
    # No pattern crosses a line end, and every look-behind reads a line end as the text's start,
    # so the lines can be read on their own; most lines of prose hold no trigger and are skipped.
    spans: list[tuple[int, int]] = []
    for start, end in _trigger_lines(text):
        spans.extend((start + s, start + e) for s, e in _line_spans(text[start:end]))
    return spans


def _trigger_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line holding a trigger, in order; each scan skips to the next line."""
    lines: set[tuple[int, int]] = set()
    for pattern in _TRIGGERS:
        pos = 0
        while (trigger := pattern.search(text, pos)) is not None:
            start = text.rfind("\n", 0, trigger.start()) + 1
            end = text.find("\n", trigger.end())
            end = len(text) if end < 0 else end
            lines.add((start, end))
            pos = end + 1
    return sorted(lines)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """The protected spans of one line (or of any text: the result is the same)."""
    addresses = [_span(text, m) for m in _ADDRESSES.finditer(text)]
    spans: list[tuple[int, int]] = []
    gap_start = 0
    for start, end in [*addresses, (len(text), len(text))]:
        spans.extend(_tokens(text, gap_start, start))
        if end > start:
            spans.append((start, end))
        gap_start = max(gap_start, end)
    return spans


def _span(text: str, match: regex.Match[str]) -> tuple[int, int]:
    return match.start(), _trim(text, match.start(), match.end())


def _tokens(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """Paths and code-like tokens in text[pos:endpos]."""
    spans: list[tuple[int, int]] = []
    if endpos <= pos:
        return spans
    for match in _TOKENS.finditer(text, pos, endpos):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind not in _EXACT:
            end = _trim(text, start, end)
        token = text[start:end]
        if kind == "dotted" and not _is_host_or_code(token):
            # "foo_bar.Next" is no host, but its snake_case part is still code.
            spans.extend(m.span() for m in _SNAKE.finditer(text, start, end))
            continue
        if kind == "relative" and _is_plain_fraction(token) or kind == "path" and _is_lone_word(token):
            continue
        if end > start:
            spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> int:
    """Give trailing sentence punctuation back to the sentence; a doubled stop stays protected."""
    while end > start:
        last = text[end - 1]
        if last in _CLOSERS or (last == "." and text[end - 2 : end - 1] != "."):
            end -= 1
        else:
            break
    return end


def _is_host_or_code(token: str) -> bool:
    """True for "example.com/page" and "os.path.join"; false for "resigned.Officials" or "U.S"."""
    labels = token.split("/", 1)[0].split(".")
    if labels[-1] in _TLDS and all(labels):
        return True
    return len(labels) >= 3 and all(_CODE_NAME.fullmatch(label) for label in labels)


def _is_lone_word(token: str) -> bool:
    """True for "/AFP" (a credit left in brackets), not for "/usr/lib", "/a.txt" or "~/notes"."""
    return token.startswith("/") and token.count("/") == 1 and not _FILE_SUFFIX.search(token)


def _is_plain_fraction(token: str) -> bool:
    """True for slashed words that are prose ("and/or", "Russia/Ukraine"), not paths."""
    parts = token.split("/")
    return len(parts) == 2 and not _FILE_SUFFIX.search(parts[-1])


def touched(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> list[tuple[int, int]]:
    """The protected spans that [start, end) overlaps or touches (shares an edge with)."""
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    found = []
    while i < len(spans) and spans[i][0] <= end:
        if spans[i][1] >= start:
            found.append(spans[i])
        i += 1
    return found


def verdict(text: str, spans: Sequence[tuple[int, int]], start: int, end: int, replacements: Sequence[str]) -> str:
    """How a finding over [start, end) stands to the protected spans: "prose", "no-fix" or "drop".

    Inside a span, or cutting into one, a finding is dropped. At a span's edge a fix is dropped
    unless the span stays apart from its neighbours: deleting the space after an address
    ("http://e.com/a ..Then" to "http://e.com/a.Then") changes where it ends, deleting a whole
    paragraph after it does not. A finding that holds a whole span with prose around it (a
    sentence quoting a URL) is about the prose: it stays, without its fix, since the fix would
    rewrite the span too.
    """
    result = "prose"
    for s, e in spans:
        if start <= s and e <= end and end - start > e - s:
            result = "no-fix"
        elif s < end and start < e:  # shares a character: a flag or fix inside the span
            return "drop"
        elif replacements and not all(_stays_apart(text, start, end, r, at_end=start == e) for r in replacements):
            return "drop"
    return result


def _stays_apart(text: str, start: int, end: int, replacement: str, at_end: bool) -> bool:
    """True when, after the edit, whitespace (or the text's edge) still separates the span it touches."""
    if at_end:  # the edit starts where the span ends: what follows the span after it
        after = replacement[:1] or text[end : end + 1]
        return not after or after.isspace()
    before = replacement[-1:] or text[start - 1 : start]  # the edit ends where the span starts
    return not before or before.isspace()


class ProtectedIndex:
    """The protected spans of one text, found on first use and then shared by every rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    @classmethod
    def from_spans(cls, text: str, spans: list[tuple[int, int]]) -> ProtectedIndex:
        """An index of `text` whose sorted spans are already known (a fix pass reusing unchanged lines)."""
        index = cls(text)
        index._spans, index._starts = spans, [start for start, _ in spans]
        return index

    def built(self) -> bool:
        """True when the spans have been worked out."""
        return self._spans is not None

    def spans(self) -> tuple[list[tuple[int, int]], list[int]]:
        """The sorted spans and their starts (worked out once: one pass over the text)."""
        if self._spans is None:
            self._spans = protected_spans(self.text)
            self._starts = [s for s, _ in self._spans]
        return self._spans, self._starts


def keep_prose(text: str, items: Iterable[T], index: ProtectedIndex | None = None) -> list[T]:
    """Keep the items (hits or findings) that flag prose, not URLs, addresses, paths or code.

    An item that lies in or cuts into a protected span, or a fix that would join one to its
    neighbours, is dropped; one that holds a whole span loses its replacements (see `verdict`).
    Pass the text's `index` when several batches of items are judged, so the spans are found once.
    """
    items = list(items)
    if not items:
        return items
    spans, starts = (index if index is not None and index.text is text else ProtectedIndex(text)).spans()
    if not spans:
        return items
    kept = []
    for item in items:
        judged = verdict(text, touched(spans, starts, item.start, item.end), item.start, item.end, item.replacements)
        if judged == "no-fix":
            item = dataclasses.replace(item, replacements=())
        if judged != "drop":
            kept.append(item)
    return kept
