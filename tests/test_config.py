"""Configuration: discovery, validation errors that name file/line/key, selection logic, `cleaner config`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cleaner.config import EffectiveConfig, ReadabilityConfig, find_config, load_config, parse_settings
from cleaner.errors import RuleFileError
from cleaner.model import Finding, Level
from cleaner.selection import (
    Selection,
    Target,
    fails,
    is_selected,
    level_for,
    rank,
    unknown_selectors,
)
from cleaner.loader import load_rules
from tests_support import run_cli

DIRTY = "The minister resigned.. Officials declined to comment.\n"
TEAM_RULE = """\
code: HR901
name: banned-word-foobar
summary: The word foobar is not house style.
why: Our style guide bans it.
level: error
kind: pattern
pattern: '\\bfoobar\\b'
message: Do not write foobar.
examples:
  fail:
    - {text: "We saw foobar today.", flag: "foobar"}
  pass:
    - "We saw food today."
    - "The foobarista left."
"""


def run_main(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run the real console entry point in-process; return (exit code, stdout, stderr) as text."""
    done = run_cli(*args, cwd=cwd)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ---------------------------------------------------------------------------


def test_config_found_walking_up_and_cleaner_toml_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nfail-on = "error"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(deep / "story.md").fail_on == "error"
    write(tmp_path / ".cleaner.toml", 'fail-on = "never"\n')
    assert load_config(deep).fail_on == "never"


def test_pyproject_without_tool_cleaner_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nfail-on = "error"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nselect = ["E"]\n')
    assert find_config(tmp_path / "sub") == tmp_path / "pyproject.toml"


def test_defaults_without_any_file(tmp_path: Path) -> None:
    config = parse_settings({}, tmp_path / ".cleaner.toml")
    assert config.select == ("ALL",) and config.fail_on == "info" and config.builtin_rules
    assert EffectiveConfig().path is None


def test_paths_resolve_from_the_config_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nextra-rules = ["house"]\nbaseline = "b.json"\n')
    config = load_config(tmp_path)
    assert config.extra_rules == (tmp_path.resolve() / "house",)
    assert config.baseline == tmp_path.resolve() / "b.json"
    assert config.rule_folders()[-1] == tmp_path.resolve() / "house"


def test_cli_flags_override_the_file(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", 'fail-on = "error"\nselect = ["PU"]\n')
    config = load_config(tmp_path).with_overrides(fail_on="warning", select=None)
    assert config.fail_on == "warning" and config.select == ("PU",)


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "key", "problem"),
    [
        ('fail-on = "error"\nbogus = 1\n', 3, "tool.cleaner.bogus", "unknown key"),
        ('fail-on = "loud"\n', 2, "tool.cleaner.fail-on", "not one of"),
        ('select = "PU101"\n', 2, "tool.cleaner.select", "list of strings"),
        ('variant = "en-XX"\n', 2, "tool.cleaner.variant", "not one of"),
        ('extensions = ["md"]\n', 2, "tool.cleaner.extensions", "starts with a dot"),
        ('builtin-rules = "no"\n', 2, "tool.cleaner.builtin-rules", "true or false"),
        ('\n[tool.cleaner.levels]\nPU101 = "fatal"\n', 4, "tool.cleaner.levels.PU101", "not one of"),
        ('\n[tool.cleaner.readability]\nmax-gunning-fog = "high"\n', 4, "tool.cleaner.readability.max-gunning-fog", "a number"),
        ('\n[tool.cleaner.readability]\nmax-fog = 3\n', 4, "tool.cleaner.readability.max-fog", "unknown key"),
        ('\n[tool.cleaner.languagetool]\nurl = "localhost"\n', 4, "tool.cleaner.languagetool.url", "http(s) URL"),
        ('\n[tool.cleaner.languagetool]\nmode = "always"\n', 4, "tool.cleaner.languagetool.mode", "not one of"),
    ],
)
def test_bad_settings_name_file_line_and_key(tmp_path: Path, body: str, line: int, key: str, problem: str) -> None:
    # A [tool.ruff] table with the same key names comes first: the line must be cleaner's.
    path = write(tmp_path / "pyproject.toml", '[tool.ruff]\nselect = ["E"]\nbogus = 2\nfail-on = 1\n\n[tool.cleaner]\n' + body)
    with pytest.raises(RuleFileError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line + 5}: {key}: "), message
    assert problem in message


