"""The `glued` form of `fused-words`: a function word glued to a word ("teamand", "Meloniand", "inthe").

A token is rare or unknown (wordfreq) and splits into a function word and a frequent word, or into
a name the article uses on its own and a function word, or it is an unknown surname after a given
name whose glued ending fits the next word: a conjunction before a subject ("Salinasif he") or a
past-tense verb ("Burukevaluated the"). A phrase opener run into a determiner ("Inthe afternoon",
"Ontheother hand") and a number run into a closed-class word ("for 2024and approved") are glues too.
"""

from __future__ import annotations

import functools
from typing import Collection, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._segment import dictionary_split
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit
from cleaner.wordclass import function_word_groups, function_words

_LETTER_RUN = regex.compile(r"\p{L}{5,}")
_FIND_LIMIT = 16  # candidate tokens looked for one by one; more take one pass of _TOKEN
_MAX_GLUED_LEN = 48  # letters: longer than any two (or three) real words run together
# A token may follow a lone initial with no space after its dot ("S.Paulothe"), never a dotted chain.
_TOKEN = regex.compile(
    r"(?:(?<![\p{L}\p{N}@#/._-])|(?<=(?<![\p{L}\p{N}.@#/_-])\p{Lu}\.))\p{L}{5,}(?![\p{L}\p{N}@/_-]|\.\p{L})"
)
# Glues are scored on word frequency: the split must be this much more likely (Zipf units).
_SPLIT_MARGIN = 3.0
MIN_PART_ZIPF = 3.0
_MIN_LONG_PART_ZIPF = 2.0


def check_glued(doc: Document) -> Iterator[Hit]:
    """Tokens that split into a function word and a word, with the missing space."""
    text = doc.text
    vocabulary = doc.vocabulary
    standalone = vocabulary.lower | set(vocabulary.capitalised) | vocabulary.in_names
    # Each distinct token is judged once; only those that may split are then looked for in the text.
    glued: dict[str, int | None] = {}  # token -> split, or None when only its context can tell
    pairs: dict[str, tuple[int, ...]] = {}  # token -> cuts of a phrase opener run into a determiner
    for token in _token_texts(doc):
        if len(token) > _MAX_GLUED_LEN:
            continue  # no two words glued together run this long; judging every cut would cost its square
        cuts = opener_cuts(token)
        if cuts is not None and (token[0].isupper() or len(cuts) > 1) and token not in _known_name_words():
            pairs[token] = cuts  # "Inthe", "Ontheother": no name is made this way, repeated or not
            continue  # (a lower-case pair, "inthe", is an ordinary glue: best_split judges it)
        if token[0].isupper() and vocabulary.capitalised[token] > 1:
            continue  # a name the article repeats is a name ("Hanson ... Hanson"), not a glue
        split = best_split(token, standalone)
        if split is not None or (token[0].isupper() and _may_glue_name(token)):
            glued[token] = split
    cut_off = len(text.rstrip())  # the last word of a page cut off mid-word ("the fifth innin") is no glue
    for start, token in _occurrences(text, glued.keys() | pairs.keys()):
        if start + len(token) >= cut_off or _quoted_alone(text, start, start + len(token)):
            continue
        if token in pairs:
            yield from _opener_hit(text, start, token, pairs[token])
            continue
        split = glued[token]
        if split is None:
            split = _name_glue(text, start, start + len(token), token)
        if split is not None:
            at = start + split
            yield Hit(at, at, (" ",), message=f"“{token}” looks like “{token[:split]}” and “{token[split:]}” run together.")
    yield from _number_glues(text)


# A phrase opener (a preposition or conjunction) that takes a determiner: "Inthe", "Atthe", "Butthe".
_OPENER_HEADS = function_word_groups()["prepositions"] | function_word_groups()["conjunctions"]
# Determiners no name ends in after such a head, longest first; "a", "an", "his" and "her" stay out
# (Inan, Atan, Asher, Ather are names).
_OPENER_DETERMINERS = ("these", "those", "their", "this", "that", "the")
_MAX_OPENER_LEN = 24


