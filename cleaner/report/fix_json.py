"""The JSON report of a fix run (version 1), documented in the README."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable

from cleaner.fixer import FileFix
from cleaner.readability import delta

SCHEMA_VERSION = 1


def render(fixes: Iterable[FileFix], dry_run: bool = False) -> str:
    """Render fix results as the versioned JSON document."""
    fixes = list(fixes)
    payload = {
        "version": SCHEMA_VERSION,
        "files": [file_entry(f) for f in fixes],
        "summary": summarize(fixes, dry_run),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def file_entry(fix: FileFix) -> dict[str, Any]:
    """Return one file's entry: what changed, what was applied, what remains, readability."""
    result = fix.result
    readability = None
    if fix.before is not None and fix.after is not None:
        readability = {
            "before": fix.before.to_dict(),
            "after": fix.after.to_dict(),
            "change": delta(fix.before, fix.after),
        }
    return {
        "path": fix.path,
        "changed": result.changed,
        "passes": result.passes,
        "applied": [f.to_dict() for f in result.applied],
        "remaining": [f.to_dict() for f in result.remaining],
        "unstable": list(result.unstable),
        "readability": readability,
        "thresholds": list(fix.problems),
    }


def summarize(fixes: list[FileFix], dry_run: bool = False) -> dict[str, Any]:
    """Count files, applied fixes and remaining findings (by safety) over all files."""
    remaining = [r for f in fixes for r in f.result.remaining]
    by_safety = Counter((r.safety.value if r.safety else "none") for r in remaining)
    return {
        "files": len(fixes),
        "files_changed": sum(1 for f in fixes if f.result.changed),
        "applied": sum(len(f.result.applied) for f in fixes),
        "remaining": len(remaining),
        "remaining_by_safety": dict(sorted(by_safety.items())),
        "threshold_failures": sum(len(f.problems) for f in fixes),
        "dry_run": dry_run,
    }
