"""organisation-calque (NM112): an organisation's name translated word by word, from a documented table."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import yaml

from tests_support import CLEAN_SEEDS, SEED, found as found_by

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import check_organisation_calques as checker  # noqa: E402

TABLE = ROOT / "rules" / "data" / "organisation-calques.yaml"


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("NM112", text)


def test_the_packaged_table_is_valid_and_broad() -> None:
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    assert checker.problems(table) == []
    assert len(table["organisations"]) >= 300


def test_the_checker_reports_duplicates_and_missing_names() -> None:
    table = {"sectors": {"car": ["car"]}, "countries": {"FR": ["France"]}, "organisations": [
        {"name": "Alpha", "native": "甲", "sector": ["car"], "renderings": ["First Car"]},
        {"name": "", "native": "乙", "sector": ["car"], "renderings": ["first car"]},
        {"name": "Gamma", "native": "丙", "sector": ["boat"], "renderings": ["Gamma"]},
    ]}
    lines = checker.problems(table)
    assert any("no English name" in line for line in lines)
    assert any("without distinct countries" in line for line in lines)
    assert any("unknown sector" in line for line in lines)
    assert any("English name itself" in line for line in lines)


@pytest.mark.parametrize(("text", "flag", "name"), [
    ("Weilai Automobile delivered 20,000 cars in May.", "Weilai Automobile", "NIO"),
    ("Sales of the Jili brand rose as the carmaker cut prices.", "Jili", "Geely"),
    ("In Tokyo, the Giant lineup went scoreless for six innings.", "Giant", "Yomiuri Giants"),
    ("“We will win,” he said in Madrid, before the party said it would not back Citizens after the vote.", "Citizens", "Ciudadanos"),
    ("The French newspaper The World reported on Macron's plan.", "The World", "Le Monde"),
    ("The German magazine The Mirror reported on the Berlin talks.", "The Mirror", "Der Spiegel"),
])
def test_renderings_with_evidence_are_reported_with_the_english_name(text: str, flag: str, name: str) -> None:
    assert found(text) == [(flag, (name,))]


@pytest.mark.parametrize("text", [
    "Millet and sorghum are grown across the Sahel; farmers sell them at the market.",
    "The fund was flush with cash after the stock rally.",
    "Citizens of Madrid queued to vote in the election.",
    "The World Cup final drew a record television audience.",
    "A giant screen showed the baseball game in Tokyo.",
    "He Xiaopeng, founder of XPeng, spoke at the car show.",
    "“The Mirror reported it,” she said of the German story.",
    "Together, the parties in Paris won a majority.",
])
def test_ordinary_words_and_quotations_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_country_bound_rendering_needs_its_country() -> None:
    assert found("The newspaper The World reported on the talks.") == []


def test_seed_and_clean_articles_have_no_findings() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert found(path.read_text(encoding="utf-8")) == [], path.name


def test_long_text_is_checked_quickly() -> None:
    text = ("In Paris, Together won seats; the party of Millet phones and the World newspaper. " * 3000)
    start = time.perf_counter()
    found(text)
    assert time.perf_counter() - start < 5


def test_the_checker_reports_ordinary_phrases_and_other_entries_names() -> None:
    table = {"sectors": {"media": ["newspaper"]}, "countries": {"FR": ["France"]}, "organisations": [
        {"name": "Le Jour", "native": "Le Jour", "sector": ["media"], "renderings": ["The Day"]},
        {"name": "Le Jour", "native": "Le Jour", "sector": ["media"], "country": ["FR"], "renderings": ["The Day paper"]},
        {"name": "Alpha Bank", "native": "甲", "sector": ["media"], "renderings": ["Beta Daily"]},
        {"name": "Beta Daily", "native": "乙", "sector": ["media"], "renderings": ["Betta Daily"]},
    ]}
    lines = checker.problems(table)
    assert any("'The Day' is ordinary English" in line for line in lines)
    assert not any("The Day paper" in line for line in lines)
    assert any("English name of another entry" in line for line in lines)


@pytest.mark.parametrize(("text", "flag", "name"), [
    ("Officials at the US Defense Ministry said the drills would go on.", "US Defense Ministry", "US Department of Defense"),
    ("The Japan Meteorological Office warned of heavy rain in Tokyo.", "Japan Meteorological Office", "Japan Meteorological Agency"),
    ("Shares of Pinduo Duo rose after the e-commerce platform beat revenue forecasts.", "Pinduo Duo", "Pinduoduo"),
    ("The Toronto Fierce Dragons scored 30 points in the third quarter.", "Toronto Fierce Dragons", "Toronto Raptors"),
])
def test_round_twenty_entries_are_reported(text: str, flag: str, name: str) -> None:
    assert found(text) == [(flag, (name,))]


@pytest.mark.parametrize("text", [
    "Chinese airlines cut flights to Tokyo this summer, the carriers said.",
    "Several Korean aviation firms reported higher profits on strong passenger demand.",
    "The fans cheered on the day of the game in Tokyo, and the team won.",
    "Students at National Taiwan University protested in Taipei on Monday.",
    "The startup raised a Series A round led by two venture funds after its first season of sales.",
])
def test_prose_that_shares_words_with_a_rendering_is_left_alone(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, flagged", [
    ("Sales of phones slowed in May. Millet, which sells smartphones in India, lost ground.", "Millet"),
    ("The power of the people criticised the ruling party in Seoul over the budget in South Korea.", "The power of the people"),
])
def test_a_sentence_initial_rendering_that_acts_or_is_described_is_a_name(text: str, flagged: str) -> None:
    assert [seen for seen, _ in found(text)] == [flagged]


@pytest.mark.parametrize("text", [
    "Farmers said yields fell. Millet, which grows well in dry soil, is cheap.",
    "The power of the people was the theme of the party rally in Seoul, South Korea.",
])
def test_a_sentence_initial_ordinary_phrase_is_left_alone(text: str) -> None:
    assert found(text) == []
