"""How much real machine-translation damage cleaner finds, and how often it cries wolf.

Usage: python benchmarks/detection.py [--grammar [--variant en-GB] [--lt-rules]] [--misses] [--false] [--json FILE] [--write-stats]

Scores cleaner's findings against gold annotations (a finding catches an annotation when their
spans overlap; a zero-width span, a missing word or mark, covers its gap: the spaces there and the
character on each side) on:
  - the real pages of benchmarks/corpus/ whose text is in the cache: dev and held-out quarter;
  - our own garbled and clean articles in seeds/ (committed; the recall test runs them in CI);
  - the MQM zh->en data in ../shared/data/mqm-ted-zhen, when that folder is here.
Prints recall per artifact class, precision on damaged text, false findings per 1,000 words of clean
text, per-rule figures, and MQM recall by category. Held-out pages count only in totals; nothing of
them is printed. `--write-stats` records each rule's measured precision and clean-text rate in
rules/data/measured.yaml, which `cleaner rules` and `cleaner explain` show.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

# This checkout's cleaner first (lt_rules imports it), whatever another editable install says.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import CLASSES, RULE_CLASSES  # noqa: E402
from lt_rules import RAW_SUFFIX, RuleTally, print_rule_table, score_rules  # noqa: E402
from sources import MQM_SURFACE, ROOT, Sample, audit_set, corpus_pages, mqm_talks, own_articles  # noqa: E402

from cleaner.api import engine_for  # noqa: E402
from cleaner.model import Finding  # noqa: E402

STATS_PATH = ROOT / "rules" / "data" / "measured.yaml"
BAR_CLEAN_RATE = 0.3  # false findings per 1,000 clean words, at most
Checker = Callable[[str], list[Finding]]


@dataclass
class Tally:
    """Counts for one run of one checker over every sample."""

    caught: Counter = field(default_factory=Counter)  # (source, class) -> annotations caught
    total: Counter = field(default_factory=Counter)  # (source, class) -> annotations
    found: Counter = field(default_factory=Counter)  # source -> findings on damaged text
    true: Counter = field(default_factory=Counter)  # source -> of those, overlapping an annotation
    words: Counter = field(default_factory=Counter)  # clean group -> words
    false: Counter = field(default_factory=Counter)  # clean group -> false findings
    rule_found: Counter = field(default_factory=Counter)  # (code, source) -> findings on damaged text
    rule_true: Counter = field(default_factory=Counter)  # (code, source) -> of those, true
    rule_false: Counter = field(default_factory=Counter)  # (code, clean group) -> false findings
    misses: list = field(default_factory=list)  # (sample, annotation) not caught, outside the holdout
    false_hits: list = field(default_factory=list)  # (sample, finding) false or unmatched, outside the holdout
    audit_total: Counter = field(default_factory=Counter)  # (source, set, verdict) -> audited annotations
    audit_caught: Counter = field(default_factory=Counter)  # (source, set, verdict) -> of those, caught


def score(sample: Sample, findings: list[Finding], tally: Tally) -> None:
    """Add one sample's findings to the tally."""
    for segment in sample.segments:
        inside = [f for f in findings if segment.start <= f.start < max(segment.end, segment.start + 1)]
        notes = [a for a in sample.annotations if segment.start <= a.start < max(segment.end, segment.start + 1)]
        if segment.clean:
            tally.words[segment.group] += segment.words
            for f in inside:
                if not any(a.overlaps(f.start, f.end) for a in notes):
                    tally.false[segment.group] += 1
                    tally.rule_false[f.code, segment.group] += 1
                    if sample.source not in ("holdout", "mqm-holdout"):
                        tally.false_hits.append((sample, f, segment.group))
            continue
        for f in inside:
            hit = any(a.overlaps(f.start, f.end) for a in sample.annotations)
            tally.found[sample.source] += 1
            tally.true[sample.source] += hit
            tally.rule_found[f.code, sample.source] += 1
            tally.rule_true[f.code, sample.source] += hit
            if not hit and sample.source not in ("holdout", "mqm-holdout"):
                tally.false_hits.append((sample, f, "unmatched"))
        for a in notes:
            caught = any(a.overlaps(f.start, f.end) for f in findings)
            tally.total[sample.source, a.cls] += 1
            tally.caught[sample.source, a.cls] += caught
            if a.visible is not None:
                key = (sample.source, audit_set(sample.name), a.visible)
                tally.audit_total[key] += 1
                tally.audit_caught[key] += caught
            if not caught and sample.source not in ("holdout", "mqm-holdout"):
                tally.misses.append((sample, a))


