"""`cleaner fix`: apply fixes in place, or show them as a diff.

It uses the configuration, rule selection and inline suppressions `cleaner check` uses,
so a finding that `check` would not report is never fixed.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from cleaner.commands import _shared as shared
from cleaner.commands._shared import RuleChoice, source_diff, write_file
from cleaner.errors import ExitCode, InputError
from cleaner.inputs import discover
from cleaner.model import Rule, Safety
from cleaner.readability import score
from cleaner.report import formats
from cleaner.runner import CheckOptions, ResultMemo, fix_source, read_input
from cleaner.selection import fails
from cleaner.textio import SourceText, distinct_paths, encode

# Every command is registered on each start, so the fixer and diff modules are imported inside
# the commands that use them, not here (`cleaner check` never needs them).
if TYPE_CHECKING:  # pragma: no cover
    from cleaner.fixer import FileFix


FixFormat = formats.choices("fix")


def register(app: typer.Typer) -> None:
    """Add `fix` to the app."""
    app.command("fix")(fix)


def fix(
    paths: List[str] = typer.Argument(..., help="Files or folders; '-' reads standard input, writes standard output."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply unsafe fixes (probably right; glance at them)."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff, write nothing; exit 1 if anything would change."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the fixed text to FILE ('-': stdout); one input only."),
    output_format: FixFormat = typer.Option("text", "--format", "-f", help="Report format."),
    min_reading_ease: Optional[float] = typer.Option(None, "--min-reading-ease", metavar="N", help="Exit 1 if the fixed text's Flesch reading ease is below N."),
    max_grade: Optional[float] = typer.Option(None, "--max-grade", metavar="N", help="Exit 1 if the fixed text's Flesch-Kincaid grade is above N."),
    no_readability: bool = typer.Option(False, "--no-readability", help="Skip the readability scores."),
    fail_on: Optional[shared.FailOn] = shared.FAIL_ON,
    config: Optional[Path] = shared.CONFIG,
    select: Optional[List[str]] = shared.SELECT,
    ignore: Optional[List[str]] = shared.IGNORE,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
    stdin_filename: Optional[str] = shared.STDIN_FILENAME,
    color: Optional[bool] = shared.COLOR,
    force: bool = typer.Option(False, "--force", help="Also rewrite read-only files."),
) -> None:
    """Apply safe fixes in place, report what was fixed and what is left for review, with readability."""
    choice = RuleChoice(config, select, ignore, extra_rules, no_builtin_rules)
    flags = {"min-flesch-reading-ease": min_reading_ease, "max-flesch-kincaid-grade": max_grade}
    settings, plan = shared.plan_for(
        choice, paths, stdin_filename, readability=not no_readability, limits=flags,
        fail_on=fail_on.value if fail_on else None,
    )
    # A fix run that restarts (fixes that do not settle) re-checks the original: remember the results.
    options = dataclasses.replace(plan.options, memo=ResultMemo())
    files = distinct_paths(discover(paths, plan.root, settings.include, settings.exclude, settings.extensions))
    _check_fix_args(files, diff, output, no_readability and any(v is not None for v in flags.values()))
    _check_limit_rules(flags, plan.rules)
    from cleaner.fixer import allowed_safeties

    allowed = allowed_safeties(unsafe=unsafe_fixes)
    limit_codes = frozenset(r.code for r in plan.rules if r.kind == "readability-limit")
    scored = plan.options.readability
    # Read and fix everything before writing anything: a bad input leaves every file untouched.
    fixes = [(p == "-", _fix_one(read_input(p, options), allowed, options, scored, limit_codes)) for p in files]
    in_place = [item for from_stdin, item in fixes if not (diff or from_stdin or output) and item.result.changed]
    _check_targets(in_place, force)
    text_on_stdout = diff or output == "-" or (output is None and "-" in files)
    _emit_all(fixes, diff, output, color)
    results = [item for _, item in fixes]
    report_stream = sys.stderr if text_on_stdout else sys.stdout
    use_color = report_stream.isatty() if color is None else color
    render = formats.module_for(output_format.value, "fix").render_fixes
    typer.echo(render(results, color=use_color, dry_run=diff), nl=False, err=text_on_stdout)
    raise typer.Exit(_finish(results, diff, plan.rules, settings.fail_on, limit_codes))


def _finish(results: "list[FileFix]", diff: bool, rules: tuple[Rule, ...], fail_on: str, limit_codes: frozenset[str]) -> int:
    """Print readability problems and stopped rules per file; return the exit code."""
    incomplete = False
    for item in results:
        for problem in item.problems:
            typer.echo(f"cleaner: {item.path}: {problem}", err=True)
        incomplete = shared.warn_stopped(item.path, item.result.stopped, rules) or incomplete
    return ExitCode.INCOMPLETE if incomplete else _exit_code(results, diff, fail_on, limit_codes)


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


def _check_limit_rules(flags: dict[str, Optional[float]], rules: tuple[Rule, ...]) -> None:
    """A limit given on the command line needs a selected rule that checks it."""
    checked = {r.options.get("setting") for r in rules if r.kind == "readability-limit"}
    for setting, value in flags.items():
        if value is not None and setting not in checked:
            raise InputError(f"no selected readability-limit rule checks {setting}, so its flag cannot apply")


def _fix_one(
    source: SourceText, allowed: frozenset[Safety], options: CheckOptions, scored: bool, limit_codes: frozenset[str]
) -> "FileFix":
    """Fix one input; readability limits (RE9xx rules) are judged on the fixed text, like `check` judges."""
    from cleaner.fixer import FileFix

    result = fix_source(source, allowed, options)
    problems = tuple(f.message for f in result.remaining if f.code in limit_codes)
    if not scored:
        return FileFix(source, result, problems=problems)
    before = score(result.original)
    after = score(result.fixed) if result.changed else before
    return FileFix(source, result, before, after, problems)


def _check_targets(items: "list[FileFix]", force: bool) -> None:
    """Refuse before the first write when any file to rewrite cannot take it (read-only, locked folder)."""
    from cleaner.atomic import write_problem

    problems = [f"{item.path}: {problem}" for item in items if (problem := write_problem(item.path, force))]
    if problems:
        raise InputError(f"nothing was written: {'; '.join(problems)}")


def _emit_all(fixes: "list[tuple[bool, FileFix]]", diff: bool, output: Optional[str], color: Optional[bool]) -> None:
    """Emit every fix; if a write still fails, say exactly which files were written and which were not."""
    written: list[str] = []
    for index, (from_stdin, item) in enumerate(fixes):
        try:
            if _emit(item, from_stdin, diff, output, color):
                written.append(item.path)
        except InputError as exc:
            if not written:
                raise
            left = [other.path for _, other in fixes[index:] if other.result.changed]
            raise InputError(f"{exc}; already written: {', '.join(written)}; not written: {', '.join(left)}") from None


def _emit(item: "FileFix", from_stdin: bool, diff: bool, output: Optional[str], color: Optional[bool]) -> bool:
    """Show the diff, or write the fixed text: to -o, to stdout for stdin, else in place if changed.

    Return True when a file was rewritten in place.
    """
    source, fixed = item.source, item.result.fixed
    if diff:
        from cleaner.diffing import colorize

        patch = source_diff(source, fixed)
        use_color = sys.stdout.isatty() if color is None else color
        _write_stdout((colorize(patch) if use_color else patch).encode("utf-8"))
    elif output == "-" or (output is None and from_stdin):
        _write_stdout(encode(source, fixed))
    elif output is not None:
        write_file(output, encode(source, fixed), output=True)
    elif item.result.changed:
        write_file(source.path, encode(source, fixed))
        return True
    return False


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _exit_code(fixes: "list[FileFix]", diff: bool, fail_on: str, limit_codes: frozenset[str]) -> int:
    """1 for a failed readability limit or (with --diff) a pending change, else for what is left; as fail-on says."""
    limits = [x for f in fixes for x in f.result.remaining if x.code in limit_codes]
    if fails(limits, fail_on):
        return ExitCode.FINDINGS
    if diff:
        return ExitCode.FINDINGS if any(f.result.changed for f in fixes) else ExitCode.CLEAN
    return ExitCode.FINDINGS if any(fails(f.result.remaining, fail_on) for f in fixes) else ExitCode.CLEAN
