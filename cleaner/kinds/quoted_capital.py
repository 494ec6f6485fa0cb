"""`quoted-capital`: a quotation woven into a sentence that starts with a capital it does not need.

A partial quotation continues the sentence around it, so it starts in lower case: `called for “a
new start”`. Engines that translate the quoted words on their own capitalise them: `pleaded for a
“Steady hand” at the treasury`, `for “Steering the county towards calm”`. The kind reports a
capitalised common word right after an opening quotation mark when a lower-case word other than
an attribution verb stands before the mark (so the quotation is part of the sentence, not a quoted
sentence after "said"), and no other capitalised word but a place or a name follows inside the
quotation (so it is not a title: “Stop the Boats”, “Operation Sunrise”, “Republic of China”).
"""

from __future__ import annotations

from typing import Callable, Container, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._capital_runs import capitalised_words, is_title_case
from cleaner.kinds._part_of_speech import is_adjective
from cleaner.model import Hit, Rule
from cleaner.schema import Replacement
from cleaner.wordclass import function_words, reporting_verbs

KIND = "quoted-capital"
OPTIONS = ()
REPLACEMENT = Replacement.COMPUTED

# The opening mark with a space before it, or glued to the word before when an engine dropped the space
# ("warned of“Serious losses”"): a glued straight mark must open a paired quotation (it may close one).
# The word before may be a possessive ("the minister’s “Emergency decree”"), or capitalised when the mark is glued
# to it ("the Korean“Martial law” decree"). A quotation of one word (group `single`: `described as “Chaotic”,`) counts
# only in the places `_single_word` allows.
_OPENING = regex.compile(
    r"(?<=(?<![\p{L}’'-])(?P<before>\p{L}\p{Ll}*(?P<possessive>[’'](?:s(?![\p{L}]))?)?)(?P<gap>[ \t]*))[“\"‘]"
    r"(?P<word>\p{Lu}\p{Ll}+)(?:(?=[ \t]+\S)|(?P<single>(?=[”\"’](?:[,.;:!?)]|[ \t]|$))))")
# Verbs and nouns that introduce a whole quoted text rather than weave a fragment into the sentence.
_CAPITALISED = regex.compile(r"(?<![\p{L}’'-])\p{Lu}\p{Ll}+")
_NAME_LINK = regex.compile(r"[ \t]+(?:of|the|and|for|de|del|di|la|le)[ \t]+\p{Lu}")
_NEXT_CAPITAL = regex.compile(r"[ \t]+(\p{Lu}\p{L}*)")
# Nouns that name a titled piece of text ("under the heading “Fresh catches”") introduce its title.
# Words after which a lone quoted adjective is a quoted judgement, not a title: "described as “Chaotic”",
# "called it “Absurd”" is left out (naming); "as" and "it" only when no naming verb stands before them.
_SINGLE_BEFORE = frozenset("as very so too quite rather deemed seemed seems looked looks sounded sounds felt "
                           "remained remains became extremely truly utterly simply absolutely it them".split())
_NAMING = frozenset("known billed branded rebranded released published named renamed dubbed nicknamed christened "
                    "titled entitled marketed sold listed registered styled launched credited reissued called "
                    "call calls calling name names naming".split())
_ADJECTIVE_ENDINGS = ("able", "ible", "ous", "ful", "less")
# Nouns that, right after the closing mark, name the quoted words as a work or a label: the paper’s “Letters
# from the coast” column, the “Think local” campaign.
_WORK_AFTER = regex.compile(
    r"[”\"’][ \t]+(?:column|campaign|slogan|motto|series|show|programme|program|podcast|film|movie|book|novel|"
    r"album|song|single|track|play|musical|exhibition|blog|newsletter|section|headline|hashtag|tour|app|brand|"
    r"label|magazine|rubric|segment|strip|feature|banner|sign|poster)(?![\p{L}-])")
