"""Find, parse and validate `[tool.cleaner]` (pyproject.toml) or `.cleaner.toml`.

Every error names the file, the line when it can be found, and the key, and exits 3
(cleaner.errors.RuleFileError), like a malformed rule file.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from cleaner.errors import RuleFileError
from cleaner.model import Level
from cleaner.textio import DEFAULT_MAX_BYTES, format_size, parse_size

CONFIG_NAMES = (".cleaner.toml", "pyproject.toml")  # in one folder, .cleaner.toml wins
_SIZE = re.compile(r"[1-9]\d*[kmg]")
FAIL_ON = ("info", "warning", "error", "never")
LT_MODES = ("off", "on", "auto")


@dataclass(frozen=True)
class ReadabilityConfig:
    """Whether to score readability, and the limits that raise a finding when crossed."""

    enabled: bool = True
    min_flesch_reading_ease: float | None = None
    max_flesch_kincaid_grade: float | None = None
    max_gunning_fog: float | None = None
    level: Level = Level.WARNING


@dataclass(frozen=True)
class LanguageToolConfig:
    """Settings handed to cleaner.languagetool.GrammarOptions."""

    mode: str = "off"
    url: str | None = None
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    allow_fix_rules: tuple[str, ...] = ()
    max_memory: str = "512m"
    timeout: float = 60.0


@dataclass(frozen=True)
class EffectiveConfig:
    """The settings a run uses: defaults, then the config file, then command-line flags."""

    path: Path | None = None  # the file the settings came from (None: defaults only)
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    levels: tuple[tuple[str, Level], ...] = ()
    fail_on: str = "info"
    extra_rules: tuple[Path, ...] = ()
    builtin_rules: bool = True
    variant: str = "en-US"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = field(default_factory=lambda: _known_extensions())
    baseline: Path | None = None
    readability: ReadabilityConfig = field(default_factory=ReadabilityConfig)
    languagetool: LanguageToolConfig = field(default_factory=LanguageToolConfig)
    max_file_size: int = DEFAULT_MAX_BYTES  # bytes; larger inputs are refused

    def rule_folders(self) -> tuple[Path, ...]:
        """Return the rule folders to load: the built-in pack (unless disabled) and the extra ones."""
        from cleaner.loader import builtin_rules_dir

        return ((builtin_rules_dir(),) if self.builtin_rules else ()) + self.extra_rules

    def with_overrides(self, **changes: Any) -> "EffectiveConfig":
        """Return a copy with the given fields replaced; None values (flags not given) are ignored."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        """Return the settings with config-file key names, for `cleaner config`."""
        data = {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "levels": {k: v.value for k, v in self.levels},
            "fail-on": self.fail_on,
            "extra-rules": [str(p) for p in self.extra_rules],
            "builtin-rules": self.builtin_rules,
            "variant": self.variant,
            "include": list(self.include),
            "exclude": list(self.exclude),
            "extensions": list(self.extensions),
            "baseline": str(self.baseline) if self.baseline else None,
            "readability": _kebab(dataclasses.asdict(self.readability)),
            "languagetool": _kebab(dataclasses.asdict(self.languagetool)),
            "max-file-size": format_size(self.max_file_size),
        }
        return _kebab(data)


def _known_extensions() -> tuple[str, ...]:
    """Every suffix an input format claims (cleaner/inputs/registry.py)."""
    from cleaner.inputs.registry import extensions

    return extensions()


def _kebab(data: dict[str, Any]) -> dict[str, Any]:
    # TOML has no null: unset values are left out of the printed configuration.
    out = {}
    for key, value in data.items():
        if value is None:
            continue
        out[key.replace("_", "-")] = value.value if isinstance(value, Level) else value
    return out


def find_config(start: Path) -> Path | None:
    """Walk up from `start` and return the first .cleaner.toml, or pyproject.toml with [tool.cleaner]."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
    return None


def _has_tool_section(path: Path) -> bool:
    # A cheap textual test first: most pyproject.toml files have no [tool.cleaner] at all.
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "cleaner" not in text:
        return False
    tool = _parse(path, text).get("tool")
    return isinstance(tool, dict) and "cleaner" in tool  # `tool = "x"` is someone else's business


