"""lowercase-name (NM106): countries, nationalities and the article's own names written in lower case."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

RULE = next(r for r in load_rules() if r.code == "NM106")
ENGINE = Engine([RULE])


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Talks with new zealand resumed.", "new zealand", "New Zealand"),
        ("The italian delegation left early.", "italian", "Italian"),
        ("Members of Nuova Alleanza met. The nuova alleanza leader spoke.", "nuova alleanza", "Nuova Alleanza"),
        ("Members of Nuova Alleanza met. The nuova italy group spoke.", "nuova italy", "Nuova Italy"),
    ],
)
def test_lower_case_names(text: str, flagged: str, suggestion: str) -> None:
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "They carved the turkey and set out the china.",  # common words the dictionary writes in lower case
        "Read more at news.italy-today.com and @italy_daily.",  # addresses and handles
        "the whole caption is in lower case, about italy and spain",  # a stylised lower-case paragraph
        "Members of Nuova Alleanza met. The nuova building opened.",  # one word on the article's evidence alone
        "Nuova Alleanza met. Nuova plans were read; the alleanza was weak.",  # capitalised only at sentence starts
    ],
)
def test_passes(text: str) -> None:
    assert ENGINE.check(text) == []


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("A letter from kishida fumio arrived.", "kishida fumio", "Kishida Fumio"),  # the listed order
        ("A letter from fumio kishida arrived.", "fumio kishida", "Fumio Kishida"),  # the other order
        ("The board hired Gerhard schröder in 2005.", "schröder", "Schröder"),  # given name capitalised
    ],
)
def test_listed_figures_in_lower_case(text: str, flagged: str, suggestion: str) -> None:
    assert [(f.text, f.replacements) for f in ENGINE.check(text)] == [(flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "He planted rice near the bush in may.",  # lone words that are also family names
        "Will smith the iron, said the guide.",  # a listed name whose words are both English words
        "Follow @fumio kishida or #kishida fumio online.",  # a handle and a hashtag
        "Gerhard met the schröder family.",  # a given name and a family name of one person, apart
    ],
)
def test_listed_figure_near_misses(text: str) -> None:
    assert list(ENGINE.check(text)) == []
