"""`stray-capital`, form `function-word`: a closed-class word capitalised mid-sentence ("when Both parties").

What counts is in the kind's docstring (stray_capital.py). The hits are found once per document:
the common-word form weighs them as evidence too.
"""

from __future__ import annotations

import functools
from typing import Iterator

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._capital_place import before_place
from cleaner.kinds._capital_runs import MINOR, in_title_run, is_content_capital, name_words
from cleaner.kinds._part_of_speech import DETERMINERS, is_adjective
from cleaner.kinds._quotes import opening_marks
from cleaner.kinds._sentence_position import DASHES, gap_before, mid_sentence, next_joined
from cleaner.kinds._sino_reading import _SYLLABLE  # one pinyin syllable: Liu, Wang, Zhang
from cleaner.kinds.missing_stop import claimed_capitals
from cleaner.model import Hit, Safety
from cleaner.wordclass import MONTHS, WEEKDAYS, function_word_groups, function_words, reporting_verbs

# Closed-class words that are also common names or titles on their own (Will Smith, Can Dündar, The Who).
NAME_LIKE = frozenset({"will", "may", "can", "who", "us", "i", "mine"})
_SUBJECTS = frozenset("i we you he she it they this there".split())
# Subjects that open a clause; after a capitalised word with a verb next they mark a lost sentence break.
_CLAUSE_SUBJECTS = frozenset("we he she it they there".split())
_DEMONSTRATIVE_SUBJECTS = frozenset("this".split())
# Words that stand before the article "a" and never before a letter or grade: "such a", "quite a".
_PREDETERMINERS = frozenset("such quite rather what half".split())


