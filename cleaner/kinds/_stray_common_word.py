"""`stray-capital`, form `common-word`: a common word capitalised mid-sentence ("in its Weekly bulletin").

What counts is in the kind's docstring (stray_capital.py). Each candidate carries its evidence:
strong enough alone, weak (it needs a surer stray or two more weak ones in its paragraph), or none
of its own (it needs a surer stray in its sentence).
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._capital_compound import compound_candidates
from cleaner.kinds._capital_runs import capitalised_words, in_title_run, name_words
from cleaner.kinds._part_of_speech import (DETERMINERS, NOT_NOUN_ENDINGS, adjective_before_noun, verb_after_office,
                                          verb_form_with_complement)
from cleaner.kinds._ragged_name import ragged_words
from cleaner.kinds._sentence_position import gap_before, mid_sentence, next_joined
from cleaner.kinds._stray_function_word import function_word_hits
from cleaner.kinds.missing_stop import claimed_capitals, missing_stop_hits
from cleaner.model import Hit, Safety
from cleaner.wordclass import function_words, reporting_verbs

# The prefilter of the common-word form: a Capitalised word of three letters or more right after a lower-case
# one or a number ("approved 14 Regular meetings"), or after a comma that follows one (where only an adverb in -ly is taken: see _after_comma_adverb).
_CAPITAL_AFTER_LOWER = regex.compile(r"(?<=[\p{Ll}\p{Nd}](?P<quote>[”’\"])?(?:[ \t]{1,3}|[ \t]{0,2},[ \t]{1,3}))\p{Lu}\p{Ll}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\p{N}’'-])")
# A word of a quoted title: letters, an inner apostrophe or hyphen.
_TITLE_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'-]*")
# Lower-case particles inside personal names: "Saud bin Sultan", "Charles de Gaulle", "Vincent van Gogh".
_PARTICLES = frozenset("bin ibn bint ben al el da de del della der di du dos das van von".split())
_OBJECT_OPENERS = frozenset("a an the its their our his her my your".split())
# Fixed adverbial phrases of a preposition and a noun or adjective ("in general", "of course", "at least"):
# a closed class of English idioms. The second word capitalised after its lower-case preposition is a
# source-language capital ("and in General, probably"), unless a capitalised word follows it (a title:
# "Innovation in Public Services") or precedes the preposition ("News in Brief").
_ADVERBIAL_PHRASES = frozenset(tuple(p.split()) for p in (
    "in general", "in particular", "of course", "at least", "at most", "in fact", "for example", "for instance",
    "in short", "in addition", "in advance", "in principle", "in practice", "in reality", "in contrast",
    "in total", "in detail", "in turn", "in vain", "in person", "on average", "at first", "at last", "at once",
    "at all", "as well", "so far", "by far", "by chance", "at present", "on purpose", "at random", "to date",
    "in return", "in brief", "in public", "in private", "in response"))
# The most often edited English may capitalise a word mid-sentence for a capital on it to be a stray by
# itself (lexicon.capital_rate: "status" 0 of 243 uses, "planning" 16 of 331 is too often). After "the",
# where house styles write short names the corpus never saw ("the Opposition", "the Movement"), it is
# weak evidence: the word then needs a surer stray or two more weak ones in its paragraph.
_RATE = 0.02
# A full stop and a letter after a word: a domain name ("News.ro").
_DOMAIN = regex.compile(r"\.\p{L}")
_OWNERS = frozenset("a an its their our his her my your".split())


def common_word_hits(doc: Document, min_zipf: float = 3.0) -> tuple[Hit, ...]:
    """The common-word form's hits, found once per document (the comma-capital kind leaves them to it)."""
    return doc.shared(f"common-word-capitals:{min_zipf}", lambda d: tuple(_check_common_words(d, min_zipf)))


