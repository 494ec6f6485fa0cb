"""Retired rule codes: `retired.yaml` at the top of a rule folder, with code, name and reason.

A retired code or name is never used again (ruff's rule): the loader refuses a rule that
takes one, and `cleaner explain` tells why the old rule went.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from cleaner.errors import RuleFileError
from cleaner.model import Rule
from cleaner.schema import TEXT, Option, OptionProblem, complete

FILE_NAME = "retired.yaml"
ENTRY_FIELDS = (
    Option("code", TEXT, "The code the rule had.", required=True),
    Option("name", TEXT, "The name the rule had.", required=True),
    Option("reason", TEXT, "Why it was retired, or what replaced it.", required=True),
)


@dataclass(frozen=True)
class Retired:
    """A rule that no longer exists."""

    code: str
    name: str
    reason: str
    path: str


@functools.lru_cache(maxsize=16)
def load_retired(folder: Path) -> tuple[Retired, ...]:
    """Read `folder`/retired.yaml (no file: nothing retired); errors name the file and the entry."""
    path = folder / FILE_NAME
    if not path.is_file():
        return ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleFileError(f"{path}: cannot read the retired codes: {exc}") from None
    entries = data.get("retired") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RuleFileError(f"{path}:1: retired: must be a list of {{code, name, reason}}")
    out = []
    for index, entry in enumerate(entries):
        try:
            values = complete(ENTRY_FIELDS, entry if isinstance(entry, dict) else {}, "a retired code")
        except OptionProblem as exc:
            line = _entry_line(path, index)
            raise RuleFileError(f"{path}:{line}: retired[{index}].{exc.key}: {exc}") from None
        out.append(Retired(values["code"], values["name"], values["reason"], str(path)))
    return tuple(out)


def _entry_line(path: Path, index: int) -> int:
    """The line where entry `index` of the retired list starts (1 when it cannot be told)."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    for key, value in getattr(root, "value", ()):
        if getattr(key, "value", None) == "retired" and index < len(getattr(value, "value", ())):
            return value.value[index].start_mark.line + 1
    return 1


def check_not_reused(rules: Iterable[Rule], retired: Iterable[Retired]) -> None:
    """Refuse a rule whose code, alias or name belongs to a retired rule."""
    gone = {key: entry for entry in retired for key in (entry.code, entry.name)}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in gone:
                entry = gone[key]
                from cleaner.loader import field_of  # the loader imports this module

                raise RuleFileError(
                    f"{field_of(rule, key)}: '{key}' belonged to the retired rule {entry.code} {entry.name} "
                    f"({entry.path}); codes and names are never reused"
                )
