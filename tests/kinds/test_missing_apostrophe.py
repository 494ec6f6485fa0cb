"""missing-apostrophe (PU132): a clitic ending without its apostrophe, judged by dictionary and frequency."""

from __future__ import annotations

from cleaner.kinds.missing_apostrophe import restored
from tests_support import CLEAN_SEEDS, SEED, found


def test_each_clitic_ending_comes_back() -> None:
    assert [restored(w, 4.0, 1.0) for w in ("todays", "doesnt", "theyre", "weve", "youll")] == [
        "today's", "doesn't", "they're", "we've", "you'll"]


def test_the_case_of_the_first_letter_is_kept() -> None:
    assert restored("Thats", 4.0, 1.0) == "That's"


def test_dictionary_words_names_and_inner_capitals_are_left_alone() -> None:
    for word in ("its", "lets", "cant", "wont", "shell", "were", "nations", "Reuters", "Johnsons", "iDont", "DONT"):
        assert restored(word, 4.0, 1.0) is None, word


def test_short_and_non_ascii_words_are_left_alone() -> None:
    assert restored("ids", 4.0, 1.0) is None
    assert restored("cafés", 4.0, 1.0) is None


def test_seed_and_clean_articles() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert found("PU132", path.read_text(encoding="utf-8")) == [], path.name
