"""`fused-words`: text run together where a space, a link or a line break was lost.

Forms (each reports the junction and inserts the missing space, or the missing full stop):

- `camel`: a lower-case word running into a capitalised one ("protestersMoscow", "theState"), or a
  word running into a sentence starter ("TajikistanThe goal"). Brand names with inner capitals are
  left alone: they start with one or two lower-case letters (iPhone, eBay) or are capitalised
  compounds that do not end in a sentence starter (YouTube, LinkedIn, PowerPoint). Two names run
  together ("JohnsonBritain") count when the article writes both apart (a country needs no second use);
  so do a weekday or month glued to a weekday or month or before a date ("ThursdayMonday (2)"), and a
  capitalised common word glued to a preposition or article that opens a phrase ("CommissionOn April").
- `punctuation`: a sentence mark glued to the next sentence ("fire.I also", "Ltd.The book",
  "charge).Because", "“Sawamura”.On"), a comma or semicolon glued to a capitalised word
  ("release,There"), or ! or ? glued to a lower-case word ("Together!namely"); web addresses,
  initials and dotted abbreviations are not sentences. A list number run into the sentence before
  it ("fog?1. Slow down.2. Keep"), an opening bracket glued to a sentence mark ("noon.(Reporting"),
  and a capitalised word glued to "etc." or to a title ("etc.Mayor", "Mr.Smith") lost a space too.
- `enclosure`: a closing bracket or quotation mark glued to the next word ("(FdI)and",
  "extortion”said", "fault…”a", "project.“During" where “ closes, a ’ that closes a ‘ on its line
  glued to a closed-class word: "‘radio night’of"), or an opening quotation mark glued to the
  sentence before it ("Changwon.“Our suppliers ...”").
- `detached-quote`: a closing ” spaced off its sentence mark and glued to the attribution after it
  (", ”he said", ". ”said Karin Holm"): the next words are a reporting verb, or a subject pronoun
  and a reporting verb; the fix moves the space to the other side of the mark.
- `glued`: a function word glued to a word ("teamand", "Meloniand", "inthe"). The token is rare or
  unknown (wordfreq), it splits into a function word and a frequent word, or into a name the article
  uses on its own and a function word. A phrase opener run into a determiner ("Inthe", "Ontheother")
  and a number run into a closed-class word ("2024and") are glues too.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._glued import MIN_PART_ZIPF, check_glued
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of
from cleaner.wordclass import MONTHS, WEEKDAYS, function_word_groups, function_words, reporting_verbs

FORMS = ("camel", "punctuation", "enclosure", "glued", "detached-quote")
KIND = "fused-words"
OPTIONS = (Option("form", one_of(*FORMS), "Which form to report (see above).", default="camel"),)
REPLACEMENT = Replacement.COMPUTED

# Words that start sentences and never end a brand name: determiners, pronouns, conjunctions.
# Subordinating conjunctions and wh-words from the closed classes join them ("DrWhich", "GrantUnless"):
# a brand's second part is a content word (YouTube, PowerPoint), never one of these.
# A relative word may go on the sentence ("AuthorityWhich had": ", which") or start the next one.
_JOINERS = frozenset(
    word.capitalize()
    for word in function_word_groups()["conjunctions"] - {"and", "or", "nor", "so", "yet", "but", "once", "if"}
    | {"what", "which", "who", "whom", "whose", "why"}
)
_STARTERS = frozenset(
    "I The This That These Those It Its He She They We His Her Their Our But However Meanwhile "
    "According After Before When While There Although Because Since Some Many Most Every "
    "Therefore Moreover Furthermore Nevertheless Instead Thus".split()
) | _JOINERS
# The junction of a camel join: two lower-case letters, then a capitalised word; the word before is
# found in code, so the pattern never scans back and stays linear on a 100,000-letter token.
# An upper-case run ("HEADLINE WORDSMeanwhile") may end the word before, and the pronoun I may be
# the word after ("KuriyamaI didn't"): I then needs a lower-case word or a contraction after it.
_CAMEL = regex.compile(
    r"(?<=\p{Ll}\p{Ll}|\p{Lu}\p{Lu})(?P<right>\p{Lu}\p{Ll}+(?![\p{L}\p{N}@/_])"
    r"|(?<=\p{Ll}\p{Ll})I(?=[ \t]+\p{Ll}|[’'](?:m|ve|ll|d)(?!\p{L})))"
)
# A sentence mark with a capitalised word glued after it; the word before is checked in code.
# After ! or ? a lower-case word also starts the next clause ("Together!namely"); an address's
# query ("page?id=3") has no space after its word. Japanese "！？" comes out as two marks ("leave!?I").
# A numbered list run into the sentence before it ("in fog?1. Slow down.2. Keep") glues a list
# number with its own full stop or bracket, then a capitalised word; an opening bracket glued after
# a sentence mark ("noon.(Reporting by") is the same lost space.
_PUNCT = regex.compile(
    r"(?<=[\p{L})\]”’»\"]|(?<![\p{N}.,:/])\p{N}{2,4}|[ \t]\p{N})(?P<mark>[!?]{2}|[.!?,;])"
    r"(?P<right>\p{Lu}\p{Ll}+|I(?=[ \t])|(?<=[\p{Ll}”\"][!?])\p{Ll}{2,}+(?=[ \t,;])"
    r"|(?P<item>\p{N}{1,2}[.)])(?=[ \t]+\p{Lu}\p{Ll})|(?P<bracket>\()(?=\p{Lu}))"
)
# The word after may be the article "a" or the pronoun I ("fault…”a few days later").
# A straight mark after a comma or semicolon that closes a quotation ("unhurt,"Long Bien") is
# glued on both sides: the space belongs after it.
_ENCLOSURE = regex.compile(r"(?<=[\p{L}\p{N}.,!?…])(?P<mark>[)\]]|[”“]|(?<=[.!?,;])\")(?=\p{L}{2}|[aI][ \t])")
# A right single quotation mark glued to a lower-case word: a closing quote when a ‘ opens it on the
# line and the word is a closed-class word (‘radio night’of), never a contraction or an elision.
_SINGLE_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}.,!?…])’(?P<word>\p{Ll}{2,}+)(?![\p{L}\p{N}’'])")
# A ’ that closes (no letter after it): between the opening ‘ and the mark it ends the quotation early.
_CLOSER = regex.compile(r"’(?!\p{L})")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    return {"camel": _check_camel, "punctuation": _check_punctuation,
            "enclosure": _check_enclosure, "glued": check_glued, "detached-quote": _check_detached_quote}[form]


def _check_camel(doc: Document) -> Iterator[Hit]:
    text = doc.text
    yield from _stray_initials(doc)
    for match in _CAMEL.finditer(text, timeout=timeout_for(text)):
        right = match.group("right")
        left = _word_before(text, match.start())
        if left is None:
            continue
        if left[0].isupper() or len(left) < 2 or right == "I":
            if right in _STARTERS:
                yield _sentence_split(doc, match.start("right"), left, right)
            elif right.lower() in function_words() and left in lexicon.places():
                # "ChinaIn the region": a place does not form a brand with a preposition (LinkedIn does).
                yield _sentence_split(doc, match.start("right"), left, right)
            elif right in _CALENDAR and _calendar_glue(text, match.end("right"), left):
                yield Hit(match.start("right"), match.start("right"), () if left in _CALENDAR else (" ",),
                          safety=Safety.SUGGEST, message=f"“{left}” runs into “{right}”; a space is missing.")
            elif right.lower() in _PHRASE_OPENERS and _opens_phrase(doc, match.end("right"), left, right):
                # "CommissionOn April 26": a common word glued to a preposition that opens the next phrase.
                yield _sentence_split(doc, match.start("right"), left, right)
            elif right != "I" and _two_names_run_together(doc, left, right):
                yield Hit(match.start("right"), match.start("right"), (" ",), safety=Safety.SUGGEST,
                          message=f"“{left}” runs into “{right}”; a space or a full stop is missing.")
            continue
        elif left.islower() and lexicon.zipf(left) >= MIN_PART_ZIPF:
            yield Hit(match.start("right"), match.start("right"), (" ",),
                      message=f"“{left}” runs into “{right}”; a space is missing.")


# A line that opens with one or two letters glued to a capitalised word: a drop cap or a stray
# initial from the source page's layout left before the sentence's first word ("SFor the", "DrWhich").
_STRAY_INITIAL = regex.compile(r"[ \t]*(?P<left>\p{Lu}\p{Ll}?)(?P<right>\p{Lu}\p{Ll}{2,})(?=[ \t,])")


def _stray_initials(doc: Document) -> Iterator[Hit]:
    """A stray initial glued before a sentence's first word, a closed-class word (no brand ends in one)."""
    text = doc.text
    start = 0
    while start >= 0:  # only line starts are tried: str.find skips to each one
        match = _STRAY_INITIAL.match(text, start)
        start = text.find("\n", start) + 1 or -1
        if match is None:
            continue
        left, right = match.group("left"), match.group("right")
        whole = left + right
        if right.lower() not in function_words() or lexicon.zipf(whole) > 0 or doc.vocabulary.capitalised[whole] > 1:
            continue
        if lexicon.is_listed_name(whole):
            continue
        yield Hit(match.start("left"), match.end("right"), (right,), safety=Safety.SUGGEST,
                  message=f"A stray “{left}” is glued to the first word “{right}”.")