def opener_cuts(token: str) -> tuple[int, ...] | None:
    """Where a phrase opener runs into a determiner, and perhaps into its noun too ("Inthe",
    "Atthe", "Ontheother"): the cuts, or None. English must not know the whole: a frequent word
    ("thereafter", "Athens", "Anthem") holds no such pair, and "inthe" is judged like any glue."""
    if len(token) > _MAX_OPENER_LEN or not token[1:].islower():
        return None
    lower = token.lower()
    whole = lexicon.zipf(lower)
    for cut in range(2, min(len(lower) - 2, 8)):
        head, rest = lower[:cut], lower[cut:]
        if head not in _OPENER_HEADS:
            continue
        det = next((d for d in _OPENER_DETERMINERS if rest.startswith(d)), None)
        if det is None:
            continue
        more = rest[len(det):]
        if not more:  # two closed words, far likelier than the whole ("Inthe": 2.6 against 7.5 + 7.7)
            return (cut,) if lexicon.zipf(head) + lexicon.zipf(det) - 6.0 >= whole + _SPLIT_MARGIN else None
        # Three words: opener, determiner and a frequent word, none of which English reads as one.
        if whole == 0 and len(more) >= 3 and lexicon.zipf(rest) == 0 and lexicon.zipf(more) >= MIN_PART_ZIPF:
            return (cut, cut + len(det))
    return None


# A determiner needs its noun (or a number) after it: "Inthe afternoon", "Atthe 2024 meeting", "Inthe US".
_NOUN_AFTER = regex.compile(r"[ \t]+[\p{L}\p{N}]")


def _opener_hit(text: str, start: int, token: str, cuts: tuple[int, ...]) -> Iterator[Hit]:
    """The hit for a phrase opener run into its determiner (and noun): spaces at every cut."""
    if len(cuts) == 1:
        if _NOUN_AFTER.match(text, start + len(token)):
            at = start + cuts[0]
            yield Hit(at, at, (" ",), message=f"“{token}” looks like “{token[:cuts[0]]}” and “{token[cuts[0]:]}” run together.")
        return
    bounds = (0, *cuts, len(token))
    spaced = " ".join(token[a:b] for a, b in zip(bounds, bounds[1:]))
    yield Hit(start, start + len(token), (spaced,), message=f"“{token}” looks like “{spaced}” run together.")


# A number glued to the closed-class word after it ("for 2024and approved", "on 12the board"): the
# word is a preposition, conjunction, auxiliary, determiner or pronoun, never a unit or a suffix
# that English glues to a number (12in, 10am, 3rd, 1990s, 5G, 4x4), and a word follows it. A
# number inside a code, an address, a score or an HTML entity (&#39;, v2.0, 1-0, 2×0: JN107) is left alone.
_NUMBER_GLUE = regex.compile(
    r"(?<![\p{L}\p{N}&#@/_.,:'’×–—\-])(?:\p{N}{1,3}(?:,\p{N}{3}){1,4}|\p{N}{1,4})(?:\.\p{N}{1,3})?"
    r"(?P<word>\p{Ll}{2,7})(?=[ \t]+[\p{L}\p{N}])"
)
_NUMBER_TAILS = (
    function_word_groups()["prepositions"] | function_word_groups()["conjunctions"]
    | function_word_groups()["auxiliaries"]
    | frozenset("the an this that these those his her its their which who he she they we".split())
) - frozenset("in am up down out off per past near be do so till".split())  # 12in, 10am, 2up, 5off ...


