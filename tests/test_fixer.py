"""The fix engine: choosing and applying edits, and its properties over generated and seed texts.

Properties (hypothesis, over a test rule set written to a temp folder and over the built-in
rules): fixing twice equals fixing once; text outside the edited spans is identical; a
fix never raises; CRLF text gains no bare LF.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner.api import engine_for
from cleaner.engine import Engine
from cleaner.fixer import (
    MAX_PASSES,
    FixResult,
    allowed_safeties,
    apply_edits,
    choose_edits,
    edit_for,
    fix_text,
)
from cleaner.loader import load_rules
from cleaner.model import Edit, Finding, Level, Safety

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
ALLOWED_SETS = [allowed_safeties(), allowed_safeties(unsafe=True), allowed_safeties(suggestions=True)]
PROPERTY_SETTINGS = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])

# A small rule pack with the shapes that make fixing hard: overlapping spans of different
# safety, two insertions at the same point, a deletion next to a replacement, a fix that
# enables another one, and a multi-candidate suggestion.
TEST_RULES = {
    "punctuation/double-period.yaml": r"""
code: TS101
name: test-double-period
summary: Doubled full stop.
why: test
level: warning
kind: pattern
pattern: '(?<=\p{L})\.\.(?!\.)'
message: Stray double period.
fix: {title: One period, replace: ".", safety: safe}
examples:
  fail: [{text: "He left.. Then she spoke.", fixed: "He left. Then she spoke."}]
  pass: ["Wait... now it is.", "Run x ..y later."]
""",
    "attribution/said.yaml": r"""
code: TS102
name: test-capital-said
summary: Capitalised Said after a speaker.
why: test
level: warning
kind: pattern
pattern: '(?<=\p{L}[ ]|”[ ])Said\b'
message: Lower-case said.
fix: {title: Lower-case, replace: "said", safety: safe}
examples:
  fail: [{text: "China Said.", fixed: "China said."}]
  pass: ["Said Hamdan spoke.", "he said"]
""",
    "attribution/said-dots.yaml": r"""
code: TS103
name: test-said-dots
summary: Said followed by two dots, overlapping two other rules.
why: test
level: info
kind: pattern
pattern: 'Said\.\.'
message: Said with dots.
fix: {title: Tidy, replace: "said (sic).", safety: unsafe}
examples:
  fail: [{text: "China Said..", flag: "Said..", fixed: "China said (sic)."}]
  pass: ["China said.", "Said."]
""",
    "joins/glued-space.yaml": r"""
code: TS104
name: test-glued-space
summary: Glued words get a space.
why: test
level: warning
kind: pattern
pattern: '(?<=\p{Ll}\p{Ll})(?=\p{Lu}\p{Ll})'
message: Missing space.
fix: {title: Insert a space, replace: " ", safety: safe}
examples:
  fail: [{text: "In TajikistanThe goal was met.", fixed: "In Tajikistan The goal was met."}]
  pass: ["In Tajikistan The end.", "I bought an iPhone."]
""",
    "joins/glued-stop.yaml": r"""
code: TS105
name: test-glued-stop
summary: Glued sentences get a full stop (insertion at the same point as TS104).
why: test
level: warning
kind: pattern
pattern: '(?<=\p{Ll}\p{Ll})(?=\p{Lu}\p{Ll})'
message: Missing full stop.
fix: {title: Insert a full stop, replace: ". ", safety: unsafe}
examples:
  fail: [{text: "In TajikistanThe goal was met.", flag: "", fixed: "In Tajikistan. The goal was met."}]
  pass: ["In Tajikistan. The end.", "I use eBay."]
""",
    "punctuation/space-comma.yaml": r"""
code: TS106
name: test-space-before-comma
summary: Space before a comma.
why: test
level: warning
kind: pattern
pattern: '[ ]+(?=,)'
message: Space before comma.
fix: {title: Delete the space, replace: "", safety: safe}
examples:
  fail: [{text: "Yes , she said.", fixed: "Yes, she said."}]
  pass: ["Yes, she said.", "Yes ; she said."]
""",
    "punctuation/double-comma.yaml": r"""
code: TS107
name: test-double-comma
summary: Doubled comma.
why: test
level: warning
kind: pattern
pattern: ',,'
message: Doubled comma.
fix: {title: One comma, replace: ",", safety: safe}
examples:
  fail: [{text: "Yes,, she said.", fixed: "Yes, she said."}]
  pass: ["Yes, she said.", "Yes; she said."]
