"""The text as rules see it: paragraphs, sentences and quotations, all with absolute offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from collections import Counter
from functools import cached_property
from typing import Callable, Sequence, TypeVar

from cleaner.regex_cache import compile_stored
from cleaner.segmenter import split_sentences
from cleaner.wordstream import Word, WordStream


@dataclass(frozen=True, order=True, slots=True)  # slots: one per sentence and quotation, kept all run
class Span:
    """A half-open range [start, end) of the document text."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


_PARAGRAPH_BREAK = compile_stored(r"\n[ \t\r\f\v]*\n\s*")
# Japanese-to-English engines write 「」 as ``...'' (TeX style) or leave the corner brackets; all pair like curly quotes.
_OPENING = {"“": "”", '"': '"', "``": "''", "「": "」", "『": "』"}
_NEWLINE = compile_stored(r"\n")
_QUOTE_MARK = compile_stored(r"``|''|[“”\"‘’「」『』]")
_HEADING_WORD = compile_stored(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
# A word: letters, marks and digits, with inner apostrophes and hyphens (don’t, Jae-myung).
WORD = compile_stored(r"[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*")  # one word of the token stream
_T = TypeVar("_T")
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over per the to up via vs with".split()
)


@dataclass(frozen=True)
class Vocabulary:
    """The article's own evidence about its words (see Document.vocabulary)."""

    lower: frozenset[str]
    capitalised: Counter
    in_names: frozenset[str]

    @classmethod
    def of(cls, text: str, words: WordStream) -> Vocabulary:
        """Collect the evidence from the word stream's texts and offsets, without a `Word` per word."""
        texts = words.texts
        counts = Counter(texts)  # each distinct text once, in the order first written
        lower = frozenset(token for token in counts if token[0].islower())
        capitalised = Counter({token: n for token, n in counts.items() if token[0].isupper() and token[1:].islower()})
        # Two capitalised words in a row, only blanks between: words of a name or a title.
        upper = [i for i, token in enumerate(texts) if token[0].isupper()]
        starts, ends = words.starts, words.ends
        in_names: set[str] = set()
        for a, b in zip(upper, upper[1:]):
            if b == a + 1 and not text[ends[a] : starts[b]].strip():
                in_names.update((texts[a], texts[b]))
        return cls(lower, capitalised, frozenset(in_names))


