"""Time every rule on the same ~1 MB corpus, in one process, and compare new rules with the old ones.

Usage: python benchmarks/rule_timing.py [--size BYTES] [--runs N] [--baseline REV] [--repeated]

The corpus is the benchmark's (build_corpus.py: distinct articles generated from seeds/, or with
--repeated the seed articles repeated). The document's shared structure (paragraphs,
sentences, quotations, the word stream) is computed once before timing and reported on its own.
Each run then checks a new document with every rule in turn, as the engine does (what several
rules share through Document.shared is paid by the first that asks); the median of `--runs`
runs is reported in ms per MB.
The bar of the detection issue: rules added since `--baseline` (a git revision; default the
commit before the detection work) are not slower per rule, on average, than the pattern rules that
existed then, measured in the same run.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_corpus import DEFAULT_SEEDS_DIR, build_corpus, build_varied_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from cleaner.document import Document  # noqa: E402
from cleaner.kinds import kind_for  # noqa: E402
from cleaner.loader import load_rules  # noqa: E402

BASELINE = "876c4a1"  # main before the detection work began


def old_codes(rev: str) -> tuple[set[str], set[str]]:
    """Codes of all rules, and of the pattern rules, at a git revision."""
    kinds = old_codes_kinds(rev)
    return set(kinds), {code for code, kind in kinds.items() if kind == "pattern"}


@functools.lru_cache(maxsize=None)
def old_codes_kinds(rev: str) -> dict[str, str]:
    """Each rule's kind at a git revision, by code."""
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "rules"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    kinds = {}
    for path in listing:
        if not path.endswith(".yaml") or "/data/" in path:
            continue
        text = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True).stdout
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line and not line.startswith(" "))
        kinds[fields.get("code", "").strip()] = fields.get("kind", "").strip()
    return kinds


def current_kinds() -> dict[str, str]:
    """Each current rule's kind, by code."""
    return {rule.code: rule.kind for rule in load_rules()}


SHARED = ("sentences", "quotes", "headings", "words", "vocabulary")


def time_rules(text: str, runs: int) -> tuple[dict[str, float], float]:
    """Median seconds per rule over `runs` runs, and the seconds spent on the shared structure.

    Each run checks one new document with every rule in turn, as the engine does, so a structure
    that several rules share (Document.shared) is paid for by the first rule that asks for it.
    """
    warm = Document(text)
    start = time.perf_counter()
    for name in SHARED:
        getattr(warm, name)
    shared = time.perf_counter() - start
    checkers = [(rule.code, kind_for(rule.kind).build(rule)) for rule in load_rules()]
    samples: dict[str, list[float]] = {code: [] for code, _ in checkers}
    for _ in range(runs):
        doc = Document(text)
        for name, value in vars(warm).items():  # the warmed structure, not what rules shared
            if name != "_shared":
                setattr(doc, name, value)
        for code, checker in checkers:
            start = time.perf_counter()
            list(checker(doc))
            samples[code].append(time.perf_counter() - start)
    return {code: statistics.median(values) for code, values in samples.items()}, shared


def main(argv: list[str]) -> int:
    """Print per-rule times and the comparison with the baseline's pattern rules."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--repeated", action="store_true", help="the seed articles repeated (the earlier corpus)")
    args = parser.parse_args(argv)
    text = (build_corpus if args.repeated else build_varied_corpus)(args.size, DEFAULT_SEEDS_DIR)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    timings, shared = time_rules(text, args.runs)
    codes, patterns = old_codes(args.baseline)
    kinds = current_kinds()
    # A rule is new when its code is new or it now runs on another kind (a rewrite).
    patterns = {c for c in patterns if kinds.get(c) == "pattern"}
    fresh = {c for c in timings if c not in codes or (c in old_codes_kinds(args.baseline) and
                                                      old_codes_kinds(args.baseline)[c] != kinds[c])}
    print(f"{'code':8}{'ms/MB':>10}  group")
    for code, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        group = "new" if code in fresh else ("old pattern" if code in patterns else "old")
        print(f"{code:8}{1000 * seconds / megabytes:10.1f}  {group}")
    old = [timings[c] for c in timings if c in patterns]
    new = [timings[c] for c in timings if c in fresh]
    mean_old, mean_new = statistics.mean(old), statistics.mean(new) if new else 0.0
    print(f"\nold pattern rules: {len(old)}, mean {1000 * mean_old / megabytes:.1f} ms/MB")
    print(f"new rules:         {len(new)}, mean {1000 * mean_new / megabytes:.1f} ms/MB")
    verdict = "met" if mean_new <= mean_old else "MISSED"
    print(f"bar: new rules no slower per rule than the old pattern rules: {verdict} "
          f"(ratio {mean_new / mean_old:.2f})")
    print(f"all rules: {1000 * sum(timings.values()) / megabytes:.0f} ms/MB; "
          f"shared structure (sentences, quotations, words): {1000 * shared / megabytes:.0f} ms/MB")
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
