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

With `gazetteer` (rules/data/holidays.yaml), the holidays and festivals English writes only capitalised
are read too, one word or several ("the chuseok holiday", "on new year’s day", "eid al-fitr"): a
match in any case is reported when a word the table capitalises is written in lower case, and the
fix gives each word the table's case. One-word names the dictionary also writes in lower case (lent,
advent) are skipped, and so is a name before one of the table's `not-before` words ("easter egg").

The fix is the capitalised form, safe: the word has no other reading in English.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import Document
from cleaner.kinds._support import in_lower_case_paragraph, literal_starts, matches_at
from cleaner.model import Hit, Rule
from cleaner.schema import STRING, Option, Replacement
from cleaner.wordclass import MONTHS, WEEKDAYS

KIND = "lowercase-proper"
OPTIONS = (
    Option("gazetteer", STRING, "A table in rules/data of more names English writes only capitalised, of one word or "
           "several (holidays).", default=""),
)
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
    named = _named_pattern(rule) if rule.options["gazetteer"] else None

    def check(doc: Document) -> Iterator[Hit]:
        if named is not None:
            yield from _lower_case_names(doc, *named)
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


_LETTERS = regex.compile(r"\p{L}+")


def _named_pattern(rule: Rule) -> tuple[regex.Pattern[str], dict[str, str], frozenset[str]]:
    """The table's names as one case-blind pattern (longest first), each name's key -> its written form, and
    the first words of the names in lower case (where a match can start)."""
    table = gazetteer.load(rule.options["gazetteer"], rule)
    dictionary = lexicon.lowercase_words()
    written = {_key(name): name for name in table["names"] if " " in name or "-" in name or name.lower() not in dictionary}
    # Words are joined by spaces or hyphens either way, and ’ and ' are one mark: "eid al fitr", "new year's day".
    alternatives = sorted((r"[ \t-]{1,2}".join(regex.escape(w).replace("’", "[’']") for w in regex.split(r"[ -]", name))
                           for name in written.values()), key=len, reverse=True)
    after = r"(?![ \t]+(?:" + "|".join(map(regex.escape, table.get("not-before", ()))) + r")\b)" if table.get("not-before") else ""
    pattern = regex.compile(_BEFORE + "(?:" + "|".join(alternatives) + ")" + _AFTER + after, regex.IGNORECASE)
    return pattern, written, frozenset(key.split(" ", 1)[0] for key in written)


def _key(text: str) -> str:
    """A name's letters in lower case, its words joined by one space: the same for every way of writing it."""
    return " ".join(_LETTERS.findall(text.lower()))


def _lower_case_names(doc: Document, pattern: regex.Pattern[str], written: dict[str, str],
                      firsts: frozenset[str]) -> Iterator[Hit]:
    """The table's names with a word the table capitalises written in lower case ("the chuseok holiday")."""
    # The pattern is tried only where a word starts that begins like a name ("new", "eid", "mid-autumn"):
    # each distinct word is asked once.
    tokens = {token for token in doc.distinct_words if (letters := _LETTERS.match(token)) and letters.group().lower() in firsts}
    if not tokens:
        return
    words = doc.words
    for match in matches_at(pattern, doc.text, [words.starts[i] for i in words.where(tokens)]):
        name = written.get(_key(match.group()))
        if name is None:
            continue
        pieces = _LETTERS.findall(name)
        runs = list(_LETTERS.finditer(match.group()))
        if len(runs) != len(pieces) or not any(p[0].isupper() and r.group()[0].islower() for p, r in zip(pieces, runs)):
            continue
        if _all_lower_case_passage(doc, match.start()):
            continue
        fixed, at = [], 0
        for piece, run in zip(pieces, runs):
            cased = piece[0] + run.group()[1:] if piece[0].isupper() else run.group()
            fixed.append(match.group()[at : run.start()] + cased)
            at = run.end()
        fixed_text = "".join(fixed) + match.group()[at:]
        yield Hit(match.start(), match.end(), (fixed_text,), message=f"“{match.group()}” is the name of a holiday: “{fixed_text}”.")


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
