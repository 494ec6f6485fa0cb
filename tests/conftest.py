"""Shared fixtures: the `cleaner` CLI run in this process (fast); the `languagetool` marker."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from tests_support import run_cli


_OWN_CACHE = "cleaner-test-cache-"


def pytest_configure(config: pytest.Config) -> None:
    """Give the run its own cache folder, unless the caller chose one."""
    # Tests build rule packs in temporary folders, and each folder gets its own compiled-cache entry;
    # in the user's ~/.cache they would pile up run after run (hundreds of MB). Child processes
    # inherit the variable, so the CLI tests' subprocesses use the same folder.
    if "CLEANER_CACHE_DIR" not in os.environ:
        os.environ["CLEANER_CACHE_DIR"] = tempfile.mkdtemp(prefix=_OWN_CACHE)
    # A check server the developer runs (or CLEANER_SERVER=auto in their shell) must not serve the
    # suite's console-script runs: tests/test_server.py turns it on for its own runs only.
    os.environ["CLEANER_SERVER"] = "off"


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the folder pytest_configure made (never one the caller chose)."""
    folder = os.environ.get("CLEANER_CACHE_DIR", "")
    if os.path.basename(folder).startswith(_OWN_CACHE):
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ["CLEANER_CACHE_DIR"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs the real LanguageTool server, so lanes can select on it."""
    for item in items:
        if "lt_install" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.languagetool)


@pytest.fixture
def cli():
    """The in-process CLI runner as a fixture."""
    return run_cli


@pytest.fixture
def no_rule_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the engine's wall-clock budget per rule, for tests that judge work by counting it."""
    # On a loaded shared machine a rule wrapped in counting code can overrun its budget and be
    # stopped; such a test must fail on the count it measures, never on the clock.
    from cleaner import engine

    monkeypatch.setattr(engine, "RULE_BUDGET_FACTOR", 1000)

