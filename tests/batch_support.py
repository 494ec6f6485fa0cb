"""Helpers for the `cleaner batch` tests: generated archives, the two CLIs, the result tables."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests_support import ROOT

_spec = importlib.util.spec_from_file_location("archive_corpus", ROOT / "benchmarks" / "archive_corpus.py")
archive_corpus = importlib.util.module_from_spec(_spec)
sys.modules["archive_corpus"] = archive_corpus  # dataclasses look their module up by name
_spec.loader.exec_module(archive_corpus)

# A rule whose pattern backtracks without end on a long run of q's (and is instant on prose):
# the rule kinds' time budget stops it, and batch must turn that into an error row.
RUNAWAY_RULE = r"""
code: ZZ901
name: runaway-pattern
summary: A pattern that backtracks for ever on a run of q's.
why: Tests the time budget.
level: info
kind: pattern
pattern: '(?:q|qq)+z'
message: Runaway.
examples:
  fail: [{text: "qqz", flag: "qqz"}]
  pass: ["quiz", "queue"]
"""
RUNAWAY_TEXT = "A planted article.\n\n" + "q" * 60 + " never ends.\n"


def cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `python -m cleaner.cli ARGS` and capture text output."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=timeout
    )


def batch_ok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `cleaner batch ARGS` and insist it succeeded."""
    done = cli("batch", "--no-progress", *args, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def check_json(*args: str, cwd: Path | None = None) -> dict[str, dict[str, Any]]:
    """Run `cleaner check --format json` and return each file's entry by path."""
    done = cli("check", "--format", "json", "--fail-on", "never", *args, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return {entry["path"]: entry for entry in json.loads(done.stdout)["files"]}


def tables(folder: Path) -> tuple[Any, Any]:
    """Return the (findings, articles) Arrow tables of a batch folder."""
    from cleaner.batch.store import read_tables

    return read_tables(folder)


def articles_by_id(folder: Path) -> dict[str, dict[str, Any]]:
    """Return the articles table's rows by id."""
    return {row["id"]: row for row in tables(folder)[1].to_pylist()}


def findings_by_id(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Return the findings table as JSON-format finding dicts per article id."""
    from cleaner.batch.tables import finding_dicts

    return finding_dicts(tables(folder)[0])
