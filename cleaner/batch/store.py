"""The output folder of a batch: a manifest and one Parquet file per partition and table.

    DIR/manifest.json                  what was asked: inputs, options, partition size
    DIR/findings/part-000012.parquet   one row per finding of partition 12
    DIR/articles/part-000012.parquet   one row per article of partition 12 (written last)
    DIR/stats.json                     the last run's timings (not part of the results)

A partition is finished when its articles file exists: both files are written atomically,
findings first. A rerun with the same manifest skips finished partitions; a different
manifest (other inputs or options) is refused unless the run starts afresh.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Mapping

from cleaner.errors import InputError
from cleaner.atomic import write_atomic

MANIFEST = "manifest.json"
STATS = "stats.json"
TABLES = ("findings", "articles")
FORMAT = "cleaner-batch/1"


def part_name(number: int) -> str:
    """Return the file name of a partition's part in each table folder."""
    return f"part-{number:06d}.parquet"


class Store:
    """Reads and writes one batch output folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def open(self, manifest: Mapping[str, Any], restart: bool) -> set[int]:
        """Prepare the folder for this batch and return the numbers of partitions already finished."""
        wanted = {"format": FORMAT, **manifest}
        existing = self._read_manifest()
        if existing is not None and existing != wanted and not restart:
            changed = sorted(k for k in set(existing) | set(wanted) if existing.get(k) != wanted.get(k))
            raise InputError(
                f"{self.folder}: holds another batch ({', '.join(changed)} changed); "
                "use --restart to start afresh, or another --output folder"
            )
        if existing is None and self.folder.is_dir() and any(self.folder.iterdir()):
            raise InputError(f"{self.folder}: folder is not empty and holds no batch; choose another --output")
        if self.folder.exists() and not self.folder.is_dir():
            raise InputError(f"{self.folder}: is a file, not a folder")
        try:
            if restart:
                self._clear()
            for table in TABLES:
                (self.folder / table).mkdir(parents=True, exist_ok=True)
            write_atomic(str(self.folder / MANIFEST), _json_bytes(wanted))
        except OSError as exc:
            raise InputError(f"{self.folder}: cannot write: {exc.strerror or exc}") from None
        return self.finished()

    def finished(self) -> set[int]:
        """Return the numbers of the partitions whose results are complete."""
        names = (path.name for path in (self.folder / "articles").glob("part-*.parquet"))
        return {int(name[5:-8]) for name in names if name[5:-8].isdigit()}

    def write(self, number: int, findings: Any, articles: Any) -> None:
        """Write a partition's two tables, the articles last: its file marks the partition finished."""
        for table, data in (("findings", findings), ("articles", articles)):
            target = self.folder / table / part_name(number)
            try:
                write_atomic(str(target), parquet_bytes(data))
            except OSError as exc:  # a full disk, say: what is written stays valid, and a rerun resumes
                raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from None

    def write_stats(self, stats: Mapping[str, Any]) -> None:
        """Record the last run's figures beside the results."""
        write_atomic(str(self.folder / STATS), _json_bytes(dict(stats)))

    def _read_manifest(self) -> dict[str, Any] | None:
        path = self.folder / MANIFEST
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: unreadable batch manifest ({exc}); use --restart") from None
        return data if isinstance(data, dict) else {}

    def _clear(self) -> None:
        for table in TABLES:
            shutil.rmtree(self.folder / table, ignore_errors=True)
        for name in (MANIFEST, STATS):
            (self.folder / name).unlink(missing_ok=True)


def parquet_bytes(table: Any) -> bytes:
    """Serialise an Arrow table as one Parquet file in memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _json_bytes(data: Mapping[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_tables(folder: Path) -> tuple[Any, Any]:
    """Read the finished (findings, articles) tables of a batch folder, partitions in order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cleaner.batch.tables import ARTICLES_SCHEMA, FINDINGS_SCHEMA

    if not (folder / MANIFEST).is_file():
        raise InputError(f"{folder}: not a batch folder (no {MANIFEST})")
    done = sorted(Store(folder).finished())
    out = []
    for table, schema in (("findings", FINDINGS_SCHEMA), ("articles", ARTICLES_SCHEMA)):
        parts = [pq.read_table(folder / table / part_name(n), schema=schema) for n in done]
        out.append(pa.concat_tables(parts) if parts else schema.empty_table())
    return out[0], out[1]
