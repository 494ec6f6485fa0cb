"""The checked text of a source file and the offset map between the two."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from typing import Iterable

from cleaner.document import LineIndex
from cleaner.model import Finding


@dataclass(frozen=True)
class Segment:
    """A piece of the checked text [start, end) standing for source[src_start:src_end].

    `exact` pieces are copied unchanged, so offsets inside them map one to one; the others
    are stand-ins (a tag removed, an entity decoded, code replaced) and map as a whole.
    """

    start: int
    end: int
    src_start: int
    src_end: int
    exact: bool
    token: bool = False  # a stand-in for a URL or code: no fix may touch its edges


@dataclass(frozen=True)
class Extracted:
    """What the rules check (`text`), the source it came from, and how to map offsets back."""

    source: str
    text: str
    segments: tuple[Segment, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    comments: tuple[tuple[int, int], ...] = ()  # source spans of real comments in prose context

    @classmethod
    def identity(cls, text: str) -> "Extracted":
        """Return the extraction of plain text: the source itself, offsets unchanged."""
        return cls(text, text)

    def _segment(self, offset: int, is_end: bool) -> Segment | None:
        # An end offset belongs to the piece that ends there; a start to the piece that starts there.
        i = bisect.bisect_left(self._starts, offset) - 1 if is_end else bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.segments[0] if self.segments else None
        return self.segments[i]

    def to_source(self, offset: int, is_end: bool = False) -> int:
        """Map an offset of the checked text to the source; offsets inside a stand-in snap to its edge."""
        if not self.segments:
            return offset
        seg = self._segment(offset, is_end)
        if seg is None:
            return offset
        if seg.exact:
            return min(seg.src_start + max(offset - seg.start, 0), seg.src_end)
        return seg.src_end if is_end and offset > seg.start else seg.src_start

    def is_exact(self, start: int, end: int) -> bool:
        """True when [start, end) is source text copied unchanged, so an edit there is safe."""
        if not self.segments:
            return True
        seg = self._segment(start, False)
        return seg is not None and seg.exact and seg.start <= start and end <= seg.end

    def touches_token(self, start: int, end: int) -> bool:
        """True when [start, end) begins right after or ends right before a URL or code stand-in.

        Deleting the space between "<http://e.com/a>" and the next word would glue them.
        """
        after = bisect.bisect_left(self._starts, end)
        if after < len(self.segments) and self.segments[after].start == end and self.segments[after].token:
            return True
        before = bisect.bisect_left(self._starts, start) - 1
        return before >= 0 and self.segments[before].end == start and self.segments[before].token

    def remap(self, findings: Iterable[Finding]) -> list[Finding]:
        """Move findings onto the source: offsets, line/column and text; fixes only where exact."""
        findings = list(findings)
        if not self.segments:
            return findings
        lines = LineIndex(self.source)
        out = []
        for f in findings:
            start, end = self.to_source(f.start), self.to_source(f.end, is_end=True)
            end = max(end, start)
            line, column = lines.line_col(start)
            end_line, end_column = lines.line_col(end)
            keep_fix = self.is_exact(f.start, f.end) and not self.touches_token(f.start, f.end)
            out.append(
                dataclasses.replace(
                    f,
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    text=self.source[start:end],
                    replacements=f.replacements if keep_fix else (),
                    safety=f.safety if keep_fix else None,
                )
            )
        return sorted(out, key=lambda f: f.sort_key)


class Builder:
    """Build an Extracted left to right: copy source pieces, or stand in for them."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._pos = 0  # next source offset to consume
        self._out = 0  # length of the checked text so far
        self._comments: list[tuple[int, int]] = []

    @property
    def position(self) -> int:
        """The next source offset to be consumed."""
        return self._pos

    def keep(self, end: int) -> None:
        """Copy source[position:end] unchanged."""
        if end <= self._pos:
            return
        piece = self.source[self._pos : end]
        last = self._segments[-1] if self._segments else None
        if last and last.exact and last.end == self._out and last.src_end == self._pos:
            self._segments[-1] = Segment(last.start, last.end + len(piece), last.src_start, end, True)
        else:
            self._segments.append(Segment(self._out, self._out + len(piece), self._pos, end, True))
        self._emit(piece, end)

    def replace(self, end: int, text: str, token: bool = False) -> None:
        """Stand in `text` for source[position:end]; `token` marks a URL or code stand-in."""
        if end < self._pos:
            return
        if end == self._pos and not text:
            return
        self._segments.append(Segment(self._out, self._out + len(text), self._pos, end, False, token))
        self._emit(text, end)

    def blank(self, end: int) -> None:
        """Remove source[position:end] but keep its line breaks, so paragraphs stay apart."""
        self.replace(end, "".join(ch for ch in self.source[self._pos : end] if ch in "\r\n"))

    def comment(self, start: int, end: int) -> None:
        """Record source[start:end] as a real comment (where inline directives may live)."""
        self._comments.append((start, end))

    def _emit(self, text: str, end: int) -> None:
        self._parts.append(text)
        self._out += len(text)
        self._pos = end

    def build(self) -> Extracted:
        """Copy the rest of the source and return the extraction."""
        self.keep(len(self.source))
        segments = tuple(self._segments)
        starts = tuple(s.start for s in segments)
        return Extracted(self.source, "".join(self._parts), segments, starts, tuple(self._comments))
