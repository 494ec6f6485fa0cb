"""Merge LanguageTool's findings into ours without reporting the same problem twice.

Two findings report the same problem when their spans overlap and they belong to the same family
of categories (a spelling match and our name-spelling rule; a punctuation match and our spacing
rule), or when a LanguageTool rule means exactly what one of our categories means. Ours is kept:
it has the context and the fix. LanguageTool's own overlapping matches of one family keep one.
"""

from __future__ import annotations

import bisect

from cleaner.model import Finding

# Categories (ours and LanguageTool's) that report one kind of problem.
FAMILIES: dict[str, str] = {
    "spelling": "spelling",
    "names": "spelling",
    "punctuation": "punctuation",
    "typography": "punctuation",
    "whitespace": "punctuation",
    "joins": "punctuation",
    "capitalization": "capitalization",
    "grammar": "grammar",
    "repetition": "grammar",
    "register": "style",
    "style": "style",
}
# LanguageTool rules that mean what one of our categories means, across families; any overlap
# with such a finding of ours is the same report (our span may be narrower, e.g. one letter vs a word).
SAME_MEANING: dict[str, frozenset[str]] = {
    "DOUBLE_PUNCTUATION": frozenset({"punctuation", "typography"}),
    "UPPERCASE_SENTENCE_START": frozenset({"capitalization"}),
    "WHITESPACE_RULE": frozenset({"whitespace", "typography", "punctuation"}),
    "CONSECUTIVE_SPACES": frozenset({"whitespace", "typography"}),
    "COMMA_PARENTHESIS_WHITESPACE": frozenset({"whitespace", "typography", "punctuation"}),
    "SENTENCE_WHITESPACE": frozenset({"whitespace", "typography", "punctuation", "joins"}),
    "ENGLISH_WORD_REPEAT_RULE": frozenset({"grammar", "style", "repetition"}),
}
_SIZE_RATIO = 4  # a span this many times longer than the other marks something wider


def family(category: str) -> str:
    """Return the family of a category; a category of its own when none is listed."""
    return FAMILIES.get(category, category)


def _overlap(a: Finding, b: Finding) -> int:
    """Return how many characters two spans share; touching empty spans count as 1."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared > 0:
        return shared
    if (a.start == a.end or b.start == b.end) and max(a.start, b.start) <= min(a.end, b.end):
        return 1  # an insertion point inside or at the edge of the other span
    return 0


def _comparable(a: Finding, b: Finding) -> bool:
    """True when two spans are of a size to mark one error: a word against a sentence is not."""
    short, long = sorted((a.end - a.start, b.end - b.start))
    return long <= _SIZE_RATIO * max(short, 3)


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
    """True when a LanguageTool finding reports the same problem as one of ours (or an earlier one of its own)."""
    if _overlap(ours, theirs) == 0:
        return False
    if ours.category in _same_meaning(theirs):
        return True
    if family(ours.category) == family(theirs.category) and _comparable(ours, theirs):
        return True
    return (ours.start, ours.end) == (theirs.start, theirs.end) and (
        bool(ours.replacements) and ours.replacements[:1] == theirs.replacements[:1]
    )


def _distinct(theirs: list[Finding]) -> list[Finding]:
    """LanguageTool's findings with overlapping ones of the same family reduced to the first."""
    kept: list[Finding] = []
    for lt in sorted(theirs, key=lambda f: f.sort_key):
        if not any(duplicates(k, lt) for k in kept[-8:]):  # sorted by start: only recent ones can overlap
            kept.append(lt)
    return kept


def merge_findings(ours: list[Finding], theirs: list[Finding]) -> list[Finding]:
    """Return ours plus every LanguageTool finding not already covered by one of ours, sorted."""
    by_start = sorted(ours, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    longest = max((f.end - f.start for f in by_start), default=0)
    kept = []
    for lt in _distinct(theirs):
        # Only findings of ours that start within reach can overlap this one.
        lo = bisect.bisect_left(starts, lt.start - longest - 1)
        hi = bisect.bisect_right(starts, lt.end + 1)
        if not any(duplicates(o, lt) for o in by_start[lo:hi]):
            kept.append(lt)
    return sorted([*ours, *kept], key=lambda f: f.sort_key)
