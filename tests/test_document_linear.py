"""Document queries that rules call once per word stay cheap on text without sentence breaks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Document

_LEAD = "“‘\"'([ \t—–-"


@given(st.text(alphabet="ab .“‘\"'([ \t—–-\nX!?", max_size=40))
def test_sentence_start_means_only_opening_marks_since_the_sentence_began(text: str) -> None:
    doc = Document(text)
    for offset in range(len(text) + 1):
        sentence = doc.sentence_at(offset)
        expected = sentence is not None and all(ch in _LEAD for ch in text[sentence.start : offset])
        assert doc.is_sentence_start(offset) == expected


def test_sentence_start_does_not_read_the_whole_sentence() -> None:
    # One 2 MB "sentence" (no full stop): each call looks back over a few characters only.
    class Counting(str):
        reads = 0

        def __getitem__(self, key):
            Counting.reads += 1 if isinstance(key, int) else (key.stop or 0) - (key.start or 0)
            return str.__getitem__(self, key)

    doc = Document("word " * 400_000)
    doc.text = Counting(doc.text)
    for offset in range(1_000_000, 1_000_500):
        doc.is_sentence_start(offset)
    assert Counting.reads < 10_000
