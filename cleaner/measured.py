"""Each built-in rule's measured precision and clean-text rate, from the detection benchmark.

`python benchmarks/detection.py --write-stats` writes rules/data/measured.yaml from the benchmark's
corpora (real machine-translated pages annotated by hand, our garbled articles, annotated MQM
machine translation, and clean professional English); `cleaner rules` and `cleaner explain` show the
figures. They are generated, never typed: a rule the benchmark has not measured shows none.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping

from cleaner import gazetteer


@dataclass(frozen=True)
class Measured:
    """One rule's counts on the benchmark."""

    found: int  # findings on annotated damaged text
    true: int  # of those, findings that overlap an annotated error
    clean_false: int  # findings on clean text
    clean_words: int  # words of clean text checked
    date: str  # when the benchmark ran

    @property
    def precision(self) -> float | None:
        """Share of findings on damaged text that point at a real error, or None without findings."""
        return self.true / self.found if self.found else None

    @property
    def clean_rate(self) -> float:
        """False findings per 1,000 words of clean text."""
        return 1000 * self.clean_false / self.clean_words if self.clean_words else 0.0

    def precision_text(self) -> str:
        """"92% (24/26)", or "-" when the rule found nothing on the damaged text."""
        return "-" if self.precision is None else f"{100 * self.precision:.0f}% ({self.true}/{self.found})"

    def clean_text(self) -> str:
        """"0.05/1k (1)": false findings per 1,000 clean words, with the count."""
        return f"{self.clean_rate:.2f}/1k ({self.clean_false})"


@functools.lru_cache(maxsize=1)
def measurements() -> Mapping[str, Measured]:
    """Rule code -> its measurement; empty when the pack carries no measurement file."""
    if not gazetteer.data_path("measured").is_file():
        return {}
    data = gazetteer.load("measured")
    words, date = int(data.get("clean-words", 0)), str(data.get("date", ""))
    return {
        code: Measured(int(row["found"]), int(row["correct"]), int(row["clean-false"]), words, date)
        for code, row in (data.get("rules") or {}).items()
    }


def table_cells(code: str) -> tuple[str, str]:
    """The precision and clean-rate cells of a rule's row in the rule index, "-" when unmeasured."""
    figures = measurements().get(code)
    return (figures.precision_text(), figures.clean_text()) if figures else ("-", "-")
