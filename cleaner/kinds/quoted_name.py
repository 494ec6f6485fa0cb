"""`quoted-name`: quotation marks around a plain proper name (a titled person, an agency, a paper).

Russian, Arabic, Thai and Chinese write the names of agencies, newspapers, companies and parties,
and often a leader's customary name, inside quotation marks (агентство «Интерфакс»); translation
keeps the marks, so English copy reads `reports “Interfax”` or `the kindness of “King Rama 10”`.
A quoted span of one to four capitalised words (digits allowed) is reported when the article gives
evidence that it is a name used as a plain noun phrase, not a title or a nickname coined on the spot:

- the same words stand elsewhere in the article without quotation marks (“General Prayut” ...
  General Prayut Chan-ocha), unless every word is a common English word (“Big Bang”: a term or
  scare quotes);
- the span opens with a title from the rule's `titles` (King, General, President ...), so it names a person;
- an institution noun (rules/data/institutions.yaml: agency, company, party ..., or one of the
  rule's `media`: newspaper, channel ...) stands right before
  the opening mark, or the span is the speaker of an inverted attribution after a quotation
  (`…,” reports “Interfax”`);
- the span is a news outlet (two or more words ending in one of the rule's `outlets`: Times, Journal,
  Shimbun ..., or a media name of rules/data/organisation-calques.yaml) in a reporting frame: a
  country, nationality, "the", "according to" or another outlet and a comma before it, and a reporting
  verb (after at most one adverb), a media noun, or the rest of a list of outlets after it
  (`The U.S. "Wall Street Journal" reported`, `Asahi Shimbun, "Nikkei Shimbun" and other media`).
  A headline ("Times Are Changing") does not end in an outlet word; a coined label lacks the frame.

A span after a naming word ("so-called", "dubbed", "titled": `options.introducers`) is left alone,
and so is one that opens with a function word (“The Joust”, “In Bruges”): a title.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement
from cleaner.wordclass import function_words, reporting_verbs

KIND = "quoted-name"
OPTIONS = (
    Option("titles", STRINGS, "Titles that make the quoted words a person's name (King, General, President).", required=True),
    Option("media", STRINGS, "Nouns for papers, channels and sites, added to the institution nouns (newspaper, channel).", default=()),
    Option("outlets", STRINGS, "Last words of news outlets' names (Times, Journal, Shimbun, Agency).", default=()),
    Option("nations", STRINGS, "Country abbreviations that can stand before an outlet (U.S., UK).", default=()),
    Option("introducers", STRINGS, "Words that coin or cite a name, after which quotation marks are right (dubbed, titled).", default=()),
)
REPLACEMENT = Replacement.NONE

# TeX-style marks (``Name'') count too, so the safe fix that curls them does not bring a new finding.
_SPAN = regex.compile(
    r"(?:[“\"«]|``|‘‘)(?P<name>(?:\p{Lu}[\p{L}’'-]*|\p{N}+)(?:[ \t]+(?:\p{Lu}[\p{L}’'-]*|\p{N}+)){0,3})(?:[”\"»]|''|’’)"
)
_WORD_BEFORE = regex.compile(r"(?P<mark>[,”\"][ \t]*)?(?<![\p{L}’'-])(?P<word>[\p{L}-]+)[ \t]+$")
_LOOKBACK = 60
_TOKEN_BEFORE = regex.compile(r"(?P<token>[\p{L}.’'-]+|,)[ \t]*$")
_TOKENS_AFTER = regex.compile(r"[ \t]*(?P<one>[\p{L}’'-]+|,)(?:[ \t]+(?P<two>[\p{L}’'-]+))?")
_ADVERBS = frozenset({"also", "first", "again", "further", "previously", "earlier", "recently", "once", "has",
                      "had", "have", "then", "later"})
_FOLLOWERS = frozenset({"report", "reports", "reporting", "article", "website", "newspaper", "editorial",
                        "interview", "column", "commentary"})
_FRAME_BEFORE = frozenset({"the", "to", "by", "from", "told", "citing", "cited", "in"})


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the titles, introducers and institution nouns once and return the checker."""
    titles = frozenset(rule.options["titles"])
    introducers = frozenset(w.lower() for w in rule.options["introducers"])
    institutions = frozenset(gazetteer.load("institutions").get("nouns", ())) | frozenset(rule.options["media"])
    closed, verbs = function_words(), reporting_verbs()
    outlet = _outlet_test(rule)

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if not any(mark in text for mark in "“\"«`‘"):
            return
        for match in _SPAN.finditer(text):
            name = match.group("name")
            words = name.split()
            if words[0].lower() in closed or not any(w[0].isalpha() for w in words):
                continue
            before = _WORD_BEFORE.search(text, max(0, match.start() - _LOOKBACK), match.start())
            word = (before.group("word") or "").lower() if before else ""
            if word in introducers:
                continue
            attributed = word in verbs and before is not None and before.group("mark") is not None
            if (words[0] in titles and len(words) > 1) or word in institutions or attributed \
                    or outlet(text, match.start(), match.end(), name) \
                    or _written_plain(doc, name, match.start(), match.end()):
                yield Hit(match.start(), match.end())

    return check


