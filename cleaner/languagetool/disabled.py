"""LanguageTool rules cleaner turns off by default, each with the reason (the one place to edit).

A user re-enables one with `enabled_rules` (config or --languagetool-enable); a rule named in
both lists stays enabled.
"""

from __future__ import annotations

DISABLED_RULES: dict[str, str] = {
    # --- misfire on news text -------------------------------------------------------------
    "PUNCTUATION_PARAGRAPH_END": "headlines, bylines and photo credits end without a full stop by design"
    " (LanguageTool runs it only in picky mode; listed so enabling picky mode keeps it off)",
    "EN_UNPAIRED_QUOTES": "news quotes that run over several paragraphs leave the quote open on purpose,"
    " and we check paragraph by paragraph; cleaner's own quote rules see the whole quotation",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE": "news paragraphs often open with the same name or 'The';"
    " a style nag, not a translation artifact",
    "EN_QUOTES": "straight versus curly quotes is a house-style choice, not an error",
    "DASH_RULE": "hyphen versus en/em dash is house style; wire copy uses hyphens",
    "EN_DIACRITICS_REPLACE": "'cafe', 'resume', 'naive' are accepted news spellings",
    "CAFE_DIACRITIC": "'cafe' without the accent is the usual news spelling",
    "PROFANITY": "quoted speech in news may contain such words; it is not a translation error",
    "OXFORD_SPELLING_Z_NOT_S": "en-GB outlets mostly use -ise; Oxford -ize is not a rule for news",
    "EN_PLAIN_ENGLISH_REPLACE": "plain-English rewording is editorial style, far too noisy on news",
    "PASSIVE_VOICE": "passive voice is normal in reporting",
    "TOO_LONG_SENTENCE": "a readability metric, not an artifact; cleaner has its own readability checks",
    "TOO_LONG_PARAGRAPH": "paragraph length is layout, not language",
    # --- superseded by cleaner's rules (ours keep their fixes and context) -----------------
    "CONSECUTIVE_SPACES": "cleaner's whitespace rules report and fix runs of spaces",
}


def default_disabled() -> frozenset[str]:
    """Return the ids of the rules disabled by default."""
    return frozenset(DISABLED_RULES)


def effective_rules(
    disabled: tuple[str, ...] | frozenset[str], enabled: tuple[str, ...] | frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Return (disabled, enabled): defaults plus user's disables, minus what the user enabled."""
    on = frozenset(r.strip() for r in enabled if r.strip())
    off = (default_disabled() | frozenset(r.strip() for r in disabled if r.strip())) - on
    return off, on
