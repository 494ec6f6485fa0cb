"""Gather what the HTML review page shows: findings, the fixes `fix` would make, readability.

The page formatter (`cleaner.report.html`) only renders; everything it shows is computed
here with the same options, filters and suppressions `cleaner check` and `cleaner fix` use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from cleaner.fixer import FixResult, allowed_safeties
from cleaner.inputs import extract
from cleaner.model import FileReport, Rule
from cleaner.readability import score
from cleaner.runner import CheckOptions, check_source, engine_for_options, fix_source, read_input
from cleaner.textio import SourceText


@dataclass(frozen=True)
class FilePage:
    """One input on the page: its report, both fix runs, and readability after each."""

    report: FileReport  # findings and readability before
    safe: FixResult  # what `cleaner fix` does (its `remaining` left empty: the page does not show it)
    unsafe: FixResult  # what `cleaner fix --unsafe-fixes` does
    after_safe: Mapping[str, Any] | None = None
    after_unsafe: Mapping[str, Any] | None = None

    @property
    def path(self) -> str:
        """The input's path as given."""
        return self.report.path


@dataclass(frozen=True)
class ReviewPage:
    """Everything the review page renders, for one or more files."""

    files: tuple[FilePage, ...]
    rules: Mapping[str, Rule] = field(default_factory=dict)  # by code, for names and explanations
    title: str = "cleaner review"


def gather_file(source: SourceText, options: CheckOptions) -> FilePage:
    """Check one input, fix it twice (safe only; safe and unsafe), and score each result."""
    engine = engine_for_options(options)
    report = check_source(source, options, engine)
    # Both fix runs start from the text just checked: its findings are their first pass. The page
    # counts what is left after the unsafe run only, so the safe run's fixed text is not checked in full.
    safe = fix_source(source, allowed_safeties(), options, first=report, remaining=False)
    unsafe = fix_source(source, allowed_safeties(unsafe=True), options, first=report)
    if options.memo is not None:  # what it holds (documents, texts) serves this file only
        options.memo.clear()
    if not options.readability:
        return FilePage(report, safe, unsafe)
    return FilePage(
        report, safe, unsafe, _readability(source.path, safe, report), _readability(source.path, unsafe, report)
    )


def _readability(path: str, result: FixResult, report: FileReport) -> Mapping[str, Any] | None:
    """Score the fixed text's prose the way `check` scores the original (markup extracted)."""
    if not result.changed:
        return report.readability
    return score(extract(path, result.fixed).text).to_dict()


def gather(
    paths: Iterable[str], options: CheckOptions, rules: Sequence[Rule] = (), title: str = "cleaner review"
) -> ReviewPage:
    """Gather the review page's data for every input, in the order given."""
    files = tuple(gather_file(read_input(path, options), options) for path in paths)
    return ReviewPage(files, {rule.code: rule for rule in rules}, title)
