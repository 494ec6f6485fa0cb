"""The taiwan-pinyin-name kind: pinyin syllables read back in Wade-Giles, and where names count as Taiwanese."""

from cleaner.kinds.taiwan_pinyin_name import wade_giles
from tests_support import found


def test_wade_giles_readings():
    cases = {"zi": "tzu", "jia": "chia", "hong": "hung", "zhi": "chih", "jian": "chien", "xiao": "hsiao",
             "ke": "ko", "hui": "hui", "long": "lung", "qing": "ching", "zhe": "che", "an": "an", "bao": "pao"}
    assert {s: wade_giles(s) for s in cases} == cases


def test_every_mention_of_a_taiwanese_name_is_reported():
    text = "Hsinchu Mayor Lin Zhijian resigned on Monday. Later, Lin Zhijian met reporters."
    assert found("NM110", text) == [("Lin Zhijian", ("Lin Chih-chien",))] * 2


def test_mainland_sentence_and_hyphenated_names_are_left_alone():
    assert found("NM110", "Beijing’s envoy Wang Xiaoming met KMT officials in Taipei.") == []
    assert found("NM110", "KMT legislator Lai Shyh-bao spoke in Taipei.") == []


def test_once_one_name_is_placed_in_taiwan_the_others_off_the_mainland_are_reported():
    placed = "The KMT picked Zhou Minghui to run in Tainan.\n\nHis campaign chief, Xu Jiahao, resigned on Friday."
    assert [seen for seen, _ in found("NM110", placed)] == ["Zhou Minghui", "Xu Jiahao"]
    mainland = "The KMT picked Zhou Minghui to run in Tainan.\n\nIn Beijing, the spokesman Xu Jiahao criticised the vote."
    assert [seen for seen, _ in found("NM110", mainland)] == ["Zhou Minghui"]
    unplaced = "The KMT picked Chou Ming-hui to run in Tainan.\n\nHis campaign chief, Xu Jiahao, resigned on Friday."
    assert found("NM110", unplaced) == []
