"""name-tail-case (CA110): a name the article writes in Title Case, once with its end in lower case."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA110", text)


def test_lower_case_end_of_a_repeated_name() -> None:
    text = ("Tianhe Paper Mill cut jobs. Tianhe Paper Mill said so. "
            "Shares in Tianhe paper mill fell, and the Tianhe Paper mill rose.")
    assert found(text) == [("paper mill", ("Paper Mill",)), ("mill", ("Mill",))]


def test_one_use_or_a_longer_name_is_no_evidence() -> None:
    assert found("Tianhe Paper Mill cut jobs, and Tianhe paper mill fell.") == []
    text = "Tianhe Paper Mill Museum opened. Tianhe Paper Mill Museum closed. Tianhe paper mill fell."
    assert found(text) == []


def test_sentence_start_article_is_not_part_of_the_name() -> None:
    text = "The Blue Lake Festival opened. The Blue Lake Festival ended. Crowds left the Blue lake festival."
    assert found(text) == [("lake festival", ("Lake Festival",))]


def test_function_word_tail_and_heading_are_left_alone() -> None:
    text = "Bank Of Korea rose. Bank Of Korea fell. The Bank of Korea said so."
    assert found(text) == []


def test_whole_name_of_a_body_in_lower_case() -> None:
    text = ("The Harbour Commission met. The Harbour Commission voted. "
            "The harbour commission will meet again, and critics of the harbour commission left.")
    assert found(text) == [("harbour commission", ("Harbour Commission",))] * 2
    text = "The Harbour Commission met. The Harbour Commission voted. Crews read the harbour commission's plan."
    assert found(text) == [("harbour commission", ("Harbour Commission",))]
    text = "The Harbour Commission met. The Harbour Commission voted. See theharbour commission or @harbour commission."
    assert found(text) == []


def test_whole_lower_case_title_class_or_generic_use_is_left_alone() -> None:
    assert found("The Prime Minister spoke. The Prime Minister left. Then the prime minister returned.") == []
    text = "The Harbour Commission met. The Harbour Commission voted. Every port has a harbour commission."
    assert found(text) == []
    text = "The Harbour Commission met. The Harbour Commission voted. Other harbour commissions and the harbour commission agree."
    assert found(text) == []
    text = "The Harbour Commission met. The Harbour Commission voted. The Asian harbour commission objected."
    assert found(text) == []


def test_clean_seeds_have_no_findings() -> None:
    for path in CLEAN_SEEDS:
        assert found(path.read_text(encoding="utf-8")) == [], path.name


def test_one_word_short_form_of_a_body_in_lower_case_once() -> None:
    text = "The port went to the Court in May. Lawyers for the Court agreed, and the court will rule soon."
    assert found(text) == [("court", ("Court",))]
    text = "“The Cabinet met,” he said. A critic of the Cabinet left, and the cabinet will meet again."
    assert found(text) == [("cabinet", ("Cabinet",))]


def test_short_form_used_generically_or_inside_a_longer_name_is_left_alone() -> None:
    # Lower case twice: the article's own generic use.
    assert found("He went to the Board. She wrote to the Board. Then the board met, and the board left.") == []
    # "the Bank of England" is a longer name, not the short form.
    assert found("Rates rose at the Bank of England. Critics of the Bank of England spoke to the bank.") == []
    # Once capitalised is no house style; a capital joined after it is another name.
    assert found("He went to the Senate, and the senate vote was close.") == []
    assert found("He went to the Senate. Critics in the Senate spoke, and the senate Committee met.") == []


def test_a_possessive_is_a_word_of_the_name() -> None:
    text = ("The Provincial People’s Court sat, and the Provincial People’s Court fined the firm. "
            "An appeal went to the provincial people's court, and the Provincial People’s court heard it.")
    assert found(text) == [("provincial people's court", ("Provincial People's Court",)), ("court", ("Court",))]


def test_both_ends_in_lower_case_around_the_name_s_capitals() -> None:
    text = ("The Provincial People's Council met. The Provincial People's Council voted. "
            "The chairman said the provincial People's council would meet.")
    assert found(text) == [("provincial People's council", ("Provincial People's Council",))]
    # A lower-case modifier before a name whose end is capitalised stays a modifier.
    assert found("The New Labour Party won. The New Labour Party ruled. A new Labour Party may come.") == []


def test_a_single_ragged_mention_is_capitalised_through_its_noun() -> None:
    assert found("The Harbin City public Security bureau opened an inquiry.") == \
        [("public Security bureau", ("Public Security Bureau",))]
    assert found("Envoys met at the Ho Chi Minh City people's Committee.") == [("people's Committee", ("People's Committee",))]


def test_descriptors_before_a_name_and_levels_of_government_are_no_ragged_name() -> None:
    for text in ("Japan's ruling Liberal Democratic Party lost, and the British opposition Labour Party won.",
                 "Japanese carmaker Toyota Motor Corporation and the Tokyo District Court both replied.",
                 "The Beijing municipal Public Security Bureau and the New York state Department of Health replied.",
                 "Musk told Twitter Board members to wait.",
                 "Provincial health Commission officials said nothing."):
        assert found(text) == [], text


def test_the_stray_capital_rule_leaves_a_ragged_name_s_capitals_alone() -> None:
    assert found_by("CA103", "The Harbin City public Security bureau opened an inquiry.") == []
    assert found_by("CA103", "Envoys met at the United nations Security Council on Friday.") == []