_CALENDAR = WEEKDAYS | MONTHS
_PHRASE_OPENERS = function_word_groups()["prepositions"] | function_word_groups()["articles"]
# After a glued calendar word: a date in brackets or figures ("ThursdayMonday (2)", "CommissionMay 3").
_DATE_AFTER = regex.compile(r"[ \t]*[(\d]")
# After a glued preposition: the phrase it opens, a capitalised word or a figure ("On April 26").
_PHRASE_AFTER = regex.compile(r"[ \t]+[\p{Lu}\d]")


def _calendar_glue(text: str, end: int, left: str) -> bool:
    """True when a weekday or month is glued to a capitalised word: two calendar words, or a word
    before a date ("ThursdayMonday (2)"); "CyberMonday sales" is left alone."""
    if left in _CALENDAR:
        return True
    return lexicon.zipf(left) >= MIN_PART_ZIPF and bool(_DATE_AFTER.match(text, end))


def _opens_phrase(doc: Document, end: int, left: str, right: str) -> bool:
    """True when a capitalised common word runs into a preposition or an article that opens a phrase
    ("CommissionOn April 26"): English and the article do not know the whole (LinkedIn, PopUp)."""
    if len(left) < 4 or not left[1:].islower() or lexicon.zipf(left.lower()) < MIN_PART_ZIPF:
        return False
    if lexicon.zipf(left + right) > 0 or doc.vocabulary.capitalised[left + right] > 1:
        return False
    return bool(_PHRASE_AFTER.match(doc.text, end))


