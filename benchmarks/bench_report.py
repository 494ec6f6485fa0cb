"""Print the benchmark's table, ratios and bars (the Done-when lines of issue 12)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from bench_timing import Series

Results = dict[tuple[str, str], Series]  # (workload, tool label) -> series


@dataclass
class Bar:
    name: str
    value: Optional[float]
    passes: Callable[[float], bool]
    unit: str = "x"

    @property
    def verdict(self) -> str:
        return "n/a" if self.value is None else ("met" if self.passes(self.value) else "MISSED")


def fmt(value: Optional[float], spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return a / b if a is not None and b else None


def print_table(results: Results) -> None:
    header = f"{'workload':<9} {'tool':<26} {'runs':>4} {'wall s':>8} {'min-max':>13} {'cpu s':>8} {'peak MB':>8} {'findings':>8}"
    print(header)
    print("-" * len(header))
    for (workload, label), s in results.items():
        walls = [r.wall for r in s.runs]
        spread = f"{min(walls):.2f}-{max(walls):.2f}" if walls else "-"
        print(f"{workload:<9} {label:<26} {len(s.runs):>4} {fmt(s.median('wall')):>8} {spread:>13}"
              f" {fmt(s.median('cpu')):>8} {fmt(s.median('peak_mb'), '.0f'):>8} {fmt(s.findings, 'd'):>8}")
        if s.error:
            print(f"          ^ {s.error}")


def _med(results: Results, workload: str, label: str, attr: str = "wall") -> Optional[float]:
    s = results.get((workload, label))
    return s.median(attr) if s else None


def print_ratios(results: Results) -> None:
    """Every other tool's median over `cleaner check` (or `--jobs 2`) in the same workload."""
    print("\nratios (medians; wall, with cpu in brackets; above 1 means cleaner is faster)")
    for workload in dict.fromkeys(w for w, _ in results):
        base = "cleaner --jobs 2" if (workload, "cleaner --jobs 2") in results else "cleaner check"
        for (w, label) in results:
            if w != workload or label == base:
                continue
            wall = ratio(_med(results, w, label), _med(results, w, base))
            cpu = ratio(_med(results, w, label, "cpu"), _med(results, w, base, "cpu"))
            print(f"  {workload:<9} {label:<26} / {base:<18} {fmt(wall):>7}x  [{fmt(cpu)}x]")


def bars(results: Results, grammar_second: Optional[float] = None) -> list[Bar]:
    """The Done-when bars, from this run's medians (wall time)."""
    m = lambda w, t, a="wall": _med(results, w, t, a)  # noqa: E731 - a short local alias
    check_1mb = m("1MB", "cleaner check")
    out = [
        Bar("5 KB article: proselint / cleaner check > 1", ratio(m("article", "proselint"), m("article", "cleaner check")), lambda v: v > 1),
        Bar("5 KB article: vale / cleaner check > 1", ratio(m("article", "vale"), m("article", "cleaner check")), lambda v: v > 1),
        Bar("1 MB: proselint / cleaner check >= 4", ratio(m("1MB", "proselint"), check_1mb), lambda v: v >= 4),
        Bar("200 files: vale / cleaner --jobs 2 > 1", ratio(m("folder", "vale"), m("folder", "cleaner --jobs 2")), lambda v: v > 1),
        Bar("200 files: --jobs 1 / --jobs 2 > 1", ratio(m("folder", "cleaner --jobs 1"), m("folder", "cleaner --jobs 2")), lambda v: v > 1),
        Bar("peak MB, check 1 MB <= 60", m("1MB", "cleaner check", "peak_mb"), lambda v: v <= 60, " MB"),
        Bar("peak MB, check 10 MB <= 120", m("10MB", "cleaner check", "peak_mb"), lambda v: v <= 120, " MB"),
        Bar("1 MB: fix --diff / check <= 1.5", ratio(m("1MB", "cleaner fix --diff"), check_1mb), lambda v: v <= 1.5),
        Bar("1 MB: report / check <= 1.5", ratio(m("1MB", "cleaner report"), check_1mb), lambda v: v <= 1.5),
    ]
    if ("article", "cleaner check (server)") in results:
        # The same command with a warm check server running (`--server`); its own CPU is printed apart.
        served = m("article", "cleaner check (server)")
        out[2:2] = [
            Bar("5 KB article, served: proselint / cleaner check > 1", ratio(m("article", "proselint"), served), lambda v: v > 1),
            Bar("5 KB article, served: vale / cleaner check > 1", ratio(m("article", "vale"), served), lambda v: v > 1),
        ]
    if grammar_second is not None:
        out.append(Bar("warm --grammar re-check of an edited article < 2 s", grammar_second, lambda v: v < 2, " s"))
    return out


def print_bars(found: list[Bar]) -> bool:
    """Print the bars; return True when none was missed."""
    print("\nbars (Done when, issue 12)")
    for bar in found:
        print(f"  {bar.name:<52} {fmt(bar.value):>8}{bar.unit if bar.value is not None else ''}  {bar.verdict}")
    return all(bar.verdict != "MISSED" for bar in found)
