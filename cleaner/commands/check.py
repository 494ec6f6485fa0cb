"""`cleaner check` and `cleaner score`: options in, reports out; decisions live in the modules."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.config import EffectiveConfig, load_config
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover, extract
from cleaner.readability import FIELDS, label, score
from cleaner.report.stream import formatter_for
from cleaner.runner import check_paths, plan_run
from cleaner.selection import fails
from cleaner.textio import expand_paths, read_source


class OutputFormat(str, Enum):
    """Output formats of `cleaner check`."""

    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class FailOn(str, Enum):
    """The lowest level that makes `cleaner check` exit 1."""

    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


class GrammarMode(str, Enum):
    """Whether to add LanguageTool's findings."""

    off = "off"
    on = "on"
    auto = "auto"


def register(app: typer.Typer) -> None:
    """Add `check` and `score` to the app."""
    app.command("check")(check)
    app.command("score")(score_command)


def _split(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    """Flatten repeatable, comma-separated selector options; None when not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def config_start(paths: List[str], stdin_filename: Optional[str]) -> Path:
    """Return the folder to look for configuration from: the inputs' common folder."""
    named = [p for p in paths if p != "-"] + ([stdin_filename] if stdin_filename and "-" in paths else [])
    if not named:
        return Path.cwd()
    resolved = [Path(p).resolve() for p in named]
    common = Path(os.path.commonpath([str(p) for p in resolved]))
    return common if common.is_dir() else common.parent


def check(
    paths: List[str] = typer.Argument(..., help="Files or folders to check; '-' reads standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching for one."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules: codes, prefixes, names, categories."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules (same selectors as --select)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest level that exits 1 (default: info)."),
    extra_rules: Optional[List[Path]] = typer.Option(None, "--extra-rules", metavar="DIR", help="Also load rule files from DIR."),
    no_builtin_rules: bool = typer.Option(False, "--no-builtin-rules", help="Do not load the built-in rule pack."),
    include: Optional[List[str]] = typer.Option(None, "--include", help="Glob of files to check inside folders."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Glob of files or folders to skip."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name (and kind) of standard input."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline file."),
    write_baseline: bool = typer.Option(False, "--write-baseline", help="Write the current findings to --baseline and exit 0."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", metavar="REV", help="Report only findings on lines changed since REV."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Check files in N processes (output is the same)."),
    grammar: bool = typer.Option(False, "--grammar", help="Add LanguageTool's grammar findings."),
    grammar_mode: Optional[GrammarMode] = typer.Option(
        None, "--grammar-mode", help="on: require LanguageTool; auto: use it when available; off."
    ),
    languagetool_url: Optional[str] = typer.Option(
        None, "--languagetool-url", envvar="CLEANER_LANGUAGETOOL_URL", help="Use a running LanguageTool server."
    ),
    variant: Optional[str] = typer.Option(None, "--variant", help="English variant: en-US (default), en-GB, ..."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Report translation artifacts; exit 1 when a finding is at or above --fail-on."""
    file_config = load_config(config_start(paths, stdin_filename), explicit=config)
    settings = file_config.with_overrides(
        select=_split(select),
        ignore=_split(ignore),
        fail_on=fail_on.value if fail_on else None,
        extra_rules=file_config.extra_rules + tuple(extra_rules) if extra_rules else None,
        builtin_rules=False if no_builtin_rules else None,
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
        baseline=baseline,
        variant=variant,
    )
    if write_baseline and settings.baseline is None:
        raise InputError("--write-baseline needs --baseline FILE (or `baseline` in the configuration)")
    plan = plan_run(
        settings,
        file_config=file_config,
        cli_selectors={"--select": _split(select) or (), "--ignore": _split(ignore) or ()},
        baseline=None if write_baseline else settings.baseline,
        diff_base=diff_base,
        readability=not no_readability,
        stdin_filename=stdin_filename,
    )
    files = discover(paths, plan.root, settings.include, settings.exclude, settings.extensions)
    mode = grammar_mode or (GrammarMode.on if grammar else GrammarMode(settings.languagetool.mode))
    with _grammar_checker(mode, languagetool_url, settings) as checker:
        plan.options.grammar = checker
        reports = check_paths(files, plan.options, jobs)
        if write_baseline:
            _write_baseline(settings.baseline, reports)
            raise typer.Exit(ExitCode.CLEAN)
        use_color = sys.stdout.isatty() if color is None else color
        formatter = formatter_for(output_format.value, sys.stdout, plan.rules, use_color)
        failed = False
        formatter.start()
        for report in reports:
            formatter.handle(report)
            failed = failed or fails(report.findings, settings.fail_on)
        formatter.stop()
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.CLEAN)


def _write_baseline(path: Path, reports) -> None:
    """Record every current finding in the baseline file."""
    from cleaner.suppress import entries_for, write_baseline

    root = path.resolve().parent
    count = write_baseline(path, (entry for report in reports for entry in entries_for(report, root)))
    typer.echo(f"cleaner: wrote {count} finding(s) to {path}", err=True)


class _NoGrammar:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _grammar_checker(mode: GrammarMode, url: Optional[str], settings: EffectiveConfig):
    """Return a context manager yielding a LanguageTool checker, or None when grammar is off."""
    if mode is GrammarMode.off:
        return _NoGrammar()
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
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Print readability scores (Flesch, Flesch-Kincaid, fog, SMOG, Coleman-Liau, ARI, Dale-Chall)."""
    # Markdown and HTML are scored on their prose, as `check` scores them.
    results = [(path, score(extract(path, read_source(path).text).text)) for path in expand_paths(paths)]
    if output_format is OutputFormat.json:
        import json

        payload = {"version": 1, "files": [{"path": p, "readability": r.to_dict()} for p, r in results]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for path, result in results:
        typer.echo(path)
        for name in FIELDS:
            typer.echo(f"  {label(name):<22} {getattr(result, name)}")
