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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from detection import grammar_checker, rules_checker  # noqa: E402
from lt_rules import DEV_SOURCES, RuleTally, score_rules  # noqa: E402
from sources import ROOT, corpus_pages, mqm_talks, own_articles  # noqa: E402

from cleaner.languagetool.disabled import COLUMNS, RULES_FILE, MeasuredRule  # noqa: E402

CLEAN_COLUMNS = ("clean-originals", "own-clean", "mqm-error-free")


def measure(variant: str) -> RuleTally:
    """Run rules and LanguageTool over the development data and tally each LanguageTool rule."""
    problems: list[str] = []
    samples = [s for s in [*own_articles(), *corpus_pages(problems), *mqm_talks(problems)]
               if s.source in DEV_SOURCES]
    for problem in problems:
        print(f"note: {problem}", file=sys.stderr)
    tally = RuleTally()
    parts: dict = {}
    with grammar_checker(rules_checker(), variant, parts) as check:
        for sample in samples:
            check(sample.text)
            ours, theirs, _spelling = parts.pop(sample.text)
            score_rules(sample, ours, theirs, tally)
    return tally


def combine(tallies: list[RuleTally]) -> RuleTally:
    """Merge the variants' tallies: the most clean-text matches, the fewest errors caught."""
    out = RuleTally()
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
    spent = dict.fromkeys(CLEAN_COLUMNS, 0)
    rows = []

    def order(code: str) -> tuple:
        return (sum(tally.clean_false(code)) / max(tally.new[code], 1), -tally.new[code], code)

    for code in sorted(tally.codes(), key=order):
        false = dict(zip(CLEAN_COLUMNS, tally.clean_false(code)))
        new, true, found = tally.new[code], tally.true[code], tally.found[code]
        fits = all(spent[col] + false[col] <= allowed[col] for col in CLEAN_COLUMNS)
        if new == 0:
            on, reason = False, ("catches no error the rule pack misses" if true
                                 else "catches no annotated error")
        elif not fits:
            on, reason = False, f"its {sum(false.values())} clean-text matches do not fit the budget"
        else:
            on, reason = True, f"catches {new} error(s) the rule pack misses within the budget"
            for col in CLEAN_COLUMNS:
                spent[col] += false[col]
        rows.append(MeasuredRule(code.removeprefix("LT:"), on, tally.category[code], tally.clean_false(code),
                                 found, true, tally.caught[code], new, reason))
    return sorted(rows, key=lambda r: r.rule)


def render(rows: list[MeasuredRule], tally: RuleTally, variants: list[str], budget: float) -> str:
    """The rules.tsv text: a header with what was measured, then one row per rule."""
    words = ", ".join(f"{col} {tally.words[col]}" for col in CLEAN_COLUMNS)
    on = [r for r in rows if r.on]
    spent = [sum(r.clean_false[i] for r in on) for i in range(3)]
    lines = [
        "# Generated by `python benchmarks/languagetool_rules.py`; do not edit by hand.",
        f"# Measured {datetime.date.today().isoformat()} with LanguageTool ({', '.join(variants)}; the worse"
        " figure kept) on the development data: dev pages, own articles, clean pages, MQM talks 2 and 6.",
        f"# Clean words: {words}. Budget: LanguageTool's clean-text matches at most {budget} per 1,000"
        " words in each group; spent: " + ", ".join(f"{col} {n}" for col, n in zip(CLEAN_COLUMNS, spent)) + ".",
        "# clean columns: matches on clean text (all false); found/true: matches on damaged text and"
        " those overlapping an annotated error;",
        "# caught/new: annotated errors (rule classes, grammar, MQM surface) it overlaps, and those the"
        " rule pack misses. Rules not listed never matched and keep LanguageTool's default.",
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
    tally = combine([measure(v) for v in variants])
    rows = decide(tally, args.budget)
    text = render(rows, tally, variants, args.budget)
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
