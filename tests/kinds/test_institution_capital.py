"""institution-capital (CA106) and the clause-breaking capitals of CA102 inside capitalised runs."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules

CA106 = Engine([r for r in load_rules() if r.code == "CA106"])
CA102 = Engine([r for r in load_rules() if r.code == "CA102"])


def found(engine: Engine, text: str) -> list[str]:
    return [f.text for f in engine.check(text)]


def test_generic_references_are_reported_with_a_lower_case_suggestion() -> None:
    text = "Officials said the Executive had agreed, and the Head of Government, tired, left."
    assert found(CA106, text) == ["Executive", "Head of Government"]
    assert [f.replacements for f in CA106.check(text)] == [("executive",), ("head of government",)]


def test_a_nationality_does_not_make_a_name_but_a_title_word_does() -> None:
    assert found(CA106, "Sources said the Spanish Executive will act.") == ["Executive"]
    assert found(CA106, "Sources said the new Chief Executive will act.") == []


def test_a_place_before_the_phrase_anywhere_makes_it_that_place_s_body() -> None:
    text = "The Scotland Executive met. Later, officials said the Executive would decide."
    assert found(CA106, text) == []


def test_adjective_uses_names_after_and_sentence_starts_are_left_alone() -> None:
    text = "Executive pay rose. He signed an Executive order and met Head of State Ana Reis at the Executive Yuan."
    assert found(CA106, text) == []


def test_possessive_and_verb_after_a_one_word_phrase_still_count() -> None:
    assert found(CA106, "He sent it to the Executive’s office; the Executive approves it.") == ["Executive", "Executive"]


def test_a_subject_with_a_verb_after_a_capitalised_word_is_a_lost_full_stop() -> None:
    assert found(CA102, "Rain hit Guilin City There were floods, near Lake Po They said.") == ["There", "They"]
    assert found(CA102, "She loved And Then There Were None.") == []


def test_a_coordinator_between_two_full_names_is_not_part_of_a_title() -> None:
    assert found(CA102, "Ministers Laura Conti And Marco Ferri met.") == ["And"]
    assert found(CA102, "He bought Marks And Spencer shares in Saint Kitts And Nevis.") == []


def test_mixed_case_inside_the_phrase_is_reported_in_any_style() -> None:
    text = "The Government met. Later the head of State spoke, and the heads of Government and the Head of state agreed."
    assert found(CA106, text) == ["head of State", "heads of Government", "Head of state"]


def test_title_case_throughout_is_the_article_s_style_beside_another_capitalised_office() -> None:
    communique = "Opening the session, the Head of State praised the plan. The President of the Republic asked the Government to act."
    assert found(CA106, communique) == []
    assert found(CA106, "Opening the session, the Head of State met the prime minister.") == ["Head of State"]


def test_a_longer_name_after_the_phrase_is_no_generic_reference() -> None:
    assert found(CA106, "She met the head of State Farm, the head of State-owned Petrobras and the head of State of Qatar's guard.") == []
