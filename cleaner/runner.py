"""Check many inputs: read, extract the prose, run the engine, score readability, filter.

Files are checked one by one, or by a pool of worker processes (`jobs`); either way the
reports come back one at a time in path order, so output is identical and memory is flat.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Protocol, Sequence

from cleaner.config import EffectiveConfig
from cleaner.document import Document
from cleaner.engine import Engine, EngineResult, compiled
from cleaner.inputs import extract
from cleaner.kinds import kind_for
from cleaner.loader import load_rules
from cleaner.model import FileReport, Finding, Rule, Safety
from cleaner.readability import score
from cleaner.selection import Selection, validate_cli_selectors, validate_config_selectors
from cleaner.protected import keep_prose
from cleaner.textio import DEFAULT_MAX_BYTES, SourceText, normalize_newlines, read_source

if TYPE_CHECKING:  # the fixer is loaded by the commands that fix, not by `check`
    from cleaner.fixer import FixResult

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
        self._document: Document | None = None  # the last text's, shared by the rule subsets of a fix run
        self.units: object | None = None  # line-local rules' findings per paragraph (cleaner.incremental)

    def document(self, text: str) -> Document:
        """Return the Document of `text`, reusing the last one (and what its rules cached) when the text is the same."""
        if self._document is None or self._document.text != text:
            from cleaner.incremental import seed

            previous, self._document = self._document, Document(text)
            if previous is not None:  # a fix pass's text: most paragraphs are the last text's
                seed(self._document, previous)
        return self._document

    def clear(self) -> None:
        """Forget every text: the next text checked shares nothing with the last."""
        self._results.clear()
        self._document = None
        self.units = None

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


class GrammarCheck(Protocol):
    """What a check run needs from a grammar checker (cleaner.languagetool.GrammarChecker, entered)."""

    def check(self, text: str) -> list[Finding]:
        """Return the grammar findings of a text."""


@dataclass(frozen=True)
class CheckOptions:
    """What a check run does: which rules, whether it scores readability, grammar, and filters."""

    rules: tuple[Rule, ...] | None = None  # selected and configured; None: the built-in pack as it is
    readability: bool = True
    grammar: GrammarCheck | None = None
    filters: tuple[FindingFilter, ...] = ()
    stdin_filename: str | None = None  # the name standard input is reported (and configured) as
    max_bytes: int = DEFAULT_MAX_BYTES  # inputs larger than this are refused (`max-file-size`)
    memo: ResultMemo | None = field(default=None, compare=False, repr=False)  # reuse across checks of one text


def engine_for_options(options: CheckOptions) -> Engine:
    """Return the compiled engine of the options' rules (built once per process per rule set)."""
    return compiled(options.rules if options.rules is not None else load_rules())


def check_source(source: SourceText, options: CheckOptions, engine: Engine | None = None) -> FileReport:
    """Check one decoded input and return its report; positions point into the source.

    Lone CRs count as line breaks (replaced by LF one for one, so offsets do not move).
    """
    engine = engine or engine_for_options(options)
    source = dataclasses.replace(source, text=normalize_newlines(source.text))
    extracted = extract(source.path, source.text)
    result: EngineResult = _reused(
        options, ("rules", id(engine), extracted.text), lambda: _run_rules(engine, extracted.text, options.memo)
    )
    findings = list(result.findings)
    if options.grammar is not None and extracted.text.strip():
        from cleaner.languagetool import merge_findings

        # No rule, LanguageTool's included, may flag inside URLs, addresses, paths or code.
        findings = merge_findings(findings, keep_prose(extracted.text, options.grammar.check(extracted.text)))
    findings = extracted.remap(findings)
    readability = (
        _reused(options, ("score", extracted.text), lambda: score(extracted.text)).to_dict() if options.readability else None
    )
    for keep in options.filters:
        findings = keep(source, findings)
    findings = sorted(findings, key=lambda f: f.sort_key)
    return FileReport(source.path, source.text, tuple(findings), readability, stopped=result.stopped)


def _run_rules(engine: Engine, text: str, memo: ResultMemo | None = None) -> EngineResult:
    from cleaner.regex_cache import warm_session

    with warm_session():  # kinds that compile their patterns at the first check reuse stored ones
        if memo is None:
            return engine.run(Document(text))
        from cleaner import incremental

        # Texts checked through a memo are a fix run's passes: re-check only the paragraphs they changed.
        memo.units = memo.units or incremental.UnitFindings()
        return incremental.run(engine, memo.document(text), memo.units)  # type: ignore[arg-type]


