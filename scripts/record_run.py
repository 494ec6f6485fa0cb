"""Record what `cleaner check` reports on the seeds and the benchmark corpora (tests/data/recorded_run.json).

Usage: python scripts/record_run.py          # re-record
       python scripts/record_run.py --check  # compare only; exit 1 on a difference

tests/test_recorded_run.py compares every run with this recording, so that a change meant
only to make cleaner faster cannot change a finding or a readability figure unnoticed.
Re-record ONLY together with a change that is meant to change results (a rule file, a data
file, a rule kind), in the same commit, so that the diff of the recording shows the effect.
For each input the file keeps the number of findings per code, a digest of every finding
(code, span, text, message, replacements, safety) and all readability figures.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDING = ROOT / "tests" / "data" / "recorded_run.json"
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_corpus import build_article, build_corpus, build_varied_corpus  # noqa: E402

MB = 1_000_000


def inputs() -> dict[str, str]:
    """Every recorded input by name: each seed, the benchmark's article and corpora, the repeated seeds."""
    seeds = ROOT / "seeds"
    named = {f"seeds/{p.name}": p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    named["benchmark article (5 KB)"] = build_article(5_000, seeds)
    named["benchmark corpus (1 MB)"] = build_varied_corpus(MB, seeds)
    named["benchmark corpus (10 MB)"] = build_varied_corpus(10 * MB, seeds)
    named["seed articles repeated (1 MB)"] = build_corpus(MB, seeds)  # the corpus before 1 Dec 2026
    return named


def rules_fingerprint() -> str:
    """A digest of the rule pack and of the code that detects: what legitimately changes results."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "rules").rglob("*.yaml")) + sorted((ROOT / "cleaner" / "kinds").glob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def summarize(name: str, text: str) -> dict[str, object]:
    """What `cleaner check` (built-in rules, default settings) reports for one text."""
    from cleaner.runner import CheckOptions, check_source
    from cleaner.textio import SourceText

    report = check_source(SourceText(f"{name}.txt", text), CheckOptions())
    by_code: dict[str, int] = {}
    digest = hashlib.sha256()
    for f in report.findings:
        by_code[f.code] = by_code.get(f.code, 0) + 1
        row = [f.code, f.start, f.end, f.text, f.message, list(f.replacements), f.safety.value if f.safety else None]
        digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    return {"findings": len(report.findings), "by_code": dict(sorted(by_code.items())),
            "digest": digest.hexdigest()[:32], "readability": dict(report.readability or {})}


def record() -> dict[str, object]:
    """The recording as it would be written now."""
    return {
        "about": "Written by `python scripts/record_run.py`; re-record only with a rule change, in the same commit.",
        "rules": rules_fingerprint(),
        "inputs": {name: summarize(name, text) for name, text in inputs().items()},
    }


def main(argv: list[str]) -> int:
    """Write the recording, or with --check compare with it."""
    current = record()
    if argv == ["--check"]:
        saved = json.loads(RECORDING.read_text(encoding="utf-8"))
        return 0 if saved == current else 1
    if argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    RECORDING.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RECORDING.relative_to(ROOT)}: {len(current['inputs'])} inputs, rules {current['rules']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
