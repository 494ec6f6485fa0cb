"""No repeated work: `report` checks the original once for the page and both fix runs, and no rule
checks one text twice (a fix run checks each pass's text with the rules that may fix, the final
text once with the others)."""

from __future__ import annotations

from cleaner import engine as engine_module
from cleaner.reviewpage import gather
from cleaner.runner import CheckOptions, ResultMemo
from tests_support import CLEAN_SEEDS, SEED


def _gather_counting(options: CheckOptions, paths: list[str], monkeypatch) -> tuple[object, list[tuple[str, str]]]:
    checked: list[tuple[str, str]] = []  # (text, rule code), one per rule run
    original = engine_module.Engine.run  # what the runner calls (Engine.check wraps it)

    def counting(self, text):
        checked.extend((text.text if hasattr(text, "text") else text, rule.code) for rule in self.rules)
        return original(self, text)

    monkeypatch.setattr(engine_module.Engine, "run", counting)
    return gather(paths, options), checked


def test_report_checks_each_distinct_text_once_and_shows_the_same(monkeypatch) -> None:
    paths = [str(SEED), str(CLEAN_SEEDS[0])]
    plain, plain_checked = _gather_counting(CheckOptions(), paths, monkeypatch)
    reused, reused_checked = _gather_counting(CheckOptions(memo=ResultMemo()), paths, monkeypatch)
    assert reused == plain  # the same findings, fixes and scores, item for item
    assert len(reused_checked) == len(set(reused_checked)), "a rule checked the same text twice"
    seed = SEED.read_text(encoding="utf-8")
    # The page's check is both fix runs' first pass (before, each fix run checked it again, and
    # again whenever it restarted without fixes that did not settle).
    assert plain_checked.count((seed, "PU101")) <= 2
    assert reused_checked.count((seed, "PU101")) == 1


def test_memo_keeps_only_the_last_few_texts() -> None:
    memo = ResultMemo(size=2)
    calls: list[str] = []
    for text in ["a", "b", "a", "c", "b"]:
        memo.get(("k", text), lambda text=text: calls.append(text) or text.upper())
    # "a" was still held when asked again; "b" had been pushed out by "a" and "c".
    assert calls == ["a", "b", "c", "b"]


def test_the_page_leaves_the_safe_runs_remaining_findings_out_and_clears_its_memo() -> None:
    memo = ResultMemo()
    page = gather([str(SEED)], CheckOptions(memo=memo))
    item = page.files[0]
    assert item.safe.changed and item.safe.remaining == ()  # the page shows only the unsafe run's
    assert item.unsafe.remaining  # which is counted on the page
    assert memo.units is None  # what the fix runs kept per paragraph serves this file only
