"""A small on-disk cache for data that is slow to build and cheap to reload (rules, patterns).

Entries live in the user's cache folder ($CLEANER_CACHE_DIR/compiled, else
$XDG_CACHE_HOME/cleaner/compiled or ~/.cache/cleaner/compiled), never inside the package.
Each entry is JSON (never pickle, so a tampered cache file cannot run code), named by a
hash of everything it was built from: the content of its source files and the code that
read them. Any change to a source gives a new key, so a stale entry is never read.

Writers are safe to run concurrently: each writes a private temporary file and renames it
into place. A missing, truncated or otherwise unreadable entry is rebuilt and rewritten;
a cache folder that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

ENV = "CLEANER_CACHE_DIR"
FORMAT = 1  # bump when the entry layout changes


def cache_dir() -> Path:
    """Return the folder holding compiled entries (it may not exist yet)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser() / "compiled"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cleaner" / "compiled"


def fingerprint(files: Iterable[Path], *extra: str) -> str:
    """Hash the names and contents of `files` (in order) together with `extra` strings."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"format {FORMAT}\0".encode())
    for part in extra:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def load_or_build(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Return the cached JSON value for (name, key), or build it, store it and return it.

    `build` must return plain JSON data (dicts with string keys, lists, strings, numbers,
    booleans, None) that survives a JSON round trip unchanged; anything else is returned
    as built and not stored, so a cached value is always equal to a freshly built one.
    """
    if not name.replace("_", "").isalnum():
        raise ValueError(f"cache entry name '{name}' must be letters, digits and underscores")
    path = cache_dir() / f"{name}-{key}.json"
    cached = _read(path, key)
    if cached is not None:
        return cached["value"]
    value = build()
    _write(path, name, key, value)
    return value


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        with open(path, encoding="utf-8") as handle:
            entry = json.load(handle)
    except (OSError, ValueError):  # missing, unreadable, truncated or not JSON: rebuild
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
        return None
    return entry


def _write(path: Path, name: str, key: str, value: Any) -> None:
    """Store the entry atomically; drop older entries of the same name; never fail the caller."""
    try:
        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text)["value"] != value:
            return  # not plain JSON data (tuples, non-string keys): not worth a lossy copy
    except (TypeError, ValueError):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path, name)
    except OSError:
        return  # a read-only or full cache folder only costs speed


def _prune(keep: Path, name: str) -> None:
    """Remove entries of the same name built from older sources (best effort)."""
    for old in keep.parent.glob(f"{name}-*.json"):
        key = old.name[len(name) + 1 : -len(".json")]
        if old != keep and len(key) == 32 and all(c in "0123456789abcdef" for c in key):
            try:
                old.unlink()
            except OSError:
                pass
