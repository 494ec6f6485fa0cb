"""The work of `cleaner check`, without the command-line library: options in, reports out, an exit code back.

`cleaner.commands.check` declares the typer options and calls `run_check`; the console entry point
calls it directly for the common `cleaner check FILE...` (no options), so that a check in a
pre-commit hook or an editor does not pay for importing typer and building every command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

from cleaner.commands._plan import RuleChoice, plan_for, warn_stopped
from cleaner.config import EffectiveConfig
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover
from cleaner.report import formats
from cleaner.runner import check_paths
from cleaner.selection import fails
from cleaner.textio import distinct_paths


class GrammarMode(str, Enum):
    """Whether to add LanguageTool's findings."""

    off = "off"
    on = "on"
    auto = "auto"


def run_check(
    paths: List[str],
    *,
    output_format: str = "text",
    config: Optional[Path] = None,
    select: Optional[List[str]] = None,
    ignore: Optional[List[str]] = None,
    fail_on: Optional[str] = None,
    extra_rules: Optional[List[Path]] = None,
    no_builtin_rules: bool = False,
    include: Optional[List[str]] = None,
    exclude: Optional[List[str]] = None,
    stdin_filename: Optional[str] = None,
    baseline: Optional[Path] = None,
    write_baseline: bool = False,
    diff_base: Optional[str] = None,
    jobs: int = 1,
    grammar: bool = False,
    grammar_mode: Optional[GrammarMode] = None,
    languagetool_url: Optional[str] = None,
    variant: Optional[str] = None,
    no_readability: bool = False,
    color: Optional[bool] = None,
) -> int:
    """Check the inputs, write the chosen format to standard output, and return the exit code."""
    choice = RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    settings, plan = plan_for(
        choice,
        paths,
        stdin_filename,
        readability=not no_readability,
        use_baseline=not write_baseline,
        diff_base=diff_base,
        fail_on=fail_on,
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
        baseline=baseline,
        variant=variant,
    )
    if write_baseline and settings.baseline is None:
        raise InputError("--write-baseline needs --baseline FILE (or `baseline` in the configuration)")
    files = distinct_paths(discover(paths, plan.root, settings.include, settings.exclude, settings.extensions))
    mode = grammar_mode or (GrammarMode.on if grammar else GrammarMode(settings.languagetool.mode))
    with _grammar_checker(mode, languagetool_url, settings) as checker:
        reports = check_paths(files, dataclasses.replace(plan.options, grammar=checker), jobs)
        if write_baseline:
            _write_baseline(settings.baseline, reports)
            return ExitCode.CLEAN
        use_color = sys.stdout.isatty() if color is None else color
        formatter = formats.formatter_for(output_format, sys.stdout, plan.rules, use_color)
        failed = incomplete = False
        formatter.start()
        for report in reports:
            formatter.handle(report)
            failed = failed or fails(report.findings, settings.fail_on)
            incomplete = warn_stopped(report.path, report.stopped, plan.rules) or incomplete
        formatter.stop()
    return ExitCode.INCOMPLETE if incomplete else ExitCode.FINDINGS if failed else ExitCode.CLEAN


def _write_baseline(path: Path, reports) -> None:
    """Record every current finding in the baseline file."""
    from cleaner.suppress import entries_for, write_baseline

    root = path.resolve().parent
    count = write_baseline(path, (entry for report in reports for entry in entries_for(report, root)))
    print(f"cleaner: wrote {count} finding(s) to {path}", file=sys.stderr, flush=True)


def _grammar_checker(mode: GrammarMode, url: Optional[str], settings: EffectiveConfig):
    """Return a context manager yielding a LanguageTool checker, or None when grammar is off."""
    if mode is GrammarMode.off:
        return contextlib.nullcontext()
    from cleaner.languagetool import GrammarChecker, GrammarOptions

    lt = settings.languagetool
    return GrammarChecker(
        GrammarOptions(
            mode=mode.value,
            url=url or lt.url,
            variant=settings.variant,
            disabled_rules=lt.disabled_rules,
            enabled_rules=lt.enabled_rules,
            allow_fix_rules=lt.allow_fix_rules,
            max_memory=lt.max_memory,
            timeout=lt.timeout,
        )
    )
