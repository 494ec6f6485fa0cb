"""A safe fix never makes a text worse: property test over every article we ship (issue 9, section 4).

For each article in seeds/ (the machine-translated seed, our garbled articles, the clean ones), and
each cached page of the development corpus when the cache is filled (held-out pages excepted):
apply every safe fix the way `cleaner fix` does, then check the fixed text with the same rules.
No rule may find more in the fixed text than in the original, and every finding of the fixed text
must already have been there (same rule, same text), so a safe fix never creates damage.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import cleaner
from cleaner.fixer import allowed_safeties, fix_text
from tests_support import ROOT, SEEDS


def _held_in(manifest: Path) -> str:
    """The manifest text with held-out pages' records removed (so their ids do not match)."""
    if not manifest.exists():
        return ""
    records = manifest.read_text(encoding="utf-8").split("\n- ")
    return "\n- ".join(r for r in records if 'split: "holdout"' not in r) + "\n"

ARTICLES = sorted(SEEDS.glob("*.txt"))
# The cached pages of the development corpus (git-ignored, on developers' machines), held-out ones excepted.
_CORPUS = ROOT / "benchmarks" / "corpus"
ARTICLES += sorted(p for p in (_CORPUS / "cache").glob("*.txt")
                   if f"id: {p.stem}\n" in _held_in(_CORPUS / "pages.yaml"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_safe_fixes_never_add_a_finding(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = cleaner.check(text)
    result = fix_text(text, cleaner.check, allowed_safeties())
    after = cleaner.check(result.fixed)
    counts_before = Counter(f.code for f in before)
    counts_after = Counter(f.code for f in after)
    grown = {code: (counts_before[code], n) for code, n in counts_after.items() if n > counts_before[code]}
    assert not grown, f"safe fixes made these rules find more (before, after): {grown}"
    moved = [(f.code, _map(f.start, result.steps), _map(f.end, result.steps, end=True)) for f in before]
    new = [(f.code, f.text) for f in after
           if not any(code == f.code and start <= max(f.start, f.end - 1) and f.start <= max(start, end - 1)
                      for code, start, end in moved)]
    assert not new, f"safe fixes created new findings: {new}"


def _map(offset: int, steps, end: bool = False) -> int:
    """Where an offset of the original text lands after the edits of every pass.

    An offset inside an edited span lands on the replacement's start (or its end, for the `end` of a
    span): a finding on the "." of " ." that a fix turns into "." still covers that full stop.
    """
    for edits in steps:
        shift = 0
        for edit in sorted(edits):
            if edit.end <= offset:
                shift += len(edit.replacement) - (edit.end - edit.start)
            else:
                if edit.start < offset:
                    offset = edit.start + (len(edit.replacement) if end else 0)
                break
        offset += shift
    return offset


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_safe_fixes_settle_in_one_run(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = fix_text(text, cleaner.check, allowed_safeties()).fixed
    assert fix_text(once, cleaner.check, allowed_safeties()).fixed == once
