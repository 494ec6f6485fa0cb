"""cleaner.fuzzy gives exactly rapidfuzz's numbers, so using it instead changes no finding."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from cleaner import fuzzy, lexicon

_ALPHABET = "abcdeéAB -’ж"


def _pairs(count: int, longest: int, seed: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    pairs = []
    for n in range(count):
        a = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, longest)))
        b = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, longest)))
        if n % 3 == 1 and a:  # near misses: two neighbours swapped, one letter dropped
            i = rnd.randrange(len(a))
            b = a[:i] + a[i + 1 : i + 2] + a[i : i + 1] + a[i + 2 :] if n % 2 else a[:i] + a[i + 1 :]
        pairs.append((a, b))
    return pairs


@pytest.fixture(autouse=True)
def _pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzzy, "SWITCH_AFTER", 10**9)  # the Python code, never the hand-over


def test_ratio_and_osa_equal_rapidfuzz_on_random_strings() -> None:
    pairs = _pairs(20_000, 12, 1) + _pairs(300, 150, 2)  # past 64 characters rapidfuzz works in blocks
    for a, b in pairs:
        assert fuzzy.ratio(a, b) == fuzz.ratio(a, b), (a, b)
        for cutoff in (None, 1, 2):
            assert fuzzy.osa_distance(a, b, cutoff) == OSA.distance(a, b, score_cutoff=cutoff), (a, b, cutoff)


def test_ratio_and_osa_equal_rapidfuzz_on_real_names() -> None:
    names = sorted({person.name for person in lexicon.people()})[:400]
    rnd = random.Random(3)
    for a in names:
        b = rnd.choice(names)
        assert fuzzy.ratio(a, b) == fuzz.ratio(a, b)
        assert fuzzy.osa_distance(a, b, 2) == OSA.distance(a, b, score_cutoff=2)
        typo = a.replace("a", "o", 1)
        assert fuzzy.ratio(a, typo) == fuzz.ratio(a, typo)
        assert fuzzy.osa_distance(a, typo) == OSA.distance(a, typo)


def test_long_runs_hand_over_to_rapidfuzz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzzy, "SWITCH_AFTER", 0)
    assert fuzzy.ratio("Tokayev", "Tokaev") == fuzz.ratio("Tokayev", "Tokaev")
    assert fuzzy.osa_distance("Kiiv", "Kyiv", 1) == 1
