"""Choose edits from findings, drop overlaps, apply them, re-check until nothing changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from cleaner.model import Edit, Finding, Safety

MAX_PASSES = 8

Checker = Callable[[str], list[Finding]]


@dataclass(frozen=True)
class FixResult:
    """The outcome of fixing a text: the new text, what was applied, what is left for review."""

    original: str
    fixed: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int

    @property
    def changed(self) -> bool:
        """True when fixing changed the text."""
        return self.fixed != self.original


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
    if not finding.replacements:
        return None
    return Edit(finding.start, finding.end, finding.replacements[0])


def choose_edits(findings: Iterable[Finding], allowed: frozenset[Safety]) -> list[tuple[Edit, Finding]]:
    """Pick non-overlapping edits, safest first, then earliest, then by rule code.

    Two edits conflict when their spans overlap, or when both insert at the same point;
    the loser is not lost: it is reconsidered on the next pass against the new text.
    """
    candidates = []
    for finding in findings:
        edit = edit_for(finding)
        if edit is not None and finding.safety in allowed:
            candidates.append((finding.safety.rank, edit.start, edit.end, finding.code, edit, finding))
    chosen: list[tuple[Edit, Finding]] = []
    taken: list[tuple[int, int]] = []
    for *_, edit, finding in sorted(candidates, key=lambda c: c[:4] + (c[4].replacement,)):
        if not any(_conflicts(edit.start, edit.end, s, e) for s, e in taken):
            chosen.append((edit, finding))
            taken.append((edit.start, edit.end))
    return sorted(chosen, key=lambda pair: (pair[0].start, pair[0].end))


def _conflicts(start: int, end: int, other_start: int, other_end: int) -> bool:
    if start == end or other_start == other_end:
        return other_start <= start <= other_end or start <= other_start <= end
    return start < other_end and other_start < end


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits; text outside the edited spans is copied unchanged."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, check: Checker, allowed: frozenset[Safety], max_passes: int = MAX_PASSES) -> FixResult:
    """Apply allowed fixes until the text is stable (or the pass limit), then re-check it."""
    current = text
    applied: list[Finding] = []
    passes = 0
    findings = check(current)
    while passes < max_passes:
        chosen = choose_edits(findings, allowed)
        if not chosen:
            break
        updated = apply_edits(current, [edit for edit, _ in chosen])
        passes += 1
        if updated == current:
            break
        applied.extend(finding for _, finding in chosen)
        current = updated
        findings = check(current)
    return FixResult(text, current, tuple(applied), tuple(findings), passes)
