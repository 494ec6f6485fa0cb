"""name-variants (NM102): fuzzy name spellings, matching rules and bounded comparisons."""

from __future__ import annotations

import itertools

import pytest

from cleaner import names
from cleaner.engine import Engine
from cleaner.kinds import name_variants
from cleaner.loader import load_rules
from tests_support import SEED

RULE = next(r for r in load_rules() if r.code == "NM102")
ENGINE = Engine([RULE])
WINDOW = RULE.options["window"]


def test_seed_byline_is_the_doubtful_spelling() -> None:
    # One spelling each: the bio sentence (running text) outweighs the lone byline line, and the
    # message points at the line of the other spelling.
    findings = ENGINE.check(SEED.read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.text, f.replacements) for f in findings] == [
        (30, 1, "Aldograph Redley", ("Aldgra Fredly",))
    ]
    assert "line 33" in findings[0].message and "byline" in findings[0].message


def test_a_true_tie_says_either_may_be_right() -> None:
    text = "Tomas Vrenkel said it was cold. Later Tomas Vrankel said it was warm."
    [finding] = ENGINE.check(text)
    assert finding.text == "Tomas Vrankel" and "check which is right" in finding.message


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        # One surname respelled beside its usual spelling, anywhere in the text.
        ("Giorgia Meloni won. Meloni said so, and Meloni’s allies agreed. Melony was pleased.", "Melony", "Meloni"),
        ("Silvio Berlusconi spoke. Berlusconi was upset.\n\nBersluconi, the former premier, left.", "Bersluconi", "Berlusconi"),
        # Diacritics: the spelling used more often wins.
        ("Mr. Erdogan spoke. Erdogan said more. Later Erdoğan left.", "Erdoğan", "Erdogan"),
        # A place missing a letter beside its usual spelling, across a hyphen and a space.
        ("Roads in Masjed-e-Soleiman were paved. Masjed-e-Soleiman officials said so. The Masjed Soleiman office agreed.",
         "Masjed Soleiman", "Masjed-e-Soleiman"),
        # A listed public figure outweighs the count.
        ("Rep. Lee Jae-myeong was summoned. Lee Jae-myeong declined. Lee Jae-myung, the party leader, spoke.",
         "Lee Jae-myeong", "Lee Jae-myung"),
    ],
)
def test_name_words_respelled_anywhere(text: str, flagged: str, suggestion: str) -> None:
    findings = ENGINE.check(text)
    assert {(f.text, f.replacements) for f in findings} == {(flagged, (suggestion,))}


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Iraq signed a deal. Iraq and Iran agreed.",
        "Austria beat Australia. Australia lost to Austria.",
        "Niger and Nigeria met. Nigeria said Niger agreed.",
        "Daniel Okafor met Danielle Okafor. Daniel said hello.",
        "Kim Seo-yeon won. Park Seo-yoon lost. Kim Seo-yeon said she was glad; Park Seo-yoon said nothing.",
        "Jan Kowalski and his wife, Anna Kowalska, said they would stay.",
        "Kim Seo-yeon, a crane operator, spoke. Kim Seo-yoon, an inspector, agreed.",  # two Kims
        "Coalition avenir Québec won in Quebec City, and Québec solidaire came third in Quebec.",
        "Kim Jong Un met Kim Yo Jong. Kim Jong Un said so.",
    ],
)
def test_different_real_names_are_never_paired(text: str) -> None:
    assert ENGINE.check(text) == []


def test_majority_spelling_is_kept() -> None:
    text = "Erin Kovalski is a writer.\n\nErin Kowalski said it.\n\nErin Kowalski said more."
    findings = ENGINE.check(text)
    assert [(f.text, f.replacements) for f in findings] == [("Erin Kovalski", ("Erin Kowalski",))]
    assert "used 2 times" in findings[0].message


@pytest.mark.parametrize(
    "a, b",
    [("Mei Lin", "Mei Ling"), ("Wang Yi", "Wang Wei"), ("Mei Lin", "Lin Jian"), ("Daniel Okafor", "Danielle Okafor"),
     ("Michael Chen", "Michelle Chen"), ("Aldograph Redley", "Aldograph Redley"), ("Kim Jong Un", "Kim Jong"),
     ("General Public License", "General Public Licenses"), ("Jon Edward", "Jon Edwards")],
)
def test_not_variants(a: str, b: str) -> None:
    assert not name_variants.similar(a, b)


@pytest.mark.parametrize(
    "a, b",
    [("Aldograph Redley", "Aldgra Fredly"), ("Erin Kowalski", "Erin Kovalski"), ("Jonathan Reyes", "Johnathan Reyes")],
)
def test_variants(a: str, b: str) -> None:
    assert name_variants.similar(a, b)


