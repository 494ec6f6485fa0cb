"""Shared word lists for rules: data/<name>.yaml in the rule's own folder, else in the built-in pack.

A team's rule folder may carry its own `data/` next to its rules, so a team rule can name a
gazetteer the built-in pack does not have (or its own version of one). Each file is read once; a
parsed list is also kept in the compiled cache (keyed by the file's content), so a start reads JSON
instead of parsing YAML.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from cleaner import compiled_cache
from cleaner.loader import builtin_rules_dir
from cleaner.model import Rule


def load(name: str, rule: Rule | None = None) -> Any:
    """Return the parsed data/<name>.yaml for `rule` (shared and cached: treat it as read-only)."""
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"gazetteer name '{name}' must be a plain file name")
    return _read(data_path(name, rule))


def data_path(name: str, rule: Rule | None = None) -> Path:
    """Where a rule's gazetteer lives: its own folder's data/ first, then the built-in pack's."""
    folders = ([Path(rule.folder)] if rule is not None and rule.folder else []) + [builtin_rules_dir()]
    for folder in folders:
        candidate = folder / "data" / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return folders[-1] / "data" / f"{name}.yaml"


@functools.lru_cache(maxsize=None)
def _read(path: Path) -> Any:
    key = compiled_cache.fingerprint([path], "gazetteer 1")
    # Two folders may hold a gazetteer of the same name: the entry is named after the path too.
    entry = f"gazetteer_{path.stem.replace('-', '_')}_{compiled_cache.location_tag(path)}"
    return compiled_cache.load_or_build(entry, key, lambda: _parse(path))


def _parse(path: Path) -> Any:
    import yaml

    name = path.stem
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise ValueError(f"gazetteer '{name}' cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"gazetteer '{name}' is not valid YAML: {exc}") from None
    if not isinstance(data, (dict, list)):
        raise ValueError(f"gazetteer '{name}' must be a mapping or a list")
    return data
