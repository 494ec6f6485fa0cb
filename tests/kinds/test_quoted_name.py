"""The quoted-name kind: quotation marks around a plain proper name, shown so by the article."""

from cleaner.api import engine_for

ENGINE = engine_for().subset(frozenset({"PU134"}))


def flagged(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


def test_a_name_written_plain_elsewhere_is_evidence() -> None:
    assert flagged("Fans cheered “Sawamura” on Sunday. Sawamura pitched seven innings.") == ["“Sawamura”"]
    assert flagged("Fans cheered “Sawamura” on Sunday. Nobody else pitched.") == []


def test_common_words_are_a_term_not_a_name() -> None:
    assert flagged("The biggest is the “Big Bang”. Few believed in the Big Bang.") == []


def test_titles_institution_nouns_and_inverted_attributions() -> None:
    assert flagged("Crowds thanked “King Rama 10” for the aid.") == ["“King Rama 10”"]
    assert flagged("The newspaper “Kommersant” wrote about it.") == ["“Kommersant”"]
    assert flagged("“It is late,” reports “Interfax” on Friday.") == ["“Interfax”"]
    assert flagged("Paul McCartney wrote “Yesterday” in a single morning.") == []


def test_naming_words_and_function_word_titles_are_left_alone() -> None:
    assert flagged("The storm, dubbed “General Winter” by locals, closed the pass.") == []
    assert flagged("The show “The Joust” aired, and the song “King of Pain” too.") == []


def test_tex_style_marks_count_too() -> None:
    assert flagged("He joined the ruling party ``People's Power'' last year.") == ["``People's Power''"]
