"""Issue 11, hangs: extraction, protection, rule kinds and readability are linear in the input.

Each case runs an input and the same input doubled and compares the times (best of three):
linear work takes about twice as long, quadratic work four times. No absolute time limits.
"""

from __future__ import annotations

import gc
import random
import string
import time
from typing import Callable

import pytest

from cleaner.api import engine_for
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.inputs import extract
from cleaner.kinds import name_variants
from cleaner.loader import load_rules
from cleaner.protected import protected_spans
from cleaner.readability import score
from cleaner.suppress import parse_inline

pytestmark = pytest.mark.slow  # timing ratios and hundreds of generated inputs: the full lane only

MAX_RATIO = 2.5
MIN_SECONDS = 0.1  # grow the input until one run takes this long, so noise does not dominate
LARGEST = 1 << 20  # units; work still too quick to measure at this size is not quadratic


def _seconds(work: Callable[[str], object], text: str) -> float:
    # The cyclic collector runs at moments that depend on allocation counts, not on the work:
    # collect first and keep it off while timing, so its pauses do not land on one size only.
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        work(text)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _best(work: Callable[[str], object], text: str) -> float:
    return min(_seconds(work, text) for _ in range(3))


def _paired_ratio(work: Callable[[str], object], small: str, large: str) -> float:
    """Best time on `large` over best time on `small`, runs interleaved so load hits both alike."""
    best_small = best_large = float("inf")
    for _ in range(5):
        best_small = min(best_small, _seconds(work, small))
        best_large = min(best_large, _seconds(work, large))
    return best_large / max(best_small, 1e-9)


def doubling_ratio(work: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """Time `work` on make(n) and make(2n), growing n until the smaller run is measurable."""
    while _best(work, make(n)) < MIN_SECONDS:
        if n >= LARGEST:
            return 1.0
        n *= 2
    ratio = float("inf")
    for _ in range(3):  # further tries absorb a noisy moment on a shared machine; quadratic work fails all
        ratio = min(ratio, _paired_ratio(work, make(n), make(2 * n)))
        if ratio <= MAX_RATIO:
            break
    return ratio


EXTRACTOR_CASES = [
    ("a.md", "<!--"), ("a.md", "<!-- a\n\n"), ("a.md", "`a"), ("a.md", "[a]("), ("a.md", "<http://a"),
    ("a.html", "<a"), ("a.html", '<a "'), ("a.html", "<!"), ("a.html", "<?"), ("a.html", "<!--"),
    ("a.html", "<script>"), ("a.html", "<p>x"), ("a.html", "&#"), ("a.html", "<![ "),
]  # fmt: skip


@pytest.mark.parametrize(("name", "unit"), EXTRACTOR_CASES, ids=[f"{n}:{u!r}" for n, u in EXTRACTOR_CASES])
def test_extraction_is_linear(name: str, unit: str) -> None:
    uncached = extract.__wrapped__  # the cache would answer the repeated runs instantly
    assert doubling_ratio(lambda text: uncached(name, text), lambda n: unit * n, 2000) <= MAX_RATIO


@pytest.mark.parametrize("unit", ["a", "a.", "a@", "/a", "a_", "a(", "a-", "`a", "http://", "..", "a.com/"])
def test_protected_spans_are_linear(unit: str) -> None:
    assert doubling_ratio(protected_spans, lambda n: unit * n, 5000) <= MAX_RATIO


def test_inline_directives_are_linear() -> None:
    assert doubling_ratio(parse_inline, lambda n: "<!-- cleaner-disable " * n, 2000) <= MAX_RATIO


def _rule_checker(code: str) -> Callable[[str], object]:
    checker = next(c for r, c in engine_for()._checkers if r.code == code)
    return lambda text: list(checker(Document(text)))


def _names(n: int) -> str:
    rng = random.Random(n)  # the same names for the same size

    def word() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeioulnrst") for _ in range(7))

    return " ".join(f"{word()} {word()} said it." for _ in range(n))


@pytest.mark.parametrize(
    ("code", "make", "n"),
    [
        # Sizes where the old quadratic terms (slices, re-scans) already dominated.
        ("NM102", lambda n: "Jean-" * n, 1000),
        ("NM102", lambda n: "a b\n" * n, 20000),
        ("CA101", lambda n: "a b\n" * n, 50000),
        ("CA102", lambda n: "prices rose In the market " * n, 10000),
        # One paragraph of quotations reopened before they close: each reopened mark once looked
        # through every mark of its paragraph for its partner and the last open quotation.
        ("PU105", lambda n: "He said " + " ".join("“Word here" if i % 2 else "“word here.”" for i in range(n)), 2000),
    ],
    ids=["Jean-", "one-paragraph", "paragraph-start", "sentence-start", "reopened-quotations"],
)
def test_rule_kinds_are_linear(code: str, make: Callable[[int], str], n: int) -> None:
    assert doubling_ratio(_rule_checker(code), make, n) <= MAX_RATIO


def test_comparing_twenty_thousand_names_stays_bounded(monkeypatch: pytest.MonkeyPatch, no_rule_budget: None) -> None:
    # The red team's 20,000 distinct names: each name is compared with a bounded number of
    # neighbours (blocks and a window), never with every other name, so the work is linear.
    from cleaner import names as nm

    calls = {"n": 0}

    def counted(real: Callable[..., bool]) -> Callable[..., bool]:
        def wrapper(*args: object) -> bool:
            calls["n"] += 1
            return real(*args)

        return wrapper

    monkeypatch.setattr(name_variants, "similar", counted(name_variants.similar))
    monkeypatch.setattr(nm, "is_variant", counted(nm.is_variant))
    text = _names(20000)
    result = Engine([r for r in load_rules() if r.code == "NM102"]).run(text)
    assert result.stopped == ()
    window = 16
    # Each name sits in at most two blocks of each kind (person names; name words by their consonants,
    # and again without n, m and r; word pairs) and meets `window` neighbours in each: linear in the
    # number of names, where comparing every pair would be 2e8.
    blocks_per_name = 2 * 4
    assert calls["n"] <= blocks_per_name * window * 20000


def test_the_whole_engine_finishes_every_rule_on_hostile_text() -> None:
    # The red team's inputs that timed out: every rule now completes within its budget.
    for text in ("Jean-" * 3000, "a b\n" * 50000, _names(2000)):
        assert engine_for().run(text).stopped == ()


def test_readability_of_one_long_line_is_linear() -> None:
    assert doubling_ratio(score, lambda n: "b" * n, 50000) <= MAX_RATIO
