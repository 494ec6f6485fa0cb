"""`cleaner check` and `cleaner score`: options in, reports out; decisions live in the modules."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.config import EffectiveConfig, load_config
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover, extract
from cleaner.readability import score
from cleaner.report import formats
from cleaner.runner import check_paths
from cleaner.selection import fails
from cleaner.textio import distinct_paths, read_source


CheckFormat = formats.choices("check")
ScoreFormat = formats.choices("score")


class GrammarMode(str, Enum):
    """Whether to add LanguageTool's findings."""

    off = "off"
    on = "on"
    auto = "auto"


def register(app: typer.Typer) -> None:
    """Add `check` and `score` to the app."""
    app.command("check")(check)
    app.command("score")(score_command)


def check(
    paths: List[str] = typer.Argument(..., help="Files or folders to check; '-' reads standard input."),
    output_format: CheckFormat = typer.Option("text", "--format", "-f", help="Output format."),
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    fail_on: Optional[shared.FailOn] = shared.FAIL_ON,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
    include: Optional[List[str]] = typer.Option(None, "--include", metavar="GLOB", help="Glob of files to check inside folders."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", metavar="GLOB", help="Glob of files or folders to skip."),
    stdin_filename: Optional[str] = shared.STDIN_FILENAME,
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings not in this baseline file."),
    write_baseline: bool = typer.Option(False, "--write-baseline", help="Write the current findings to --baseline and exit 0."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", metavar="REV", help="Report only findings on lines changed since REV."),
    jobs: int = typer.Option(1, "--jobs", "-j", metavar="N", min=1, help="Check files in N processes (output is the same)."),
    grammar: bool = typer.Option(False, "--grammar", help="Add LanguageTool's grammar findings."),
    grammar_mode: Optional[GrammarMode] = typer.Option(
        None, "--grammar-mode", help="on: require LanguageTool; auto: use it when available; off."
    ),
    languagetool_url: Optional[str] = typer.Option(
        None, "--languagetool-url", metavar="URL", envvar="CLEANER_LANGUAGETOOL_URL", help="Use a running LanguageTool server."
    ),
    variant: Optional[str] = typer.Option(None, "--variant", metavar="VARIANT", help="English variant: en-US (default), en-GB, ..."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Report translation artifacts; exit 1 when a finding is at or above --fail-on."""
    choice = shared.RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    settings, plan = shared.plan_for(
        choice,
        paths,
        stdin_filename,
        readability=not no_readability,
        use_baseline=not write_baseline,
        diff_base=diff_base,
        fail_on=fail_on.value if fail_on else None,
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
            raise typer.Exit(ExitCode.CLEAN)
        use_color = sys.stdout.isatty() if color is None else color
        formatter = formats.formatter_for(output_format.value, sys.stdout, plan.rules, use_color)
        failed = incomplete = False
        formatter.start()
        for report in reports:
            formatter.handle(report)
            failed = failed or fails(report.findings, settings.fail_on)
            incomplete = shared.warn_stopped(report.path, report.stopped, plan.rules) or incomplete
        formatter.stop()
    raise typer.Exit(ExitCode.INCOMPLETE if incomplete else ExitCode.FINDINGS if failed else ExitCode.CLEAN)


def _write_baseline(path: Path, reports) -> None:
    """Record every current finding in the baseline file."""
    from cleaner.suppress import entries_for, write_baseline

    root = path.resolve().parent
    count = write_baseline(path, (entry for report in reports for entry in entries_for(report, root)))
    typer.echo(f"cleaner: wrote {count} finding(s) to {path}", err=True)


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


def score_command(
    paths: List[str] = typer.Argument(..., help="Files or folders to score; '-' reads standard input."),
    output_format: ScoreFormat = typer.Option("text", "--format", "-f", help="Output format."),
    config: Optional[Path] = shared.CONFIG,
    include: Optional[List[str]] = typer.Option(None, "--include", metavar="GLOB", help="Glob of files to score inside folders."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", metavar="GLOB", help="Glob of files or folders to skip."),
    stdin_filename: Optional[str] = shared.STDIN_FILENAME,
) -> None:
    """Print readability scores (Flesch, Flesch-Kincaid, fog, SMOG, Coleman-Liau, ARI, Dale-Chall)."""
    start = shared.config_start(paths, stdin_filename)
    settings = load_config(start, explicit=config).with_overrides(
        include=tuple(include) if include else None, exclude=tuple(exclude) if exclude else None
    )
    root = settings.path.parent.resolve() if settings.path else Path.cwd().resolve()
    files = discover(paths, root, settings.include, settings.exclude, settings.extensions)
    results = []
    for path in files:
        source = read_source(path)
        name = stdin_filename if path == "-" and stdin_filename else source.path
        # Markdown and HTML are scored on their prose, as `check` scores them.
        results.append((name, score(extract(name, source.text).text)))
    typer.echo(formats.module_for(output_format.value, "score").render_scores(results), nl=False)
