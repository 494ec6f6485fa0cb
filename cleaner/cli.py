"""The `cleaner` command line: typer wiring only; the work happens in the engine modules."""

from __future__ import annotations

import os
import sys

import typer

from cleaner.commands import batch as batch_cmd
from cleaner.commands import check as check_cmd
from cleaner.commands import config as config_cmd
from cleaner.commands import fix as fix_cmd
from cleaner.commands import report as report_cmd
from cleaner.commands import review as review_cmd
from cleaner.commands import rules as rules_cmd
from cleaner.errors import CleanerError, ExitCode

app = typer.Typer(
    name="cleaner",
    help="Find and fix the damage machine translation leaves in English articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and errors, like ruff's: no boxes, readable when piped
)
check_cmd.register(app)
fix_cmd.register(app)
review_cmd.register(app)
rules_cmd.register(app)
config_cmd.register(app)
report_cmd.register(app)
batch_cmd.register(app)

try:  # sub-apps that may be missing in a partial checkout are simply not offered
    from cleaner.commands.languagetool import app as languagetool_app

    app.add_typer(languagetool_app, name="languagetool")
except ImportError:  # pragma: no cover
    pass

_GRAMMAR_MODES = ("on", "off", "auto")


def _normalise_argv(argv: list[str]) -> list[str]:
    """Let `--grammar auto` work while a bare `--grammar` stays a flag before a path."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--grammar" and i + 1 < len(argv) and argv[i + 1] in _GRAMMAR_MODES:
            out.append(f"--grammar-mode={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def main() -> None:
    """Console entry point: run the app; turn known errors into one line and an exit code."""
    argv = _normalise_argv(sys.argv[1:])
    try:
        # Standalone mode: click itself reports usage errors (exit 2) and honours typer.Exit.
        app(args=argv, prog_name="cleaner", standalone_mode=True)
    except CleanerError as exc:
        typer.echo(f"cleaner: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("cleaner: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("CLEANER_DEBUG"):
            raise
        typer.echo(f"cleaner: internal error: {type(exc).__name__}: {exc} (set CLEANER_DEBUG=1 for details)", err=True)
        sys.exit(ExitCode.INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
