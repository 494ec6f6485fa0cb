"""fused-words camel form (JN101): the pronoun I, upper-case runs and speakers' labels."""

from __future__ import annotations

from tests_support import found


def test_pronoun_i_glued_to_a_word_starts_a_sentence() -> None:
    assert found("JN101", "the minister for TradeI want it") == [("I", (". I",))]
    assert found("JN101", "as the recordI’m sure shows") == [("I", (". I",))]


def test_pronoun_i_needs_a_lower_case_word_or_contraction_after_it() -> None:
    assert found("JN101", "OpenAI said, xAI and GenAI Tools, WiFi I think, PhD I said") == []
    assert found("JN101", "the TradeI. Then") == []


def test_name_glued_to_an_answer_after_a_question_is_a_speaker_label() -> None:
    assert found("JN101", "What changed?\n\nOkaforI learnt to wait.") == [("I", (": I",))]
    assert found("JN101", "It rained.\n\nOkaforThe team waited.") == [("The", (". The",))]


def test_capitals_run_into_a_sentence_starter() -> None:
    assert found("JN101", "FARMERS BLOCK THE ROADMeanwhile, police") == [("Meanwhile", ("\n\nMeanwhile",))]
    assert found("JN101", "at NASAThe team") == [("The", (". The",))]
    assert found("JN101", "CNNMoney and USAToday and PDFs") == []


def test_closing_mark_glued_to_an_attribution_moves_across_the_space() -> None:
    assert found("JN105", "“It is done, ”he said.") == [(" ”", ("” ",))]
    assert found("JN105", "“It is done. ”declared the mayor.") == [(" ”", ("” ",))]
    assert found("JN105", "She replied, ”we go.” He said, ”it is late”.") == []


def test_subject_pronoun_glued_to_a_lower_case_word() -> None:
    assert found("JN104", "these are not simple subjectsshe explained.") == [("", (" ",))]


def test_weekday_glued_to_the_next_word() -> None:
    assert found("JN104", "the draft was shown on fridaylast week.") == [("", (" ",))]


def test_compounds_and_names_ending_like_pronouns_stay_clean() -> None:
    assert found("JN104", "The stallholders and kingmakers met Suchart in Gangwon on Mondays.") == []


def test_name_run_into_a_country_the_article_names() -> None:
    text = "Boris Johnson spoke. Johnson left. Boris JohnsonBritain wants to keep its labs."
    assert found("JN101", text) == [("", (" ",))]


def test_brands_with_inner_capitals_stay_clean() -> None:
    assert found("JN101", "YouTube and ExxonMobil; You can see Exxon and Mobil on PowerPoint.") == []
