"""What the commands share: the typer options of every command that checks text, writing results, and the plan helpers (from _plan)."""

from __future__ import annotations

import typer

from cleaner.atomic import write_atomic, write_output
from cleaner.commands._plan import (  # noqa: F401 - the commands reach these through this module
    FailOn,
    RuleChoice,
    check_named_inputs,
    check_rule_folders,
    config_start,
    load_chosen_rules,
    plan_for,
    split_selectors,
    warn_stopped,
    with_choice,
)
from cleaner.errors import InputError
from cleaner.textio import SourceText

CONFIG = typer.Option(None, "--config", metavar="FILE", help="Use this config file instead of searching for one.")
SELECT = typer.Option(None, "--select", metavar="SELECTORS", help="Only these rules: codes, prefixes, names, categories.")
IGNORE = typer.Option(None, "--ignore", metavar="SELECTORS", help="Skip these rules (same selectors as --select).")
EXTRA_RULES = typer.Option(None, "--extra-rules", metavar="DIR", help="Also load rule files from DIR.")
NO_BUILTIN = typer.Option(False, "--no-builtin-rules", help="Do not load the built-in rule pack.")
STDIN_FILENAME = typer.Option(None, "--stdin-filename", metavar="NAME", help="Name (and kind) of standard input.")
FAIL_ON = typer.Option(None, "--fail-on", help="Lowest level that exits 1 (default: info, or fail-on in the config).")
COLOR = typer.Option(None, "--color/--no-color", help="Colour the output (default: on a terminal).")


def write_file(path: str, data: bytes, output: bool = False) -> None:
    """Write atomically; a failure leaves the old file as it was and ends with a one-line error.

    With `output`, a target that is not a regular file (`-o /dev/stdout`, a pipe) is written directly.
    """
    try:
        (write_output if output else write_atomic)(path, data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}; the file was left as it was") from None


def source_diff(source: SourceText, fixed: str) -> str:
    """Diff the input against its fixed text, byte-faithful (a UTF-8 BOM stays on line 1)."""
    from cleaner.diffing import unified_diff  # only commands that show a diff need it

    bom = "\ufeff" if source.bom and source.encoding == "utf-8" else ""
    patch = unified_diff(bom + source.text, bom + fixed, source.path)
    if patch and source.encoding != "utf-8":
        # patch and git apply would compare these UTF-8 lines with the file's own bytes and fail.
        encoding = source.encoding.upper()
        note = f"# cleaner: {source.path} is {encoding}: this diff shows its text as UTF-8 and cannot be applied with patch or git apply; run `cleaner fix` instead\n"
        return note + patch
    return patch
