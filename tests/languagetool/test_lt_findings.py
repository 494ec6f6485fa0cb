"""LanguageTool's findings on the seed article, merged with ours (real server)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cleaner.document import Document
from cleaner.languagetool import DISABLED_RULES, GrammarChecker, GrammarOptions, merge_findings
from cleaner.languagetool.disabled import measured_rules
from cleaner.model import Finding, Level, Safety


def ours(text: str, start: int, end: int, code: str, category: str) -> Finding:
    """A hand-made built-in finding over text[start:end]."""
    doc = Document(text)
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return Finding(
        code=code, rule=code.lower(), category=category, level=Level.WARNING, message="ours",
        start=start, end=end, line=line, column=col, end_line=end_line, end_column=end_col,
        text=text[start:end], replacements=(), safety=None, source="cleaner",
    )


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    """Findings with one code."""
    return [f for f in findings if f.code == code]


def test_seed_findings_are_real_languagetool_matches(options: GrammarOptions, seed_text: str) -> None:
    with GrammarChecker(replace(options, raw=True)) as gc:  # every match, whatever the measured list says
        findings = gc.check(seed_text)
    assert gc.info is not None and gc.info.version.startswith("6.")
    codes = {f.code for f in findings}
    assert {"LT:UPPERCASE_SENTENCE_START", "LT:DOUBLE_PUNCTUATION", "LT:MORFOLOGIK_RULE_EN_US"} <= codes
    glued = [f for f in findings if f.text == "TajikistanThe"]
    assert glued and glued[0].category == "spelling" and "Tajikistan The" in glued[0].replacements
    doc = Document(seed_text)
    for f in findings:
        assert f.source == "languagetool" and f.code.startswith("LT:")
        assert seed_text[f.start : f.end] == f.text
        assert (f.line, f.column) == doc.line_col(f.start)
        assert (f.end_line, f.end_column) == doc.line_col(f.end)
        assert f.safety in (Safety.SUGGEST, None)  # never auto-applied by default
        assert f.category in {"punctuation", "capitalization", "grammar", "spelling", "style",
                              "typography", "whitespace"}
        assert f.level is (Level.INFO if f.category in {"style", "typography"} else Level.WARNING)
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    json.dumps([f.to_dict() for f in findings])  # the JSON report shape holds


def test_merge_drops_languagetool_duplicates_of_ours(options: GrammarOptions, seed_text: str) -> None:
    with GrammarChecker(replace(options, raw=True)) as gc:
        theirs = gc.check(seed_text)
    dots = seed_text.index("Ukraine. ..") + len("Ukraine. ")
    lower = seed_text.index("according to US")
    built_in = [
        ours(seed_text, dots, dots + 2, "P001", "punctuation"),
        ours(seed_text, lower, lower + 1, "C001", "capitalization"),  # narrower than LT's word
    ]
    assert by_code(theirs, "LT:DOUBLE_PUNCTUATION") and by_code(theirs, "LT:UPPERCASE_SENTENCE_START")
    merged = merge_findings(built_in, theirs)
    assert not by_code(merged, "LT:DOUBLE_PUNCTUATION")
    assert not by_code(merged, "LT:UPPERCASE_SENTENCE_START")
    assert all(f in merged for f in built_in)
    assert len(merged) == len(built_in) + len(theirs) - 2
    assert merged == sorted(merged, key=lambda f: f.sort_key)
    # An unrelated finding of ours over the same word does not hide LanguageTool's.
    other = ours(seed_text, lower, lower + 9, "N001", "names")
    assert by_code(merge_findings([other], theirs), "LT:UPPERCASE_SENTENCE_START")


def test_allow_listed_rule_becomes_an_unsafe_fix(options: GrammarOptions, seed_text: str) -> None:
    allowed = replace(options, allow_fix_rules=("DOUBLE_PUNCTUATION",), raw=True)
    with GrammarChecker(allowed) as gc:
        findings = gc.check(seed_text)
    (dots,) = by_code(findings, "LT:DOUBLE_PUNCTUATION")
    assert dots.safety is Safety.UNSAFE and dots.fixable and dots.replacements[0] == "."
    assert all(f.safety is not Safety.UNSAFE for f in findings if f is not dots)


def test_grammar_errors_from_garbled_news(options: GrammarOptions) -> None:
    # Agreement rules never matched on the development data: not reported until the user enables them.
    text = "The target are ambitious.\n\nHe go to the market every days."
    rules = ("SINGULAR_AGREEMENT_SENT_START", "HE_VERB_AGR")
    assert not any(rule in measured_rules() for rule in rules)
    with GrammarChecker(options) as gc:
        assert not [f for f in gc.check(text) if f.category == "grammar"]
    with GrammarChecker(replace(options, enabled_rules=rules)) as gc:
        findings = gc.check(text)
    grammar = [f for f in findings if f.category == "grammar"]
    assert {f.text for f in grammar} == {"are", "go"}, findings
    assert all(f.level is Level.WARNING for f in grammar)


def test_variant_is_selectable_and_variant_spellings_are_no_findings(options: GrammarOptions) -> None:
    text = "The colour of the flag was chosen by the organisation."
    with GrammarChecker(replace(options, raw=True)) as us:
        raw_us = [f for f in us.check(text) if f.code == "LT:MORFOLOGIK_RULE_EN_US"]
    with GrammarChecker(replace(options, variant="en-GB", raw=True)) as gb:
        gb_codes = {f.code for f in gb.check(text)}
        assert gb.stats.misses == 1  # the variant is part of the cache key
    assert {f.text for f in raw_us} >= {"colour"}  # LanguageTool's en-US speller flags it...
    assert not any(c.startswith("LT:MORFOLOGIK") for c in gb_codes)
    for variant in ("en-US", "en-GB"):  # ...but a spelling of the other variant is never a finding
        with GrammarChecker(replace(options, variant=variant)) as gc:
            assert not any(f.code.startswith("LT:MORFOLOGIK") for f in gc.check(text + " Its color is gray."))


def test_disabled_and_enabled_rules(options: GrammarOptions, seed_text: str) -> None:
    quiet = replace(options, enabled_rules=(), disabled_rules=("MORFOLOGIK_RULE_EN_US",), raw=True)
    with GrammarChecker(quiet) as gc:
        assert not by_code(gc.check(seed_text), "LT:MORFOLOGIK_RULE_EN_US")
    same_start = "He said no. He went home. He left early."
    rule = "ENGLISH_WORD_REPEAT_BEGINNING_RULE"
    with GrammarChecker(replace(options, raw=True)) as gc:
        assert by_code(gc.check(same_start), "LT:" + rule)  # LanguageTool does flag it
    with GrammarChecker(options) as gc:  # reported only if the measurement kept the rule on
        assert bool(by_code(gc.check(same_start), "LT:" + rule)) is (rule not in DISABLED_RULES)
    loud = replace(options, enabled_rules=(rule,))
    with GrammarChecker(loud) as gc:
        assert by_code(gc.check(same_start), "LT:" + rule)
        assert gc.stats.misses == 1  # the user's rule set is part of the cache key


def test_seed_with_the_built_in_rules_has_no_double_reports(
    options: GrammarOptions, seed_text: str
) -> None:
    api = pytest.importorskip("cleaner.api")
    built_in = api.check(seed_text)
    # Every match, whatever the measured list keeps: on the seed our rules cover all of those it keeps.
    with GrammarChecker(replace(options, raw=True)) as gc:
        theirs = gc.check(seed_text)
    merged = merge_findings(built_in, theirs)
    kept = [f for f in merged if f.source == "languagetool"]
    assert kept, "LanguageTool must still add findings our rules miss"
    ours_spans = {(f.start, f.end) for f in built_in}
    for lt in kept:  # nothing LanguageTool keeps sits exactly on a span of ours
        assert (lt.start, lt.end) not in ours_spans, lt
    # Where ours cover the same problem (double period, lower-case start, glued sentence,
    # a name's house spelling), LanguageTool's report is gone.
    for lt in theirs:
        covered = any(o.start < lt.end and lt.start < o.end for o in built_in)
        if lt.text in {"..", "according", "TajikistanThe", "Tokaev"} and covered:
            assert lt not in merged, lt
    json.dumps([f.to_dict() for f in merged])
