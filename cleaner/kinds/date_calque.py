"""`date-calque`: dates written the way Japanese, Korean or Chinese news writes them.

The `form` option picks which calque the rule reports:
  - `weekday-brackets`: a weekday in brackets after a date, "April 8 (Sat)" (the suggestion puts
    the weekday first, "Saturday, April 8"), or a bare day number in brackets after a weekday or a
    relative day, "this Friday (17th)", "last night (23rd)", or a date in a source-language format
    there, "this Tuesday (14.Mar.2023)". A full English date in brackets after a weekday, "on
    Monday (Sept. 8)", is a house style and is left alone; a weekday in brackets after yesterday,
    today, tomorrow or tonight, "yesterday (Monday)", and a date written month first there, "today
    (May 24)", outside quotations (British style writes "today (22 March)", day first).
  - `local-time-day`: a bare day of the month with a time zone, "on the 4th Japan time",
    "the 12th (local time)", "(15th time in Japan, Cleveland)".
  - `country-time`: a time zone named by its country where English names the capital, "11:30 a.m.
    Japan time" (Tokyo time); the capital is suggested.
  - `bare-day`: a day of the month counted like a weekday ("last 9th", "this 3rd"), a weekday
    with a bare day number ("on Wednesday, 26:") and a day of the month tied to a week or a day
    ("the 25th of next week") or counted from one ("the day before the 8th"), or set beside today or
    yesterday ("the 31st, today"). A plain "on the
    12th" is left alone: the page's date names the month (the `day-number` kind's `monthless` form reports
    it in an article that names no month at all).
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import blank_led, timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of

KIND = "date-calque"
OPTIONS = (
    Option("form", one_of("weekday-brackets", "local-time-day", "bare-day", "country-time"),
           "Which calque the rule reports (see above).", required=True),
)
REPLACEMENT = Replacement.COMPUTED

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT_WEEKDAY = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"
# A date all in digits with its year, day or month first or year first ("23-08-2018", "2018.08.23"),
# as Indonesian, European and East Asian pages write it; one separator throughout.
_NUMERIC_DATE = r"(?:\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})|\d{4}(?P<sep2>[./-])\d{1,2}(?P=sep2)\d{1,2})"
_DAY = rf"(?:{_MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,[ \t]+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}" \
       rf"(?:[ \t]+\d{{4}})?|{_NUMERIC_DATE}|\d{{1,2}}/\d{{1,2}}|(?i:the)[ \t]+{_ORDINAL})"
# Both forms are found from their bracket, then the date or the weekday is matched backwards:
# trying the date alternatives at every position of the text would be far slower.
# The blanks before the bracket belong to the span: blank_led adds them back.
_WEEKDAY_BRACKET = regex.compile(rf"\((?P<weekday>{_WEEKDAY}|{_SHORT_WEEKDAY})\.?\)")
_DATE_BEFORE = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<date>{_DAY})$")
_RELATIVE = rf"(?:{_WEEKDAY}|(?i:yesterday|today|tomorrow|tonight|last[ \t]+night|this[ \t]+(?:morning|afternoon|evening)))"
# A bare day ("(17th)", "(15)") or a date in a source-language format ("(14.Mar.2023)", "(14.3.)",
# "(23-08-2018)").
_BRACKETED_DAY = (rf"(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?|{_NUMERIC_DATE}"
                  rf"|\d{{1,2}}[./](?:\d{{1,2}}|{_MONTH})[./]?(?:\d{{2,4}})?")
_DAY_BRACKET = regex.compile(rf"\((?:{_BRACKETED_DAY})\)")
# "today (May 24)": the month first, as Thai and Chinese news date "today" in brackets; British
# house style puts the day first ("today (22 March)") and is left alone.
_MONTH_FIRST_BRACKET = regex.compile(rf"\({_MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\)")
# A weekday may be glued to the word before it ("fourthTuesday (1st)"): its capital marks the start.
_DEICTIC_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(?i:yesterday|today|tomorrow|tonight|last[ \t]+night)$")
_RELATIVE_BEFORE = regex.compile(rf"(?:(?<![\p{{L}}\p{{N}}]){_RELATIVE}|(?<!\p{{N}}){_WEEKDAY})$")
# "last 9th", "this 3rd": a day of the month counted like a weekday, as Korean and Japanese do.
_COUNTED_DAY = regex.compile(rf"(?<![\p{{L}}])(?i:last|this|next|coming|past)[ \t]+{_ORDINAL}(?=[ \t]*(?:[),.;:]|$))")
# "the 25th of next week", "the 26th of the next day": a day of the month tied to a week or a day, as
# Japanese and Korean write "来週25日" (English ties a day of the month only to a month).
# Matched from the digits (a pattern opening on "the" is tried at every letter); "the" is added back.
_PERIOD_DAY = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_ORDINAL}[ \t]+of[ \t]+(?:the[ \t]+)?(?i:next|following|this|last|previous|coming)"
    r"[ \t]+(?i:week|day)(?![\p{L}])"
)
# "the 31st, today", "today, the 31st": a bare day of the month set beside today or yesterday, the day
# named twice as Korean "오늘(31일)" and Japanese "きょう31日" write it ("today (the 31st)" is the
# weekday-brackets form's). Matched from the digits.
_DEICTIC = r"(?i:today|yesterday|tomorrow|tonight)"
_DEICTIC_DAY = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_ORDINAL}(?:(?<=(?<![\p{{L}}]){_DEICTIC}[ \t]*,?[ \t]*(?i:the)[ \t]+{_ORDINAL})(?=[ \t]*[.,;:]|$)"
    rf"|(?<=(?<![\p{{L}}])(?i:the)[ \t]+{_ORDINAL})[ \t]*[,(][ \t]*{_DEICTIC}(?![\p{{L}}])\)?)"
)
# "the day before the 8th": a day counted from a bare day of the month, as Japanese "8日の前日" and
# Korean "8일 전날" write it; English names the day itself ("on the 7th"). Matched from the digits.
_DAY_BEFORE_DAY = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_ORDINAL}(?=[ \t]*(?:[,.;:)(\n]|$))(?<=(?<![\p{{L}}])(?i:day|night|eve)[ \t]+(?i:before|after)[ \t]+(?i:the)[ \t]+{_ORDINAL})"
)
_DAY_BEFORE_START = regex.compile(r"(?<![\p{L}])(?i:the)[ \t]+(?i:day|night|eve)[ \t]+(?i:before|after)[ \t]+(?i:the)[ \t]+$")
_THE_BEFORE = regex.compile(r"(?<![\p{L}])(?i:the)[ \t]+$")
# "on Wednesday, 26:": a weekday and a bare day number, as Portuguese and Spanish write them.
_WEEKDAY_COMMA_DAY = regex.compile(rf"(?<![\p{{L}}]){_WEEKDAY},[ \t]+(?:[1-9]|[12]\d|3[01])(?=[:;)]|[.,](?!\d)|$)")
_COUNTRY_TIME = regex.compile(r"(?<![\p{L}])(?P<country>Japan|Korea|China|Taiwan)[ \t]+time(?![\p{L}])")
_ZONE_CITY = {"Japan": "Tokyo", "Korea": "Seoul", "China": "Beijing", "Taiwan": "Taipei"}
_LOCAL_TIME_DAY = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?i:the)[ \t]+{_ORDINAL}[ \t,]*\(?(?:(?:local|\p{{Lu}}[\p{{L}}.]*(?:[ \t]\p{{Lu}}[\p{{L}}.]*)?)"
    r"[ \t]+time|\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*)?[ \t]+(?:Standard|Daylight|Summer|Mean)[ \t]+Time)\)?"
)
# "(15th time in Japan, Cleveland)": 日本時間15日 read as "the 15th time in Japan"; only after an opening
# bracket, since "for the 15th time in Japan" counts occasions. Opens on the bracket, a literal, to stay fast.
_OCCASION_DAY = regex.compile(
    rf"\([ \t]*(?P<day>{_ORDINAL}[ \t]+time[ \t]+in[ \t]+(?:Japan|Korea|China|Taiwan))(?![\p{{L}}])"
)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    checkers = {"weekday-brackets": _weekday_brackets, "local-time-day": _local_time_day, "bare-day": _bare_day,
                "country-time": _country_time}
    return checkers[rule.options["form"]]


def _weekday_brackets(doc: Document) -> Iterator[Hit]:
    """A weekday in brackets after a date, or a bare day in brackets after a weekday."""
    text = doc.text
    for start, match in blank_led(_WEEKDAY_BRACKET, text):
        date = _DATE_BEFORE.search(text, max(0, start - 24), start)
        if date is None:
            continue
        weekday = next(w for w in _WEEKDAYS if w.startswith(match.group("weekday")[:2]))
        yield Hit(date.start(), match.end(), (f"{weekday}, {date.group()}",), safety=Safety.SUGGEST)
    for start, match in blank_led(_DAY_BRACKET, text):
        if _RELATIVE_BEFORE.search(text, max(0, start - 16), start):
            yield Hit(start, match.end())
    # "yesterday (Monday)": the day named twice, as Arabic news writes it. A date in brackets after
    # "today" is British house style ("at 1pm today (22 March)"), and a weekday in brackets inside a
    # quotation is the editor's gloss ("“I loved tonight (Tuesday)”").
    for pattern in (_WEEKDAY_BRACKET, _MONTH_FIRST_BRACKET):
        for start, match in blank_led(pattern, text):
            if _DEICTIC_BEFORE.search(text, max(0, start - 16), start) and not doc.in_quote(start):
                yield Hit(start, match.end())


def _local_time_day(doc: Document) -> Iterator[Hit]:
    """A bare day of the month given with a time zone."""
    for match in _LOCAL_TIME_DAY.finditer(doc.text, timeout=timeout_for(doc.text)):
        yield Hit(match.start(), match.end())
    for match in _OCCASION_DAY.finditer(doc.text, timeout=timeout_for(doc.text)):
        yield Hit(match.start("day"), match.end("day"))


def _country_time(doc: Document) -> Iterator[Hit]:
    """A time zone named by a country, outside a bare-day phrase (which `local-time-day` reports)."""
    text = doc.text
    for match in _COUNTRY_TIME.finditer(text, timeout=timeout_for(text)):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _LOCAL_TIME_DAY.search(text, max(line_start, match.start() - 24), match.end()):
            continue
        city = _ZONE_CITY[match.group("country")]
        yield Hit(match.start(), match.end(), (f"{city} time",), safety=Safety.SUGGEST)


def _bare_day(doc: Document) -> Iterator[Hit]:
    """A day of the month counted like a weekday, or tied to a week or a day."""
    text = doc.text
    for pattern in (_COUNTED_DAY, _WEEKDAY_COMMA_DAY):
        for match in pattern.finditer(text, timeout=timeout_for(text)):
            yield Hit(match.start(), match.end())
    for match in _DEICTIC_DAY.finditer(text, timeout=timeout_for(text)):
        the = _THE_BEFORE.search(text, max(0, match.start() - 8), match.start())
        yield Hit(the.start() if the else match.start(), match.end())
    for match in _DAY_BEFORE_DAY.finditer(text, timeout=timeout_for(text)):
        the = _DAY_BEFORE_START.search(text, max(0, match.start() - 32), match.start())
        if the is not None:
            yield Hit(the.start(), match.end())
    for match in _PERIOD_DAY.finditer(text, timeout=timeout_for(text)):
        the = _THE_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if the is not None:
            yield Hit(the.start(), match.end())
