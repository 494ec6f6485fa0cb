"""term-calque (RG111): a standard term for a disease, a virus or an event rendered word by word, from a documented table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleaner.kinds._support import OptionError
from cleaner.kinds.term_calque import table_forms
from tests_support import found as found_by

TABLE = Path(__file__).resolve().parents[2] / "rules" / "data" / "term-calques.yaml"


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("RG111", text)


def test_the_packaged_table_is_valid() -> None:
    forms = table_forms(yaml.safe_load(TABLE.read_text(encoding="utf-8")))
    assert {"new crown pneumonia", "new corona", "xinguan", "corona 19"} <= set(forms)
    assert {f.how for f in forms["new corona"]} == {"before", "head"}


@pytest.mark.parametrize(("table", "says"), [
    ({"terms": [{"term": "X", "native": "甲"}]}, "no renderings"),
    ({"terms": [{"term": "X", "renderings": ["a b"]}, {"term": "Y", "renderings": ["A  B"]}]}, "listed twice"),
    ({"terms": [{"term": "X", "before": ["a b"], "nouns": ["nothing"]}]}, "unknown nouns"),
    ({"terms": [{"term": "X", "head": ["a b"]}]}, "no cues"),
    ({"terms": [{"term": "X", "renderings": ["a b"], "sector": "car"}]}, "only the fields"),
])
def test_a_broken_table_is_refused(table: dict, says: str) -> None:
    with pytest.raises(OptionError, match=says):
        table_forms(table)


@pytest.mark.parametrize(("text", "flag", "term"), [
    ("Experts met to discuss the new crown pneumonia.", "the new crown pneumonia", "COVID-19"),
    ("The new crown vaccine will be free for pensioners.", "new crown", "COVID-19"),
    ("The ward admitted 12 new crown patients on Friday.", "crown", "COVID-19"),  # "new" may count the patients
    ("A new crown virus was found in the market.", "new crown virus", "coronavirus"),  # "a" stands for the term's "the"
    ("Nobody recovered quickly from the Corona disaster.", "the Corona disaster", "the pandemic"),
    ("The Corona disaster hit the inns hardest.", "The Corona disaster", "The pandemic"),
    ("Families of Hanshin-Awaji Great Earthquake victims gathered in Kobe.", "Hanshin-Awaji Great Earthquake", "Great Hanshin-Awaji Earthquake"),
    ("Patients infected with the new Corona are isolated at home.", "the new Corona", "COVID-19"),
])
def test_renderings_are_reported_with_the_english_term(text: str, flag: str, term: str) -> None:
    assert found(text) == [(flag, (term,))]


def test_a_head_rendering_needs_a_cue_or_another_finding() -> None:
    assert found("Residents who caught the new corona stayed home.") == []
    two = "Residents who caught the new corona stayed home.\n\nNew corona vaccines arrive on Monday."
    assert [f for f, _ in found(two)] == ["the new corona", "New corona"]


@pytest.mark.parametrize("text", [
    "Astronomers photographed the new corona during the eclipse, and the solar wind was measured.",
    "Said Hamdan, a Corona resident, said the new Corona city hall would open in June.",
    "Corona, Queens, was hit hard, and doctors at the hospital treated new corona cases for weeks.",
    "The brewer said patients of the clinic had tried the new Corona.",  # the brewer: the beer
    "King Charles wore the new crown, and the crown prince visited the new crown colony.",
    "The Crown's new crown court cases were heard in Leeds, prosecutors said.",
    "The patient's new coronary stent was fitted at the heart clinic after a test.",
    "Li Xinguan, the coach, said Xinguan Town would host the race.",
    "The novel coronavirus pneumonia outbreak was named COVID-19 in February 2020.",
    "A Korean War veteran said the 6.25 percent rate was too high, and the 6.25-mile race began.",
    "He needed a new crown fitted after he cracked a tooth on a seed.",
    "The new-type corona-discharge lamp was tested in the lab.",
])
def test_ordinary_senses_are_left_alone(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("odd", ["", "İ"])  # İ lower-cases to two characters: the whole text is scanned instead
def test_the_anchored_scan_finds_what_a_whole_scan_finds(odd: str) -> None:
    filler = "The council met again on Monday and agreed the budget for the year. " * 400
    text = (odd + filler + "Officials said new crown pneumonia cases rose. " + filler
            + "The 6.25 War ended in an armistice. " + filler + "Doctors treated Corona 19 patients.")
    findings = found(text)
    assert [flagged for flagged, _ in findings] == ["crown pneumonia", "The 6.25 War", "Corona 19"]  # "new" stays before "cases"
