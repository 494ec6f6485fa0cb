"""Make invisible and terminal-controlling characters visible before a report shows article text.

An article can hold anything: ESC sequences that recolour or clear a terminal, bidi overrides
that reorder what a reader sees ("Trojan Source"), vertical tabs and line separators that cut a
shown line short. Reports show each of them as a visible escape (`\\x1b`, `\\u202e`) instead.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import regex

# C0 and C1 controls except the tab, DEL, line/paragraph separators and the bidi controls.
_INVISIBLE = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
LINE_BREAK = regex.compile(r"\r\n|\r|\n")  # the only line ends: a vertical tab or U+2028 is content


def escape_char(char: str) -> str:
    """Return the visible form of one invisible character: \\x1b, \\u202e."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep_newlines: bool = False) -> str:
    """Return `text` with every invisible or controlling character written as an escape.

    With `keep_newlines`, CR and LF stay as they are (for a page that lays out whole texts).
    """
    if keep_newlines:
        return _INVISIBLE.sub(lambda m: m.group() if m.group() in "\r\n" else escape_char(m.group()), text)
    return _INVISIBLE.sub(lambda m: escape_char(m.group()), text)


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (str.splitlines also breaks at \\v, \\f and U+2028)."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


class TextLines(Sequence[str]):
    """The lines `split_lines` gives, each cut out of the text only when asked for: a report of a
    large file shows a few of its lines, and a list of all of them is another copy of the text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts, self._ends = array("Q", [0]), array("Q")
        for brk in LINE_BREAK.finditer(text):
            self._ends.append(brk.start())
            self._starts.append(brk.end())
        self._ends.append(len(text))
        if self._starts[-1] == len(text):  # a final line end (or an empty text) opens no line
            self._starts.pop()
            self._ends.pop()

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._text[self._starts[index] : self._ends[index]]


def visible_columns(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Return the visible line and the visible [start, end) of the 0-based character range."""
    before = visible(line[:start])
    middle = visible(line[start:end])
    return before + middle + visible(line[end:]), len(before), len(before) + len(middle)