def _check_common_words(doc: Document, min_zipf: float) -> Iterator[Hit]:
    words = doc.words
    evidence = Evidence(doc)
    candidates = list(_common_word_candidates(doc, evidence, min_zipf))
    candidates.extend((i, True) for i in compound_candidates(doc, lambda words, i: _compound_skipped(doc, evidence, words, i)))
    candidates.sort()
    if not candidates:
        return
    # A paragraph with a surer stray capital in it, or three weaker ones, has lost its capitals wholesale.
    sure = Counter(doc.paragraph_at(words[i].start) for i, strong in candidates if strong)
    # A capital PU138 reports as a lost full stop (once CA102's) is evidence of careless capitals too.
    # Not a run breaker only suggested lower case: "United We Can" may be a party's name translated word by word.
    others = (*(hit for hit in function_word_hits(doc) if hit.safety is not Safety.SUGGEST), *missing_stop_hits(doc))
    sure.update(doc.paragraph_at(hit.end - 1) for hit in others)
    weak = Counter(doc.paragraph_at(words[i].start) for i, strong in candidates if strong is False)
    # A word that needs company counts beside a surer stray capital in its own sentence.
    sure_sentences = {doc.sentence_at(words[i].start) for i, strong in candidates if strong}
    sure_sentences.update(doc.sentence_at(hit.end - 1) for hit in others)
    for i, strong in candidates:
        word = words[i]
        para = doc.paragraph_at(word.start)
        if strong is None:
            if doc.sentence_at(word.start) in sure_sentences:
                yield Hit(word.start, word.end, (word.text.lower(),), message=f"“{word.text}” is capitalised mid-sentence but is not a name.")
            continue
        if strong or sure[para] or weak[para] >= 3:
            yield Hit(word.start, word.end, (word.text.lower(),), message=f"“{word.text}” is capitalised mid-sentence but is not a name.")


def _common_word_candidates(doc: Document, evidence: Evidence, min_zipf: float) -> Iterator[tuple[int, bool | None]]:
    """The candidates below; after a number only those with strong evidence ("approved 14 Regular meetings"),
    since a number also heads model names and labels ("the 2 Series engine")."""
    words = doc.words
    for i, strong in _capital_candidates(doc, evidence, min_zipf):
        if strong or not words[i - 1].text[-1:].isdigit():
            yield i, strong


