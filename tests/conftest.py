"""Shared fixtures: a real subprocess runner for the `cleaner` CLI."""

from __future__ import annotations

import pytest

from tests_support import run_cli


@pytest.fixture
def cli():
    """The CLI runner as a fixture."""
    return run_cli
