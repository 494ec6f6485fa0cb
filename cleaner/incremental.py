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
import itertools
from array import array
from typing import Callable, Iterable, Sequence, TypeVar

import regex

from cleaner.document import WORD, Document, Span, pair_quotes
from cleaner.engine import Engine, EngineResult
from cleaner.line_blind import line_blind
from cleaner.model import Finding, Rule
from cleaner.protected import ProtectedIndex, protected_spans
from cleaner.segmenter import split_sentences
from cleaner.wordstream import WordStream


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
        # unit text -> (the codes run on it, their findings by code; codes without findings left out)
        self._by_unit: dict[str, tuple[frozenset[str], dict[str, tuple[Finding, ...]]]] = {}

    def known(self, unit: str, codes: frozenset[str]) -> dict[str, tuple[Finding, ...]] | None:
        """The unit's findings by code, or None when one of `codes` was never run on it."""
        found = self._by_unit.get(unit)
        if found is None or not found[0] >= codes:
            return None
        return found[1]

    def store(self, unit: str, codes: frozenset[str], findings: list[Finding]) -> None:
        """Remember what `codes` found in the unit (`findings` relative to its start)."""
        ran, by_code = self._by_unit.get(unit, (frozenset(), {}))
        by_code = {code: found for code, found in by_code.items() if code not in codes}
        for finding in findings:
            by_code[finding.code] = (*by_code.get(finding.code, ()), finding)
        self._by_unit[unit] = (ran | codes, by_code)


def run(engine: Engine, doc: Document, memory: UnitFindings) -> EngineResult:
    """What `engine.run(doc)` returns, with the line-local rules re-run only on units not seen before."""
    local = frozenset(rule.code for rule in engine.rules if line_local(rule))
    if not local or not doc.paragraphs:
        return engine.run(doc)
    spans = units(doc)
    pieces = [doc.text[start:end] for start, end in spans]
    fresh = [i for i, piece in enumerate(pieces) if memory.known(piece, local) is None]
    if fresh and not _check_units(engine.subset(local), doc, spans, pieces, fresh, memory, local):
        return engine.run(doc)  # a rule overran its budget on the new units: check the text as a whole
    rest = engine.subset(frozenset(rule.code for rule in engine.rules) - local).run(doc)
    findings = list(rest.findings)
    for (start, _), piece in zip(spans, pieces):
        found = memory.known(piece, local)
        assert found is not None
        for code, unit_findings in found.items():
            if code in local:
                findings.extend(_placed(finding, start, doc) for finding in unit_findings)
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
    # Each unit's start: in the text itself, or in the join of the fresh units (their running lengths).
    joined_starts = itertools.accumulate((len(pieces[i]) for i in fresh[:-1]), initial=0)
    offsets = [spans[i][0] for i in fresh] if whole else list(joined_starts)
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


def _placed(finding: Finding, offset: int, doc: Document) -> Finding:
    """A unit-relative finding at its place in `doc`, with the line and column there."""
    start, end = finding.start + offset, finding.end + offset
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return dataclasses.replace(
        finding, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column
    )


def seed(doc: Document, previous: Document) -> None:
    """Give `doc` the word stream, sentences, quotations and protected spans `previous` had worked out,
    for every unit the two texts share (shifted), finding them afresh only in the other units.

    Each is found paragraph by paragraph or line by line (a word or protected span never crosses a
    line end; sentences and quotations are paired within a paragraph), so what a unit holds depends
    on its text alone. `Document.adopt` puts the values where the document caches them itself, so
    every rule reads them as if they had been found on the new text.
    """
    if not doc.paragraphs or not previous.paragraphs:
        return
    old_at = {previous.text[s:e]: s for s, e in reversed(units(previous))}
    places = [(s, e, old_at.get(doc.text[s:e])) for s, e in units(doc)]
    if previous.worked_out("words"):
        doc.adopt("words", _gathered_words(doc.text, places, previous.words))
    if previous.worked_out("sentences"):
        doc.adopt("sentences", _gathered(
            places, previous.sentences, previous.sentence_starts, _fresh_sentences(doc), _moved_span
        ))
    if previous.worked_out("quote_scan"):
        spans, unmatched = previous.quote_scan
        doc.adopt("quote_scan", (
            _gathered(places, spans, [q.start for q in spans], _fresh_quotes(doc, 0), _moved_span),
            _gathered(places, unmatched, list(unmatched), _fresh_quotes(doc, 1), _moved_offset),
        ))
    protected = previous.built("protected-index")
    if isinstance(protected, ProtectedIndex) and protected.built():
        old_spans, old_starts = protected.spans()
        spans = list(_gathered(places, old_spans, old_starts, _fresh_protected(doc), _moved_pair))
        doc.adopt_shared("protected-index", ProtectedIndex.from_spans(doc.text, spans))