def load_config(start: Path | None = None, explicit: Path | None = None) -> EffectiveConfig:
    """Return the effective configuration: `explicit` if given, else the nearest config above `start`."""
    path = explicit if explicit is not None else find_config(start or Path.cwd())
    if path is None:
        return EffectiveConfig()
    if not path.is_file():
        raise RuleFileError(f"{path}: configuration file does not exist")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot read configuration: {exc}") from None
    data = _parse(path, text)
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise RuleFileError(f"{path}:{_line_of(text, 'tool')}: tool: must be a table")
        data, prefix = tool.get("cleaner", {}), "tool.cleaner."
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:{_line_of(text, 'cleaner')}: {prefix.rstrip('.') or 'configuration'}: must be a table")
    return parse_settings(data, path, text, prefix)


def _parse(path: Path, text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # imported here: a run without a configuration file never needs it
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)", str(exc))
        line = (where.group(1) or text.count("\n") + 1) if where else 1
        problem = str(exc).replace(where.group(0), "") if where else str(exc)
        raise RuleFileError(f"{path}:{line}: invalid TOML: {problem}") from None


class _Reader:
    """Validate one table of settings; errors carry file, line and the dotted key."""

    def __init__(self, data: Mapping[str, Any], path: Path, text: str, prefix: str) -> None:
        self.data, self.path, self.text, self.prefix = data, path, text, prefix

    def fail(self, key: str, problem: str) -> RuleFileError:
        """Build the error for `key` (dotted from the table root)."""
        line = _line_of(self.text, key, self.prefix)
        return RuleFileError(f"{self.path}:{line}: {self.prefix}{key}: {problem}")

    def check_keys(self, allowed: set[str], where: str = "") -> None:
        """Reject keys outside `allowed`, naming the first one."""
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise self.fail(where + unknown[0], f"unknown key (known: {', '.join(sorted(allowed))})")

    def get(self, key: str, kind: Callable[[Any], bool], what: str, where: str = "") -> Any:
        """Return the value of `key` (None when absent) after checking its type."""
        if key not in self.data:
            return None
        value = self.data[key]
        if not kind(value):
            raise self.fail(where + key, f"must be {what}")
        return value

    def strings(self, key: str, where: str = "") -> tuple[str, ...] | None:
        """Return a list-of-strings value as a tuple."""
        value = self.get(key, _is_str_list, "a list of strings", where)
        return None if value is None else tuple(value)

    def choice(self, key: str, choices: tuple[str, ...], where: str = "") -> str | None:
        """Return a string value that must be one of `choices`."""
        value = self.get(key, lambda v: isinstance(v, str), "a string", where)
        if value is not None and value not in choices:
            raise self.fail(where + key, f"'{value}' is not one of {', '.join(choices)}")
        return value


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


TOP_KEYS = {
    "select", "ignore", "levels", "fail-on", "extra-rules", "builtin-rules", "variant",
    "include", "exclude", "extensions", "baseline", "readability", "languagetool", "max-file-size",
}  # fmt: skip
READABILITY_KEYS = {"enabled", "min-flesch-reading-ease", "max-flesch-kincaid-grade", "max-gunning-fog", "level"}
LT_KEYS = {"mode", "url", "disabled-rules", "enabled-rules", "allow-fix-rules", "max-memory", "timeout"}


def parse_settings(data: Mapping[str, Any], path: Path, text: str = "", prefix: str = "") -> EffectiveConfig:
    """Validate a settings table and build the EffectiveConfig; relative paths resolve from the file."""
    from cleaner.languagetool.options import VARIANTS

    r = _Reader(data, path, text, prefix)
    r.check_keys(TOP_KEYS)
    base = path.resolve().parent
    levels = r.get("levels", lambda v: isinstance(v, dict), "a table of rule = level")
    for key, value in (levels or {}).items():
        if not isinstance(value, str) or value not in {lvl.value for lvl in Level}:
            raise r.fail(f"levels.{key}", f"'{value}' is not one of info, warning, error")
    extensions = r.strings("extensions")
    if extensions and not all(e.startswith(".") for e in extensions):
        raise r.fail("extensions", "each extension starts with a dot, such as \".md\"")
    extra = r.strings("extra-rules")
    select = r.strings("select")
    if select == ():
        raise r.fail("select", 'an empty list turns every rule off; list rules, or "ALL"')
    baseline = r.get("baseline", lambda v: isinstance(v, str) and v.strip(), "a file path")
    max_size = r.get("max-file-size", lambda v: isinstance(v, str) and _SIZE.fullmatch(v), 'a size such as "100m"')
    return EffectiveConfig(path=path).with_overrides(
        select=select,
        ignore=r.strings("ignore"),
        levels=tuple(sorted((k, Level(v)) for k, v in levels.items())) if levels is not None else None,
        fail_on=r.choice("fail-on", FAIL_ON),
        extra_rules=tuple(base / p for p in extra) if extra is not None else None,
        builtin_rules=r.get("builtin-rules", lambda v: isinstance(v, bool), "true or false"),
        variant=r.choice("variant", VARIANTS),
        include=r.strings("include"),
        exclude=r.strings("exclude"),
        extensions=tuple(e.lower() for e in extensions) if extensions is not None else None,
        baseline=base / baseline if baseline else None,
        readability=_readability(r),
        languagetool=_languagetool(r),
        max_file_size=parse_size(max_size) if max_size else None,
    )