def rules_checker() -> Checker:
    """The built-in rule pack, as `cleaner check` runs it."""
    return engine_for().check


@contextlib.contextmanager
def grammar_checker(base: Checker, variant: str = "en-US", parts: dict | None = None):
    """Rules plus LanguageTool, merged as `cleaner check --grammar` merges them.

    LanguageTool runs raw and the screen `check` applies is applied here, so one pass also yields,
    in `parts` (text -> (ours, LanguageTool after the context screen, spelling before it)), what the
    per-rule figures need.
    """
    from cleaner.document import Document
    from cleaner.languagetool import GrammarChecker, merge_findings
    from cleaner.languagetool.findings import screen
    from cleaner.languagetool.options import GrammarOptions
    from cleaner.languagetool.spelling import SPELLING_RULE_PREFIX

    # A loaded machine can take minutes to load the English rules: batch runs wait for them.
    options = GrammarOptions(mode="on", variant=variant, raw=True, timeout=600, start_timeout=600)
    with GrammarChecker(options) as grammar:
        def check(text: str) -> list[Finding]:
            ours, raw, doc = base(text), grammar.check(text), Document(text)
            if parts is not None:
                spelling = [replace(f, code=f.code + RAW_SUFFIX) for f in raw if f.code.startswith(SPELLING_RULE_PREFIX)]
                parts[text] = (ours, screen(raw, doc, frozenset(), measured=False), spelling)
            return merge_findings(ours, screen(raw, doc, frozenset()))

        yield check


def pct(num: int, den: int) -> str:
    """A percentage with its counts, or a dash when there is nothing to count."""
    return f"{100 * num / den:5.1f}% ({num}/{den})" if den else "   -"


def rate(num: int, words: int) -> str:
    """Findings per 1,000 words with the counts."""
    return f"{1000 * num / words:5.2f} ({num} in {words} words)" if words else "   -"


SOURCES = ("dev", "holdout", "own", "mqm", "mqm-holdout")
PAGE_SOURCES = ["dev", "holdout", "own"]
HIDDEN = {"holdout", "mqm-holdout"}  # reported only with --reveal-holdout, once the rules are written


def print_recall(tallies: dict[str, Tally]) -> None:
    """Recall per class (rule classes first), one column per source and checker."""
    print("\n## Recall by artifact class (annotations caught / annotations)\n")
    columns = [(label, source) for label in tallies for source in PAGE_SOURCES]
    print(f"{'class':16}" + "".join(f"{label + ' ' + source:>26}" for label, source in columns))
    for cls in [*RULE_CLASSES, "grammar", "other"]:
        cells = [pct(t.caught[s, cls], t.total[s, cls]) for t in tallies.values() for s in PAGE_SOURCES]
        if any(c.strip() != "-" for c in cells):
            print(f"{cls:16}" + "".join(f"{c:>26}" for c in cells))
    cells = []
    for t in tallies.values():
        for s in PAGE_SOURCES:
            cells.append(pct(sum(t.caught[s, c] for c in RULE_CLASSES), sum(t.total[s, c] for c in RULE_CLASSES)))
    print(f"{'RULE CLASSES':16}" + "".join(f"{c:>26}" for c in cells))
    if "holdout" in PAGE_SOURCES:
        both = [pct(sum(t.caught[s, c] for s in ("dev", "holdout") for c in RULE_CLASSES),
                    sum(t.total[s, c] for s in ("dev", "holdout") for c in RULE_CLASSES)) for t in tallies.values()]
        print("real pages, dev + held-out, rule classes: " + "; ".join(f"{label} {c}" for label, c in zip(tallies, both)))


def print_audit(tallies: dict[str, Tally]) -> None:
    """Recall on the audited sets, split by the blind audit's verdict (corpus/audit.yaml)."""
    keys = sorted({(s, n) for t in tallies.values() for s, n, _ in t.audit_total if s in PAGE_SOURCES})
    if not keys:
        return
    print("\n## Recall by blind audit: T = the English page shows the damage, S = it needs the original\n")
    for source, name in keys:
        for label, t in tallies.items():
            cells = [f"{verdict} {pct(t.audit_caught[source, name, verdict], t.audit_total[source, name, verdict])}"
                     for verdict in ("T", "S")]
            print(f"{name + ' (' + source + ')':18}{label:10}" + "   ".join(cells))


