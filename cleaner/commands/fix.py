"""`cleaner fix` (apply fixes, or show them as a diff) and `cleaner review` (decide one by one).

Both use the configuration, rule selection and inline suppressions `cleaner check` uses,
so a finding that `check` would not report is never fixed or offered.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.commands._shared import RuleChoice
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover
from cleaner.model import Safety
from cleaner.readability import score
from cleaner.runner import CheckOptions, ResultMemo, check_source, read_input
from cleaner.textio import SourceText, encode, write_atomic

# Every command is registered on each start, so the fixer, diff, report and review modules
# are imported inside the commands that use them, not here (`cleaner check` never needs them).
if TYPE_CHECKING:  # pragma: no cover
    from cleaner.fixer import FileFix


class OutputFormat(str, Enum):
    """Report formats of `cleaner fix`."""

    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add `fix` and `review` to the app."""
    app.command("fix")(fix)
    app.command("review")(review)


def fix(
    paths: List[str] = typer.Argument(..., help="Files or folders; '-' reads standard input, writes standard output."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply unsafe fixes (probably right; glance at them)."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff, write nothing; exit 1 if anything would change."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the fixed text to FILE ('-': stdout); one input only."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Report format."),
    min_reading_ease: Optional[float] = typer.Option(None, "--min-reading-ease", metavar="N", help="Exit 1 if the fixed text's Flesch reading ease is below N."),
    max_grade: Optional[float] = typer.Option(None, "--max-grade", metavar="N", help="Exit 1 if the fixed text's Flesch-Kincaid grade is above N."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
    stdin_filename: Optional[str] = shared.STDIN_FILENAME,
    color: Optional[bool] = shared.COLOR,
) -> None:
    """Apply safe fixes in place, report what was fixed and what is left for review, with readability."""
    choice = RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    settings, plan = shared.plan_for(choice, paths, stdin_filename, readability=False)
    options = plan.options
    options.memo = ResultMemo()  # a fix run that restarts (unsettled fixes) re-checks the original
    files = discover(paths, plan.root, settings.include, settings.exclude, settings.extensions)
    limits = settings.readability
    min_ease = min_reading_ease if min_reading_ease is not None else limits.min_flesch_reading_ease
    grade = max_grade if max_grade is not None else limits.max_flesch_kincaid_grade
    scored = not no_readability and limits.enabled
    _check_fix_args(files, diff, output, no_readability and (min_reading_ease is not None or max_grade is not None))
    from cleaner.fixer import allowed_safeties

    allowed = allowed_safeties(unsafe=unsafe_fixes)
    # Read and fix everything before writing anything: a bad input leaves every file untouched.
    fixes = [(p == "-", _fix_one(read_input(p, options), allowed, options, scored, min_ease, grade)) for p in files]
    text_on_stdout = diff or output == "-" or (output is None and "-" in files)
    for from_stdin, item in fixes:
        _emit(item, from_stdin, diff, output, color)
    results = [item for _, item in fixes]
    from cleaner.report import fix_json, fix_text

    report_stream = sys.stderr if text_on_stdout else sys.stdout
    if output_format is OutputFormat.json:
        typer.echo(fix_json.render(results, dry_run=diff), nl=False, err=text_on_stdout)
    else:
        use_color = report_stream.isatty() if color is None else color
        typer.echo(fix_text.render(results, color=use_color, dry_run=diff), nl=False, err=text_on_stdout)
    for item in results:
        for problem in item.problems:
            typer.echo(f"cleaner: {item.path}: {problem}", err=True)
    raise typer.Exit(_exit_code(results, diff))


def _check_fix_args(files: list[str], diff: bool, output: Optional[str], no_scores: bool) -> None:
    if output is not None and diff:
        raise InputError("--diff writes nothing, so it cannot be combined with -o/--output")
    if output is not None and len(files) != 1:
        raise InputError(f"-o/--output takes exactly one input, got {len(files)}")
    if output not in (None, "-") and not Path(output).resolve().parent.is_dir():
        raise InputError(f"{output}: folder does not exist")
    if output not in (None, "-") and Path(output).is_dir():
        raise InputError(f"{output}: is a directory")
    if no_scores:
        raise InputError("--min-reading-ease/--max-grade need the readability scores; drop --no-readability")


def _fix_one(
    source: SourceText,
    allowed: frozenset[Safety],
    options: CheckOptions,
    scored: bool,
    min_ease: Optional[float],
    max_grade: Optional[float],
) -> FileFix:
    from cleaner.fixer import FileFix, fix_source

    result = fix_source(source, allowed, options)
    if not scored:
        return FileFix(source, result)
    before = score(result.original)
    after = score(result.fixed) if result.changed else before
    problems = []
    if min_ease is not None and after.flesch_reading_ease < min_ease:
        problems.append(f"Flesch reading ease {after.flesch_reading_ease} is below --min-reading-ease {min_ease:g}")
    if max_grade is not None and after.flesch_kincaid_grade > max_grade:
        problems.append(f"Flesch-Kincaid grade {after.flesch_kincaid_grade} is above --max-grade {max_grade:g}")
    return FileFix(source, result, before, after, tuple(problems))


def _emit(item: "FileFix", from_stdin: bool, diff: bool, output: Optional[str], color: Optional[bool]) -> None:
    """Show the diff, or write the fixed text: to -o, to stdout for stdin, else in place if changed."""
    source, fixed = item.source, item.result.fixed
    if diff:
        from cleaner.diffing import colorize

        patch = source_diff(source, fixed)
        use_color = sys.stdout.isatty() if color is None else color
        _write_stdout((colorize(patch) if use_color else patch).encode("utf-8"))
    elif output == "-" or (output is None and from_stdin):
        _write_stdout(encode(source, fixed))
    elif output is not None:
        write_file(output, encode(source, fixed))
    elif item.result.changed:
        write_file(source.path, encode(source, fixed))


def write_file(path: str, data: bytes) -> None:
    """Write atomically; a failure leaves the old file as it was and ends with a one-line error."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}; the file was left as it was") from None


def source_diff(source: SourceText, fixed: str) -> str:
    """Diff the input against its fixed text, byte-faithful (a UTF-8 BOM stays on line 1)."""
    from cleaner.diffing import unified_diff

    bom = "\ufeff" if source.bom and source.encoding == "utf-8" else ""
    return unified_diff(bom + source.text, bom + fixed, source.path)


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _exit_code(fixes: "list[FileFix]", diff: bool) -> int:
    if any(f.problems for f in fixes):
        return ExitCode.FINDINGS
    if diff:
        return ExitCode.FINDINGS if any(f.result.changed for f in fixes) else ExitCode.CLEAN
    return ExitCode.FINDINGS if any(f.result.remaining for f in fixes) else ExitCode.CLEAN


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
    from cleaner.review import ReviewSession, run

    if path == "-":
        raise InputError("review needs a file, not standard input")
    if not sys.stdin.isatty():
        raise InputError("review is interactive and needs a terminal; in scripts use `cleaner fix --diff`")
    for target in (patch, log):
        if target is not None and not target.resolve().parent.is_dir():
            raise InputError(f"{target}: folder does not exist")
    options = shared.plan_for(RuleChoice(config, select, ignore, extra_rules, no_builtin_rules), [path], None, readability=False)[1].options
    source = read_input(path, options)
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
