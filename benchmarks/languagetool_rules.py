"""Decide which LanguageTool rules cleaner reports, from measurement; write cleaner/languagetool/rules.tsv.

Usage: python benchmarks/languagetool_rules.py [--variants en-US,en-GB] [--budget 0.2] [--check]

Runs the rule pack and LanguageTool (raw, after the name-aware spelling screen) over the development
data only: dev pages, our own articles, the clean pages and MQM talks 2 and 6 (never the held-out
pages or talks). For each LanguageTool rule that matched, it counts matches on clean text (false
by definition), matches on damaged text and how many overlap an annotated error, and the annotated
errors it catches that the rule pack misses ("new"). Where variants disagree, the worse figure is kept.

A rule stays on when it catches something and its clean-text matches fit the budget: taking rules
in order of fewest clean-text matches per new error caught, LanguageTool's clean-text matches may
reach at most `--budget` per 1,000 words in each clean group (0.2: with the rule pack's own bar of
0.3, the combined false-finding rate stays within 0.5). Everything else that matched is off, with
the figures that say why. `--check` exits 1 when the file would change.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from detection import grammar_checker, rules_checker  # noqa: E402
from lt_rules import CLEAN_COLUMNS as CLEAN_GROUPS  # noqa: E402
from lt_rules import DEV_SOURCES, RuleTally, score_rules  # noqa: E402
from sources import ROOT, corpus_pages, mqm_talks, own_articles  # noqa: E402

from cleaner.languagetool import merge_findings  # noqa: E402
from cleaner.languagetool.disabled import BAR_COMBINED, COLUMNS, RULES_FILE, MeasuredRule  # noqa: E402

CLEAN_COLUMNS = ("clean-originals", "own-clean", "mqm-error-free")


Measured = list  # (sample, rule pack findings, LanguageTool after the context screen)


def measure(variant: str) -> tuple[RuleTally, Measured]:
    """Run rules and LanguageTool over the development data and tally each LanguageTool rule."""
    problems: list[str] = []
    samples = [s for s in [*own_articles(), *corpus_pages(problems), *mqm_talks(problems)]
               if s.source in DEV_SOURCES]
    for problem in problems:
        print(f"note: {problem}", file=sys.stderr)
    tally = RuleTally()
    parts: dict = {}
    runs = []
    with grammar_checker(rules_checker(), variant, parts) as check:
        for sample in samples:
            check(sample.text)
            ours, theirs, _spelling = parts.pop(sample.text)
            score_rules(sample, ours, theirs, tally)
            runs.append((sample, ours, theirs))
    return tally, runs


def combined_false(runs: Measured, rows: list[MeasuredRule]) -> Counter:
    """False findings of rules + LanguageTool (the rules kept on), merged as `check` merges them, per column."""
    off = {f"LT:{r.rule}" for r in rows if not r.on}
    false: Counter = Counter()
    for sample, ours, theirs in runs:
        merged = merge_findings(ours, [f for f in theirs if f.code not in off])
        for segment in sample.segments:
            column = CLEAN_GROUPS.get(segment.group)
            if not segment.clean or column is None:
                continue
            false[column] += sum(1 for f in merged if segment.start <= f.start < max(segment.end, segment.start + 1)
                                 and not any(a.overlaps(f.start, f.end) for a in sample.annotations))
    return false


def combine(tallies: dict[str, RuleTally]) -> RuleTally:
    """Merge the variants' tallies: the most clean-text matches, the fewest errors caught."""
    out = RuleTally()
    for variant, t in tallies.items():
        for code in t.category:
            out.seen_in.setdefault(code, set()).add(variant)
    tallies = list(tallies.values())
    for t in tallies:
        for col, n in t.words.items():
            out.words[col] = max(out.words[col], n)
        for code, category in t.category.items():
            out.category.setdefault(code, category)
    for code in out.category:
        seen = [t for t in tallies if code in t.category]
        for col in CLEAN_COLUMNS:
            out.clean[code, col] = max(t.clean[code, col] for t in seen)
        for counter in ("found", "caught"):
            getattr(out, counter)[code] = max(getattr(t, counter)[code] for t in seen)
        for counter in ("true", "new"):
            getattr(out, counter)[code] = min(getattr(t, counter)[code] for t in seen)
    return out


