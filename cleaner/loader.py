"""Read rules/**/*.yaml into Rule objects; every error names the file and the line."""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable

from cleaner.errors import RuleFileError
from cleaner.model import FailExample, FixSpec, Level, Rule, Safety

COMMON_FIELDS = frozenset(
    "code name category level kind message why summary fix examples aliases".split()
)
REQUIRED_FIELDS = ("code", "name", "level", "kind", "message", "why", "summary", "examples")
_CODE_SHAPE = "two capital letters and three digits, such as PU101"


def builtin_rules_dir() -> Path:
    """Return the folder of the rule pack that ships with cleaner."""
    source_tree = Path(__file__).resolve().parent.parent / "rules"
    if source_tree.is_dir():
        return source_tree
    return Path(str(importlib.resources.files("cleaner") / "rules"))


def rule_files(folder: Path) -> list[Path]:
    """Return every rule file under `folder`, sorted, skipping the shared data folder."""
    return sorted(p for p in folder.rglob("*.yaml") if "data" not in p.relative_to(folder).parts)


@functools.lru_cache(maxsize=8)
def load_rules(folders: tuple[Path, ...] | None = None) -> tuple[Rule, ...]:
    """Load and validate all rules from the given folders (default: the built-in pack).

    A start reads them from the compiled cache unless a rule, data or code file changed.
    """
    from cleaner.rulecache import cached_rules

    folders = folders or (builtin_rules_dir(),)
    for folder in folders:
        if not folder.is_dir():
            raise RuleFileError(f"{folder}: rule folder does not exist")
    return cached_rules(folders, lambda: parse_rules(folders), builtin_rules_dir() / "data")


def parse_rules(folders: tuple[Path, ...]) -> tuple[Rule, ...]:
    """Parse and validate every rule file of the folders (no cache)."""
    rules: list[Rule] = []
    for folder in folders:
        rules.extend(load_rule_file(path, folder) for path in rule_files(folder))
    _check_unique(rules)
    return tuple(sorted(rules, key=lambda r: r.code))


def load_rule_file(path: Path, root: Path | None = None) -> Rule:
    """Parse and validate one rule file."""
    import yaml  # only when rules are parsed: a start with a warm cache never needs it

    try:
        text = path.read_text(encoding="utf-8")
        node, data = _parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleFileError(f"{path}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot read rule file: {exc}") from None
    if not isinstance(data, dict) or node is None:
        raise RuleFileError(f"{path}:1: a rule file must be a mapping of fields")
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return _build_rule(path, root, data, lines)


def _parse_yaml(text: str) -> tuple[Any, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    import yaml

    # libyaml's loader is several times faster where PyYAML was built with it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _build_rule(path: Path, root: Path | None, data: dict[str, Any], lines: dict[str, int]) -> Rule:
    def fail(field: str, problem: str) -> RuleFileError:
        return RuleFileError(f"{path}:{lines.get(field, 1)}: {field}: {problem}")

    for field in REQUIRED_FIELDS:
        if field not in data:
            raise RuleFileError(f"{path}:1: missing required field '{field}'")
    from cleaner.kinds import kind_for  # late import: kinds import the loader's helpers

    kind = kind_for(str(data["kind"]))
    if kind is None:
        raise fail("kind", f"unknown rule kind '{data['kind']}'")
    unknown = sorted(set(data) - COMMON_FIELDS - kind.FIELDS)
    if unknown:
        raise fail(unknown[0], f"unknown field for kind '{data['kind']}'")
    code = str(data["code"])
    if not (len(code) == 5 and code[:2].isalpha() and code[:2].isupper() and code[2:].isdigit()):
        raise fail("code", f"'{code}' is not {_CODE_SHAPE}")
    try:
        level = Level(data["level"])
    except ValueError:
        raise fail("level", "must be info, warning or error") from None
    for field in ("name", "message", "why", "summary"):
        if not isinstance(data[field], str) or not data[field].strip():
            raise fail(field, "must be a non-empty string")
    category = data.get("category") or _category_from_path(path, root)
    options = {k: v for k, v in data.items() if k not in COMMON_FIELDS}
    rule = Rule(
        code=code,
        name=data["name"],
        category=str(category),
        level=level,
        kind=str(data["kind"]),
        message=data["message"].strip(),
        why=data["why"].strip(),
        summary=data["summary"].strip(),
        options=MappingProxyType(options),
        fix=_parse_fix(data.get("fix"), fail),
        fail_examples=_parse_fail_examples(data["examples"], fail),
        pass_examples=_parse_pass_examples(data["examples"], fail),
        path=str(path),
        aliases=tuple(str(a) for a in data.get("aliases") or ()),
    )
    try:
        kind.validate(rule)
    except (ValueError, TypeError) as exc:
        field = getattr(exc, "field", None) or next(iter(kind.FIELDS & set(options)), "kind")
        raise fail(field, str(exc)) from None
    return rule


def _category_from_path(path: Path, root: Path | None) -> str:
    if root is not None and path.parent != root:
        return path.relative_to(root).parts[0]
    return "general"


def _parse_fix(raw: Any, fail) -> FixSpec | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "title" not in raw or "safety" not in raw:
        raise fail("fix", "must be a mapping with 'title' and 'safety' (and usually 'replace')")
    extra = sorted(set(raw) - {"title", "safety", "replace"})
    if extra:
        raise fail("fix", f"unknown key '{extra[0]}'")
    try:
        safety = Safety(raw["safety"])
    except ValueError:
        raise fail("fix", "safety must be safe, unsafe or suggest") from None
    replace = raw.get("replace")
    return FixSpec(title=str(raw["title"]), safety=safety, replace=None if replace is None else str(replace))


def _parse_fail_examples(raw: Any, fail) -> tuple[FailExample, ...]:
    if not isinstance(raw, dict) or not raw.get("fail") or not raw.get("pass"):
        raise fail("examples", "needs a non-empty 'fail' list and a non-empty 'pass' list")
    out = []
    for item in raw["fail"]:
        if isinstance(item, str):
            out.append(FailExample(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            fixed = item.get("fixed")
            out.append(FailExample(item["text"], None if fixed is None else str(fixed)))
        else:
            raise fail("examples", "each fail example is a string or {text, fixed}")
    return tuple(out)


def _parse_pass_examples(raw: Any, fail) -> tuple[str, ...]:
    items = raw["pass"]
    if not isinstance(items, list) or len(items) < 2 or not all(isinstance(i, str) for i in items):
        raise fail("examples", "'pass' must list at least two near-miss strings")
    return tuple(items)


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise RuleFileError(f"{rule.path}:1: '{key}' is already used by {seen[key]}")
            seen[key] = rule.path