def _after_semicolon(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when only a semicolon and blanks stand between word i and a lower-case word: "Harris; For the".

    A subject pronoun there ("cuttings; We can") counts only when a lower-case word follows it (its
    verb: a clause, not a title's "We Are the World") and not in a heading; "I" never counts.
    """
    if i == 0 or words[i].text == "I":
        return False
    if words[i].text.lower() in _SUBJECTS and not _clause_after_semicolon(doc, words, i):
        return False
    return gap_before(doc, words, i) == ";" and words[i - 1].text[-1:].islower() \
        and "\n" not in doc.text[words[i - 1].end : words[i].start]


def _clause_after_semicolon(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a subject after a semicolon has a lower-case word after it, outside a heading."""
    nxt = next_joined(doc, words, i)
    return (nxt is not None and nxt.text[:1].islower() and nxt.text[:1].isalpha()
            and not doc.in_heading(words[i].start))


def _semicolon_hit(doc: Document, words: tuple[Word, ...], i: int, safety: Safety | None) -> Hit:
    """The hit for a capital after a semicolon: the semicolon and the word, which an editor fixes together.

    Translation from languages that chain sentences with semicolons (Chinese, Amharic) keeps the
    capital of the next sentence. A subject with its verb starts a clause: a full stop is as right as
    a lower-case word, so both are offered and neither is applied. Another closed-class word is
    lowered ("; for the rest"), as before.
    """
    word = words[i]
    semi = doc.text.rfind(";", words[i - 1].end, word.start)
    sep = doc.text[semi + 1 : word.start]
    low = word.text.lower()
    if low in _SUBJECTS:
        return Hit(semi, word.end, ("." + sep + word.text, ";" + sep + low), safety=Safety.SUGGEST,
                   message=f"A semicolon joins a new sentence: “{word.text}” keeps its capital; "
                           "use a full stop, or lower-case the word.")
    return Hit(semi, word.end, (";" + sep + low,), safety=safety,
               message=f"“{word.text}” is capitalised after a semicolon.")


def _before_date(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i stands before a year, a month and a day, or (a preposition) before a weekday or a month alone.

    "Strategy In February 2020", "to the Senate On Friday, June 9", "the KRRiT On Monday, after",
    "passed the Sejm In March and": no name or title goes on through a date. A day or month that a
    capitalised word follows may be a name's ("On Monday Night Football"), and one in a quotation a
    quoted title's ("‘Never On Sunday’"): both are left alone.
    """
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None or doc.text[words[i].end : nxt.start].strip():
        return False
    if nxt.text.isdigit() and len(nxt.text) == 4:
        return True
    after = words[i + 2] if i + 2 < len(words) else None
    if nxt.text in MONTHS and after is not None and after.text.isdigit():
        return True
    if nxt.text not in WEEKDAYS | MONTHS or words[i].text.lower() not in function_word_groups()["prepositions"]:
        return False
    if doc.in_quote(words[i].start):
        return False  # a quoted title may run through a day ("‘Never On Sunday’"); a year or a date it does not
    if after is None or doc.text[nxt.end : after.start].strip():
        return True  # the end of the text, or a mark after the day: "On Friday, June 9", "In March."
    return after.text[:1].islower() or after.text[:1].isdigit() or after.text in MONTHS


def function_word_hits(doc: Document) -> Iterator[Hit]:
    """The function-word form's hits."""
    # The common-word form weighs these hits too: found once per document for both rules.
    return iter(doc.shared("function-word-capitals", lambda d: tuple(_find_function_words(d))))


def _find_function_words(doc: Document) -> Iterator[Hit]:
    words = doc.words
    capitals = _function_capitals()
    claimed = claimed_capitals(doc)  # a lost full stop before a clause is the missing-stop kind's (PU138)
    for i in words.where(capitals | {"A"}):
        word = words[i]
        if word.text == "A" and _stray_article(doc, words, i):
            yield Hit(word.start, word.end, ("a",), message="“A” is capitalised in the middle of a sentence.")
            continue
        if word.text not in capitals or word.start in claimed:
            continue
        low = word.text.lower()
        if not (mid_sentence(doc, words, i) or _after_semicolon(doc, words, i)) or _abbreviation(doc, word):
            continue
        # Inside a run of capitals, only a preposition before a date ("Strategy In February") is surely
        # lower case; a run breaker is offered lower case only: the run may be a name translated word by
        # word ("United We Can"), and lowering one word would leave the rest looking like stray capitals.
        doubtful = in_title_run(doc, words, i) and not _before_date(doc, words, i)
        if doubtful and not (_run_breaker(doc, words, i) or before_place(doc, words, i)):
            continue
        gap = gap_before(doc, words, i)
        if gap == "," and low in _SUBJECTS:
            continue  # "so dazzling, We can see": a comma splice, not a stray capital; ”, He said is kept
        if gap == "," and words[i - 1].text in reporting_verbs():
            continue  # "the analyst said, The market will": an unmarked quotation starts with its capital
        if _opens_quotation(doc, words, i):
            continue  # "says,” We have arrested": a closing glyph that opens the quotation; its first word keeps its capital
        if gap[-1:] in DASHES and _clause_after_dash(doc, words, i):
            continue  # "the detective service – This man confessed": a new sentence after a dash, its stop lost
        safety = Safety.SUGGEST if doubtful else None
        if gap == ";":
            yield _semicolon_hit(doc, words, i, safety)
            continue
        yield Hit(word.start, word.end, (low,), message=f"“{word.text}” is capitalised in the middle of a sentence.",
                  safety=safety)


def _opens_quotation(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a double quotation mark before word i opens a quotation, whatever its glyph (the quotation scanner's reading)."""
    start = words[i - 1].end if i else 0
    gap = doc.text[start : words[i].start]
    if not any(mark in gap for mark in "“”\"„"):
        return False
    openers = opening_marks(doc)
    return any(start + offset in openers for offset, char in enumerate(gap) if char in "“”\"„")


def _clause_after_dash(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a subject pronoun or a demonstrative after a dash has a verb after it: a clause, not a stray.

    "maybe some without - They don't belong", "the service – This person confessed": the writer (or
    the engine) started a sentence after the dash; the capital is its own, and lowering it would hide
    the lost full stop. A preposition or an article after a dash stays a stray ("meetings – On a basis").
    """
    low = words[i].text.lower()
    if low not in _SUBJECTS or low == "i":
        return False
    nxt = next_joined(doc, words, i)
    if nxt is None or not nxt.text[:1].islower():
        return False
    if low in _DEMONSTRATIVE_SUBJECTS:  # "This person confessed": a noun, then a verb
        nxt = next_joined(doc, words, i + 1) or nxt
    verb = nxt.text.split("’")[0].split("'")[0]
    return verb in _clause_verbs_table() or verb in reporting_verbs() or (verb.endswith("ed") and len(verb) > 4) \
        or "’" in nxt.text or "'" in nxt.text


def _stray_article(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for the article "A" mid-sentence after a lower-case word and before an adjective with its noun
    ("keep A complete victory") or after a predeterminer ("such A record").

    The letter "A" names a grade, a group or a key after a noun ("Group A", "vitamin A", "type A"),
    and none of those is followed by an adjective and a noun in lower case, nor preceded by "such".
    """
    if not (0 < i < len(words) - 2) or not mid_sentence(doc, words, i):
        return False
    prev, nxt, after = words[i - 1], words[i + 1], words[i + 2]
    if not prev.text.islower() or prev.text in DETERMINERS or prev.text == "an":
        return False
    if doc.text[words[i].end : nxt.start] != " " or not nxt.text.isalpha() or not nxt.text.islower():
        return False
    if prev.text in _PREDETERMINERS:
        return nxt.text not in function_words()
    if not (is_adjective(nxt.text) and doc.text[nxt.end : after.start] == " " and after.text.islower()
            and after.text.isalpha() and after.text not in function_words() and lexicon.zipf(after.text) >= 3.0):
        return False
    # "watch the dunes A strong gale can move": a subject with its verb after it is a lost sentence break.
    then = words[i + 3].text if i + 3 < len(words) else ""
    return then not in _clause_verbs_table()


@functools.lru_cache(maxsize=1)
def _clause_verbs_table() -> frozenset[str]:
    groups = function_word_groups()
    return frozenset(groups["auxiliaries"] | groups["adverbs"])


def _run_breaker(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised closed-class word inside a capitalised run starts a clause or joins two names.

    A subject with its verb ("Nanning City There were heavy rains": a lost full stop) or a
    coordinator between two full names ("Antonio Tajani And Matteo Salvini") is not a title's word:
    titles capitalise the verb too ("And Then There Were None"), and one-word pairs ("Marks And
    Spencer", "Bosnia And Herzegovina") are left alone.
    """
    low = words[i].text.lower()
    if low in _CLAUSE_SUBJECTS:
        return _subject_after_name(doc, words, i)
    if low in ("and", "or"):
        if name_words(doc, words, i, -1) >= 2 and name_words(doc, words, i, 1) >= 2:
            return True
    return _ends_run_before_lower(doc, words, i) or _before_demonym_noun(doc, words, i) \
        or _opens_name_after_comma(doc, words, i)


def _opens_name_after_comma(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised preposition, conjunction or determiner after a comma leads through a minor word
    into a name the dictionary never writes in lower case ("in the region, Such as Sahel", "won, For the Ferris").

    Engines that cut a sentence at its commas capitalise each piece; the name after the minor word makes the
    piece look like a title. A title that opens with such a word names common things ("For the Love of Money",
    "Into the Woods"), so every capitalised word after the minor words must be missing from the lower-case
    dictionary. Articles stay with a name ("the paper, The Times") and are never counted.
    """
    if gap_before(doc, words, i) != "," or not words[i - 1].text[-1:].islower():
        return False
    if words[i].text.lower() not in _comma_openers():
        return False
    j, minors = i, 0
    while (nxt := next_joined(doc, words, j)) is not None and nxt.text in MINOR and minors < 2:
        j, minors = j + 1, minors + 1
    if not minors:
        return False
    names = 0
    while (nxt := next_joined(doc, words, j)) is not None and nxt.text[:1].isupper() and names < 4:
        if nxt.text.lower() in lexicon.lowercase_words() or nxt.text.lower() in function_words():
            return False
        j, names = j + 1, names + 1
    return names > 0


@functools.lru_cache(maxsize=1)
def _comma_openers() -> frozenset[str]:
    """Closed-class words that open a clause or a phrase, not a name: prepositions, conjunctions, determiners."""
    groups = function_word_groups()
    return frozenset(groups["prepositions"] | groups["conjunctions"] | groups["determiners"])


def _before_demonym_noun(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when an article or determiner is followed by a nationality and a lower-case noun.

    "playing The Japanese team": a nationality adjective qualifying a common noun makes no
    title, which would capitalise the noun too ("The Japanese House" is left alone).
    """
    if words[i].text.lower() not in function_word_groups()["articles"] | DETERMINERS:
        return False
    nationality = next_joined(doc, words, i)
    if nationality is None or nationality.text not in lexicon.demonyms():
        return False
    noun = next_joined(doc, words, i + 1)
    return (noun is not None and noun.text.islower() and len(noun.text) > 2
            and noun.text not in function_words() and lexicon.zipf(noun.text) >= 3.0)


def _subject_after_name(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised subject pronoun follows a capitalised word and a verb follows it.

    "Olaf Schulz He won", "Meloni She spoke": a title capitalises its verb, so a lower-case word
    after the pronoun that is a verb or a content word marks a lost sentence break or a doubled
    subject. "He" and "She" are also Chinese family and given names ("Liu He said"): after a
    single pinyin syllable they are left alone.
    """
    nxt, prev = next_joined(doc, words, i), words[i - 1]
    if nxt is None or not prev.text[:1].isupper() or prev.text.endswith(("’s", "'s")):
        return False  # "Stephen King's It was filmed": a title after a possessive
    if words[i].text in ("He", "She") and _SYLLABLE.fullmatch(prev.text.lower()):
        return False
    if nxt.text in function_word_groups()["auxiliaries"] | reporting_verbs():
        return True
    return (nxt.text.islower() and len(nxt.text) > 2 and nxt.text not in function_words()
            and lexicon.zipf(nxt.text) >= 3.0)


def _ends_run_before_lower(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when the capitalised run stops at word i and a lower-case content word follows it.

    A title capitalises its content words, so "Democrat Party And coming out" is no title: the
    run "Democrat Party" is a name and "And" starts the sentence's own words. Only a title's minor
    words (the, of, a ...) may follow in lower case, so "Gerard Piqué If not" is no title either.
    """
    nxt = next_joined(doc, words, i)
    if nxt is None or not nxt.text.islower() or len(nxt.text) < 2 or nxt.text in MINOR:
        return False
    prev = words[i - 1]
    if prev.text.endswith(("’s", "'s")):
        return False  # "Pixar's Up was a hit": a title after a possessive
    return not doc.text[prev.end : words[i].start].strip() and is_content_capital(prev)


@functools.lru_cache(maxsize=1)
def _function_capitals() -> frozenset[str]:
    """Capitalised closed-class words ("The", "In", "Both"); not "A" (a letter, a grade) or name-like ones."""
    return frozenset(w.capitalize() for w in function_words() - NAME_LIKE if len(w) > 1)


def _abbreviation(doc: Document, word: Word) -> bool:
    """"No. 10", "No 10": the abbreviation of number, not the word no."""
    rest = doc.text[word.end : word.end + 3]
    return word.text == "No" and (rest[:1] == "." or rest.lstrip()[:1].isdigit())
