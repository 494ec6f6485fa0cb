"""Gold annotations: where the damage is in an article, its artifact class and the expected fix.

Annotations are written by hand as *marked snippets*: a piece of the article long enough to be
unique, with the damaged span between `[[` and `]]` (or the whole snippet when there are no
marks; `[[]]` marks a zero-width place, such as a missing comma). `parse_marked` turns them into
character offsets, so committed facts are offsets and short hashes, never the article's sentences.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

# Artifact classes. `rules` classes are what cleaner's rule pack is meant to catch from the
# English alone; `grammar` is LanguageTool's job; `other` is damage that needs the source text.
CLASSES: Mapping[str, str] = {
    "attribution": "rules",  # stranded, capitalised or speakerless reporting verb; missing verb
    "first-person": "rules",  # dropped-subject stub ("I called.", "We will.") in third-person copy
    "fused": "rules",  # words or sentences run together ("protestersMoscow", "Tuesday.Officials", "inthe")
    "capitalization": "rules",  # capitalised common word mid-sentence; lower-cased weekday, month, country
    "repetition": "rules",  # repeated word or doubled article ("of of", "an An")
    "spacing": "rules",  # space before punctuation, inside brackets, doubled spaces
    "punctuation": "rules",  # mixed quote glyphs, ‘ as apostrophe, "?.", empty brackets, "..", ",,"
    "residue": "rules",  # full-width punctuation or digits, ideographic marks, stray CJK or kana
    "date-number": "rules",  # "March 3 (Fri)", "the 4th Japan time", "3 trillion 400 billion yen"
    "register": "rules",  # "the said company", "the relevant parties", "such as ... etc."
    "names": "rules",  # name variants, swapped name order, surname calques, garbled entities
    "furniture": "rules",  # page furniture spliced into prose ("Read more", "TODAY AT 09:15")
    "grammar": "languagetool",  # agreement, articles, word order
    "other": "source",  # mistranslation or omission that only the source text can show
}
RULE_CLASSES = tuple(name for name, owner in CLASSES.items() if owner == "rules")


class GoldError(ValueError):
    """An annotation that cannot be placed in its text."""


@dataclass(frozen=True)
class Annotation:
    """A damaged span [start, end) of one text, its class and the expected replacement (None: unknown)."""

    start: int
    end: int
    cls: str
    fix: str | None = None
    gap: tuple[int, int] | None = None  # for a zero-width span: the whole gap it stands in (see `in_text`)
    visible: str | None = None  # the blind audit's verdict (corpus/audit.yaml): "T" text-visible, "S" source-needed

    def in_text(self, text: str) -> Annotation:
        """This annotation with the gap of a zero-width span measured in `text`: the spaces around the
        place, and the character on each side ("partnership[[]] The" covers "p The"), since where an
        annotator puts the mark inside a run of spaces is arbitrary."""
        if self.start != self.end:
            return self
        left, right = self.start, self.start
        while left > 0 and text[left - 1].isspace():
            left -= 1
        while right < len(text) and text[right].isspace():
            right += 1
        return replace(self, gap=(max(0, left - 1), min(len(text), right + 1)))

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) touches this span; a zero-width span (a missing word or mark) covers its
        gap, or else the character on each side."""
        if self.start == self.end:
            a0, a1 = self.gap or (self.start - 1, self.start + 1)
        else:
            a0, a1 = self.start, self.end
        b0, b1 = start, max(end, start + 1)
        return a0 < b1 and b0 < a1

    def to_row(self, text: str) -> list[Any]:
        """The committed form: [start, end, hash of the span, class, fix]."""
        return [self.start, self.end, span_hash(text[self.start : self.end]), self.cls, self.fix]


def span_hash(span: str) -> str:
    """A short, stable hash of a span's text, so a refilled page can be checked without storing it."""
    return hashlib.sha1(span.encode("utf-8")).hexdigest()[:8]


def text_hash(text: str) -> str:
    """The hash of a whole cached text (16 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_marked(text: str, entries: Iterable[Mapping[str, Any]], where: str = "") -> list[Annotation]:
    """Place every marked snippet in `text`; raise GoldError naming the entry that does not fit."""
    out = []
    for number, entry in enumerate(entries, 1):
        label = f"{where}: annotation {number} ({entry.get('find')!r})"
        cls = entry.get("class")
        if cls not in CLASSES:
            raise GoldError(f"{label}: class must be one of {', '.join(CLASSES)}")
        start, end = locate(text, str(entry.get("find", "")), int(entry.get("occurrence", 0)), label)
        fix = entry.get("fix")
        out.append(Annotation(start, end, cls, None if fix is None else str(fix)))
    return sorted(out, key=lambda a: (a.start, a.end, a.cls))


def locate(text: str, find: str, occurrence: int, label: str) -> tuple[int, int]:
    """Offsets of the marked part of `find` in `text` (the one occurrence, or the 1-based `occurrence`)."""
    if not find:
        raise GoldError(f"{label}: empty snippet")
    plain = find.replace("[[", "").replace("]]", "")
    inner_start = find.find("[[")
    inner_end = find.find("]]")
    if (inner_start < 0) != (inner_end < 0) or inner_end < inner_start:
        raise GoldError(f"{label}: unbalanced [[ ]] marks")
    hits = _all_indexes(text, plain)
    if not hits:
        raise GoldError(f"{label}: snippet not found")
    if occurrence:
        if occurrence > len(hits):
            raise GoldError(f"{label}: only {len(hits)} occurrence(s)")
        base = hits[occurrence - 1]
    elif len(hits) > 1:
        raise GoldError(f"{label}: snippet occurs {len(hits)} times; lengthen it or add occurrence: N")
    else:
        base = hits[0]
    if inner_start < 0:
        return base, base + len(plain)
    return base + inner_start, base + inner_end - 2


def _all_indexes(text: str, needle: str) -> list[int]:
    found, pos = [], text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def rows_to_annotations(rows: Iterable[list[Any]]) -> list[Annotation]:
    """Read the committed [start, end, hash, class, fix] rows back (without checking hashes)."""
    return [Annotation(int(r[0]), int(r[1]), str(r[3]), r[4]) for r in rows]


def check_rows(text: str, rows: Iterable[list[Any]]) -> list[str]:
    """Return a problem line for every committed row whose span no longer hashes as recorded."""
    problems = []
    for row in rows:
        start, end, digest = int(row[0]), int(row[1]), str(row[2])
        if span_hash(text[start:end]) != digest:
            problems.append(f"span {start}-{end} ({row[3]}) does not match hash {digest}")
    return problems


def normalise_url(url: str) -> str:
    """The address form of the excluded-pages list: lower case, no scheme, no www., query, fragment or final /."""
    address = url.strip().lower()
    for scheme in ("https://", "http://"):
        if address.startswith(scheme):
            address = address[len(scheme) :]
    if address.startswith("www."):
        address = address[4:]
    for mark in ("#", "?"):
        address = address.split(mark, 1)[0]
    return address.rstrip("/")


def url_digest(url: str) -> str:
    """SHA-256 of the normalised address, as listed in excluded-pages.sha256."""
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of every per-1,000-words figure."""
    return len(text.split())