def decide(tally: RuleTally, budget: float) -> list[MeasuredRule]:
    """Turn each measured rule on or off, within the clean-text budget, with its reason."""
    allowed = {col: budget * tally.words[col] / 1000 for col in CLEAN_COLUMNS}
    # One ledger per variant: a variant's own rule (MORFOLOGIK_RULE_EN_GB) never runs in another.
    ledgers = {v: dict.fromkeys(CLEAN_COLUMNS, 0) for code in tally.seen_in for v in tally.seen_in[code]}
    rows = []

    def order(code: str) -> tuple:
        return (sum(tally.clean_false(code)) / max(tally.new[code], 1), -tally.new[code], code)

    for code in sorted(tally.codes(), key=order):
        false = dict(zip(CLEAN_COLUMNS, tally.clean_false(code)))
        new, true, found = tally.new[code], tally.true[code], tally.found[code]
        spent = [ledgers[v] for v in tally.seen_in[code]]
        fits = all(ledger[col] + false[col] <= allowed[col] for ledger in spent for col in CLEAN_COLUMNS)
        if new == 0:
            on, reason = False, ("catches no error the rule pack misses" if true
                                 else "catches no annotated error")
        elif not fits:
            on, reason = False, f"its {sum(false.values())} clean-text matches do not fit the budget"
        else:
            on, reason = True, f"catches {new} error(s) the rule pack misses within the budget"
            for ledger in spent:
                for col in CLEAN_COLUMNS:
                    ledger[col] += false[col]
        rows.append(MeasuredRule(code.removeprefix("LT:"), on, tally.category[code], tally.clean_false(code),
                                 found, true, tally.caught[code], new, reason))
    return sorted(rows, key=lambda r: r.rule)


def render(rows: list[MeasuredRule], tally: RuleTally, variants: list[str], budget: float, false: Counter) -> str:
    """The rules.tsv text: a header with what was measured, then one row per rule."""
    words = ", ".join(f"{col} {tally.words[col]}" for col in CLEAN_COLUMNS)
    rates = {col: 1000 * false[col] / max(tally.words[col], 1) for col in CLEAN_COLUMNS}
    met = all(rate <= BAR_COMBINED for rate in rates.values())
    lines = [
        "# Generated by `python benchmarks/languagetool_rules.py`; do not edit by hand.",
        f"# Measured {datetime.date.today().isoformat()} with LanguageTool ({', '.join(variants)}; the worse"
        " figure kept) on the development data: dev pages, own articles, clean pages, MQM talks 2 and 6.",
        f"# Clean words: {words}. Budget: LanguageTool's clean-text matches at most {budget} per 1,000"
        " words in each group, for each variant.",
        "# clean columns: matches on clean text (all false); found/true: matches on damaged text and"
        " those overlapping an annotated error;",
        "# caught/new: annotated errors (rule classes, grammar, MQM surface) it overlaps, and those the"
        " rule pack misses. Rules not listed never matched and keep LanguageTool's default.",
        "# combined: rules + LanguageTool false findings per 1,000 clean words: "
        + ", ".join(f"{col} {rates[col]:.2f} ({false[col]})" for col in CLEAN_COLUMNS)
        + f"; bar {BAR_COMBINED}: {'met' if met else 'missed'}",
        "\t".join(COLUMNS),
    ]
    for r in rows:
        lines.append("\t".join(map(str, (r.rule, "on" if r.on else "off", r.category, *r.clean_false,
                                        r.found, r.true, r.caught, r.new, r.reason))))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Measure, decide and write (or --check) the rules file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="en-US,en-GB", help="comma-separated English variants to measure")
    parser.add_argument("--budget", type=float, default=0.2, help="LanguageTool clean-text matches per 1,000 words")
    parser.add_argument("--check", action="store_true", help="exit 1 when the file would change; write nothing")
    args = parser.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    measured = [measure(v) for v in variants]
    tally = combine({v: t for v, (t, _) in zip(variants, measured)})
    rows = decide(tally, args.budget)
    false = Counter()
    for _, runs in measured:  # the worse variant, per column
        for col, n in combined_false(runs, rows).items():
            false[col] = max(false[col], n)
    text = render(rows, tally, variants, args.budget, false)
    old = RULES_FILE.read_text(encoding="utf-8") if RULES_FILE.exists() else ""
    body = [line for line in text.splitlines() if not line.startswith("# Measured")]
    if args.check:
        same = body == [line for line in old.splitlines() if not line.startswith("# Measured")]
        print(f"{RULES_FILE.relative_to(ROOT)} is {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    RULES_FILE.write_text(text, encoding="utf-8")
    kept = sum(r.on for r in rows)
    print(f"wrote {RULES_FILE.relative_to(ROOT)}: {len(rows)} rules measured, {kept} on, {len(rows) - kept} off")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
