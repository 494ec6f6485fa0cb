"""The methods `dataclasses` writes for each class, compiled once and kept across runs.

A `@dataclass` writes the source of `__init__`, `__eq__`, `__repr__`, `__hash__` and the frozen
`__setattr__` as text and compiles each with `exec`: about 0.5 ms of CPU a class, and a plain
`cleaner check` defines forty of them as its modules load (a fifth of its start). Their `.py`
files are served from bytecode, but this generated code never is. Within `session()`, the
`exec` that `dataclasses` calls is one that looks the text up in a store of code objects
(marshal's format, in the compiled cache) and compiles only text it has not seen, exactly as
`exec` would (no inherited `__future__` flags, file name "<string>"); the classes come out
the same, only cheaper.

The store is keyed by the Python version and bytecode magic number: a code object is only
ever loaded by the interpreter that compiled it. A stored value that does not load as a code
object is compiled afresh, and any other surprise leaves `dataclasses` to its own `exec`.
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import sys
from types import CodeType
from typing import Any, Iterator

from cleaner import compiled_cache

_ENTRY = "dataclasscode1"
_LIMIT = 2000  # texts kept: a run defines about forty classes, a test session a few hundred
_STORED: dict[str, dict[str, str]] = {}  # per cache key: the store as loaded in this process
_ACTIVE: list[bool] = []  # non-empty while a session records (sessions nest: the outer one records)


@contextlib.contextmanager
def session() -> Iterator[None]:
    """Within the block, dataclasses defined by imported modules reuse stored compiled methods."""
    import dataclasses

    if _ACTIVE or "exec" in vars(dataclasses):
        yield  # an outer session records, or someone else already replaced dataclasses' exec
        return
    import importlib.util

    key = compiled_cache.fingerprint([], "dataclass code 1", sys.version, importlib.util.MAGIC_NUMBER.hex())
    entry = f"{_ENTRY}_{compiled_cache.location_tag(sys.version)}"  # one entry per interpreter version
    if key not in _STORED:
        loaded = compiled_cache.load(entry, key)
        _STORED[key] = loaded if isinstance(loaded, dict) else {}
    stored = _STORED[key]
    recorded: dict[str, str] = {}
    _ACTIVE.append(True)
    dataclasses.exec = _cached_exec(stored, recorded)  # type: ignore[attr-defined]  # shadows the builtin there
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        _ACTIVE.pop()
    if recorded:
        stored.update(recorded)
        compiled_cache.store(entry, key, stored if len(stored) < _LIMIT else recorded)


def _cached_exec(stored: dict[str, str], recorded: dict[str, str]) -> Any:
    """An `exec` serving source text from `stored` and recording what it compiles into `recorded`."""

    def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)
        code = _load(stored.get(source))
        if code is None:
            # As exec compiles a string from dataclasses' frame: that module has no __future__ imports.
            code = compile(source, "<string>", "exec", dont_inherit=True)
            recorded[source] = marshal.dumps(code).decode("latin-1")  # plain text for the cache's JSON check
        return builtins.exec(code, globals, locals)

    return cached_exec


def _load(packed: Any) -> CodeType | None:
    """The code object stored as latin-1 text of its marshal bytes, or None."""
    if not isinstance(packed, str):
        return None
    try:
        code = marshal.loads(packed.encode("latin-1"))
    except (ValueError, EOFError, TypeError, UnicodeEncodeError):
        return None
    return code if isinstance(code, CodeType) else None
