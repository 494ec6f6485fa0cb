"""Pick a streaming formatter by name, and render reports in one go."""

from __future__ import annotations

from typing import Sequence, TextIO

from cleaner.model import FileReport, Rule
from cleaner.report import Formatter
from cleaner.report.json import JsonFormatter
from cleaner.report.text import TextFormatter


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
