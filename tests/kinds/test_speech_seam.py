"""speech-seam (PU143): first-person speech left unquoted before the reporter names its speaker."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU143"])


def offsets(text: str) -> list[int]:
    return [f.start for f in ENGINE.check(text)]


def test_the_seam_before_a_named_speaker_is_reported() -> None:
    text = "Rain fell all day. We will rebuild the road by May. The governor said crews were ready."
    assert offsets(text) == [text.index("We"), text.index("May.") + 3]
    text = "Rain fell all day. Our crews are ready.\n\nLater, Ana Ruiz also stressed the cost."
    assert offsets(text) == [text.index("Our"), text.index("ready.") + 5]


def test_the_lost_opener_is_reported_only_after_narration_in_its_paragraph() -> None:
    text = "Rain fell. We start today. Our crews are ready. The governor said so."
    assert offsets(text) == [text.index("We"), text.index("ready.") + 5]  # the whole first-person run
    text = "We will rebuild the road by May. The governor said crews were ready."
    assert offsets(text) == [text.index("May.") + 3]  # the paragraph may continue a quotation
    text = "Rain fell. The mayor said, We will rebuild it. The governor said crews were ready."
    assert offsets(text) == [text.index("it.") + 2]  # opened after a reporting verb: PU114's finding


def test_quoted_speech_and_the_narrators_own_story_are_left_alone() -> None:
    assert offsets("Rain fell. “We will rebuild the road by May.” The governor said crews were ready.") == []
    assert offsets("Rain fell. We will rebuild the road. He said crews were ready.") == []  # pronoun subject
    assert offsets("Rain fell. I asked about the road. The governor told me it was closed.") == []
    assert offsets("Rain fell. I asked about the road. The governor said, “It is closed.”") == []
    assert offsets("Rain fell. We will rebuild the road. The governor visited the site.") == []  # no reporting verb


def test_a_first_person_text_is_skipped() -> None:
    text = "I walked home. We ate late. My aunt was there. I slept. The doctor said I was fine."
    assert offsets(text) == []


def test_seed_and_clean_articles() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert offsets(path.read_text(encoding="utf-8")) == [], path.name
