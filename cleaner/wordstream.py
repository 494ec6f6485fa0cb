"""The shared token stream kept compact: offsets in machine-int arrays, each distinct word text stored once.

A tuple of `Word` tuples costs about 190 bytes a word (the tuple, two int objects, a string each),
which on a 10 MB text is over 300 MB; this stream costs 16 bytes a word plus the vocabulary, and
hands out `Word` tuples as they are read.
"""

from __future__ import annotations

import itertools
from array import array
from typing import Container, Iterable, Iterator, NamedTuple, Sequence, overload

_OFFSETS = "I"  # unsigned C int: 4 bytes, texts up to 4 GB (max-file-size is far below)


class Word(NamedTuple):
    """One word of the text: [start, end) and its text."""

    start: int
    end: int
    text: str


class WordStream(Sequence[Word]):
    """Every word of a text in order, read like a tuple of `Word`s (indexing, slicing, iterating)."""

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: array, ends: array, texts: list[str]) -> None:
        self.starts = starts  # also what rules bisect (Document.word_starts)
        self.ends = ends
        self.texts = texts

    @classmethod
    def of(cls, words: Iterable[tuple[int, int, str]]) -> WordStream:
        """Collect (start, end, text) triples; equal texts end up as one string object."""
        starts, ends, texts = array(_OFFSETS), array(_OFFSETS), []
        seen: dict[str, str] = {}
        for start, end, text in words:
            starts.append(start)
            ends.append(end)
            texts.append(seen.setdefault(text, text))
        return cls(starts, ends, texts)

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Word: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Word, ...]: ...

    def __getitem__(self, index: int | slice) -> Word | tuple[Word, ...]:
        if index.__class__ is slice:
            return tuple(_words(self.starts[index], self.ends[index], self.texts[index]))  # type: ignore[index]
        return tuple.__new__(Word, (self.starts[index], self.ends[index], self.texts[index]))  # type: ignore[index]

    def where(self, wanted: Container[str]) -> list[int]:
        """Indexes of the words whose text is in `wanted`, found without building a Word per word."""
        return list(itertools.compress(itertools.count(), map(wanted.__contains__, self.texts)))

    def picked(self, wanted: Container[str]) -> list[Word]:
        """The words whose text is in `wanted`, in order."""
        return [self[i] for i in self.where(wanted)]

    def __iter__(self) -> Iterator[Word]:
        return _words(self.starts, self.ends, self.texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordStream):
            return self.starts == other.starts and self.ends == other.ends and self.texts == other.texts
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # mutable arrays inside, like a list

    def __repr__(self) -> str:
        return f"WordStream({len(self)} words)"


def _words(starts: Sequence[int], ends: Sequence[int], texts: Sequence[str]) -> Iterator[Word]:
    # tuple.__new__ builds each Word in C: no Python call per word while a rule iterates.
    return map(tuple.__new__, itertools.repeat(Word), zip(starts, ends, texts))

