"""The compact word stream reads exactly like the tuple of Word tuples the rules were written against."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import WORD, Document, Word
from cleaner.wordstream import WordStream


def _as_tuples(text: str) -> tuple[Word, ...]:
    return tuple(Word(*m.span(), m.group()) for m in WORD.finditer(text))


@given(st.text(alphabet="ab Cé’'-1\n.", max_size=60), st.integers(-8, 8), st.integers(-8, 8))
def test_stream_indexes_slices_and_iterates_like_a_tuple(text: str, i: int, j: int) -> None:
    stream, expected = Document(text).words, _as_tuples(text)
    assert isinstance(stream, WordStream)
    assert len(stream) == len(expected) and tuple(stream) == expected and stream == expected
    assert all(type(w) is Word for w in stream)
    assert stream[i:j] == expected[i:j] and stream[::2] == expected[::2]
    if -len(expected) <= i < len(expected):
        assert stream[i] == expected[i] and stream[i].text == expected[i].text
    wanted = {w.text for w in expected[::3]}
    assert stream.where(wanted) == [k for k, w in enumerate(expected) if w.text in wanted]
    assert stream.picked(wanted) == [w for w in expected if w.text in wanted]


def test_equal_texts_share_one_string() -> None:
    words = Document("the cat and the dog and the bird").words
    assert words[0].text is words[3].text is words[6].text
    assert list(words.starts) == [w.start for w in _as_tuples("the cat and the dog and the bird")]
