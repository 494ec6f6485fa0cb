"""Where a check spends its time: CPU seconds per rule and per kind on one document, and readability.

Usage: python benchmarks/rule_times.py FILE [FILE ...]

Each rule's checker runs once over one shared Document (as the engine runs them), after one
warm-up check, so the figures leave out start-up; run it beside the benchmark to see which
rules a slow workload spends its time in.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.api import engine_for  # noqa: E402
from cleaner.document import Document  # noqa: E402
from cleaner.readability import score  # noqa: E402


def main(paths: list[str]) -> int:
    """Print the per-kind and per-rule CPU time of each file."""
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    engine = engine_for()
    engine.check("Warm up. A short text.")
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        doc = Document(text)
        kinds: dict[str, float] = defaultdict(float)
        rules = []
        for rule, checker in engine._checkers:
            start = time.process_time()
            found = sum(1 for _ in checker(doc))
            spent = time.process_time() - start
            kinds[rule.kind] += spent
            rules.append((spent, rule.code, found))
        start = time.process_time()
        score(text)
        readability = time.process_time() - start
        print(f"{path}: rules {sum(kinds.values()):.2f} s, readability {readability:.2f} s (CPU)")
        print("  kinds: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:10]))
        print("  rules: " + ", ".join(f"{code} {t:.2f} ({n})" for t, code, n in sorted(rules, reverse=True)[:10]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