_INTRODUCERS = frozenset("reads read titled entitled headlined called named dubbed slogan motto sign banner that "
                         "heading headline title column section rubric caption hashtag theme".split())


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    return _check


def _title_inside(text: str, start: int, names: Container[str]) -> bool:
    """True when another capitalised word, not a place or a name, follows inside the quotation: a title."""
    end = min((text.find(mark, start) for mark in "”\"’" if text.find(mark, start) >= 0), default=-1)
    quoted = text[start : end if 0 <= end - start <= 200 else start + 200]
    if _NAME_LINK.match(quoted):
        return True  # "Republic of China", "Bank of Japan": a name, whatever follows
    following = _NEXT_CAPITAL.match(quoted)
    if following and following.group(1) not in lexicon.places():
        return True  # "Freedom Day", "Operation Sunrise"; but "Steering Norway ahead" goes on
    return any(w not in names for w in _CAPITALISED.findall(quoted))


def _named_work_after(text: str, start: int) -> bool:
    """True when a noun naming a work or a label follows the quotation's closing mark ("“Letters from the coast” column")."""
    end = min((text.find(mark, start) for mark in "”\"’" if 0 <= text.find(mark, start) - start <= 200), default=-1)
    return end >= 0 and _WORK_AFTER.match(text, end) is not None


def _opens(doc: Document, offset: int) -> bool:
    """True when the glued mark at `offset` opens a quotation: a curly opener, or a straight mark that starts a pair."""
    return doc.text[offset] != '"' or (doc.in_quote(offset) and doc.in_quote(offset + 1) and not doc.in_quote(offset - 1))


def _single_word(text: str, match: regex.Match[str]) -> bool:
    """True when a lone quoted word is a judgement woven into the sentence: an adjective after "as", a linking
    verb or an intensifier, with no naming verb before "as", "it" or "them" ("known as “Lucky”")."""
    low, before = match.group("word").lower(), match.group("before")
    if before not in _SINGLE_BEFORE or not (is_adjective(low) or low.endswith(_ADJECTIVE_ENDINGS)):
        return False
    # up to three words back: "released her album as “Happy”"
    previous = _WORD.findall(text, max(0, match.start("before") - 40), match.start("before"))[-3:]
    return not any(word.lower() in _NAMING for word in previous)


_WORD = regex.compile(r"\p{L}+")


def _check(doc: Document) -> Iterator[Hit]:
    skip = capitalised_words()  # built once per process
    verbs = reporting_verbs()
    for match in _OPENING.finditer(doc.text):
        word, before = match.group("word"), match.group("before")
        if not match.group("gap") and not _opens(doc, match.start()):
            continue
        if before[0].isupper() and (match.group("gap") or match.group("possessive") is not None):
            continue  # a name or a sentence's first word before a spaced mark: "Stephen King’s “Misery”"
        if match.group("possessive") is not None and match.group("single") is not None:
            continue  # "the band’s “Thriller”": one word after a possessive is as likely a title
        if match.group("single") is not None and not _single_word(doc.text, match):
            continue
        if before in verbs or before in _INTRODUCERS or word in skip or not is_title_case(word):
            continue
        low = word.lower()
        if doc.in_heading(match.start()) or lexicon.zipf(low) < 3.0 or low in function_words():
            continue
        if low not in lexicon.lowercase_words():
            continue  # not a word the dictionary writes in lower case: a coinage or a name ("Covid")
        if _title_inside(doc.text, match.end("word"), skip) or _named_work_after(doc.text, match.end("word")):
            continue
        vocabulary = doc.vocabulary
        if vocabulary.capitalised[word] > 1 and word.lower() not in vocabulary.lower:
            continue  # the article always capitalises it: a house style ("Covid", "Brexit")
        yield Hit(match.start("word"), match.end("word"), (word.lower(),),
                  message=f"“{word}” opens a quotation woven into the sentence; it takes a lower-case letter.")
