"""Every example of every rule file: fail examples flag exactly the named text and fix the way the
commands fix (safe, unsafe or suggestion, as the findings declare); near misses pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.errors import RuleFileError
from cleaner.examples import example_ids, findings_of, prove_fail, prove_pass
from cleaner.loader import load_rule_file, load_rules
from cleaner.model import FailExample, Rule

RULES = load_rules()
CASES = [(rule, example) for rule in RULES for _, example in example_ids(rule)]
IDS = [case_id for rule in RULES for case_id, _ in example_ids(rule)]


@pytest.mark.parametrize(("rule", "example"), CASES, ids=IDS)
def test_rule_example(rule: Rule, example: FailExample | str) -> None:
    problems = prove_pass(rule, example) if isinstance(example, str) else prove_fail(rule, example)
    assert problems == []


def test_ids_are_readable_and_unique() -> None:
    assert len(IDS) == len(set(IDS))
    assert "PU101-fail2-the-minister-resigned" not in IDS  # named by what is flagged, not the text
    assert "PU101-pass1-he-paused-then-spoke" in IDS and any(i.startswith("NM101-fail1-the-king") for i in IDS)


def test_every_rule_has_examples_and_docs() -> None:
    for rule in RULES:
        assert rule.fail_examples, rule.code
        assert len(rule.pass_examples) >= 2, rule.code
        assert rule.why and rule.summary and rule.message, rule.code
        if rule.fix is not None:
            assert all(example.fixed is not None for example in rule.fail_examples), rule.code


def test_fixes_do_not_reintroduce_the_error() -> None:
    # codespell's lesson: a replacement must not itself trip the rule that proposed it.
    for rule in RULES:
        for example in rule.fail_examples:
            if example.fixed not in (None, example.text):  # unchanged: the finding offers no replacement
                assert findings_of(rule, example.fixed) == [], f"{rule.code}: the fixed text still fires"


# --- the prover catches examples that prove nothing -------------------------------------------

PU101 = next(r for r in RULES if r.code == "PU101")
NM101 = next(r for r in RULES if r.code == "NM101")
AT102 = next(r for r in RULES if r.code == "AT102")
DOUBLE = "The minister resigned.. Officials declined."


@pytest.mark.parametrize(
    ("rule", "example", "fragment"),
    [
        (PU101, FailExample(DOUBLE, ("resigned..",), "The minister resigned. Officials declined."), "flagged ['..']"),
        (PU101, FailExample(DOUBLE, ("..", ".."), "The minister resigned. Officials declined."), "expected ['..', '..']"),
        (PU101, FailExample(DOUBLE, ("..",), "The minister resigned.. Officials declined"), "by `cleaner fix`"),
        (PU101, FailExample("No problem here.", ("..",), "No problem here."), "did not fire"),
        # The king -> Wang is unsafe: it is applied only with --unsafe-fixes, never by plain `fix`.
        (NM101, FailExample("Wang Yi met them. The king also met the envoy.", ("The king",),
                            "Wang Yi met them. The king also met the envoy."), "with --unsafe-fixes"),
        # A suggestion is applied only by accepting it in `cleaner review`.
        (AT102, FailExample("“We will stay.” said. The talks resumed.", (" said.",),
                            "“We will stay.” said. The talks resumed."), "`cleaner review`"),
    ],
)  # fmt: skip
def test_prover_rejects_examples_that_do_not_hold(rule: Rule, example: FailExample, fragment: str) -> None:
    problems = prove_fail(rule, example)
    assert problems and fragment in " ".join(problems), problems


def test_a_flag_string_names_one_span_and_a_list_names_them_all() -> None:
    two = "He left.. Then she spoke.. Nobody stayed."
    fixed = "He left. Then she spoke. Nobody stayed."
    assert prove_fail(PU101, FailExample(two, "..", fixed)) == []  # one of the reported spans
    assert "not 'left..'" in " ".join(prove_fail(PU101, FailExample(two, "left..", fixed)))
    assert prove_fail(PU101, FailExample(two, ("..", ".."), fixed)) == []  # every span, in order
    assert "expected ['..']" in " ".join(prove_fail(PU101, FailExample(two, ("..",), fixed)))


def test_flag_derived_from_fixed_must_be_covered_by_a_reported_span() -> None:
    covered = FailExample(DOUBLE, None, "The minister resigned. Officials declined.")
    assert prove_fail(PU101, covered) == []
    wrong = FailExample("The minister resigned.. Officials declined.", None, "The minister resigned.. Officials declined!")
    assert "give `flag`" in " ".join(prove_fail(PU101, wrong))


RULE = """\
code: XX101
name: test-rule
summary: A test rule.
why: Because.
level: warning
kind: pattern
pattern: '\\.\\.'
message: Doubled.
fix: {title: One period, replace: ".", safety: safe}
examples:
  fail:
    - {text: "He left.. Then.", flag: "..", fixed: "He left. Then."}
  pass: ["He left.", "Wait..."]
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ('flag: "..", fixed: "He left. Then."', 'flag: ".."', 12, "examples.fail[0]: needs `fixed`"),
        ('{text: "He left.. Then.", flag: "..", fixed: "He left. Then."}', '"He left.. Then."', 12, "must be a mapping"),
        ('flag: ".."', 'flag: 3', 12, "examples.fail[0].flag: "),
        ('flag: ".."', 'flog: ".."', 12, "examples.fail[0].flog: unknown field"),
        ("fix: {title: One period, replace: \".\", safety: safe}\n", "", 12, "no fix, so its examples have no `fixed`"),
    ],
)
def test_example_errors_name_the_example(tmp_path: Path, old: str, new: str, line: int, fragment: str) -> None:
    text = RULE.replace(old, new)
    assert text != RULE
    path = tmp_path / "cat" / "rule.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path, tmp_path)
    message = str(caught.value)
    expected_line = line - 1 if "fix:" in old else line
    assert message.startswith(f"{path}:{expected_line}:") and fragment in message, message
