"""Merge LanguageTool's findings into ours without reporting the same problem twice."""

from __future__ import annotations

import bisect

from cleaner.model import Finding

# LanguageTool rules that mean what one of our categories means; any overlap with such a
# finding of ours is the same report (our span may be narrower, e.g. one letter vs a word).
SAME_MEANING: dict[str, frozenset[str]] = {
    "DOUBLE_PUNCTUATION": frozenset({"punctuation", "typography"}),
    "UPPERCASE_SENTENCE_START": frozenset({"capitalization"}),
    "WHITESPACE_RULE": frozenset({"whitespace", "typography", "punctuation"}),
    "CONSECUTIVE_SPACES": frozenset({"whitespace", "typography"}),
    "COMMA_PARENTHESIS_WHITESPACE": frozenset({"whitespace", "typography", "punctuation"}),
    "SENTENCE_WHITESPACE": frozenset({"whitespace", "typography", "punctuation", "joins"}),
    "ENGLISH_WORD_REPEAT_RULE": frozenset({"grammar", "style"}),
}
_MIN_SHARED = 0.5  # otherwise: same category and at least half of the two spans in common


def _overlap(a: Finding, b: Finding) -> int:
    """Return how many characters two spans share; touching empty spans count as 1."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared > 0:
        return shared
    if (a.start == a.end or b.start == b.end) and max(a.start, b.start) <= min(a.end, b.end):
        return 1  # an insertion point inside or at the edge of the other span
    return 0


def _rule_id(finding: Finding) -> str:
    """Return LanguageTool's rule id from a code such as LT:DOUBLE_PUNCTUATION."""
    return finding.code.split(":", 1)[1] if ":" in finding.code else finding.code


def _is_glued_words(theirs: Finding) -> bool:
    """True for a spelling match whose fix only inserts a space: "TajikistanThe" -> "Tajikistan The"."""
    return any(" " in r and r.replace(" ", "") == theirs.text for r in theirs.replacements)


def _same_meaning(theirs: Finding) -> frozenset[str]:
    """Return our categories that report the same kind of problem as this LanguageTool finding."""
    same = SAME_MEANING.get(_rule_id(theirs), frozenset())
    if theirs.category == "spelling":
        # Our name rules know the house spelling of a name LanguageTool merely finds unknown.
        same |= {"spelling", "names"}
        if _is_glued_words(theirs):
            same |= {"joins", "whitespace", "punctuation"}
    return same


def duplicates(ours: Finding, theirs: Finding) -> bool:
    """True when a LanguageTool finding reports the same problem as one of ours."""
    shared = _overlap(ours, theirs)
    if shared == 0:
        return False
    if ours.category in _same_meaning(theirs):
        return True
    if ours.start == theirs.start and ours.end == theirs.end:
        return ours.category == theirs.category or (
            bool(ours.replacements) and ours.replacements[:1] == theirs.replacements[:1]
        )
    union = max(ours.end, theirs.end) - min(ours.start, theirs.start)
    return ours.category == theirs.category and shared / max(union, 1) >= _MIN_SHARED


def merge_findings(ours: list[Finding], theirs: list[Finding]) -> list[Finding]:
    """Return ours plus every LanguageTool finding not already covered by one of ours, sorted."""
    by_start = sorted(ours, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    longest = max((f.end - f.start for f in by_start), default=0)
    kept = []
    for lt in theirs:
        # Only findings of ours that start within reach can overlap this one.
        lo = bisect.bisect_left(starts, lt.start - longest - 1)
        hi = bisect.bisect_right(starts, lt.end + 1)
        if not any(duplicates(o, lt) for o in by_start[lo:hi]):
            kept.append(lt)
    return sorted([*ours, *kept], key=lambda f: f.sort_key)