def _capital_candidates(doc: Document, evidence: Evidence, min_zipf: float) -> Iterator[tuple[int, bool | None]]:
    """Capitalised common words mid-sentence, each with whether the evidence is strong.

    None marks a word after a determiner that the article never writes in lower case ("the
    leaders of the Center"): it counts only beside a surer stray capital in its own sentence.
    """
    words = doc.words
    skip = capitalised_words()
    demonyms = lexicon.demonyms()
    claimed = claimed_capitals(doc)  # a lost full stop, PU138's
    ragged = ragged_words(doc)  # asked once, not once per capital
    for match in _CAPITAL_AFTER_LOWER.finditer(doc.text):
        text = match.group()
        if match.start() in claimed or text in skip or text in demonyms or text.endswith(("’s", "'s")):
            continue  # a possessive is a name's: "Spain’s", "Friday’s"
        if match.start() in ragged:
            continue  # "the Harbin City public Security bureau": the name's capital; the lower-case word is the stray
        low = text.lower()
        if low in function_words() or lexicon.zipf(low) < min_zipf or low not in lexicon.lowercase_words():
            continue
        i = doc.word_index(match.start())
        if not mid_sentence(doc, words, i):
            continue
        if _in_adverbial_phrase(doc, words, i):
            yield i, True  # "and in General, probably": an idiom's word, never a name
            continue
        # After a comma only a gerund with its object, and not after "said," (an unmarked quotation).
        comma = gap_before(doc, words, i) == ","
        verbal = verb_form_with_complement(doc, words, i) and not (comma and words[i - 1].text in reporting_verbs())
        if match.group("quote") and not verbal:
            continue  # after a closing quotation mark only a verb form: "“100 days” Released after the crisis"
        # A gerund that ends a capitalised run before its object is no title's word: "Minister of Defense
        # Giving an interview" (a title would capitalise "Interview"); a participle in -ed there may head one.
        # After a capitalised run only with its object, an article or a possessive: "Law Courts Building as he".
        gerund = verbal and low.endswith("ing") and words[i + 1].text in _OBJECT_OPENERS
        if not comma and not match.group("quote") and verb_after_office(doc, words, i) \
                and not _in_quoted_title(doc, match.start()):
            yield i, True  # "asked the Ministry of Tourism Find foreign bloggers": a lost segment break
            continue
        if comma and not gerund:
            verbal = False
        if (in_title_run(doc, words, i) and not gerund) or (not gerund and text in evidence.in_runs):
            continue
        if _beside_particle(doc, words, i):
            continue  # "Saud bin Sultan", "Sultan bin Mohammed", "Charles de Gaulle": a name's particle
        if _in_quoted_title(doc, match.start()):
            continue  # "the “Rules for Companies to be Listed”": a title quoted in Title Case
        if evidence.names(text, in_runs=False) and not gerund:  # a name takes no object: "Including the farms"
            # Capitalised several times and never in lower case: a name, or an article that capitalises the word
            # wherever it stands ("the public Including staff ... the area Including the time"); it counts only
            # beside a surer stray capital in its own sentence.
            if not _before_numeral(doc, words, i):
                yield i, None
            continue
        if _before_numeral(doc, words, i):
            continue  # a label: "Game 2", "Step 1", "District 7"
        if verbal:
            yield i, True  # "helping the people Experiencing a storm": participles are rarely names
            continue
        if gap_before(doc, words, i) == ",":
            if _after_comma_adverb(doc, words, i):
                yield i, True
            continue
        lower_elsewhere = evidence.written_lower(low)
        if adjective_before_noun(doc, words, i):
            yield i, True  # "hold Regular meetings", "won a Clear mandate": no name is an adjective
            continue
        if words[i - 1].text.lower() in DETERMINERS and not lower_elsewhere:
            # House styles capitalise short forms of institutions ("the Commission"), unless edited English
            # hardly ever capitalises the word after a lower-case word ("the Status of the dashboard").
            if _rarely_capitalised(doc, words, i, _RATE):
                yield i, words[i - 1].text.lower() != "the"  # "its Situation report"; "the Movement" may be a short name
            else:
                yield i, None
            continue
        yield i, lower_elsewhere or low.endswith(NOT_NOUN_ENDINGS) or _rarely_capitalised(doc, words, i, _RATE)


def _rarely_capitalised(doc: Document, words: tuple[Word, ...], i: int, limit: float) -> bool:
    """True when edited English capitalises word i mid-sentence at most `limit` of the time (casing.tsv),
    and nothing around it makes it part of a name: a capitalised compound or a number before it ("the
    24-Hour Service", "Go 5 Yards"), a name's possessive ("Radio 4’s Today programme"), or a domain
    ("News.ro")."""
    rate = lexicon.capital_rate(words[i].text.lower())
    if rate is None or rate > limit:
        return False
    prev = words[i - 1].text  # one word with its hyphens and possessive: "24-Hour", "4’s", "BBC’s"
    if prev[:1].isdigit() or any(ch.isupper() for ch in prev) or _DOMAIN.match(doc.text, words[i].end):
        return False
    # Before a lower-case content word the capital may be a name's with its class noun ("copies of Time
    # magazine", "shoppers at Target stores"), except after a possessive or an indefinite article, which
    # no such name takes ("its Situation report").
    nxt = next_joined(doc, words, i)
    if nxt is not None and nxt.text[:1].islower() and nxt.text not in function_words():
        return prev.lower() in _OWNERS
    return True


