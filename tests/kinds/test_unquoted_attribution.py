"""attribution-after-unquoted-speech (AT114): a speaker-and-verb sentence after speech that lost its marks."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules

ENGINE = Engine([r for r in load_rules() if r.code == "AT114"])


def flagged(text: str) -> list[str]:
    return [f.text for f in ENGINE.check(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The fund is empty and we must wait. The treasurer Mia Holm said this.", ["The treasurer Mia Holm said this"]),
        # An unclosed opener earlier in the paragraph pairs with nothing: the attribution is still outside speech.
        ("Some said, “Why wait for the board? The plan is late and costly, the paper reported. Okafor said. It is odd.",
         ["Okafor said"]),
        ("“We will close the gate at noon. “ She said.", ["She said"]),
    ],
)
def test_flags(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“The fund is empty and we must wait,” Holm said.",
        "“The fund is empty and we must wait.” Holm said this.",
        "The vote was close. Everyone said so.",
        "He was asked about the plan by M. Holm. Holm said no.",
        "The fund is empty, the treasurer said. Holm agreed.",
        "“The fund is empty. Holm said this to me. We must wait.”",
    ],
)
def test_passes(text: str) -> None:
    assert flagged(text) == []
