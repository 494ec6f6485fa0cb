"""Golden test: every translation artifact in the seed article is found, with its suggestion."""

from __future__ import annotations

import json

import cleaner
from tests_support import SEED

# (code, line, column, flagged text, best replacement) — reviewed by hand against the article.
EXPECTED = [
    ('CO101', 4, 8, 'Russian-Ukraine war', 'Russia-Ukraine war'),
    ('PU106', 6, 51, 'China + Central Asia', 'China+Central Asia'),
    ('PU106', 6, 73, 'C + C5', 'C+C5'),
    ('GR102', 6, 156, 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan', 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan'),
    ('GR101', 8, 14, '10 point', '10-point'),
    ('CA103', 8, 33, 'Cooperation', 'cooperation'),
    ('NM101', 10, 1, 'The king', 'Wang'),
    ('NM103', 10, 61, 'Tokaev', 'Tokayev'),
    ('FP101', 10, 204, 'I called.', None),  # no deletion offered: it would lose what the stub stood for (issue 9, section 4)
    ('AT103', 12, 94, '.” Ministry of Foreign Affairs of China Said.', ',” the Ministry of Foreign Affairs of China said.'),
    ('AT101', 12, 134, 'Said', 'said'),
    ('CO101', 14, 19, 'Russian-Ukraine War', 'Russia-Ukraine war'),
    ('ST101', 14, 154, 'western sanctions', 'Western sanctions'),
    ('PU101', 14, 201, '. ..', '.'),
    ('FP102', 16, 255, ' I will.', ''),
    ('PU103', 16, 263, ' ', ''),
    ('AT102', 16, 265, ' Said.', ''),  # no speaker precedes, so AT101 stays silent (issue 9, section 4)
    ('AT104', 18, 1, 'Consulting company Dezan Sila and Associates', 'Consulting company Dezan Sila and Associates said,'),
    ('NM103', 18, 20, 'Dezan Sila', 'Dezan Shira'),
    ('CA101', 26, 1, 'according', 'According'),
    ('JN101', 26, 38, 'The', ', the'),  # after an "according to" phrase the join is a comma (issue 9, section 4)
    ('CA102', 28, 53, 'In', 'in'),
    ('NM102', 30, 1, 'Aldograph Redley', 'Aldgra Fredly'),
]

# The eleven artifact classes of the engine issue, each with the codes that cover it.
ARTIFACT_CLASSES = {
    "surname calque": {"NM101"},
    "first-person leakage": {"FP101", "FP102"},
    "detached or capitalised attribution": {"AT101", "AT102", "AT103"},
    "missing attribution verb": {"AT104"},
    "stray punctuation": {"PU101"},
    "quote spacing": {"PU103"},
    "joined sentences": {"JN101"},
    "capitals mid-sentence": {"CA102", "CA103"},
    "lower-case sentence start": {"CA101"},
    "inconsistent compound terms": {"CO101"},
    "name variants": {"NM102"},
}


def _found() -> list[tuple]:
    findings = cleaner.check(SEED.read_text(encoding="utf-8"))
    return [(f.code, f.line, f.column, f.text, f.replacements[0] if f.replacements else None) for f in findings]


def test_seed_findings_match_the_golden_list() -> None:
    assert _found() == EXPECTED


def test_every_artifact_class_is_covered() -> None:
    codes = {row[0] for row in _found()}
    missing = [name for name, wanted in ARTIFACT_CLASSES.items() if not wanted & codes]
    assert missing == []


def test_merged_attribution_reads_as_news_style() -> None:
    text = SEED.read_text(encoding="utf-8")
    [merge] = [f for f in cleaner.check(text) if f.code == "AT103"]
    fixed = text[: merge.start] + merge.replacements[0] + text[merge.end :]
    assert "crisis,” the Ministry of Foreign Affairs of China said." in fixed


def test_cli_json_matches_the_api(cli) -> None:
    payload = json.loads(cli("check", "--format", "json", "--no-readability", str(SEED)).stdout)
    rows = [
        (f["code"], f["line"], f["column"], f["text"], f["replacements"][0] if f["replacements"] else None)
        for f in payload["files"][0]["findings"]
    ]
    assert rows == EXPECTED
