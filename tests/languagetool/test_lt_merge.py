"""merge_findings and the category mapping, on hand-made findings (no server needed)."""

from __future__ import annotations

from dataclasses import replace

from cleaner.languagetool import merge_findings
from cleaner.languagetool.disabled import effective_rules
from cleaner.languagetool.findings import category_for, rule_name, to_finding
from cleaner.languagetool.raw import RawMatch
from cleaner.model import Finding, Level, Safety


def finding(start: int, end: int, code: str, category: str, *repl: str) -> Finding:
    """A finding on one line; source follows the code's prefix."""
    return Finding(
        code=code, rule=code.lower(), category=category, level=Level.WARNING, message=code,
        start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
        text="x" * (end - start), replacements=repl, safety=Safety.SUGGEST if repl else None,
        source="languagetool" if code.startswith("LT:") else "cleaner",
    )


def test_same_meaning_overlap_is_dropped() -> None:
    ours = [finding(10, 11, "C1", "capitalization", "A"), finding(30, 32, "P1", "punctuation", ".")]
    theirs = [
        finding(10, 19, "LT:UPPERCASE_SENTENCE_START", "capitalization", "According"),
        finding(30, 32, "LT:DOUBLE_PUNCTUATION", "punctuation", "."),
        finding(40, 45, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Word"),
    ]
    merged = merge_findings(ours, theirs)
    assert [f.code for f in merged] == ["C1", "P1", "LT:MORFOLOGIK_RULE_EN_US"]


def test_whitespace_rules_match_our_whitespace_or_typography() -> None:
    ours = [finding(5, 7, "W1", "whitespace", " ")]
    theirs = [finding(6, 7, "LT:WHITESPACE_RULE", "whitespace", ""),
              finding(6, 7, "LT:COMMA_PARENTHESIS_WHITESPACE", "whitespace", ",")]
    assert merge_findings(ours, theirs) == ours


def test_different_meaning_or_no_overlap_is_kept() -> None:
    ours = [finding(0, 40, "S1", "style")]  # a long sentence-level finding of ours
    inside = finding(10, 13, "LT:SINGULAR_AGREEMENT", "grammar", "is")
    same_cat_small = finding(10, 13, "LT:SOME_STYLE", "style")
    after = finding(40, 45, "LT:DOUBLE_PUNCTUATION", "punctuation")
    merged = merge_findings(ours, [inside, same_cat_small, after])
    # a small style match inside our long style span is a different point: kept
    assert merged == sorted([*ours, inside, same_cat_small, after], key=lambda f: f.sort_key)


def test_same_span_same_category_or_same_fix_is_dropped() -> None:
    ours = [finding(3, 8, "G1", "grammar", "goes"), finding(20, 24, "N1", "names", "Xi")]
    theirs = [finding(3, 8, "LT:HE_VERB_AGR", "grammar", "go"),
              finding(20, 24, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Xi")]
    assert merge_findings(ours, theirs) == ours


def test_insertion_points_and_empty_inputs() -> None:
    ours = [finding(5, 5, "P2", "punctuation", ",")]
    theirs = [finding(5, 5, "LT:COMMA_RULE", "punctuation", ",")]
    assert merge_findings(ours, theirs) == ours
    assert merge_findings([], theirs) == theirs
    assert merge_findings(ours, []) == ours


def test_category_mapping_and_levels() -> None:
    assert category_for("MORFOLOGIK_RULE_EN_US", "TYPOS") == "spelling"
    assert category_for("X", "GRAMMAR") == "grammar"
    assert category_for("X", "PUNCTUATION") == "punctuation"
    assert category_for("X", "CASING") == "capitalization"
    assert category_for("X", "TYPOGRAPHY") == "typography"
    assert category_for("X", "REDUNDANCY") == "style"
    assert category_for("X", "SOMETHING_NEW") == "grammar"
    assert category_for("WHITESPACE_RULE", "TYPOGRAPHY") == "whitespace"
    assert rule_name("MORFOLOGIK_RULE_EN_US") == "morfologik-rule-en-us"
    text = "Intro.\n\nIt is very very unique."
    match = RawMatch(6, 4, "EN_REDUNDANCY", "REDUNDANCY", "style", "Redundant.", ("",) * 9)
    f = to_finding(match, 8, text, lambda o: (3, o - 7), frozenset())
    assert (f.start, f.end, f.text, f.level, f.category) == (14, 18, "very", Level.INFO, "style")
    assert len(f.replacements) == 5 and f.safety is Safety.SUGGEST and f.source == "languagetool"
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 7, 3, 11)


def test_user_lists_go_to_the_server_and_enabled_wins() -> None:
    off, on = effective_rules(("MY_RULE", "DASH_RULE", " "), ("DASH_RULE",))
    assert off == {"MY_RULE"} and on == {"DASH_RULE"}


def test_spelling_of_names_and_glued_words_defer_to_ours() -> None:
    ours = [finding(0, 10, "NM103", "names", "Dezan Shira"), finding(30, 33, "JN101", "joins", ". The")]
    dezan = finding(0, 5, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Dean")
    sila = finding(6, 10, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Silk")
    glued = replace(finding(20, 33, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Tajikistan The"),
                    text="TajikistanThe")
    unrelated = finding(40, 46, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Freely")
    assert merge_findings(ours, [dezan, sila, glued, unrelated]) == [*ours, unrelated]
    # A glued-word spelling match only defers to a join/space finding, not to any overlap.
    style = [finding(30, 33, "ST1", "style")]
    assert glued in merge_findings(style, [glued])


def test_overlapping_spans_of_one_family_keep_ours() -> None:
    # Our name-variant finding covers two words; LanguageTool flags the second one's spelling.
    ours = [finding(0, 12, "NM102", "names"), finding(20, 22, "PU105", "punctuation")]
    spelling = finding(6, 12, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Redly")
    quotes = finding(19, 23, "LT:EN_UNPAIRED_QUOTES", "typography")  # punctuation family
    grammar = finding(6, 12, "LT:HE_VERB_AGR", "grammar", "goes")  # another family: kept
    assert merge_findings(ours, [spelling, quotes, grammar]) == sorted([*ours, grammar], key=lambda f: f.sort_key)


def test_overlapping_languagetool_matches_of_one_family_keep_one() -> None:
    first = finding(10, 16, "LT:MORFOLOGIK_RULE_EN_US", "spelling", "Tuesday")
    second = finding(12, 18, "LT:EN_COMPOUNDS", "spelling", "day-time")
    other_family = finding(10, 16, "LT:AGREEMENT", "grammar", "is")
    apart = finding(30, 34, "LT:EN_COMPOUNDS", "spelling", "well-known")
    merged = merge_findings([], [second, apart, other_family, first])
    assert [f.code for f in merged] == ["LT:AGREEMENT", "LT:MORFOLOGIK_RULE_EN_US", "LT:EN_COMPOUNDS"]
    assert merged[-1] is apart
