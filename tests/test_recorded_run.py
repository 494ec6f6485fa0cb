"""A speed change alone changes no finding and no readability figure.

Compares `cleaner check` on the seeds and the benchmark corpora with the recording in
tests/data/recorded_run.json. When results change because the rules changed (a rule or
data file, a kind), re-record in the same commit: `python scripts/record_run.py`.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests_support import ROOT

_spec = importlib.util.spec_from_file_location("record_run", ROOT / "scripts" / "record_run.py")
record_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(record_run)

SAVED = json.loads(record_run.RECORDING.read_text(encoding="utf-8"))
INPUTS = record_run.inputs()


def test_recording_covers_every_input() -> None:
    assert sorted(SAVED["inputs"]) == sorted(INPUTS)


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=[pytest.mark.slow] if "MB)" in name else []) for name in sorted(INPUTS)]
)
def test_same_findings_and_scores_as_recorded(name: str) -> None:
    now = record_run.summarize(name, INPUTS[name])
    saved = SAVED["inputs"][name]
    if now == saved:
        return
    rules_changed = record_run.rules_fingerprint() != SAVED["rules"]
    hint = ("the rules changed since the recording: if that is what changed these results, re-record with "
            "`python scripts/record_run.py` in the same commit" if rules_changed else
            "the rules did not change, so a speed or engine change altered the results")
    assert now == saved, f"{name}: {hint}"
