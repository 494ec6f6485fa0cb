"""A small on-disk cache for data that is slow to build and cheap to reload (rules, patterns).

Entries live in the user's cache folder ($CLEANER_CACHE_DIR/compiled, else
$XDG_CACHE_HOME/cleaner/compiled or ~/.cache/cleaner/compiled), never inside the package.
A value is plain JSON data, stored in `marshal`'s format: reading it back is several times
faster than parsing JSON (about 8 ms of each start), and, unlike pickle, loading runs no code.
Each entry is named by a hash of everything it was built from: the content of its source
files and the code that read them. Any change to a source gives a new key, so a stale entry
is never read. A header line carries the format, the key and a CRC-32 of the value, so an
entry damaged on disk, or written by another marshal format, is not used.

Writers are safe to run concurrently: each writes a private temporary file and renames it
into place. A missing, truncated or otherwise unreadable entry is rebuilt and rewritten;
a cache folder that cannot be written is simply not used.
"""

from __future__ import annotations

import functools
import marshal
import os
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable

try:  # hashlib's own blake2b, without hashlib loading OpenSSL (about 2 ms of each start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

ENV = "CLEANER_CACHE_DIR"
FORMAT = 3  # bump when the entry layout changes
SUFFIX = ".bin"  # entries are no longer JSON text (format 2 wrote *.json, left to older installs)
_MAGIC = f"cleaner-cache {FORMAT} marshal-{marshal.version}".encode("ascii")


