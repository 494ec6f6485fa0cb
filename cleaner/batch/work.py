"""What a Dask worker does with one partition: check each article exactly as `check` does.

Every article goes through `cleaner.runner.read_input` and `cleaner.runner.check_source`,
the per-file path of `cleaner check`, so rules, configuration, suppressions and readability
behave the same. An article that cannot be checked (unreadable, too large, a rule over its
time budget, anything else that goes wrong) becomes an error row; the partition goes on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pyarrow as pa

from cleaner.batch.sources import FileRef, Item, Row
from cleaner.batch.tables import PartitionRows
from cleaner.engine import Engine
from cleaner.errors import InputError
from cleaner.runner import CheckOptions, check_source, engine_for_options, read_input
from cleaner.textio import SourceText

DEFAULT_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class PartitionResult:
    """One checked partition, ready to be written."""

    number: int
    findings: pa.Table
    articles: pa.Table


def check_partition(number: int, items: list[Item], options: CheckOptions, max_bytes: int) -> PartitionResult:
    """Check every article of a partition (on a worker) and return its two tables."""
    engine = engine_for_options(options)  # compiled once per worker process, then cached
    rows = PartitionRows.empty()
    for item in items:
        if isinstance(item, Row):
            _check_row(item, options, engine, max_bytes, rows)
        else:
            _check_file(item, options, engine, max_bytes, rows)
    findings, articles = rows.to_tables()
    return PartitionResult(number, findings, articles)


def _check_file(ref: FileRef, options: CheckOptions, engine: Engine, max_bytes: int, rows: PartitionRows) -> None:
    try:
        size = os.path.getsize(ref.location)
    except OSError:
        size = None  # read_input names the problem in check's own words
    if size is not None and size > max_bytes:
        rows.add_error(ref.id, None, None, _too_large(size, max_bytes))
        return
    try:
        source = read_input(ref.location, options)
    except InputError as exc:
        rows.add_error(ref.id, None, None, _without_prefix(str(exc), ref.location))
        return
    _check_source(ref.id, source, None, options, engine, rows)


def _check_row(row: Row, options: CheckOptions, engine: Engine, max_bytes: int, rows: PartitionRows) -> None:
    if row.error is not None or row.text is None:
        rows.add_error(row.id, row.date, None, row.error or "no text")
        return
    size = len(row.text.encode("utf-8"))
    if size > max_bytes:
        rows.add_error(row.id, row.date, len(row.text), _too_large(size, max_bytes))
        return
    _check_source(row.id, SourceText(row.id, row.text), row.date, options, engine, rows)


def _check_source(article_id: str, source: SourceText, date: str | None, options: CheckOptions, engine: Engine,
                  rows: PartitionRows) -> None:
    """Check one decoded article; any failure is recorded against it and the batch goes on."""
    try:
        report = check_source(source, options, engine)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop an archive audit
        rows.add_error(article_id, date, len(source.text), f"internal error: {type(exc).__name__}: {exc}")
        return
    if report.stopped:
        # The engine stops a rule that overruns its time budget; the article's results are incomplete.
        codes = ", ".join(report.stopped)
        rows.add_error(article_id, date, len(source.text), f"a rule went over its time budget ({codes})")
        return
    rows.add_report(article_id, report, date)


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size} bytes (the limit is {limit}; see --max-bytes)"


def _without_prefix(message: str, path: str) -> str:
    """Drop the leading 'PATH: ' of an input error: the row already names the article."""
    prefix = f"{path}: "
    return message[len(prefix):] if message.startswith(prefix) else message
