"""A fix run that checks only the rules that may fix on each pass ends where a full re-check ends.

The reference is the fix loop as it was: every rule on every pass (cleaner.runner.check_source
with the whole engine). The split run (cleaner.fix_checks) must give the same FixResult, field
for field, on the seeds and on texts built so that a fix changes what a document-wide rule sees.
"""

from __future__ import annotations

import dataclasses

import pytest

from cleaner.fix_checks import PassChecks, may_fix
from cleaner.fixer import FixResult, allowed_safeties, fix_text
from cleaner.model import Finding, Safety
from cleaner.runner import CheckOptions, ResultMemo, check_source, engine_for_options, fix_source
from cleaner.textio import SourceText
from tests_support import SEED, SEEDS

SAFE, UNSAFE = allowed_safeties(), allowed_safeties(unsafe=True)

# A fix makes two paragraphs the same (the repeated-paragraph rule sees it only afterwards).
REPEATED = (
    "The council met on Monday to discuss the the budget.\n\n"
    "Officials said the plan would be published next week.\n\n"
    "The council met on Monday to discuss the budget.\n"
)
# The seed article, fixed with unsafe fixes, has a name corrected ("The king" becomes "Wang")
# and a known name's misspelling replaced: the counts of names and spellings change.
# A stray capital and a doubled stop in a quotation, and a byline spelled two ways.
MIXED = (
    "By Kim Jae-myung\n\n"
    "“We will continue The talks,” Said the minister.. He added that the Talks would resume.\n\n"
    "Kim Jae-Myung contributed reporting from Seoul.\n"
)


# Markup: findings are found in the extracted prose and mapped back to the source.
MARKDOWN = (
    "# The talks resume\n\nThe minister said the talks would resume.. See [the record](https://example.org/a..b).\n\n"
    "```\ncode.. stays\n```\n\nThe council met on Monday to discuss the budget..\n"
)


def _texts() -> list[tuple[str, str]]:
    seeds = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    return [("repeated.txt", REPEATED), ("mixed.txt", MIXED), ("page.md", MARKDOWN), *seeds]


def _full_recheck(source: SourceText, allowed: frozenset[Safety], options: CheckOptions) -> FixResult:
    """The reference: every rule on every pass's text."""
    engine = engine_for_options(options)

    def check(text: str) -> list[Finding]:
        return list(check_source(dataclasses.replace(source, text=text), options, engine).findings)

    return fix_text(source.text, check, allowed)


@pytest.mark.parametrize("allowed", [SAFE, UNSAFE], ids=["safe", "unsafe"])
@pytest.mark.parametrize("name,text", _texts(), ids=[name for name, _ in _texts()])
def test_split_run_equals_a_full_recheck(name: str, text: str, allowed: frozenset[Safety]) -> None:
    source = SourceText(name, text)
    options = CheckOptions(readability=False)
    expected = _full_recheck(source, allowed, options)
    assert fix_source(source, allowed, options) == expected
    # Reusing the caller's own check of the original (the review page's) changes nothing either.
    first = check_source(source, CheckOptions(memo=ResultMemo()))
    assert fix_source(source, allowed, options, first=first) == expected


def test_the_built_texts_exercise_what_they_claim() -> None:
    repeated = fix_source(SourceText("r.txt", REPEATED), SAFE)
    assert repeated.changed and "RP105" in {f.code for f in repeated.remaining}
    assert "RP105" not in {f.code for f in check_source(SourceText("r.txt", REPEATED), CheckOptions()).findings}
    named = fix_source(SourceText("s.txt", SEED.read_text(encoding="utf-8")), UNSAFE)
    assert {"NM101", "NM103"} <= {f.code for f in named.applied}


def _engine_runs(monkeypatch) -> list[tuple[str, str]]:
    """From now on, every (text, rule code) the engine runs, in order."""
    from cleaner import engine as engine_module

    runs: list[tuple[str, str]] = []
    original = engine_module.Engine.run

    def counting(self, text):
        runs.extend((getattr(text, "text", text), rule.code) for rule in self.rules)
        return original(self, text)

    monkeypatch.setattr(engine_module.Engine, "run", counting)
    return runs


def test_no_rule_runs_twice_on_one_text(monkeypatch) -> None:
    runs = _engine_runs(monkeypatch)
    result = fix_source(SourceText("s.txt", MIXED), UNSAFE, CheckOptions(readability=False))
    assert result.passes >= 1
    assert len(runs) == len(set(runs)), "a rule checked the same text twice"


def test_rules_without_an_allowed_fix_are_left_to_the_final_check() -> None:
    rules = {rule.code: rule for rule in engine_for_options(CheckOptions()).rules}
    assert not may_fix(rules["NM106"], UNSAFE)  # a suggestion only: never applied
    assert may_fix(rules["PU101"], SAFE)
    assert may_fix(rules["NM101"], UNSAFE) and not may_fix(rules["NM101"], SAFE)
    assert may_fix(rules["RS103"], SAFE)  # residue: a hit may carry its own safety


def test_pass_checks_complete_adds_only_the_other_rules() -> None:
    source = SourceText("m.txt", MIXED)
    options = CheckOptions(readability=False, memo=ResultMemo())
    engine = engine_for_options(options)
    checks = PassChecks(source, options, engine, SAFE)
    fixable = checks.fixable(MIXED)
    assert all(may_fix(rule, SAFE) for rule in checks.fixing.rules)
    assert {f.code for f in fixable} <= {rule.code for rule in checks.fixing.rules}
    assert checks.complete(MIXED, fixable) == list(check_source(source, options, engine).findings)


def test_a_run_without_remaining_fixes_the_same_and_never_runs_the_other_rules(monkeypatch) -> None:
    source = SourceText("m.txt", MIXED)
    options = CheckOptions(readability=False)
    full = fix_source(source, UNSAFE, options)
    runs = _engine_runs(monkeypatch)
    bare = fix_source(source, UNSAFE, options, remaining=False)
    assert full.changed and full.remaining  # the text exercises both fixes and findings left over
    assert bare == dataclasses.replace(full, remaining=())
    never_fixing = {rule.code for rule in engine_for_options(options).rules if not may_fix(rule, UNSAFE)}
    assert never_fixing and not never_fixing & {code for _, code in runs}