def _two_names_run_together(doc: Document, left: str, right: str) -> bool:
    """True when a name runs into a place or a second name, each of which the article writes on its
    own, and English does not know the whole ("JohnsonBritain"); brands (YouTube, PowerPoint,
    ExxonMobil) are not made of two words the article uses apart."""
    if len(left) < 3 or len(right) < 4 or not left[1:].islower() or lexicon.zipf(left + right.lower()) > 0:
        return False
    capitalised = doc.vocabulary.capitalised
    if capitalised[left] < 1 or capitalised[left + right] > 1:
        return False
    if capitalised[right] >= 2 or (capitalised[right] == 1 and lexicon.is_listed_name(right)):
        return True
    return capitalised[left] >= 2 and _is_country(right)  # "JohnsonBritain": a country needs no second use


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """One-word country names and their one-word aliases (Britain, Japan)."""
    names = set()
    for name, country in lexicon.countries().items():
        names.update(n for n in (name, *country.aliases) if n.isalpha())
    return frozenset(names)


def _is_country(word: str) -> bool:
    return word in _country_names()


def _word_before(text: str, end: int) -> str | None:
    """The letters that end at `end`, or None when they belong to an address, a file or a handle."""
    start = end
    while start > 0 and text[start - 1].isalpha() and end - start < 60:
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".@/_-"):
        return None
    return text[start:end]


