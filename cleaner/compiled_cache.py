"""A small on-disk cache for data that is slow to build and cheap to reload (rules, patterns).

Entries live in the user's cache folder ($CLEANER_CACHE_DIR/compiled, else
$XDG_CACHE_HOME/cleaner/compiled or ~/.cache/cleaner/compiled), never inside the package.
Each entry is JSON (never pickle, so a cache file cannot run code), named by a hash of
everything it was built from: the content of its source files and the code that read them.
Any change to a source gives a new key, so a stale entry is never read. A header line
carries the key and a checksum of the value, so an entry damaged on disk is not used.

Writers are safe to run concurrently: each writes a private temporary file and renames it
into place. A missing, truncated or otherwise unreadable entry is rebuilt and rewritten;
a cache folder that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterable

ENV = "CLEANER_CACHE_DIR"
FORMAT = 2  # bump when the entry layout changes


def cache_dir() -> Path:
    """Return the folder holding compiled entries (it may not exist yet)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser() / "compiled"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cleaner" / "compiled"


def fingerprint(files: Iterable[Path], *extra: str, content_limit: int = 256 * 1024) -> str:
    """Hash the names and contents of `files` (in order) together with `extra` strings.

    A file larger than `content_limit` (a generated word table) is represented by its size
    and modification time instead of its bytes, which would cost more to read than the cache
    saves; such files are rewritten whole by their scripts, so both always change.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"format {FORMAT}\0".encode())
    for part in extra:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:
            stat = os.stat(path)
            if stat.st_size > content_limit:
                digest.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
            else:
                digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def location_tag(path: Path) -> str:
    """A short tag of a source's location, for entry names that must not collide across installs."""
    return hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def load_or_build(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Return the cached JSON value for (name, key), or build it, store it and return it.

    `build` must return plain JSON data (dicts with string keys, lists, strings, numbers,
    booleans, None) that survives a JSON round trip unchanged; anything else is returned
    as built and not stored, so a cached value is always equal to a freshly built one.
    """
    found = load(name, key)
    if found is not MISSING:
        return found
    value = build()
    store(name, key, value)
    return value


MISSING = object()  # what `load` returns when there is no usable entry


def load(name: str, key: str) -> Any:
    """Return the cached value for (name, key), or MISSING."""
    entry = _read(_path(name, key), key)
    return MISSING if entry is None else entry["value"]


def store(name: str, key: str, value: Any) -> None:
    """Store (or replace) the value for (name, key); best effort, never raises OSError."""
    _write(_path(name, key), name, key, value)


def _path(name: str, key: str) -> Path:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"cache entry name '{name}' must be letters, digits and underscores")
    return cache_dir() / f"{name}-{key}.json"


def _checksum(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _read(path: Path, key: str) -> dict[str, Any] | None:
    """Read an entry: a JSON header line (key, checksum), then the JSON value."""
    try:
        with open(path, "rb") as handle:
            header_line, payload = handle.readline(), handle.read()
        header = json.loads(header_line)
        if not isinstance(header, dict) or header.get("key") != key or header.get("sum") != _checksum(payload):
            return None  # another key, or damaged since it was written
        return {"value": json.loads(payload)}
    except (OSError, ValueError):  # missing, unreadable, truncated or not JSON: rebuild
        return None


def _write(path: Path, name: str, key: str, value: Any) -> None:
    """Store the entry atomically; drop older entries of the same name; never fail the caller."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text) != value:
            return  # not plain JSON data (tuples, non-string keys): not worth a lossy copy
    except (TypeError, ValueError):
        return
    payload = text.encode("utf-8", "surrogatepass")
    header = json.dumps({"key": key, "sum": _checksum(payload), "format": FORMAT}).encode("ascii") + b"\n"
    import tempfile  # only when writing: reading an entry is the common case

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + payload)
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