""",
    "capitalization/according.yaml": r"""
code: TS108
name: test-according-start
summary: Lower-case according at a sentence start.
why: test
level: warning
kind: pattern
pattern: '\baccording\b'
where: {position: sentence-start}
transform: capitalize-first
message: Capitalise.
fix: {title: Capitalise, replace: '\g<0>', safety: safe}
examples:
  fail: [{text: "according to him, yes.", fixed: "According to him, yes."}]
  pass: ["It was according to plan.", "According to him."]
""",
    "names/king.yaml": r"""
code: TS109
name: test-king-wang
summary: The king is Wang.
why: test
level: warning
kind: swap
swap: {"The king": "Wang"}
fix: {title: Use the surname, safety: unsafe}
message: Literal name.
examples:
  fail: [{text: "The king met him.", fixed: "Wang met him."}]
  pass: ["the king met him", "The kingdom"]
""",
    "style/colour.yaml": r"""
code: TS110
name: test-colour-variants
summary: Several candidates make a suggestion.
why: test
level: info
kind: swap
swap: {"colour": "color|hue"}
fix: {title: Pick one, safety: suggest}
message: Spelling variant.
examples:
  fail: [{text: "The colour is red.", flag: "colour", fixed: "The color is red."}]
  pass: ["The color is red.", "Many colours here."]
