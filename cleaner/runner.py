"""Check many inputs: read, extract the prose, run the engine, score readability, filter.

Files are checked one by one, or by a pool of worker processes (`jobs`); either way the
reports come back one at a time in path order, so output is identical and memory is flat.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from cleaner.api import build_engine, engine_for
from cleaner.config import EffectiveConfig, ReadabilityConfig
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.inputs import extract
from cleaner.loader import load_rules
from cleaner.model import FileReport, Finding, Rule
from cleaner.readability import score
from cleaner.selection import (
    READABILITY_RULES,
    Selection,
    readability_findings,
    validate_cli_selectors,
    validate_config_selectors,
)
from cleaner.textio import SourceText, expand_paths, read_source

FindingFilter = Callable[[SourceText, list[Finding]], list[Finding]]
WINDOW_PER_JOB = 4  # batches in flight per worker: enough to keep workers busy, few enough to stay small
MAX_BATCH = 8  # files per task at most


class ResultMemo:
    """The rule findings and readability of the last few texts checked, for commands that check
    the same text more than once (`report` checks, then fixes twice from the same original).

    Both are pure functions of the text (and the compiled engine), so a hit is exact.
    """

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._results: dict[tuple[object, ...], object] = {}

    def get(self, key: tuple[object, ...], compute: Callable[[], object]) -> object:
        """Return the result for `key`, computing it on a miss (least recently used goes first)."""
        if key in self._results:
            value = self._results.pop(key)
        else:
            value = compute()
            if len(self._results) >= self.size:
                self._results.pop(next(iter(self._results)))
        self._results[key] = value
        return value


@dataclass
class CheckOptions:
    """What a check run does besides the built-in rules."""

    rule_folders: tuple[Path, ...] | None = None
    readability: bool = True
    grammar: object | None = None  # a cleaner.languagetool.GrammarChecker, already entered
    filters: Sequence[FindingFilter] = field(default_factory=tuple)
    selection: Selection | None = None  # which rules run, at which level
    limits: ReadabilityConfig | None = None  # readability thresholds that raise findings
    stdin_filename: str | None = None  # the name standard input is reported (and configured) as
    memo: ResultMemo | None = field(default=None, compare=False, repr=False)  # reuse across checks of one text


@functools.lru_cache(maxsize=8)
def _engine(folders: tuple[Path, ...] | None, selection: Selection | None) -> Engine:
    rules = load_rules(folders) if folders != () else ()
    return build_engine(selection.rules(rules) if selection else rules)


def engine_for_options(options: CheckOptions) -> Engine:
    """Return the compiled engine for the options' rule folders and selection, built once per process."""
    if options.selection is None and options.rule_folders != ():
        return engine_for(options.rule_folders)
    return _engine(options.rule_folders, options.selection)


def check_source(source: SourceText, options: CheckOptions, engine: Engine | None = None) -> FileReport:
    """Check one decoded input and return its report; positions point into the source."""
    engine = engine or engine_for_options(options)
    extracted = extract(source.path, source.text)
    findings = list(_reused(options, ("rules", id(engine), extracted.text), lambda: _run_rules(engine, extracted.text)))
    if options.grammar is not None and extracted.text.strip():
        from cleaner.languagetool import merge_findings

        findings = merge_findings(findings, options.grammar.check(extracted.text))
    findings = extracted.remap(findings)
    readability = _reused(options, ("score", extracted.text), lambda: score(extracted.text)).to_dict() if options.readability else None
    if options.limits is not None:
        findings.extend(readability_findings(readability, options.limits))
    for keep in options.filters:
        findings = keep(source, findings)
    return FileReport(source.path, source.text, tuple(sorted(findings, key=lambda f: f.sort_key)), readability)


def _run_rules(engine: Engine, text: str) -> list[Finding]:
    from cleaner.regex_cache import warm_session

    with warm_session():  # kinds that compile their patterns at the first check reuse stored ones
        return engine.check(Document(text))


def _reused(options: CheckOptions, key: tuple[object, ...], compute: Callable[[], object]) -> object:
    return compute() if options.memo is None else options.memo.get(key, compute)


def read_input(path: str, options: CheckOptions) -> SourceText:
    """Read a file, or standard input under its --stdin-filename."""
    source = read_source(path)
    if path == "-" and options.stdin_filename:
        source = dataclasses.replace(source, path=options.stdin_filename)
    return source


