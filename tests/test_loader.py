"""Rule files: schema checks, unique codes, and errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.errors import RuleFileError
from cleaner.loader import load_rule_file, load_rules

VALID = """\
code: XX101
name: test-rule
summary: A test rule.
why: Because.
level: warning
kind: pattern
pattern: 'foo'
message: Foo found.
examples:
  fail: [{text: "foo bar.", flag: "foo"}]
  pass: ["bar.", "baz."]
"""


def _write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    path = tmp_path / "cat" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_rules_have_unique_codes_and_names() -> None:
    rules = load_rules()
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))
    assert codes == sorted(codes)
    for rule in rules:
        assert rule.category == Path(rule.path).parent.name


def test_valid_rule_file_loads_with_category_from_folder(tmp_path: Path) -> None:
    rule = load_rule_file(_write(tmp_path, VALID), tmp_path)
    assert (rule.code, rule.category, rule.kind) == ("XX101", "cat", "pattern")


@pytest.mark.parametrize(
    ("mutation", "line", "fragment"),
    [
        (lambda t: t.replace("level: warning", "level: severe"), 5, "level"),
        (lambda t: t.replace("pattern: 'foo'", "pattern: 'fo(o'"), 7, "invalid regular expression"),
        (lambda t: t.replace("kind: pattern", "kind: nonsense"), 6, "unknown rule kind"),
        (lambda t: t.replace("code: XX101", "code: X1"), 1, "code"),
        (lambda t: t + "colour: red\n", 12, "unknown field"),
        (lambda t: t.replace('  pass: ["bar.", "baz."]', '  pass: ["bar."]'), 9, "at least two"),
        (lambda t: t.replace("message: Foo found.", "message: [unclosed"), 9, "invalid YAML"),
    ],
)
def test_malformed_rule_file_names_file_and_line(tmp_path: Path, mutation, line: int, fragment: str) -> None:
    path = _write(tmp_path, mutation(VALID))
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("mutation", "line", "fragment"),
    [
        # Kind options are declared with a type: a mistyped value names its key and line.
        (lambda t: t + "ignore-case: yes please\n", 12, "ignore-case: must be true or false"),
        (lambda t: t + "exceptions: LinkedIn\n", 12, "exceptions: must be a list of strings"),
        (lambda t: t + "where: {quotes: nowhere}\n", 12, "where: quotes: must be one of outside, inside, any"),
        (lambda t: t + "where: {place: start}\n", 12, "where: place: unknown field"),
        (lambda t: t + "transform: shout\n", 12, "transform: must be one of lower"),
        (lambda t: t + "flags: ignore-case\n", 12, "flags: unknown field for kind 'pattern'"),
        (lambda t: t.replace("pattern: 'foo'\n", ""), 1, "pattern: required by kind 'pattern'"),
        (lambda t: t.replace("kind: pattern\npattern: 'foo'", "kind: attribution\nmax-words: ten"), 7, "max-words: must be a whole number"),
        # One meaning of fix.replace, held to the kind's declaration.
        (lambda t: t + "fix: {title: Fix it, safety: safe}\n", 12, "fix: kind 'pattern' needs `replace`"),
        (lambda t: t + "fix: {title: Fix it, safety: maybe, replace: x}\n", 12, "fix: safety: must be one of safe"),
        (lambda t: t + "fix: {title: Fix it, safety: safe, replace: 3}\n", 12, "fix: replace: must be a string"),
        (lambda t: t.replace("kind: pattern\npattern: 'foo'", "kind: swap\nswap: {foo: bar}")
         + "fix: {title: Fix it, safety: safe, replace: bar}\n", 12, "fix.replace: kind 'swap' computes the replacement"),
        (lambda t: t.replace("kind: pattern\npattern: 'foo'", "kind: quote-balance")
         + "fix: {title: Fix it, safety: safe}\n", 11, "fix: kind 'quote-balance' proposes no replacement"),
    ],
)  # fmt: skip
def test_kind_options_and_fix_are_checked_against_the_declaration(tmp_path: Path, mutation, line: int, fragment: str) -> None:
    path = _write(tmp_path, mutation(VALID))
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:") and fragment in message, message


def test_options_are_complete_with_declared_defaults(tmp_path: Path) -> None:
    rule = load_rule_file(_write(tmp_path, VALID + "ignore-case: true\nwhere: {position: sentence-start}\n"), tmp_path)
    assert dict(rule.options) == {
        "pattern": "foo",
        "ignore-case": True,
        "where": {"quotes": "outside", "position": "sentence-start", "headings": "skip", "lowercase-paragraphs": "any"},
        "exceptions": (),
        "transform": None,
    }
    from cleaner.engine import Engine

    assert [f.text for f in Engine([rule]).check("FOO is here. Then foo.")] == ["FOO"]


def test_missing_field_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("why: Because.\n", ""))
    with pytest.raises(RuleFileError, match=r"missing required field 'why'"):
        load_rule_file(path, tmp_path)


def test_duplicate_codes_are_rejected(tmp_path: Path) -> None:
    _write(tmp_path, VALID, "a.yaml")
    _write(tmp_path, VALID.replace("name: test-rule", "name: other-rule"), "b.yaml")
    with pytest.raises(RuleFileError, match=r"b.yaml:1: code: 'XX101' is already used by .*a.yaml"):
        load_rules((tmp_path,))


def test_cli_lists_and_explains_rules(cli) -> None:
    listing = cli("rules")
    assert listing.returncode == 0
    assert b"PU101" in listing.stdout and b"double-period" in listing.stdout
    explained = cli("explain", "PU101")
    assert explained.returncode == 0 and b"Why:" in explained.stdout
    unknown = cli("explain", "ZZ999")
    assert unknown.returncode == 2
    assert unknown.stderr.decode().count("\n") == 1 and b"Traceback" not in unknown.stderr


def test_a_relative_folder_is_read_again_after_a_chdir(tmp_path: Path, monkeypatch) -> None:
    """load_rules caches by folder; "rules" in another working folder is another folder."""
    codes = {}
    for name, code in (("a", "XA101"), ("b", "XB101")):
        folder = tmp_path / name / "rules"
        folder.mkdir(parents=True)
        (folder / "x.yaml").write_text(
            f"code: {code}\nname: x-rule\nsummary: s\nwhy: w\nlevel: warning\nkind: pattern\npattern: 'foo'\n"
            "message: m\nexamples:\n  fail: [{text: a foo, flag: foo}]\n  pass: [b, c]\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path / name)
        codes[name] = [rule.code for rule in load_rules((Path("rules"),))]
    assert codes == {"a": ["XA101"], "b": ["XB101"]}
