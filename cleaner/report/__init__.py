"""Formatters: each turns FileReports into text; none of them computes findings.

Every formatter streams: `start()`, `handle(report)` once per file in path order, `stop()`.
It writes each file's part as soon as it has it and keeps only counters, so a large folder
never holds every finding in memory.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence, TextIO

from cleaner.model import FileReport, Level, Rule, Safety


class Summary:
    """Running counts over reports; `to_dict()` equals `cleaner.report.summarize` of the same reports."""

    def __init__(self) -> None:
        self.files = 0
        self.files_with_findings = 0
        self.findings = 0
        self.fixable = 0
        self.unsafe_fixable = 0  # of `fixable`, the ones only `fix --unsafe-fixes` applies
        self.by_level: Counter[str] = Counter()
        self.by_code: Counter[str] = Counter()

    def add(self, report: FileReport) -> None:
        """Count one report."""
        self.files += 1
        self.files_with_findings += bool(report.findings)
        self.findings += len(report.findings)
        self.fixable += sum(1 for f in report.findings if f.fixable)
        self.unsafe_fixable += sum(1 for f in report.findings if f.fixable and f.safety is Safety.UNSAFE)
        self.by_level.update(f.level.value for f in report.findings)
        self.by_code.update(f.code for f in report.findings)

    def to_dict(self) -> dict[str, Any]:
        """Return the summary in the JSON report's shape."""
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "findings": self.findings,
            "by_level": {level.value: self.by_level.get(level.value, 0) for level in Level},
            "by_code": dict(sorted(self.by_code.items())),
            "fixable": self.fixable,
            "unsafe_fixable": self.unsafe_fixable,
        }


class Formatter:
    """Base formatter: subclasses write to `self.out` in start/handle/stop."""

    def __init__(self, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> None:
        self.out, self.rules, self.color = out, tuple(rules), color
        self.summary = Summary()

    def start(self) -> None:
        """Write whatever comes before the first file."""

    def handle(self, report: FileReport) -> None:
        """Write one file's findings (reports arrive sorted by path)."""
        self.summary.add(report)

    def stop(self) -> None:
        """Write whatever comes after the last file."""


def summarize(reports: Iterable[FileReport]) -> dict[str, Any]:
    """Count findings by level, code and safety over all reports."""
    summary = Summary()
    for report in reports:
        summary.add(report)
    return summary.to_dict()


def relative_path(path: str) -> str:
    """Return a posix path relative to the working folder when the file lies under it (CI wants that)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