def check_paths(paths: Iterable[str], options: CheckOptions, jobs: int = 1) -> Iterator[FileReport]:
    """Check every file (directories expanded, '-' for stdin), one report each, in order."""
    files = expand_paths(list(paths))
    # A grammar checker holds a live server connection, so it stays in this process.
    if jobs <= 1 or len(files) < 2 or options.grammar is not None:
        engine = engine_for_options(options)
        for path in files:
            yield check_source(read_input(path, options), options, engine)
        return
    stdin = [p for p in files if p == "-"]
    for path in stdin:
        yield check_source(read_input(path, options), options)
    yield from _parallel([p for p in files if p != "-"], options, jobs)


_WORKER_OPTIONS: CheckOptions | None = None


def _init_worker(options: CheckOptions) -> None:
    global _WORKER_OPTIONS  # one options object per worker process, sent once, not per file
    _WORKER_OPTIONS = options


def _check_in_worker(paths: list[str]) -> list[FileReport]:
    assert _WORKER_OPTIONS is not None
    return [check_source(read_input(path, _WORKER_OPTIONS), _WORKER_OPTIONS) for path in paths]


def _batches(files: list[str], jobs: int) -> Iterator[list[str]]:
    """Files in small batches: one task per file costs more in messages than a short article takes."""
    size = max(1, min(MAX_BATCH, len(files) // (jobs * WINDOW_PER_JOB * 2)))
    todo = iter(files)
    while batch := list(itertools.islice(todo, size)):
        yield batch


def _parallel(files: list[str], options: CheckOptions, jobs: int) -> Iterator[FileReport]:
    """Check files in worker processes; yield reports in input order with a bounded window."""
    from concurrent.futures import ProcessPoolExecutor

    # Built here, before the workers fork, so that they inherit the compiled engine and the
    # readability tables instead of each building its own.
    engine_for_options(options)
    if options.readability:
        from cleaner.readability import preload

        preload()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,))
    try:
        todo = _batches(files, jobs)
        pending = deque(pool.submit(_check_in_worker, b) for b in itertools.islice(todo, jobs * WINDOW_PER_JOB))
        while pending:
            reports = pending.popleft().result()
            for batch in itertools.islice(todo, 1):
                pending.append(pool.submit(_check_in_worker, batch))
            yield from reports
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Plan:
    """A configured check run: its options, the rules it reports, and where it reads files."""

    config: EffectiveConfig
    options: CheckOptions
    rules: tuple[Rule, ...]
    root: Path


def plan_run(
    config: EffectiveConfig,
    *,
    file_config: EffectiveConfig | None = None,
    cli_selectors: Mapping[str, Sequence[str]] | None = None,
    baseline: Path | None = None,
    diff_base: str | None = None,
    readability: bool = True,
    stdin_filename: str | None = None,
) -> Plan:
    """Turn an effective configuration into check options: selected rules, limits and filters.

    Selectors from the file (`file_config`) that match no rule are configuration errors
    (exit 3); those from the command line (`cli_selectors`, by option name) are usage errors.
    """
    from cleaner.suppress import BaselineFilter, InlineFilter

    folders = config.rule_folders()
    all_rules = load_rules(folders) if folders else ()
    known = all_rules + READABILITY_RULES
    if file_config is not None:
        validate_config_selectors(file_config, known)
    for option, selectors in (cli_selectors or {}).items():
        validate_cli_selectors(option, selectors, known)
    selection = Selection.from_config(config, all_rules)
    scored = readability and config.readability.enabled
    limits = config.readability if scored and _has_limits(config.readability) else None
    filters: list[FindingFilter] = [selection, InlineFilter(selection.aliases)]
    if baseline is not None:
        filters.append(BaselineFilter.load(baseline))
    if diff_base is not None:
        from cleaner.gitdiff import DiffFilter, changed_lines

        filters.append(DiffFilter(changed_lines(diff_base)))
    rules = selection.rules(all_rules) + (selection.rules(READABILITY_RULES) if limits else ())
    options = CheckOptions(folders, scored, None, tuple(filters), selection, limits, stdin_filename)
    root = config.path.parent.resolve() if config.path else Path.cwd().resolve()
    return Plan(config, options, rules, root)


def _has_limits(limits: ReadabilityConfig) -> bool:
    return any(v is not None for v in (limits.min_flesch_reading_ease, limits.max_flesch_kincaid_grade, limits.max_gunning_fog))
