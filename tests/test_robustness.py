"""No input crashes the engine or the CLI: arbitrary Unicode, arbitrary bytes, huge inputs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.document import Document

# Text built from the characters the rules care about, so the generator reaches deep paths.
_PIECES = st.sampled_from(
    ["The", "king", "Wang", "Yi", "I", "called", "Said", "said", "“", "”", '"', ".", "..", ". ..", ",", " ",
     "\n", "\n\n", "In", "February", "according", "TajikistanThe", "C + C5", "10 point", "\ufeff", "\r\n",
     "Russian-Ukraine War", "Mr.", "U.S.", "3.5", "...", "’", "é", "\u200b", "\t"]
)
_DOCS = st.one_of(st.text(max_size=400), st.lists(_PIECES, max_size=80).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_engine_never_crashes_and_spans_are_valid(text: str) -> None:
    findings = cleaner.check(text)
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert Document(text).line_col(finding.start) == (finding.line, finding.column)


@settings(max_examples=100, deadline=None)
@given(_DOCS)
def test_engine_is_deterministic(text: str) -> None:
    assert cleaner.check(text) == cleaner.check(text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_cli_survives_arbitrary_bytes(cli, data: bytes) -> None:
    result = cli("check", "--no-readability", "-", input_bytes=data)
    assert result.returncode in (0, 1, 2), result.stderr
    assert b"Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.decode("utf-8", "replace").count("\n") == 1


def test_long_pathological_lines_stay_fast() -> None:
    # Inputs that make naive patterns backtrack: long runs of capitals, dots, spaces and quotes.
    for text in ("A " * 20000, "." * 50000, " " * 50000, "“" * 20000, "Aa, " * 20000, "x" * 100000):
        cleaner.check(text)