class LineIndex:
    """1-based line and column of offsets in a text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of an offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


class Document:
    """A decoded text split into paragraphs, sentences and quotations."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: tuple[Span, ...] = tuple(_split_paragraphs(text))
        self._lines = LineIndex(text)
        self._shared: dict[str, object] = {}

    def shared(self, key: str, build: Callable[[Document], _T]) -> _T:
        """What several rules derive from the text (quotation marks paired, say), built by the first to ask."""
        if key not in self._shared:
            self._shared[key] = build(self)
        return self._shared[key]  # type: ignore[return-value]

    def built(self, key: str) -> object | None:
        """The shared value built under `key`, or None when no rule has asked for it yet."""
        return self._shared.get(key)

    # What a fix pass may hand over from the text it checked last (cleaner.incremental), by property.
    ADOPTABLE = ("words", "sentences", "quote_scan")

    def worked_out(self, name: str) -> bool:
        """True when the cached property `name` (one of ADOPTABLE) has been worked out for this text."""
        return name in self.__dict__

    def adopt(self, name: str, value: object) -> None:
        """Take a value of this very text worked out elsewhere: a fix pass assembles the last text's
        words, sentences or quotations of the paragraphs it did not change (cleaner.incremental)."""
        if name not in self.ADOPTABLE:
            raise ValueError(f"a document cannot adopt {name!r}")
        self.__dict__[name] = value  # where functools.cached_property keeps it

    def adopt_shared(self, key: str, value: object) -> None:
        """Take a shared value of this very text worked out elsewhere (see `adopt`)."""
        self._shared[key] = value

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences of every paragraph, in order."""
        out: list[Span] = []
        for para in self.paragraphs:
            for start, end in split_sentences(self.text, para.start, para.end):
                out.append(Span(start, end))
        return tuple(out)

    @cached_property
    def words(self) -> WordStream:
        """Every word of the text with its offsets, found in one pass (the shared token stream)."""
        return WordStream.of((*m.span(), m.group()) for m in WORD.finditer(self.text))

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """How the article writes its words: which in lower case, which capitalised and how often,
        which inside runs of capitalised words (names and titles). Rules use it as evidence."""
        return Vocabulary.of(self.text, self.words)

    @cached_property
    def distinct_words(self) -> frozenset[str]:
        """The words of `words` as written, each once: for rules that decide once per distinct word."""
        return frozenset(self.words.texts)

    @property
    def word_starts(self) -> Sequence[int]:
        """The start of each word of `words`, for bisecting."""
        return self.words.starts

    def word_index(self, offset: int) -> int:
        """Index in `words` of the first word that ends after `offset` (len(words) when none does)."""
        i = bisect.bisect_right(self.words.starts, offset) - 1
        if i >= 0 and self.words.ends[i] > offset:
            return i
        return i + 1

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The start of each sentence of `sentences`, for bisecting."""
        return [s.start for s in self.sentences]

    @cached_property
    def quote_scan(self) -> tuple[tuple[Span, ...], tuple[int, ...]]:
        """The quotations of every paragraph and the offsets of the marks left without a partner."""
        spans: list[Span] = []
        unmatched: list[int] = []
        for para in self.paragraphs:
            para_spans, para_unmatched = pair_quotes(self.text, para)
            spans.extend(para_spans)
            unmatched.extend(para_unmatched)
        return tuple(spans), tuple(unmatched)

    @property
    def quotes(self) -> tuple[Span, ...]:
        """Quoted passages (marks included): double quotes, and ‘single’ quotes outside them.

        A quotation left open runs to the end of its paragraph, as news style does when a
        quotation continues into the next paragraph.
        """
        return self.quote_scan[0]

    @property
    def unbalanced_quotes(self) -> tuple[int, ...]:
        """Offsets of double quotation marks that have no partner in their paragraph."""
        return self.quote_scan[1]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def headings(self) -> frozenset[Span]:
        """Paragraphs that read as headlines or bylines: one short line, no final stop."""
        return frozenset(p for p in self.paragraphs if _looks_like_heading(self.text[p.start : p.end]))

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a text offset."""
        return self._lines.line_col(offset)

    def in_quote(self, offset: int) -> bool:
        """True when the offset lies inside a quotation (marks included)."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset in self.quotes[i]

    def sentence_at(self, offset: int) -> Span | None:
        """Return the sentence containing the offset, if any."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_at(self, offset: int) -> Span | None:
        """Return the paragraph containing the offset, if any."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1  # ints: no Span compared per step
        if i >= 0 and offset in self.paragraphs[i]:
            return self.paragraphs[i]
        return None

    @cached_property
    def _heading_starts(self) -> frozenset[int]:
        # Paragraphs differ in their starts: looking an int up is cheaper than hashing a Span.
        return frozenset(p.start for p in self.headings)

    def in_heading(self, offset: int) -> bool:
        """True when the offset lies in a headline-like paragraph."""
        para = self.paragraph_at(offset)
        return para is not None and para.start in self._heading_starts

    def is_sentence_start(self, offset: int) -> bool:
        """True when only opening quotes, brackets or spaces stand between the sentence start and offset."""
        sentence = self.sentence_at(offset)
        if sentence is None:
            return False
        # Walk back over the allowed marks only: copying the whole lead would make a call
        # cost the length of the sentence, and a text without full stops is one sentence.
        i = offset
        while i > sentence.start and self.text[i - 1] in "“‘\"'([ \t—–-":
            i -= 1
        return i == sentence.start


def _split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are runs of text separated by blank lines, trimmed of outer whitespace."""
    spans: list[Span] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, pos, brk.start(), spans)
        pos = brk.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))


def pair_quotes(text: str, para: Span) -> tuple[list[Span], list[int]]:
    """Pair quotation marks within a paragraph; return the spans and the unmatched double marks.

    Curly double quotes pair by direction, straight ones by alternation; ‘single’ quotes count
    only at the top level, opening before a word and closing where no letter follows, so that
    apostrophes (don’t, the ’90s) are not taken for quotes.
    """
    spans: list[Span] = []
    unmatched: list[int] = []
    open_at: int | None = None
    closer = ""
    for mark in _QUOTE_MARK.finditer(text, para.start, para.end):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in _OPENING:
                open_at, closer = i, _OPENING[ch]
            elif ch == "‘" and _opens_single(text, i, para):
                open_at, closer = i, "’"
            elif ch == "”":
                unmatched.append(i)
        elif ch == closer and (closer != "’" or _closes_single(text, i, para)):
            spans.append(Span(open_at, i + len(ch)))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, para.end))
        if closer != "’":
            unmatched.append(open_at)
    return spans, unmatched


def _opens_single(text: str, offset: int, para: Span) -> bool:
    before = text[offset - 1] if offset > para.start else " "
    after = text[offset + 1] if offset + 1 < para.end else " "
    return (before.isspace() or before in "([—–-") and after.isalnum()


def _closes_single(text: str, offset: int, para: Span) -> bool:
    after = text[offset + 1] if offset + 1 < para.end else " "
    return not after.isalpha()


def _looks_like_heading(paragraph: str) -> bool:
    """A single line of at most 20 words, with no sentence-final full stop, mostly capitalised."""
    if "\n" in paragraph or paragraph.endswith((".", "!", "?", ":", "”", '"')):
        return False
    words = _HEADING_WORD.findall(paragraph)
    if not 0 < len(words) <= 20:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for w in major if w[0].isupper() or w[0].isdigit())
    return capitalised * 2 >= len(major) * 1 and capitalised >= 1
