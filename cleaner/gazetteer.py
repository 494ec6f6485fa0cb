"""Shared word lists for rules: rules/data/<name>.yaml, read once and cached.

A parsed list is also kept in the compiled cache (keyed by the file's content), so a start
reads JSON instead of parsing YAML.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from cleaner import compiled_cache
from cleaner.loader import builtin_rules_dir


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Return the parsed rules/data/<name>.yaml (shared and cached: treat it as read-only)."""
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"gazetteer name '{name}' must be a plain file name")
    path = builtin_rules_dir() / "data" / f"{name}.yaml"
    key = compiled_cache.fingerprint([path], "gazetteer 1")
    return compiled_cache.load_or_build("gazetteer_" + name.replace("-", "_"), key, lambda: _parse(name, path))


def _parse(name: str, path: Path) -> Any:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise ValueError(f"gazetteer '{name}' cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"gazetteer '{name}' is not valid YAML: {exc}") from None
    if not isinstance(data, (dict, list)):
        raise ValueError(f"gazetteer '{name}' must be a mapping or a list")
    return data