def _subtable(r: _Reader, key: str, allowed: set[str]) -> _Reader | None:
    table = r.get(key, lambda v: isinstance(v, dict), "a table")
    if table is None:
        return None
    sub = _Reader(table, r.path, r.text, r.prefix)
    sub.check_keys(allowed, f"{key}.")
    return sub


def _readability(r: _Reader) -> ReadabilityConfig | None:
    sub = _subtable(r, "readability", READABILITY_KEYS)
    if sub is None:
        return None
    w = "readability."
    level = sub.choice("level", tuple(lvl.value for lvl in Level), w)
    return dataclasses.replace(
        ReadabilityConfig(),
        **{
            k.replace("-", "_"): sub.get(k, _is_number, "a number", w)
            for k in READABILITY_KEYS - {"enabled", "level"}
            if k in sub.data
        },
        enabled=sub.get("enabled", lambda v: isinstance(v, bool), "true or false", w) is not False,
        level=Level(level) if level else Level.WARNING,
    )


def _languagetool(r: _Reader) -> LanguageToolConfig | None:
    sub = _subtable(r, "languagetool", LT_KEYS)
    if sub is None:
        return None
    w = "languagetool."
    changes = {
        "mode": sub.choice("mode", LT_MODES, w),
        "url": sub.get("url", lambda v: isinstance(v, str) and v.startswith(("http://", "https://")), "an http(s) URL", w),
        "disabled_rules": sub.strings("disabled-rules", w),
        "enabled_rules": sub.strings("enabled-rules", w),
        "allow_fix_rules": sub.strings("allow-fix-rules", w),
        "max_memory": sub.get("max-memory", lambda v: isinstance(v, str) and re.fullmatch(r"\d+[kmg]", v), "a size such as \"512m\"", w),
        "timeout": sub.get("timeout", lambda v: _is_number(v) and v > 0, "a positive number of seconds", w),
    }
    return dataclasses.replace(LanguageToolConfig(), **{k: v for k, v in changes.items() if v is not None})


def key_line(path: Path, dotted: str) -> int:
    """The line of a (dotted) key in a configuration file, for error messages (1 when not found)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    return _line_of(text, dotted, "tool.cleaner." if path.name == "pyproject.toml" else "")


def _line_of(text: str, dotted: str, prefix: str = "") -> int:
    """Best-effort line of a key: `key =` inside its table, or the table's header itself."""
    *tables, key = dotted.split(".")
    pos = 0
    for i in range(len(tables) + 1):
        header = ".".join(part for part in (prefix.rstrip("."), *tables[:i]) if part)
        if not header:
            continue
        match = re.compile(rf"^[ \t]*\[[ \t]*{re.escape(header)}[ \t]*\]", re.MULTILINE).search(text, pos)
        if match:
            pos = match.end()
    # [ \t]*, not \s*: a blank line before the key must not move the match onto it.
    match = re.compile(rf'^[ \t]*"?{re.escape(key)}"?[ \t]*=', re.MULTILINE).search(text, pos)
    if match is None:
        match = re.compile(rf"^[ \t]*\[[^\]\n]*\b{re.escape(key)}[ \t]*\]", re.MULTILINE).search(text, pos)
    return text.count("\n", 0, match.start()) + 1 if match else 1
