"""Every example of every rule file: fail examples fire (and fix as stated), near misses pass."""

from __future__ import annotations

import functools

import pytest

from cleaner.engine import Engine, iter_rule_examples
from cleaner.fixer import allowed_safeties, fix_text
from cleaner.loader import load_rules
from cleaner.model import Rule

RULES = load_rules()
EXAMPLES = list(iter_rule_examples(RULES))


@functools.lru_cache(maxsize=None)
def _engine(code: str) -> Engine:
    return Engine([r for r in RULES if r.code == code])


def _id(example: tuple[Rule, str, str | None, bool]) -> str:
    rule, text, _, must_fail = example
    return f"{rule.code}-{'fail' if must_fail else 'pass'}-{text[:30]}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[_id(e) for e in EXAMPLES])
def test_rule_example(example: tuple[Rule, str, str | None, bool]) -> None:
    rule, text, fixed, must_fail = example
    engine = _engine(rule.code)
    findings = [f for f in engine.check(text) if f.code == rule.code]
    if not must_fail:
        assert findings == [], f"{rule.code} fired on its near miss: {[f.text for f in findings]}"
        return
    assert findings, f"{rule.code} did not fire on its failing example"
    if fixed is not None:
        result = fix_text(text, engine.check, allowed_safeties(suggestions=True))
        assert result.fixed == fixed


def test_every_rule_has_examples_and_docs() -> None:
    for rule in RULES:
        assert rule.fail_examples, rule.code
        assert len(rule.pass_examples) >= 2, rule.code
        assert rule.why and rule.summary and rule.message, rule.code


def test_fixes_do_not_reintroduce_the_error() -> None:
    # codespell's lesson: a replacement must not itself trip the rule that proposed it.
    for rule in RULES:
        for example in rule.fail_examples:
            if example.fixed is None:
                continue
            again = [f for f in _engine(rule.code).check(example.fixed) if f.code == rule.code]
            assert again == [], f"{rule.code}: the fixed text still fires: {example.fixed!r}"
