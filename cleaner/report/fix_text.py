"""Text report of a fix run: what was fixed, what is left for review, readability before and after."""

from __future__ import annotations

from typing import Iterable

from cleaner.diffing import excerpt
from cleaner.fixer import FileFix
from cleaner.model import Finding, Safety
from cleaner.readability import delta, label
from cleaner.report.visible import visible

SHOWN_SCORES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "text_standard", "words", "sentences")


def render(fixes: Iterable[FileFix], color: bool = False, dry_run: bool = False) -> str:
    """Render every file's fixes, its remaining findings as before/after suggestions, and readability."""
    fixes = list(fixes)
    out: list[str] = []
    for fix in fixes:
        out.extend(_file_block(fix, color, dry_run))
    out.append(summary_line(fixes, dry_run))
    return "\n".join(out) + "\n"


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _file_block(fix: FileFix, color: bool, dry_run: bool) -> list[str]:
    result = fix.result
    verb = "would fix" if dry_run else "fixed"
    head = f"{visible(fix.path)}: {verb} {len(result.applied)}, {len(result.remaining)} left for review"
    out = [_style(head, "1", color)]
    for finding in result.applied:
        new = f"“{visible(finding.replacements[0])}”" if finding.replacements[0] else "(deleted)"
        mark = _style(verb, "32", color)
        said = f"{finding.code} {visible(finding.message)} “{visible(finding.text)}” → {new}"
        out.append(f"  {mark} {finding.line}:{finding.column} {said}")
    if result.unstable:
        out.append(f"  not applied (fixes did not settle): {', '.join(result.unstable)}")
    for finding in result.remaining:
        out.extend(_remaining_block(fix.path, finding, result.fixed, color))
    out.extend(readability_lines(fix))
    out.append("")
    return out


def _remaining_block(path: str, finding: Finding, text: str, color: bool) -> list[str]:
    safety = finding.safety.value if finding.safety else "review"
    code = _style(finding.code, "33;1", color)
    block = [f"  {visible(path)}:{finding.line}:{finding.column}: {code} {visible(finding.message)} ({safety})"]
    best = finding.replacements[0] if finding.replacements else None
    block.extend(f"      {line}" for line in excerpt(text, finding.start, finding.end, best, color=color))
    if len(finding.replacements) > 1:
        others = " | ".join(f"“{visible(r)}”" if r else "(delete)" for r in finding.replacements[1:4])
        block.append(f"      other candidates: {others}")
    return block


def readability_lines(fix: FileFix) -> list[str]:
    """Return the before → after (change) lines of the shown readability scores."""
    if fix.before is None or fix.after is None:
        return []
    change = delta(fix.before, fix.after)
    out = [f"  Readability of {visible(fix.path)} (before → after):"]
    for name in SHOWN_SCORES:
        old, new = getattr(fix.before, name), getattr(fix.after, name)
        diff = f" ({change[name]:+g})" if name in change else ""
        out.append(f"    {label(name):<22} {old} → {new}{diff}")
    return out


def summary_line(fixes: list[FileFix], dry_run: bool = False) -> str:
    """One line: how many fixes in how many files, how many findings left, what --unsafe-fixes adds."""
    applied = sum(len(f.result.applied) for f in fixes)
    changed = sum(1 for f in fixes if f.result.changed)
    remaining = [r for f in fixes for r in f.result.remaining]
    verb = "Would fix" if dry_run else "Fixed"
    line = f"{verb} {applied} problem(s) in {changed} of {len(fixes)} file(s); {len(remaining)} left for review."
    unsafe = sum(1 for r in remaining if r.safety is Safety.UNSAFE and r.replacements)
    if unsafe:
        line += f" {unsafe} more can be fixed with --unsafe-fixes."
    return line
