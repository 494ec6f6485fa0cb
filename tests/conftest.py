"""Shared fixtures: the `cleaner` CLI run in this process (fast); the `languagetool` marker."""

from __future__ import annotations

import pytest

from tests_support import run_cli


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs the real LanguageTool server, so lanes can select on it."""
    for item in items:
        if "lt_install" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.languagetool)


@pytest.fixture
def cli():
    """The in-process CLI runner as a fixture."""
    return run_cli
