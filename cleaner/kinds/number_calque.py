"""`number-calque`: numbers written the way the source language writes them.

The `form` option picks which calque the rule reports:
  - `myriad`: a large number split into two units, "3 trillion 400 billion yen" (East Asian
    languages count in units of 10,000 and 100 million); the fix is the exact sum in the larger
    unit, "3.4 trillion", and is offered only when the smaller part is less than one larger unit.
  - `era-year`: a year counted in a Japanese era (Reiwa, Heisei, Showa, Taisho, Meiji), in the
    Republic of China or Juche calendar, the Korean Dangi or the Buddhist Era: "the 5th year of
    Reiwa", "Heisei 30", "B.E. 2566"; the fix is the Gregorian year, exact by arithmetic. A year
    out of the era's range ("Meiji 150", an anniversary) and one already glossed ("Reiwa 5 (2023)")
    are left alone.
  - `ungrouped`: a number of five or more digits without thousands separators in prose, "250000
    species", in an article that groups its other numbers (or a sum of money, "$120000"); the
    fix groups the digits. Numbers inside codes, addresses and identifiers are left
    alone: the number must stand alone (no letter, slash, colon, hyphen or # next to it, no group
    of digits or two-letter state code before it: a phone number, "250 000", "HI 96813"), not start
    with 0, not fill a bracket (a stock code), not follow an identifier word (No., flight, room,
    ZIP, box, route...) and be followed by a lower-case word or punctuation, not a capitalised
    word (12345 Main Street).
  - `misgrouped`: a thousands comma followed by a group of four or more digits, "11,1500 won" (the
    source grouped by ten thousands); no grouping system writes it (Indian "1,00,000" has two-digit
    groups, a list of years "2019,2020" opens with four digits, "0,1234" is a decimal comma). The
    fix regroups the same digits by thousands, "111,500". A day and a year after a month name
    ("January 1,2025") is a date that lost the space after its comma, left to the spacing rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import literal_starts, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import Option, Replacement, one_of

if TYPE_CHECKING:  # imported where a myriad number is summed: `decimal` costs about 1 ms of every start
    from decimal import Decimal

KIND = "number-calque"
OPTIONS = (Option("form", one_of("myriad", "era-year", "ungrouped", "misgrouped"), "Which calque the rule reports (see above).", required=True),)
REPLACEMENT = Replacement.COMPUTED

_UNITS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MYRIAD = regex.compile(
    r"(?<![\p{L}\p{N}.,])(?P<a>\d{1,4}(?:\.\d+)?)[ \t]+(?P<u1>trillion|billion|million)[ \t]+"
    r"(?P<b>\d{1,3}(?:,\d{3})*(?:\.\d+)?)[ \t]+(?P<u2>billion|million|thousand)(?![\p{L}\p{N}])"
)
# Era -> (Gregorian year of the era's year 0, last year of the era or None for open-ended ones).
_ERAS = {
    "reiwa": (2018, None), "heisei": (1988, 31), "showa": (1925, 64), "shōwa": (1925, 64),
    "taisho": (1911, 15), "taishō": (1911, 15), "meiji": (1867, 45), "juche": (1911, None),
    "minguo": (1911, None), "republic of china": (1911, None), "dangi": (-2333, None),
}
# The same eras as the source writes them (Japanese era names, 民國/民国 for the Republic of China,
# 주체 and 단기 in Korean), kept untranslated: "令和 3 years 5 months 9 days".
_ERA_SCRIPT = {"令和": "reiwa", "平成": "heisei", "昭和": "showa", "大正": "taisho", "明治": "meiji",
               "民國": "minguo", "民国": "minguo", "주체": "juche", "단기": "dangi"}
_ERA_NAMES = r"Reiwa|Heisei|Sh[oō]wa|Taish[oō]|Meiji|Juche|Minguo|Dangi|" + "|".join(_ERA_SCRIPT)
_ERA = rf"(?i:{_ERA_NAMES}|Republic[ \t]+of[ \t]+China)"
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_N = r"(?P<n>\d{1,4}|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))(?:st|nd|rd|th)?"
_ERA_YEAR = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:(?i:the)[ \t]+)?{_N}[ \t]+year[ \t]+of[ \t]+(?:the[ \t]+)?(?P<era>{_ERA})(?:[ \t]+era)?"
    rf"|(?<![\p{{L}}\p{{N}}])(?P<era>(?i:{_ERA_NAMES}))(?:[ \t]+era)?[ \t]+{_N}(?:[ \t]+year)?(?![\p{{L}}\p{{N}}])"
    r"|(?<![\p{L}\p{N}])(?:B\.E\.|BE)[ \t]+(?P<be>2\d{3})(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?P<be>2\d{3})[ \t]+B\.E\.(?!\p{L})"
)
_ERA_HINT = regex.compile(rf"(?i:{_ERA_NAMES}|Republic[ \t]+of[ \t]+China)|B\.?E\b")
# The same hints found fast: where each era name starts in a lower-cased copy of the text (str.find;
# a case-insensitive alternation is tried at every position), the Buddhist Era as written; each
# candidate is then checked with _ERA_HINT itself.
_ERA_WORDS = ("reiwa", "heisei", "showa", "shōwa", "taisho", "taishō", "meiji", "juche", "minguo", "dangi", "republic",
              *_ERA_SCRIPT)
_BE_HINT = regex.compile(r"B\.?E\b")
# Letters that match an era name's letters regardless of case but lower() does not turn into them.
_FOLDS_APART = {"İ": "I", "ſ": "s"}
_PIECE = 1 << 16  # characters lower-cased at a time
# A date counted in the source's units after the era, "Reiwa 2 years 7 months 4 days" (令和2年7月4日):
# the months (and days) tell it from an anniversary ("Meiji 150 years").
_COUNTED_DATE = regex.compile(
    r"[ \t]*(?i:years?)[ \t]+(?P<month>1[0-2]|0?[1-9])[ \t]*(?i:months?)(?:[ \t]+(?P<day>3[01]|[12]\d|0?[1-9])[ \t]*(?i:days?))?"
    r"(?![\p{L}\p{N}])"
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_GLOSSED = regex.compile(r"[ \t]*[(,][ \t]*\d{4}|[ \t]+(?i:years?|anniversary)(?!\p{L})")
_UNGROUPED = regex.compile(
    r"(?<![\p{L}\p{N}_.,/:#+\-–—'’]|\d[ \t]|(?<!\p{L})\p{Lu}{2}[ \t])(?P<n>[1-9]\d{4,})(?![\p{L}\p{N}_/@#]|[.,:\-–]\p{N})"
    r"(?=[ \t]*(?:[.,;:!?)”\"\n%]|\p{Ll})|[ \t]*\Z)"
)
_GROUPED = regex.compile(r"(?<![\p{N}.,])\d{1,3}(?:,\d{3})+(?![\p{N}])")
_CURRENCY = "$€£¥₩₹"
# One to three digits, then comma groups of which one has four or more digits; not inside a code,
# a decimal or a longer run of digits and commas.
_MISGROUPED = regex.compile(
    r"(?<![\p{L}\p{N}_.,/:#\-–])(?P<n>[1-9]\d{0,2}(?:,\d+)*?,\d{4,}(?:,\d+)*)(?![\p{L}\p{N}_/#]|[.,]\p{N})"
)
# A day and a year (1800-2099, as the spacing rule reads it) glued by the date's comma ("1,2025"), after a month.
_DATE_YEAR = regex.compile(r"(?:[1-9]|[12]\d|3[01]),(?:1[89]|20)\d\d")
_MONTH_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?:{'|'.join(_MONTH_NAMES)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?[ \t]+$"
)
_IDENTIFIER_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:no\.?|nos\.?|number|code|id|flight|room|zip|postcode|box|case|route|highway|item|model|part|"
    r"version|serial|account|phone|tel|fax|ext|pin|ref|reference|order|ticket|bus|train|platform|line|"
    r"suite|unit|lot|patent|isbn|issn|call|dial|sms|text|extension)\.?[ \t]*$"
)



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    checkers = {"myriad": _myriad, "era-year": _era_year, "ungrouped": _ungrouped, "misgrouped": _misgrouped}
    return checkers[rule.options["form"]]


def _myriad(doc: Document) -> Iterator[Hit]:
    """Two-unit numbers, with their exact sum in the larger unit."""
    for match in _MYRIAD.finditer(doc.text, timeout=timeout_for(doc.text)):
        from decimal import Decimal  # here: most articles have no such number

        big, small = _UNITS[match.group("u1")], _UNITS[match.group("u2")]
        part = Decimal(match.group("b").replace(",", "")) * small
        if small >= big or part >= big:
            continue
        total = Decimal(match.group("a")) + part / big
        yield Hit(match.start(), match.end(), (f"{_plain(total)} {match.group('u1')}",))


def _plain(number: Decimal) -> str:
    """A decimal written without exponent or trailing zeros (3.4, not 3.400 or 3.4E+0)."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _era_year(doc: Document) -> Iterator[Hit]:
    """Years of other calendars, with the Gregorian year."""
    text = doc.text
    done = 0  # the era phrase is looked for only around each era name, not at every position
    for hint in _era_hints(text):
        for match in _ERA_YEAR.finditer(text, max(done, hint.start() - 32), hint.end() + 16):
            year = _gregorian(match)
            done = max(done, match.end())
            counted = _COUNTED_DATE.match(text, match.end()) if year is not None else None
            if counted is not None:
                yield Hit(match.start(), counted.end(), (_counted_date(year, counted),))
            elif year is not None and not _GLOSSED.match(text, match.end()):
                yield Hit(match.start(), match.end(), (str(year),))


