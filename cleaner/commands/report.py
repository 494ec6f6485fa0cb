"""`cleaner report`: write the self-contained HTML review page for one or more articles.

The page shows findings in place, the changes of `fix` (safe) and `fix --unsafe-fixes`
(unsafe) side by side, and readability before and after. It is a report, not a gate:
the command exits 0 once the page is written, whatever it found (2 on a usage or input error).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands.check import config_start
from cleaner.config import load_config
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover
from cleaner.report import html as html_report
from cleaner.reviewpage import gather
from cleaner.runner import plan_run
from cleaner.textio import write_atomic


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command("report")(report)


def _split(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def report(
    paths: List[str] = typer.Argument(..., help="Files or folders to report on; '-' reads standard input."),
    output: str = typer.Option("report.html", "--output", "-o", metavar="FILE", help="Write the page to FILE ('-': stdout)."),
    title: str = typer.Option("cleaner review", "--title", help="The page's title."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching for one."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules: codes, prefixes, names, categories."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules (same selectors as --select)."),
    extra_rules: Optional[List[Path]] = typer.Option(None, "--extra-rules", metavar="DIR", help="Also load rule files from DIR."),
    no_builtin_rules: bool = typer.Option(False, "--no-builtin-rules", help="Do not load the built-in rule pack."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name (and kind) of standard input."),
) -> None:
    """Write an HTML review page: findings in place, fixes side by side, readability; exit 0 once written."""
    if output != "-":
        target = Path(output)
        if target.is_dir():
            raise InputError(f"{output}: is a directory")
        if not target.resolve().parent.is_dir():
            raise InputError(f"{output}: folder does not exist")
    file_config = load_config(config_start(paths, stdin_filename), explicit=config)
    settings = file_config.with_overrides(
        select=_split(select),
        ignore=_split(ignore),
        extra_rules=file_config.extra_rules + tuple(extra_rules) if extra_rules else None,
        builtin_rules=False if no_builtin_rules else None,
    )
    plan = plan_run(
        settings,
        file_config=file_config,
        cli_selectors={"--select": _split(select) or (), "--ignore": _split(ignore) or ()},
        baseline=settings.baseline,
        readability=not no_readability,
        stdin_filename=stdin_filename,
    )
    files = discover(paths, plan.root, settings.include, settings.exclude, settings.extensions)
    gathered = gather(files, plan.options, plan.rules, title)
    data = html_report.render(gathered).encode("utf-8")
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        raise typer.Exit(ExitCode.CLEAN)
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    count = sum(len(item.report.findings) for item in gathered.files)
    typer.echo(f"cleaner: wrote {output}: {count} finding(s) in {len(files)} file(s)", err=True)
    raise typer.Exit(ExitCode.CLEAN)
