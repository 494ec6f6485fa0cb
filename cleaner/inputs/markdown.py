"""Markdown: check the prose, skip front matter, code, URLs, HTML comments and markup.

The scanner is deliberately small (no full CommonMark parser): blocks first (front matter,
fenced code), then code spans and HTML comments in one left-to-right pass (whichever opens
first wins, so a comment inside `code` is code and a backtick inside a comment is comment),
then the other inline constructs between them. Indented code blocks are not recognised,
because in news copy an indented line is far more often a wrapped list item.

Every step is linear in the size of the file: comment and code-span ends are found with
plain searches that never re-scan the same text.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from cleaner.inputs.extracted import Builder, Extracted

# The input-format registry (cleaner.inputs.registry) reads these and `extract` below.
FORMAT = "markdown"
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
COMMENT = ("<!--", "-->")  # where cleaner-disable directives are written

# A stand-in for a code span or URL: a neutral word, so "Run `ls`.. Next" still reads as
# "Run X.. Next" (the doubled period is still found) and no space or punctuation rule fires.
PLACEHOLDER = "X"
BLANK = None  # a region removed down to its line breaks

_FRONT_MATTER = (
    re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M),
    re.compile(r"\A\+\+\+[ \t]*\r?\n.*?^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M),
)
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_OPENER = re.compile(r"`+|<!--")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
COMMENT_PRIORITY = 2  # how a Region is known to be an HTML comment

# (priority, pattern, {group: replacement}); group 0 is the whole match. Lower priority wins ties.
_INLINE: list[tuple[int, re.Pattern[str], dict[int, str | None]]] = [
    (1, re.compile(r"<(?:https?|ftp|mailto):[^\s<>]*>"), {0: PLACEHOLDER}),
    (2, re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), {0: ""}),
    (3, re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M), {0: BLANK}),
    (
        4,
        re.compile(
            r"(!?\[)(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
            r"(\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\]\[[^\]\n]*\])"
        ),
        {1: "", 2: ""},
    ),
    (5, re.compile(r"(?<![\w/(<\"'=@])(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”]"), {0: PLACEHOLDER}),
    # An ATX heading: its marker becomes a line break and its end a paragraph break, so the
    # heading is a paragraph of its own (as it is on the page) and never runs into the text.
    (6, re.compile(r"^( {0,3}#{1,6}(?:[ \t]+|(?=[\r\n]|\Z)))[^\r\n]*?([ \t]+#+)?[ \t]*(\r?\n)?", re.M), {1: "\n", 2: "", 3: "\n\n"}),
    (7, re.compile(r"^ {0,3}(?:([-*_])[ \t]*(?:\1[ \t]*){2,}|=+[ \t]*|-+[ \t]*)$", re.M), {0: ""}),
    (8, re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), {0: "\n"}),
    (9, re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), {0: ""}),
    (10, re.compile(r"(?<![\w*_~\\])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])"), {0: ""}),
    (11, re.compile(r"(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![\w*~])"), {0: ""}),
    (12, re.compile(r"\\(?=[!-/:-@\[-`{-~])"), {0: ""}),
]

Region = tuple[int, int, int, "str | None"]  # start, end, priority, replacement (None: blank)


def extract_markdown(source: str) -> Extracted:
    """Return the prose of a Markdown document with an offset map back to the source."""
    blocks = _resolve(_block_regions(source))
    blocks = _resolve(blocks + _code_and_comments(source, blocks))
    regions = list(blocks)
    pos = 0
    for start, end, _, _ in [*blocks, (len(source), len(source), 0, None)]:
        regions.extend(_inline_regions(source, pos, start))
        pos = max(pos, end)
    builder = Builder(source)
    for start, end, priority, replacement in _resolve(regions):
        builder.keep(start)
        if priority == COMMENT_PRIORITY:
            builder.comment(start, end)
        if replacement is None:
            builder.blank(end)
        else:
            builder.replace(end, replacement, token=replacement == PLACEHOLDER)
    return builder.build()


def _resolve(regions: list[Region]) -> list[Region]:
    """Keep regions in source order, dropping any that overlap one already kept."""
    out: list[Region] = []
    last_end = 0
    for region in sorted(regions, key=lambda r: (r[0], r[2], -r[1])):
        if region[0] >= last_end and region[1] > region[0]:
            out.append(region)
            last_end = region[1]
    return out


def _block_regions(source: str) -> list[Region]:
    regions: list[Region] = []
    start = 0
    for pattern in _FRONT_MATTER:
        match = pattern.match(source)
        if match:
            regions.append((0, match.end(), 0, BLANK))
            start = match.end()
            break
    regions.extend(_fences(source, start))
    return regions


def _code_and_comments(source: str, blocks: list[Region]) -> list[Region]:
    """Code spans and HTML comments outside the blocks, leftmost first, in one linear pass."""
    spans = _CodeSpans(source)
    block_starts = [b[0] for b in blocks]
    regions: list[Region] = []
    comments_possible = True  # once a comment is left open, no later one can close either
    pos = 0
    while (match := _OPENER.search(source, pos)) is not None:
        i = bisect.bisect_right(block_starts, match.start()) - 1
        if i >= 0 and match.start() < blocks[i][1]:
            pos = blocks[i][1]  # inside front matter or a fence
            continue
        pos = match.end()
        if match.group() == "<!--":
            close = source.find("-->", match.end()) if comments_possible else -1
            if close < 0:
                comments_possible = False
                continue
            pos = close + 3
            regions.append((match.start(), pos, COMMENT_PRIORITY, BLANK))
        elif (end := spans.closing(match.start(), len(match.group()))) is not None:
            regions.append((match.start(), end, 0, PLACEHOLDER))
            pos = end
        elif len(match.group()) >= 3:
            # An unpaired run like ``` is a fence marker out of place, never prose: no rule may
            # rewrite part of it (that could pair other backticks into a code span).
            regions.append((match.start(), match.end(), 0, ""))
    return regions


class _CodeSpans:
    """Finds the backtick run that closes a code span: same length, in the same paragraph."""

    def __init__(self, source: str) -> None:
        self._runs: dict[int, list[int]] = {}
        for run in _BACKTICKS.finditer(source):
            self._runs.setdefault(len(run.group()), []).append(run.start())
        self._breaks = [m.start() for m in _BLANK_LINE.finditer(source)]
        self._length = len(source)

    def closing(self, start: int, width: int) -> int | None:
        """Return the end of the code span opened at `start` by `width` backticks, or None."""
        runs = self._runs.get(width, [])
        i = bisect.bisect_right(runs, start)
        if i >= len(runs):
            return None
        j = bisect.bisect_right(self._breaks, start)
        paragraph_end = self._breaks[j] if j < len(self._breaks) else self._length
        return runs[i] + width if runs[i] < paragraph_end else None


def _fences(source: str, start: int) -> Iterator[Region]:
    """Yield fenced code blocks, fences included; an unclosed fence runs to the end (CommonMark)."""
    open_at, fence = -1, ""
    for line_start, line in _lines(source, start):
        if open_at < 0:
            match = _FENCE_OPEN.match(line)
            if match:
                open_at, fence = line_start, match.group(1)
        elif re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line.rstrip("\r\n")):
            yield open_at, line_start + len(line.rstrip("\r\n")), 1, BLANK
            open_at = -1
    if open_at >= 0:
        yield open_at, len(source), 1, BLANK


def _lines(source: str, start: int) -> Iterator[tuple[int, str]]:
    pos = start
    for line in source[start:].splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def _inline_regions(source: str, start: int, end: int) -> Iterator[Region]:
    if end <= start:
        return
    for priority, pattern, groups in _INLINE:
        for match in pattern.finditer(source, start, end):
            for group, replacement in groups.items():
                if match.start(group) >= 0 and match.end(group) > match.start(group):
                    yield match.start(group), match.end(group), 3 + priority, replacement


extract = extract_markdown
