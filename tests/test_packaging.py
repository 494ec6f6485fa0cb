"""Packaging: the wheel and the sdist carry every rule file and every module, found by glob."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile

import pytest

from tests_support import ROOT

BUILD = "from setuptools import build_meta as b; w = b.build_wheel('dist'); s = b.build_sdist('dist'); print('BUILT', w, s)"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    """Build the wheel and the sdist from a copy of the tree; return the names each holds."""
    pytest.importorskip("setuptools", minversion="77")  # PEP 639 licence metadata; pinned in the test extras
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, tree / name)
    for folder in ("cleaner", "rules"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-c", BUILD], cwd=tree, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "is absent from the `packages` configuration" not in done.stderr
    wheel, sdist = next(line for line in done.stdout.splitlines() if line.startswith("BUILT ")).split()[1:]
    with zipfile.ZipFile(tree / "dist" / wheel) as archive:
        wheel_names = set(archive.namelist())
    with tarfile.open(tree / "dist" / sdist) as archive:
        sdist_names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    return wheel_names, sdist_names


def _tree(folder: str, pattern: str) -> list[str]:
    return sorted(p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob(pattern) if "__pycache__" not in p.parts)


@pytest.mark.slow
def test_every_rule_file_ships_in_the_wheel_and_the_sdist(built: tuple[set[str], set[str]]) -> None:
    wheel, sdist = built
    rule_files = [f for f in _tree("rules", "*") if (ROOT / "rules" / f).is_file()]  # rules, word lists, tables
    assert len([f for f in rule_files if f.endswith(".yaml")]) > 20
    assert [f for f in rule_files if f"cleaner/rules/{f}" not in wheel] == []
    assert [f for f in rule_files if f"rules/{f}" not in sdist] == []


@pytest.mark.slow
def test_every_module_ships_in_the_wheel(built: tuple[set[str], set[str]]) -> None:
    wheel, _ = built
    assert [m for m in _tree("cleaner", "*.py") if f"cleaner/{m}" not in wheel] == []


def test_pyproject_lists_no_rule_category() -> None:
    # Rule folders are taken by glob, so a new category needs no edit in pyproject.toml.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "cleaner.rules." not in text and '"cleaner.rules" = ["**/*.yaml",' in text
