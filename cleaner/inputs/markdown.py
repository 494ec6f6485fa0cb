"""Markdown: check the prose, skip front matter, code, URLs, HTML comments and markup.

The scanner is deliberately small (no full CommonMark parser): blocks first (front matter,
fenced code, HTML comments), then inline constructs between them. Indented code blocks are
not recognised, because in news copy an indented line is far more often a wrapped list item.
"""

from __future__ import annotations

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
_COMMENT = re.compile(r"<!--.*?-->", re.S)

# (priority, pattern, {group: replacement}); group 0 is the whole match. Lower priority wins ties.
_INLINE: list[tuple[int, re.Pattern[str], dict[int, str | None]]] = [
    (0, re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S), {0: PLACEHOLDER}),
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
    regions = list(blocks)
    pos = 0
    for start, end, _, _ in [*blocks, (len(source), len(source), 0, None)]:
        regions.extend(_inline_regions(source, pos, start))
        pos = max(pos, end)
    builder = Builder(source)
    for start, end, _, replacement in _resolve(regions):
        builder.keep(start)
        if replacement is None:
            builder.blank(end)
        else:
            builder.replace(end, replacement)
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
    regions.extend((m.start(), m.end(), 2, BLANK) for m in _COMMENT.finditer(source, start))
    return regions


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