def _number_glues(text: str) -> Iterator[Hit]:
    """A number glued to the function word after it, with the missing space."""
    if not any(ch.isdigit() for ch in text):
        return
    for match in _NUMBER_GLUE.finditer(text, timeout=timeout_for(text)):
        word = match.group("word")
        if word in _NUMBER_TAILS:
            at = match.start("word")
            yield Hit(at, at, (" ",), message=f"“{match.group()}” looks like “{text[match.start():at]}” and “{word}” run together.")


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """True when the token is all a quotation holds (“coronacrisis”): a term cited as written, not a glue."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENERS and text[end] in _CLOSERS


_OPENERS = "\"“‘'«"
_CLOSERS = "\"”’'»"


def _name_glue(text: str, start: int, end: int, token: str) -> int | None:
    """Where an unknown surname after a given name has a function word glued on ("Licia Ronzulliin
    addition", "Simone Tebetand the minister"), judged by the words around it, or None.

    The whole token is unknown to English (wordfreq), a capitalised word stands before it, and the
    glued word fits the word after it: "and" before a determiner, a preposition before a determiner
    or an abstract noun, "the" before a common lower-case word. "Vladimir Putin said" or "Sergei
    Sobyanin announced" are left alone: "in said" is not English.
    """
    if not _may_glue_name(token):
        return None
    dated = _calendar_glue(text, end, token)
    if dated is not None:
        return dated
    if not (_CAPITALISED_BEFORE.search(text, max(0, start - 40), start) or _place_head(token)):
        return None
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return None
    following = after.group(1)
    verb = _verb_cut(token)
    if verb is not None:
        return verb
    for tail in _NAME_GLUE_TAILS:
        if not token.endswith(tail) or len(token) - len(tail) < 4:
            continue
        determiner = following in _DETERMINER_TAILS
        if tail == "and" and determiner:
            return len(token) - len(tail)
        if tail == "the" and not determiner and following not in function_words() and lexicon.zipf(following) >= 3.0:
            return len(token) - len(tail)
        if tail in _CLAUSE_TAILS:
            # A conjunction opens a clause: its subject follows ("Salinasif he is elected"). The name
            # before it must be one English or the gazetteer knows: "told Benlatif he" is a name in -if.
            head = token[: -len(tail)]
            known = lexicon.zipf(head) >= _MIN_KNOWN_NAME_ZIPF or head in lexicon.places()
            if known and (following in _SUBJECTS or (tail != "if" and determiner)):
                return len(token) - len(tail)
            continue
        if tail not in ("and", "the") and (determiner or following.endswith(_ABSTRACT_ENDINGS)):
            return len(token) - len(tail)
    return None


def _calendar_glue(text: str, end: int, token: str) -> int | None:
    """Where "on" or "in" glued to a name opens a date after it ("Bragantinoon Saturday"), or None."""
    after = _CALENDAR_AFTER.match(text, end)
    if after is None:
        return None
    tail = "on" if after.group(1).lower() in _WEEKDAYS else "in"
    return len(token) - 2 if token.endswith(tail) and len(token) >= 6 else None


def _place_head(token: str) -> bool:
    """True when the token is a place the gazetteer knows with a glue word on its end ("Cearáat")."""
    return any(token.endswith(tail) and token[: -len(tail)] in lexicon.places()
               for tail in _NAME_GLUE_TAILS if len(token) - len(tail) >= 4)


def _may_glue_name(token: str) -> bool:
    """What _name_glue asks of the token itself: unknown as a word or a name, with a glue word at its end."""
    if not token[1:].islower() or lexicon.zipf(token) > 0 or token in _known_name_words():
        return False  # a word or a name the tables know (Mishustin, Parmelin)
    return (any(token.endswith(tail) and len(token) - len(tail) >= 4 for tail in _NAME_GLUE_TAILS)
            or _verb_cut(token) is not None)


@functools.lru_cache(maxsize=1 << 12)  # asked twice per candidate (_may_glue_name, then _name_glue)
def _verb_cut(token: str) -> int | None:
    """Where a verb in the past tense is glued to an unknown name ("Burukevaluated": "evaluated"), or None.

    The verb is a frequent -ed form of a frequent stem (evaluate, react), and only the first such
    cut counts: the longest verb, since a shorter one inside it ("valued") would split a word.
    """
    for cut in range(4, len(token) - _MIN_VERB_LEN + 1):
        tail = token[cut:]
        if tail.endswith("ed") and lexicon.zipf(tail) >= MIN_PART_ZIPF and (
                lexicon.zipf(tail[:-1]) >= MIN_PART_ZIPF or lexicon.zipf(tail[:-2]) >= MIN_PART_ZIPF):
            return cut
    return None


_MIN_VERB_LEN = 6


@functools.lru_cache(maxsize=1)
def _known_name_words() -> _KnownNameWords:
    """Every word of the public figures' names and of the dictionary's proper names, for `in` tests."""
    return _KnownNameWords()


class _KnownNameWords:
    """Asks both tables in turn: their union (25,000 words) cost a few ms of every start for a few look-ups."""

    def __contains__(self, word: object) -> bool:
        return word in lexicon.people_words() or word in lexicon.proper_words()


# The glued words _name_glue looks for, longest first, and the abstract nouns a preposition takes.
# A linked name loses the space after its link whatever word follows, so subordinating conjunctions
# are glued too ("Tabascoalthough he", from Spanish "aunque"); none ends a name before a subject.
_CLAUSE_TAILS = ("although", "because", "whether", "whereas", "though", "unless", "while", "when", "if")
_NAME_GLUE_TAILS = _CLAUSE_TAILS + ("from", "with", "and", "the", "for", "in", "on", "at", "of", "to")
_SUBJECTS = frozenset(("he", "she", "they", "we", "it", "i", "you", "there"))
_MIN_KNOWN_NAME_ZIPF = 2.0
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")
_CAPITALISED_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}]+[ \t]$")
# A weekday, or a month before a year: the object "on" or "in" takes ("on Saturday", "in May 2024").
_CALENDAR_AFTER = regex.compile(
    r"[ \t](Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:January|February|March|April|June|July|August|September|October|November|December)(?=[ \t,]+\d{4}))(?![\p{L}\p{N}])"
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WORD_AFTER = regex.compile(r"[ \t](\p{Ll}+)(?![\p{L}\p{N}])")


def _token_texts(doc: Document) -> list[str]:
    """Every text a `_TOKEN` match could have: the runs of five letters or more in the distinct words."""
    runs: set[str] = set()
    for word in doc.distinct_words:
        if len(word) < 5:
            continue  # every letter lies in a word, so a shorter word holds no token
        if word.isascii() and word.isalpha():
            runs.add(word)
        else:
            runs.update(_LETTER_RUN.findall(word))
    return sorted(runs)


def _occurrences(text: str, tokens: Collection[str]) -> list[tuple[int, str]]:
    """Where each token stands as a `_TOKEN` match, in text order."""
    if len(tokens) > _FIND_LIMIT:  # one pass over the text, so that many candidates stay linear
        return [(m.start(), m.group()) for m in _TOKEN.finditer(text, timeout=timeout_for(text)) if m.group() in tokens]
    found = []
    for token in tokens:  # a few str.find passes cost less than the pattern tried at every position
        at = text.find(token)
        while at >= 0:
            match = _TOKEN.match(text, at)  # the pattern's own edges: not inside a longer word
            if match is not None and match.group() == token:
                found.append((at, token))
            at = text.find(token, at + 1)
    return sorted(found)


def best_split(token: str, standalone: set[str]) -> int | None:
    """Where a glued token splits into two words, or None when it is a word of its own."""
    if not token[1:].islower():
        return None  # an inner capital is the camel form's business
    whole = lexicon.zipf(token)
    if whole >= 4.0:
        return None
    best: tuple[float, int] | None = None
    cuts = _candidate_cuts(token)
    if token[0].isupper() and whole == 0:  # a name the article writes on its own, then a word
        cuts.update(k for k in range(4, len(token) - 3) if token[:k] in standalone)
    for cut in sorted(cuts):
        head, tail = token[:cut], token[cut:]
        score = _split_score(head, tail, standalone)
        if score is not None and score >= whole + _SPLIT_MARGIN and (best is None or score > best[0]):
            best = (score, cut)
    if best is None and whole == 0 and token.islower() and len(token) >= 2 * _MIN_CONTENT_LEN + 1:
        return _content_split(token, standalone)
    return best[1] if best else None


_MIN_CONTENT_LEN = 5
_MIN_CONTENT_PAIR_ZIPF = 3.5
_MIN_FREQUENT_ZIPF = 4.5


def _content_split(token: str, standalone: set[str]) -> int | None:
    """Where a word English does not know splits into two content words, one of which the article
    also writes on its own ("electionpointed": "pointed"), or None. Only one cut may fit:
    a token that splits two ways is a compound or a name, not an accident."""
    cuts = [k for k in range(_MIN_CONTENT_LEN, len(token) - _MIN_CONTENT_LEN + 1)
            if _content_part(token[:k], standalone) and _content_part(token[k:], standalone)
            and (token[:k] in standalone or token[k:] in standalone)]
    if not cuts:  # a name the article capitalises, lower-cased and glued to a frequent word ("vildaindicated")
        cuts = [k for k in range(4, len(token) - _MIN_CONTENT_LEN + 1)
                if token[:k].capitalize() in standalone and token[:k] not in standalone and lexicon.zipf(token[:k]) < _MIN_NAME_TAIL_ZIPF
                and lexicon.zipf(token[k:]) >= _MIN_NAME_TAIL_ZIPF and token[k:] not in function_words()]
    if not cuts:  # no evidence in the article: the dictionary alone ("pointsconfirmed", "coronacrisis")
        return dictionary_split(token)
    return cuts[0] if len(cuts) == 1 else None


def _content_part(part: str, standalone: set[str]) -> bool:
    """A frequent word, or a fairly frequent one that the article writes on its own."""
    zipf = lexicon.zipf(part)
    return zipf >= _MIN_FREQUENT_ZIPF or (zipf >= _MIN_CONTENT_PAIR_ZIPF and part in standalone)


def _candidate_cuts(token: str) -> set[int]:
    """Cuts that leave a function word on one side: only these can be glues."""
    cuts = {len(token) - len(tail) for tail in _ALL_TAILS if len(token) > len(tail) + 1 and token.endswith(tail)}
    if token[0].islower():  # a subject pronoun glued to the word before ("subjectsshe explained")
        cuts.update(len(token) - len(tail) for tail in _SUBJECT_TAILS if len(token) > len(tail) + 3 and token.endswith(tail))
    cuts.update(len(head) for head in _CALENDAR if len(token) > len(head) + 2 and token.startswith(head))
    closed = function_words()
    cuts.update(k for k in range(2, min(7, len(token) - 1)) if token[:k] in closed)
    return cuts


def _split_score(head: str, tail: str, standalone: set[str]) -> float | None:
    """How likely the two parts are as two words (Zipf units), or None when the split is not plausible."""
    closed = function_words()
    if head[0].isupper():
        # A name glued to a function word: "Meloniand" where the article also writes "Meloni", or
        # "Salviniwhich" where the name is known to wordfreq and the whole is not.
        if lexicon.zipf(head + tail) >= 1.0:
            return None  # a word English knows: "Councilor" is not "Council or"
        known = head in standalone or (len(head) >= 6 and lexicon.zipf(head) >= 2.0)
        if tail in _GLUE_TAILS and known and head.lower() not in closed:
            return 9.0
        return 9.0 if _name_then_word(head, tail, standalone) else None
    if head in _CALENDAR and lexicon.zipf(head + tail) < 1.0 and len(tail) >= 3 and lexicon.zipf(tail) >= MIN_PART_ZIPF:
        return lexicon.zipf(head) + lexicon.zipf(tail) - 6.0  # a weekday or month glued on: "fridaylast"
    if head in closed and tail in closed:
        # Two function words: only one glued to an article or a possessive ("inthe", "andhis");
        # "thereof", "herein" and "whereas" are words. An auxiliary glued to its negation ("havenot",
        # "didnot") is the other closed pair; "cannot" is a word and wordfreq knows it.
        negated = tail == "not" and head in function_word_groups()["auxiliaries"] and lexicon.zipf(head + tail) < 1.0
        return lexicon.zipf(head) + lexicon.zipf(tail) - 6.0 if tail in _DETERMINER_TAILS or negated else None
    if (head in closed) == (tail in closed) or (head in closed and (head not in _GLUE_HEADS or len(tail) < 4)):
        return None  # "overrepresentation", "underfunded": English prefixes, not glues
    content = tail if head in closed else head
    if lexicon.zipf(head + tail) >= 1.0:
        return None  # a real word made of a prefix and a word: infield, dousing, outside
    if len(content) < 3 or lexicon.zipf(content) < _min_content_zipf(head + tail, content) or (
            tail in closed and tail not in _GLUE_TAILS and tail not in _SUBJECT_TAILS):
        return None
    return lexicon.zipf(head) + lexicon.zipf(tail) - 6.0


def _name_then_word(head: str, tail: str, standalone: set[str]) -> bool:
    """A name the article writes on its own with a frequent lower-case word glued on ("Ferreirainsisted"
    where "Abel Ferreira" stands elsewhere), and the whole known neither to English nor to the name tables."""
    # A short tail must be a very frequent word after a longer name ("Alvarezgave"; not "Rosemade").
    tail_zipf = lexicon.zipf(tail)
    long_enough = len(tail) >= _MIN_CONTENT_LEN or (len(tail) == 4 and len(head) >= 5 and tail_zipf >= _MIN_SHORT_TAIL_ZIPF)
    return (head in standalone and len(head) >= 4 and long_enough
            and tail_zipf >= _MIN_NAME_TAIL_ZIPF and tail not in function_words()
            and (head + tail) not in _known_name_words())


_MIN_NAME_TAIL_ZIPF = 4.0
_MIN_SHORT_TAIL_ZIPF = 5.0


def _min_content_zipf(token: str, content: str) -> float:
    """How frequent the content part must be: less for a long word in a token English does not know
    ("interlocutoris"), since long rare words are rarely an accident of spelling."""
    return _MIN_LONG_PART_ZIPF if len(content) >= 8 and lexicon.zipf(token) == 0 else MIN_PART_ZIPF


# Closed words of three letters or more that English never uses as a prefix: glued to a content word
# of four letters or more after them they are a lost space ("hasexperienced", "theministry"), unlike
# "over" or "under". Pronouns stay out: too many names and terms open with "her", "his" or "she".
_GLUE_HEADS = frozenset(
    "the has had have was were are will would could should must and but their which that this these those".split()
)
_DETERMINER_TAILS = frozenset("the a an his her their its our my your".split())
# Function words that engines glue to the word before them when a link or a comma is lost.
_GLUE_TAILS = frozenset(
    "and or the of in on to at is by for with from after before which who whom whose that are was were "
    "has had have should would will could can".split()
) | frozenset(_CLAUSE_TAILS[:6])  # the long conjunctions, which end no English word or name

_ALL_TAILS = _GLUE_TAILS | _DETERMINER_TAILS
# Subject pronouns, glued to the last word of a clause when a comma or quotation mark is lost; only
# after a lower-case word (a name ending in "-he" or "-it" is not a glue).
_SUBJECT_TAILS = frozenset("he she they we".split())
# Weekdays and months (not "may", a verb) glued to the next word ("fridaylast"), in lower case.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december".split()
)
