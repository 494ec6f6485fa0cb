"""A persistent on-disk cache of LanguageTool results, one row per checked paragraph."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from cleaner.languagetool.raw import RawMatch

# Bump when the stored shape or the offset convention changes: old rows are then never read.
CACHE_FORMAT = 1
DB_NAME = "languagetool.sqlite3"
_MAX_ROWS = 500_000  # about 100 MB; older rows are pruned past this


@dataclass
class CacheStats:
    """How many paragraphs were answered from the cache and how many were sent to the server."""

    hits: int = 0
    misses: int = 0


def cache_key(text: str, *, version: str, variant: str, rules: str) -> str:
    """Return the key for one paragraph: LanguageTool version, variant, rule set and text hash."""
    material = json.dumps([CACHE_FORMAT, version, variant, rules, text], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def rules_signature(disabled: Iterable[str], enabled: Iterable[str]) -> str:
    """Return a stable text naming the disabled and enabled rules."""
    return "-" + ",".join(sorted(disabled)) + ";+" + ",".join(sorted(enabled))


class ResultCache:
    """SQLite-backed map from cache_key to a paragraph's matches; None dir means memory only."""

    def __init__(self, directory: Path | None) -> None:
        self.path: Path | None = None
        self._lock = threading.Lock()  # one connection, shared by the threads of one checker
        db = ":memory:"
        if directory is not None:
            try:
                Path(directory).mkdir(parents=True, exist_ok=True)
                db = str(Path(directory) / DB_NAME)
                self.path = Path(db)
            except OSError as e:
                print(f"cleaner: warning: LanguageTool cache disabled: {e}", file=sys.stderr)
        try:
            self._db = self._open(db)
        except sqlite3.Error as e:
            print(f"cleaner: warning: LanguageTool cache disabled: {e}", file=sys.stderr)
            self.path = None
            self._db = self._open(":memory:")

    @staticmethod
    def _open(db: str) -> sqlite3.Connection:
        """Open (and create) the table; WAL lets several cleaner processes share the file."""
        conn = sqlite3.connect(db, timeout=30, check_same_thread=False)
        if db != ":memory:":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL,"
            " created REAL NOT NULL)"
        )
        return conn

    def get(self, key: str) -> list[RawMatch] | None:
        """Return the stored matches, or None when the paragraph was never checked."""
        with self._lock:
            row = self._db.execute("SELECT matches FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return [RawMatch.from_json(m) for m in json.loads(row[0])]
        except (ValueError, TypeError, KeyError):
            return None  # a damaged row is re-checked and overwritten

    def put(self, key: str, matches: list[RawMatch]) -> None:
        """Store one paragraph's matches (committed by flush)."""
        payload = json.dumps([m.to_json() for m in matches], ensure_ascii=False)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, matches, created) VALUES (?, ?, ?)",
                (key, payload, time.time()),
            )

    def flush(self) -> None:
        """Commit pending rows and prune the oldest past the size limit."""
        with self._lock:
            try:
                count = self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
                if count > _MAX_ROWS:
                    self._db.execute(
                        "DELETE FROM results WHERE key IN (SELECT key FROM results"
                        " ORDER BY created LIMIT ?)",
                        (count - _MAX_ROWS,),
                    )
                self._db.commit()
            except sqlite3.Error as e:  # a full disk must not lose the findings themselves
                print(f"cleaner: warning: LanguageTool cache not saved: {e}", file=sys.stderr)

    def close(self) -> None:
        """Commit and close the database."""
        self.flush()
        with self._lock:
            self._db.close()


def cache_summary(directory: Path) -> tuple[int, int]:
    """Return (rows, bytes on disk) of the cache in `directory`, (0, 0) when absent."""
    db = Path(directory) / DB_NAME
    if not db.exists():
        return 0, 0
    size = sum(p.stat().st_size for p in Path(directory).glob(DB_NAME + "*"))
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            rows = conn.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        rows = 0
    return int(rows), size
