"""`cleaner check` and `cleaner score`: options in, reports out; decisions live in the modules."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.commands.check_run import GrammarMode, run_check
from cleaner.config import load_config
from cleaner.inputs import discover, extract
from cleaner.readability import score
from cleaner.report import formats
from cleaner.textio import read_source


CheckFormat = formats.choices("check")
ScoreFormat = formats.choices("score")


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
    """Report translation artifacts; exit 1 when a finding is at or above --fail-on.

    While a check server runs (`cleaner server start`, or CLEANER_SERVER=auto) the check runs in
    it, with the same output and exit code and a start of milliseconds; CLEANER_SERVER=off never uses one.
    """
    code = run_check(
        paths,
        output_format=output_format.value,
        config=config,
        select=select,
        ignore=ignore,
        fail_on=fail_on.value if fail_on else None,
        extra_rules=extra_rules,
        no_builtin_rules=no_builtin_rules,
        include=include,
        exclude=exclude,
        stdin_filename=stdin_filename,
        baseline=baseline,
        write_baseline=write_baseline,
        diff_base=diff_base,
        jobs=jobs,
        grammar=grammar,
        grammar_mode=grammar_mode,
        languagetool_url=languagetool_url,
        variant=variant,
        no_readability=no_readability,
        color=color,
    )
    raise typer.Exit(code)


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
