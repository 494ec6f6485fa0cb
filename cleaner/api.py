"""The public Python API: `cleaner.check(text)` and friends."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from cleaner.document import Document
from cleaner.engine import Engine, compiled
from cleaner.loader import load_rules
from cleaner.model import Finding, Rule


def engine_for(folders: tuple[Path, ...] | None = None) -> Engine:
    """Return the compiled engine for the rule folders (default: the built-in pack), built once."""
    return compiled(load_rules(folders))


def check(text: str | Document, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Check a text with the built-in rules (or the given ones) and return sorted findings."""
    engine = engine_for() if rules is None else compiled(tuple(rules))
    return engine.check(text)
