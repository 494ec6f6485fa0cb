"""Compiler-style text output: path:line:col: CODE message, the line, a caret, the suggestion."""

from __future__ import annotations

from typing import Iterable

from cleaner.model import FileReport, Finding
from cleaner.readability import label
from cleaner.report import summarize

_SHOWN_SCORES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "text_standard")


def render(reports: Iterable[FileReport], color: bool = False) -> str:
    """Render every finding with its source line, then a summary with readability."""
    reports = list(reports)
    out: list[str] = []
    for report in reports:
        lines = report.text.splitlines()
        for finding in report.findings:
            out.extend(_finding_block(report.path, finding, lines, color))
    out.append(_summary_line(reports))
    for report in reports:
        if report.readability:
            scores = ", ".join(f"{label(k)} {report.readability[k]}" for k in _SHOWN_SCORES)
            out.append(f"Readability of {report.path}: {scores}")
    return "\n".join(out) + "\n"


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _finding_block(path: str, f: Finding, lines: list[str], color: bool) -> list[str]:
    level_color = {"error": "31;1", "warning": "33;1", "info": "36;1"}[f.level.value]
    head = f"{path}:{f.line}:{f.column}: {_style(f.code, level_color, color)} {f.message}"
    if f.source != "cleaner":
        head += f" [{f.source}]"
    block = [head]
    source = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
    gutter = " " * len(str(f.line))
    width = max(1, (f.end_column - f.column) if f.end_line == f.line else len(source) - f.column + 1)
    block.append(f" {f.line} | {source}")
    block.append(f" {gutter} | {' ' * (f.column - 1)}{_style('^' * width, level_color, color)}")
    if f.replacements:
        shown = " | ".join(f"“{r}”" if r else "(delete)" for r in f.replacements[:3])
        safety = f" ({f.safety.value})" if f.safety else ""
        block.append(f" {gutter} = suggestion{safety}: {shown}")
    block.append("")
    return block


def _summary_line(reports: list[FileReport]) -> str:
    summary = summarize(reports)
    if not summary["findings"]:
        return f"No findings in {summary['files']} file(s)."
    levels = ", ".join(f"{n} {lvl}" for lvl, n in summary["by_level"].items() if n)
    return (
        f"Found {summary['findings']} finding(s) in {summary['files_with_findings']} of "
        f"{summary['files']} file(s): {levels}; {summary['fixable']} fixable."
    )
