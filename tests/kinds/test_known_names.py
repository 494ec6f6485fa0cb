"""known-names (NM103): listed public figures and organisations garbled by translation."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.model import Rule

RULE = next(r for r in load_rules() if r.code == "NM103")
ENGINE = Engine([RULE])


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Rep. Lee Jae-myeong of South Korea was summoned.", "Jae-myeong", "Jae-myung"),
        ("The presidential candidate Yoon Seok-yeol spoke.", "Seok-yeol", "Suk-yeol"),
        ("Italy’s Georgia Meloni met the press.", "Georgia", "Giorgia"),
        ("North Korean leader Kim Jong Eun spoke.", "Eun", "Un"),
    ],
)
def test_garbled_listed_people(text: str, flagged: str, suggestion: str) -> None:
    findings = ENGINE.check(text)
    assert [(f.text, f.replacements) for f in findings] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Il and Kim Jong Un were shown in North Korea.",  # relatives, both listed
        "North Korea’s Kim Jong-un spoke.",  # a hyphen is house style
        "Turkey’s President Recep Tayyip Erdoğan spoke.",  # diacritics are house style
        "Andrea Williams, a florist, spoke.",  # a common family name without any context
        "South Korea’s Moon Jae In spoke.",  # a space for a hyphen is house style
    ],
)
def test_style_choices_relatives_and_namesakes_pass(text: str) -> None:
    assert ENGINE.check(text) == []


def test_a_team_adds_its_own_names() -> None:
    data = {**_options(RULE), "people": False, "names": ["Aldgra FREDLY", "Acme Widgets"]}
    engine = Engine([_with(RULE, data)])
    text = "Mr. Aldgra Fredley wrote it. Acme Widgest said so. Giorgia Melony agreed."
    assert [(f.text, f.replacements) for f in engine.check(text)] == [
        ("Fredley", ("Fredly",)),
        ("Acme Widgest", ("Acme Widgets",)),
    ]


def test_a_one_word_name_is_rejected() -> None:
    from cleaner.kinds import known_names
    from cleaner.kinds._support import OptionError

    with pytest.raises(OptionError):
        known_names.build(_with(RULE, {**_options(RULE), "names": ["Cher"]}))


def _options(rule: Rule) -> dict:
    return dict(rule.options)


def _with(rule: Rule, options: dict) -> Rule:
    from dataclasses import replace
    from types import MappingProxyType

    return replace(rule, options=MappingProxyType(options))


def test_sino_reading_of_listed_korean_figure() -> None:
    from cleaner.document import Document
    from cleaner.kinds._sino_reading import _pinyin_syllables, sino_readings

    assert _pinyin_syllables("Xiyue") == ("xi", "yue")
    assert _pinyin_syllables("Smith") is None
    text = "South Korean President Yin Xiyue met Chinese envoy Li Jiaming. Li Zhaoxing spoke."
    hits = list(sino_readings(Document(text), lambda country: True))
    assert [text[h.start : h.end] for h in hits] == ["Yin Xiyue"]
    assert "Yoon" in hits[0].replacements[0]
    assert not list(sino_readings(Document(text), lambda country: False))


def test_given_name_swapped_for_its_english_cognate() -> None:
    from cleaner.document import Word
    from cleaner.kinds.known_names import Listed, _cognate

    def words(text: str) -> tuple:
        return tuple(Word(0, len(w), w) for w in text.split())

    listed = Listed(("Giuseppe", "Verdana"), True, "", "Verdana")
    assert _cognate(words("Joseph Verdana"), listed)
    assert not _cognate(words("Paul Verdana"), listed)
    assert not _cognate(words("Joseph Verdano"), listed)  # the family name must be the listed one


def test_taiwanese_figure_in_mainland_pinyin() -> None:
    from cleaner.document import Document
    from cleaner.kinds._wade_giles import _same_syllable, taiwan_pinyin

    assert _same_syllable("tsai", "cai") and _same_syllable("ching", "qing") and _same_syllable("ing", "ying")
    assert not _same_syllable("wen", "wei") and not _same_syllable("kuo", "duo")
    text = "Taiwan leader Cai Yingwen met Cai Qi."
    hits = list(taiwan_pinyin(Document(text), lambda country: True))
    assert [(text[h.start : h.end], h.replacements) for h in hits] == [("Cai Yingwen", ("Tsai Ing-wen",))]
    assert not list(taiwan_pinyin(Document(text), lambda country: False))


def test_a_given_name_half_read_in_mandarin_is_the_listed_korean_name() -> None:
    [finding] = ENGINE.check("South Korea’s President Moon Zai-in spoke in Seoul.")
    assert (finding.text, finding.replacements[0]) == ("Moon Zai-in", "Moon Jae-in")


@pytest.mark.parametrize(
    "text",
    [
        "Moon Zai-in, a chef, opened a restaurant in Lyon.",  # no Korea in the article
        "South Korea’s President Yoon Suk-yeol spoke; Yoon Seo-yeon, a student, asked.",  # another person
    ],
)
def test_mixed_readings_need_korea_and_one_fitting_figure(text: str) -> None:
    assert [f.text for f in ENGINE.check(text) if "Mandarin" in f.message] == []


def test_a_given_name_with_its_final_vowel_dropped_is_not_an_established_spelling() -> None:
    from cleaner.kinds._name_spelling import established_given

    assert not established_given("Robert", "Roberto", "Calderoli")  # the Italian name translated
    assert established_given("Sergei", "Sergey", "Lavrov")  # a vowel respelled, not dropped
    findings = ENGINE.check("In Rome, Italian minister Robert Calderoli defended the bill.")
    assert [(f.text, f.replacements) for f in findings] == [("Robert", ("Roberto",))]