def _sentence_split(doc: Document, at: int, left: str, right: str) -> Hit:
    """Offer ". The" normally, and ", the" after an "according to" phrase that the join cuts short."""
    sentence = doc.sentence_at(at)
    lead = doc.text[sentence.start : at] if sentence else ""
    paragraph = doc.paragraph_at(at)
    if regex.match(r"[“\"(]?(?:[Aa]ccording to|[Aa]s (?:reported|stated) by)\b[^,.;:]*$", lead):
        replacement = ", " + right[0].lower() + right[1:]
    elif paragraph is not None and paragraph.start == at - len(left) and _after_question(doc.text, paragraph.start):
        replacement = ": " + right  # a speaker's name opening the answer to a question ("KuriyamaI didn't")
    elif left.isupper() and len(left) > 1 and _HEADLINE_BEFORE.search(doc.text, max(0, at - len(left) - 40), at - len(left)):
        replacement = "\n\n" + right  # a subheading in capitals run into the paragraph after it
    elif right in _JOINERS:
        return Hit(at, at + len(right), (", " + right.lower(), ". " + right), safety=Safety.SUGGEST,
                   message=f"“{left}” runs into “{right}”; a comma or full stop and a space are missing.")
    else:
        replacement = ". " + right
    return Hit(at, at + len(right), (replacement,), safety=Safety.SUGGEST,
               message=f"“{left}” runs into the sentence starter “{right}”; a full stop or comma and a space are missing.")


def _after_question(text: str, start: int) -> bool:
    """True when the paragraph before `start` ends with a question mark (an interview's question)."""
    return text[max(0, start - 400) : start].rstrip().endswith("?")


# Another word in capitals just before the upper-case run: the run ends a headline.
_HEADLINE_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{2,}[ \t]+$")


def _check_punctuation(doc: Document) -> Iterator[Hit]:
    text = doc.text
    for match in _PUNCT.finditer(text, timeout=timeout_for(text)):
        mark_at, after = match.start("mark"), match.end("right")
        if after < len(text) - 1 and text[after] in "./@" and text[after + 1].isalnum():
            continue  # report.Final.docx, www.Example.com: a name with dots, not two sentences
        # A closing quotation mark may end the sentence's last word ("“Sawamura”.On the day").
        word_end = mark_at - 1 if text[mark_at - 1] in "”’\"" else mark_at
        if (match.group("item") or match.group("bracket")) and (
                match.group("mark") in ",;" or (match.group("item") and text[mark_at - 1].isdigit())):
            continue  # "version 2.2. The", "1,2. The": a section or version number, not a list run on
        if match.group("item") and match.group("mark") == "." and _cites_number(text, word_end):
            continue  # "Fig.2. The", "Vol.3. The", "Paris.2.": a reference, or no lower-case sentence end
        if text[mark_at - 1].isdigit():  # "since 1959.With only": a number ends the sentence
            if match.group("mark") not in ".!?" or match.group("right") == "I":
                continue
            # One digit ("August 4.On August 6"): a closed-class word after it starts a sentence;
            # any other word may be a version's name ("2.Beta").
            if not text[mark_at - 2].isdigit() and match.group("right").lower() not in function_words():
                continue
        elif text[mark_at - 1] != ")" and not _sentence_word_before(text, word_end, match.group("mark") in ",;") and not (
                match.group("mark") == "." and _glued_to_abbreviation(text, mark_at, match.group("right"))):
            continue
        # The span is the mark and the word glued to it: the damage is the pair, and a reader points at
        # either the mark that lacks its space or the word run into it.
        mark = match.group("mark")
        what = f"the list number “{match.group('item')}”" if match.group("item") else f"“{match.group('right')}”"
        yield Hit(mark_at, after, (f"{mark} {match.group('right')}",),
                  message=f"No space after “{mark}” before {what}.")


