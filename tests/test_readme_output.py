"""The README's example outputs are the tool's real output, so they cannot drift from it.

A fenced block after `<!-- output: cleaner ARGS -->` is compared with what `cleaner ARGS` prints,
run in a folder holding a copy of the seed (so `fix` may write), 100 columns wide, no colour:

- text: the block's lines appear in the output as they are; a line that is only `...` stands
  for lines left out, and the lines between two of them appear together, in order;
- JSON: every key shown has the value shown; `"...": "..."` stands for keys left out, and a
  list shows some of the real items, in order.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests_support import ROOT, SEED, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"<!-- output: cleaner (.*?) -->\n```(\w+)\n(.*?)\n```", README, re.S)
ELIDED = "..."


def run_example(args: str, tmp_path: Path) -> str:
    """Run one README command where the seed sits at its README path; return its stdout."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    done = run_cli(*shlex.split(args), cwd=tmp_path, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout.decode("utf-8")


def text_mismatch(shown: str, real: str) -> str | None:
    """None when the shown lines are the real ones (with `...` gaps), else what is missing."""
    lines = [line.rstrip() for line in real.splitlines()]
    at = 0
    chunks = re.split(rf"^[ \t]*{re.escape(ELIDED)}[ \t]*$\n?", shown, flags=re.M)
    for chunk in (c.rstrip("\n").splitlines() for c in chunks if c.strip()):
        chunk = [line.rstrip() for line in chunk]
        found = next((i for i in range(at, len(lines) - len(chunk) + 1) if lines[i : i + len(chunk)] == chunk), None)
        if found is None:
            return "\n".join(chunk)
        at = found + len(chunk)
    return None


def json_mismatch(shown: Any, real: Any, where: str = "$") -> str | None:
    """None when `shown` is part of `real` as the module docstring says, else the first path that differs."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return where
        if ELIDED not in shown and set(shown) != set(real):
            return f"{where}: keys {sorted(set(real) ^ set(shown))}"
        for key, value in shown.items():
            if key != ELIDED and (key not in real or json_mismatch(value, real[key], f"{where}.{key}")):
                return json_mismatch(value, real.get(key), f"{where}.{key}") or f"{where}.{key}"
        return None
    if isinstance(shown, list):
        if not isinstance(real, list):
            return where
        rest = iter(real)
        for i, item in enumerate(shown):
            if not any(json_mismatch(item, candidate) is None for candidate in rest):
                return f"{where}[{i}]"
        return None
    return None if shown == real else f"{where}: README {shown!r}, real {real!r}"


def test_the_readme_has_output_examples() -> None:
    assert {args.split()[0] for args, _, _ in EXAMPLES} >= {"check", "fix"} and len(EXAMPLES) >= 4


@pytest.mark.parametrize(("args", "kind", "block"), EXAMPLES, ids=[f"{a} ({k})" for a, k, _ in EXAMPLES])
def test_readme_example_is_the_real_output(args: str, kind: str, block: str, tmp_path: Path) -> None:
    real = run_example(args, tmp_path)
    if kind == "json":
        problem = json_mismatch(json.loads(block), json.loads(real))
    else:
        problem = text_mismatch(block, real)
    assert problem is None, f"README example `cleaner {args}` differs from the real output at:\n{problem}\n\n{real}"


@pytest.mark.parametrize(
    ("shown", "ok"),
    [("a\nb", True), ("a\n...\nc", True), ("b\nc", True), ("a\nc", False), ("c\n...\na", False), ("x", False)],
)
def test_text_matching_honours_gaps_and_order(shown: str, ok: bool) -> None:
    assert (text_mismatch(shown, "a\nb\nc\n") is None) is ok


def test_json_matching_honours_elided_keys_and_list_order() -> None:
    real = {"a": 1, "b": [1, 2, 3], "c": {"d": 4, "e": 5}}
    assert json_mismatch({"a": 1, "b": [1, 3], "c": {"d": 4, "...": "..."}}, real) is None
    assert json_mismatch({"a": 1, "b": [3, 1], "c": {"d": 4, "e": 5}}, real) == "$.b[1]"
    assert json_mismatch({"a": 2, "...": "..."}, real).startswith("$.a")
    assert json_mismatch({"a": 1, "b": [1]}, real).startswith("$: keys")
