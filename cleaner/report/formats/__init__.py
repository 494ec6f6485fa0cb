"""The registry of output formats: one module per format in this package, found automatically.

A format module provides:
- a docstring, and `SUMMARY`: one line saying who the format is for (the CLI help and the README
  table print it);
- `FORMATTER`: a streaming `cleaner.report.Formatter` subclass, for `cleaner check`;
- optionally `render_scores(results)`, for `cleaner score` (results: `(path, Readability)` pairs);
- optionally `render_fixes(fixes, color, dry_run)`, for `cleaner fix` (fixes: `FileFix`es).

A command offers exactly the formats that provide what it needs, so a format is either
supported or refused (a usage error), never silently replaced by another. Adding a format is
adding a module here (keep its heavy imports inside functions: every module loads at start-up).
"""

from __future__ import annotations

import functools
import importlib
import io
import pkgutil
from dataclasses import dataclass
from enum import Enum
from types import ModuleType
from typing import Sequence, TextIO

from cleaner.model import FileReport, Rule
from cleaner.report import Formatter

# What each command needs from a format module.
COMMANDS = {"check": "FORMATTER", "score": "render_scores", "fix": "render_fixes"}


@dataclass(frozen=True)
class OutputFormat:
    """One output format: its name, who it is for, and the module that writes it."""

    name: str
    summary: str
    module: ModuleType

    @property
    def commands(self) -> tuple[str, ...]:
        """The commands that can write this format."""
        return tuple(command for command, needs in COMMANDS.items() if hasattr(self.module, needs))


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, OutputFormat]:
    """Every output format by name, in name order."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            found[info.name] = OutputFormat(info.name, module.SUMMARY, module)
    return found


def _one_format(name: str) -> OutputFormat | None:
    """Format `name`, importing only its module (a plain `cleaner check` writes one format)."""
    if registry.cache_info().currsize or name not in _module_names():
        return registry().get(name)
    module = importlib.import_module(f"{__name__}.{name}")
    return OutputFormat(name, module.SUMMARY, module)


@functools.lru_cache(maxsize=1)
def _module_names() -> frozenset[str]:
    return frozenset(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))


def names(command: str) -> tuple[str, ...]:
    """The formats a command offers, text first."""
    offered = [fmt.name for fmt in registry().values() if command in fmt.commands]
    return tuple(sorted(offered, key=lambda name: (name != "text", name)))


def choices(command: str) -> type[Enum]:
    """The formats a command offers as an Enum, for its `--format` option."""
    return Enum(f"{command.title()}Format", {name: name for name in names(command)}, type=str)  # type: ignore[return-value]


def module_for(name: str, command: str) -> ModuleType:
    """The module writing format `name` for `command`; ValueError when it cannot."""
    fmt = _one_format(name)
    if fmt is None or command not in fmt.commands:
        raise ValueError(f"`cleaner {command}` cannot write {name!r}; it writes {', '.join(names(command))}")
    return fmt.module


def formatter_for(name: str, out: TextIO, rules: Sequence[Rule] = (), color: bool = False) -> Formatter:
    """The streaming formatter of `cleaner check` for a format."""
    return module_for(name, "check").FORMATTER(out, rules, color)


def render(name: str, reports: Sequence[FileReport], rules: Sequence[Rule] = (), color: bool = False) -> str:
    """Render check reports in one go (for tests and the Python API)."""
    buffer = io.StringIO()
    formatter = formatter_for(name, buffer, rules, color)
    formatter.start()
    for report in reports:
        formatter.handle(report)
    formatter.stop()
    return buffer.getvalue()


def markdown_table() -> str:
    """The README's table of output formats."""
    lines = ["| format | for | commands |", "|---|---|---|"]
    for name in names("check") + tuple(n for n in registry() if n not in names("check")):
        fmt = registry()[name]
        lines.append(f"| `{name}` | {fmt.summary} | {', '.join(fmt.commands)} |")
    return "\n".join(lines) + "\n"
