"""The checks of one fix run, split so that no rule runs more often than the result needs.

Only a rule whose findings may carry an allowed fix can change what the next pass edits, so
only those rules run on every pass; the others run once, on the final text (their findings
are per rule, and every filter keeps or drops a finding on its own, so the union, sorted, is
exactly what one check of the final text reports). A check the caller already made of the
original (the review page's report) is reused, not repeated.
"""

from __future__ import annotations

import dataclasses

from cleaner.engine import Engine
from cleaner.model import FileReport, Finding, Rule, Safety
from cleaner.runner import CheckOptions, check_source
from cleaner.textio import SourceText

# Kinds whose hits may carry their own safety, over the rule's (cleaner.engine.make_finding):
# residue's table of CJK punctuation says per mark which replacement is safe.
HIT_SAFETY_KINDS = frozenset({"residue"})


def may_fix(rule: Rule, allowed: frozenset[Safety]) -> bool:
    """True when a finding of `rule` may carry a fix of an allowed safety."""
    if rule.kind in HIT_SAFETY_KINDS:
        return True
    return rule.fix is not None and rule.fix.safety in allowed


class PassChecks:
    """`fixable(text)` checks one pass's text with the rules that may fix; `complete` adds the rest."""

    def __init__(
        self, source: SourceText, options: CheckOptions, engine: Engine, allowed: frozenset[Safety],
        first: FileReport | None = None,
    ) -> None:
        self.source, self.options, self.first = source, options, first
        codes = frozenset(rule.code for rule in engine.rules)
        fixing = frozenset(rule.code for rule in engine.rules if may_fix(rule, allowed))
        self.fixing, self.rest = engine.subset(fixing), engine.subset(codes - fixing)
        self.stopped: set[str] = set()

    def fixable(self, text: str) -> list[Finding]:
        """The findings of the rules that may fix, on `text`."""
        if self._is_first(text):
            return self._from_first(self.fixing)
        return self._check(text, self.fixing)

    def complete(self, text: str, fixable: list[Finding]) -> list[Finding]:
        """Every finding of `text`, given those of the rules that may fix."""
        rest = self._from_first(self.rest) if self._is_first(text) else self._check(text, self.rest)
        return sorted([*fixable, *rest], key=lambda f: f.sort_key)

    def _is_first(self, text: str) -> bool:
        return self.first is not None and text == self.source.text

    def _from_first(self, engine: Engine) -> list[Finding]:
        assert self.first is not None
        codes = {rule.code for rule in engine.rules}
        self.stopped.update(code for code in self.first.stopped if code in codes)
        return [f for f in self.first.findings if f.code in codes]

    def _check(self, text: str, engine: Engine) -> list[Finding]:
        if not engine.rules:
            return []
        report = check_source(dataclasses.replace(self.source, text=text), self.options, engine)
        self.stopped.update(report.stopped)
        return list(report.findings)
