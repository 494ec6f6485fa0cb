"""The `cleaner` command line: typer wiring only; the work happens in the engine modules."""

from __future__ import annotations

import errno
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


# Writing the report failed: the output's disk is full, the device errs, or stdout is gone.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EROFS})


def main() -> None:
    """Console entry point: run the app; turn known errors into one line and an exit code."""
    if sys.stdout is None:  # started with stdout closed (`cleaner check a.txt >&-`)
        if sys.stderr is not None:
            print("cleaner: error: standard output is closed; redirect it to a file or /dev/null", file=sys.stderr)
        sys.exit(ExitCode.USAGE)
    argv = _normalise_argv(sys.argv[1:])
    try:
        try:
            # Standalone mode: click itself reports usage errors (exit 2) and honours typer.Exit.
            app(args=argv, prog_name="cleaner", standalone_mode=True)
        finally:
            sys.stdout.flush()  # here, not at interpreter exit, so a failure still gets a clear line
    except BrokenPipeError:
        _quiet_broken_pipe()
    except SystemExit as exc:
        # click turns a broken pipe into a quiet exit 1, which reads as "findings": say 141 instead.
        if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _quiet_broken_pipe()
        raise
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            _internal_error(exc)
        _drop_stdout()
        typer.echo(f"cleaner: error: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(ExitCode.USAGE)
    except CleanerError as exc:
        typer.echo(f"cleaner: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("cleaner: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        _internal_error(exc)


def _internal_error(exc: BaseException) -> None:
    if os.environ.get("CLEANER_DEBUG"):
        raise exc
    typer.echo(f"cleaner: internal error: {type(exc).__name__}: {exc} (set CLEANER_DEBUG=1 for details)", err=True)
    sys.exit(ExitCode.INTERNAL)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _quiet_broken_pipe() -> None:
    """The reader went away (`cleaner check ... | head`): stop quietly, as other command-line tools do."""
    _drop_stdout()
    sys.exit(ExitCode.BROKEN_PIPE)


if __name__ == "__main__":  # pragma: no cover
    main()
