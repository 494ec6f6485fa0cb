"""Generated docs stay current; `rules` and `explain` show team rules, kinds and the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import docgen
from cleaner.kinds import registry
from cleaner.loader import load_rules
from test_config import TEAM_RULE, run_main, write
from tests_support import ROOT


def test_generated_docs_are_current() -> None:
    # README tables and docs/rule-schema.md come from the tree; regenerate them when this fails.
    assert docgen.stale(ROOT) == [], f"run `{docgen.REGENERATE}`"


def test_write_regenerates_a_drifted_part(tmp_path: Path) -> None:
    for name in ("README.md", docgen.SCHEMA_DOC):
        write(tmp_path / name, (ROOT / name).read_text(encoding="utf-8"))
    readme = tmp_path / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("| PU101 |", "| PU199 |"), encoding="utf-8")
    (tmp_path / docgen.SCHEMA_DOC).unlink()
    assert docgen.stale(tmp_path) == ["README.md (rules-table)", docgen.SCHEMA_DOC]
    assert docgen.write(tmp_path) == ["README.md", docgen.SCHEMA_DOC]
    assert docgen.stale(tmp_path) == [] and docgen.write(tmp_path) == []


def test_schema_documents_every_kind_and_option() -> None:
    schema = docgen.rule_schema()
    for name, kind in registry().items():
        assert f"### `{name}`" in schema
        for option in kind.OPTIONS:
            assert f"| `{option.name}` |" in schema, (name, option.name)
    assert "| `examples.fail` |" in schema and "| `flag` |" in schema and "| `fix.replace` |" in schema


def test_every_kind_declares_its_contract() -> None:
    # Adding a kind is adding a module: these are what the loader, the engine and the docs read.
    for name, kind in registry().items():
        assert kind.KIND == name and callable(kind.build)
        assert isinstance(kind.OPTIONS, tuple) and kind.REPLACEMENT.doc
        assert docgen.kind_summary(kind), f"{name}: a docstring saying what the kind finds"
        assert all(option.doc for option in kind.OPTIONS), name
        assert "Fields:" not in (kind.__doc__ or ""), f"{name}: options are declared, not described in the docstring"


def test_explain_shows_kind_options_and_schema(tmp_path: Path) -> None:
    code, out, _ = run_main(["explain", "PU101"], tmp_path)
    assert code == 0 and "Kind: pattern: a regular expression" in out and "  where: {quotes: any" in out
    assert "flags: '..'" in out
    code, out, _ = run_main(["explain", "--kind", "swap"], tmp_path)
    assert code == 0 and "| `ignore-case` | boolean | default `false` |" in out
    code, out, _ = run_main(["explain", "--schema"], tmp_path)
    assert code == 0 and out == docgen.rule_schema()
    assert run_main(["explain", "--kind", "nonsense"], tmp_path)[0] == 2
    code, _, err = run_main(["explain", "ZZ999"], tmp_path)
    assert code == 2 and err.count("\n") == 1


def test_explain_readability_limits_are_rules(tmp_path: Path) -> None:
    code, out, _ = run_main(["explain", "RE901"], tmp_path)
    assert code == 0 and out.startswith("RE901 low-reading-ease (readability, warning)") and "limit: none" in out
    write(tmp_path / ".cleaner.toml", "[readability]\nmin-flesch-reading-ease = 30\nlevel = \"error\"\n")
    code, out, _ = run_main(["explain", "low-reading-ease"], tmp_path)
    assert code == 0 and "(readability, error)" in out and "limit: 30" in out


def test_rules_and_explain_read_team_rules_from_config_and_flags(tmp_path: Path) -> None:
    write(tmp_path / "house" / "style" / "foobar.yaml", TEAM_RULE)
    code, out, _ = run_main(["rules"], tmp_path)
    assert code == 0 and "HR901" not in out
    write(tmp_path / ".cleaner.toml", 'extra-rules = ["house"]\n')
    code, out, _ = run_main(["rules"], tmp_path)
    assert code == 0 and "HR901  banned-word-foobar" in out and "PU101" in out
    code, out, _ = run_main(["rules", "--markdown", "--no-builtin-rules"], tmp_path)
    assert code == 0 and out.count("\n| ") == 1 and "| HR901 | `banned-word-foobar` | style | error |" in out
    code, out, _ = run_main(["explain", "HR901"], tmp_path)
    assert code == 0 and out.startswith("HR901 banned-word-foobar (style, error)")
    other = tmp_path / "elsewhere"
    other.mkdir()
    code, out, _ = run_main(["explain", "--extra-rules", str(tmp_path / "house"), "banned-word-foobar"], other)
    assert code == 0 and "HR901" in out
    assert run_main(["rules", "--markdown", "--write", "--extra-rules", "house"], tmp_path)[0] == 2


SURNAMES = """\
Tanabe: {chars: 田辺, nouns: [field edge]}
"""
TEAM_CALQUE = """\
code: HR902
name: team-surname-calque
summary: Team surnames translated literally.
why: Our wire garbles these names.
level: warning
kind: surname-calque
gazetteer: team-surnames
verbs: [said]
message: A surname translated literally.
fix: {title: Use the surname, safety: unsafe}
examples:
  fail:
    - {text: "Tanabe Ken spoke first. The field edge said no.", flag: "The field edge", fixed: "Tanabe Ken spoke first. Tanabe said no."}
  pass: ["The field edge said no.", "Tanabe Ken said no."]
"""


def test_team_gazetteers_load_from_the_team_folder(tmp_path: Path) -> None:
    write(tmp_path / "house" / "data" / "team-surnames.yaml", SURNAMES)
    write(tmp_path / "house" / "names" / "calque.yaml", TEAM_CALQUE)
    [rule] = load_rules((tmp_path / "house",))
    from cleaner.examples import prove_fail, prove_pass

    assert prove_fail(rule, rule.fail_examples[0]) == []
    assert all(prove_pass(rule, text) == [] for text in rule.pass_examples)
    # A built-in gazetteer is still found from a team folder without its own copy.
    write(tmp_path / "house2" / "names" / "calque.yaml", TEAM_CALQUE.replace("team-surnames", "surnames"))
    assert load_rules((tmp_path / "house2",))[0].options["gazetteer"] == "surnames"


@pytest.mark.parametrize("missing", ["team-surnames", "no-such-list"])
def test_a_missing_gazetteer_names_the_rule_file(tmp_path: Path, missing: str) -> None:
    from cleaner.errors import RuleFileError

    write(tmp_path / "house" / "names" / "calque.yaml", TEAM_CALQUE.replace("team-surnames", missing))
    with pytest.raises(RuleFileError, match=r"calque.yaml:7: gazetteer: gazetteer '" + missing):
        load_rules((tmp_path / "house",))


def test_ci_runs_the_readme_test_command_and_the_fast_lane_uses_registered_markers() -> None:
    import re

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.search(r"Run the tests .*?\n```sh\n(.*?)\n```", readme, re.S).group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == test_command == "cleaner languagetool install && python -m pytest"
    pytest_ini = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "-m" not in pytest_ini.get("addopts", "").split()  # the plain command runs every lane
    registered = {marker.split(":")[0] for marker in pytest_ini["markers"]}
    fast = re.search(r"<!-- test: fast-lane -->\n```sh\n(.*?)\n```", readme).group(1)
    assert fast == 'python -m pytest -m "not slow and not languagetool and not browser"'
    assert set(re.findall(r"not (\w+)", fast)) == registered == {"slow", "languagetool", "browser"}
