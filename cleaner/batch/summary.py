"""Gather what the archive summary page shows from a batch's Parquet tables.

Everything is aggregated with Arrow compute, so an archive of millions of findings is
summarised without turning every row into a Python object; the page gets plain values.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.batch.store import read_tables
from cleaner.batch.tables import LEVEL_COLUMNS, LEVELS

READABILITY_BINS = tuple(range(0, 101, 10))  # Flesch reading ease: <0, 0-10, ..., 90-100, >=100
MAX_ERRORS_LISTED = 100
MAX_MONTHS = 48  # more months than this are shown by year
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True)
class RuleCount:
    """Findings of one rule: by level, and how many articles have at least one."""

    code: str
    rule: str
    category: str
    by_level: dict[str, int]
    articles: int

    @property
    def total(self) -> int:
        """All findings of the rule."""
        return sum(self.by_level.values())


@dataclass(frozen=True)
class Period:
    """The articles of one month or year: how many, how many damaged, how many findings."""

    label: str
    articles: int
    damaged: int
    findings: int


@dataclass
class BatchSummary:
    """What the summary page shows; plain values only."""

    articles: int = 0
    checked: int = 0
    damaged: int = 0  # checked articles with at least one finding
    findings: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    safe_fixes: int = 0
    unsafe_fixes: int = 0
    worst: list[dict[str, Any]] = field(default_factory=list)
    rules: list[RuleCount] = field(default_factory=list)
    categories: list[tuple[str, int, int]] = field(default_factory=list)  # (category, findings, articles)
    readability: list[tuple[str, int]] = field(default_factory=list)  # (bin label, articles)
    median_ease: float | None = None
    periods: list[Period] = field(default_factory=list)
    undated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (id, why), the first ones
    error_count: int = 0


def gather(folder: Path, top: int) -> BatchSummary:
    """Read a batch folder and summarise it for the page."""
    import pyarrow.compute as pc

    findings, articles = read_tables(folder)
    failed = pc.is_valid(articles.column("error"))
    checked = articles.filter(pc.invert(failed))
    errors = articles.filter(failed)
    summary = BatchSummary(articles=articles.num_rows, checked=checked.num_rows, findings=findings.num_rows)
    summary.damaged = int(pc.sum(pc.greater(checked.column("findings"), 0)).as_py() or 0)
    summary.by_level = {level.value: _sum(checked, column) for level, column in zip(LEVELS, LEVEL_COLUMNS)}
    summary.safe_fixes, summary.unsafe_fixes = _sum(checked, "safe_fixes"), _sum(checked, "unsafe_fixes")
    summary.worst = _worst(checked, top)
    summary.rules, summary.categories = _by_rule(findings), _by_category(findings)
    summary.readability, summary.median_ease = _readability(checked)
    summary.periods, summary.undated = _over_time(checked)
    summary.error_count = errors.num_rows
    summary.errors = [(row["id"], row["error"]) for row in errors.slice(0, MAX_ERRORS_LISTED).to_pylist()]
    return summary


def _sum(table: Any, column: str) -> int:
    import pyarrow.compute as pc

    return int(pc.sum(table.column(column)).as_py() or 0)


def _worst(checked: Any, top: int) -> list[dict[str, Any]]:
    """The most damaged articles: most error findings first, then warnings, then infos, then id."""
    import pyarrow.compute as pc

    damaged = checked.filter(pc.greater(checked.column("findings"), 0))
    keys = [(column, "descending") for column in LEVEL_COLUMNS] + [("findings", "descending"), ("id", "ascending")]
    order = pc.sort_indices(damaged, sort_keys=keys)[:top]
    rows = damaged.take(order).to_pylist()
    for row in rows:
        row["by_code"] = sorted(row["by_code"], key=lambda pair: (-pair[1], pair[0]))
    return rows


def _by_rule(findings: Any) -> list[RuleCount]:
    grouped = findings.group_by(["code", "rule", "category", "level"]).aggregate([("id", "count")]).to_pylist()
    spread = {r["code"]: r["id_count_distinct"] for r in findings.group_by(["code"]).aggregate(
        [("id", "count_distinct")]).to_pylist()}
    rules: dict[tuple[str, str, str], dict[str, int]] = {}
    for row in grouped:
        rules.setdefault((row["code"], row["rule"], row["category"]), {})[row["level"]] = row["id_count"]
    out = [RuleCount(code, rule, category, levels, spread[code]) for (code, rule, category), levels in rules.items()]
    return sorted(out, key=lambda r: (-r.total, r.code))


def _by_category(findings: Any) -> list[tuple[str, int, int]]:
    grouped = findings.group_by(["category"]).aggregate([("id", "count"), ("id", "count_distinct")]).to_pylist()
    return sorted(((r["category"], r["id_count"], r["id_count_distinct"]) for r in grouped), key=lambda c: (-c[1], c[0]))


def _readability(checked: Any) -> tuple[list[tuple[str, int]], float | None]:
    """Count articles per band of Flesch reading ease; return the bands and the median."""
    ease = [value for value in checked.column("flesch_reading_ease").to_pylist() if value is not None]
    if not ease:
        return [], None
    labels = ["< 0"] + [f"{a}-{b}" for a, b in zip(READABILITY_BINS, READABILITY_BINS[1:])] + ["≥ 100"]
    counts = [0] * len(labels)
    for value in ease:
        counts[0 if value < 0 else min(len(labels) - 1, 1 + int(value // 10))] += 1
    return list(zip(labels, counts)), round(float(statistics.median(ease)), 1)


def _over_time(checked: Any) -> tuple[list[Period], int]:
    """Articles, damaged articles and findings per month (or per year over a long span)."""
    dates = checked.column("date").to_pylist()
    counts = checked.column("findings").to_pylist()
    months: dict[str, list[int]] = {}
    undated = 0
    for date, found in zip(dates, counts):
        match = _MONTH.match(date or "")
        if not match:
            undated += 1
            continue
        entry = months.setdefault(f"{match.group(1)}-{match.group(2)}", [0, 0, 0])
        entry[0], entry[1], entry[2] = entry[0] + 1, entry[1] + (found > 0), entry[2] + found
    if len(months) > MAX_MONTHS:
        years: dict[str, list[int]] = {}
        for month, values in months.items():
            years[month[:4]] = [a + b for a, b in zip(years.get(month[:4], [0, 0, 0]), values)]
        months = years
    return [Period(label, *values) for label, values in sorted(months.items())], undated
