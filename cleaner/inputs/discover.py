"""Which files to check: the one folder walker, with include/exclude globs and the registry's extensions."""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Sequence

from cleaner.errors import InputError

# Folders no article lives in; walking them only costs time (a .git folder can be huge).
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob: `**` crosses folders, `*` and `?` stay inside one path part."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches_any(relative: str, patterns: Iterable[str]) -> bool:
    """True when a posix relative path matches a glob.

    A pattern without '/' matches any single part (a file or folder name anywhere);
    a pattern with '/' matches the whole path from the configuration's folder.
    """
    parts = relative.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            if _glob_regex(pattern[2:] if pattern.startswith("./") else pattern).match(relative):
                return True
        elif any(_glob_regex(pattern).match(part) for part in parts):
            return True
    return False


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop (RuntimeError before 3.13)
        return path.as_posix()


def discover(
    paths: Sequence[str],
    root: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    extensions: Sequence[str] | None = None,
) -> list[str]:
    """Expand folders recursively and drop excluded files; return unique paths sorted ('-' first).

    Files named explicitly are kept whatever their suffix, unless `exclude` matches them
    (so pre-commit and editors honour the configuration); in folders, a file is taken when
    `include` matches it or, without `include`, when its suffix is in `extensions` (default:
    every suffix an input format claims).
    """
    if extensions is None:
        from cleaner.inputs.registry import extensions as known

        extensions = known()
    root = (root or Path.cwd()).resolve()
    found: set[str] = set()
    for path in paths:
        if path == "-":
            found.add(path)
            continue
        target = Path(path)
        if not target.is_dir():
            if not matches_any(_relative(target, root), exclude):
                found.add(path)
            continue
        candidates = _walk(target, root, exclude)
        if include:
            chosen = [p for p in candidates if matches_any(_relative(Path(p), root), include)]
        else:
            chosen = [p for p in candidates if Path(p).suffix.lower() in extensions]
        if not chosen and not include and not exclude:
            raise InputError(f"{path}: directory has no text files ({', '.join(extensions)})")
        found.update(chosen)
    return sorted(found, key=lambda p: (p != "-", p))


def _unreadable(error: OSError) -> None:
    """A folder that cannot be listed is skipped, but never silently."""
    reason = (error.strerror or str(error)).lower()
    print(f"cleaner: warning: {error.filename}: cannot read folder ({reason}); skipped", file=sys.stderr)


def _walk(folder: Path, root: Path, exclude: Sequence[str]) -> list[str]:
    out = []
    for current, dirs, files in os.walk(folder, onerror=_unreadable):
        base = Path(current)
        # Prune in place so excluded and hidden folders are never entered.
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in SKIPPED_FOLDERS and not matches_any(_relative(base / d, root), exclude)
        )
        for name in files:
            candidate = base / name
            if not matches_any(_relative(candidate, root), exclude):
                out.append(str(candidate))
    return out
