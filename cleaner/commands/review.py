"""`cleaner review`: walk through one article's findings like `git add -p` and decide each.

It uses the configuration, rule selection and inline suppressions `cleaner check` uses, so a
finding that `check` would not report is never offered.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.commands._shared import RuleChoice, source_diff, write_file
from cleaner.errors import InputError
from cleaner.runner import check_source, read_input
from cleaner.textio import encode


def register(app: typer.Typer) -> None:
    """Add `review` to the app."""
    app.command("review")(review)


def review(
    path: str = typer.Argument(..., help="The article to review."),
    patch: Optional[Path] = typer.Option(None, "--patch", metavar="FILE", help="Save the accepted changes as a diff."),
    log: Optional[Path] = typer.Option(None, "--log", metavar="FILE", help="Save every decision as JSON."),
    no_write: bool = typer.Option(False, "--no-write", help="Leave the article as it is (use with --patch)."),
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
    color: Optional[bool] = shared.COLOR,
) -> None:
    """Walk through every finding like `git add -p`: accept, reject, edit, skip; write the result at the end."""
    if path == "-":
        raise InputError("review needs a file, not standard input")
    if not sys.stdin.isatty():
        raise InputError("review is interactive and needs a terminal; in scripts use `cleaner fix --diff`")
    for target in (patch, log):
        if target is not None and not target.resolve().parent.is_dir():
            raise InputError(f"{target}: folder does not exist")
    choice = RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    options = shared.plan_for(choice, [path], None, readability=False)[1].options
    source = read_input(path, options)
    from cleaner.atomic import write_problem

    problem = None if no_write else write_problem(path)
    if problem:
        raise InputError(f"{path}: {problem}; nothing to review into it (use --no-write --patch FILE)")
    from cleaner.review import ReviewSession, run  # only this command needs the session and the fixer

    session = ReviewSession(path, source.text, check_source(source, options).findings)
    use_color = sys.stdout.isatty() if color is None else color
    if not session.items:
        typer.echo(f"No findings in {path}; nothing to review.")
    run(session, TerminalUI(), color=use_color)
    written = bool(session.edits()) and not no_write
    if written:
        write_file(path, encode(source, session.result()))
    if patch is not None:
        write_file(str(patch), source_diff(source, session.result()).encode("utf-8"))
    if log is not None:
        write_file(str(log), (json.dumps(session.log(written), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    counts = ", ".join(f"{n} {d}" for d, n in session.counts().items() if n) or "nothing decided"
    typer.echo(f"Reviewed {path}: {counts}." + (f" Wrote {path}." if written else " The file was not changed."))


class TerminalUI:
    """Single-key answers from the terminal (no Enter needed); a full line for edits."""

    def write(self, text: str) -> None:
        """Print text as is."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def read_key(self, prompt: str) -> str:
        """Show the prompt and return one key press ('' at end of input)."""
        import termios
        import tty

        self.write(prompt)
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            key = os.read(fd, 1).decode("utf-8", errors="replace")
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        self.write((key if key.isprintable() else "") + "\n")
        return key

    def read_line(self, prompt: str, default: str) -> str | None:
        """Read a line, pre-filled with `default` where readline is available; None at end of input."""
        try:
            import readline
        except ImportError:  # pragma: no cover - not on every platform
            readline = None
        if readline is not None:
            readline.set_startup_hook(lambda: readline.insert_text(default))
        try:
            return input(prompt)
        except EOFError:
            return None
        finally:
            if readline is not None:
                readline.set_startup_hook(None)
