"""Golden test: professionally edited articles, full of traps, give zero findings."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from tests_support import CLEAN_SEEDS


def test_there_are_several_clean_articles() -> None:
    assert len(CLEAN_SEEDS) >= 4


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=[p.name for p in CLEAN_SEEDS])
def test_clean_article_has_zero_findings(path: Path) -> None:
    findings = cleaner.check(path.read_text(encoding="utf-8"))
    assert [(f.code, f.line, f.text) for f in findings] == []
