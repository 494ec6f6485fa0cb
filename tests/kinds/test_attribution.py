"""detached-attribution (AT103) and bare-said (AT102): orphaned attributions after quotations."""

from __future__ import annotations

import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import SEED

RULES = {r.code: r for r in load_rules()}
SPEAKER = Engine([RULES["AT103"]])
BARE = Engine([RULES["AT102"]])


def fixes(engine: Engine, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.replacements) for f in engine.check(text)]


def test_seed() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [(f.line, f.column, f.replacements) for f in SPEAKER.check(text)] == [
        (12, 94, (",” the Ministry of Foreign Affairs of China said.",))
    ]
    assert [(f.line, f.column, f.text, f.replacements) for f in BARE.check(text)] == [(16, 265, " Said.", ("",))]


@pytest.mark.parametrize(
    "text, replacement",
    [
        ("“We are ready.” The company Said.", ",” the company said."),
        ("“We are ready.” Foreign Ministry said.", ",” the Foreign Ministry said."),
        ("“Ready.” John Smith of the Foreign Ministry Said.", ",” John Smith of the Foreign Ministry said."),
        ("“Are we ready?” Smith Said.", "?” Smith said."),
        ("“We are ready.” He Said.", ",” he said."),
        ("“We are ready.” Smith Said. Then he left.", ",” Smith said."),
        ("“We are ready,” Embassy of Japan said.", ",” the Embassy of Japan said."),
    ],
)
def test_speaker_forms(text: str, replacement: str) -> None:
    assert [r for _, r in fixes(SPEAKER, text)] == [(replacement,)]


@pytest.mark.parametrize(
    "text",
    [
        "“We stay,” said Said.",
        "“...,” Edward Said wrote.",
        "Said Hamdan, a teacher, said the school never rests.",
        "“We are ready,” Smith said.",
        "“Go!” Smith said.",
        "“We are ready.” One Two Three Four Five Six Seven Eight Nine Ten Eleven said.",
        "“We are ready.” Smith Said, and left.",
        "He called it “ready.” Smith Saidi.",
    ],
)
def test_speaker_near_misses(text: str) -> None:
    assert SPEAKER.check(text) == []


def test_ten_word_speaker_is_allowed() -> None:
    text = "“We are ready.” One Two Three Four Five Six Seven Eight Nine Ten said."
    assert len(SPEAKER.check(text)) == 1


def test_bare_said_needs_a_closing_mark() -> None:
    assert fixes(BARE, "“We will stay.” Said.") == [(" Said.", ("",))]
    assert BARE.check("Asked about it, he Said. Then he left.") == []
    assert BARE.check("“We stay,” said Said.") == []
    assert BARE.check("“Ready.” Smith Said.") == []


def test_said_after_a_common_noun_is_the_verb_unless_the_article_names_someone_said() -> None:
    from cleaner.engine import Engine
    from cleaner.loader import load_rules

    engine = Engine([r for r in load_rules() if r.code == "AT108"])
    assert [f.text for f in engine.check("The party member Said he would stay.")] == ["Said"]
    assert [f.text for f in engine.check("The Minister of Defense Said after the meeting that it was over.")] == ["Said"]
    assert engine.check("The ferry from Port Said is late. Sultan Said of Oman waits.") == []
    assert engine.check("Said Hamdan spoke. The party member Said he would stay.") == []  # "Said" is a name here
    assert engine.check("Edward Said wrote it. The party member Said he would stay.") == []
def test_a_qualified_speaker_and_a_lost_opening_mark() -> None:
    text = 'Work on the pier starts in May. The harbour needs it badly." Some fishermen said.'
    assert fixes(SPEAKER, text) == [('." Some fishermen said.', (',"' + " some fishermen said.",))]
    assert fixes(SPEAKER, "“We sail at dawn.” Chinese officials said.") == [
        (".” Chinese officials said.", (",” Chinese officials said.",))
    ]
    assert fixes(SPEAKER, "“We sail at dawn.” Nothing else was said.") == []
    assert fixes(SPEAKER, 'He said "we sail at dawn." Then he left. "Two" Some fishermen said.') == []