Item = TypeVar("Item")
Place = tuple[int, int, "int | None"]  # a unit's start and end, and its start in the last text if it was there


def _gathered(
    places: list[Place], old_items: Sequence[Item], old_starts: Sequence[int],
    fresh: Callable[[int, int, int], Iterable[Item]], moved: Callable[[Sequence[Item], int], Iterable[Item]],
) -> tuple[Item, ...]:
    """The items of every unit in order: a shared unit's from `old_items` (moved), a new one's from `fresh(i, start, end)`."""
    out: list[Item] = []
    for i, (start, end, old) in enumerate(places):
        if old is None:
            out.extend(fresh(i, start, end))
            continue
        lo = bisect.bisect_left(old_starts, old)
        hi = bisect.bisect_left(old_starts, old + end - start)
        shift = start - old
        out.extend(old_items[lo:hi] if shift == 0 else moved(old_items[lo:hi], shift))
    return tuple(out)


def _gathered_words(text: str, places: list[Place], old: WordStream) -> WordStream:
    """The word stream of `text`: a shared unit's words sliced from `old`'s arrays (shifted), a new one's found afresh.

    Works on the stream's arrays directly: most words of a long text move after the first edit,
    and building a `Word` per word, then the arrays again, cost more than the rules' own pass.
    """
    starts, ends, texts = array(old.starts.typecode), array(old.ends.typecode), []
    # Each distinct word text once, as WordStream.of keeps it: the last stream's strings, then new ones.
    known = dict(zip(old.texts, old.texts))
    for start, end, before in places:
        if before is None:
            for m in WORD.finditer(text, start, end):
                word = m.group()
                starts.append(m.start())
                ends.append(m.end())
                texts.append(known.setdefault(word, word))
            continue
        lo = bisect.bisect_left(old.starts, before)
        hi = bisect.bisect_left(old.starts, before + end - start)
        shift = start - before
        if shift == 0:
            starts.extend(old.starts[lo:hi])
            ends.extend(old.ends[lo:hi])
        else:  # int.__add__ mapped in C: no Python call per word
            starts.extend(map(shift.__add__, old.starts[lo:hi]))
            ends.extend(map(shift.__add__, old.ends[lo:hi]))
        texts.extend(old.texts[lo:hi])
    return WordStream(starts, ends, texts)


def _fresh_sentences(doc: Document) -> Callable[[int, int, int], list[Span]]:
    def fresh(i: int, start: int, end: int) -> list[Span]:
        para = doc.paragraphs[i]
        return [Span(s, e) for s, e in split_sentences(doc.text, para.start, para.end)]

    return fresh


def _fresh_quotes(doc: Document, part: int) -> Callable[[int, int, int], list]:
    return lambda i, start, end: pair_quotes(doc.text, doc.paragraphs[i])[part]


def _fresh_protected(doc: Document) -> Callable[[int, int, int], list[tuple[int, int]]]:
    return lambda i, start, end: [(start + s, start + e) for s, e in protected_spans(doc.text[start:end])]


def _moved_span(spans: Sequence[Span], shift: int) -> list[Span]:
    return [Span(span.start + shift, span.end + shift) for span in spans]


def _moved_offset(offsets: Sequence[int], shift: int) -> list[int]:
    return [offset + shift for offset in offsets]


def _moved_pair(pairs: Sequence[tuple[int, int]], shift: int) -> list[tuple[int, int]]:
    return [(start + shift, end + shift) for start, end in pairs]
