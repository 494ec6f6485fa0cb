"""The public Python API: `cleaner.check(text)` and friends."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.model import Finding, Rule


@functools.lru_cache(maxsize=8)
def engine_for(folders: tuple[Path, ...] | None = None) -> Engine:
    """Return a compiled engine for the rule folders (default: the built-in pack), built once."""
    return build_engine(load_rules(folders))


def build_engine(rules: Sequence[Rule]) -> Engine:
    """Build an engine, reusing the patterns compiled by earlier runs (cleaner.regex_cache)."""
    from cleaner.regex_cache import warm_session

    with warm_session():
        return Engine(rules)


def check(text: str | Document, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Check a text with the built-in rules (or the given ones) and return sorted findings."""
    engine = engine_for() if rules is None else Engine(rules)
    return engine.check(text)