def _in_adverbial_phrase(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i closes a fixed adverbial phrase after its lower-case preposition ("in General", "of Course").

    Not when a capitalised word follows it or precedes the preposition: a title ("Innovation in Public
    Services", "News in Brief", "in General Motors").
    """
    if i < 2 or (words[i - 1].text, words[i].text.lower()) not in _ADVERBIAL_PHRASES or gap_before(doc, words, i):
        return False
    nxt = next_joined(doc, words, i)
    if nxt is not None and nxt.text[:1].isupper():
        return False
    before = words[i - 2]
    return not (before.text[:1].isupper() and not doc.text[before.end : words[i - 1].start].strip())


def _compound_skipped(doc: Document, evidence: Evidence, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised compound stands where a capital is normal or in a name or title ("Quarter-final Draw").

    Only capitals joined to it make a title: "the Quarter-finals of the Asian Cup" is the stage of a
    named event, and no name starts with a compound of common words before "of". Only after a
    determiner: a romanised given name may be two English words too ("met Won-bin at"), but no name
    follows "the" or "a".
    """
    word = words[i]
    if words[i - 1].text not in DETERMINERS:
        return True
    adjacent = name_words(doc, words, i, -1) or name_words(doc, words, i, 1)
    return (not mid_sentence(doc, words, i) or gap_before(doc, words, i) != "" or adjacent
            or evidence.names(word.text) or _beside_particle(doc, words, i) or _before_numeral(doc, words, i)
            or _in_quoted_title(doc, word.start) or word.start in claimed_capitals(doc))


def _in_quoted_title(doc: Document, offset: int) -> bool:
    """True when the offset lies in a short quotation whose content words are nearly all capitalised: a title
    ("“Regulations on the Supervision of Personnel in Companies to be Listed”"), whose capitals are its own.

    A quotation of speech has its content words in lower case; three capitalised content words and at most
    one in lower case make a title.
    """
    if not doc.in_quote(offset):
        return False
    i = bisect.bisect_right(doc.quotes, offset, key=lambda quote: quote.start) - 1
    span = doc.quotes[i]
    if span.end - span.start > 200:
        return False
    upper = lower = 0
    for token in _TITLE_WORD.findall(doc.text, span.start, span.end):
        if token.lower() in function_words():
            continue
        if token[:1].isupper():
            upper += 1
        else:
            lower += 1
    return upper >= 3 and lower <= 1


def _after_comma_adverb(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for an adverb in -ly capitalised after a comma ("the talks failed, Especially on trade").

    After a comma a capitalised word may be a name in apposition ("his ship, Serenity,"), so only
    an adverb counts, and not one that a comma closes again or that opens an unmarked quotation
    after "said,".
    """
    word = words[i]
    return (word.text.endswith("ly") and doc.text[word.end : word.end + 1] != ","
            and words[i - 1].text not in reporting_verbs())


def _beside_particle(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a lower-case particle of a personal name (bin, al, de, van ...) stands next to word i."""
    prev = words[i - 1].text if i else ""
    nxt = next_joined(doc, words, i)
    return prev in _PARTICLES or (nxt is not None and nxt.text in _PARTICLES)


def _before_numeral(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a number follows word i or an ordinal precedes it: a label ("Game 2", "District 7", "3rd Division")."""
    nxt = next_joined(doc, words, i)
    prev = words[i - 1].text if i else ""
    return (nxt is not None and nxt.text[:1].isdigit()) or bool(regex.fullmatch(r"\d+(?:st|nd|rd|th)", prev))


class Evidence:
    """What the rest of the article says about a word: written in lower case, or used as a name."""

    def __init__(self, doc: Document) -> None:
        self._vocabulary = doc.vocabulary
        self.in_runs = doc.vocabulary.in_names

    def written_lower(self, low: str) -> bool:
        """True when the article also writes the word in lower case."""
        return low in self._vocabulary.lower

    def names(self, text: str, in_runs: bool = True) -> bool:
        """True when the article uses the word as a name: inside a capitalised run ("European
        Commission"), or capitalised more than once and never in lower case ("Choi ... Choi").

        `in_runs=False` leaves the runs out, for a word whose own run is the question ("Minister of
        Defense Giving an interview")."""
        if in_runs and text in self._vocabulary.in_names:
            return True
        return self._vocabulary.capitalised[text] > 1 and text.lower() not in self._vocabulary.lower
