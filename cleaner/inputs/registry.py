"""The registry of input formats: each module of cleaner.inputs with a `FORMAT` is one, found automatically.

An input-format module provides:
- a docstring whose first line says what of the file is checked (the README table prints it);
- `FORMAT`: its name; `EXTENSIONS`: the file suffixes it claims (lower case, with the dot);
- `COMMENT`: the (opening, closing) marks of a comment that can hold `cleaner-disable`
  directives (closing None: to the end of the line), or None when the format has no comments;
- `extract(text) -> Extracted`: the checkable text with its offset map back to the source.

Folder walks take every registered extension by default, extraction and inline suppressions
follow the same table, and a file whose suffix no format claims is plain text.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from cleaner.inputs.extracted import Extracted

FALLBACK = "text"
_PACKAGE = "cleaner.inputs"


@dataclass(frozen=True)
class InputFormat:
    """One input format: its name, its suffixes, its comment marks, and its extractor (the module, loaded on first use)."""

    name: str
    extensions: tuple[str, ...]
    comment: tuple[str, str | None] | None
    module_name: str

    @property
    def module(self) -> ModuleType:
        """The module that extracts this format."""
        return importlib.import_module(self.module_name)

    def extract(self, text: str) -> Extracted:
        """Return the text the rules check, with its offset map."""
        return self.module.extract(text)

    @property
    def summary(self) -> str:
        """What of a file in this format is checked (the docstring's first line)."""
        return (self.module.__doc__ or "").strip().split("\n", 1)[0]


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, InputFormat]:
    """Every input format by name, plain text first.

    The table comes from the compiled cache, keyed by the package's files: a check of a text
    file does not import the HTML and Markdown extractors (and `html.parser`) to learn their suffixes.
    """
    from cleaner import compiled_cache

    folder = Path(__file__).resolve().parent
    files = sorted(folder / name for name in os.listdir(folder) if name.endswith(".py"))
    key = compiled_cache.fingerprint(files, "input formats 1", content_limit=-1)
    rows = compiled_cache.load_or_build(f"inputformats_{compiled_cache.location_tag(folder)}", key, _scan)
    found = {
        name: InputFormat(name, tuple(exts), tuple(comment) if comment else None, module)
        for name, exts, comment, module in rows
    }
    return dict(sorted(found.items(), key=lambda item: item[0] != FALLBACK))


def _scan() -> list[list[Any]]:
    """[name, extensions, comment, module] of each module of the package with a `FORMAT`, importing them all."""
    import pkgutil

    package = importlib.import_module(_PACKAGE)
    rows = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_PACKAGE}.{info.name}")
        name = getattr(module, "FORMAT", None)
        if name:
            comment = list(module.COMMENT) if module.COMMENT else None
            rows.append([name, list(module.EXTENSIONS), comment, module.__name__])
    return rows


@functools.lru_cache(maxsize=1)
def _by_suffix() -> dict[str, InputFormat]:
    return {ext: fmt for fmt in registry().values() for ext in fmt.extensions}


def format_for_path(path: str) -> InputFormat:
    """The input format of a file name (by its suffix; plain text when no format claims it)."""
    return _by_suffix().get(Path(path).suffix.lower(), registry()[FALLBACK])


def extensions() -> tuple[str, ...]:
    """Every suffix some format claims: what a folder walk takes by default."""
    return tuple(_by_suffix())


@functools.lru_cache(maxsize=8)
def directive_pattern(comment: tuple[str, str | None]) -> re.Pattern[str]:
    """The regex of a `cleaner-VERB selectors` comment in this syntax (any verb: a misspelt one is warned about)."""
    opening, closing = comment
    end = re.escape(closing) if closing else r"$"
    return re.compile(rf"{re.escape(opening)}\s*cleaner-([\w-]*)(.*?){end}", re.S | re.M)


def markdown_table() -> str:
    """The README's table of input formats."""
    lines = ["| format | extensions | what is checked | suppression comments |", "|---|---|---|---|"]
    for fmt in registry().values():
        exts = ", ".join(f"`{e}`" for e in fmt.extensions)
        comment = "none"
        if fmt.comment:
            opening, closing = fmt.comment
            comment = f"`{opening} cleaner-disable PU101{' ' + closing if closing else ''}`"
        lines.append(f"| `{fmt.name}` | {exts} | {fmt.summary} | {comment} |")
    return "\n".join(lines) + "\n"
