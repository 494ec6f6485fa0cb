"""Errors that end a run with a one-line message and a distinct exit code."""

from __future__ import annotations


class ExitCode:
    """Process exit codes, documented in the README."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2  # bad arguments, missing/binary/undecodable input
    RULES = 3  # a malformed rule file or configuration
    INCOMPLETE = 4  # a rule ran past its time budget and was stopped: the result is incomplete
    INTERNAL = 70  # a bug in cleaner itself
    BROKEN_PIPE = 141  # the reader of stdout went away (128 + SIGPIPE, as a shell reports `cat | head`)


class CleanerError(Exception):
    """Base error: `str(error)` is the one-line message shown to the user."""

    exit_code = ExitCode.USAGE


class InputError(CleanerError):
    """A file that cannot be read as text: missing, binary, undecodable."""

    exit_code = ExitCode.USAGE


class RuleFileError(CleanerError):
    """A rule or configuration file that does not validate; the message names file and line."""

    exit_code = ExitCode.RULES


class GrammarError(CleanerError):
    """LanguageTool is not installed, not reachable, or answered with an error."""

    exit_code = ExitCode.USAGE  # the issue contract: --grammar without a server exits 2
