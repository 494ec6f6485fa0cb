"""korean-family-variant (NM114): one Korean family name romanised two ways before one given name."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.kinds.korean_family_variant import family_key

RULE = next(r for r in load_rules() if r.code == "NM114")
ENGINE = Engine([RULE])


@pytest.mark.parametrize(
    "group",
    [("Ko", "Go"), ("Jung", "Jeong", "Chung"), ("Lee", "Yi", "Rhee"), ("Choi", "Choe"), ("Park", "Pak"),
     ("Noh", "Roh"), ("Lim", "Im"), ("Yoon", "Yun"), ("Seo", "Suh"), ("Kim", "Gim")],
)
def test_romanisations_share_a_key(group: tuple[str, ...]) -> None:
    assert len({family_key(name) for name in group}) == 1


@pytest.mark.parametrize("a, b", [("Kim", "Kang"), ("Park", "Baek"), ("Lee", "Lim"), ("Jung", "Jang"), ("Son", "Song")])
def test_different_families_differ(a: str, b: str) -> None:
    assert family_key(a) != family_key(b)


def test_less_frequent_spelling_is_reported() -> None:
    text = "Go Min-seok pitched. Coach Han praised Go Min-seok. Later Ko Min-seok left."
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [("Ko Min-seok", ("Go Min-seok",))]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong-un met aides under a portrait of Kim Jong-il.",  # two given names: two people
        "Go Min-seok pitched, and Go Min-Seok was named player of the game.",  # only case differs
        "Lee Jae-myung spoke, and Park Jae-myung, a councillor, replied.",
    ],
)
def test_near_misses_pass(text: str) -> None:
    assert list(ENGINE.check(text)) == []
