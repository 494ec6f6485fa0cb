"""Turn LanguageTool matches into cleaner Findings: codes, categories, levels and safety."""

from __future__ import annotations

from collections.abc import Callable

from cleaner.document import Document
from cleaner.languagetool.disabled import reported
from cleaner.languagetool.quotes import paired_after_all
from cleaner.languagetool.raw import RawMatch
from cleaner.languagetool.spelling import SpellingJudge, keep_spelling
from cleaner.model import Finding, Level, Safety

SOURCE = "languagetool"
MAX_REPLACEMENTS = 5  # LanguageTool can offer dozens of spellings; the first few are the useful ones

# LanguageTool category id -> cleaner category. Anything unknown is reported as grammar.
CATEGORY_MAP: dict[str, str] = {
    "TYPOS": "spelling",
    "COMPOUNDING": "spelling",
    "GRAMMAR": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COLLOCATIONS": "grammar",
    "REPETITIONS": "grammar",
    "SEMANTICS": "grammar",
    "PUNCTUATION": "punctuation",
    "CASING": "capitalization",
    "TYPOGRAPHY": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "REPETITIONS_STYLE": "style",
    "CREATIVE_WRITING": "style",
    "TEXT_ANALYSIS": "style",
    "GENDER_NEUTRALITY": "style",
    "NONSTANDARD_PHRASES": "style",
    "AMERICAN_ENGLISH_STYLE": "style",
    "BRITISH_ENGLISH": "style",
    "MISC": "grammar",
}

# Rules whose meaning is narrower than their LanguageTool category.
RULE_CATEGORY: dict[str, str] = {
    "WHITESPACE_RULE": "whitespace",
    "CONSECUTIVE_SPACES": "whitespace",
    "COMMA_PARENTHESIS_WHITESPACE": "whitespace",
    "SENTENCE_WHITESPACE": "whitespace",
    "UPPERCASE_SENTENCE_START": "capitalization",
    "DOUBLE_PUNCTUATION": "punctuation",
}

_INFO_CATEGORIES = frozenset({"style", "typography"})


def category_for(rule_id: str, lt_category: str) -> str:
    """Map a LanguageTool rule and category onto one of cleaner's categories."""
    return RULE_CATEGORY.get(rule_id) or CATEGORY_MAP.get(lt_category, "grammar")


def rule_name(rule_id: str) -> str:
    """Return a kebab-case name for a LanguageTool rule id: MORFOLOGIK_RULE_EN_US -> morfologik-rule-en-us."""
    return rule_id.lower().replace("_", "-")


def to_finding(
    match: RawMatch,
    base: int,
    text: str,
    line_col: Callable[[int], tuple[int, int]],
    allow_fix: frozenset[str],
) -> Finding:
    """Build the Finding for a paragraph-relative match; `base` is the paragraph's offset in text."""
    start = base + match.offset
    end = min(start + match.length, len(text))
    category = category_for(match.rule_id, match.category)
    replacements = tuple(match.replacements[:MAX_REPLACEMENTS])
    if not replacements:
        safety = None
    elif match.rule_id in allow_fix:
        safety = Safety.UNSAFE  # the user allowed this rule's fixes; never SAFE, LT can be wrong
    else:
        safety = Safety.SUGGEST
    line, column = line_col(start)
    end_line, end_column = line_col(end)
    return Finding(
        code=f"LT:{match.rule_id}",
        rule=rule_name(match.rule_id),
        category=category,
        level=Level.INFO if category in _INFO_CATEGORIES else Level.WARNING,
        message=match.message,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text[start:end],
        replacements=replacements,
        safety=safety,
        source=SOURCE,
        fix_title=f"Replace with “{replacements[0]}” (LanguageTool)" if replacements else None,
    )


def screen(
    findings: list[Finding], doc: Document, enabled: frozenset[str], *, measured: bool = True
) -> list[Finding]:
    """Drop matches of rules the measurement turned off (unless enabled; `measured=False` keeps
    them, for the measurement itself), and matches their context shows to be no error: variant
    spellings, names without evidence (cleaner.languagetool.spelling), quotes that pair up after all
    (cleaner.languagetool.quotes)."""
    judge = SpellingJudge(doc)
    return [
        f
        for f in findings
        if (not measured or reported(_rule_id(f.code), enabled))
        and keep_spelling(f, judge)
        and not paired_after_all(f, doc)
    ]


def _rule_id(code: str) -> str:
    """Return LanguageTool's rule id from a code such as LT:DOUBLE_PUNCTUATION."""
    return code.split(":", 1)[1] if ":" in code else code
