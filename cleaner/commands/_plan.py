"""What the commands share that needs no command-line library: the rule choice, the run plan, writing results.

Kept apart from `_shared` (the typer options) so that `cleaner check` can run without importing typer.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, List, Mapping, Optional, Sequence

from cleaner.config import EffectiveConfig, key_line, load_config
from cleaner.errors import InputError, RuleFileError
from cleaner.loader import load_rules
from cleaner.model import Rule
from cleaner.runner import Plan, configure, plan_run
from cleaner.textio import os_stat


class FailOn(str, Enum):
    """The lowest level that makes `check` and `fix` exit 1."""

    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


@dataclass(frozen=True)
class RuleChoice:
    """The rule and configuration options every command that checks text accepts."""

    config: Optional[Path]
    select: Optional[List[str]]
    ignore: Optional[List[str]]
    extra_rules: Optional[List[Path]]
    no_builtin_rules: bool


def split_selectors(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    """Flatten repeatable, comma-separated selector options; None when not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def config_start(paths: List[str], stdin_filename: Optional[str]) -> Path:
    """Return the folder to look for configuration from: the inputs' common folder."""
    named = [p for p in paths if p != "-"] + ([stdin_filename] if stdin_filename and "-" in paths else [])
    if not named:
        return Path.cwd()
    resolved = [Path(p).resolve() for p in named]
    common = Path(os.path.commonpath([str(p) for p in resolved]))
    return common if common.is_dir() else common.parent


def with_choice(file_config: EffectiveConfig, choice: RuleChoice, **overrides: Any) -> EffectiveConfig:
    """The configuration with the command line's rule folders (and other flags) over it."""
    folders = file_config.extra_rules + tuple(choice.extra_rules or ())
    unique = tuple({folder.resolve(): folder for folder in folders}.values())  # a folder named twice loads once
    return file_config.with_overrides(
        extra_rules=unique if choice.extra_rules else None,
        builtin_rules=False if choice.no_builtin_rules else None,
        **overrides,
    )


def load_chosen_rules(choice: RuleChoice) -> tuple[EffectiveConfig, tuple[Rule, ...]]:
    """Every rule a run from the working folder would load, configured, whether selected or not."""
    settings = with_choice(load_config(Path.cwd(), explicit=choice.config), choice)
    folders = settings.rule_folders()
    return settings, tuple(configure(rule, settings) for rule in (load_rules(folders) if folders else ()))


def check_rule_folders(config: EffectiveConfig) -> None:
    """Raise RuleFileError, naming the file and line, for an `extra-rules` folder that does not exist."""
    for folder in config.extra_rules:
        if not folder.is_dir():
            where = f"{config.path}:{key_line(config.path, 'extra-rules')}" if config.path else "configuration"
            raise RuleFileError(f"{where}: extra-rules: folder {folder} does not exist")


def check_named_inputs(paths: List[str], choice: RuleChoice) -> None:
    """Fail early, in one line, on a named file that cannot be a file or a missing --extra-rules folder."""
    for path in paths:
        if path != "-":
            os_stat(path)  # a missing file, a symlink loop or an over-long name: exit 2
    for folder in choice.extra_rules or ():
        if not folder.is_dir():
            raise InputError(f"--extra-rules {folder}: folder does not exist")


def plan_for(
    choice: RuleChoice,
    paths: List[str],
    stdin_filename: Optional[str],
    *,
    readability: bool,
    use_baseline: bool = True,
    diff_base: Optional[str] = None,
    limits: Optional[Mapping[str, Optional[float]]] = None,
    **overrides: Any,
) -> tuple[EffectiveConfig, Plan]:
    """Load the configuration, apply the command-line flags over it, and plan the run.

    `limits` maps readability settings (`max-gunning-fog`) to values given on the command line.
    """
    check_named_inputs(paths, choice)
    start = config_start(paths, stdin_filename)
    file_config = load_config(start, explicit=choice.config)
    check_rule_folders(file_config)
    select, ignore = split_selectors(choice.select), split_selectors(choice.ignore)
    given = {key.replace("-", "_"): value for key, value in (limits or {}).items() if value is not None}
    settings = with_choice(
        file_config,
        choice,
        select=select,
        ignore=ignore,
        readability=dataclasses.replace(file_config.readability, **given) if given else None,
        **overrides,
    )
    plan = plan_run(
        settings,
        file_config=file_config,
        cli_selectors={"--select": select or (), "--ignore": ignore or ()},
        baseline=settings.baseline if use_baseline else None,
        diff_base=diff_base,
        readability=readability,
        stdin_filename=stdin_filename,
        inputs_folder=start,
    )
    return settings, plan


def warn_stopped(path: str, codes: Iterable[str], rules: Sequence[Rule]) -> bool:
    """Name each rule stopped on `path` for running past its time budget; True when there was one."""
    files = {rule.code: rule.path for rule in rules}
    warned = False
    for code in codes:
        print(
            f"cleaner: warning: {path}: rule {code} ({files.get(code, 'unknown file')}) ran past its time budget "
            "and was stopped; the results for this file are incomplete",
            file=sys.stderr,
            flush=True,
        )
        warned = True
    return warned
