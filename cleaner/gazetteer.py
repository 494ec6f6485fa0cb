"""Shared word lists for rules: rules/data/<name>.yaml, read once and cached."""

from __future__ import annotations

import functools
from typing import Any

import yaml

from cleaner.loader import builtin_rules_dir


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Return the parsed rules/data/<name>.yaml (shared and cached: treat it as read-only)."""
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"gazetteer name '{name}' must be a plain file name")
    path = builtin_rules_dir() / "data" / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"gazetteer '{name}' cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"gazetteer '{name}' is not valid YAML: {exc}") from None
    if not isinstance(data, (dict, list)):
        raise ValueError(f"gazetteer '{name}' must be a mapping or a list")
    return data
