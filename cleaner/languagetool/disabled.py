"""Which LanguageTool rules cleaner reports by default: decided by measurement, not by hand.

`python benchmarks/languagetool_rules.py` runs LanguageTool over the development corpus and the
clean texts and writes rules.tsv beside this module: one row per rule that matched, with its
matches on clean text, its matches on damaged text and the annotated errors it caught, and whether
it stays on. A rule the measurement turned off is dropped after the check, so the per-paragraph
cache serves the measurement and a normal run alike. A rule that never matched has no figure, so
it is not reported either: only rules the measurement kept on are.

A user re-enables a rule with `enabled-rules` under `[tool.cleaner.languagetool]` and turns any
rule off at the server with `disabled-rules`; a rule named in both lists stays enabled.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

RULES_FILE = Path(__file__).with_name("rules.tsv")
#: The most false findings per 1,000 words of clean text that rules + LanguageTool may make for
#: `check` to use LanguageTool by default (`auto`); rules.tsv records whether the measurement met it.
BAR_COMBINED = 0.5
COLUMNS = (
    "rule", "state", "category", "clean-originals", "own-clean", "mqm-error-free", "found", "true",
    "caught", "new", "reason",
)


@dataclass(frozen=True)
class MeasuredRule:
    """One row of rules.tsv: a LanguageTool rule's figures on the development data and its state."""

    rule: str
    on: bool
    category: str
    clean_false: tuple[int, int, int]  # matches on clean originals, own clean articles, MQM error-free
    found: int  # matches on damaged text
    true: int  # of those, overlapping an annotated error
    caught: int  # annotated errors it overlaps
    new: int  # of those, errors the rule pack misses
    reason: str

    def figures(self) -> str:
        """Return the figures as one line of text."""
        originals, own, mqm = self.clean_false
        return (
            f"clean text: {originals} on originals, {own} on own clean, {mqm} on MQM error-free;"
            f" damaged text: {self.true}/{self.found} true, {self.new} of {self.caught} caught errors new"
        )


def parse_rules(text: str) -> dict[str, MeasuredRule]:
    """Read rules.tsv (comments start with #; the first other line names the columns)."""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows:
        return {}
    if tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{RULES_FILE.name}: columns must be {', '.join(COLUMNS)}")
    table = {}
    for row in rows[1:]:
        rule, state, category, originals, own, mqm, found, true, caught, new, reason = row
        table[rule] = MeasuredRule(
            rule, state == "on", category, (int(originals), int(own), int(mqm)),
            int(found), int(true), int(caught), int(new), reason,
        )
    return table


@functools.lru_cache(maxsize=1)
def measured_rules() -> Mapping[str, MeasuredRule]:
    """Return the packaged measurement, by rule id (empty when the file is missing)."""
    try:
        return parse_rules(RULES_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def combined_bar_met(text: str | None = None) -> bool:
    """True when rules.tsv records that rules + LanguageTool met BAR_COMBINED on every clean group,
    both on the development data (`# combined:`) and chosen on one half, scored on the other (`# validated:`)."""
    if text is None:
        text = RULES_FILE.read_text(encoding="utf-8") if RULES_FILE.exists() else ""
    verdicts = {}
    for line in text.splitlines():
        for label in ("combined", "validated"):
            if line.startswith(f"# {label}:"):
                verdicts.setdefault(label, line.rstrip().endswith(": met"))
    return len(verdicts) == 2 and all(verdicts.values())


def default_disabled() -> frozenset[str]:
    """Return the ids of the rules the measurement turned off."""
    return frozenset(rule for rule, row in measured_rules().items() if not row.on)


def disabled_reasons() -> dict[str, str]:
    """Return each rule turned off by default with its reason and figures."""
    return {
        rule: f"{row.reason} ({row.figures()})" for rule, row in measured_rules().items() if not row.on
    }


def reported(rule_id: str, enabled: frozenset[str]) -> bool:
    """True when a match of this rule is reported: the measurement kept it on, or the user enabled it.

    A rule the measurement never saw match is not reported: the rules seen once on clean text say
    that the unseen ones together would cost more than the whole budget (rules.tsv's header).
    """
    row = measured_rules().get(rule_id)
    return (row is not None and row.on) or rule_id in enabled


def effective_rules(
    disabled: tuple[str, ...] | frozenset[str], enabled: tuple[str, ...] | frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Return (disabled, enabled) for the server: the user's lists, an enabled rule winning.

    The measured defaults are applied after the check (`reported`), not sent to the server.
    """
    on = frozenset(r.strip() for r in enabled if r.strip())
    off = frozenset(r.strip() for r in disabled if r.strip()) - on
    return off, on


def __getattr__(name: str) -> object:
    """DISABLED_RULES: rule id -> reason with figures, read from rules.tsv on first use."""
    if name == "DISABLED_RULES":
        return disabled_reasons()
    raise AttributeError(name)
