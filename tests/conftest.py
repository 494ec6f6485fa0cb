"""Shared fixtures: the `cleaner` CLI run in this process (fast), and markers by folder."""

from __future__ import annotations

import pytest

from tests_support import run_cli


@pytest.fixture
def cli():
    """The in-process CLI runner as a fixture."""
    return run_cli