def _media_names() -> list[str]:
    """The names of the media the organisation table lists, kept in the compiled cache (keyed by the
    table's file): reading the whole table for them cost about 2 ms of each start."""
    path = gazetteer.data_path("organisation-calques")
    return compiled_cache.derived("media_names", [str(path)], lambda: sorted(
        row["name"] for row in gazetteer.load("organisation-calques").get("organisations", ()) if "media" in row.get("sector", ())),
        files=[path])


def _outlet_test(rule: Rule) -> Callable[[str, int, int, str], bool]:
    """Return a test: is the quoted name a news outlet in a reporting frame?"""
    ends = frozenset(rule.options["outlets"])
    abbreviations, places, demonyms = frozenset(rule.options["nations"]), lexicon.places(), lexicon.demonyms()

    def nations(word: str) -> bool:
        # Three lookups, not one union: copying the 12,000 places into a new set cost a millisecond of each start.
        return word in abbreviations or word in places or word in demonyms

    listed = frozenset(_media_names())
    verbs = reporting_verbs() | _FOLLOWERS

    def framed_before(text: str, start: int) -> bool:
        """A country, nationality, "the", a reporting preposition, or an outlet and a comma."""
        token = _TOKEN_BEFORE.search(text, max(0, start - _LOOKBACK), start)
        if token is None:
            return False
        word = token.group("token")
        if word == ",":
            prior = _TOKEN_BEFORE.search(text, max(0, token.start() - _LOOKBACK), token.start())
            return prior is not None and prior.group("token") in ends
        bare = regex.sub(r"[’']s$", "", word)
        return word.lower() in _FRAME_BEFORE or nations(bare) or nations(bare.rstrip("."))

    def framed_after(text: str, end: int) -> bool:
        """A reporting verb (after at most one adverb), a media noun, or more of a list of outlets."""
        after = _TOKENS_AFTER.match(text, end, min(len(text), end + _LOOKBACK))
        if after is None:
            return False
        one, two = after.group("one"), after.group("two") or ""
        if one.lower() in verbs or (_adverb(one) and two.lower() in verbs):
            return True
        return (one == "," or one == "and") and (two[:1].isupper() or two == "other")

    def test(text: str, start: int, end: int, name: str) -> bool:
        words = name.split()
        is_outlet = name in listed or (len(words) > 1 and words[-1] in ends)
        return is_outlet and framed_before(text, start) and framed_after(text, end)

    return test


def _adverb(word: str) -> bool:
    """A lower-case adverb or auxiliary that may stand between a subject and its reporting verb."""
    return word in _ADVERBS or (word.islower() and word.endswith("ly") and len(word) > 4)


def _written_plain(doc: Document, name: str, start: int, end: int) -> bool:
    """True when the name stands elsewhere in the article outside quotation marks.

    Words that are all common English words (“Big Bang”) are a term or scare quotes, not evidence.
    """
    if all(w.lower() in lexicon.lowercase_words() for w in name.split() if not w.isdigit()):
        return False
    text, at = doc.text, doc.text.find(name)
    while at >= 0:
        edge_before = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'“\"«-")
        after = at + len(name)
        edge_after = after == len(text) or not (text[after].isalnum() or text[after] in "”\"»-")
        if edge_before and edge_after and not start <= at < end and not doc.in_quote(at):
            return True
        at = text.find(name, at + 1)
    return False
