"""The rule-file schema: typed option declarations that the loader checks and the docs print.

A rule kind declares its options next to the code that reads them, the way a yamllint rule
declares `CONF` and `DEFAULT`:

    OPTIONS = (
        Option("pattern", REGEX, "The regular expression.", required=True),
        Option("ignore-case", BOOLEAN, "Match regardless of case.", default=False),
    )
    REPLACEMENT = Replacement.TEMPLATE

The loader rejects unknown keys and values of the wrong type (exit 3, naming file, line and
key), fills in the defaults, and hands the kind a complete `rule.options` mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Mapping, Sequence


@dataclass(frozen=True)
class Type:
    """A value type: its name in the docs, and the check with what to say when it fails."""

    name: str
    problem: Callable[[Any], "str | None"]  # None when the value is acceptable
    fields: "tuple[Option, ...] | None" = None  # a table's own declared keys

    def __str__(self) -> str:
        return self.name


def _simple(name: str, accepts: Callable[[Any], bool], expected: str) -> Type:
    return Type(name, lambda value: None if accepts(value) else f"must be {expected}")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


STRING = _simple("string", lambda v: isinstance(v, str), "a string")
TEXT = _simple("text", lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string")
REGEX = _simple("regular expression", lambda v: isinstance(v, str) and bool(v), "a non-empty regular expression")
BOOLEAN = _simple("boolean", lambda v: isinstance(v, bool), "true or false")
INTEGER = _simple("integer", lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number")
NUMBER = _simple("number", _is_number, "a number")
STRINGS = _simple("list of strings", _is_str_list, "a list of strings")
WORD_MAP = _simple(
    "mapping of string to string",
    lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
    "a mapping of strings to strings",
)
WORD_LISTS = _simple(
    "mapping of string to list of strings",
    lambda v: isinstance(v, dict) and all(isinstance(k, str) and _is_str_list(x) for k, x in v.items()),
    "a mapping of strings to lists of strings",
)


def one_of(*values: str) -> Type:
    """A string that must be one of `values`."""
    return _simple(" | ".join(values), lambda v: v in values, f"one of {', '.join(values)}")


@dataclass(frozen=True)
class Option:
    """One field a rule file may carry: its type, its default, and one line of documentation."""

    name: str
    type: Type
    doc: str
    default: Any = None
    required: bool = False


def table(*fields: Option) -> Type:
    """A mapping with its own declared keys (such as `where`); missing keys take their defaults."""
    names = ", ".join(f.name for f in fields)

    def problem(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"must be a mapping with keys from: {names}"
        try:
            complete(fields, value)
        except OptionProblem as exc:
            return f"{exc.key}: {exc}"
        return None

    return Type(f"mapping of {names}", problem, tuple(fields))


class OptionProblem(ValueError):
    """A declared option is missing, unknown or of the wrong type; `key` names it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def complete(declared: Sequence[Option], given: Mapping[str, Any], owner: str = "") -> dict[str, Any]:
    """Check `given` against the declaration and return every declared option (defaults filled in).

    A value of null counts as not given. `owner` names what declares the options in messages.
    """
    known = {option.name: option for option in declared}
    for key in given:
        if key not in known:
            listed = ", ".join(known) or "none"
            raise OptionProblem(str(key), f"unknown field{f' for {owner}' if owner else ''} (known: {listed})")
    values: dict[str, Any] = {}
    for option in declared:
        value = given.get(option.name)
        if value is None:
            if option.required:
                raise OptionProblem(option.name, f"required{f' by {owner}' if owner else ''}")
            values[option.name] = _default(option)
            continue
        problem = option.type.problem(value)
        if problem:
            raise OptionProblem(option.name, problem)
        values[option.name] = _with_defaults(option, value)
    return values


def _default(option: Option) -> Any:
    # A table of conditions defaults to its sub-options' defaults, so a kind always sees every key;
    # a table with required keys (such as `fix`) is simply absent.
    fields = option.type.fields
    if fields is not None and not any(field.required for field in fields):
        return complete(fields, {})
    return option.default


def _with_defaults(option: Option, value: Any) -> Any:
    fields = option.type.fields
    return complete(fields, value) if fields is not None else value