def _sentence_word_before(text: str, end: int, clause: bool = False) -> bool:
    """True when a lower-case word that can end a sentence stands right before `end`.

    Not an abbreviation (Mr, St, etc), not a single letter (initials), and not part of a dotted
    chain such as an address or an acronym (www.example, U.S). Before a comma or semicolon
    (`clause`) the word may end a hyphenated name ("G-Dragon,Taeyang").
    """
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    if len(word) < 2 or not any(ch.islower() for ch in word) or word.lower() in _ABBREVIATIONS:
        return False
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in (".@/:_" if clause else ".@/:_-"))


_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr vs no nos etc e.g i.e prof gen".split())
# Short words that cite a number after a full stop of their own ("fig.2", "art.3", "para.4").
_NUMBER_CITES = frozenset("fig figs vol art arts sec para paras ch chap pp nr tab eq ref op ed pt ex app sch reg cl".split())


def _cites_number(text: str, end: int) -> bool:
    """True when the word before a full stop and a list number cites the number (Fig, vol) or is not a
    lower-case word: a list runs on after a sentence's last word ("down.2. Keep")."""
    if text[end - 1 : end] in ")]”’\"":
        return False  # "(police said).2. Keep": the sentence closed its bracket or quotation
    start = end
    while start > 0 and end - start < 20 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return not word.islower() or word in _NUMBER_CITES or word in _ABBREVIATIONS
# Abbreviations that a glued capitalised word still follows across a lost space: "etc." ends a list
# and never runs into a word ("etc.Mayor Lin"), and a title never runs into its name ("Mr.Smith").
# "St" stays out: "St.Petersburg" is a spelling some outlets keep.
_SPACED_ABBREVIATIONS = frozenset("etc Mr Mrs Ms Dr Prof".split())


def _glued_to_abbreviation(text: str, mark_at: int, right: str) -> bool:
    """True when "etc." or a title stands glued to a capitalised word or a bracket ("etc.The", "Mr.Smith")."""
    start = mark_at
    while start > 0 and mark_at - start < 5 and text[start - 1].isalpha():
        start -= 1
    word = text[start:mark_at]
    if word not in _SPACED_ABBREVIATIONS or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".@/_-")):
        return False
    if right == "(":
        return word == "etc"  # "etc.(Reuters)"; a title is not followed by a bracket
    return len(right) > 1 and right[0].isupper()


def _check_enclosure(doc: Document) -> Iterator[Hit]:
    text = doc.text
    for match in _ENCLOSURE.finditer(text, timeout=timeout_for(text)):
        mark, start, end = match.group("mark"), match.start("mark"), match.end("mark")
        if mark in ")]" and not _bracket_closes_phrase(text, start, "(" if mark == ")" else "["):
            opened = _glued_phrase_opener(text, start, "(" if mark == ")" else "[")
            if opened is None:
                continue  # "(s)he", "word(s)": a bracket inside a word
            # "They[Smith and Jones]deserve": a bracketed phrase glued to the words on both sides.
            yield Hit(opened, opened, (" ",), message=f"No space before the opening “{text[opened]}”.")
        if mark in "“\"" and _opens_closed_quote(doc, start, "”" if mark == "“" else mark):
            # ".“Our suppliers ...”": an opening quotation mark glued to the sentence before it.
            yield Hit(start, start, (" ",), message=f"No space before the opening {mark}.")
            continue
        if mark == '"' and not (text[start - 1] in ",;" and _closes_quote(doc, start)) and not (
                text[start - 1] in ".!?" and text[end].islower()):
            # After a full stop, a straight mark that opens nothing closes a quotation: which side is a
            # guess, unless a lower-case word follows ('concerns."and other'): no sentence opens with it.
            continue
        yield Hit(end, end, (" ",), message=f"No space after the closing “{mark}”.")
    if "’" in text and "‘" in text:
        yield from _closing_single_quotes(text)


