"""comma-capital (CA123): an article that capitalises the word after its commas."""

from __future__ import annotations

from tests_support import CLEAN_SEEDS, found as found_by


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return found_by("CA123", text)


def test_four_capitals_after_commas_are_each_reported() -> None:
    text = "Rain fell all night , It flooded the square , Two roads closed , Residents waited , Especially the old."
    # "Especially" counts as evidence, but the common-word rule (CA103) reports an adverb after a comma itself.
    assert [t for t, _ in found(text)] == ["It", "Two", "Residents"]


def test_contraction_keeps_its_ending_in_the_fix() -> None:
    text = "The club lost , It's a shame , Fans left , Nobody stayed , Then the lights went out."
    assert ("It's", ("it's",)) in found(text)


def test_fewer_than_four_are_left_alone() -> None:
    assert found("The light was so bright, We could see the moon, Since then we have looked up.") == []


def test_names_titles_and_unmarked_quotations_do_not_count() -> None:
    text = ("He met the coach, Marco Ferri, the mayor, Anna Berg, read the paper, The Times, and visited "
            "the capital, Paris. The analyst said, The market will rise, and the broker said, It will not.")
    assert found(text) == []


def test_clean_seeds_have_no_findings() -> None:
    for path in CLEAN_SEEDS:
        assert found(path.read_text(encoding="utf-8")) == [], path.name


def test_a_few_comma_splices_in_a_long_text_are_left_alone() -> None:
    filler = " ".join(["The rain kept falling on the quiet harbour town all through the night."] * 70)
    text = filler + " It rained , It poured , Two boats sank , Nobody was hurt."
    assert found(text) == []
