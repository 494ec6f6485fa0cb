"""`cleaner batch` and `cleaner batch-report`: archive audits on Dask, and their summary page.

Dask and pyarrow (the `cleaner[batch]` extra) are imported inside the commands only, so
`check` and every other command start without them.
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.errors import ExitCode, InputError

EXTRA_HINT = "cleaner batch needs its optional dependencies: pip install 'cleaner[batch]'"
_GLOB_CHARS = set("*?[")


def register(app: typer.Typer) -> None:
    """Add `batch` and `batch-report` to the app."""
    app.command("batch")(batch)
    app.command("batch-report")(batch_report)


def require_extra() -> None:
    """Fail with one line (exit 2) when dask.distributed or pyarrow is missing."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise InputError(EXTRA_HINT) from None


def expand_globs(sources: List[str]) -> List[str]:
    """Expand glob patterns (`**` crosses folders); keep folders and files as given."""
    out: List[str] = []
    for source in sources:
        if _GLOB_CHARS & set(source) and not Path(source).exists():
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                raise InputError(f"{source}: no file matches")
            out.extend(matches)
        else:
            out.append(source)
    return out


def batch(
    sources: List[str] = typer.Argument(..., help="Folders, globs or files of articles, or JSON Lines/CSV/Parquet tables."),
    output: Path = typer.Option(..., "--output", "-o", metavar="DIR", help="Write the Parquet tables to DIR."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS", envvar="DASK_SCHEDULER_ADDRESS", help="Use this Dask scheduler."
    ),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Local cluster size (default: one per core)."),
    partition_size: int = typer.Option(200, "--partition-size", min=1, help="Articles per partition (a unit of resume)."),
    id_column: str = typer.Option("id", "--id-column", help="Tables: the column with the article id."),
    text_column: str = typer.Option("text", "--text-column", help="Tables: the column with the article text."),
    date_column: str = typer.Option("date", "--date-column", help="Tables: the publication date column, if any."),
    max_bytes: int = typer.Option(2_000_000, "--max-bytes", min=1, help="Larger articles become error rows."),
    restart: bool = typer.Option(False, "--restart", help="Discard the results in DIR and start afresh."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show progress (default: on)."),
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
) -> None:
    """Audit an archive on Dask; write findings and per-article tables; a rerun resumes."""
    require_extra()
    from cleaner.batch.driver import BatchRequest, audit

    paths = expand_globs(sources)
    choice = shared.RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    settings, plan = shared.plan_for(choice, paths, None, readability=not no_readability)
    request = BatchRequest(
        paths=paths, output=output, scheduler=scheduler, workers=workers, partition_size=partition_size,
        columns=(id_column, text_column, date_column), max_bytes=max_bytes, restart=restart,
        show_progress=progress is not False,
    )
    audit(request, settings, plan, sys.stderr)
    raise typer.Exit(ExitCode.CLEAN)


def batch_report(
    folder: Path = typer.Argument(..., metavar="DIR", help="The output folder of `cleaner batch`."),
    output: str = typer.Option("archive.html", "--output", "-o", metavar="FILE", help="Write the page to FILE."),
    title: str = typer.Option("cleaner archive audit", "--title", help="The page's title."),
    top: int = typer.Option(50, "--top", min=1, help="How many of the worst articles to list."),
) -> None:
    """Write a self-contained HTML summary of a batch: worst articles, rules, readability, time."""
    require_extra()
    from cleaner.batch.summary import gather
    from cleaner.report.html_batch import render
    from cleaner.atomic import write_atomic

    summary = gather(folder, top)
    data = render(summary, title).encode("utf-8")
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"cleaner: wrote {output}: {summary.articles:,} article(s), {summary.findings:,} finding(s)", err=True)
    raise typer.Exit(ExitCode.CLEAN)
