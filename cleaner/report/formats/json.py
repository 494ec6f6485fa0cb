"""The stable JSON report (version 1), documented in the README, written one file at a time."""

from __future__ import annotations

import json
import textwrap

from typing import Any, Sequence

from cleaner.model import FileReport
from cleaner.report import Formatter

SUMMARY = "scripts: the versioned document described under JSON output"
SCHEMA_VERSION = 1


class JsonFormatter(Formatter):
    """The versioned JSON document, written one file entry at a time."""

    def start(self) -> None:
        """Open the document and the files list."""
        self.out.write(f'{{\n  "version": {SCHEMA_VERSION},\n  "files": [')

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


FORMATTER = JsonFormatter


def render_scores(results: Sequence[tuple[str, Any]]) -> str:
    """`cleaner score`: one versioned document with every file's readability."""
    payload = {"version": SCHEMA_VERSION, "files": [{"path": p, "readability": r.to_dict()} for p, r in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_fixes(fixes: Sequence[Any], color: bool = False, dry_run: bool = False) -> str:
    """`cleaner fix`: the versioned fix report (colour does not apply)."""
    from cleaner.report import fix_json

    return fix_json.render(fixes, dry_run=dry_run)
