"""Rules x document -> sorted findings. The engine never formats and never touches the CLI."""

from __future__ import annotations

import dataclasses
import functools
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from cleaner.document import Document
from cleaner.kinds import kind_for
from cleaner.kinds._support import timeout_for
from cleaner.model import Finding, Hit, Rule
from cleaner.protected import ProtectedIndex, keep_prose
from cleaner.textio import normalize_newlines

Checker = Callable[[Document], Iterable[Hit]]
RULE_BUDGET_FACTOR = 5


@dataclass(frozen=True)
class EngineResult:
    """Sorted findings, and the codes of rules stopped for exceeding their time budget."""

    findings: list[Finding]
    stopped: tuple[str, ...] = ()


class Engine:
    """A compiled rule set: build once, check many texts."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._checkers: list[tuple[Rule, Checker]] = [
            (rule, kind_for(rule.kind).build(rule)) for rule in self.rules  # type: ignore[union-attr]
        ]
        self._subsets: dict[frozenset[str], Engine] = {}

    def subset(self, codes: frozenset[str]) -> Engine:
        """Return an engine running only the rules with these codes, sharing their compiled checkers.

        The same codes give the same engine object each time, so results memoised by engine
        identity (cleaner.runner.ResultMemo) are found again."""
        if codes not in self._subsets:
            part = Engine.__new__(Engine)
            part.rules = tuple(rule for rule in self.rules if rule.code in codes)
            part._checkers = [(rule, checker) for rule, checker in self._checkers if rule.code in codes]
            part._subsets = {}
            self._subsets[codes] = part
        return self._subsets[codes]

    def check(self, text: str | Document) -> list[Finding]:
        """Run every rule over the text and return findings sorted by position then code."""
        return self.run(text).findings

    def run(self, text: str | Document) -> EngineResult:
        """Run every rule within its time budget; a rule that overruns is stopped and named.

        Hits inside URLs, e-mail addresses, paths and code (cleaner.protected) are dropped:
        no rule may flag or fix them.
        """
        # Lone CRs become LFs (one for one, offsets unchanged) so they end lines and paragraphs.
        doc = text if isinstance(text, Document) else Document(normalize_newlines(text))
        # Each search already runs under the regex module's time limit (timeout_for); the rule as
        # a whole gets several times that, so a busy machine does not cut a healthy rule short.
        budget = RULE_BUDGET_FACTOR * timeout_for(doc.text)
        findings: dict[tuple[str, int, int], Finding] = {}
        stopped: list[str] = []
        # Found once per document, on the first rule that reports anything (a fix run checks one
        # document with two rule subsets).
        protected = doc.shared("protected-index", lambda d: ProtectedIndex(d.text))
        for rule, checker in self._checkers:
            hits = _within_budget(checker, doc, budget)
            if hits is None:
                stopped.append(rule.code)
                continue
            for hit in keep_prose(doc.text, hits, protected):
                finding = make_finding(rule, hit, doc)
                findings.setdefault((finding.code, finding.start, finding.end), finding)
        ordered = sorted(findings.values(), key=lambda f: f.sort_key)
        if isinstance(text, str) and text is not doc.text:  # report the text as given, CRs included
            ordered = [dataclasses.replace(f, text=text[f.start : f.end]) for f in ordered]
        return EngineResult(ordered, tuple(stopped))


def _within_budget(checker: Checker, doc: Document, budget: float) -> list[Hit] | None:
    """Collect a rule's hits, or None when it runs past `budget` seconds (a regex timeout included)."""
    deadline = time.monotonic() + budget
    hits: list[Hit] = []
    try:
        for hit in checker(doc):
            hits.append(hit)
            if time.monotonic() > deadline:
                return None
    except TimeoutError:  # the regex module's own time limit on one search
        return None
    return hits


@functools.lru_cache(maxsize=16)
def compiled(rules: tuple[Rule, ...]) -> Engine:
    """Return the engine for exactly these rules, compiled once per process (the one engine cache),
    reusing the patterns compiled by earlier runs (cleaner.regex_cache)."""
    from cleaner.regex_cache import warm_session

    with warm_session():
        return Engine(rules)


def make_finding(rule: Rule, hit: Hit, doc: Document) -> Finding:
    """Turn a kind's hit into a positioned finding carrying the rule's metadata."""
    line, column = doc.line_col(hit.start)
    end_line, end_column = doc.line_col(hit.end)
    safety = hit.safety or (rule.fix.safety if rule.fix else None)
    return Finding(
        code=rule.code,
        rule=rule.name,
        category=rule.category,
        level=rule.level,
        message=hit.message or rule.message,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=doc.text[hit.start : hit.end],
        replacements=tuple(dict.fromkeys(r for r in hit.replacements if r != doc.text[hit.start : hit.end])),
        safety=safety,
        source=rule.source,
        fix_title=rule.fix.title if rule.fix else None,
    )