def cache_dir() -> Path:
    """Return the folder holding compiled entries (it may not exist yet)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser() / "compiled"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cleaner" / "compiled"


def fingerprint(files: Iterable[Path | str], *extra: str, content_limit: int = 256 * 1024) -> str:
    """Hash the names and contents of `files` (in order) together with `extra` strings.

    A file larger than `content_limit` (a generated word table) is represented by its size
    and modification and change times instead of its bytes, which would cost more to read than
    the cache saves; such files are rewritten whole by their scripts, so both always change.
    `content_limit=-1` keys every file so (see `cleaner.rulecache`).
    """
    digest = blake2b(digest_size=16)
    digest.update(f"format {FORMAT}\0".encode())
    for part in extra:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:
            stat = os.stat(path)
            if stat.st_size > content_limit:
                digest.update(f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}".encode())
            else:
                digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def location_tag(path: Path | str, size: int = 4) -> str:
    """A short tag of a source's location (2 * size hex digits), for entry names that must not collide across installs."""
    return blake2b(str(path).encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


def load_or_build(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Return the cached value for (name, key), or build it, store it and return it.

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


def derived(name: str, source: Any, build: Callable[[], Any], files: Iterable[Path | str] = ()) -> Any:
    """Return `build()`, a table derived from `source` (and `files`), from the cache when the same inputs built it before.

    `source` is the data the table is computed from (marshal types: strings, numbers, tuples,
    lists, dicts). The entry is keyed by its bytes and by the package's code (each module by
    size and times, as `cleaner.rulecache` keys it), so a change to either builds the table anew
    (an entry of a source no longer used stays behind, as a rule pack's entry does).
    For per-run derivations over the packaged tables: a sound-key index of 3,700 names costs
    about 25 ms to build and 3 ms to reload. `build` must return plain JSON data, computed by code
    in cleaner/ or cleaner/kinds/ (the code the key covers). `files` names the data files `build`
    reads besides `source` (a word-frequency table): each joins the key by size and times.
    """
    try:
        packed = marshal.dumps(source, 0)  # version 0: no references or interning marks, so equal data gives equal bytes
    except ValueError:  # not marshal data: build every time
        return build()
    # Named by the source too: rules of one kind with other tables (two known-names rules) keep an
    # entry each instead of pruning each other's; a change of code replaces the source's entry.
    # And by the package's location: two installs (two virtual environments) have different code
    # stamps, and would otherwise replace each other's entry at every start.
    digest = blake2b(packed, digest_size=16)
    tag = digest.hexdigest()[:12] + "_" + location_tag(os.path.dirname(os.path.abspath(__file__)))
    digest.update(_code_stamp().encode())
    files = list(files)
    if files:
        digest.update(fingerprint(files, content_limit=-1).encode())
    return load_or_build(f"{name}_{tag}", digest.hexdigest(), build)


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """A fingerprint of the package's modules (cleaner/*.py and cleaner/kinds/*.py) by size and times."""
    package = os.path.dirname(os.path.abspath(__file__))
    files = []
    for folder in (package, os.path.join(package, "kinds")):
        with os.scandir(folder) as entries:
            files += sorted(entry.path for entry in entries if entry.name.endswith(".py"))
    return fingerprint(files, content_limit=-1)


MISSING = object()  # what `load` returns when there is no usable entry


def load(name: str, key: str) -> Any:
    """Return the cached value for (name, key), or MISSING."""
    entry = _read(_path(name, key), key)
    return MISSING if entry is None else entry["value"]


def store(name: str, key: str, value: Any) -> None:
    """Store (or replace) the value for (name, key); best effort, never raises OSError."""
    _write(_path(name, key), name, key, value)


def load_bytes(name: str, key: str) -> bytes | None:
    """Return the bytes stored by `store_bytes` for (name, key), or None."""
    return _read_payload(_path(name, key), key)


def store_bytes(name: str, key: str, payload: bytes) -> None:
    """Store (or replace) opaque bytes for (name, key), under the same header and checksum; never raises OSError.

    For a caller with its own layout (cleaner.regex_cache keeps marshal bytes per pattern, and
    decoding them as text at each start cost more than the bytes themselves).
    """
    _write_payload(_path(name, key), name, key, bytes(payload))


def _path(name: str, key: str) -> Path:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"cache entry name '{name}' must be letters, digits and underscores")
    return cache_dir() / f"{name}-{key}{SUFFIX}"


def _header(key: str, payload: bytes) -> bytes:
    """The entry's first line: format, key and CRC-32 of the payload (a checksum against damage, not an attack)."""
    return b"%s %s %08x\n" % (_MAGIC, key.encode("ascii"), zlib.crc32(payload))


def _read(path: Path, key: str) -> dict[str, Any] | None:
    """Read an entry: the header line, then the marshalled value."""
    payload = _read_payload(path, key)
    if payload is None:
        return None
    try:
        return {"value": marshal.loads(payload)}
    except (ValueError, EOFError, TypeError):  # not a marshalled value: rebuild
        return None


def _read_payload(path: Path, key: str) -> bytes | None:
    """The bytes after an entry's header line, or None when missing, unreadable or not matching the header."""
    try:
        with open(path, "rb") as handle:
            header_line, payload = handle.readline(), handle.read()
    except OSError:
        return None
    return payload if header_line == _header(key, payload) else None  # else another format or key, or damaged


def _write(path: Path, name: str, key: str, value: Any) -> None:
    """Store the entry atomically; drop older entries of the same name; never fail the caller."""
    import json  # only when writing: reading an entry is the common case

    try:
        plain = json.loads(json.dumps(value, ensure_ascii=False))
        if plain != value:
            return  # not plain JSON data (tuples, non-string keys): not worth a lossy copy
        payload = marshal.dumps(plain)  # the JSON types only, as a reader expects
    except (TypeError, ValueError):
        return
    _write_payload(path, name, key, payload)


def _write_payload(path: Path, name: str, key: str, payload: bytes) -> None:
    """Write header and payload atomically, then drop older entries of the same name; never fail the caller."""
    import tempfile  # only when writing

    header = _header(key, payload)
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
    for old in keep.parent.glob(f"{name}-*{SUFFIX}"):
        key = old.name[len(name) + 1 : -len(SUFFIX)]
        if old != keep and len(key) == 32 and all(c in "0123456789abcdef" for c in key):
            try:
                old.unlink()
            except OSError:
                pass