def print_precision(tallies: dict[str, Tally]) -> None:
    """Precision on damaged text and false findings per 1,000 clean words."""
    print("\n## Precision on damaged text (findings overlapping an annotation)\n")
    for label, t in tallies.items():
        print(f"{label:18}" + "".join(f"{s}: {pct(t.true[s], t.found[s])}   " for s in SOURCES
                                      if t.found[s] and (s in PAGE_SOURCES or s == "mqm")))
    print(f"\n## False findings per 1,000 words of clean text (bar: at most {BAR_CLEAN_RATE})\n")
    groups = sorted(g for g in {g for t in tallies.values() for g in t.words}
                    if "holdout" not in g or "holdout" in PAGE_SOURCES)
    for group in groups:
        print(f"{group:26}" + "".join(f"{label}: {rate(t.false[group], t.words[group]):28}" for label, t in tallies.items()))


def print_rules(tally: Tally) -> None:
    """Per rule: findings on damaged text (dev, own), share true, false findings on clean text."""
    print("\n## Per rule (dev pages, own articles, MQM; held-out pages excluded)\n")
    codes = sorted({c for c, _ in tally.rule_found} | {c for c, _ in tally.rule_false})
    groups = sorted({g for _, g in tally.rule_false})
    print(f"{'code':22}{'dev':>16}{'own':>16}{'mqm':>16}   false on clean")
    for code in codes:
        cells = [pct(tally.rule_true[code, s], tally.rule_found[code, s]) if tally.rule_found[code, s] else "-"
                 for s in ("dev", "own", "mqm")]
        falses = ", ".join(f"{g} {tally.rule_false[code, g]}" for g in groups
                           if tally.rule_false[code, g] and ("holdout" not in g or "holdout" in PAGE_SOURCES))
        print(f"{code:22}" + "".join(f"{c:>16}" for c in cells) + f"   {falses}")


def print_mqm(tally: Tally) -> None:
    """MQM recall by error category (surface categories first)."""
    cats = sorted({c for s, c in tally.total if s.startswith("mqm")}, key=lambda c: (c not in MQM_SURFACE, c))
    if not cats:
        return
    print("\n## MQM zh->en: recall by error category (dev talks 2 and 6; held-out talks 5, 7, 9)\n")
    shown = ("mqm", "mqm-holdout") if "holdout" in PAGE_SOURCES else ("mqm",)
    for cat in cats:
        print(f"{cat:40}" + "".join(f"{pct(tally.caught[s, cat], tally.total[s, cat]):>24}" for s in shown))
    print(f"{'surface categories':40}" + "".join(
        f"{pct(sum(tally.caught[s, c] for c in MQM_SURFACE), sum(tally.total[s, c] for c in MQM_SURFACE)):>24}"
        for s in shown))


def context(sample: Sample, start: int, end: int, width: int = 60) -> str:
    """The text around a span, with the span marked, on one line."""
    left = sample.text[max(0, start - width) : start].replace("\n", "⏎")
    right = sample.text[end : end + width].replace("\n", "⏎")
    return f"…{left}⟦{sample.text[start:end]}⟧{right}…"


def print_details(tally: Tally, misses: bool, false: bool, only: str | None) -> None:
    """Missed annotations and false findings with their context (never for held-out pages)."""
    if misses:
        print("\n## Missed annotations (not held out)\n")
        for sample, a in tally.misses:
            if a.cls in RULE_CLASSES and (only is None or only in (a.cls, sample.name)):
                print(f"{sample.name} {a.cls}: {context(sample, a.start, a.end)}")
    if false:
        print("\n## False or unmatched findings (not held out)\n")
        for sample, f, group in tally.false_hits:
            if only is None or only in (f.code, sample.name, group):
                print(f"{sample.name} [{group}] {f.code}: {context(sample, f.start, f.end)}")


