"""What the commands share: the typer options every command that checks text accepts, and the plan helpers."""

from __future__ import annotations

import typer

from cleaner.commands._plan import (  # noqa: F401 - the commands reach these through this module
    FailOn,
    RuleChoice,
    check_named_inputs,
    check_rule_folders,
    config_start,
    load_chosen_rules,
    plan_for,
    source_diff,
    split_selectors,
    warn_stopped,
    with_choice,
    write_file,
)

CONFIG = typer.Option(None, "--config", metavar="FILE", help="Use this config file instead of searching for one.")
SELECT = typer.Option(None, "--select", metavar="SELECTORS", help="Only these rules: codes, prefixes, names, categories.")
IGNORE = typer.Option(None, "--ignore", metavar="SELECTORS", help="Skip these rules (same selectors as --select).")
EXTRA_RULES = typer.Option(None, "--extra-rules", metavar="DIR", help="Also load rule files from DIR.")
NO_BUILTIN = typer.Option(False, "--no-builtin-rules", help="Do not load the built-in rule pack.")
STDIN_FILENAME = typer.Option(None, "--stdin-filename", metavar="NAME", help="Name (and kind) of standard input.")
FAIL_ON = typer.Option(None, "--fail-on", help="Lowest level that exits 1 (default: info, or fail-on in the config).")
COLOR = typer.Option(None, "--color/--no-color", help="Colour the output (default: on a terminal).")

