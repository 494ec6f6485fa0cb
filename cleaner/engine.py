"""Rules x document -> sorted findings. The engine never formats and never touches the CLI."""

from __future__ import annotations

import functools
from typing import Callable, Iterable, Sequence

from cleaner.document import Document
from cleaner.kinds import kind_for
from cleaner.model import Finding, Hit, Rule

Checker = Callable[[Document], Iterable[Hit]]


class Engine:
    """A compiled rule set: build once, check many texts."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._checkers: list[tuple[Rule, Checker]] = [
            (rule, kind_for(rule.kind).build(rule)) for rule in self.rules  # type: ignore[union-attr]
        ]

    def check(self, text: str | Document) -> list[Finding]:
        """Run every rule over the text and return findings sorted by position then code."""
        doc = text if isinstance(text, Document) else Document(text)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule, checker in self._checkers:
            for hit in checker(doc):
                finding = make_finding(rule, hit, doc)
                findings.setdefault((finding.code, finding.start, finding.end), finding)
        return sorted(findings.values(), key=lambda f: f.sort_key)


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
