"""Shared test helpers: paths and a real subprocess runner for the `cleaner` CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests_support import ROOT


def run_cli(*args: str, input_bytes: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m cleaner.cli ARGS` in a real subprocess and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args],
        input=input_bytes,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


@pytest.fixture
def cli():
    """The CLI runner as a fixture."""
    return run_cli