def test_more_frequent_spelling_wins_even_if_later() -> None:
    text = (
        "Erin Kovalski said the trails were ready.\n\n"
        "Erin Kowalski said the snow was deep.\n\n"
        "Erin Kowalski\n\n"
    )
    findings = ENGINE.check(text)
    assert [(f.text, f.replacements, f.line) for f in findings] == [("Erin Kovalski", ("Erin Kowalski",), 1)]


def test_names_outside_person_contexts_are_ignored() -> None:
    # Neither spelling stands in a person context, so nothing is compared.
    text = "The Aldograph Redley prize went to a school near Aldgra Fredly station."
    assert ENGINE.check(text) == []


def _synthetic_names(count: int) -> list[str]:
    """Distinct, deterministic two-word names built from syllables (none starts with "Ald")."""
    syllables = ["ba", "ko", "mi", "tu", "re", "sa", "ne", "po", "vi", "lu", "de", "fa", "gi", "ho", "ju"]
    words = ("".join(p).capitalize() for p in itertools.product(syllables, repeat=4))
    pool = list(itertools.islice(words, 2 * count))
    return [f"{pool[i]} {pool[-1 - i]}" for i in range(count)]


@pytest.mark.slow
def test_blocking_bounds_comparisons_on_a_long_document(monkeypatch: pytest.MonkeyPatch, no_rule_budget: None) -> None:
    names = _synthetic_names(5000)
    paragraphs = [f"{name} said the plan was sound." for name in names]
    paragraphs += ["Aldograph Redley said it twice.", "Aldograph Redley", "Aldgra Fredly is a writer."]
    calls = 0
    real = name_variants.similar

    def counting(a: str, b: str, limits: name_variants.Thresholds = name_variants.Thresholds()) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b, limits)

    monkeypatch.setattr(name_variants, "similar", counting)
    findings = Engine([RULE]).check("\n\n".join(paragraphs))
    distinct = len(names) + 2
    # Two blocks per name, each name compared with at most WINDOW neighbours per block.
    assert calls <= 2 * distinct * WINDOW
    assert calls < distinct * (distinct - 1) // 2 // 50
    assert ("Aldgra Fredly", ("Aldograph Redley",)) in [(f.text, f.replacements) for f in findings]


def test_one_huge_block_is_still_linear() -> None:
    names = [f"Ab{a}{b}{c} Zo{c}{b}{a}" for a, b, c in itertools.product("abcdefghijklmnopq", repeat=3)]
    groups, comparisons = name_variants.variant_groups(sorted(names), lambda a, b: False, WINDOW)
    assert groups == []
    assert comparisons <= 2 * len(names) * WINDOW


@pytest.mark.parametrize(
    "a, b, same",
    [("Zhyvytsky", "Zhyvytskyi", True), ("Zelensky", "Zelenskiy", True), ("Dmitri", "Dmitry", True),
     ("Jeffery", "Jeffer", False), ("Mari", "Mary", False), ("Kowalski", "Kowalska", False)],
)
def test_slavic_adjective_endings_are_one_name(a: str, b: str, same: bool) -> None:
    """-ий romanised as -y, -yi, -iy or -i is one surname; a bare stem or a gendered form is not."""
    assert names.is_variant(a, b) is same


def test_fuller_spelling_outweighs_a_more_frequent_shorter_one() -> None:
    text = "Coach Daisuke Ohnishi picked the squad. Onishi said they were ready, and Onishi named three."
    assert {(f.text, f.replacements) for f in ENGINE.check(text)} == {("Onishi", ("Ohnishi",))}


@pytest.mark.parametrize(
    "text, flagged",
    [
        # The bare masculine form of a woman's family name: the engine lost the feminine ending.
        ("Spokeswoman Irina Sorokova spoke on Monday. “We are ready,” said Sorokov.", ["Sorokov"]),
        # The masculine form with a given name of its own is another person.
        ("Irina Sorokova met her father, Pavel Sorokov, and Sorokov said they were ready.", []),
        # Two given names, not one family name in two genders.
        ("Martina Navratilova watched as Justin said they were ready and Justina agreed.", []),
    ],
)
def test_lost_feminine_ending(text: str, flagged: list[str]) -> None:
    assert [f.text for f in ENGINE.check(text)] == flagged


