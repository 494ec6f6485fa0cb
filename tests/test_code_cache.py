"""Dataclasses defined in a code-cache session equal those `dataclasses` compiles itself, stored or not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaner import code_cache, compiled_cache


def _define():
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        """A point."""

        x: int
        y: int = 0
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def _behaviour(cls) -> tuple:
    a, b = cls(1, 2), cls(1, 3, ("t",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 5  # type: ignore[misc]
    return (repr(a), a == cls(1, 2), a < b, hash(a) == hash(cls(1, 2)), dataclasses.replace(a, y=7),
            [f.name for f in dataclasses.fields(cls)], cls.__init__.__annotations__)


def test_stored_methods_make_the_same_classes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    monkeypatch.setattr(code_cache, "_STORED", {})
    plain = _behaviour(_define())
    with code_cache.session():
        first = _behaviour(_define())  # compiled and recorded
    assert list((tmp_path / "compiled").glob(f"{code_cache._ENTRY}_*{compiled_cache.SUFFIX}"))
    code_cache._STORED.clear()
    compiled: list[str] = []
    monkeypatch.setattr(code_cache, "compile", lambda *a, **k: compiled.append(a[0]) or compile(*a, **k), raising=False)
    with code_cache.session():
        again = _behaviour(_define())  # served from the store
    assert compiled == []
    assert [repr(v) for v in plain] == [repr(v) for v in first] == [repr(v) for v in again]
    assert "exec" not in vars(dataclasses)  # the session leaves dataclasses as it found it


def test_a_damaged_stored_method_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    monkeypatch.setattr(code_cache, "_STORED", {})
    with code_cache.session():
        _define()
    store = next(iter(code_cache._STORED.values()))
    for text in store:
        store[text] = "not marshal data"
    with code_cache.session():
        damaged = _behaviour(_define())
    assert [repr(v) for v in damaged] == [repr(v) for v in _behaviour(_define())]