""",
}

WORDS = [
    "The", "the", "king", "The king", "Said", "said", "China", "according", "to", "In", "February",
    "TajikistanThe", "goal", "Wang", "I", "called.", "colour", "a", "b", "iPhone", "met", "Ministry",
    "..", ". ..", ".", ",", ",,", " ,", "“", "”", '"', "’", "...", "é", "—",
]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", "\n\n"]


def sentence_text(newline: str = "\n") -> st.SearchStrategy[str]:
    """Sentence-ish text: words, quotes, full stops and capitals, joined by spaces and newlines."""
    token = st.sampled_from(WORDS)
    piece = st.tuples(token, st.sampled_from(SEPARATORS)).map(lambda p: p[0] + p[1])
    return st.lists(piece, max_size=40).map(lambda parts: "".join(parts).replace("\n", newline))


@pytest.fixture(scope="module")
def test_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("rules")
    for name, body in TEST_RULES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body.lstrip(), encoding="utf-8")
    return Engine(load_rules((folder,)))


@pytest.fixture(scope="module")
def builtin_engine() -> Engine:
    return engine_for()


def finding(start: int, end: int, replacement: str | None, text: str, safety: Safety = Safety.SAFE, code: str = "TS001") -> Finding:
    return Finding(
        code=code, rule=code.lower(), category="test", level=Level.WARNING, message="m",
        start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
        text=text[start:end] if 0 <= start <= end <= len(text) else "", safety=safety,
        replacements=() if replacement is None else (replacement,),
    )


def assert_outside_identical(before: str, after: str, edits: tuple[Edit, ...]) -> None:
    """Every character outside the edits is copied unchanged, in order."""
    pos_before = pos_after = 0
    for edit in sorted(edits):
        kept = before[pos_before : edit.start]
        assert after[pos_after : pos_after + len(kept)] == kept
        pos_after += len(kept)
        assert after[pos_after : pos_after + len(edit.replacement)] == edit.replacement
        pos_after += len(edit.replacement)
        pos_before = edit.end
    assert after[pos_after:] == before[pos_before:]


def assert_fix_properties(text: str, check, allowed: frozenset[Safety]) -> FixResult:
    """Idempotent, outside-span identical, a fixed point of the allowed fixes, within the pass limit."""
    result = fix_text(text, check, allowed)
    assert result.passes <= MAX_PASSES
    current = text
    for step in result.steps:
        updated = apply_edits(current, step)
        assert_outside_identical(current, updated, step)
        current = updated
    assert current == result.fixed
    again = fix_text(result.fixed, check, allowed)
    assert again.fixed == result.fixed
    assert not again.applied
    unstable = set(result.unstable)
    usable = [f for f in result.remaining if f.code not in unstable]
    assert choose_edits(usable, allowed, result.fixed) == []
    assert [f.to_dict() for f in result.remaining] == [f.to_dict() for f in check(result.fixed)]
    return result


# --- choose_edits / apply_edits -------------------------------------------------------------


def test_choose_edits_prefers_safe_then_earliest_then_code_and_ignores_input_order() -> None:
    text = "abcdefgh"
    findings = [
        finding(0, 4, "X", text, Safety.UNSAFE, "TS002"),
        finding(2, 5, "Y", text, Safety.SAFE, "TS003"),
        finding(2, 5, "Z", text, Safety.SAFE, "TS001"),
        finding(6, 6, "+", text, Safety.SAFE, "TS004"),
        finding(6, 6, "-", text, Safety.SAFE, "TS005"),
        finding(7, 8, "H", text, Safety.SAFE, "TS006"),
    ]
    allowed = allowed_safeties(unsafe=True)
    results = {
        tuple((e, f.code) for e, f in choose_edits(list(order), allowed, text))
        for order in itertools.permutations(findings)
    }
    assert results == {((Edit(2, 5, "Z"), "TS001"), (Edit(6, 6, "+"), "TS004"), (Edit(7, 8, "H"), "TS006"))}


def test_choose_edits_respects_safety_and_drops_stale_or_out_of_range_findings() -> None:
    text = "hello world"
    fresh = finding(0, 5, "Hello", text)
    unsafe = finding(6, 11, "World", text, Safety.UNSAFE)
    stale = Finding(**{**fresh.__dict__, "start": 6, "end": 11, "code": "TS009"})  # text says "hello"
    outside = Finding(**{**fresh.__dict__, "start": 8, "end": 40, "code": "TS010"})
    chosen = choose_edits([fresh, unsafe, stale, outside], allowed_safeties(), text)
    assert [e for e, _ in chosen] == [Edit(0, 5, "Hello")]
    suggest = finding(0, 5, "Hi", text, Safety.SUGGEST)
    assert choose_edits([suggest], allowed_safeties(unsafe=True), text) == []
    assert choose_edits([suggest], allowed_safeties(suggestions=True), text) != []


def test_edit_for_skips_findings_without_a_real_change() -> None:
    text = "same"
    assert edit_for(finding(0, 4, None, text)) is None
    assert edit_for(finding(0, 4, "same", text)) is None
    assert edit_for(finding(0, 4, "SAME", text)) == Edit(0, 4, "SAME")


def test_apply_edits_refuses_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert apply_edits("abcdef", [Edit(4, 4, "|"), Edit(0, 1, "")]) == "bcd|ef"


@PROPERTY_SETTINGS
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.text(max_size=4)), max_size=12))
def test_apply_chosen_edits_keeps_everything_outside_the_spans(text: str, raw: list[tuple[int, int, str]]) -> None:
    findings = [finding(s, s + n, r, text, code=f"TS{i:03d}") for i, (s, n, r) in enumerate(raw)]
    chosen = choose_edits(findings, allowed_safeties(), text)
    edits = tuple(e for e, _ in chosen)
    for a, b in itertools.combinations(edits, 2):
        assert a.end <= b.start or b.end <= a.start
        assert not (a.start == a.end == b.start or b.start == b.end == a.start)
    assert_outside_identical(text, apply_edits(text, edits), edits)


# --- fix_text with hand-made checkers -------------------------------------------------------


def _swap_checker(pairs: dict[str, tuple[str, str]]):
    """Checker: each code replaces every occurrence of a word with another (safe)."""

    def check(text: str) -> list[Finding]:
        out = []
        for code, (old, new) in sorted(pairs.items()):
            start = text.find(old)
            while start >= 0:
                out.append(finding(start, start + len(old), new, text, code=code))
                start = text.find(old, start + 1)
        return out

    return check


def test_fixes_that_undo_each_other_are_set_aside_and_the_result_is_stable() -> None:
    check = _swap_checker({"TS001": ("cat", "dog"), "TS002": ("dog", "cat"), "TS003": ("bad", "good")})
    result = fix_text("a cat and a bad day", check, allowed_safeties())
    assert result.fixed == "a cat and a good day"
    assert result.unstable == ("TS001", "TS002")
    assert fix_text(result.fixed, check, allowed_safeties()).fixed == result.fixed


def test_a_fix_that_keeps_triggering_itself_is_bounded() -> None:
    check = _swap_checker({"TS001": ("a", "aa")})
    result = fix_text("banana", check, allowed_safeties())
    assert result.fixed == "banana" and result.unstable == ("TS001",)
    assert result.passes == 0


@PROPERTY_SETTINGS
@given(
    st.text(max_size=40),
    st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50), st.text(max_size=5), st.sampled_from(list(Safety))), max_size=10),
)
@example(text="0" * 13, raw=[(0, 1, "", Safety.SAFE), (0, 2, "", Safety.SAFE)])
def test_fix_never_raises_on_malformed_findings(text: str, raw) -> None:
    """Findings with negative, reversed, out-of-range or stale spans are ignored, never applied blindly;
    fixing the result again changes nothing once the codes set aside as unstable stay set aside."""

    def check(current: str) -> list[Finding]:
        return [
            Finding(
                code=f"TS{i:03d}", rule="r", category="c", level=Level.INFO, message="m", start=s, end=e,
                line=1, column=1, end_line=1, end_column=1, text=current[s:e] if 0 <= s <= e else "?",
                replacements=(r,), safety=safety,
            )
            for i, (s, e, r, safety) in enumerate(raw)
        ]

    for allowed in ALLOWED_SETS:
        result = fix_text(text, check, allowed)
        assert isinstance(result.fixed, str)
        # A code whose fixes never settle (here one deleting text for ever) is set aside; the rest is a fixed point.
        assert fix_text(result.fixed, _without(check, result.unstable), allowed).fixed == result.fixed


def _without(check, codes: tuple[str, ...]):
    """The checker with the findings of `codes` left out."""
    return lambda current: [f for f in check(current) if f.code not in codes]


# --- properties over a real rule pack --------------------------------------------------------


def test_test_rule_pack_examples_fix_as_declared(test_engine: Engine) -> None:
    for rule in test_engine.rules:
        single = Engine([rule])
        for example in rule.fail_examples:
            assert single.check(example.text), (rule.code, example.text)
            if example.fixed is not None:
                everything = allowed_safeties(suggestions=True)
                assert fix_text(example.text, single.check, everything).fixed == example.fixed
        for text in rule.pass_examples:
            assert not single.check(text), (rule.code, text)


def test_overlaps_and_insertions_settle_over_passes(test_engine: Engine) -> None:
    text = "China Said.. Then in TajikistanThe goal , ,, was met.\n\naccording to the king."
    safe = assert_fix_properties(text, test_engine.check, allowed_safeties())
    assert safe.fixed == "China said. Then in Tajikistan The goal, was met.\n\nAccording to the king."
    unsafe = assert_fix_properties(text, test_engine.check, allowed_safeties(unsafe=True))
    # The safe fixes beat the overlapping unsafe TS103 and the unsafe insertion TS105 at the same point.
    assert unsafe.fixed == safe.fixed


@PROPERTY_SETTINGS
@given(sentence_text(), st.sampled_from(ALLOWED_SETS))
def test_fix_properties_on_generated_text_with_test_rules(test_engine: Engine, text: str, allowed) -> None:
    assert_fix_properties(text, test_engine.check, allowed)


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(sentence_text(), st.sampled_from(ALLOWED_SETS))
def test_fix_properties_on_generated_text_with_builtin_rules(builtin_engine: Engine, text: str, allowed) -> None:
    assert_fix_properties(text, builtin_engine.check, allowed)


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(sentence_text(newline="\r\n"), st.sampled_from(ALLOWED_SETS))
def test_crlf_text_gains_no_bare_newline(test_engine: Engine, builtin_engine: Engine, text: str, allowed) -> None:
    for engine in (test_engine, builtin_engine):
        fixed = fix_text(text, engine.check, allowed).fixed
        assert fixed.count("\n") == fixed.count("\r\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("allowed", ALLOWED_SETS[:2], ids=["safe", "unsafe"])
def test_fix_properties_on_seeds(builtin_engine: Engine, seed: Path, allowed) -> None:
    text = seed.read_text(encoding="utf-8")
    assert_fix_properties(text, builtin_engine.check, allowed)
    crlf = text.replace("\n", "\r\n")
    fixed = assert_fix_properties(crlf, builtin_engine.check, allowed).fixed
    assert fixed.count("\n") == fixed.count("\r\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_applied_fixes_on_seeds_have_the_allowed_safety(builtin_engine: Engine, seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    safe = fix_text(text, builtin_engine.check, allowed_safeties())
    assert all(f.safety is Safety.SAFE for f in safe.applied)
    unsafe = fix_text(text, builtin_engine.check, allowed_safeties(unsafe=True))
    assert all(f.safety in (Safety.SAFE, Safety.UNSAFE) for f in unsafe.applied)
    assert len(unsafe.applied) >= len(safe.applied) or unsafe.unstable