def _counted_date(year: int, counted: regex.Match[str]) -> str:
    """The Gregorian date of an era date counted in years, months and days ("July 4, 2020")."""
    month = _MONTH_NAMES[int(counted.group("month")) - 1]
    day = counted.group("day")
    return f"{month} {int(day)}, {year}" if day else f"{month} {year}"


def _era_hints(text: str) -> Iterator[regex.Match[str]]:
    """The matches of _ERA_HINT, in order, found from candidates instead of at every position."""
    # Each letter that folds to an era letter but that lower() misses (or lengthens) is swapped for
    # that letter first, so offsets stay the text's; each candidate is checked on the text itself.
    starts = set(_word_starts(text))
    starts.update(m.start() for m in _BE_HINT.finditer(text))
    done = 0
    for start in sorted(starts):
        hint = _ERA_HINT.match(text, start) if start >= done else None
        if hint is not None:
            done = hint.end()
            yield hint


def _word_starts(text: str) -> Iterator[int]:
    """Where each era name starts, searched in lower-cased pieces of the text: lower() of a whole long
    text holds a copy and a scratch buffer as large as the text (80 MB at once on a 10 MB text)."""
    overlap = max(map(len, _ERA_WORDS)) - 1  # a name that starts in a piece is read whole
    for at in range(0, len(text), _PIECE):
        lowered = _fold(text[at : at + _PIECE + overlap])
        for word in _ERA_WORDS:
            yield from (at + i for i in literal_starts(lowered, frozenset((word,))) if i < _PIECE)


