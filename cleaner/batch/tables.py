"""The two result tables of a batch and how one partition's rows become Arrow tables.

`findings`: one row per finding, the article id and the fields of the JSON format.
`articles`: one row per article: counts by level and rule, fixable count, readability,
and `error` (why the article could not be checked) instead of findings when it failed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import pyarrow as pa

from cleaner.model import FileReport, Level, Safety

READABILITY_COLUMNS = (
    ("flesch_reading_ease", pa.float64()),
    ("flesch_kincaid_grade", pa.float64()),
    ("gunning_fog", pa.float64()),
    ("smog_index", pa.float64()),
    ("coleman_liau_index", pa.float64()),
    ("automated_readability_index", pa.float64()),
    ("dale_chall", pa.float64()),
    ("text_standard", pa.string()),
    ("words", pa.int64()),
    ("sentences", pa.int64()),
)
LEVELS = (Level.ERROR, Level.WARNING, Level.INFO)
LEVEL_COLUMNS = tuple(f"level_{level.value}" for level in LEVELS)  # finding counts by level

FINDINGS_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("code", pa.string()),
    ("rule", pa.string()),
    ("category", pa.string()),
    ("level", pa.string()),
    ("message", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("line", pa.int64()),
    ("column", pa.int64()),
    ("end_line", pa.int64()),
    ("end_column", pa.int64()),
    ("text", pa.string()),
    ("replacements", pa.list_(pa.string())),
    ("safety", pa.string()),
    ("source", pa.string()),
])

ARTICLES_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("date", pa.string()),
    ("chars", pa.int64()),
    ("findings", pa.int64()),
    *((level, pa.int64()) for level in LEVEL_COLUMNS),
    ("fixable", pa.int64()),
    ("safe_fixes", pa.int64()),
    ("unsafe_fixes", pa.int64()),
    ("by_code", pa.map_(pa.string(), pa.int64())),
    *READABILITY_COLUMNS,
    ("error", pa.string()),
])


@dataclass
class PartitionRows:
    """The rows of one partition, collected in article order."""

    findings: list[dict[str, Any]]
    articles: list[dict[str, Any]]

    @classmethod
    def empty(cls) -> "PartitionRows":
        """Return rows with nothing in them yet."""
        return cls([], [])

    def add_report(self, article_id: str, report: FileReport, date: str | None) -> None:
        """Add one checked article: its findings and its summary row."""
        self.findings.extend({"id": article_id, **finding.to_dict()} for finding in report.findings)
        levels = Counter(finding.level.value for finding in report.findings)
        codes = Counter(finding.code for finding in report.findings)
        row = _article_row(article_id, date, len(report.text), None)
        row.update({column: levels.get(level.value, 0) for column, level in zip(LEVEL_COLUMNS, LEVELS)})
        row.update(
            findings=len(report.findings),
            fixable=sum(1 for finding in report.findings if finding.fixable),
            safe_fixes=sum(1 for finding in report.findings if finding.fixable and finding.safety is Safety.SAFE),
            unsafe_fixes=sum(1 for finding in report.findings if finding.fixable and finding.safety is Safety.UNSAFE),
            by_code=sorted(codes.items()),
        )
        row.update(_readability(report.readability))
        self.articles.append(row)

    def add_error(self, article_id: str, date: str | None, chars: int | None, error: str) -> None:
        """Add an article that could not be checked: no findings, and the reason."""
        self.articles.append(_article_row(article_id, date, chars, error))

    def to_tables(self) -> tuple[pa.Table, pa.Table]:
        """Return (findings, articles) as Arrow tables with the fixed schemas."""
        return (
            pa.Table.from_pylist(self.findings, schema=FINDINGS_SCHEMA),
            pa.Table.from_pylist(self.articles, schema=ARTICLES_SCHEMA),
        )


def _article_row(article_id: str, date: str | None, chars: int | None, error: str | None) -> dict[str, Any]:
    return {"id": article_id, "date": date, "chars": chars, "by_code": [], "error": error}


def _readability(scores: Mapping[str, Any] | None) -> dict[str, Any]:
    if scores is None:
        return {}
    return {name: scores.get(name) for name, _ in READABILITY_COLUMNS}


def finding_dicts(table: pa.Table) -> dict[str, list[dict[str, Any]]]:
    """Group a findings table back into JSON-format finding dicts per article id, in row order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_pylist():
        grouped.setdefault(row.pop("id"), []).append(row)
    return grouped


def readability_of(row: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """Return an article row's readability in the JSON format's shape (None when not scored)."""
    if row.get("words") is None:
        return {}
    return {name: row[name] for name in fields}
