"""Where a check server keeps its socket, state, lock and log: a private folder, one set of files per install.

Imported by the console script's fast path, so it uses only os, sys and zlib.
"""

from __future__ import annotations

import os
import sys
import zlib
from typing import NamedTuple

MODE_ENV = "CLEANER_SERVER"  # auto: start one when none runs; off: never use one; unset: use one if running
DIR_ENV = "CLEANER_SERVER_DIR"  # the private folder (tests give each run its own)
OFF = ("off", "0", "no", "false")
DEFAULT_IDLE = 900.0  # seconds without a request before the server stops itself

# Variables that shape the interpreter a server was started with (module path, locale, stream
# encodings, hash seed): a request from an environment that differs in any of them runs in process.
_SHAPING_PREFIXES = ("PYTHON", "LC_")
_SHAPING_NAMES = ("LANG",)


class Paths(NamedTuple):
    """The files of one install's server."""

    folder: str
    socket: str
    state: str
    lock: str
    log: str


def folder() -> str:
    """The private folder: $CLEANER_SERVER_DIR, else $XDG_RUNTIME_DIR/cleaner, else <cache>/cleaner/server."""
    explicit = os.environ.get(DIR_ENV)
    if explicit:
        return explicit
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return os.path.join(runtime, "cleaner")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "cleaner", "server")


def install_tag() -> str:
    """Eight hex digits naming this install: package folder, environment (sys.prefix) and Python version."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    key = "\0".join((package, sys.prefix, sys.version))
    return "%08x" % zlib.crc32(key.encode("utf-8", "surrogateescape"))


def paths(base: str | None = None) -> Paths:
    """The socket, state, lock and log files of this install's server."""
    base = base or folder()
    stem = os.path.join(base, "check-" + install_tag())
    return Paths(base, stem + ".sock", stem + ".json", stem + ".lock", stem + ".log")


def is_private(path: str) -> bool:
    """True when `path` is a folder of this user that nobody else may enter (mode 0700 or tighter)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return (st.st_mode & 0o170000) == 0o040000 and st.st_uid == os.getuid() and not st.st_mode & 0o077


def make_private(path: str) -> bool:
    """Create the folder (mode 0700) if needed; True when it is private afterwards."""
    if not os.path.lexists(path):
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return False
    return is_private(path)


def shaping_env(environ: dict[bytes, bytes]) -> list[tuple[bytes, bytes]]:
    """The variables of `environ` that shape an interpreter (sorted, as bytes)."""
    prefixes = tuple(p.encode() for p in _SHAPING_PREFIXES)
    names = tuple(n.encode() for n in _SHAPING_NAMES)
    return sorted((k, v) for k, v in environ.items() if k.startswith(prefixes) or k in names)
