"""The `cleaner` command line: typer wiring only; the work happens in the engine modules."""

from __future__ import annotations

import errno
import gc
import os
import sys
from typing import Any, Callable, Optional

from cleaner.errors import CleanerError, ExitCode

_GRAMMAR_MODES = ("on", "off", "auto")


def build_app() -> Any:
    """The typer app with every command (built on demand: a plain `cleaner check FILE` does not need it)."""
    import typer

    from cleaner.commands import batch as batch_cmd
    from cleaner.commands import check as check_cmd
    from cleaner.commands import config as config_cmd
    from cleaner.commands import fix as fix_cmd
    from cleaner.commands import report as report_cmd
    from cleaner.commands import review as review_cmd
    from cleaner.commands import rules as rules_cmd

    app = typer.Typer(
        name="cleaner",
        help="Find and fix the damage machine translation leaves in English articles.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help and errors, like ruff's: no boxes, readable when piped
    )
    for command in (check_cmd, fix_cmd, review_cmd, rules_cmd, config_cmd, report_cmd, batch_cmd):
        command.register(app)
    try:  # sub-apps that may be missing in a partial checkout are simply not offered
        from cleaner.commands.languagetool import app as languagetool_app

        app.add_typer(languagetool_app, name="languagetool")
    except ImportError:  # pragma: no cover
        pass
    from cleaner.commands.server import app as server_app

    app.add_typer(server_app, name="server")
    return app


def __getattr__(name: str) -> Any:
    """`cleaner.cli.app`, built at first use (PEP 562)."""
    if name == "app":
        app = globals()["app"] = build_app()
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


# Options a check can take without typer: flags (run_check keyword, value) and options with a value.
_PLAIN_FLAGS = {"--no-readability": ("no_readability", True), "--color": ("color", True), "--no-color": ("color", False)}
_PLAIN_VALUES = {"--format": "output_format", "-f": "output_format"}


def _plain_check(argv: list[str]) -> Optional[Callable[[], int]]:
    """The check to run for `cleaner check FILE...` with at most --format, --no-readability and --color, or None.

    Such a check needs no option parsing library, so it runs without typer (about 0.1 s of CPU):
    the same `run_check` the typer command calls, with those options and every other at its
    default. Anything else (another option, '-', help, an option given twice, a format `check`
    cannot write, an environment variable an option reads, shell completion) goes through typer,
    which also reports the usage errors.
    """
    if len(argv) < 2 or argv[0] != "check":
        return None
    if os.environ.get("CLEANER_LANGUAGETOOL_URL") is not None or "_CLEANER_COMPLETE" in os.environ:
        return None
    parsed = _plain_options(argv[1:])
    if parsed is None:
        return None
    paths, options = parsed
    return lambda: _run_plain_check(paths, options)


def _run_plain_check(paths: list[str], options: dict[str, Any]) -> int:
    """Import and run the check in one pattern session: the patterns modules compile as they load come from the cache
    too, and so do the methods their dataclasses generate (cleaner.code_cache)."""
    from cleaner import code_cache
    from cleaner.regex_cache import CHECK, warm_session

    with warm_session(CHECK), code_cache.session():
        from cleaner.commands.check_run import run_check

        return run_check(paths, **options)


def _plain_options(args: list[str]) -> Optional[tuple[list[str], dict[str, Any]]]:
    """(paths, run_check keywords) of a command line `_plain_check` can run, else None."""
    paths: list[str] = []
    options: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg and not arg.startswith("-"):
            paths.append(arg)
            i += 1
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _PLAIN_FLAGS and not equals:
            key, setting = _PLAIN_FLAGS[name]
        elif name in _PLAIN_VALUES and (equals or i + 1 < len(args)):
            if not equals:
                i += 1
                value = args[i]
            if not _check_format(value):
                return None
            key, setting = _PLAIN_VALUES[name], value
        else:
            return None
        if key in options:
            return None  # given twice: typer decides which one counts
        options[key] = setting
        i += 1
    return (paths, options) if paths else None


