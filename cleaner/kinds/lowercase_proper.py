"""`lowercase-proper`: a weekday or a month written in lower case ("on monday", "22 february").

English capitalises these words wherever they stand; machine translation from languages that do
not (French, Spanish, Italian, Russian, Portuguese) sometimes carries the source's lower case
over, and so do scrapers that lower-case a dateline. A lower-case word is reported when:

- its capitalised form is a weekday or a month (cleaner.wordclass); countries and nationalities
  are the names family's (NM106, kind `lowercase-name`), which also reads the article's own names;
- the dictionary does not also know it as a lower-case word (SCOWL, the `lowercase` table), so
  "march", "may" and "august" are never reported: they are words of their own;
- it is not part of an address, a handle, a file name or a hashtag (no "/", "@", "#", "." or "_"
  glued to it), nor of a quotation or a paragraph written all in lower case (a slogan, a leaflet
  quoted as printed).

The fix is the capitalised form, safe: the word has no other reading in English.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._support import in_lower_case_paragraph, literal_starts, matches_at
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import MONTHS, WEEKDAYS

KIND = "lowercase-proper"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

# The edges of a word that is not glued to an address, handle, tag or file name.
_BEFORE = r"(?<![\p{L}\p{N}\p{M}/@#._\\-])"
_AFTER = r"(?![\p{L}\p{N}\p{M}@_]|[/.\-][\p{L}\p{N}])"


# The months English also has as words (march, may, august) are months only beside a date's numbers: a day
# of the month after them, then punctuation, a line end or a year ("may 4, at", "march 15 2022"), or a day
# before them and a year after ("4 may 2020"). "troops may march 5 km" and "may 10 percent" are no dates.
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_YEAR = r"[12][0-9]{3}(?![\p{L}\p{N}])"
_WORD_MONTH_LITERALS = frozenset({"march", "may", "august"})
_WORD_MONTH = regex.compile(
    _BEFORE + r"(?P<month>" + "|".join(sorted(_WORD_MONTH_LITERALS)) + r")"
    r"(?:(?=[ \t]+" + _DAY + r"(?:[ \t]*(?:[,.;:)\n]|$)|[ \t]+" + _YEAR + r"))"
    r"|(?<=(?<![\p{N}.,])" + _DAY + r"[ \t]+\p{L}+)(?=[ \t]+" + _YEAR + r"))"
)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker; the pattern of the sixteen-odd words is compiled once per process."""
    proper = _proper_by_lower()
    words = regex.compile(_BEFORE + "(?:" + "|".join(sorted(proper)) + ")" + _AFTER)
    literals = frozenset(proper)

    def check(doc: Document) -> Iterator[Hit]:
        # Every match is one of the words: found with str.find, the pattern tried only there.
        for match in matches_at(words, doc.text, literal_starts(doc.text, literals)):
            capitalised = proper[match.group()]
            if not _all_lower_case_passage(doc, match.start()):
                yield Hit(match.start(), match.end(), (capitalised,),
                          message=f"“{match.group()}” is a proper noun: “{capitalised}”.")
        yield from _word_months(doc)

    return check


def _word_months(doc: Document) -> Iterator[Hit]:
    """March, May or August in lower case beside a date's numbers ("today, may 4, the"), where no other word reads."""
    for start in literal_starts(doc.text, _WORD_MONTH_LITERALS):
        match = _WORD_MONTH.match(doc.text, start)
        if match is None:
            continue
        begin, end = match.span("month")
        if not _all_lower_case_passage(doc, begin):
            word = match.group("month")
            yield Hit(begin, end, (word.capitalize(),), message=f"“{word}” is a month here: “{word.capitalize()}”.")


def _all_lower_case_passage(doc: Document, offset: int) -> bool:
    """True inside a quotation, or else a paragraph, that has no capital letter at all."""
    quote = next((q for q in doc.quotes if offset in q), None) if doc.in_quote(offset) else None
    if quote is None:
        return in_lower_case_paragraph(doc, offset)
    return not any(c.isupper() for c in doc.text[quote.start : quote.end])


@functools.lru_cache(maxsize=1)
def _proper_by_lower() -> dict[str, str]:
    """Lower-case form -> capitalised form, for the weekdays and months English has no other word for."""
    dictionary = lexicon.lowercase_words()
    return {word.lower(): word for word in sorted(WEEKDAYS | MONTHS) if word.lower() not in dictionary}
