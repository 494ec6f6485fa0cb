"""The compiled cache: keyed by content, rebuilt when damaged, safe with concurrent writers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import compiled_cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    return tmp_path / "compiled"


def _counting_builder(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_lives_in_the_user_cache_folder_never_the_package(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(compiled_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compiled_cache.cache_dir() == tmp_path / "xdg" / "cleaner" / "compiled"
    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path / "mine"))
    assert compiled_cache.cache_dir() == tmp_path / "mine" / "compiled"
    package = Path(compiled_cache.__file__).resolve().parent
    assert package not in compiled_cache.cache_dir().resolve().parents


def test_second_load_reads_the_cache(cache_home) -> None:
    build, calls = _counting_builder({"a": [1, 2], "b": "x"})
    assert compiled_cache.load_or_build("demo", "k" * 32, build) == {"a": [1, 2], "b": "x"}
    assert compiled_cache.load_or_build("demo", "k" * 32, build) == {"a": [1, 2], "b": "x"}
    assert len(calls) == 1


def test_fingerprint_follows_content_and_names(tmp_path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text("a: 1\n", encoding="utf-8")
    first = compiled_cache.fingerprint([one], "v1")
    assert compiled_cache.fingerprint([one], "v1") == first
    one.write_text("a: 2\n", encoding="utf-8")  # same size, new content
    assert compiled_cache.fingerprint([one], "v1") != first
    assert compiled_cache.fingerprint([one], "v2") != compiled_cache.fingerprint([one], "v1")
    assert compiled_cache.fingerprint([one, tmp_path / "missing"], "v1") != compiled_cache.fingerprint([one], "v1")


def _damages(good: bytes) -> list[bytes]:
    header, _, payload = good.partition(b"\n")
    return [
        b"", b'{"key": "', b"\x00\xff garbage", b"[1, 2]",
        good[: len(good) // 2],  # truncated
        header + b"\n" + payload.replace(b"\x01", b"\x07"),  # a valid value, wrong checksum
        header.replace(b"d" * 32, b"e" * 32) + b"\n" + payload,  # another key
    ]


@pytest.mark.parametrize("which", range(7))
def test_damaged_entry_is_rebuilt_and_replaced(cache_home, which: int) -> None:
    key = "d" * 32
    compiled_cache.load_or_build("demo", key, lambda: [1, 2, 3])
    entry = cache_home / f"demo-{key}{compiled_cache.SUFFIX}"
    entry.write_bytes(_damages(entry.read_bytes())[which])
    build, calls = _counting_builder([1, 2, 3])
    assert compiled_cache.load_or_build("demo", key, build) == [1, 2, 3]
    assert calls == [1]
    assert compiled_cache.load("demo", key) == [1, 2, 3]


@pytest.mark.parametrize("which", range(7))
def test_stored_bytes_come_back_only_undamaged(cache_home, which: int) -> None:
    key = "d" * 32
    compiled_cache.store_bytes("demo", key, b"\x00\x01\xffopcodes")
    assert compiled_cache.load_bytes("demo", key) == b"\x00\x01\xffopcodes"
    entry = cache_home / f"demo-{key}{compiled_cache.SUFFIX}"
    entry.write_bytes(_damages(entry.read_bytes())[which])
    assert compiled_cache.load_bytes("demo", key) is None


def test_values_json_cannot_hold_exactly_are_not_stored(cache_home) -> None:
    build, calls = _counting_builder({"t": (1, 2)})  # a tuple would come back as a list
    compiled_cache.load_or_build("demo", "e" * 32, build)
    compiled_cache.load_or_build("demo", "e" * 32, build)
    assert len(calls) == 2 and not list(cache_home.glob("*"))


def test_a_new_key_replaces_older_entries_of_the_same_name_only(cache_home) -> None:
    compiled_cache.load_or_build("demo", "a" * 32, lambda: 1)
    compiled_cache.load_or_build("other", "a" * 32, lambda: 2)
    compiled_cache.load_or_build("demo", "b" * 32, lambda: 3)
    suffix = compiled_cache.SUFFIX
    assert sorted(p.name for p in cache_home.glob("*")) == [f"demo-{'b' * 32}{suffix}", f"other-{'a' * 32}{suffix}"]


def test_unwritable_cache_folder_still_works(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(compiled_cache.ENV, str(blocker))
    assert compiled_cache.load_or_build("demo", "c" * 32, lambda: {"ok": True}) == {"ok": True}


_WRITER = """
import sys
from cleaner import compiled_cache
value = {"rows": [[i, str(i) * 20] for i in range(20000)]}
entry = compiled_cache.cache_dir() / f"race-{sys.argv[1]}{compiled_cache.SUFFIX}"
for _ in range(15):
    entry.unlink(missing_ok=True)  # so that every round is a write racing the others' reads
    got = compiled_cache.load_or_build("race", sys.argv[1], lambda: value)
    assert got == value, "a reader saw a partial or foreign entry"
