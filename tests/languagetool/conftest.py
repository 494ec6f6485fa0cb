"""Fixtures for the LanguageTool tests: one real server for the whole session, no mocks.

Set CLEANER_SKIP_LANGUAGETOOL=1 to skip them; otherwise a missing install fails the run,
because CI installs LanguageTool first (.ci/install-languagetool.sh).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.languagetool.client import probe
from cleaner.languagetool.install import Install, find_install
from cleaner.languagetool.java import find_java
from cleaner.languagetool.options import GrammarOptions, default_install_dir
from cleaner.languagetool.server import LocalServer
from tests_support import SPELLING

DATA = Path(__file__).parent / "data"
SKIP = os.environ.get("CLEANER_SKIP_LANGUAGETOOL") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests that need the real server when CLEANER_SKIP_LANGUAGETOOL=1."""
    if not SKIP:
        return
    marker = pytest.mark.skip(reason="CLEANER_SKIP_LANGUAGETOOL=1")
    for item in items:
        if "lt_install" in getattr(item, "fixturenames", ()):
            item.add_marker(marker)


@pytest.fixture(scope="session")
def lt_install() -> Install:
    """The installed LanguageTool; fails (not skips) when it is missing."""
    install_dir = default_install_dir()
    inst = find_install(install_dir)
    if inst is None:
        pytest.fail(
            f"LanguageTool is not installed in {install_dir}: run `cleaner languagetool install`"
            " (or set CLEANER_SKIP_LANGUAGETOOL=1)"
        )
    return inst


@pytest.fixture(scope="session")
def lt_url(lt_install: Install) -> Iterator[str]:
    """URL of one LanguageTool server shared by the session's tests."""
    server = LocalServer(lt_install, find_java(), max_memory="512m")
    try:
        url = server.start()
        probe(url, "en-US", 180.0)  # warm up: the first check loads the English rules
        yield url
    finally:
        server.stop()


@pytest.fixture
def options(lt_url: str, tmp_path: Path) -> GrammarOptions:
    """Options pointing at the shared server, with a fresh cache folder."""
    return GrammarOptions(mode="on", url=lt_url, cache_dir=tmp_path / "lt-cache", enabled_rules=SPELLING)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The garbled news article from seeds/ (a copy, so the tests do not move with seeds/)."""
    return (DATA / "seed.txt").read_text(encoding="utf-8")
