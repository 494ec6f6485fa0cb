"""Per-LanguageTool-rule figures: matches on clean text, matches on damaged text, errors caught.

Used by detection.py (`--lt-rules` prints the table) and languagetool_rules.py (which turns the
figures into cleaner/languagetool/rules.tsv). Figures are taken from LanguageTool's matches after
the name-aware spelling screen and before the measured rule list, so every rule is measured as
it would be reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gold import RULE_CLASSES
from sources import MQM_SURFACE, Sample

from cleaner.model import Finding

# The errors LanguageTool is measured on: our rule classes, the grammar class, MQM's surface errors.
TARGET_CLASSES = frozenset({*RULE_CLASSES, "grammar", *MQM_SURFACE})
# Clean groups, by the column of rules.tsv they count in.
CLEAN_COLUMNS = {
    "clean originals": "clean-originals",
    "own clean": "own-clean",
    "mqm error-free MT": "mqm-error-free",
    "mqm error-free human": "mqm-error-free",
}
DEV_SOURCES = frozenset({"dev", "own", "clean-pages", "clean-own", "mqm"})
RAW_SUFFIX = " (no name screen)"


@dataclass
class RuleTally:
    """Per LanguageTool rule code: matches on clean text by column, on damaged text, errors caught."""

    clean: Counter = field(default_factory=Counter)  # (code, column) -> matches on clean text
    found: Counter = field(default_factory=Counter)  # code -> matches on damaged text
    true: Counter = field(default_factory=Counter)  # code -> of those, overlapping an annotation
    caught: Counter = field(default_factory=Counter)  # code -> target annotations it overlaps
    new: Counter = field(default_factory=Counter)  # code -> of those, not caught by the rule pack
    category: dict = field(default_factory=dict)  # code -> cleaner category
    words: Counter = field(default_factory=Counter)  # column -> clean words
    seen_in: dict = field(default_factory=dict)  # code -> the variants whose run it matched in

    def codes(self) -> list[str]:
        """Every code seen, sorted."""
        return sorted({*self.category})

    def clean_false(self, code: str) -> tuple[int, int, int]:
        """Matches on clean text in the three columns (originals, own clean, MQM error-free)."""
        return tuple(self.clean[code, col] for col in ("clean-originals", "own-clean", "mqm-error-free"))


def _inside(findings: list[Finding], start: int, end: int) -> list[Finding]:
    return [f for f in findings if start <= f.start < max(end, start + 1)]


def score_rules(sample: Sample, ours: list[Finding], theirs: list[Finding], tally: RuleTally) -> None:
    """Add one development sample's LanguageTool matches to the per-rule tally (held-out: ignored)."""
    if sample.source not in DEV_SOURCES:
        return
    for f in theirs:
        tally.category.setdefault(f.code, f.category)
    for segment in sample.segments:
        inside = _inside(theirs, segment.start, segment.end)
        if segment.clean:
            column = CLEAN_COLUMNS.get(segment.group)
            if column is None:
                continue
            tally.words[column] += segment.words
            for f in inside:
                if not any(a.overlaps(f.start, f.end) for a in sample.annotations):
                    tally.clean[f.code, column] += 1
            continue
        for f in inside:
            tally.found[f.code] += 1
            tally.true[f.code] += any(a.overlaps(f.start, f.end) for a in sample.annotations)
        notes = [a for a in sample.annotations if a.cls in TARGET_CLASSES
                 and segment.start <= a.start < max(segment.end, segment.start + 1)]
        for a in notes:
            by_rules = any(a.overlaps(f.start, f.end) for f in ours)
            for code in {f.code for f in theirs if a.overlaps(f.start, f.end)}:
                tally.caught[code] += 1
                tally.new[code] += not by_rules


def print_rule_table(tally: RuleTally) -> None:
    """One line per LanguageTool rule: clean-text matches, damaged-text precision, errors caught."""
    words = ", ".join(f"{col} {n}" for col, n in sorted(tally.words.items()))
    print(f"\n## Per LanguageTool rule (development data only; clean words: {words})\n")
    print(f"{'rule':46}{'originals':>10}{'own clean':>10}{'mqm clean':>10}{'true/found':>12}{'new/caught':>12}")
    order = sorted(tally.codes(), key=lambda c: (-tally.new[c], -sum(tally.clean_false(c)), c))
    for code in order:
        originals, own, mqm = tally.clean_false(code)
        print(f"{code:46}{originals:>10}{own:>10}{mqm:>10}"
              f"{f'{tally.true[code]}/{tally.found[code]}':>12}{f'{tally.new[code]}/{tally.caught[code]}':>12}")
