"""`calendar-year`: a date whose year belongs to another calendar, written as if it were Gregorian.

Nepal dates its news in the Bikram Sambat (about 57 years ahead of the Gregorian count) and Thailand
in the Buddhist Era (543 years ahead); translation copies the year and names the month in English,
giving "June 3, 2073" or "21 Jan 2562", a day no news report lives in. The evidence is a full date
(a day and an English month name, or a month name English does not use) whose year lies far in the future, at `min-year` or later: news
names far-off years alone ("by 2050"), rarely a day of them. Once the article shows such a date, its
other bare years within `spread` years of it ("the new 2074 budget") count in the same calendar and
are reported too. No fix: the Gregorian day depends on the calendar's own months.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import timeout_for
from cleaner.lexicon import zipf
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import MONTHS

KIND = "calendar-year"
OPTIONS = (
    Option("min-year", INTEGER, "The earliest year a full date is taken to be in another calendar.", default=2040),
    Option("spread", INTEGER, "How far a bare year may lie from such a date's year to share its calendar.", default=3),
)
REPLACEMENT = Replacement.NONE

_MONTH = "|".join(sorted(MONTHS)) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A four-digit number that could be a year: not part of a larger number, a code or a decimal.
_YEAR = regex.compile(r"(?<![\p{L}\p{N}.,:/\-])[12]\d{3}(?![\p{L}\p{N}]|[.,:/]\d)")
# What makes a year a full date's: "June 3, " or "3 June " right before it (searched in a short window).
_DATE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:(?:{_MONTH})[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH}),?)[ \t]+$"
)
# The same date with the other calendar's own month name kept ("Baisakh 12, 2081", "3 Shrawan 2080"):
# a capitalised word English does not use (rare in the word-frequency table) in the month's place.
_OWN_MONTH_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?P<word>\p{Lu}\p{Ll}{2,11})[ \t]+\d{1,2},?|\d{1,2}[ \t]+(?P<other>\p{Lu}\p{Ll}{2,11}),?)[ \t]+$"
)
_RARE = 3.0


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker with the configured threshold and spread."""
    min_year, spread = int(rule.options["min-year"]), int(rule.options["spread"])

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        # Years first (a cheap scan), then the date form only in front of the far-future ones.
        years = [m for m in _YEAR.finditer(text, timeout=timeout_for(text))]
        dated = {m.span(): int(m.group()) for m in years if int(m.group()) >= min_year
                 and _full_date_before(text, m.start())}
        if not dated:
            return
        for match in years:
            year = int(match.group())
            if match.span() in dated or any(abs(year - y) <= spread for y in dated.values()):
                yield Hit(match.start(), match.end(), (), message=_message(year))

    return check


def _full_date_before(text: str, start: int) -> bool:
    """Whether a day and a month (English, or a month name English does not use) come right before."""
    if _DATE_BEFORE.search(text, max(0, start - 24), start):
        return True
    own = _OWN_MONTH_BEFORE.search(text, max(0, start - 24), start)
    return own is not None and zipf(own.group("word") or own.group("other")) < _RARE


def _message(year: int) -> str:
    """The message, naming the calendars that put a date in that year."""
    return f"The year {year} is not a Gregorian year of today's news: a date in another calendar (Nepal's Bikram Sambat, Thailand's Buddhist Era)?"
