"""surname-calque (NM101): literal surname translations, beyond the rule file's examples."""

from __future__ import annotations

import pytest

from cleaner import gazetteer
from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.model import Safety
from tests_support import SEED

ENGINE = Engine([r for r in load_rules() if r.code == "NM101"])


def hits(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in ENGINE.check(text)]


def test_seed_king_becomes_wang() -> None:
    findings = ENGINE.check(SEED.read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.text, f.replacements) for f in findings] == [(10, 1, "The king", ("Wang",))]
    assert "王" in findings[0].message


def test_silent_when_a_real_king_is_in_the_story() -> None:
    text = "King Charles met Wang Yi at Windsor. The king also met with Lee Soo-jin."
    assert hits(text) == []


def test_related_words_give_the_noun_a_referent() -> None:
    text = "Wang Yi visited the country. The king also met officials, the palace said."
    assert hits(text) == []


@pytest.mark.parametrize("name", ["Stephen King’s novel", "a Burger King outlet", "Martin Luther King Jr. Day"])
def test_someone_elses_name_is_not_a_referent(name: str) -> None:
    text = f"Wang Yi mentioned {name}. The king also met with the president."
    assert hits(text) == [("The king", ("Wang",))]


def test_needs_a_named_person_with_the_surname() -> None:
    assert hits("The king also met with the president.") == []
    assert hits("Wang said the talks went well. The king also met with the president.") == []


def test_calque_at_the_very_start_of_the_text() -> None:
    text = "The king said on Monday that talks with Kazakhstan went well, Foreign Minister Wang Yi’s office added."
    assert hits(text) == [("The king", ("Wang",))]


def test_mid_sentence_possessive() -> None:
    text = "Minister Wang arrived. Officials praised the king’s remarks on trade."
    assert hits(text) == [("the king", ("Wang",))]


def test_possessive_needs_a_person_noun() -> None:
    text = "Jiang Zemin toured the region. The river’s banks were flooded."
    assert hits(text) == []


def test_auxiliary_alone_is_not_a_person_reference() -> None:
    text = "Jiang Zemin toured the region. The river was swollen after the storm."
    assert hits(text) == []
    assert hits("Jiang Zemin toured the region. The river also said it was pleased.") != []


def test_plain_use_elsewhere_silences_the_noun() -> None:
    text = "Kim Ha-eun won no gold medals. The gold said she would return."
    assert hits(text) == []


def test_several_owners_make_a_suggestion() -> None:
    text = "Li Wei and Mei Ling spoke. The plum said the plan was sound."
    findings = ENGINE.check(text)
    assert [f.replacements for f in findings] == [("Li", "Mei")]
    assert findings[0].safety is Safety.SUGGEST


def test_multiword_noun() -> None:
    text = "Yuki Kobayashi joined the board. The small forest told reporters nothing."
    assert hits(text) == [("The small forest", ("Kobayashi",))]


def test_gazetteer_is_cached_and_guarded() -> None:
    assert gazetteer.load("surnames") is gazetteer.load("surnames")
    assert gazetteer.load("surnames")["Wang"]["nouns"] == ["king"]
    with pytest.raises(ValueError):
        gazetteer.load("../surnames")
    with pytest.raises(ValueError):
        gazetteer.load("no-such-list")


def test_translated_family_name_before_a_pinyin_given_name() -> None:
    assert hits("Ma Jianguo spoke.\n\nLater, horse Jianguo left.") == [("horse", ("Ma",))]
    assert hits("The plum Xiaohong said nothing.") == [("The plum", ("Li", "Mei", "Yi"))]
    # A one-syllable given name needs the article's own spelling; so does a pair before a capital or "of".
    assert hits("Later, horse Jun left.") == []
    assert hits("King Goujian of Yue and Dragon Xueshan Park.") == []


def test_a_title_or_a_real_referent_keeps_the_noun() -> None:
    assert hits("King Charles met King Wenbo, who said hello.") == []
    assert hits("The old palace of King Wenbo, who said hello.") == []


def test_phrase_starts_find_every_match_the_full_scan_finds() -> None:
    """The noun pattern is tried only where the token stream says a table word stands: inside hyphenated
    and apostrophised words, after a mark, in a letter that folds to ASCII (the Kelvin sign), across lines."""
    import regex

    from cleaner.document import Document
    from cleaner.kinds._support import PhraseStarts, matches_at

    phrases = ["king", "foot of the mountain", "rice field"]
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?P<noun>foot\s+of\s+the\s+mountain|rice\s+field|king)(?P<plural>e?s)?"
                            r"(?![\p{L}\p{N}])", regex.IGNORECASE)
    text = ("KINGS and kinges, co-king, king-size, o'king, king’s 5king king5 e\u0301king \u212aing; the Foot  of\n"
            "the Mountains, rice fields, ricefield, the king.")
    starts = PhraseStarts(phrases, suffixes=("", "s", "es")).starts(Document(text))
    assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
    assert PhraseStarts(["king's"]).starts(Document(text)) is None  # not plain words: the full scan