print("ok")
"""


@pytest.mark.slow
def test_concurrent_writers_never_leave_a_partial_entry(cache_home) -> None:
    # Several processes build and write the same large entry at once; every read must see
    # either nothing (and build) or the whole entry, and one whole entry must remain.
    env = {**os.environ, compiled_cache.ENV: str(cache_home.parent)}
    key = "f" * 32
    procs = []
    for _ in range(4):
        procs.append(subprocess.Popen([sys.executable, "-c", _WRITER, key], env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "ok", err
    entries = list(cache_home.glob(f"race-*{compiled_cache.SUFFIX}"))
    assert len(entries) == 1
    assert len(compiled_cache.load("race", key)["rows"]) == 20000
    assert not list(cache_home.glob(".*.tmp"))


def test_large_tables_are_keyed_by_size_and_time(tmp_path) -> None:
    table = tmp_path / "words.tsv"
    table.write_text("word\t1\n" * 100, encoding="utf-8")
    first = compiled_cache.fingerprint([table], content_limit=10)
    assert compiled_cache.fingerprint([table], content_limit=10) == first
    os.utime(table, ns=(table.stat().st_atime_ns, table.stat().st_mtime_ns + 1_000_000))  # rewritten
    assert compiled_cache.fingerprint([table], content_limit=10) != first


def test_a_derived_table_is_built_once_per_source(cache_home) -> None:
    build, calls = _counting_builder([["k", 1]])
    source = [("Anna", "Berg"), ("Carl", "Dahl")]
    assert compiled_cache.derived("demo", source, build) == [["k", 1]]
    assert compiled_cache.derived("demo", [tuple(words) for words in source], build) == [["k", 1]]
    assert len(calls) == 1
    compiled_cache.derived("demo", source + [("Eva", "Falk")], build)  # a changed table: built anew
    assert len(calls) == 2
    compiled_cache.derived("demo", source, build)  # two sources of one name keep an entry each
    assert len(calls) == 2


def test_a_derived_tables_key_does_not_depend_on_string_sharing_or_interning(cache_home) -> None:
    """Equal data marshals to different bytes when strings are shared or interned; the key must not see it."""
    shared = "Berg"
    build, calls = _counting_builder(["x"])
    compiled_cache.derived("demo", [(shared, shared)], build)
    compiled_cache.derived("demo", [("".join(["Be", "rg"]), "".join(["B", "erg"]))], build)
    compiled_cache.derived("demo", [(sys.intern("Berg"), "Ber" + "g"[:1])], build)
    assert len(calls) == 1


def test_a_derived_table_is_rebuilt_when_the_code_changes(cache_home, monkeypatch) -> None:
    build, calls = _counting_builder(["x"])
    compiled_cache.derived("demo", ["a"], build)
    monkeypatch.setattr(compiled_cache, "_code_stamp", lambda: "another version of the code")
    compiled_cache.derived("demo", ["a"], build)
    assert len(calls) == 2


def test_a_derived_table_is_rebuilt_when_a_file_it_reads_changes(cache_home, tmp_path) -> None:
    # A table derived from a data file too (word frequencies, the people tables) follows the file.
    data = tmp_path / "words.tsv"
    data.write_text("the\t7.7\n", encoding="utf-8")
    build, calls = _counting_builder(["x"])
    compiled_cache.derived("demo", ["a"], build, files=[data])
    compiled_cache.derived("demo", ["a"], build, files=[data])
    assert len(calls) == 1
    data.write_text("the\t7.7\nking\t5.1\n", encoding="utf-8")
    compiled_cache.derived("demo", ["a"], build, files=[data])
    assert len(calls) == 2