def _reused(options: CheckOptions, key: tuple[object, ...], compute: Callable[[], object]) -> object:
    return compute() if options.memo is None else options.memo.get(key, compute)


def fix_source(
    source: SourceText, allowed: frozenset[Safety], options: CheckOptions | None = None,
    first: FileReport | None = None, remaining: bool = True,
) -> "FixResult":
    """Fix one decoded input with the same rules, filters and suppressions `check` uses.

    `first`, the caller's own check of `source` with these options, is reused instead of checked again.
    With `remaining` False the result's `remaining` is left empty: the rules that cannot fix never
    run on the fixed text (for a caller that shows only the fixes).
    """
    from cleaner.fixer import fix_text
    from cleaner.fix_checks import PassChecks

    # Findings only: no scores and no grammar server on every pass.
    options = options or CheckOptions()
    quiet = dataclasses.replace(options, readability=False, grammar=None, memo=options.memo or ResultMemo())
    checks = PassChecks(source, quiet, engine_for_options(quiet), allowed, first)
    result = fix_text(source.text, checks.fixable, allowed, finish=checks.complete if remaining else _nothing_left)
    return dataclasses.replace(result, stopped=tuple(sorted(checks.stopped))) if checks.stopped else result


def _nothing_left(_text: str, _fixable: list[Finding]) -> list[Finding]:
    return []


def read_input(path: str, options: CheckOptions) -> SourceText:
    """Read a file, or standard input under its --stdin-filename."""
    source = read_source(path, options.max_bytes)
    if path == "-" and options.stdin_filename:
        source = dataclasses.replace(source, path=options.stdin_filename)
    return source


def check_paths(paths: Iterable[str], options: CheckOptions, jobs: int = 1) -> Iterator[FileReport]:
    """Check every file ('-' for stdin; folders are expanded by `inputs.discover`), one report each, in order."""
    files = list(paths)
    jobs = worker_count(jobs, len(files))
    # A grammar checker holds a live server connection, so it stays in this process.
    if jobs <= 1 or options.grammar is not None:
        engine = engine_for_options(options)
        for path in files:
            yield check_source(read_input(path, options), options, engine)
        return
    stdin = [p for p in files if p == "-"]
    for path in stdin:
        yield check_source(read_input(path, options), options)
    yield from _parallel([p for p in files if p != "-"], options, jobs)


def worker_count(jobs: int, files: int) -> int:
    """Cap --jobs at the number of files and of CPUs: more workers only cost memory and start-up."""
    return max(1, min(jobs, files, os.cpu_count() or 1))


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
    inputs_folder: Path | None = None,
) -> Plan:
    """Turn an effective configuration into check options: selected rules, limits and filters.

    Selectors from the file (`file_config`) that match no rule are configuration errors
    (exit 3); those from the command line (`cli_selectors`, by option name) are usage errors.
    """
    from cleaner.suppress import BaselineFilter, InlineFilter

    folders = config.rule_folders()
    all_rules = load_rules(folders) if folders else ()
    if config.extra_rules:
        from cleaner.selftest import check_team_rules

        check_team_rules(all_rules)
    if file_config is not None:
        validate_config_selectors(file_config, all_rules)
    for option, selectors in (cli_selectors or {}).items():
        validate_cli_selectors(option, selectors, all_rules)
    selection = Selection.from_config(config, all_rules)
    if not (readability and config.readability.enabled):
        config = dataclasses.replace(config, readability=dataclasses.replace(config.readability, enabled=False))
    filters: list[FindingFilter] = [selection, InlineFilter(selection.aliases, tuple(all_rules))]
    if baseline is not None:
        filters.append(BaselineFilter.load(baseline))
    if diff_base is not None:
        from cleaner.gitdiff import DiffFilter, changed_lines

        filters.append(DiffFilter(changed_lines(diff_base, inputs_folder)))  # the inputs' repository
    rules = selection.rules(configure(rule, config) for rule in all_rules)
    options = CheckOptions(rules, config.readability.enabled, None, tuple(filters), stdin_filename, config.max_file_size)
    root = config.path.parent.resolve() if config.path else Path.cwd().resolve()
    return Plan(config, options, rules, root)


def configure(rule: Rule, config: EffectiveConfig) -> Rule:
    """Let the rule's kind take options from the run's configuration (a readability limit, say)."""
    kind = kind_for(rule.kind)
    hook = getattr(kind, "configure", None)
    return hook(rule, config) if hook is not None else rule
