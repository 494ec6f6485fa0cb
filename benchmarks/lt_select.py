"""Which measured LanguageTool rules stay on: the thresholds, the budget, and how they generalise.

A rule that never matched on the development data has no figure, so it is off. A measured rule
stays on only when all of these hold (each figure the worse of the variants measured):
  - MIN_NEW: it catches at least two annotated errors the rule pack misses (one catch cannot tell a
    rule from luck);
  - MIN_PRECISION: at least half of all its matches on the development data, on damaged and clean
    text together, overlap an annotated error (a finding is more likely right than wrong);
  - the budget: rules are taken in order of clean-text cost per new error, and LanguageTool's
    clean-text matches may reach at most `budget` per 1,000 words of each kind of clean text
    (news: originals and our own clean articles; MQM error-free). Each rule is
    charged its clean-text matches plus PRIOR_MATCHES (the Jeffreys prior of a Poisson rate: a rule
    seen 0 times on clean text is not known to be silent there), spread over the groups by words.
The same selection made on one half of the development data and scored on the other half
(`validate`) estimates what it makes on text it was not chosen on, without the held-out texts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from lt_rules import CLEAN_COLUMNS as CLEAN_GROUPS
from lt_rules import RuleTally, score_rules

from cleaner.languagetool import merge_findings
from cleaner.languagetool.disabled import BAR_COMBINED, MeasuredRule

CLEAN_COLUMNS = ("clean-originals", "own-clean", "mqm-error-free")
# The budget is kept per kind of clean text: news prose (published pages and our own clean
# articles, one ledger: 6,500 words of ours alone would let one match decide) and MQM's talks.
LEDGERS = {"clean-originals": "news", "own-clean": "news", "mqm-error-free": "mqm"}
MIN_NEW = 2
MIN_PRECISION = 0.5
PRIOR_MATCHES = 0.5

Runs = list  # (sample, rule pack findings, LanguageTool after the context screen)


def tally_runs(runs: Iterable[tuple]) -> RuleTally:
    """Tally each LanguageTool rule over measured runs."""
    tally = RuleTally()
    for sample, ours, theirs in runs:
        score_rules(sample, ours, theirs, tally)
    return tally


def precision(tally: RuleTally, code: str) -> float:
    """Share of the rule's matches, on damaged and clean text, that overlap an annotated error."""
    matches = tally.found[code] + sum(tally.clean_false(code))
    return tally.true[code] / matches if matches else 0.0


def verdict(tally: RuleTally, code: str) -> tuple[bool, str]:
    """Whether the rule may be on before the budget, with the reason when it may not."""
    new, true = tally.new[code], tally.true[code]
    if new < MIN_NEW:
        if new:
            return False, f"catches {new} error the rule pack misses (fewer than {MIN_NEW})"
        return False, "catches no error the rule pack misses" if true else "catches no annotated error"
    share = precision(tally, code)
    if share < MIN_PRECISION:
        return False, f"{share:.0%} of its matches mark an annotated error (under {MIN_PRECISION:.0%})"
    return True, ""


def ledger_words(tally: RuleTally) -> Counter:
    """Clean words per budget ledger."""
    words: Counter = Counter()
    for col in CLEAN_COLUMNS:
        words[LEDGERS[col]] += tally.words[col]
    return words


def charges(tally: RuleTally, code: str) -> Counter:
    """The rule's clean-text matches per ledger plus its share of the prior, by words."""
    words = ledger_words(tally)
    total = sum(words.values()) or 1
    cost: Counter = Counter({ledger: PRIOR_MATCHES * n / total for ledger, n in words.items()})
    for col, n in zip(CLEAN_COLUMNS, tally.clean_false(code)):
        cost[LEDGERS[col]] += n
    return cost


