"""GitHub Actions workflow commands: one `::warning file=...::message` line per finding.

GitHub turns these lines into annotations on the pull request's changed files.
"""

from __future__ import annotations

import re

from cleaner.model import FileReport, Finding, Level
from cleaner.report import Formatter, relative_path

SUMMARY = "GitHub Actions: `::warning file=...,line=...::message` annotations on the pull request"
COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


# Other control characters and Unicode line separators would break the one-line command.
_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def escape_data(text: str) -> str:
    """Escape a workflow command's message (%, CR and LF); other control characters become spaces."""
    return _BREAKS.sub(" ", text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command property value (also ':' and ',')."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding) -> str:
    """Return the workflow command line for one finding."""
    props = {
        "file": path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.rule}",
    }
    head = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    message = finding.message
    if finding.replacements:
        best = finding.replacements[0]
        message += f" Suggestion: “{best}”" if best else f" Suggestion: delete “{finding.text}”"
    return f"::{COMMAND[finding.level]} {head}::{escape_data(f'{finding.code} {message}')}"


class GithubFormatter(Formatter):
    """Annotations only: everything else on stdout would be noise in the job log."""

    def handle(self, report: FileReport) -> None:
        """Print one annotation per finding."""
        super().handle(report)
        path = relative_path(report.path)
        for finding in report.findings:
            self.out.write(annotation(path, finding) + "\n")
        self.out.flush()


FORMATTER = GithubFormatter
