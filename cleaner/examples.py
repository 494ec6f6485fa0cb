"""Prove a rule's examples: each fail example flags exactly the named text and fixes as stated.

A fail example's fix is applied the way the commands apply it, with the safety the findings
carry: safe fixes as `cleaner fix` does, unsafe ones as `cleaner fix --unsafe-fixes` does (and
plain `cleaner fix` must leave them alone), suggestions as `cleaner review` accepts them (and
`cleaner fix --unsafe-fixes` must leave them alone). Every function returns a list of problems,
empty when the example holds.
"""

from __future__ import annotations

import dataclasses
import re
from types import MappingProxyType
from typing import Iterator

from cleaner.engine import Engine, compiled
from cleaner.fixer import allowed_safeties, fix_text
from cleaner.model import FailExample, Finding, Rule, Safety
from cleaner.review import Decision, ReviewSession


def example_rule(rule: Rule) -> Rule:
    """The rule as its examples run it: with the example options (such as a limit) applied."""
    if not rule.example_options:
        return rule
    return dataclasses.replace(rule, options=MappingProxyType({**rule.options, **rule.example_options}))


def engine_for_examples(rule: Rule) -> Engine:
    """A compiled engine holding only this rule, as its examples run it."""
    return compiled((example_rule(rule),))


def findings_of(rule: Rule, text: str) -> list[Finding]:
    """The rule's findings on a text."""
    return [f for f in engine_for_examples(rule).check(text) if f.code == rule.code]


def prove_pass(rule: Rule, text: str) -> list[str]:
    """A near miss must give no finding."""
    found = findings_of(rule, text)
    return [f"{rule.code} fired on its near miss at {[f.text for f in found]}"] if found else []


def prove_fail(rule: Rule, example: FailExample) -> list[str]:
    """A fail example must report the named spans and fix to `fixed` the way the commands do."""
    found = findings_of(rule, example.text)
    if not found:
        return [f"{rule.code} did not fire on its failing example"]
    problems = _flag_problems(rule, example, found)
    if example.fixed is not None:
        problems += _fix_problems(rule, example, found)
    elif any(f.replacements for f in found):
        problems.append(f"{rule.code} proposes a replacement but the rule has no fix")
    return problems


def _flag_problems(rule: Rule, example: FailExample, found: list[Finding]) -> list[str]:
    reported = tuple(f.text for f in found)
    if isinstance(example.flag, str):  # one span the rule must report, among any others
        return [] if example.flag in reported else [f"{rule.code} flagged {list(reported)}, not {example.flag!r}"]
    if example.flag is not None:  # every span the rule reports, in order
        return [] if reported == example.flag else [f"{rule.code} flagged {list(reported)}, expected {list(example.flag)}"]
    start, end = changed_span(example.text, example.fixed or example.text)
    if any(f.start <= start and end <= f.end for f in found):
        return []
    return [f"{rule.code}: no reported span covers the changed text {example.text[start:end]!r}; give `flag`"]


def _fix_problems(rule: Rule, example: FailExample, found: list[Finding]) -> list[str]:
    declared = rule.fix.safety if rule.fix else None
    odd = sorted({f.safety.value for f in found if f.safety not in (declared, Safety.SUGGEST)})
    if odd:
        return [f"{rule.code} declares {declared.value if declared else 'no fix'} but reports {', '.join(odd)} fixes"]
    safeties = {f.safety for f in found}
    check = engine_for_examples(rule).check
    if safeties == {Safety.SUGGEST}:
        got = accept_all(example.text, found)
        problems = _compare("as `cleaner review` accepts it", got, example.fixed)
        if fix_text(example.text, check, allowed_safeties(unsafe=True)).fixed != example.text:
            problems.append(f"{rule.code}: `cleaner fix --unsafe-fixes` changed the text of a suggestion")
        return problems
    if Safety.SUGGEST in safeties:
        return [f"{rule.code}: the example mixes suggestions with fixes; split it in two"]
    unsafe = Safety.UNSAFE in safeties
    got = fix_text(example.text, check, allowed_safeties(unsafe=unsafe)).fixed
    problems = _compare("with --unsafe-fixes" if unsafe else "by `cleaner fix`", got, example.fixed)
    if unsafe and fix_text(example.text, check, allowed_safeties()).fixed != example.text:
        problems.append(f"{rule.code}: plain `cleaner fix` applied an unsafe fix")
    return problems


def _compare(how: str, got: str, expected: str | None) -> list[str]:
    return [] if got == expected else [f"fixed {how}: {got!r}, expected {expected!r}"]


def accept_all(text: str, findings: list[Finding]) -> str:
    """Accept every finding's first candidate, as pressing `y` throughout `cleaner review` does."""
    session = ReviewSession("example", text, findings)
    while session.current is not None:
        if not session.accept():  # no candidate to accept: leave it, as `s` does
            session.decide(Decision.SKIPPED)
    return session.result()


def changed_span(text: str, fixed: str) -> tuple[int, int]:
    """The span of `text` that differs from `fixed` (common start and end stripped)."""
    start = 0
    while start < min(len(text), len(fixed)) and text[start] == fixed[start]:
        start += 1
    end = 0
    while end < min(len(text), len(fixed)) - start and text[-1 - end] == fixed[-1 - end]:
        end += 1
    return start, len(text) - end


def example_ids(rule: Rule) -> Iterator[tuple[str, FailExample | str]]:
    """Readable test ids (code, fail/pass, number, slug) with each example, fail ones first."""
    for number, example in enumerate(rule.fail_examples, 1):
        flags = (example.flag,) if isinstance(example.flag, str) else example.flag or ()
        shown = next((f for f in flags if _slug(f)), example.text)
        yield f"{rule.code}-fail{number}-{_slug(shown)}", example
    for number, text in enumerate(rule.pass_examples, 1):
        yield f"{rule.code}-pass{number}-{_slug(text)}", text


def _slug(text: str, words: int = 4) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])