def decide(tally: RuleTally, budget: float) -> list[MeasuredRule]:
    """Turn each measured rule on or off by the thresholds and the budget, with its reason."""
    allowed = {ledger: budget * n / 1000 for ledger, n in ledger_words(tally).items()}
    # Ledgers per variant: a variant's own rule (MORFOLOGIK_RULE_EN_GB) never runs in another.
    ledgers = {v: Counter() for code in tally.seen_in for v in tally.seen_in[code]}
    rows = []

    def order(code: str) -> tuple:
        return (sum(charges(tally, code).values()) / max(tally.new[code], 1), -tally.new[code], code)

    for code in sorted(tally.codes(), key=order):
        on, reason = verdict(tally, code)
        cost = charges(tally, code)
        spent = [ledgers[v] for v in tally.seen_in.get(code, ())]
        if on and not all(ledger[k] + cost[k] <= allowed[k] for ledger in spent for k in allowed):
            on, reason = False, f"its {sum(tally.clean_false(code))} clean-text matches do not fit the budget"
        elif on:
            reason = f"catches {tally.new[code]} error(s) the rule pack misses within the budget"
            for ledger in spent:
                ledger.update(cost)
        rows.append(MeasuredRule(code.removeprefix("LT:"), on, tally.category[code], tally.clean_false(code),
                                 tally.found[code], tally.true[code], tally.caught[code], tally.new[code], reason))
    return sorted(rows, key=lambda r: r.rule)


def unseen_rate(tally: RuleTally) -> float:
    """Good-Turing: clean-text matches per 1,000 words of the rules never seen to match (N1 / words).

    The rules seen exactly once on clean text estimate the mass of those not seen at all; it is
    why a rule without a measurement stays off.
    """
    once = sum(1 for code in tally.codes() if sum(tally.clean_false(code)) == 1)
    words = sum(tally.words[col] for col in CLEAN_COLUMNS)
    return 1000 * once / words if words else 0.0


def combined_false(runs: Runs, rows: list[MeasuredRule]) -> Counter:
    """False findings of rules + LanguageTool (the rules kept on), merged as `check` merges them, per column."""
    on = {f"LT:{r.rule}" for r in rows if r.on}
    false: Counter = Counter()
    for sample, ours, theirs in runs:
        merged = merge_findings(ours, [f for f in theirs if f.code in on])
        for segment in sample.segments:
            column = CLEAN_GROUPS.get(segment.group)
            if not segment.clean or column is None:
                continue
            false[column] += sum(1 for f in merged if segment.start <= f.start < max(segment.end, segment.start + 1)
                                 and not any(a.overlaps(f.start, f.end) for a in sample.annotations))
    return false


def halves(runs: Runs) -> tuple[Runs, Runs]:
    """Split runs in two: MQM by talk (one talk each), every other source alternately by name."""
    talks = sorted({s.name.rsplit("/", 1)[1] for s, _, _ in runs if "/talk." in s.name})
    parts: tuple[Runs, Runs] = ([], [])
    seen: Counter = Counter()
    for run in sorted(runs, key=lambda r: (r[0].source, r[0].name)):
        sample = run[0]
        if "/talk." in sample.name:
            side = talks.index(sample.name.rsplit("/", 1)[1]) % 2
        else:
            side = seen[sample.source] % 2
            seen[sample.source] += 1
        parts[side].append(run)
    return parts


def validate(measured: dict[str, Runs], budget: float, combine: Callable) -> dict[str, float]:
    """Choose on one half, score on the other, both ways: the worse rate per clean group and variant."""
    worst: dict[str, float] = dict.fromkeys(CLEAN_COLUMNS, 0.0)
    split = {v: halves(runs) for v, runs in measured.items()}
    for pick, score in ((0, 1), (1, 0)):
        tallies = {v: tally_runs(parts[pick]) for v, parts in split.items()}
        rows = decide(combine(tallies), budget)
        for variant, parts in split.items():
            words = tally_runs(parts[score]).words
            false = combined_false(parts[score], rows)
            for col in CLEAN_COLUMNS:
                if words[col]:
                    worst[col] = max(worst[col], 1000 * false[col] / words[col])
    return worst


def met(rates: dict[str, float]) -> bool:
    """True when every clean group is within the combined bar."""
    return all(rate <= BAR_COMBINED for rate in rates.values())
