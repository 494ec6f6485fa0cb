"""JUnit XML: one test suite per file, one failing test case per finding.

CI systems that show test results (GitLab, Jenkins, Azure) then list each finding; a file
without findings is one passing test case, so the report also shows what was checked.
"""

from __future__ import annotations

import re

from cleaner.model import FileReport
from cleaner.report import Formatter

SUMMARY = "CI test reports: one test suite per file, one failing test case per finding"


# Characters XML 1.0 cannot carry at all, even escaped; an article may still contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """Escape element text, replacing characters XML cannot hold with U+FFFD."""
    from xml.sax.saxutils import escape as _escape  # xml.sax costs milliseconds at start-up

    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """Quote an attribute value, replacing characters XML cannot hold with U+FFFD."""
    from xml.sax.saxutils import quoteattr as _quoteattr

    return _quoteattr(_NOT_XML.sub("\ufffd", text))


class JunitFormatter(Formatter):
    """Writes <testsuites>, then a <testsuite> per file as it arrives."""

    def start(self) -> None:
        """Write the XML declaration and open the suites."""
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cleaner">\n')

    def handle(self, report: FileReport) -> None:
        """Write one file's suite."""
        super().handle(report)
        path = quoteattr(report.path)
        count = max(len(report.findings), 1)
        out = [f'  <testsuite name={path} tests="{count}" failures="{len(report.findings)}" errors="0" skipped="0">']
        if not report.findings:
            out.append(f'    <testcase name="no findings" classname={path}/>')
        for f in report.findings:
            name = quoteattr(f"{f.line}:{f.column} {f.code} {f.rule}")
            detail = f"{report.path}:{f.line}:{f.column}: {f.code} {f.message}"
            if f.replacements:
                detail += f"\nSuggestion: {f.replacements[0]}"
            out.append(f"    <testcase name={name} classname={path}>")
            out.append(
                f"      <failure message={quoteattr(f.message)} type={quoteattr(f.level.value)}>{escape(detail)}</failure>"
            )
            out.append("    </testcase>")
        out.append("  </testsuite>")
        self.out.write("\n".join(out) + "\n")

    def stop(self) -> None:
        """Close the suites."""
        self.out.write("</testsuites>\n")


FORMATTER = JunitFormatter
