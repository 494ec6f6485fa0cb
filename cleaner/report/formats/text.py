"""Compiler-style text output: path:line:col: CODE message, the line, a caret, the suggestion."""

from __future__ import annotations

import os
from typing import Any, Sequence, TextIO

from cleaner.model import FileReport, Finding, Rule
from cleaner.readability import FIELDS, label
from cleaner.report import Formatter
from cleaner.report.visible import TextLines, visible, visible_columns

SUMMARY = "people: `path:line:col: CODE message`, the line, a caret, the suggestion, a summary and readability"
_SHOWN_SCORES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "text_standard")


class TextFormatter(Formatter):
    """Compiler-style text, file by file (findings, then readability), then the summary."""

    def __init__(self, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> None:
        super().__init__(out, rules, color)
        self.width = terminal_width(out)

    def handle(self, report: FileReport) -> None:
        """Print every finding of the file with its source line."""
        super().handle(report)
        lines = TextLines(report.text)
        # Written finding by finding: the whole text of a large file's findings (50 MB for a 10 MB
        # file) would be held three times over, as lines, joined and encoded.
        for finding in report.findings:
            self.out.write("\n".join(finding_block(report.path, finding, lines, self.color, self.width)) + "\n")
        scores = report.readability
        if scores and scores.get("words"):  # each file's scores with its findings, before the summary
            self.out.write(f"Readability of {visible(report.path)}: " + ", ".join(f"{label(k)} {scores[k]}" for k in _SHOWN_SCORES) + "\n")
        if report.findings or (scores and scores.get("words")):
            self.out.flush()

    def stop(self) -> None:
        """Print the summary line and each file's readability."""
        s = self.summary.to_dict()
        if not s["findings"]:
            lines = [f"No findings in {s['files']} file(s)."]
        else:
            levels = ", ".join(f"{n} {lvl}" for lvl, n in s["by_level"].items() if n)
            safe, unsafe = s["fixable"] - s["unsafe_fixable"], s["unsafe_fixable"]
            more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
            lines = [
                f"Found {s['findings']} finding(s) in {s['files_with_findings']} of "
                f"{s['files']} file(s): {levels}; {safe} fixable{more}."
            ]
        self.out.write("\n".join(lines) + "\n")


def terminal_width(out: TextIO) -> int | None:
    """$COLUMNS, else the width of the terminal `out` writes to; None for a pipe or a file (no cutting)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(out.fileno()).columns if out.isatty() else None
    except (AttributeError, OSError, ValueError):
        return None


def cut_line(source: str, column: int, width: int, room: int | None) -> tuple[str, int, int]:
    """Cut a long line to `room` characters around a finding at 0-based `column`, marking cuts with "...".

    Returns the shown text, the finding's column in it and the caret width that fits.
    """
    if room is None or len(source) <= room:
        return source, column, width
    room = max(room, 20)
    context = min(column, max(0, room - 6 - width) // 3)  # a little text before the finding
    start = column - context if column - context > 3 else 0
    head = "..." if start else ""
    end = start + room - len(head)
    tail = ""
    if end < len(source):
        end -= 3
        tail = "..."
    shown = head + source[start:end] + tail
    at = column - start + len(head)
    return shown, at, max(1, min(width, len(shown) - len(tail) - at))


# Without a terminal a line is shown whole, unless it is longer than this: a text of a megabyte on one line
# would be printed once for each of its findings (output quadratic in the text), so only the part around
# the finding is shown, WINDOW characters either side.
LONG_LINE = 1000
WINDOW = 200


def _window(source: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of a long line around [start, end) with "..." where it is cut, and the span's place in it."""
    left = max(0, start - WINDOW)
    right = min(len(source), max(end, start + 1) + WINDOW)
    head = "..." if left else ""
    tail = "..." if right < len(source) else ""
    return head + source[left:right] + tail, start - left + len(head), end - left + len(head)


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def finding_block(path: str, f: Finding, lines: Sequence[str], color: bool, columns: int | None = None) -> list[str]:
    """Return the lines for one finding: header, source line (cut to `columns`), caret, suggestion, blank."""
    level_color = {"error": "31;1", "warning": "33;1", "info": "36;1"}[f.level.value]
    head = f"{visible(path)}:{f.line}:{f.column}: {_style(f.code, level_color, color)} {visible(f.message)}"
    if f.source != "cleaner":
        head += f" [{f.source}]"
    block = [head]
    source = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
    gutter = " " * len(str(f.line))
    end = f.end_column - 1 if f.end_line == f.line else len(source)
    start = f.column - 1
    if columns is None and len(source) > LONG_LINE:
        source, start, end = _window(source, start, max(end, start))
    # Control characters and bidi overrides are shown as escapes; the caret follows them.
    shown_line, caret_start, caret_end = visible_columns(source, start, max(end, start))
    room = columns - len(gutter) - 4 if columns else None  # " 12 | " before the text
    shown, at, width = cut_line(shown_line, caret_start, max(1, caret_end - caret_start), room)
    block.append(f" {f.line} | {shown}")
    block.append(f" {gutter} | {' ' * at}{_style('^' * width, level_color, color)}")
    if f.replacements:
        shown = " | ".join(f"“{visible(r)}”" if r else "(delete)" for r in f.replacements[:3])
        safety = f" ({f.safety.value})" if f.safety else ""
        block.append(f" {gutter} = suggestion{safety}: {shown}")
    block.append("")
    return block


FORMATTER = TextFormatter


def render_scores(results: Sequence[tuple[str, Any]]) -> str:
    """`cleaner score`: each file's path, then every readability figure on its own line."""
    lines = []
    for path, result in results:
        lines.append(path)
        lines.extend(f"  {label(name):<22} {getattr(result, name)}" for name in FIELDS)
    return "".join(line + "\n" for line in lines)


def render_fixes(fixes: Sequence[Any], color: bool = False, dry_run: bool = False) -> str:
    """`cleaner fix`: what was fixed, what is left for review, readability before and after."""
    from cleaner.report import fix_text

    return fix_text.render(fixes, color=color, dry_run=dry_run)
