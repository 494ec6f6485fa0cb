"""The `where` option shared by kinds: conditions on where in the document a match may sit."""

from __future__ import annotations

from typing import Mapping

from cleaner.document import Document
from cleaner.kinds._support import in_lower_case_paragraph
from cleaner.schema import Option, one_of, table

WHERE = Option(
    "where",
    table(
        Option("quotes", one_of("outside", "inside", "any"), "Inside or outside quotations.", default="outside"),
        Option(
            "position",
            one_of("sentence-start", "mid-sentence", "paragraph-start", "any"),
            "Where in the sentence or paragraph the match starts.",
            default="any",
        ),
        Option("headings", one_of("skip", "any"), "Whether headlines and bylines are checked.", default="skip"),
        Option(
            "lowercase-paragraphs",
            one_of("skip", "any"),
            "Whether paragraphs written without a capital letter (a slogan, a slug line) are checked.",
            default="any",
        ),
    ),
    "Conditions that must all hold at the start of the reported span.",
)


def placed(doc: Document, offset: int, where: Mapping[str, str]) -> bool:
    """True when the offset satisfies every `where` condition."""
    if where["headings"] == "skip" and doc.in_heading(offset):
        return False
    if where["lowercase-paragraphs"] == "skip" and in_lower_case_paragraph(doc, offset):
        return False
    quotes = where["quotes"]
    if quotes != "any" and doc.in_quote(offset) != (quotes == "inside"):
        return False
    position = where["position"]
    if position == "sentence-start":
        return doc.is_sentence_start(offset)
    if position == "mid-sentence":
        return not doc.is_sentence_start(offset)
    if position == "paragraph-start":
        para = doc.paragraph_at(offset)
        return para is not None and _only_openers_before(doc.text, para.start, offset)
    return True


def _only_openers_before(text: str, start: int, offset: int) -> bool:
    """True when text[start:offset] holds only opening quotes, brackets and spaces.

    Scans back from `offset` and stops at the first other character, so the cost does not
    grow with the paragraph (a slice of it per match made one huge paragraph quadratic).
    """
    i = offset
    while i > start and text[i - 1] in "“‘\"'( ":
        i -= 1
    return i == start
