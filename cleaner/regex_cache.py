"""Compiled rule patterns kept across runs, so a start does not re-run the regex parser.

The `regex` module compiles in two steps: a pure-Python parser and optimiser turn the
pattern into a list of opcodes, then its C core builds the pattern object from them. For
a small article the first step is a third of `cleaner check`'s time. `warm_session()`
records the opcodes of every pattern compiled while an engine is built and stores them in
the compiled cache; the next run hands them straight to the C core and puts the resulting
objects in `regex`'s own pattern cache, where `regex.compile` finds them.

This uses two private names of the `regex` package (`_main._compile` and `_main._regex`),
so the entry is keyed by the `regex` version and Python version, and any surprise (a
changed signature, an argument of an unexpected type) only switches the cache off: the
patterns are then compiled the ordinary way. Patterns with locale-sensitive flags are never
cached; a pattern with named lists (`\\L<verbs>`) is stored under its lists' words too.

The standard library's `re` compiles the same way (a pure-Python parser, then `_sre.compile`
of the opcodes), so a session serves and records its patterns too, under keys of their own:
the kinds compile dozens of them as they load. It uses `re._compiler.compile` and
`re._compiler._sre`, with the same safety: an entry is used only when it decodes back to
exactly the recorded arguments, and any surprise leaves `re` to compile the pattern itself.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
import time
from typing import Any, Iterator

from cleaner import compiled_cache

_SIGNATURE = ("str", "int", "list", "dict", "dict", "dict", "list", "int", "tuple", "int", "int")
# The entry's name carries its layout: installs of other layouts (other versions of cleaner on the
# machine) keep their own entry instead of pruning this one at each start.
# 5: one entry per group (below), each pattern's arguments as marshal bytes, decoded only when the
# pattern is asked for (4: one entry for all, as latin-1 text, which cost a UTF-8 decode of the
# whole store and an encode per pattern; 3: as nested lists, all decoded at each start).
_ENTRY = "regexcode5"
_LIMIT = 2000  # patterns kept per group; more means someone compiles per text, which this cannot help
_SESSION_CACHE = 2 * _LIMIT  # regex's own pattern cache within a session (its default is 500)
# Groups keep a plain check from reading the patterns of everything else the install ran (a test
# session adds hundreds of rule sets' worth): the patterns modules compile as they load, those of
# a plain `cleaner check` (its rule pack, and the ones kinds compile per text), and all others.
MODULES, CHECK, OTHER = "modules", "check", "other"


_STORED: dict[tuple[str, str], dict[str, bytes]] = {}  # per (cache key, group): the entries installed in this process
_ACTIVE: list[str] = []  # the groups of the open sessions, innermost last (the outermost one records)


@contextlib.contextmanager
def warm_session(group: str | None = None) -> Iterator[None]:
    """Within the block, `regex.compile` reuses stored opcodes and records new patterns.

    A stored pattern is built from its opcodes when the block first asks for it; a pattern
    first compiled in the block (at engine build or lazily at a kind's first check) is added
    to the store of `group` (by default that of the enclosing block, else OTHER).
    """
    try:
        import regex
        from regex import _main
    except ImportError:  # pragma: no cover - regex is a dependency
        yield
        return
    if _ACTIVE:
        _ACTIVE.append(group or _ACTIVE[-1])  # the outer session serves and records, under this group
        try:
            yield
        finally:
            _ACTIVE.pop()
        return
    key = compiled_cache.fingerprint([], "regex opcodes 3", regex.__version__, sys.version)
    stores = _Stores(key, regex.__version__)
    _ACTIVE.append(group or OTHER)
    try:
        with _recording(_main, stores), _recording_stdlib(stores):
            yield
    finally:
        _ACTIVE.pop()
    stores.save()


class _Stores:
    """The stored patterns of each group, loaded when a session first looks in the group, and those recorded."""

    def __init__(self, key: str, version: str) -> None:
        self.key = key
        # Named after the versions too: installs with another `regex` or Python (other virtual
        # environments on the machine) would otherwise prune this entry at each of their starts.
        self.tag = compiled_cache.location_tag(version + " " + sys.version)
        self.recorded: dict[str, dict[str, bytes]] = {}

    def find(self, entry: str) -> bytes | None:
        """The stored arguments of `entry`: from the current group, else from a group already loaded."""
        found = self._group(_ACTIVE[-1]).get(entry)
        if found is None:
            found = next((s[entry] for (k, _), s in _STORED.items() if k == self.key and entry in s), None)
        return found

    def record(self, entry: str, packed: bytes) -> None:
        """Add a pattern compiled in this session to the current group."""
        self.recorded.setdefault(_ACTIVE[-1], {})[entry] = packed

    def save(self) -> None:
        """Write each group that gained patterns (only the new ones, once a group is full)."""
        for group, recorded in self.recorded.items():
            stored = self._group(group)
            new = {k: v for k, v in recorded.items() if k not in stored}
            if new:
                stored.update(new)
                compiled_cache.store_bytes(self._name(group), self.key, marshal.dumps(stored if len(stored) < _LIMIT else new))

    def _group(self, group: str) -> dict[str, bytes]:
        if (self.key, group) not in _STORED:
            _STORED[(self.key, group)] = _load_group(self._name(group), self.key)
        return _STORED[(self.key, group)]

    def _name(self, group: str) -> str:
        return f"{_ENTRY}_{self.tag}_{group}"


def _load_group(name: str, key: str) -> dict[str, bytes]:
    """A group's stored entries (pattern key -> marshal bytes), or none when the entry is missing or not of this layout."""
    payload = compiled_cache.load_bytes(name, key)
    try:
        value = marshal.loads(payload) if payload else {}
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, bytes) for k, v in value.items()):
        return {}
    return value