def _fold(text: str) -> str:
    """The text lower-cased, with the letters lower() misses or lengthens swapped first (same offsets)."""
    for odd, plain in _FOLDS_APART.items():
        text = text.replace(odd, plain)
    return text.lower()


def _gregorian(match: regex.Match[str]) -> int | None:
    """The Gregorian year of an era-year match, or None when the year is out of the era's range."""
    if match.group("be"):
        return int(match.group("be")) - 543
    era = " ".join(_fold(match.group("era")).split())
    era = _ERA_SCRIPT.get(era, era)
    base, last = _ERAS[era]
    raw = match.group("n").lower()
    number = _ORDINAL_WORDS.get(raw) or int(raw)
    if number < 1 or (last is not None and number > last) or (last is None and number > 300 and era != "dangi"):
        return None
    if era == "dangi" and number < 2334:
        return None
    return base + number


def _ungrouped(doc: Document) -> Iterator[Hit]:
    """Numbers of five or more digits in prose, with thousands separators.

    Only where the article shows that it groups digits (another number with separators), or for a
    sum of money: some texts write all numbers ungrouped, and that is a style, not damage.
    """
    text = doc.text
    groups = _GROUPED.search(text) is not None
    for match in _UNGROUPED.finditer(text, timeout=timeout_for(text)):
        start, end = match.span("n")
        if not groups and not (start > 0 and text[start - 1] in _CURRENCY):
            continue
        if _IDENTIFIER_BEFORE.search(text, max(0, start - 16), start):
            continue
        if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
            continue  # a stock or product code in brackets
        yield Hit(start, end, (f"{int(match.group('n')):,}",))


def _misgrouped(doc: Document) -> Iterator[Hit]:
    """Digits grouped with a comma group of four or more, regrouped by thousands."""
    text = doc.text
    for match in _MISGROUPED.finditer(text, timeout=timeout_for(text)):
        if _DATE_YEAR.fullmatch(match.group("n")) and _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "January 1,2025": a day and a year that lost the space after the comma
        yield Hit(match.start(), match.end(), (f"{int(match.group('n').replace(',', '')):,}",))
