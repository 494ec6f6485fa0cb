"""Formatters: each turns FileReports into text; none of them computes findings."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from cleaner.model import FileReport, Level


def summarize(reports: Iterable[FileReport]) -> dict[str, Any]:
    """Count findings by level, code and safety over all reports."""
    reports = list(reports)
    findings = [f for r in reports for f in r.findings]
    by_level = Counter(f.level.value for f in findings)
    return {
        "files": len(reports),
        "files_with_findings": sum(1 for r in reports if r.findings),
        "findings": len(findings),
        "by_level": {level.value: by_level.get(level.value, 0) for level in Level},
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        "fixable": sum(1 for f in findings if f.fixable),
    }
