"""pinyin-name-case (NM117) and the pinyin syllable helper: Chinese names with broken capitals."""

from __future__ import annotations

import pytest

from cleaner.kinds._pinyin import camel_parts, syllables
from tests_support import found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("NM117", text)


def test_syllables_follow_the_real_inventory() -> None:
    assert syllables("Jianguo") == ("jian", "guo")
    assert syllables("Xianing") == ("xia", "ning")
    assert syllables("Lyu") == ("lyu",)
    for english in ("Rosa", "King", "Wing", "Fong", "Bong", "Shawn"):
        assert syllables(english) is None, english
    assert camel_parts("ZhangXiaoMing") == ("Zhang", "Xiao", "Ming")
    assert camel_parts("DeShawn") is None and camel_parts("McDonald") is None


def test_lower_case_given_name_after_a_family_name() -> None:
    assert found("Later, Zhou jianhua stressed the point.") == [("jianhua", ("Jianhua",))]
    # One syllable, or a dynasty's name, needs the article's own spelling or a verb after it.
    assert found("They said Ma na would go.") == []
    assert found("Staff wore Tang hanfu at the fair.") == []
    assert found("Later, Tang jiahui said the fair was over.") == [("jiahui", ("Jiahui",))]


@pytest.mark.parametrize("text, seen, fixed", [
    ("The chief wei-dong zhao spoke.", "wei-dong zhao", "Zhao Weidong"),
    ("Police named him as zhao weidong, 45.", "zhao weidong", "Zhao Weidong"),
    ("Weidong Zhao chaired. Later weidong zhao left.", "weidong zhao", "Weidong Zhao"),
    ("The deputy, yong-ming he, said it would go ahead.", "yong-ming he", "He Yongming"),
])
def test_whole_name_in_lower_case(text: str, seen: str, fixed: str) -> None:
    assert found(text) == [(seen, (fixed,))]


def test_an_english_family_word_needs_a_clean_hyphenated_given_name() -> None:
    assert found("After tai-chi he went home, and weidong he said.") == []


def test_camel_case_names_and_brands() -> None:
    assert found("(ZhangXiaoMing) Fire drill held.") == [("ZhangXiaoMing", ("Zhang Xiaoming",))]
    assert found("Reporter OuYangHengMing filed.") == [("OuYangHengMing", ("Ouyang Hengming",))]
    assert found("Mayor Lin WenJie spoke.") == [("WenJie", ("Wenjie",))]
    # A glued word with no person around it may be a brand or a place; two parts alone are a brand.
    assert found("The BaiJiaHao feed, the MaAnShan mill, DiDi and HuaWei.") == []
    assert found("Posts on XiaoHongShu rose.") == []


def test_stream_words_give_every_match_of_the_full_scans() -> None:
    """The glued-name and name-pair patterns are tried only where the token stream says they can match."""
    from cleaner.document import Document
    from cleaner.kinds import pinyin_name_case as kind
    from cleaner.kinds._calque_given import chinese_families

    text = ("(ZhangXiaoMing) met Lin WenJie, Xi-Wang Li, éWang Li and Ma’s DiDiMa'\u0301 team; ZhāngXiǎoMa'\u0301Zhang "
            "Wang Li-wei, Zhou jianhua, zhao weidong and he said.")
    found = kind._stream_words(Document(text))
    camel = [m.span() for m in filter(None, (kind._CAMEL.match(text, s) for s in found.camel_starts))]
    assert camel == [m.span() for m in kind._CAMEL.finditer(text, overlapped=True)]
    families = chinese_families()
    pairs = [m.span() for m in filter(None, (kind._NAME_PAIR.match(text, s) for s in found.pair_starts))
             if m.group(1) in families or m.group(2) in families]
    assert pairs == [m.span() for m in kind._NAME_PAIR.finditer(text, overlapped=True)
                     if m.group(1) in families or m.group(2) in families]
