"""What every input must survive, in every format: the properties the fuzz targets check.

`assert_safe(kind, text)` runs `check` and `fix` (unsafe fixes included) the way the CLI does
and checks that nothing crashes, every finding points at its text, fixing twice changes
nothing, every edit of every pass lies in prose as that pass saw it (never in markup,
attributes or code) and no URL, address, path or code token is touched. The hypothesis target (tests/test_fuzz_formats.py) and the atheris harness
(tests/fuzz_atheris.py) share it, and so does the corpus of reproducers in tests/corpus/.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from pathlib import Path

from cleaner.config import EffectiveConfig
from cleaner.fixer import FixResult, allowed_safeties, apply_edits
from cleaner.inputs import extract
from cleaner.protected import protected_spans
from cleaner.runner import CheckOptions, check_source, fix_source, plan_run
from cleaner.textio import SourceText, normalize_newlines

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = {"txt": "text", "md": "markdown", "html": "html"}


@functools.lru_cache(maxsize=1)
def options() -> CheckOptions:
    """The built-in rules with the default configuration, as `cleaner check` plans them."""
    return plan_run(EffectiveConfig(), readability=False).options


def prose_ranges(name: str, text: str) -> list[tuple[int, int]]:
    """The source ranges copied unchanged into the checked text: the only text a fix may edit."""
    extracted = extract.__wrapped__(name, normalize_newlines(text))
    if not extracted.segments:
        return [(0, len(text))]
    return [(s.src_start, s.src_end) for s in extracted.segments if s.exact]


def assert_edits_in_prose(name: str, text: str, result: FixResult) -> None:
    """Every edit of every pass lies inside prose as that pass saw it (never in markup)."""
    for step in result.steps:
        ranges = prose_ranges(name, text)
        starts = [start for start, _ in ranges]
        for edit in step:
            i = bisect.bisect_right(starts, edit.start) - 1
            assert i >= 0 and edit.end <= ranges[i][1], f"an edit outside prose: {edit} in {text!r}"
        text = apply_edits(text, step)
    assert text == result.fixed


def _apart(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def tokens(text: str) -> Counter[str]:
    """The protected tokens (URLs, addresses, paths, code) that stand apart as words, counted.

    Tokens glued to others ("a@b.comc@d.com") are left out: where one ends is anyone's guess.
    """
    return Counter(text[s:e] for s, e in protected_spans(text) if _apart(text, s, e))


def occurrences_apart(text: str, token: str) -> int:
    """How often `token` stands apart in `text`, detected as protected or not."""
    count, start = 0, text.find(token)
    while start >= 0:
        count += _apart(text, start, start + len(token))
        start = text.find(token, start + 1)
    return count


def assert_safe(suffix: str, text: str) -> None:
    """Check and fix one document; raise AssertionError when a property breaks."""
    name = f"fuzz.{suffix}"
    source = SourceText(name, text)
    report = check_source(source, options())
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert normalize_newlines(text)[f.start : f.end] == f.text, f
    result = fix_source(source, allowed_safeties(unsafe=True), options())
    again = fix_source(SourceText(name, result.fixed), allowed_safeties(unsafe=True), options())
    assert again.fixed == result.fixed, "fixing twice changed the text again"
    assert_edits_in_prose(name, text, result)
    # Tokens as the rules saw them: in the prose extracted from Markdown and HTML.
    seen = extract.__wrapped__(name, normalize_newlines(text)).text
    seen_fixed = extract.__wrapped__(name, normalize_newlines(result.fixed)).text
    lost = [tok for tok, n in tokens(seen).items() if occurrences_apart(seen_fixed, tok) < n]
    assert not lost, f"a fix edited protected tokens: {lost}"


def corpus_files() -> list[Path]:
    """The committed reproducers, one file per case."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lstrip(".") in KINDS)
