"""`cleaner check` and `cleaner score`."""

from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from cleaner.errors import ExitCode
from cleaner.readability import FIELDS, label, score
from cleaner.report import json as json_report
from cleaner.report import text as text_report
from cleaner.runner import CheckOptions, check_paths
from cleaner.textio import expand_paths, read_source


class OutputFormat(str, Enum):
    """Output formats of `cleaner check`."""

    text = "text"
    json = "json"


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
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format."),
    grammar: bool = typer.Option(False, "--grammar", help="Add LanguageTool's grammar findings."),
    grammar_mode: Optional[GrammarMode] = typer.Option(
        None, "--grammar-mode", help="on: require LanguageTool; auto: use it when available; off."
    ),
    languagetool_url: Optional[str] = typer.Option(
        None, "--languagetool-url", envvar="CLEANER_LANGUAGETOOL_URL", help="Use a running LanguageTool server."
    ),
    variant: str = typer.Option("en-US", "--variant", help="English variant for LanguageTool (en-US, en-GB, ...)."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Report translation artifacts; exit 1 when there are findings."""
    mode = grammar_mode or (GrammarMode.on if grammar else GrammarMode.off)
    options = CheckOptions(readability=not no_readability)
    use_color = sys.stdout.isatty() if color is None else color
    with _grammar_checker(mode, languagetool_url, variant) as checker:
        options.grammar = checker
        reports = list(check_paths(paths, options))
    if output_format is OutputFormat.json:
        typer.echo(json_report.render(reports), nl=False)
    else:
        typer.echo(text_report.render(reports, color=use_color), nl=False)
    raise typer.Exit(ExitCode.FINDINGS if any(r.findings for r in reports) else ExitCode.CLEAN)


class _NoGrammar:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _grammar_checker(mode: GrammarMode, url: Optional[str], variant: str):
    """Return a context manager yielding a LanguageTool checker, or None when grammar is off."""
    if mode is GrammarMode.off:
        return _NoGrammar()
    from cleaner.languagetool import GrammarChecker, GrammarOptions

    return GrammarChecker(GrammarOptions(mode=mode.value, url=url, variant=variant))


def score_command(
    paths: List[str] = typer.Argument(..., help="Files or folders to score; '-' reads standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Print readability scores (Flesch, Flesch-Kincaid, fog, SMOG, Coleman-Liau, ARI, Dale-Chall)."""
    results = [(path, score(read_source(path).text)) for path in expand_paths(paths)]
    if output_format is OutputFormat.json:
        import json

        payload = {"version": 1, "files": [{"path": p, "readability": r.to_dict()} for p, r in results]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for path, result in results:
        typer.echo(path)
        for name in FIELDS:
            typer.echo(f"  {label(name):<22} {getattr(result, name)}")
