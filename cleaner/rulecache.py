"""The parsed, validated rule pack, kept in the compiled cache so a start skips YAML and validation.

The entry's key covers every file the result can depend on: each rule file in the rule
folders, every built-in data file (word lists and lexicon tables, at any depth), and the
code that parses and validates rules (every module of the package and of its kinds), each
by its size and its modification and change times. Editing any of them gives a new key, so a changed rule is re-read and re-validated, and
its errors are reported as before.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from enum import Enum
from types import MappingProxyType
from typing import Any, Callable, Mapping

from cleaner import compiled_cache
from cleaner.model import FailExample, FixSpec, Level, Rule, Safety

_PACKAGE = Path(__file__).resolve().parent
_TUPLE = "__tuple__"


def cached_rules(folders: tuple[Path, ...], parse: Callable[[], tuple[Rule, ...]], data_dir: Path) -> tuple[Rule, ...]:
    """Return the rules of `folders`, from the cache when nothing they depend on has changed."""
    # Each file by size and modification and change times, not by content: reading and hashing
    # 200 files took about 8 ms of every start, and any write to a file changes its times.
    key = compiled_cache.fingerprint(_inputs(folders, data_dir), sys.version, _cleaner_version(), content_limit=-1)
    # One entry per set of folders, so runs with and without --extra-rules do not evict each other.
    name = "rules_" + compiled_cache.location_tag("\0".join(map(str, folders)), size=6)
    data = compiled_cache.load_or_build(name, key, lambda: [rule_to_json(rule) for rule in parse()])
    return tuple(rule_from_json(item) for item in data)


def _inputs(folders: tuple[Path, ...], data_dir: Path) -> list[str]:
    files = [path for folder in folders for path in _files(folder, ".yaml", recursive=True)]
    files += _files(data_dir, "", recursive=True)
    return files + _files(_PACKAGE, ".py") + _files(_PACKAGE / "kinds", ".py")


def _files(folder: Path, suffix: str, recursive: bool = False) -> list[str]:
    """Paths of the files ending in `suffix`, sorted (os.walk and strings: Path objects cost more than the stats)."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, name) for name in names if name.endswith(suffix)]
        if not recursive:
            break
    return sorted(found)


def _cleaner_version() -> str:
    import cleaner

    return str(cleaner.__version__)


def rule_to_json(rule: Rule) -> dict[str, Any]:
    """Return the rule as plain JSON data: every field of Rule, so a new field cannot be forgotten."""
    return {f.name: _plain(getattr(rule, f.name)) for f in dataclasses.fields(Rule)}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):  # options mix YAML lists and declared tuple defaults: keep which is which
        return {_TUPLE: [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _restore(value: Any) -> Any:
    # Scalars are returned without a call: the option tables hold thousands of strings (1.8 to 1.1 ms a start).
    if isinstance(value, dict):
        if len(value) == 1 and _TUPLE in value:
            return tuple([_restore(item) if type(item) in _NESTED else item for item in value[_TUPLE]])
        return {key: _restore(item) if type(item) in _NESTED else item for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item) if type(item) in _NESTED else item for item in value]
    return value


_NESTED = (dict, list)  # what a marshalled JSON value nests in (exact types: marshal builds no subclasses)


def rule_from_json(data: dict[str, Any]) -> Rule:
    """Rebuild a Rule equal to the one `rule_to_json` was given."""
    data = _restore(data)
    fix = data["fix"]
    return Rule(
        **{**data,
           "level": Level(data["level"]),
           "options": MappingProxyType(data["options"]),
           "example_options": MappingProxyType(data["example_options"]),
           "fix": None if fix is None else FixSpec(title=fix["title"], safety=Safety(fix["safety"]), replace=fix["replace"]),
           "fail_examples": tuple(_example(item) for item in data["fail_examples"])}
    )


def _example(item: dict[str, Any]) -> FailExample:
    return FailExample(item["text"], item["flag"], item["fixed"])
