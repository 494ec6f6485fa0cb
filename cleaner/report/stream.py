"""Streaming formatters: `start()`, `handle(report)` once per file in order, `stop()`.

A formatter writes each file's part as soon as it has it and keeps only counters, so a
large folder never holds every finding in memory. The text and json formatters write
exactly what `report.text.render` and `report.json.render` return for the same reports
(tests hold them to that).
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any, Mapping, Sequence, TextIO

from cleaner.model import FileReport, Level, Rule
from cleaner.readability import label
from cleaner.report import json as json_report
from cleaner.report import text as text_report


def relative_path(path: str) -> str:
    """Return a posix path relative to the working folder when the file lies under it (CI wants that)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


class Summary:
    """Running counts over reports; `to_dict()` equals `cleaner.report.summarize` of the same reports."""

    def __init__(self) -> None:
        self.files = 0
        self.files_with_findings = 0
        self.findings = 0
        self.fixable = 0
        self.by_level: Counter[str] = Counter()
        self.by_code: Counter[str] = Counter()

    def add(self, report: FileReport) -> None:
        """Count one report."""
        self.files += 1
        self.files_with_findings += bool(report.findings)
        self.findings += len(report.findings)
        self.fixable += sum(1 for f in report.findings if f.fixable)
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


class TextFormatter(Formatter):
    """Compiler-style text, file by file, then the summary and readability lines."""

    def __init__(self, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> None:
        super().__init__(out, rules, color)
        self.scores: list[tuple[str, Mapping[str, Any]]] = []

    def handle(self, report: FileReport) -> None:
        """Print every finding of the file with its source line."""
        super().handle(report)
        lines = report.text.splitlines()
        block: list[str] = []
        for finding in report.findings:
            block.extend(text_report._finding_block(report.path, finding, lines, self.color))
        if block:
            self.out.write("\n".join(block) + "\n")
            self.out.flush()
        if report.readability:
            self.scores.append((report.path, report.readability))

    def stop(self) -> None:
        """Print the summary line and each file's readability."""
        s = self.summary.to_dict()
        if not s["findings"]:
            lines = [f"No findings in {s['files']} file(s)."]
        else:
            levels = ", ".join(f"{n} {lvl}" for lvl, n in s["by_level"].items() if n)
            lines = [
                f"Found {s['findings']} finding(s) in {s['files_with_findings']} of "
                f"{s['files']} file(s): {levels}; {s['fixable']} fixable."
            ]
        for path, scores in self.scores:
            shown = ", ".join(f"{label(k)} {scores[k]}" for k in text_report._SHOWN_SCORES)
            lines.append(f"Readability of {path}: {shown}")
        self.out.write("\n".join(lines) + "\n")


class JsonFormatter(Formatter):
    """The versioned JSON document, written one file entry at a time."""

    def start(self) -> None:
        """Open the document and the files list."""
        self.out.write(f'{{\n  "version": {json_report.SCHEMA_VERSION},\n  "files": [')

    def handle(self, report: FileReport) -> None:
        """Write one file entry."""
        entry = {
            "path": report.path,
            "findings": [f.to_dict() for f in report.findings],
            "readability": dict(report.readability) if report.readability is not None else None,
        }
        body = textwrap.indent(json.dumps(entry, ensure_ascii=False, indent=2), "    ")
        self.out.write(("\n" if not self.summary.files else ",\n") + body)
        super().handle(report)

    def stop(self) -> None:
        """Close the files list and write the summary."""
        summary = json.dumps(self.summary.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(("\n  ]" if self.summary.files else "]") + f',\n  "summary": {summary}\n}}\n')


FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


def formatter_for(name: str, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> Formatter:
    """Return the streaming formatter for an output format name."""
    if name == "text":
        return TextFormatter(out, rules, color)
    if name == "json":
        return JsonFormatter(out, rules)
    if name == "sarif":
        from cleaner.report.sarif import SarifFormatter as chosen
    elif name == "github":
        from cleaner.report.github import GithubFormatter as chosen
    elif name == "gitlab":
        from cleaner.report.gitlab import GitlabFormatter as chosen
    elif name == "junit":
        from cleaner.report.junit import JunitFormatter as chosen
    else:
        raise ValueError(f"unknown format {name!r}")
    return chosen(out, rules)


def render(name: str, reports: Sequence[FileReport], rules: Sequence[Rule] = (), color: bool = False) -> str:
    """Render reports in one go (for tests and the Python API)."""
    import io

    buffer = io.StringIO()
    formatter = formatter_for(name, buffer, rules, color)
    formatter.start()
    for report in reports:
        formatter.handle(report)
    formatter.stop()
    return buffer.getvalue()
