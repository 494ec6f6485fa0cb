"""What a batch reads: article files (folders, globs) or tables of articles, cut into partitions.

A partition is a numbered list of items. A file item is its path and where to read it (the
worker reads it, as `check` does); a table row is shipped whole: (id, text, date, error), where `error` says why
the row could not be read (bad JSON, no text). The order is fixed, so partition N holds the
same articles in every run of the same inputs: that is what lets a rerun resume.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence, Union

from cleaner.errors import InputError
from cleaner.inputs import discover

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes (CSV) or lone \\u escapes (JSON)


@dataclass(frozen=True)
class Row:
    """One article read from a table; `error` is set when the row is unusable."""

    id: str
    text: str | None
    date: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class FileRef:
    """An article file: its id (the path as `check` reports it) and where workers read it.

    The location is absolute, so that a worker whose working folder differs from the client's
    (a worker of an existing cluster) reads the same file.
    """

    id: str
    location: str


Item = Union[FileRef, Row]


@dataclass(frozen=True)
class Columns:
    """The names of the id, text and (optional) date columns of a table."""

    id: str = "id"
    text: str = "text"
    date: str = "date"


@dataclass(frozen=True)
class Inputs:
    """The resolved inputs of a batch: either files or tables, never both."""

    files: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """Hash every input's path, size and modification time: a changed input changes it."""
        digest = hashlib.sha256()
        for path in self.files + self.tables:
            try:
                info = os.stat(path)
                digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
            except OSError:
                digest.update(f"{path}\0missing\n".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def resolve(paths: Sequence[str], root: Path, include: Sequence[str], exclude: Sequence[str],
            extensions: Sequence[str]) -> Inputs:
    """Tell tables from article files; expand folders the way `check` does."""
    tables = [p for p in paths if Path(p).suffix.lower() in TABLE_SUFFIXES and not Path(p).is_dir()]
    files = [p for p in paths if p not in tables]
    if tables and files:
        raise InputError("give article files or tables, not both in one batch")
    for table in tables:
        if not Path(table).is_file():
            raise InputError(f"{table}: no such file")
    if tables:
        return Inputs(tables=tuple(tables))
    if "-" in files:
        raise InputError("cleaner batch reads files and tables, not standard input")
    for path in files:
        if not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
    return Inputs(files=tuple(discover(files, root, include, exclude, extensions)))


def partitions(inputs: Inputs, size: int, columns: Columns) -> Iterator[tuple[int, list[Item]]]:
    """Yield (number, items) for consecutive partitions of at most `size` articles."""
    items: Iterator[Item] = (
        (FileRef(path, os.path.abspath(path)) for path in inputs.files) if inputs.files else _table_rows(inputs.tables, columns)
    )
    batch: list[Item] = []
    number = 0
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield number, batch
            number, batch = number + 1, []
    if batch:
        yield number, batch


def _table_rows(tables: Sequence[str], columns: Columns) -> Iterator[Row]:
    for table in tables:
        kind = TABLE_SUFFIXES[Path(table).suffix.lower()]
        yield from {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[kind](table, columns)


def _row(record: dict, columns: Columns, fallback_id: str) -> Row:
    """Turn one decoded record into a Row, with an error when it has no usable text."""
    raw_id = record.get(columns.id)
    row_id = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    date = record.get(columns.date)
    date = None if date is None or date == "" else str(date)
    text = record.get(columns.text)
    if raw_id is None or raw_id == "":
        return Row(row_id, None, date, f"no {columns.id!r} value")
    if not isinstance(text, str):
        return Row(row_id, None, date, f"no text: {columns.text!r} is {'missing' if text is None else type(text).__name__}")
    if _SURROGATE.search(text):
        return Row(row_id, None, date, "text is not valid UTF-8")
    return Row(row_id, text, date)


def _jsonl_rows(path: str, columns: Columns) -> Iterator[Row]:
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Row(where, None, None, f"line is not valid UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Row(where, None, None, f"line is not valid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Row(where, None, None, "line is not a JSON object")
                continue
            yield _row(record, columns, where)


def _csv_rows(path: str, columns: Columns) -> Iterator[Row]:
    csv.field_size_limit(2**31 - 1)  # articles are long fields; the size limit is applied per article
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or columns.text not in reader.fieldnames or columns.id not in reader.fieldnames:
            raise InputError(f"{path}: needs columns {columns.id!r} and {columns.text!r} (has {reader.fieldnames})")
        for number, record in enumerate(reader, 1):  # records, not lines: a quoted text spans lines
            yield _row(record, columns, f"{path}:row {number}")


def _parquet_rows(path: str, columns: Columns) -> Iterator[Row]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    names = table.schema_arrow.names
    if columns.text not in names or columns.id not in names:
        raise InputError(f"{path}: needs columns {columns.id!r} and {columns.text!r} (has {names})")
    wanted = [c for c in (columns.id, columns.text, columns.date) if c in names]
    offset = 0
    for batch in table.iter_batches(batch_size=1024, columns=wanted):
        for index, record in enumerate(batch.to_pylist()):
            yield _row(record, columns, f"{path}:row {offset + index + 1}")
        offset += batch.num_rows


def count(inputs: Inputs) -> int | None:
    """Return how many articles the inputs hold, or None when only a full parse could tell (CSV)."""
    if inputs.files:
        return len(inputs.files)
    total = 0
    for table in inputs.tables:
        kind = TABLE_SUFFIXES[Path(table).suffix.lower()]
        if kind == "csv":
            return None  # quoted fields may span lines
        if kind == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(table).metadata.num_rows
        else:
            with open(table, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
    return total