def write_stats(tally: Tally, sources_seen: Iterable[str]) -> None:
    """Record each rule's measured precision and clean-text rate for `cleaner rules` / `explain`.

    Held-out pages and talks stay out, so that the published figures never reveal them.
    """
    groups = sorted(g for g in tally.words if "holdout" not in g)
    words = sum(tally.words[g] for g in groups)
    codes = sorted({c for c, _ in tally.rule_found} | {c for c, _ in tally.rule_false}
                   | {r.code for r in engine_for().rules})
    damaged = ("dev", "mqm")  # real machine translation only: our garbled articles are written to be caught
    lines = [
        "# Generated by `python benchmarks/detection.py --write-stats`; do not edit by hand.",
        "# found/correct: findings on annotated real machine translation (development pages, MQM development",
        "# talks) and how many overlap an annotated error; clean-false: findings on the clean texts.",
        f"date: {datetime.date.today().isoformat()}",
        f"sources: [{', '.join(sorted(s for s in sources_seen if s in damaged or s.startswith('clean')))}]",
        f"clean-words: {words}",
        "rules:",
    ]
    for code in codes:
        found = sum(tally.rule_found[code, s] for s in damaged)
        true = sum(tally.rule_true[code, s] for s in damaged)
        false = sum(tally.rule_false[code, g] for g in groups)
        lines.append(f"  {code}: {{found: {found}, correct: {true}, clean-false: {false}}}")
    STATS_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {STATS_PATH.relative_to(ROOT)}")


def run(checker: Checker, samples: list[Sample]) -> Tally:
    """Check every sample and tally the results."""
    tally = Tally()
    for sample in samples:
        score(sample, checker(sample.text), tally)
    return tally


def main(argv: list[str]) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grammar", action="store_true", help="also run rules + LanguageTool")
    parser.add_argument("--variant", default="en-US", help="LanguageTool's English variant (with --grammar)")
    parser.add_argument("--lt-rules", action="store_true",
                        help="with --grammar: per LanguageTool rule, matches on clean and damaged text (dev data)")
    parser.add_argument("--no-mqm", action="store_true", help="skip the MQM data")
    parser.add_argument("--misses", action="store_true", help="print missed annotations (dev and own)")
    parser.add_argument("--false", action="store_true", help="print false and unmatched findings")
    parser.add_argument("--of-grammar", action="store_true",
                        help="with --grammar: --misses/--false list those of rules + LanguageTool")
    parser.add_argument("--only", help="with --misses/--false: one class, rule code, group or sample")
    parser.add_argument("--json", type=Path, help="write every count to this file")
    parser.add_argument("--reveal-holdout", nargs="?", const="", metavar="SET",
                        help="also print the held-out figures (only once the rules under test are written); "
                             "with SET (an id prefix such as h13), only that set's pages: the others stay unscored")
    parser.add_argument("--write-stats", action="store_true", help=f"write {STATS_PATH.relative_to(ROOT)}")
    args = parser.parse_args(argv)

    problems: list[str] = []
    samples = [*own_articles(), *corpus_pages(problems)]
    if args.reveal_holdout:
        # Two sets can wait at once: revealing one must not show, or even score, the next.
        samples = [s for s in samples if s.source != "holdout" or s.name.startswith(args.reveal_holdout)]
    if not args.no_mqm:
        samples.extend(mqm_talks(problems))
    seen = Counter(s.source for s in samples)
    print("# cleaner detection benchmark\n")
    print("samples: " + ", ".join(f"{k} {v}" for k, v in sorted(seen.items())))
    for problem in problems:
        print(f"note: {problem}")

    if args.reveal_holdout is None:
        PAGE_SOURCES.remove("holdout")
        print("held-out pages and MQM talks are scored but not shown (--reveal-holdout)")
    tallies = {"rules": run(rules_checker(), samples)}
    rule_tally = RuleTally()
    if args.grammar:
        parts: dict = {}
        with grammar_checker(rules_checker(), args.variant, parts) as checker:
            tallies["rules+LT"] = run(checker, samples)
        for sample in samples:
            ours, theirs, spelling = parts[sample.text]
            score_rules(sample, ours, [*theirs, *spelling], rule_tally)
    print_recall(tallies)
    print_audit(tallies)
    print_precision(tallies)
    print_rules(tallies["rules"])
    for label, tally in tallies.items():
        print(f"\n# {label}")
        print_mqm(tally)
    if args.lt_rules:
        print_rule_table(rule_tally)
    print_details(tallies["rules+LT" if args.grammar and args.of_grammar else "rules"], args.misses, args.false, args.only)
    if args.write_stats:
        write_stats(tallies["rules"], seen)
    if args.json:
        args.json.write_text(json.dumps({
            label: {key: {"|".join(map(str, k)) if isinstance(k, tuple) else k: v for k, v in getattr(t, key).items()}
                    for key in ("caught", "total", "found", "true", "words", "false", "rule_found", "rule_true", "rule_false")}
            for label, t in tallies.items()}, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