def _check_format(name: str) -> bool:
    """True when `cleaner check` writes format `name` (loading only that format's module)."""
    from cleaner.report import formats

    try:
        formats.module_for(name, "check")
    except ValueError:
        return False
    return True


# Writing the report failed: the output's disk is full, the device errs, or stdout is gone.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EROFS})


def entry() -> None:
    """The `cleaner` console script: a warm check server's run when one takes it, else `run_in_process`."""
    # First, before any heavy import: a `cleaner check` a warm server can run costs the client a
    # few milliseconds (cleaner.server); without a server this costs one stat and falls through.
    if len(sys.argv) > 2 and sys.argv[1] == "check" and os.name == "posix":
        try:
            from cleaner.server.client import run as run_in_server
        except ImportError:  # pragma: no cover - a partial install: the server can never make a check fail
            run_in_server = lambda argv: None  # noqa: E731
        code = run_in_server(sys.argv)
        if code is not None:
            sys.stderr.flush()
            os._exit(code)
    run_in_process()


def run_in_process() -> None:
    """The console script's own run: `main`, ending a plain check without tearing down the heap."""
    # A check allocates long-lived tables, patterns and acyclic tuples; at the default threshold
    # (700 allocations) the cycle collector runs hundreds of times while they load, for nothing.
    # A 5 KB article's whole check makes about 60,000: at 50,000 the one collection it triggered
    # (all of them young) cost 12 ms, a twentieth of the check; larger texts collect as often per object.
    gc.set_threshold(150_000, 20, 20)
    main(fast_exit=True)


def main(fast_exit: bool = False) -> None:
    """Console entry point: run the app; turn known errors into one line and an exit code."""
    if sys.stdout is None:  # started with stdout closed (`cleaner check a.txt >&-`)
        if sys.stderr is not None:
            print("cleaner: error: standard output is closed; redirect it to a file or /dev/null", file=sys.stderr)
        sys.exit(ExitCode.USAGE)
    argv = _normalise_argv(sys.argv[1:])
    try:
        try:
            plain = _plain_check(argv)
            if plain is not None:
                code = plain()  # a plain check: the typer command's work, without typer
            else:
                # Standalone mode: click itself reports usage errors (exit 2) and honours typer.Exit.
                build_app()(args=argv, prog_name="cleaner", standalone_mode=True)
                code = ExitCode.CLEAN  # not reached: standalone mode always exits
        finally:
            sys.stdout.flush()  # here, not at interpreter exit, so a failure still gets a clear line
        if fast_exit:
            _leave(code)
        sys.exit(code)
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
        _error(f"cleaner: error: cannot write the output: {exc.strerror or exc}")
        sys.exit(ExitCode.USAGE)
    except CleanerError as exc:
        _error(f"cleaner: error: {exc}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _error("cleaner: interrupted")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        _internal_error(exc)


def _internal_error(exc: BaseException) -> None:
    if os.environ.get("CLEANER_DEBUG"):
        raise exc
    _error(f"cleaner: internal error: {type(exc).__name__}: {exc} (set CLEANER_DEBUG=1 for details)")
    sys.exit(ExitCode.INTERNAL)


# Modules that register work for interpreter exit (handler flushes, worker and server shutdown).
_EXIT_HANDLER_MODULES = ("logging", "multiprocessing", "concurrent.futures", "cleaner.languagetool.server")


def _leave(code: int) -> None:
    """End a plain check at once (its output already flushed), when nothing is registered to run at exit.

    Freeing a check's word tables, patterns and modules object by object takes about 25 ms at
    exit, a tenth of checking an article; the operating system reclaims the memory at once.
    """
    if any(name in sys.modules for name in _EXIT_HANDLER_MODULES):
        return  # let the interpreter run them: the caller exits normally
    try:
        sys.stderr.flush()
    except OSError:
        return  # the normal exit reports it
    os._exit(code)


def _error(message: str) -> None:
    """One line on standard error."""
    print(message, file=sys.stderr, flush=True)


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