def test_cleaner_toml_keys_have_no_prefix(tmp_path: Path) -> None:
    path = write(tmp_path / ".cleaner.toml", "[readability]\nlevel = 3\n")
    with pytest.raises(RuleFileError, match=rf"^{path}:2: readability.level: must be a string"):
        load_config(tmp_path)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".cleaner.toml", "select = [\n")
    with pytest.raises(RuleFileError, match=f"^{path}:2: invalid TOML: ") as raised:
        load_config(tmp_path)
    assert "(at line" not in str(raised.value)


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="does not exist"):
        load_config(tmp_path, explicit=tmp_path / "nope.toml")


def test_config_errors_exit_3_through_the_cli(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nselcet = []\n")
    story = write(tmp_path / "story.txt", DIRTY)
    code, out, err = run_main(["check", str(story)], tmp_path)
    assert code == 3 and out == ""
    assert err == f"cleaner: error: {tmp_path / 'pyproject.toml'}:2: tool.cleaner.selcet: unknown key (known: " + err.split("(known: ")[1]
    assert err.count("\n") == 1


def test_unknown_selector_in_file_exits_3_and_on_cli_exits_2(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", DIRTY)
    write(tmp_path / ".cleaner.toml", 'fail-on = "info"\nignore = ["PU999"]\n')
    code, _, err = run_main(["check", str(story)], tmp_path)
    assert code == 3 and f"{tmp_path / '.cleaner.toml'}:2: ignore: 'PU999' matches no rule" in err
    (tmp_path / ".cleaner.toml").unlink()
    code, _, err = run_main(["check", "--select", "no-such-rule", str(story)], tmp_path)
    assert code == 2 and "--select: 'no-such-rule' matches no rule" in err


# --- selection ---------------------------------------------------------------------------

PU = Target("PU101", "double-period", "punctuation", aliases=("PX001",))


def test_rank_orders_selectors_by_specificity() -> None:
    assert rank("ALL", PU) == 0
    assert rank("punctuation", PU) == 1
    assert 1 < rank("P", PU) < rank("PU", PU) < rank("PU1", PU) < rank("PU101", PU)
    assert rank("double-period", PU) == rank("PU101", PU) == rank("PX001", PU)
    assert rank("PU2", PU) == rank("names", PU) == rank("pu", PU) == -1


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["ALL"], [], True),
        (["ALL"], ["punctuation"], False),
        (["PU101"], ["punctuation"], True),  # the exact code beats the category
        (["punctuation"], ["PU"], False),  # the prefix is more specific than the category
        (["PU"], ["PU"], False),  # a tie: ignore wins
        (["names"], [], False),
        ([], [], False),
    ],
)
def test_select_and_ignore(select: list[str], ignore: list[str], expected: bool) -> None:
    assert is_selected(PU, select, ignore) is expected


def test_most_specific_level_override_wins() -> None:
    levels = [("punctuation", Level.INFO), ("PU101", Level.ERROR), ("ALL", Level.WARNING)]
    assert level_for(PU, Level.WARNING, levels) is Level.ERROR
    assert level_for(Target("PU102", "x", "punctuation"), Level.WARNING, levels) is Level.INFO
    assert level_for(PU, Level.INFO, []) is Level.INFO


def _finding(code: str, level: Level, category: str = "punctuation", source: str = "cleaner") -> Finding:
    return Finding(code, code.lower(), category, level, "m", 0, 1, 1, 1, 1, 2, "x", source=source)


def test_selection_filters_findings_including_languagetool() -> None:
    findings = [_finding("PU101", Level.WARNING), _finding("LT:COMMA", Level.INFO, "grammar", "languagetool")]
    selection = Selection(ignore=("languagetool",), levels=(("PU101", Level.ERROR),))
    [kept] = selection.findings(findings)
    assert kept.code == "PU101" and kept.level is Level.ERROR
    assert [f.code for f in Selection(select=("LT:",)).findings(findings)] == ["LT:COMMA"]


def test_selected_rules_get_level_overrides() -> None:
    rules = load_rules()
    chosen = Selection(select=("PU101",), levels=(("double-period", Level.ERROR),)).rules(rules)
    assert [(r.code, r.level) for r in chosen] == [("PU101", Level.ERROR)]


@pytest.mark.parametrize(
    ("levels", "fail_on", "expected"),
    [
        ([Level.WARNING], "info", True),
        ([Level.WARNING], "warning", True),
        ([Level.WARNING], "error", False),
        ([Level.ERROR], "error", True),
        ([Level.ERROR], "never", False),
        ([], "info", False),
    ],
)
def test_fail_on(levels: list[Level], fail_on: str, expected: bool) -> None:
    assert fails([_finding("PU101", level) for level in levels], fail_on) is expected


def test_unknown_selectors_allow_runtime_names() -> None:
    rules = load_rules()
    assert unknown_selectors(["ALL", "PU", "punctuation", "double-period", "LT:FOO", "grammar"], rules) == []
    assert unknown_selectors(["ZZ", "nope"], rules) == ["ZZ", "nope"]


