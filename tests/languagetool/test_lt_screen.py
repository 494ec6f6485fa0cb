"""The context screen: name-aware spelling, variant spellings, continued quotations (no server needed)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner.document import Document
from cleaner.languagetool.findings import screen
from cleaner.languagetool.spelling import (
    SpellingJudge,
    is_variant_spelling,
    keep_spelling,
    near_known_name,
    variant_key,
)
from cleaner.model import Finding, Level

SPELLING = "LT:MORFOLOGIK_RULE_EN_US"


def match(text: str, word: str, *replacements: str, code: str = SPELLING, occurrence: int = 1) -> Finding:
    """A LanguageTool-style finding on the n-th occurrence of `word` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    end = start + len(word)
    return Finding(
        code=code, rule=code.lower(), category="spelling", level=Level.WARNING, message="spelling",
        start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1, text=word,
        replacements=replacements, source="languagetool",
    )


def kept(text: str, finding: Finding) -> bool:
    return keep_spelling(finding, SpellingJudge(Document(text)))


@pytest.mark.parametrize(
    ("word", "other"),
    [("colour", "color"), ("travelled", "traveled"), ("centre", "center"), ("organised", "organized"),
     ("defence", "defense"), ("analyse", "analyze"), ("catalogue", "catalog"), ("programme", "program"),
     ("color", "colour"), ("grey", "gray")],
)
def test_variant_spellings_are_never_findings(word: str, other: str) -> None:
    assert variant_key(word) == variant_key(other)
    assert is_variant_spelling(word, [other])
    text = f"The {word} was chosen."
    assert not kept(text, match(text, word, other))


def test_real_misspellings_are_not_variants() -> None:
    assert not is_variant_spelling("recieve", ["receive"])
    assert not is_variant_spelling("goverment", ["government"])
    text = "Officials will recieve the goverment report."
    assert kept(text, match(text, "recieve", "receive"))
    assert kept(text, match(text, "goverment", "government"))


def test_a_name_mid_sentence_without_evidence_is_dropped() -> None:
    text = "The envoy met Okonkwo-Batista and Mr Tzvetkarov on Tuesday."
    assert not kept(text, match(text, "Okonkwo", "Okonkwo"))
    assert not kept(text, match(text, "Tzvetkarov", "Tzvetkov"))


def test_a_name_before_a_reporting_verb_or_possessive_is_dropped() -> None:
    text = "Tzvetkarov said the talks failed.\n\nTzvetkarov's team left."
    assert not kept(text, match(text, "Tzvetkarov"))
    assert not kept(text, match(text, "Tzvetkarov", occurrence=2))


def test_the_rarer_of_two_close_spellings_is_kept() -> None:
    text = ("Minister Haldorsen spoke first. Later Haldorsen left the room.\n\n"
            "A statement from Haldorson followed.")
    judge = SpellingJudge(Document(text))
    assert keep_spelling(match(text, "Haldorson"), judge)
    assert not keep_spelling(match(text, "Haldorsen"), judge)


def test_a_different_initial_or_a_short_name_is_not_a_variant() -> None:
    text = "Kaldorsen met Haldorsen. Then Lio met Liu."
    judge = SpellingJudge(Document(text))
    assert not judge.has_rarer_variant("Kaldorsen") or not judge.has_rarer_variant("Haldorsen")
    assert not judge.has_rarer_variant("Kaldorsen")
    assert not judge.has_rarer_variant("Lio")


def test_glued_words_and_lower_case_words_are_kept() -> None:
    text = "Leaders met in TajikistanThe goal was trade, and the dellegates agreed."
    assert kept(text, match(text, "TajikistanThe", "Tajikistan The"))
    assert kept(text, match(text, "dellegates", "delegates"))
    assert not kept(text, match("He met McDonaldson there.", "McDonaldson"))


def test_a_garbled_word_opening_a_sentence_far_from_any_name_is_kept() -> None:
    text = "The budget passed. Qxuvrent measures followed in March."
    assert not near_known_name("Qxuvrent")
    assert kept(text, match(text, "Qxuvrent"))


def test_a_word_near_a_gazetteer_name_is_treated_as_a_name() -> None:
    assert near_known_name("Kahramanmaras")  # the place is in the table with its cedilla
    text = "Kahramanmaras was hit hardest."
    assert not kept(text, match(text, "Kahramanmaras", "Kahramanmaraş"))


def test_only_spelling_rules_are_judged_as_names() -> None:
    text = "The envoy met Okonkwo on Tuesday."
    other = match(text, "Okonkwo", code="LT:SOME_OTHER_RULE")
    assert kept(text, other)


def test_screen_applies_the_judge_to_a_whole_document() -> None:
    text = "The envoy met Tzvetkarov, and the dellegates left."
    findings = [match(text, "Tzvetkarov"), match(text, "dellegates", "delegates")]
    assert [f.text for f in screen(findings, Document(text), frozenset(), measured=False)] == ["dellegates"]


def test_an_open_quote_starting_a_paragraph_continues_a_quotation() -> None:
    text = "“We will stay,” she said. “The talks\n\n“Go on next week,” she added."
    first = text.index("“The")
    second = text.index("“Go")
    findings = [replace(match(text, "“", code="LT:EN_UNPAIRED_QUOTES", occurrence=n), category="punctuation")
                for n in (2, 3)]
    assert [f.start for f in findings] == [first, second]
    kept_starts = [f.start for f in screen(findings, Document(text), frozenset(), measured=False)]
    assert kept_starts == [first]  # mid-paragraph: a real unpaired quote; at a paragraph start: news style


def test_quotes_that_pair_up_with_mixed_glyphs_are_not_unpaired() -> None:
    text = 'He said, “We will stay," and left. Later, "we are tired,” she said.\n\nShe said “ no more “ twice.'
    marks = [i for i, ch in enumerate(text) if ch in '"“”']
    findings = [replace(match(text, text[i]), start=i, end=i + 1, code="LT:EN_UNPAIRED_QUOTES") for i in marks]
    kept_starts = [f.start for f in screen(findings, Document(text), frozenset(), measured=False)]
    assert kept_starts == marks[4:]  # the first paragraph pairs up; the second opens twice


def test_apostrophes_and_mixed_single_quotes_are_not_unpaired() -> None:
    text = "A gov't car, he said. ‘We stay,' she said, “and ‘go' later.”\n\nHe wrote ‘no more."
    marks = [i for i, ch in enumerate(text) if ch in "'‘’"]
    findings = [replace(match(text, text[i]), start=i, end=i + 1, code="LT:EN_UNPAIRED_QUOTES") for i in marks]
    kept_starts = [f.start for f in screen(findings, Document(text), frozenset(), measured=False)]
    assert kept_starts == [text.index("‘no")]


def test_two_people_with_near_names_are_not_variants() -> None:
    text = ("Park Min-jun, a pilot, spoke first. His sister Park Min-jin and Jan Wiśniewski followed.\n\n"
            "Mr Nowakowski met Ms Nowakowska and the Partido avenir Sur leaders.")
    judge = SpellingJudge(Document(text))
    assert not keep_spelling(match(text, "Min-jin"), judge)
    assert not keep_spelling(match(text, "Nowakowska"), judge)
    assert not keep_spelling(match(text, "avenir", "avenue"), judge)  # a word of a name
