"""The parsed, validated rule pack, kept in the compiled cache so a start skips YAML and validation.

The entry's key covers every file the result can depend on: each rule file in the rule
folders, every built-in data file (word lists and lexicon tables, at any depth), and the
code that parses and validates rules (every module of the package and of its kinds).
Editing any of them gives a new key, so a changed rule is re-read and re-validated, and
its errors are reported as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable

from cleaner import compiled_cache
from cleaner.model import FailExample, FixSpec, Level, Rule, Safety

_PACKAGE = Path(__file__).resolve().parent


def cached_rules(folders: tuple[Path, ...], parse: Callable[[], tuple[Rule, ...]], data_dir: Path) -> tuple[Rule, ...]:
    """Return the rules of `folders`, from the cache when nothing they depend on has changed."""
    key = compiled_cache.fingerprint(_inputs(folders, data_dir), sys.version, _cleaner_version())
    # One entry per set of folders, so runs with and without --extra-rules do not evict each other.
    name = "rules_" + hashlib.blake2b("\0".join(map(str, folders)).encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    data = compiled_cache.load_or_build(name, key, lambda: [rule_to_json(rule) for rule in parse()])
    return tuple(rule_from_json(item) for item in data)


def _inputs(folders: tuple[Path, ...], data_dir: Path) -> list[Path]:
    files = [path for folder in folders for path in _files(folder, ".yaml", recursive=True)]
    files += _files(data_dir, "", recursive=True)
    return files + _files(_PACKAGE, ".py") + _files(_PACKAGE / "kinds", ".py")


def _files(folder: Path, suffix: str, recursive: bool = False) -> list[Path]:
    """Files ending in `suffix`, sorted (os.walk: pathlib's glob costs more than the hashing)."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        found += [Path(root, name) for name in names if name.endswith(suffix)]
        if not recursive:
            break
    return sorted(found)


def _cleaner_version() -> str:
    import cleaner

    return str(cleaner.__version__)


def rule_to_json(rule: Rule) -> dict[str, Any]:
    """Return the rule as plain JSON data."""
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "level": rule.level.value,
        "kind": rule.kind,
        "message": rule.message,
        "why": rule.why,
        "summary": rule.summary,
        "options": dict(rule.options),
        "fix": None if rule.fix is None else [rule.fix.title, rule.fix.safety.value, rule.fix.replace],
        "fail_examples": [[example.text, example.fixed] for example in rule.fail_examples],
        "pass_examples": list(rule.pass_examples),
        "path": rule.path,
        "aliases": list(rule.aliases),
        "source": rule.source,
    }


def rule_from_json(data: dict[str, Any]) -> Rule:
    """Rebuild a Rule equal to the one `rule_to_json` was given."""
    fix = data["fix"]
    return Rule(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        level=Level(data["level"]),
        kind=data["kind"],
        message=data["message"],
        why=data["why"],
        summary=data["summary"],
        options=MappingProxyType(data["options"]),
        fix=None if fix is None else FixSpec(title=fix[0], safety=Safety(fix[1]), replace=fix[2]),
        fail_examples=tuple(FailExample(text, fixed) for text, fixed in data["fail_examples"]),
        pass_examples=tuple(data["pass_examples"]),
        path=data["path"],
        aliases=tuple(data["aliases"]),
        source=data["source"],
    )
