"""Frozen value types shared by every part of cleaner: rules, hits, findings, edits."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from types import MappingProxyType
from typing import Any, Mapping


class Level(str, Enum):
    """How serious a finding is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return 0 for info, 1 for warning, 2 for error (for --fail-on comparisons)."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}


class Safety(str, Enum):
    """How much a fix may be trusted: safe fixes are applied by default."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    SUGGEST = "suggest"

    @property
    def rank(self) -> int:
        """Return 0 for safe, 1 for unsafe, 2 for suggest."""
        return _SAFETY_RANK[self]


_SAFETY_RANK = {Safety.SAFE: 0, Safety.UNSAFE: 1, Safety.SUGGEST: 2}


@dataclass(frozen=True)
class FixSpec:
    """A rule's declared fix: a replacement template and how safe it is."""

    title: str
    safety: Safety
    replace: str | None = None


@dataclass(frozen=True)
class FailExample:
    """Text that must trigger the rule: the spans it must report, and the text after the fix.

    `flag` is the exact text of one span the rule must report (a string), or of every span it
    reports, in order (a tuple); None means "derive it from `fixed`" (a reported span must then
    cover the changed text).
    """

    text: str
    flag: str | tuple[str, ...] | None = None
    fixed: str | None = None


def _no_options() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Rule:
    """One rule, loaded from a YAML file; `options` holds the kind's fields, defaults filled in.

    Rules are hashable (the option mappings take no part in the hash, only in equality) so a
    compiled engine can be cached by its rules, and picklable for worker processes.
    """

    code: str
    name: str
    category: str
    level: Level
    kind: str
    message: str
    why: str
    summary: str
    options: Mapping[str, Any] = field(default_factory=_no_options, hash=False)
    fix: FixSpec | None = None
    fail_examples: tuple[FailExample, ...] = ()
    pass_examples: tuple[str, ...] = ()
    path: str = ""
    aliases: tuple[str, ...] = ()
    source: str = "cleaner"
    folder: str = ""  # the rule folder it was loaded from: its data/ holds the rule's word lists
    example_options: Mapping[str, Any] = field(default_factory=_no_options, hash=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only mappings cannot be pickled; send plain dicts and wrap them again on arrival.
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["options"], state["example_options"] = dict(self.options), dict(self.example_options)
        return (_rule_from_state, (state,))


def _rule_from_state(state: dict[str, Any]) -> Rule:
    state["options"] = MappingProxyType(state["options"])
    state["example_options"] = MappingProxyType(state["example_options"])
    return Rule(**state)


@dataclass(frozen=True)
class Hit:
    """What a rule kind reports: a span, candidate replacements, optional overrides."""

    start: int
    end: int
    replacements: tuple[str, ...] = ()
    message: str | None = None
    safety: Safety | None = None


@dataclass(frozen=True)
class Finding:
    """A reported problem with its position in the decoded text."""

    code: str
    rule: str
    category: str
    level: Level
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    replacements: tuple[str, ...] = ()
    safety: Safety | None = None
    source: str = "cleaner"
    fix_title: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        """Order findings by position, then code, so output is deterministic."""
        return (self.start, self.end, self.code, self.message)

    @property
    def fixable(self) -> bool:
        """True when the finding carries a concrete replacement that is not a mere suggestion."""
        return bool(self.replacements) and self.safety in (Safety.SAFE, Safety.UNSAFE)

    def to_dict(self) -> dict[str, Any]:
        """Return the stable JSON shape documented in the README."""
        return {
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "level": self.level.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "replacements": list(self.replacements),
            "safety": self.safety.value if self.safety else None,
            "source": self.source,
        }


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class FileReport:
    """Everything reported about one input: its findings and readability."""

    path: str
    text: str
    findings: tuple[Finding, ...]
    readability: Mapping[str, Any] | None = None
    stopped: tuple[str, ...] = ()  # codes of rules stopped for running past their time budget