def _closing_single_quotes(text: str) -> Iterator[Hit]:
    """A closing ’ glued to a function word, in a quotation a ‘ opened on the same line."""
    closed = function_words() | reporting_verbs()
    for match in _SINGLE_CLOSE.finditer(text, timeout=timeout_for(text)):
        if match.group("word") not in closed:
            continue
        start = match.start()
        left = _word_before(text, start)
        if left is None or (left and lexicon.zipf(left.lower()) < MIN_PART_ZIPF):
            continue  # "Qur’an", "Ta’if": an apostrophe inside a name; or an address
        opened = text.rfind("‘", max(0, start - 300), start)
        if opened < 0 or "\n" in text[opened:start] or _CLOSER.search(text, opened, start):
            continue
        yield Hit(start + 1, start + 1, (" ",), message="No space after the closing “’”.")


def _opens_closed_quote(doc: Document, offset: int, closer: str = "”") -> bool:
    """True when a quotation starts at `offset` and is closed by `closer` in its paragraph."""
    for quote in doc.quotes:
        if quote.start == offset:
            return doc.text[quote.end - 1] == closer
        if quote.start > offset:
            break
    return False


def _closes_quote(doc: Document, offset: int) -> bool:
    """True when the mark at `offset` ends a quotation of its paragraph, and the straight marks after it
    in the paragraph pair up among themselves (an odd one out may close a quotation this mark opens:
    `He said,"Grow up."`)."""
    paragraph = doc.paragraph_at(offset)
    end = paragraph.end if paragraph is not None else len(doc.text)
    if doc.text.count('"', offset + 1, end) % 2:
        return False
    return any(quote.end - 1 == offset for quote in doc.quotes)


def _glued_phrase_opener(text: str, close: int, opener: str) -> int | None:
    """The offset of an opening bracket glued to a word before it, around a phrase of two or more
    words that starts with a capital ("They[Smith and Jones]"; not code, "max(a, b)"), or None."""
    opened = text.rfind(opener, max(0, close - 80), close)
    if opened < 1 or not text[opened - 1].isalpha() or not text[opened + 1 : opened + 2].isupper():
        return None
    inside = text[opened + 1 : close]
    return opened if " " in inside and "\n" not in inside and opener not in inside else None


def _bracket_closes_phrase(text: str, close: int, opener: str) -> bool:
    """True when the bracket at `close` ends a parenthesis opened before a space or at a line start."""
    opened = text.rfind(opener, max(0, close - 200), close)
    return opened >= 0 and close - opened > 2 and (opened == 0 or not text[opened - 1].isalnum())


# A sentence mark, spaces, a closing ” and a lower-case word glued to it, then the word after that.
_DETACHED = regex.compile(r"(?<=[,.!?])(?P<gap>[ \t]+)”(?P<first>\p{Ll}+)[ \t]+(?P<second>\p{L}+)")
_SUBJECTS = frozenset("he she they we i it".split())


def _check_detached_quote(doc: Document) -> Iterator[Hit]:
    text = doc.text
    verbs = reporting_verbs()
    for match in _DETACHED.finditer(text, timeout=timeout_for(text)):
        first, second = match.group("first"), match.group("second")
        if first in verbs or (first in _SUBJECTS and second.lower() in verbs):
            yield Hit(match.start("gap"), match.end("gap") + 1, ("” ",),
                      message=f"The closing ” is spaced off its sentence and glued to “{first}”.")