def test_gendered_pair() -> None:
    assert names.gendered_pair("Zoltova", "Zoltov") == ("Zoltov", "Zoltova")
    assert names.gendered_pair("Novitskaya", "Novitsky") == ("Novitsky", "Novitskaya")
    assert names.gendered_pair("Zoltov", "Zoltan") is None


def test_lone_family_name_that_sounds_like_an_introduced_one() -> None:
    from cleaner.document import Document
    from cleaner.kinds._lone_surname import lone_variants, sound_alike

    assert sound_alike("Singh", "Xing") and sound_alike("Schulz", "Scholz") and sound_alike("Settha", "Srettha")
    assert not sound_alike("Browne", "Brown") and not sound_alike("Min", "Moon") and not sound_alike("Kong", "Kang")
    titles = frozenset({"Ambassador", "Mr"})
    text = "Ambassador Xing Haiming arrived. Later, Singh said the talks went well."
    hits = list(lone_variants(Document(text), titles, frozenset()))
    assert [(text[h.start : h.end], h.replacements) for h in hits] == [("Singh", ("Xing",))]
    introduced = "Ambassador Xing Haiming met Ravi Singh. Later, Singh said the talks went well."
    assert not list(lone_variants(Document(introduced), titles, frozenset()))


def test_lone_mentions_take_the_verdict_of_the_full_name() -> None:
    # The full names decide Ohmura; the lone Omura mentions follow, except a quoted tag that opens a quotation.
    text = (
        "Kenta Ohmura pitched. Later Kenta Omura batted, and Omura hit a double.\n\n"
        "Fans wrote “Omura magic” online, and Omura’s coach smiled."
    )
    findings = ENGINE.check(text)
    assert [(f.line, f.text, f.replacements) for f in findings] == [
        (1, "Kenta Omura", ("Kenta Ohmura",)),
        (1, "Omura", ("Ohmura",)),
        (3, "Omura", ("Ohmura",)),
    ]
    assert "full name" in findings[1].message



def test_a_family_name_in_capitals_is_the_set_spelling() -> None:
    # The roster's capitals are kept; acronyms, listed names and a spelling that agrees are left alone.
    text = "Roster: Mika TOSHIRA (left).\n\nCoach Toshira praised Toshara, and NATO staff met Nato."
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [("Toshara", ("Toshira",))]


def test_a_place_name_run_tells_no_people_apart() -> None:
    # "Sumo Hall" is no person's company: one hall spelled twice. Two given names are two people.
    hall = "The card opens at Kuramae Kokugikan, and fans queued at Kurame Sumo Hall."
    assert [f.text for f in ENGINE.check(hall)] == ["Kurame"]
    people = "Kenta Ohmura pitched; Taro Omura batted."
    assert ENGINE.check(people) == []


def test_a_dictionary_compound_split_in_two_is_no_name_variant() -> None:
    text = "Corona Virus cases rose. Coronavirus tests were free, and the Corona Virus ward filled."
    assert ENGINE.check(text) == []


@pytest.mark.parametrize(
    "a, b",
    [("Navbakhor", "Nawbahor"), ("Sharipow", "Sharipov"), ("Tokaev", "Tokayev"), ("Zhukov", "Jukov"),
     ("Mijail", "Mikhail"), ("Smirnoff", "Smirnov"), ("Tschaikowsky", "Chaikovsky"), ("Filippov", "Philipov")],
)
def test_one_transliteration_table_makes_two_spellings_one(a: str, b: str) -> None:
    assert names.one_sound(names.fold(a), names.fold(b))
    assert name_variants._transliterated(a, b)


@pytest.mark.parametrize(
    "a, b",
    [("Chernov", "Shernov"), ("Schulz", "Scholz"), ("Mohammed", "Mahmoud"), ("Ivanov", "Ivanova"),
     ("Kim", "Kin"), ("Lee", "Li"), ("Zhuang", "Juang"), ("Daniel", "Danielle")],
)
def test_different_names_keep_apart_under_the_table(a: str, b: str) -> None:
    # ch and sh are two sounds; a feminine or longer form is another word; short names and two
    # pinyin words are never merged by the table.
    assert not name_variants._transliterated(a, b)


def test_a_transliteration_digraph_is_not_letters_a_round_trip_lost() -> None:
    # Navbakhor holds Navbahor plus a k, but kh and h are one sound: the first spelling is kept.
    text = ("The Uzbek club Navbahor drew on Monday. The group holds Nawbahor and Mumbai City.\n\n"
            "Table: Navbakhor, one point.")
    found = sorted((f.text, f.replacements) for f in ENGINE.check(text))
    assert found == [("Navbakhor", ("Navbahor",)), ("Nawbahor", ("Navbahor",))]