def compile_stored(pattern: str, flags: int = 0) -> Any:
    """`regex.compile`, served from the store as in a session: for the patterns modules compile as they load.

    Those are compiled before any session starts (about 10 ms of the regex parser at each start
    for `cleaner.protected`, `cleaner.document` and `cleaner.segmenter`).
    """
    import regex

    with warm_session(MODULES):
        return regex.compile(pattern, flags)


def reset() -> None:
    """Forget which stored patterns this process installed (after `regex.purge()`, in tests)."""
    _STORED.clear()


def _entry_key(pattern: str, flags: int, lists: dict[str, frozenset[str]] | None = None) -> str:
    named = "".join(f"\0\\L<{name}>\1" + "\1".join(sorted(words)) for name, words in sorted((lists or {}).items()))
    return f"{int(flags)}\0{pattern}{named}"


def _named_lists(kwargs: Any) -> dict[str, frozenset[str]] | None:
    """The named lists given to `regex.compile` as sets of words, or None when they are not all lists of strings."""
    if not isinstance(kwargs, dict):
        return None
    lists = {}
    for name, words in kwargs.items():
        if isinstance(words, (str, bytes)) or not hasattr(words, "__iter__"):
            return None
        lists[name] = frozenset(words)
        if not all(isinstance(word, str) for word in lists[name]):
            return None
    return lists


def _install(main: Any, pattern: str, flags: int, packed: bytes, lists: dict[str, frozenset[str]]) -> None:
    """Put the pattern object built from a stored entry into `regex`'s cache (where compile finds it).

    Entries are installed as they are asked for: the store holds the patterns of every rule set
    this install has run, and decoding and building them all cost about 10 ms at each start.
    """
    needed = frozenset(lists.items())  # regex's own key for the named lists a pattern uses
    cache_key = (pattern, str, flags, needed, main.DEFAULT_VERSION, None)
    if cache_key in main._cache:
        return
    try:
        args = _decode(_unpack(packed))
        if args[0] != pattern or args[5] != lists:
            return
        compiled = main._regex.compile(*args)
    except Exception:  # noqa: BLE001 - a bad entry is skipped; regex compiles it normally
        return
    main._cache[cache_key] = compiled
    main._named_args[(pattern, str, flags)] = needed
    main._locale_sensitive[(str, pattern)] = False