def test_readability_limits_raise_findings() -> None:
    from cleaner.engine import Engine
    from cleaner.runner import configure

    hard = "Notwithstanding considerable institutional reluctance, the committee recommended comprehensive reorganisation."
    limits = ReadabilityConfig(min_flesch_reading_ease=30, max_flesch_kincaid_grade=12, max_gunning_fog=60)
    metric = [r for r in load_rules() if r.kind == "readability-limit"]
    engine = Engine([configure(r, EffectiveConfig(readability=limits)) for r in metric])
    found = engine.check(hard)
    assert [f.code for f in found] == ["RE901", "RE902"]
    assert found[1].message.startswith("Flesch-Kincaid grade is above the configured maximum: ")
    assert found[1].message.endswith(" (max 12).") and (found[0].line, found[0].column) == (1, 1)
    assert engine.check("") == []
    # No limit configured, or scoring switched off: the same rules report nothing.
    assert Engine([configure(r, EffectiveConfig()) for r in metric]).check(hard) == []
    off = EffectiveConfig(readability=dataclasses.replace(limits, enabled=False))
    assert Engine([configure(r, off) for r in metric]).check(hard) == []


# --- team rules, built-in pack, readability through the CLI -------------------------------


def test_extra_rules_are_loaded_validated_and_can_replace_the_builtin_pack(tmp_path: Path) -> None:
    write(tmp_path / "house" / "style" / "foobar.yaml", TEAM_RULE)
    write(tmp_path / ".cleaner.toml", 'extra-rules = ["house"]\n')
    story = write(tmp_path / "story.txt", "We saw foobar today.. Nobody else did.\n")
    code, out, _ = run_main(["check", "-f", "json", str(story)], tmp_path)
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert code == 1 and {"HR901", "PU101"} <= codes
    code, out, _ = run_main(["check", "-f", "json", "--no-builtin-rules", str(story)], tmp_path)
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"HR901"}
    # A fresh folder: rule folders are loaded once per process (and these runs share one).
    write(tmp_path / "broken" / "style" / "bad.yaml", TEAM_RULE.replace("level: error", "level: loud"))
    code, _, err = run_main(["check", "--extra-rules", str(tmp_path / "broken"), str(story)], tmp_path)
    assert code == 3 and "bad.yaml:5: level:" in err


def test_readability_limits_through_the_cli(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "[readability]\nmax-flesch-kincaid-grade = 1\nlevel = \"error\"\n")
    story = write(tmp_path / "story.txt", "Notwithstanding considerable institutional reluctance, the committee ultimately recommended comprehensive reorganisation.\n")
    code, out, _ = run_main(["check", "-f", "json", "--select", "RE902", str(story)], tmp_path)
    [finding] = json.loads(out)["files"][0]["findings"]
    assert code == 1 and finding["code"] == "RE902" and finding["level"] == "error"
    code, out, _ = run_main(["check", "-f", "json", "--no-readability", "--select", "RE", str(story)], tmp_path)
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


# --- cleaner config ----------------------------------------------------------------------


def test_cleaner_config_prints_toml_that_reads_back_the_same(tmp_path: Path) -> None:
    write(tmp_path / "house" / "x.yaml", TEAM_RULE)
    write(
        tmp_path / "pyproject.toml",
        '[tool.cleaner]\nselect = ["PU", "names"]\nextra-rules = ["house"]\n'
        '[tool.cleaner.levels]\n"LT:COMMA_RULE" = "info"\nPU101 = "error"\n'
        "[tool.cleaner.readability]\nmax-gunning-fog = 14.5\n",
    )
    code, out, _ = run_main(["config"], tmp_path)
    assert code == 0 and out.startswith(f"# cleaner configuration from {tmp_path / 'pyproject.toml'}\n")
    again = tmp_path / "again"
    write(again / ".cleaner.toml", out)
    assert load_config(again).to_dict() == load_config(tmp_path).to_dict()
    code, out, _ = run_main(["config", "--format", "json", str(tmp_path / "house")], tmp_path)
    payload = json.loads(out)
    assert payload["path"] == str(tmp_path / "pyproject.toml")
    assert payload["settings"]["levels"] == {"LT:COMMA_RULE": "info", "PU101": "error"}


def test_cleaner_config_without_a_file_prints_defaults(tmp_path: Path) -> None:
    code, out, _ = run_main(["config", str(tmp_path)], tmp_path)
    assert code == 0 and out.startswith("# cleaner defaults") and 'fail-on = "info"' in out
