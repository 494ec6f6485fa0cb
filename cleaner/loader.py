"""Read rules/**/*.yaml into Rule objects; every error names the file and the line."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, Iterable

from cleaner.errors import RuleFileError
from cleaner.model import FailExample, FixSpec, Level, Rule, Safety
from cleaner.schema import EXAMPLE_FIELDS, FIX_FIELDS, RULE_FIELDS, OptionProblem, Replacement, complete

COMMON_FIELDS = frozenset(option.name for option in RULE_FIELDS)
REQUIRED_FIELDS = tuple(option.name for option in RULE_FIELDS if option.required)
_CODE_SHAPE = "two capital letters and three digits, such as PU101"


@functools.lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    """Return the folder of the rule pack that ships with cleaner."""
    package = Path(__file__).resolve().parent
    for folder in (package.parent / "rules", package / "rules"):  # a source tree, then an installed package
        if folder.is_dir():
            return folder
    import importlib.resources  # a package that is not a plain folder (a zip): milliseconds not spent otherwise

    return Path(str(importlib.resources.files("cleaner") / "rules"))


def rule_files(folder: Path) -> list[Path]:
    """Return every rule file under `folder`, sorted, skipping the data folder and the retired list."""
    from cleaner.retired import FILE_NAME

    return sorted(
        p
        for p in folder.rglob("*.yaml")
        if "data" not in p.relative_to(folder).parts and p.relative_to(folder).as_posix() != FILE_NAME
    )


def load_rules(folders: tuple[Path, ...] | None = None) -> tuple[Rule, ...]:
    """Load and validate all rules from the given folders (default: the built-in pack).

    A start reads them from the compiled cache unless a rule, data or code file changed.
    """
    # A relative folder means another folder after a chdir: the working folder is part of the key.
    relative = folders is not None and any(not folder.is_absolute() for folder in folders)
    # The default spelled out, so that `load_rules()` and `load_rules((builtin,))` share one load.
    return _load_rules(folders or (builtin_rules_dir(),), os.getcwd() if relative else None)



@functools.lru_cache(maxsize=8)
def _load_rules(folders: tuple[Path, ...] | None, _cwd: str | None) -> tuple[Rule, ...]:
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
    from cleaner.retired import check_not_reused, load_retired

    check_not_reused(rules, (entry for folder in folders for entry in load_retired(folder)))
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
    return _build_rule(path, root, data, _Lines(node))


def _parse_yaml(text: str) -> tuple[Any, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    import yaml

    # libyaml's loader is several times faster where PyYAML was built with it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_aliases(node)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _refuse_aliases(root: Any) -> None:
    """Raise at the first node reached twice: an alias, the way a "billion laughs" file explodes."""
    import yaml

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in rule files", problem_mark=node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)


class _Lines:
    """Line numbers of the fields in a rule file, nested ones included (`examples.fail[2]`)."""

    def __init__(self, node: Any) -> None:
        self.node = node

    def at(self, *path: str | int) -> int:
        """Return the 1-based line of the deepest node found along `path` (1 if none)."""
        node, line = self.node, 1
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + 1
        return line


def _child(node: Any, step: str | int) -> tuple[Any, Any] | None:
    import yaml  # loaded already: nodes exist only once a rule file has been parsed

    if isinstance(node, yaml.MappingNode):
        return next(((k, v) for k, v in node.value if k.value == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return None, node.value[step]
    return None


def _build_rule(path: Path, root: Path | None, data: dict[str, Any], lines: _Lines) -> Rule:
    def fail(field: str, problem: str, *where: str | int) -> RuleFileError:
        shown = field + "".join(f"[{w}]" if isinstance(w, int) else f".{w}" for w in where)
        return RuleFileError(f"{path}:{lines.at(field, *where)}: {shown}: {problem}")

    for field in REQUIRED_FIELDS:
        if field not in data:
            raise RuleFileError(f"{path}:1: missing required field '{field}'")
    kind, checked, given, options = _declared_fields(data, fail)
    code = checked["code"]
    fix = _parse_fix(data.get("fix"), fail)
    _check_replacement(fix, kind, fail)
    examples = data["examples"]
    rule = Rule(
        code=code,
        name=checked["name"],
        category=str(checked["category"] or _category_from_path(path, root)),
        level=Level(checked["level"]),
        kind=kind.KIND,
        message=checked["message"].strip(),
        why=checked["why"].strip(),
        summary=checked["summary"].strip(),
        options=MappingProxyType(options),
        fix=fix,
        fail_examples=_parse_fail_examples(examples["fail"], fix is not None, fail),
        pass_examples=tuple(examples["pass"]),
        path=str(path),
        aliases=tuple(checked["aliases"]),
        folder=str(root or path.parent),
        example_options=MappingProxyType(_example_options(kind, given, examples.get("options"), fail)),
    )
    _build_kind(kind, rule, fail)
    _check_template(rule, kind, fail)
    return rule


def _declared_fields(data: dict[str, Any], fail) -> tuple[ModuleType, dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Check the common fields and the kind's own against their declarations; fill in defaults."""
    from cleaner.kinds import kind_for  # late import: kinds import the loader's helpers

    kind = kind_for(str(data["kind"]))
    if kind is None:
        raise fail("kind", f"unknown rule kind '{data['kind']}' (`cleaner explain --schema` lists the kinds)")
    given = {k: v for k, v in data.items() if k not in COMMON_FIELDS}
    try:
        checked = complete(RULE_FIELDS, {k: v for k, v in data.items() if k in COMMON_FIELDS})
        options = complete(kind.OPTIONS, given, f"kind '{kind.KIND}'")
    except OptionProblem as exc:
        raise fail(exc.key, str(exc)) from None
    code = checked["code"]
    if not (len(code) == 5 and code[:2].isalpha() and code[:2].isupper() and code[2:].isdigit()):
        raise fail("code", f"'{code}' is not {_CODE_SHAPE}")
    return kind, checked, given, options


