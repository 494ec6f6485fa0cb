"""Which rules run and how loud they are: select/ignore, level overrides, readability limits, fail-on.

A selector is `ALL`, a code (`PU101`), a code prefix (`PU`, `LT:`), a rule name
(`double-period`), an alias, a category (`punctuation`) or a source (`languagetool`).
When select and ignore both match, the more specific selector wins (an exact code beats a
prefix, a prefix beats a category); on a tie, ignore wins.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from cleaner.config import EffectiveConfig, key_line
from cleaner.errors import InputError, RuleFileError
from cleaner.model import Finding, Level, Rule

NO_MATCH = -1
_EXACT = 100
# Categories and codes that exist only at run time (LanguageTool), so selectors may name them.
_RUNTIME_PREFIXES = ("LT:", "LT")
_RUNTIME_CATEGORIES = frozenset(
    "spelling grammar punctuation capitalization typography style whitespace languagetool".split()
)


@dataclass(frozen=True)
class Target:
    """What a selector is matched against: one rule, or the rule behind a finding."""

    code: str
    name: str
    category: str
    source: str = "cleaner"
    aliases: tuple[str, ...] = ()


def target_of(item: Rule | Finding, aliases: Mapping[str, tuple[str, ...]] | None = None) -> Target:
    """Describe a rule or a finding for matching; `aliases` maps a code to its old codes."""
    if isinstance(item, Rule):
        return Target(item.code, item.name, item.category, item.source, item.aliases)
    return Target(item.code, item.rule, item.category, item.source, (aliases or {}).get(item.code, ()))


def rank(selector: str, target: Target) -> int:
    """Return how specifically `selector` matches (higher is more specific), or NO_MATCH."""
    if selector == "ALL":
        return 0
    if selector in (target.code, target.name, *target.aliases):
        return _EXACT
    if selector in (target.category, target.source):
        return 1
    if selector.upper() == selector and any(c.startswith(selector) for c in (target.code, *target.aliases)):
        return 1 + len(selector)
    return NO_MATCH


def best_rank(selectors: Iterable[str], target: Target) -> int:
    """Return the highest rank of any selector for the target."""
    return max((rank(s, target) for s in selectors), default=NO_MATCH)


def is_selected(target: Target, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """True when select matches and matches more specifically than ignore."""
    chosen = best_rank(select, target)
    return chosen > NO_MATCH and chosen > best_rank(ignore, target)


def level_for(target: Target, default: Level, levels: Sequence[tuple[str, Level]]) -> Level:
    """Return the level of the most specific override that matches, else `default`."""
    best, level = NO_MATCH, default
    for selector, override in levels:
        score = rank(selector, target)
        if score > best:
            best, level = score, override
    return level


@dataclass(frozen=True)
class Selection:
    """The select/ignore/levels part of a configuration, picklable for worker processes."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    levels: tuple[tuple[str, Level], ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, config: EffectiveConfig, rules: Iterable[Rule] = ()) -> "Selection":
        """Build the selection of a configuration; `rules` supply the aliases of old codes."""
        aliases = tuple(sorted((r.code, r.aliases) for r in rules if r.aliases))
        return cls(config.select, config.ignore, config.levels, aliases)

    def rules(self, rules: Iterable[Rule]) -> tuple[Rule, ...]:
        """Return the selected rules with their level overrides applied."""
        out = []
        for rule in rules:
            target = target_of(rule)
            if is_selected(target, self.select, self.ignore):
                level = level_for(target, rule.level, self.levels)
                out.append(rule if level is rule.level else dataclasses.replace(rule, level=level))
        return tuple(out)

    def findings(self, findings: Iterable[Finding]) -> list[Finding]:
        """Drop findings of rules that are not selected and apply level overrides (LanguageTool's too)."""
        aliases = dict(self.aliases)
        out = []
        for finding in findings:
            target = target_of(finding, aliases)
            if not is_selected(target, self.select, self.ignore):
                continue
            level = level_for(target, finding.level, self.levels)
            out.append(finding if level is finding.level else dataclasses.replace(finding, level=level))
        return out

    def __call__(self, source: object, findings: list[Finding]) -> list[Finding]:
        """Act as a runner filter."""
        return self.findings(findings)


def unknown_selectors(selectors: Iterable[str], rules: Sequence[Rule]) -> list[str]:
    """Return the selectors that match no rule, prefix, category or LanguageTool code."""
    targets = [target_of(r) for r in rules]
    bad = []
    for selector in selectors:
        if selector == "ALL" or selector.startswith(_RUNTIME_PREFIXES) or selector in _RUNTIME_CATEGORIES:
            continue
        if not any(rank(selector, t) > NO_MATCH for t in targets):
            bad.append(selector)
    return bad


def validate_config_selectors(config: EffectiveConfig, rules: Sequence[Rule]) -> None:
    """Raise RuleFileError naming the config file and key for a selector that matches nothing."""
    for key, selectors in (("select", config.select), ("ignore", config.ignore), ("levels", [k for k, _ in config.levels])):
        bad = unknown_selectors(selectors, rules)
        if bad:
            dotted = f"levels.{bad[0]}" if key == "levels" else key
            where = f"{config.path}:{key_line(config.path, dotted)}" if config.path else "configuration"
            prefix = "tool.cleaner." if config.path and config.path.name == "pyproject.toml" else ""
            raise RuleFileError(f"{where}: {prefix}{key}: '{bad[0]}' matches no rule code, name or category")


def validate_cli_selectors(option: str, selectors: Iterable[str], rules: Sequence[Rule]) -> None:
    """Raise InputError (exit 2) for a command-line selector that matches nothing."""
    bad = unknown_selectors(selectors, rules)
    if bad:
        raise InputError(f"{option}: '{bad[0]}' matches no rule code, name or category")


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    """True when any finding is at or above the fail-on level ('never' never fails)."""
    if fail_on == "never":
        return False
    threshold = Level(fail_on).rank
    return any(f.level.rank >= threshold for f in findings)
