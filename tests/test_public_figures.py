"""The world public-figure table (rules/data/world-figures.yaml) and what NM103 / NM107 do with it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from cleaner.engine import Engine
from cleaner.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("check_public_figures", ROOT / "scripts" / "check_public_figures.py")
check = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check)
RULES = [r for r in load_rules() if r.code in ("NM103", "NM107")]
ENGINE = Engine(RULES)


def test_the_table_passes_its_validator() -> None:
    table = yaml.safe_load((ROOT / "rules" / "data" / "world-figures.yaml").read_text(encoding="utf-8"))
    assert check.problems(table) == []
    assert sum(len(names) for names in table.values()) >= 500  # broad, not the handful a page showed


@pytest.mark.parametrize(
    "table, problem",
    [
        ({"Narnia": ["Lucy PEVENSIE"]}, "not a country"),
        ({"France": ["Macron"]}, "needs a given name"),
        ({"France": ["Jean Dupont"]}, "no family name in capitals"),
        ({"Netherlands": ["Pieter VAN DAM"]}, "particle"),
        ({"France": ["Jean DUPONT"], "Belgium": ["Jean DUPONT"]}, "listed under"),
        ({"Italy": ["Giorgia MELONI"]}, "already in people.tsv"),
        ({"Spain": ["Felipe VI"]}, "regnal number"),
        ({"France": ["Jean  DUPONT"]}, "single spaces"),
        ({"Italy": ["Luigi DI MAIO"]}, "particle"),
        ({"Spain": None}, "no names"),
    ],
)
def test_the_validator_names_each_problem(table: dict, problem: str) -> None:
    assert any(problem in line for line in check.problems(table))


def test_a_family_first_name_may_be_a_particle_word() -> None:
    assert check.problems({"Vietnam": ["LE Van An"], "Italy": ["Luigi Di MAIO"]}) == []


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Spain’s Prime Minister Pedro Sanches spoke in Madrid.", "Sanches", "Sánchez"),
        ("In Berlin, Defence Minister Boriss Pistorious spoke.", "Boriss Pistorious", "Boris Pistorius"),
        ("The Egyptian foreign minister Badr Abdelaty flew to Doha.", "Abdelaty", "Abdelatty"),
    ],
)
def test_garbled_world_figures(text: str, flagged: str, suggestion: str) -> None:
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Kyrgyzstan hosted the water summit. Jabarov said the deal was fair.", "Jabarov", "Japarov"),
        ("Azerbaijan hosted the energy talks. Jabarov said the deal was fair.", "Jabarov", "Jabbarov"),
        ("China’s leader Xi Jin Ping spoke.", "Jin Ping", "Jinping"),  # a pinyin given name split in two
    ],
)
def test_the_named_country_picks_between_two_listed_families(text: str, flagged: str, suggestion: str) -> None:
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended. Jabarov said the deal was fair.",  # Japarov or Jabbarov: no country says which
        "Saudi defender Saud Abdul Hamid was booked.",  # Abdulhamid spaced: a house style
        "Russia’s Foreign Minister Sergei Lavrov spoke.",  # Sergei / Sergey: both established
        "Iraq’s Prime Minister Mohamed Shia al-Sudani spoke.",  # Mohamed / Mohammed
        "Germany’s Thomas Mueller scored.",  # Müller with the umlaut written out
        "Ukraine’s President Volodymyr Zelenskiy spoke.",  # y / i
        "Spain’s Pedro Sánchez met Pedro Sanchez.",  # diacritics are house style
        "A Spanish farmer, Boriss Pistorious, spoke.",  # no title and not the person's country
    ],
)
def test_own_variants_and_namesakes_pass(text: str) -> None:
    assert ENGINE.check(text) == []