def _build_kind(kind: ModuleType, rule: Rule, fail) -> None:
    """Compile the rule once (and with its example options, if any), so bad values fail at load time."""
    variants = [rule.options] + ([{**rule.options, **rule.example_options}] if rule.example_options else [])
    for options in variants:
        try:
            kind.build(dataclasses.replace(rule, options=MappingProxyType(options)))
        except (ValueError, TypeError) as exc:
            field = getattr(exc, "field", None) or "kind"
            raise fail(field, str(exc)) from None


def _example_options(kind: ModuleType, given: dict[str, Any], raw: Any, fail) -> dict[str, Any]:
    """The option values the examples run with, checked against the kind's declaration."""
    if not raw:
        return {}
    try:
        complete(kind.OPTIONS, {**given, **raw}, f"kind '{kind.KIND}'")
    except OptionProblem as exc:
        raise fail("examples", str(exc), "options", exc.key) from None
    return dict(raw)


def _category_from_path(path: Path, root: Path | None) -> str:
    if root is not None and path.parent != root:
        return path.relative_to(root).parts[0]
    return "general"


def _parse_fix(raw: Any, fail) -> FixSpec | None:
    if raw is None:
        return None
    try:
        fix = complete(FIX_FIELDS, raw)
    except OptionProblem as exc:
        raise fail("fix", str(exc), exc.key) from None
    return FixSpec(title=fix["title"], safety=Safety(fix["safety"]), replace=fix["replace"])


def _check_replacement(fix: FixSpec | None, kind: ModuleType, fail) -> None:
    """Hold the rule's fix to what its kind does with `fix.replace` (one meaning for every kind)."""
    contract = kind.REPLACEMENT
    if fix is None:
        return
    if contract is Replacement.NONE:
        raise fail("fix", f"kind '{kind.KIND}' proposes no replacement, so its rules have no `fix`")
    if contract is Replacement.TEMPLATE and fix.replace is None:
        raise fail("fix", f"kind '{kind.KIND}' needs `replace`: the text that replaces the reported span "
                   "(a rule with no concrete replacement has no `fix`)")  # fmt: skip
    if contract is Replacement.COMPUTED and fix.replace is not None:
        raise fail("fix", f"kind '{kind.KIND}' computes the replacement itself; remove `replace`", "replace")


def _check_template(rule: Rule, kind: ModuleType, fail) -> None:
    """A template `fix.replace` may refer to the pattern's groups: every reference must exist.

    The pattern is wrapped so it also matches the empty string; expanding the template on that
    match raises exactly the error the first real match would (unknown group, bad escape).
    """
    template = rule.fix.replace if rule.fix else None
    pattern = rule.options.get("pattern")
    if kind.REPLACEMENT is not Replacement.TEMPLATE or template is None or not isinstance(pattern, str):
        return
    import regex

    try:
        regex.compile(f"(?:{pattern})|", regex.VERSION0).match("").expand(template)
    except (regex.error, IndexError) as exc:
        raise fail("fix", f"{exc} in template {template!r}", "replace") from None


def _parse_fail_examples(items: list[Any], has_fix: bool, fail) -> tuple[FailExample, ...]:
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise fail("examples", "must be a mapping: {text, flag, fixed}", "fail", index)
        try:
            example = complete(EXAMPLE_FIELDS, item, "a fail example")
        except OptionProblem as exc:
            raise fail("examples", str(exc), "fail", index, exc.key) from None
        flag = example["flag"]
        fixed = example["fixed"]
        if has_fix and fixed is None:
            raise fail("examples", "needs `fixed`: the rule has a fix", "fail", index)
        if not has_fix and fixed is not None:
            raise fail("examples", "the rule has no fix, so its examples have no `fixed`", "fail", index, "fixed")
        if flag is None and fixed is None:
            raise fail("examples", "needs `flag`: the exact text the rule reports", "fail", index)
        out.append(FailExample(example["text"], flag if flag is None or isinstance(flag, str) else tuple(flag), fixed))
    return tuple(out)


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise RuleFileError(f"{field_of(rule, key)}: '{key}' is already used by {seen[key]}")
            seen[key] = rule.path


def field_of(rule: Rule, value: str) -> str:
    """`PATH:LINE: FIELD` of the rule-file field holding a code, name or alias, for error messages."""
    field = "code" if value == rule.code else "name" if value == rule.name else "aliases"
    try:
        text = Path(rule.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return f"{rule.path}:1: {field}"
    match = re.search(rf"^{field}\s*:", text, re.MULTILINE)
    return f"{rule.path}:{text.count(chr(10), 0, match.start()) + 1 if match else 1}: {field}"
