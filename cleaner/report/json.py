"""The stable JSON report (version 1), documented in the README."""

from __future__ import annotations

import json
from typing import Iterable

from cleaner.model import FileReport
from cleaner.report import summarize

SCHEMA_VERSION = 1


def render(reports: Iterable[FileReport]) -> str:
    """Render reports as the versioned JSON document."""
    reports = list(reports)
    payload = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": r.path,
                "findings": [f.to_dict() for f in r.findings],
                "readability": dict(r.readability) if r.readability is not None else None,
            }
            for r in reports
        ],
        "summary": summarize(reports),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