@contextlib.contextmanager
def _recording(main: Any, stores: _Stores) -> Iterator[None]:
    """Serve stored patterns, and capture the C-core arguments of every pattern `regex` compiles in the block."""
    real_core, real_compile = getattr(main, "_regex", None), getattr(main, "_compile", None)
    if not callable(getattr(real_core, "compile", None)) or not callable(real_compile):
        yield  # pragma: no cover - a `regex` whose internals changed: record nothing
        return
    captured: list[tuple[Any, ...]] = []
    def compile_and_record(pattern: Any, flags: Any, ignore_unused: Any, kwargs: Any, cache_it: Any) -> Any:
        lists = _named_lists(kwargs)
        cacheable = isinstance(pattern, str) and lists is not None and not (int(flags) & int(main.LOCALE))
        key = _entry_key(pattern, flags, lists) if cacheable else ""
        packed = stores.find(key) if cacheable else None
        if packed is not None:
            _install(main, pattern, int(flags), packed, lists)  # type: ignore[arg-type]
        captured.clear()
        result = real_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        # Stored only when every list given is used (regex refuses unused ones, and keys a pattern by those it uses).
        if (cacheable and len(captured) == 1 and main._locale_sensitive.get((str, pattern)) is False
                and captured[0][5] == lists):
            encoded = _encode(captured[0])
            if encoded is not None:
                stores.record(key, _pack(encoded))
        return result

    # regex keeps 500 patterns and, past that, drops a random fifth along with the locale flag of the
    # pattern being compiled, which is then never recorded (nor found at the next start): the rule
    # pack compiles about 900. The block keeps them all; the limit is restored when it ends.
    real_limit = getattr(main, "_MAXCACHE", None)
    main._regex, main._compile = _Capturing(real_core, captured), compile_and_record
    if isinstance(real_limit, int):
        main._MAXCACHE = max(real_limit, _SESSION_CACHE)
    try:
        yield
    finally:
        main._regex, main._compile = real_core, real_compile
        if isinstance(real_limit, int):
            main._MAXCACHE = real_limit


class _Capturing:
    """Stands in for a compiler's C core: records the arguments of each `compile` call, passes everything on."""

    def __init__(self, core: Any, captured: list[tuple[Any, ...]]) -> None:
        self._core, self._captured = core, captured

    def __getattr__(self, name: str) -> Any:
        return getattr(self._core, name)

    def compile(self, *args: Any) -> Any:
        self._captured.append(args)
        return self._core.compile(*args)


_STDLIB = "re\0"  # the prefix of the standard library's entries (a `regex` entry starts with its flags)
# A stdlib pattern the parser compiles faster than this (seconds of CPU) is not stored: a short
# pattern built from an article's own words ("\bWord\b") would add an entry, and rewrite the
# store, at every new article, for nothing.
_STDLIB_WORTH = 0.0002


