"""How benchmarks/lt_select.py turns measured LanguageTool figures into rules on and off."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import lt_select  # noqa: E402
from lt_rules import RuleTally  # noqa: E402

WORDS = {"clean-originals": 20_000, "own-clean": 5_000, "mqm-error-free": 25_000}


def tally(**rules: tuple[tuple[int, int, int], int, int, int]) -> RuleTally:
    """A tally of rules given as (clean matches per column, found, true, new), measured in en-US."""
    t = RuleTally()
    t.words.update(WORDS)
    for code, (clean, found, true, new) in rules.items():
        t.category[code] = "grammar"
        t.seen_in[code] = {"en-US"}
        for col, n in zip(lt_select.CLEAN_COLUMNS, clean):
            t.clean[code, col] = n
        t.found[code], t.true[code], t.caught[code], t.new[code] = found, true, new, new
    return t


def states(t: RuleTally, budget: float = 0.2) -> dict[str, bool]:
    return {row.rule: row.on for row in lt_select.decide(t, budget)}


def test_one_catch_is_not_enough() -> None:
    assert states(tally(ONCE=((0, 0, 0), 1, 1, 1), TWICE=((0, 0, 0), 2, 2, 2))) == {"ONCE": False, "TWICE": True}


def test_half_of_all_matches_must_be_right_clean_text_included() -> None:
    # 3 of 4 right on damaged text, but 3 more matches on clean text: 3 of 7 is under half.
    t = tally(NOISY=((1, 1, 1), 4, 3, 3), STEADY=((0, 0, 1), 4, 3, 3))
    assert states(t) == {"NOISY": False, "STEADY": True}
    assert "under 50%" in {r.rule: r.reason for r in lt_select.decide(t, 0.2)}["NOISY"]


def test_the_budget_takes_the_cheapest_rules_first_and_charges_the_prior() -> None:
    # MQM budget at 0.2 per 1,000: 5 matches. CHEAP costs 1.25 + 0.25 (its prior share), DEAR 4 + 0.25.
    t = tally(CHEAP=((0, 0, 1), 9, 9, 6), DEAR=((0, 0, 4), 20, 18, 8))
    assert states(t) == {"CHEAP": True, "DEAR": False}
    assert states(t, budget=0.3) == {"CHEAP": True, "DEAR": True}


def test_news_pages_and_our_own_clean_articles_share_one_ledger() -> None:
    # 2 matches in our 5,000 words alone would be 0.4 per 1,000; against 25,000 news words they fit.
    assert states(tally(OWN=((0, 2, 0), 9, 9, 5))) == {"OWN": True}


def test_good_turing_counts_the_rules_seen_once_on_clean_text() -> None:
    t = tally(A=((1, 0, 0), 1, 0, 0), B=((0, 0, 1), 1, 0, 0), C=((2, 0, 0), 1, 0, 0))
    assert lt_select.unseen_rate(t) == 1000 * 2 / sum(WORDS.values())
