"""unquoted-speech (PU114): a reporting verb, a comma or colon, and speech with no quotation marks."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU114"])


def flagged(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


def test_seed_and_clean_articles() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name


def test_verbs_come_from_the_shared_list_with_a_short_phrase_after_them() -> None:
    assert flagged("Moon said, The market is calm.") == ["The"]
    assert flagged("The bank emphasized: We must act.") == ["We"]
    assert flagged("She told reporters on Friday, If rates rise, we will sell.") == ["If"]


def test_only_capitalised_function_words_count() -> None:
    assert flagged("Moon said, Seoul is calm, and Lee added: the market agrees.") == []


def test_names_with_the_asides_and_questions_are_left_alone() -> None:
    assert flagged("As he said, The Hague is far. He said, I think, that it was late.") == []
    assert flagged("Everyone asked, What comes next?") == []


def test_quoted_speech_is_fine() -> None:
    assert flagged("Moon said, “The market is calm.”") == []
