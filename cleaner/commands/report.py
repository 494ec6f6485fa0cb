"""`cleaner report`: write the self-contained HTML review page for one or more articles.

The page shows findings in place, the changes of `fix` (safe) and `fix --unsafe-fixes`
(unsafe) side by side, and readability before and after. It is a report, not a gate:
the command exits 0 once the page is written, whatever it found (2 on a usage or input error).
"""

from __future__ import annotations

import dataclasses

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover
from cleaner.atomic import write_output
from cleaner.textio import distinct_paths


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command("report")(report)


def report(
    paths: List[str] = typer.Argument(..., help="Files or folders to report on; '-' reads standard input."),
    output: str = typer.Option("report.html", "--output", "-o", metavar="FILE", help="Write the page to FILE ('-': stdout)."),
    title: str = typer.Option("cleaner review", "--title", help="The page's title."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
    stdin_filename: Optional[str] = shared.STDIN_FILENAME,
) -> None:
    """Write an HTML review page: findings in place, fixes side by side, readability; exit 0 once written."""
    from cleaner.report import html as html_report  # imported here: other commands never need it
    from cleaner.reviewpage import gather

    if output != "-":
        target = Path(output)
        if target.is_dir():
            raise InputError(f"{output}: is a directory")
        if not target.resolve().parent.is_dir():
            raise InputError(f"{output}: folder does not exist")
    choice = shared.RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    settings, plan = shared.plan_for(choice, paths, stdin_filename, readability=not no_readability)
    from cleaner.runner import ResultMemo

    # The check and both fix runs start from the same text: check it once.
    options = dataclasses.replace(plan.options, memo=ResultMemo())
    files = distinct_paths(discover(paths, plan.root, settings.include, settings.exclude, settings.extensions))
    gathered = gather(files, options, plan.rules, title)
    # Encoded and written piece by piece: the page of a long article is never held whole.
    data = (piece.encode("utf-8") for piece in html_report.render_chunks(gathered))
    if output == "-":
        sys.stdout.flush()
        for piece in data:
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        raise typer.Exit(ExitCode.INCOMPLETE if _warn_stopped(gathered, plan.rules) else ExitCode.CLEAN)
    try:
        write_output(output, data)
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    count = sum(len(item.report.findings) for item in gathered.files)
    typer.echo(f"cleaner: wrote {output}: {count} finding(s) in {len(files)} file(s)", err=True)
    raise typer.Exit(ExitCode.INCOMPLETE if _warn_stopped(gathered, plan.rules) else ExitCode.CLEAN)


def _warn_stopped(gathered, rules) -> bool:
    """Name the rules stopped for running past their time budget, per file; True when any was."""
    warned = False
    for item in gathered.files:
        codes = sorted({*item.report.stopped, *item.safe.stopped, *item.unsafe.stopped})
        warned = shared.warn_stopped(item.report.path, codes, rules) or warned
    return warned
