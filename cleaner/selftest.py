"""A team's own rules prove themselves when loaded: their examples must behave as written.

The built-in rules are held to their examples by the test suite; a rule from `extra-rules`
has no such suite, so a pattern that contradicts its own examples would silently report the
wrong thing. Each failing example must be flagged (and fixed to its `fixed` text, applied the
way `cleaner fix` applies it, suggestions included); each near miss must pass.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from cleaner.errors import RuleFileError
from cleaner.model import Rule


def example_problems(rule: Rule) -> list[str]:
    """Return how the rule contradicts its own examples (empty when it keeps them)."""
    from cleaner.examples import prove_fail, prove_pass  # the same proof the built-in rules pass in the tests

    problems = []
    for example in rule.fail_examples:
        problems += [f"{problem} (failing example {example.text!r})" for problem in prove_fail(rule, example)]
    for text in rule.pass_examples:
        problems += [f"{problem} (near miss {text!r})" for problem in prove_pass(rule, text)]
    return problems


def check_team_rules(rules: Iterable[Rule]) -> None:
    """Check the examples of every rule that is not part of the built-in pack."""
    from cleaner.loader import builtin_rules_dir

    check_examples(rules, builtin_rules_dir())


def check_examples(rules: Iterable[Rule], trusted: Path) -> None:
    """Raise RuleFileError (exit 3) for the first rule outside `trusted` that breaks its examples."""
    for rule in rules:
        if Path(rule.path).resolve().is_relative_to(trusted.resolve()):
            continue
        problems = example_problems(rule)
        if problems:
            raise RuleFileError(f"{rule.path}:{_examples_line(rule.path)}: examples: {problems[0]}")


def _examples_line(path: str) -> int:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    match = re.search(r"^examples\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1
