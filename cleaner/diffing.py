"""Unified diffs that both `patch -p0` and `git apply` accept, and one-line before/after excerpts.

File labels: both headers carry the same path, written relative to the current folder
with a leading `./` (`--- ./seeds/a.txt`, `+++ ./seeds/a.txt`). `patch -p0` opens that
path as is; `git apply` strips one component by default (-p1), and stripping `./`
leaves the same path, so the patch applies from the same folder with either tool, in
a git work tree or not. Plain `seeds/a.txt` would not do: git would strip `seeds/`.

Lines are split on `\\n` only, so CRLF line ends travel inside the diff byte for byte, and
a last line without a newline gets the standard `\\ No newline at end of file` marker.
"""

from __future__ import annotations

import os
from pathlib import Path

import regex

from cleaner.linediff import unified_lines
from cleaner.report.visible import visible

_LINES = regex.compile(r"[^\n]*\n|[^\n]+")
NO_NEWLINE = "\\ No newline at end of file"

RED, GREEN, CYAN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[0m"


def split_lines(text: str) -> list[str]:
    """Split on '\\n' only, keeping each line's end ('\\r\\n' stays whole; a lone '\\r' is content)."""
    return _LINES.findall(text)


def diff_label(path: str) -> str:
    """Return the header name for `path`: './relative/path' when possible (see the module doc)."""
    if path in ("-", "<stdin>"):
        return "<stdin>"
    target = Path(path)
    if target.is_absolute():
        try:
            relative = os.path.relpath(target)
        except ValueError:  # another drive on Windows
            return target.as_posix()
        if relative.startswith(".."):
            return target.as_posix()
        path = relative
    posix = Path(path).as_posix()
    return quote_label(posix if posix.startswith(("./", "../")) else f"./{posix}")


_C_ESCAPES = {'"': '\\"', "\\": "\\\\", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r"}


def quote_label(label: str) -> str:
    """Write a file name the way git does, so `patch -p0` and `git apply` read it back.

    A name with a quote, a backslash, a control or a non-ASCII character is C-quoted (UTF-8
    bytes as octal escapes); a name with a space gets a trailing tab, which ends the name.
    """
    if any(ch in _C_ESCAPES or ord(ch) < 0x20 or ord(ch) >= 0x7F for ch in label):
        parts = []
        for ch in label:
            if ch in _C_ESCAPES:
                parts.append(_C_ESCAPES[ch])
            elif 0x20 <= ord(ch) < 0x7F:
                parts.append(ch)
            else:
                parts.extend(f"\\{byte:03o}" for byte in ch.encode("utf-8", "surrogateescape"))
        return '"' + "".join(parts) + '"'
    return label + "\t" if " " in label else label


def unified_diff(before: str, after: str, path: str, context: int = 3) -> str:
    """Return a unified diff from `before` to `after` for `path` ('' when they are equal)."""
    if before == after:
        return ""
    label = diff_label(path)
    out: list[str] = []
    lines = unified_lines(split_lines(before), split_lines(after), label, context)
    for index, line in enumerate(lines):
        if index < 2 or line.startswith("@@ "):  # the two file headers, then hunk headers
            out.append(line + "\n")
        elif line.endswith("\n"):
            out.append(line)
        else:  # the last line of a side that has no final newline
            out.append(f"{line}\n{NO_NEWLINE}\n")
    return "".join(out)


def colorize(diff: str) -> str:
    """Colour a unified diff for a terminal: headers bold, hunks cyan, removals red, additions green."""
    out = []
    for line in split_lines(diff):
        body, end = _split_end(line)
        if body.startswith(("--- ", "+++ ")):
            out.append(f"{BOLD}{body}{RESET}{end}")
        elif body.startswith("@@"):
            out.append(f"{CYAN}{body}{RESET}{end}")
        elif body.startswith("-"):
            out.append(f"{RED}{body}{RESET}{end}")
        elif body.startswith("+"):
            out.append(f"{GREEN}{body}{RESET}{end}")
        else:
            out.append(line)
    return "".join(out)


def _split_end(line: str) -> tuple[str, str]:
    stripped = line.rstrip("\r\n")
    return stripped, line[len(stripped) :]


def excerpt(text: str, start: int, end: int, replacement: str | None, width: int = 40, color: bool = False) -> list[str]:
    """Return '- before' and '+ after' lines around text[start:end], clipped to its line.

    With no replacement only the '- ' line is returned. The changed part is highlighted
    with colour, or marked with ⟦ ⟧ without it, so an empty span or deletion stays visible.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left_from = max(line_start, start - width)
    right_to = min(line_end, end + width)
    left = ("…" if left_from > line_start else "") + visible(text[left_from:start])
    right = visible(text[end:right_to].rstrip("\r")) + ("…" if right_to < line_end else "")
    lines = [f"- {left}{_mark(text[start:end], RED, color)}{right}"]
    if replacement is not None:
        lines.append(f"+ {left}{_mark(replacement, GREEN, color)}{right}")
    return lines


def _mark(part: str, colour: str, color: bool) -> str:
    part = visible(part.replace("\r\n", "↵").replace("\n", "↵"))
    if color:
        return f"{colour}\x1b[7m{part}{RESET}" if part else f"{colour}\x1b[7m∅{RESET}"
    return f"⟦{part}⟧"
