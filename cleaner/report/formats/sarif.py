"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rule metadata, results, fixes.

Results are streamed file by file; the tool section (with the rules actually reported, in
order of first use) is written last, which JSON allows and keeps memory flat.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any, Sequence, TextIO
from urllib.parse import quote

import cleaner
from cleaner.model import FileReport, Finding, Level, Rule
from cleaner.report import Formatter
from cleaner.suppress import context_hash

SUMMARY = "GitHub code scanning and SARIF viewers: SARIF 2.1.0 with rule metadata, levels, fixes and fingerprints"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def artifact_location(path: str) -> dict[str, str]:
    """Locate a file: a relative URI against SRCROOT (the working folder) when under it, else a file URI."""
    target = Path(path).resolve()
    try:
        return {"uri": quote(target.relative_to(Path.cwd().resolve()).as_posix()), "uriBaseId": "SRCROOT"}
    except ValueError:
        return {"uri": target.as_uri()}


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """Describe a cleaner rule as a SARIF reportingDescriptor."""
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.message} {rule.why}", "markdown": f"**{rule.message}**\n\n{rule.why}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.level]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if rule.fix:
        descriptor["properties"]["fix"] = {"title": rule.fix.title, "safety": rule.fix.safety.value}
    return descriptor


def _adhoc_descriptor(finding: Finding) -> dict[str, Any]:
    # LanguageTool findings have no rule file; describe them from the finding itself.
    return {
        "id": finding.code,
        "name": finding.rule,
        "shortDescription": {"text": finding.rule},
        "defaultConfiguration": {"level": SARIF_LEVEL[finding.level]},
        "properties": {"category": finding.category, "tags": [finding.category, finding.source]},
    }


class SarifFormatter(Formatter):
    """One SARIF log with one run; results streamed, tool and rules written at the end."""

    def __init__(self, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> None:
        super().__init__(out, rules, color)
        self.known = {rule.code: rule for rule in self.rules}
        self.used: dict[str, int] = {}
        self.descriptors: list[dict[str, Any]] = []
        self.written = 0

    def start(self) -> None:
        """Open the log, the run and its results list."""
        self.out.write(f'{{\n  "$schema": "{SCHEMA_URI}",\n  "version": "2.1.0",\n  "runs": [\n    {{\n      "results": [')

    def handle(self, report: FileReport) -> None:
        """Write the results of one file."""
        location = artifact_location(report.path)
        for finding in report.findings:
            result = self.result(finding, location, report.text)
            body = textwrap.indent(json.dumps(result, ensure_ascii=False, indent=2), " " * 8)
            self.out.write((",\n" if self.written else "\n") + body)
            self.written += 1
        super().handle(report)

    def rule_index(self, finding: Finding) -> int:
        """Return the index of the finding's rule in the run's rules, adding it on first use."""
        if finding.code not in self.used:
            rule = self.known.get(finding.code)
            self.used[finding.code] = len(self.descriptors)
            self.descriptors.append(rule_descriptor(rule) if rule else _adhoc_descriptor(finding))
        return self.used[finding.code]

    def result(self, finding: Finding, artifact: dict[str, str], text: str) -> dict[str, Any]:
        """Build one SARIF result."""
        location = {"physicalLocation": {"artifactLocation": dict(artifact), "region": _region(finding)}}
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": self.rule_index(finding),
            "level": SARIF_LEVEL[finding.level],
            "message": {"text": finding.message},
            "locations": [location],
            "partialFingerprints": {"cleanerContext/v1": context_hash(text, finding)},
            "properties": {"category": finding.category, "source": finding.source},
        }
        if finding.safety:
            result["properties"]["safety"] = finding.safety.value
        fixes = [self.fix(finding, artifact, replacement) for replacement in finding.replacements]
        if fixes:
            result["fixes"] = fixes
        return result

    def fix(self, finding: Finding, artifact: dict[str, str], replacement: str) -> dict[str, Any]:
        """Build a SARIF fix replacing the finding's span."""
        title = finding.fix_title or (f"Replace with “{replacement}”" if replacement else "Delete")
        safety = f" ({finding.safety.value})" if finding.safety else ""
        return {
            "description": {"text": f"{title}{safety}"},
            "artifactChanges": [
                {
                    "artifactLocation": dict(artifact),
                    "replacements": [{"deletedRegion": _region(finding), "insertedContent": {"text": replacement}}],
                }
            ],
        }

    def stop(self) -> None:
        """Close the results and write the tool, its rules and the source root."""
        driver = {
            "name": "cleaner",
            "version": cleaner.__version__,
            "rules": self.descriptors,
        }
        tail = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"SRCROOT": {"uri": Path(os.getcwd()).resolve().as_uri() + "/"}},
        }
        rest = json.dumps(tail, ensure_ascii=False, indent=2)[1:-1].rstrip()  # the members without braces
        rest = textwrap.indent(rest.strip("\n"), " " * 4)
        closing = "\n      ]" if self.written else "]"
        self.out.write(f"{closing},\n{rest}\n    }}\n  ]\n}}\n")


FORMATTER = SarifFormatter