@contextlib.contextmanager
def _recording_stdlib(stores: _Stores) -> Iterator[None]:
    """Serve stored `re` patterns, and capture the `_sre.compile` arguments of every one `re` compiles in the block.

    `re.compile` looks in its own cache first and calls `_compiler.compile` only on a miss,
    which is where a stored entry replaces the parser.
    """
    import re
    from re import _compiler

    real_compile, real_sre = getattr(_compiler, "compile", None), getattr(_compiler, "_sre", None)
    if not callable(real_compile) or not callable(getattr(real_sre, "compile", None)):
        yield  # pragma: no cover - an `re` whose internals changed: record nothing
        return
    captured: list[tuple[Any, ...]] = []
    def compile_stdlib(pattern: Any, flags: Any = 0) -> Any:
        cacheable = isinstance(pattern, str) and isinstance(flags, int) and not int(flags) & int(re.DEBUG)
        entry = f"{_STDLIB}{int(flags)}\0{pattern}" if cacheable else ""
        packed = stores.find(entry) if cacheable else None
        if packed is not None:
            try:
                return real_sre.compile(*_decode_stdlib(_unpack(packed)))
            except Exception:  # noqa: BLE001 - a bad entry is skipped; re compiles it normally
                pass
        captured.clear()
        began = time.process_time()
        result = real_compile(pattern, flags)
        if cacheable and len(captured) == 1 and time.process_time() - began >= _STDLIB_WORTH:
            encoded = _encode_stdlib(captured[0])
            if encoded is not None:
                stores.record(entry, _pack(encoded))
        return result

    _compiler.compile, _compiler._sre = compile_stdlib, _Capturing(real_sre, captured)
    try:
        yield
    finally:
        _compiler.compile, _compiler._sre = real_compile, real_sre


def _pack(encoded: list[Any]) -> bytes:
    """A pattern's encoded arguments as marshal bytes, which the store keeps as they are."""
    return marshal.dumps(_plain(encoded))


def _plain(value: Any) -> Any:
    """The value with int subclasses (regex's flags are enums) as plain ints, which marshal can write."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def _unpack(packed: bytes) -> list[Any]:
    """The encoded arguments back from `_pack`'s bytes (the entry's checksum guards them on disk)."""
    value = marshal.loads(packed)
    if not isinstance(value, list):
        raise ValueError("not an encoded pattern")
    return value


def _encode_stdlib(args: tuple[Any, ...]) -> list[Any] | None:
    """`_sre.compile`'s arguments as plain data, or None when they are not the expected kinds."""
    kinds = tuple("int" if isinstance(a, int) and not isinstance(a, bool) else type(a).__name__ for a in args)
    if kinds != ("str", "int", "list", "int", "dict", "tuple"):
        return None
    pattern, flags, code, groups, group_index, index_group = args
    encoded = [pattern, int(flags), list(code), groups, dict(group_index), list(index_group)]
    return encoded if _decode_stdlib(encoded) == args else None


def _decode_stdlib(encoded: list[Any]) -> tuple[Any, ...]:
    pattern, flags, code, groups, group_index, index_group = encoded
    return (pattern, flags, list(code), groups, dict(group_index), tuple(index_group))


def _encode(args: tuple[Any, ...]) -> list[Any] | None:
    """The C-core arguments as plain data (lists, a dict, numbers), or None when they are not the expected kinds."""
    kinds = tuple("int" if isinstance(a, int) and not isinstance(a, bool) else type(a).__name__ for a in args)
    if kinds != _SIGNATURE:
        return None  # unexpected signature
    pattern, flags, code, group_index, index_group, lists, list_items, req_offset, req_chars, req_flags, groups = args
    encoded = [pattern, int(flags), list(code), dict(group_index), [[k, v] for k, v in index_group.items()],
               req_offset, list(req_chars), req_flags, groups,
               [[name, sorted(words)] for name, words in sorted(lists.items())], [sorted(items) for items in list_items]]
    return encoded if _decode(encoded) == args else None


def _decode(encoded: list[Any]) -> tuple[Any, ...]:
    pattern, flags, code, group_index, index_group, req_offset, req_chars, req_flags, groups, *named = encoded
    lists, list_items = named or ([], [])  # entries of format 4 before named lists were stored have neither
    # No copies: each entry is unpacked afresh from its bytes, which are what the store keeps.
    return (pattern, flags, code, group_index, {int(k): v for k, v in index_group},
            {name: frozenset(words) for name, words in lists}, [frozenset(items) for items in list_items],
            req_offset, tuple(req_chars), req_flags, groups)
