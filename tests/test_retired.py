"""Retired codes: listed with a name and a reason, and never given to another rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.errors import RuleFileError
from cleaner.loader import builtin_rules_dir, load_rules
from cleaner.retired import load_retired
from test_config import TEAM_RULE, run_main, write

CODE_SHAPE = r"^[A-Z]{2}\d{3}$"


def test_the_builtin_list_is_well_formed_and_never_reused() -> None:
    import re

    retired = load_retired(builtin_rules_dir())
    codes = [entry.code for entry in retired]
    assert len(codes) == len(set(codes)) and codes == sorted(codes)
    assert all(re.match(CODE_SHAPE, code) for code in codes)
    taken = {key for rule in load_rules() for key in (rule.code, rule.name, *rule.aliases)}
    assert taken.isdisjoint(codes) and taken.isdisjoint(entry.name for entry in retired)


RETIRED = "retired:\n  - {code: HR901, name: old-foobar, reason: Replaced by the house style checker.}\n"


def test_a_rule_taking_a_retired_code_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "house" / "retired.yaml", RETIRED)
    write(tmp_path / "house" / "style" / "foobar.yaml", TEAM_RULE)
    with pytest.raises(RuleFileError, match=r"foobar.yaml:1: code: 'HR901' belonged to the retired rule HR901 old-foobar"):
        load_rules((tmp_path / "house",))
    # A retired name is refused too, and the list in one folder guards the rules of every folder.
    write(tmp_path / "other" / "style" / "foobar.yaml", TEAM_RULE.replace("HR901", "HR902").replace("banned-word-foobar", "old-foobar"))
    (tmp_path / "house" / "style" / "foobar.yaml").unlink()
    with pytest.raises(RuleFileError, match=r"foobar.yaml:2: name: 'old-foobar' belonged to the retired rule"):
        load_rules((tmp_path / "house", tmp_path / "other"))


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("retired: {code: HR901}\n", "retired: must be a list"),
        ("retired:\n  - {code: HR901, name: old-foobar}\n", "retired.yaml:2: retired[0].reason: required"),
    ],
)
def test_a_malformed_retired_list_names_the_file(tmp_path: Path, body: str, fragment: str) -> None:
    write(tmp_path / "house" / "retired.yaml", body)
    write(tmp_path / "house" / "style" / "foobar.yaml", TEAM_RULE.replace("HR901", "HR903"))
    with pytest.raises(RuleFileError, match="retired.yaml") as caught:
        load_rules((tmp_path / "house",))
    assert fragment in str(caught.value)


def test_explain_says_why_a_code_was_retired(tmp_path: Path) -> None:
    write(tmp_path / "house" / "retired.yaml", RETIRED)
    write(tmp_path / ".cleaner.toml", 'extra-rules = ["house"]\n')
    code, out, _ = run_main(["explain", "HR901"], tmp_path)
    assert code == 0 and out.strip() == "HR901 old-foobar is retired: Replaced by the house style checker."
