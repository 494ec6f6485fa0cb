"""GitLab Code Quality report: a JSON array of issues (artifacts:reports:codequality).

Paths are relative to the working folder, which in GitLab CI is the project root, and every
issue has a fingerprint that stays the same while the flagged text and its context do.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections import Counter
from typing import Any

from cleaner.model import FileReport, Finding, Level
from cleaner.report import Formatter, relative_path
from cleaner.suppress import context_hash

SUMMARY = "GitLab merge requests: a Code Quality report (`artifacts:reports:codequality`)"
SEVERITY = {Level.ERROR: "major", Level.WARNING: "minor", Level.INFO: "info"}


def issue(path: str, text: str, finding: Finding, occurrence: int) -> dict[str, Any]:
    """Return one Code Quality issue; `occurrence` tells identical findings in one file apart."""
    basis = f"{path}\0{finding.code}\0{finding.text}\0{context_hash(text, finding)}\0{occurrence}"
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.message}",
        "categories": ["Style"],
        "severity": SEVERITY[finding.level],
        "fingerprint": hashlib.md5(basis.encode("utf-8")).hexdigest(),
        "location": {"path": path, "lines": {"begin": finding.line, "end": finding.end_line}},
    }


class GitlabFormatter(Formatter):
    """Writes the array one issue at a time."""

    def start(self) -> None:
        """Open the array."""
        self.out.write("[")
        self.written = 0

    def handle(self, report: FileReport) -> None:
        """Write the issues of one file."""
        super().handle(report)
        path = relative_path(report.path)
        seen: Counter[tuple[str, str, str]] = Counter()
        for finding in report.findings:
            key = (finding.code, finding.text, context_hash(report.text, finding))
            entry = issue(path, report.text, finding, seen[key])
            seen[key] += 1
            body = textwrap.indent(json.dumps(entry, ensure_ascii=False, indent=2), "  ")
            self.out.write((",\n" if self.written else "\n") + body)
            self.written += 1

    def stop(self) -> None:
        """Close the array."""
        self.out.write("\n]\n" if self.written else "]\n")


FORMATTER = GitlabFormatter