class Replacement(str, Enum):
    """What a kind does with a rule's `fix`: the one meaning of `fix.replace`."""

    TEMPLATE = "template"  # `fix.replace` is required: it replaces the reported span
    COMPUTED = "computed"  # the kind computes the replacement; `fix.replace` is not allowed
    NONE = "none"  # the kind proposes no replacement; a rule of it has no `fix`

    @property
    def doc(self) -> str:
        """What a rule author must write under `fix` for this kind."""
        return _REPLACEMENT_DOC[self]


_REPLACEMENT_DOC = {
    Replacement.TEMPLATE: "`fix.replace` is required: a template for the text that replaces the reported span "
    "(`\\1` and `\\g<name>` refer to the pattern's groups). A rule with no concrete replacement has no `fix`.",
    Replacement.COMPUTED: "the kind computes each replacement itself; `fix` gives only `title` and `safety`, "
    "and `fix.replace` is an error.",
    Replacement.NONE: "the kind reports without proposing a replacement; a `fix` section is an error.",
}

LEVELS = ("info", "warning", "error")
SAFETIES = ("safe", "unsafe", "suggest")

FIX_FIELDS = (
    Option("title", TEXT, "What the fix does, as an imperative (\"Replace with one period\").", required=True),
    Option("safety", one_of(*SAFETIES), "`safe`: `cleaner fix` applies it; `unsafe`: only with --unsafe-fixes; "
           "`suggest`: only offered (several candidates, or judgment needed).", required=True),
    Option("replace", STRING, "The replacement template, for kinds that take one (see each kind)."),
)  # fmt: skip

EXAMPLE_FIELDS = (
    Option("text", STRING, "Text the rule must flag.", required=True),
    Option("flag", Type("string or list of strings", lambda v: None if isinstance(v, str) or (_is_str_list(v) and v)
           else "must be a string or a non-empty list of strings"),
           "The exact text of a span the rule must report (among any others); a list names every span it reports, "
           "in order. May be left out when `fixed` is given: the test then requires a reported span that covers "
           "the changed text."),
    Option("fixed", STRING, "The text after the fix is applied the way `cleaner fix` applies it (for a suggestion: "
           "the way `cleaner review` accepts it). Required when the rule has a fix; not allowed otherwise."),
)  # fmt: skip

EXAMPLES_FIELDS = (
    Option("fail", Type("list of fail examples", lambda v: None if isinstance(v, list) and v else "must be a "
           "non-empty list"), "Texts the rule must flag, each a mapping of the fields below.", required=True),
    Option("pass", Type("list of strings", lambda v: None if _is_str_list(v) and len(v) >= 2 else "must list at "
           "least two near-miss strings"), "At least two near misses the rule must leave alone.", required=True),
    Option("options", Type("mapping", lambda v: None if isinstance(v, dict) else "must be a mapping"),
           "Option values the examples run with, for options normally set by the configuration "
           "(such as a readability limit)."),
)  # fmt: skip

RULE_FIELDS = (
    Option("code", STRING, "Two capital letters and three digits (`PU101`); never reused, even after the rule "
           "is retired (rules/retired.yaml).", required=True),
    Option("name", TEXT, "Kebab-case name of the defect; reads well after \"ignore\".", required=True),
    Option("summary", TEXT, "One line: what the rule finds (the rule index shows it).", required=True),
    Option("why", TEXT, "Why it is a defect and what to write instead.", required=True),
    Option("level", one_of(*LEVELS), "How serious a finding is.", required=True),
    Option("kind", STRING, "The rule kind that does the checking (below); it declares the other fields.",
           required=True),
    Option("message", TEXT, "The finding's message: what is wrong, in one sentence.", required=True),
    Option("fix", table(*FIX_FIELDS), "The fix the rule offers; what `replace` means depends on the kind."),
    Option("examples", table(*EXAMPLES_FIELDS), "Examples that the tests run: `fail`, `pass`, `options`.",
           required=True),
    Option("aliases", STRINGS, "Old codes or names that still select this rule.", default=()),
    Option("category", STRING, "Defaults to the rule's folder under the rule pack."),
)  # fmt: skip

