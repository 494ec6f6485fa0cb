"""No input crashes the engine or the CLI: arbitrary Unicode, arbitrary bytes, huge inputs."""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.document import Document
from cleaner.textio import normalize_newlines
from tests_support import CLEAN_SEEDS, SEED

# Text built from the characters the rules care about, so the generator reaches deep paths.
_PIECES = (
    "The", "king", "Wang", "Yi", "I", "called", "Said", "said", "“", "”", '"', ".", "..", ". ..", ",", " ",
    "\n", "\n\n", "In", "February", "according", "TajikistanThe", "C + C5", "10 point", "\ufeff", "\r\n",
    "Russian-Ukraine War", "Mr.", "U.S.", "3.5", "...", "’", "é", "\u200b", "\t",
)
_DOCS = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(_PIECES), max_size=80).map("".join))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_engine_never_crashes_and_spans_are_valid(text: str) -> None:
    findings = cleaner.check(text)
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        # A lone CR ends a line, as CRLF and LF do (the engine reads it as LF, offsets unchanged).
        assert Document(normalize_newlines(text)).line_col(finding.start) == (finding.line, finding.column)


@pytest.mark.slow
def test_findings_do_not_depend_on_the_process(tmp_path) -> None:
    # Set and dict order vary with the hash seed: two processes with different seeds must agree.
    import json
    import random
    import subprocess
    import sys

    rng = random.Random(7)
    texts = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in CLEAN_SEEDS[:2])]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 80))) for _ in range(150)]
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    script = (
        "import json, sys, cleaner; texts = json.load(open(sys.argv[1], encoding='utf-8'));"
        "print(json.dumps([[repr(f) for f in cleaner.check(t)] for t in texts]))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "texts.json")], capture_output=True, text=True,
            env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=300,
        ).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert runs[0] == runs[1] and len(json.loads(runs[0])) == len(texts)
    assert sum(map(len, json.loads(runs[0]))) > 50  # the texts do have findings to order


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_cli_survives_arbitrary_bytes(cli, data: bytes) -> None:
    result = cli("check", "--no-readability", "-", input_bytes=data)
    assert result.returncode in (0, 1, 2), result.stderr
    assert b"Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.decode("utf-8", "replace").count("\n") == 1


def _best_time(text: str, repeats: int = 2) -> float:
    """The fastest of a few checks of `text` (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        cleaner.check(text)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.slow
@pytest.mark.parametrize("piece", ["A ", ".", " ", "“", "Aa, ", "x", "word "])
def test_pathological_lines_take_linear_time(piece: str) -> None:
    # Inputs that make naive patterns backtrack: long runs of capitals, dots, spaces and quotes.
    # Four times the text may take about four times as long; quadratic work would take sixteen.
    cleaner.check(piece * 10)
    small = piece * (5_000 // len(piece))
    ratio = _best_time(small * 4) / _best_time(small)
    assert ratio < 10, f"{piece!r}: four times the text took {ratio:.1f} times as long"
