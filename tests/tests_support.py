"""Paths and CLI runners shared by the tests (importable because pytest puts tests/ on sys.path)."""

import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_eda2942b02cc63af.txt"
CLEAN_SEEDS = sorted(SEEDS.glob("clean_*.txt"))
# LanguageTool's spelling rule, named where a test probes the server with a misspelling ("targett"):
# whether it is on by default is decided by measurement (cleaner/languagetool/rules.tsv), not by tests.
SPELLING = ("MORFOLOGIK_RULE_EN_US",)


def run_cli(
    *args: str, input_bytes: bytes | None = None, cwd: Path | None = None, env: dict | None = None
) -> "subprocess.CompletedProcess[bytes]":
    """Run the real console entry point (`cleaner.cli.main`) in this process; capture bytes like a subprocess.

    Argument normalisation, error mapping and exit codes are those of the installed `cleaner`
    script; only the process start is saved (the engine and rule caches stay warm between tests).
    Use `run_process` where the separate process is the point (start-up, signals, --jobs workers).
    """
    import os
    import subprocess
    import sys

    from typer.testing import CliRunner

    from cleaner import cli

    old_argv, old_cwd = sys.argv, Path.cwd()
    with CliRunner().isolation(input=input_bytes, env=_env_changes(env or {})) as (out, err, _):
        sys.argv = ["cleaner", *args]
        try:
            os.chdir(cwd or ROOT)
            code = _exit_code(cli.main)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            sys.argv = old_argv
            os.chdir(old_cwd)
        return subprocess.CompletedProcess(["cleaner", *args], code, out.getvalue(), err.getvalue())


def _env_changes(wanted: dict) -> dict:
    """The variables to set, and (as None) the ones a full environment given by a test leaves out."""
    import os

    full = "PATH" in wanted  # a whole environment (os.environ plus changes), not a few overrides
    dropped = {key: None for key in os.environ if key not in wanted} if full else {}
    return {**dropped, **wanted}


def _exit_code(main) -> int:
    """Call a console entry point and return the status it exits with."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def run_process(*args: str, input_bytes: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m cleaner.cli ARGS` in a real subprocess and capture its output."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args],
        input=input_bytes,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


# Four small rules (safe, safe, unsafe, suggest) used by the fix and review tests; each test
# module gives them its own code prefix so that its assertions read unambiguously.
_FIXTURE_RULES = {
    "punctuation/double-period.yaml": r"""
code: {prefix}101
name: {name}-double-period
summary: Doubled full stop.
why: test
level: warning
kind: pattern
pattern: '(?<=\p{{L}})\.\.(?!\.)'
message: Stray double period.
fix: {{title: One period, replace: ".", safety: safe}}
examples:
  fail: [{{text: "He left.. Then she spoke.", fixed: "He left. Then she spoke."}}]
  pass: ["Wait... now it is.", "Run x ..y later."]
""",
    "attribution/said.yaml": r"""
code: {prefix}102
name: {name}-capital-said
summary: Capitalised Said after a speaker.
why: test
level: warning
kind: pattern
pattern: '(?<=\p{{L}} )Said\b'
message: Lower-case said.
fix: {{title: Lower-case, replace: "said", safety: safe}}
examples:
  fail: [{{text: "China Said.", fixed: "China said."}}]
  pass: ["Said Hamdan spoke.", "he said."]
""",
    "names/king.yaml": r"""
code: {prefix}103
name: {name}-king-wang
summary: The king is Wang.
why: test
level: warning
kind: swap
swap: {{"The king": "Wang"}}
fix: {{title: Use the surname, safety: unsafe}}
message: Literal name.
examples:
  fail: [{{text: "The king met him.", fixed: "Wang met him."}}]
  pass: ["the king met him.", "The kingdom fell."]
""",
    "style/colour.yaml": r"""
code: {prefix}104
name: {name}-colour-variants
summary: Several candidates make a suggestion.
why: test
level: info
kind: swap
swap: {{"colour": "color|hue"}}
fix: {{title: Pick one, safety: suggest}}
message: Spelling variant.
examples:
  fail: [{{text: "The colour is red.", flag: "colour", fixed: "The color is red."}}]
  pass: ["The color is red.", "Many colours here."]
""",
}


def fixture_rules(prefix: str, name: str) -> dict[str, str]:
    """Return the shared test rule files (relative path -> YAML) with codes like PREFIX101."""
    return {path: body.format(prefix=prefix, name=name) for path, body in _FIXTURE_RULES.items()}


def write_rules(folder: Path, rules: dict[str, str]) -> Path:
    """Write rule files into `folder` (created as needed) and return it."""
    for rel, body in rules.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body.lstrip(), encoding="utf-8")
    return folder


@functools.cache
def _rules_by_code() -> dict:
    """The packaged rule pack, loaded once for every test module that asks one rule at a time."""
    from cleaner.loader import load_rules

    return {r.code: r for r in load_rules()}


def found(code: str, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """What the packaged rule `code` alone finds in `text`: each finding's text and its replacements."""
    from cleaner.engine import Engine

    return [(f.text, f.replacements) for f in Engine([_rules_by_code()[code]]).check(text)]
