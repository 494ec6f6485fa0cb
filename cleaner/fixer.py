"""Choose edits from findings, drop overlaps, apply them, re-check until nothing changes.

The loop is bounded. A rule set whose fixes never settle (one rule undoes another, or a
fix keeps re-triggering itself) is not allowed to flip the text back and forth: the codes
involved are set aside and the run restarts from the original text without them, so the
result is always a text the remaining fixes leave alone (which makes fixing idempotent).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from cleaner.model import Edit, Finding, Safety

if TYPE_CHECKING:  # pragma: no cover
    from cleaner.readability import Readability
    from cleaner.textio import SourceText

MAX_PASSES = 8
MAX_RESTARTS = 3

Checker = Callable[[str], list[Finding]]
# Turns the last pass's findings into all of the final text's (see fix_text).
Finisher = Callable[[str, list[Finding]], list[Finding]]


@dataclass(frozen=True)
class FixResult:
    """The outcome of fixing a text: the new text, what was applied, what is left for review.

    `steps` holds the edits of each pass, in the coordinates of the text that pass saw;
    `unstable` names the rule codes set aside because their fixes did not settle.
    """

    original: str
    fixed: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int
    steps: tuple[tuple[Edit, ...], ...] = ()
    unstable: tuple[str, ...] = ()
    stopped: tuple[str, ...] = ()  # rules stopped for running past their time budget

    @property
    def changed(self) -> bool:
        """True when fixing changed the text."""
        return self.fixed != self.original


@dataclass(frozen=True)
class FileFix:
    """One input after fixing: the fix result and readability before and after."""

    source: "SourceText"
    result: FixResult
    before: "Readability | None" = None
    after: "Readability | None" = None
    problems: tuple[str, ...] = ()  # threshold failures, one line each

    @property
    def path(self) -> str:
        """The input's path as given ('<stdin>' for standard input)."""
        return self.source.path


def allowed_safeties(unsafe: bool = False, suggestions: bool = False) -> frozenset[Safety]:
    """Return the safety levels a fix run may apply."""
    allowed = {Safety.SAFE}
    if unsafe or suggestions:
        allowed.add(Safety.UNSAFE)
    if suggestions:
        allowed.add(Safety.SUGGEST)
    return frozenset(allowed)


def edit_for(finding: Finding) -> Edit | None:
    """Return the edit a finding proposes (its first replacement), or None."""
    if not finding.replacements or finding.replacements[0] == finding.text:
        return None
    return Edit(finding.start, finding.end, finding.replacements[0])


def overlaps(a: Edit, b: Edit) -> bool:
    """True when two edits touch the same text; an insertion conflicts with anything at its point."""
    return _conflicts(a.start, a.end, b.start, b.end)


def choose_edits(
    findings: Iterable[Finding], allowed: frozenset[Safety], text: str | None = None
) -> list[tuple[Edit, Finding]]:
    """Pick non-overlapping edits, safest first, then earliest, then by rule code.

    Two edits conflict when their spans overlap, or when both insert at the same point;
    the loser is not lost: it is reconsidered on the next pass against the new text.
    With `text`, edits whose span is out of range or no longer holds the finding's text
    are dropped, so a stale or malformed finding can never corrupt the document.
    """
    candidates = []
    for finding in findings:
        edit = edit_for(finding)
        if edit is None or finding.safety not in allowed:
            continue
        if text is not None and not _valid(edit, finding, text):
            continue
        candidates.append((finding.safety.rank, edit.start, edit.end, finding.code, edit, finding))
    chosen: list[tuple[Edit, Finding]] = []
    taken: list[tuple[int, int]] = []  # sorted; their ends rise with their starts, as none conflict
    for *_, edit, finding in sorted(candidates, key=lambda c: c[:4] + (c[4].replacement,)):
        if not _conflicts_taken(edit.start, edit.end, taken):
            chosen.append((edit, finding))
            bisect.insort(taken, (edit.start, edit.end))
    return sorted(chosen, key=lambda pair: (pair[0].start, pair[0].end))


def _conflicts_taken(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """True when [start, end) conflicts with a taken span; only those starting by `end` and
    ending at `start` or later can, and they sit just before the bisection point."""
    index = bisect.bisect_right(taken, (end, float("inf")))
    while index > 0:
        index -= 1
        other_start, other_end = taken[index]
        if other_end < start:
            return False
        if _conflicts(start, end, other_start, other_end):
            return True
    return False


def _valid(edit: Edit, finding: Finding, text: str) -> bool:
    if not 0 <= edit.start <= edit.end <= len(text):
        return False
    return text[edit.start : edit.end] == finding.text


def _conflicts(start: int, end: int, other_start: int, other_end: int) -> bool:
    if start == end or other_start == other_end:
        return other_start <= start <= other_end or start <= other_start <= end
    return start < other_end and other_start < end


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits; text outside the edited spans is copied unchanged."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits):
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit at {edit.start}")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass
class _Run:
    text: str
    findings: list[Finding]
    applied: list[Finding]
    steps: list[tuple[Edit, ...]]
    unsettled: frozenset[str] = frozenset()


def _converge(text: str, check: Checker, allowed: frozenset[Safety], skip: frozenset[str], max_passes: int) -> _Run:
    """Apply passes until stable; on a cycle or the pass limit, name the codes that kept changing."""
    run = _Run(text, check(text), [], [])
    seen = {text: 0}
    codes_per_pass: list[set[str]] = []
    while True:
        usable = [f for f in run.findings if f.code not in skip]
        chosen = choose_edits(usable, allowed, run.text)
        if not chosen:
            return run
        if len(run.steps) >= max_passes:
            run.unsettled = frozenset(f.code for _, f in chosen)
            return run
        updated = apply_edits(run.text, [edit for edit, _ in chosen])
        codes_per_pass.append({f.code for _, f in chosen})
        if updated in seen:  # the fixes undo each other: every code in the loop is unsettled
            run.unsettled = frozenset().union(*codes_per_pass[seen[updated] :])
            return run
        run.steps.append(tuple(edit for edit, _ in chosen))
        run.applied.extend(finding for _, finding in chosen)
        run.text = updated
        seen[updated] = len(run.steps)
        run.findings = check(updated)


def fix_text(
    text: str, check: Checker, allowed: frozenset[Safety], max_passes: int = MAX_PASSES, finish: Finisher | None = None
) -> FixResult:
    """Apply allowed fixes until the text is stable (or the pass limit), then re-check it.

    `check` need only return the findings that may carry an allowed fix; `finish(text, findings)`
    then adds the rest for the final text alone (rules without a fix need not run on every pass).
    """
    finish = finish or (lambda _text, findings: findings)
    skip: frozenset[str] = frozenset()
    for _ in range(MAX_RESTARTS + 1):
        run = _converge(text, check, allowed, skip, max_passes)
        if not run.unsettled:
            applied, remaining = tuple(run.applied), tuple(finish(run.text, run.findings))
            return FixResult(text, run.text, applied, remaining, len(run.steps), tuple(run.steps), tuple(sorted(skip)))
        skip = skip | run.unsettled
    # Still no fixed point: leave the text alone rather than hand back a half-way state.
    return FixResult(text, text, (), tuple(finish(text, check(text))), 0, (), tuple(sorted(skip)))
