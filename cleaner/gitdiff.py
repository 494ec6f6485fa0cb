"""Lines changed since a git revision, for `cleaner check --diff-base REV`.

One `git diff --unified=0 REV` over the repository (working tree against REV, so staged and
unstaged edits both count) plus the list of untracked files, which are new in every line.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from cleaner.errors import InputError
from cleaner.model import Finding
from cleaner.textio import SourceText

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
        )
    except FileNotFoundError:
        raise InputError("--diff-base: git is not installed") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise InputError(f"--diff-base: git {args[0]} failed: {last}")
    return done.stdout


def parse_diff(diff: str) -> dict[str, frozenset[int]]:
    """Return the added or changed line numbers (new side) of each file in a unified diff."""
    changed: dict[str, set[int]] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name.startswith('"') and name.endswith('"'):
                name = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
            current = name[2:] if name.startswith("b/") else None
            if current is not None:
                changed.setdefault(current, set())
        elif current is not None:
            hunk = _HUNK.match(line)
            if hunk:
                start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
                changed[current].update(range(start, start + count))
    return {path: frozenset(lines) for path, lines in changed.items()}


@dataclass(frozen=True)
class ChangedLines:
    """Changed lines per repository-relative path; untracked files count as entirely new."""

    root: Path
    files: Mapping[str, frozenset[int]]
    untracked: frozenset[str]

    def lines_for(self, path: str) -> frozenset[int] | None:
        """Return the changed lines of a file, or None when every line is new."""
        try:
            key = Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None  # outside the repository: nothing to compare with, so all of it counts
        if key in self.untracked:
            return None
        return self.files.get(key, frozenset())


def changed_lines(rev: str, cwd: Path | None = None) -> ChangedLines:
    """Ask git which lines changed since `rev` in the repository around `cwd`."""
    cwd = (cwd or Path.cwd()).resolve()
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    except InputError:
        raise InputError(f"--diff-base: unknown git revision '{rev}'") from None
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", rev, "--"],
        root,
    )
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    return ChangedLines(root, parse_diff(diff), frozenset(p for p in others.split("\0") if p))


@dataclass(frozen=True)
class DiffFilter:
    """A runner filter keeping only findings that touch a changed line."""

    changed: ChangedLines

    def __call__(self, source: SourceText, findings: list[Finding]) -> list[Finding]:
        """Return the findings on lines changed since the revision."""
        lines = self.changed.lines_for(source.path)
        if lines is None:
            return findings
        return [f for f in findings if any(n in lines for n in range(f.line, f.end_line + 1))]
