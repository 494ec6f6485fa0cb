"""Check a text that differs from one checked before in a few paragraphs, re-running only what changed.

`fix` and `report` check a text, apply a pass of fixes, and check again: most paragraphs are
the same. The text is cut into units, one per paragraph: from the start of the line where
the paragraph begins to the start of the line where the next one begins (the first unit
starts at the text's start, the last ends at its end), so a unit is whole lines holding one
paragraph and the blank lines after it.

A *line-local* rule (a pattern rule whose regex never reads a line end, `cleaner.line_blind`)
finds in a unit exactly what it finds there in any text holding that unit: its matches and
look-arounds stay on one line, and everything else it consults is the paragraph's own (where
a sentence, quotation or heading is, whether the paragraph is written in lower case, the
protected spans of the line). So its findings are kept per unit text, and a new text runs
those rules only on the units not seen before, joined into one small document. Every other
rule reads the whole text and runs on it in full.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Iterable

import regex

from cleaner.document import Document
from cleaner.engine import Engine, EngineResult
from cleaner.line_blind import line_blind
from cleaner.model import Finding, Rule


def line_local(rule: Rule) -> bool:
    """True when the rule's findings in a unit depend on that unit's text alone."""
    if rule.kind != "pattern":
        return False
    return line_blind(rule.options["pattern"], regex.IGNORECASE if rule.options.get("ignore-case") else 0)


def units(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph's unit, covering the whole text in order."""
    starts = [0] + [doc.text.rfind("\n", 0, para.start) + 1 for para in doc.paragraphs[1:]]
    return list(zip(starts, [*starts[1:], len(doc.text)]))


class UnitFindings:
    """The line-local rules' findings per unit text, offsets relative to the unit, per rule code."""

    def __init__(self) -> None:
        self._by_unit: dict[str, dict[str, tuple[Finding, ...]]] = {}

    def known(self, unit: str, codes: Iterable[str]) -> dict[str, tuple[Finding, ...]] | None:
        """The unit's findings for every code, or None when one of them was never run on it."""
        found = self._by_unit.get(unit)
        if found is None or any(code not in found for code in codes):
            return None
        return found

    def store(self, unit: str, codes: Iterable[str], findings: list[Finding]) -> None:
        """Remember what `codes` found in the unit (`findings` relative to its start)."""
        found = self._by_unit.setdefault(unit, {})
        for code in codes:
            found[code] = ()
        for finding in findings:
            found[finding.code] = (*found[finding.code], finding)


def run(engine: Engine, doc: Document, memory: UnitFindings) -> EngineResult:
    """What `engine.run(doc)` returns, with the line-local rules re-run only on units not seen before."""
    local = frozenset(rule.code for rule in engine.rules if line_local(rule))
    if not local or not doc.paragraphs:
        return engine.run(doc)
    spans = units(doc)
    pieces = [doc.text[start:end] for start, end in spans]
    fresh = [i for i, piece in enumerate(pieces) if memory.known(piece, local) is None]
    local_engine = engine.subset(frozenset(rule.code for rule in engine.rules if rule.code in local))
    if fresh and not _check_units(local_engine, doc, spans, pieces, fresh, memory, local):
        return engine.run(doc)  # a rule overran its budget on the new units: check the text as a whole
    rest = engine.subset(frozenset(rule.code for rule in engine.rules) - local).run(doc)
    findings = list(rest.findings)
    for (start, _), piece in zip(spans, pieces):
        found = memory.known(piece, local)
        assert found is not None
        for code in local:
            findings.extend(_placed(finding, start, doc) for finding in found[code])
    return EngineResult(sorted(findings, key=lambda f: f.sort_key), rest.stopped)


def _check_units(
    engine: Engine, doc: Document, spans: list[tuple[int, int]], pieces: list[str], fresh: list[int],
    memory: UnitFindings, codes: frozenset[str],
) -> bool:
    """Run the line-local rules on the fresh units, joined into one text; False when a rule was stopped."""
    # Every unit is new (the first check of a text): the text itself is their join.
    whole = len(fresh) == len(pieces)
    joined = doc if whole else Document("".join(pieces[i] for i in fresh))
    result = engine.run(joined)
    if result.stopped:
        return False
    offsets = [spans[i][0] for i in fresh] if whole else _running_starts([len(pieces[i]) for i in fresh])
    by_unit: list[list[Finding]] = [[] for _ in fresh]
    for finding in result.findings:
        k = bisect.bisect_right(offsets, finding.start) - 1
        start = finding.start - offsets[k]
        if start == len(pieces[fresh[k]]) and spans[fresh[k]][1] < len(doc.text):
            continue  # an empty match at the join's end: in the text, that place starts the next unit
        by_unit[k].append(dataclasses.replace(finding, start=start, end=finding.end - offsets[k]))
    for k, i in enumerate(fresh):
        memory.store(pieces[i], codes, by_unit[k])
    return True


def _running_starts(lengths: list[int]) -> list[int]:
    starts, at = [], 0
    for length in lengths:
        starts.append(at)
        at += length
    return starts


def _placed(finding: Finding, offset: int, doc: Document) -> Finding:
    """A unit-relative finding at its place in `doc`, with the line and column there."""
    start, end = finding.start + offset, finding.end + offset
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return dataclasses.replace(
        finding, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column
    )
