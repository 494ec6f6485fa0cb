"""`fused-words`: text run together where a space, a link or a line break was lost.

Forms (each reports the junction and inserts the missing space, or the missing full stop):

- `camel`: a lower-case word running into a capitalised one ("protestersMoscow", "theState"), or a
  word running into a sentence starter ("TajikistanThe goal"). Brand names with inner capitals are
  left alone: they start with one or two lower-case letters (iPhone, eBay) or are capitalised
  compounds that do not end in a sentence starter (YouTube, LinkedIn, PowerPoint).
- `punctuation`: a sentence mark glued to the next sentence ("fire.I also", "Ltd.The book",
  "charge).Because"); web addresses, initials and dotted abbreviations are not sentences.
- `enclosure`: a closing bracket or quotation mark glued to the next word ("(FdI)and",
  "extortion”said", "project.“During" where “ closes), or an opening quotation mark glued to the
  sentence before it ("Changwon.“Our suppliers ...”").
- `glued`: a function word glued to a word ("teamand", "Meloniand", "inthe"). The token is rare or
  unknown (wordfreq), it splits into a function word and a frequent word, or into a name the article
  uses on its own and a function word.
"""

from __future__ import annotations

import functools
import operator
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of
from cleaner.wordclass import function_word_groups, function_words

FORMS = ("camel", "punctuation", "enclosure", "glued")
KIND = "fused-words"
OPTIONS = (Option("form", one_of(*FORMS), "Which form to report (see above).", default="camel"),)
REPLACEMENT = Replacement.COMPUTED

# Words that start sentences and never end a brand name: determiners, pronouns, conjunctions.
_STARTERS = frozenset(
    "I The This That These Those It Its He She They We His Her Their Our But However Meanwhile "
    "According After Before When While There Although Because Since Some Many Most Every".split()
)
# The junction of a camel join: two lower-case letters, then a capitalised word; the word before is
# found in code, so the pattern never scans back and stays linear on a 100,000-letter token.
# An upper-case run ("HEADLINE WORDSMeanwhile") may end the word before, and the pronoun I may be
# the word after ("KuriyamaI didn't"): I then needs a lower-case word or a contraction after it.
_CAMEL = regex.compile(
    r"(?<=\p{Ll}\p{Ll}|\p{Lu}\p{Lu})(?P<right>\p{Lu}\p{Ll}+(?![\p{L}\p{N}@/_])"
    r"|(?<=\p{Ll}\p{Ll})I(?=[ \t]+\p{Ll}|[’'](?:m|ve|ll|d)(?!\p{L})))"
)
# A sentence mark with a capitalised word glued after it; the word before is checked in code.
_PUNCT = regex.compile(r"(?<=[\p{L})])(?P<mark>[.!?])(?P<right>\p{Lu}\p{Ll}+|I(?=[ \t]))")
_ENCLOSURE = regex.compile(r"(?<=[\p{L}\p{N}.,!?])(?P<mark>[)\]]|[”“])(?=\p{L}{2})")
_LETTER_RUN = regex.compile(r"\p{L}{5,}")
_FIND_LIMIT = 16  # candidate tokens looked for one by one; more take one pass of _TOKEN
_TOKEN = regex.compile(r"(?<![\p{L}\p{N}@/._-])\p{L}{5,}(?![\p{L}\p{N}@/_-]|\.\p{L})")
# Glues are scored on word frequency: the split must be this much more likely (Zipf units).
_SPLIT_MARGIN = 3.0
_MIN_PART_ZIPF = 3.0
_MIN_LONG_PART_ZIPF = 2.0



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    return {"camel": _check_camel, "punctuation": _check_punctuation,
            "enclosure": _check_enclosure, "glued": _check_glued}[form]


def _check_camel(doc: Document) -> Iterator[Hit]:
    text = doc.text
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
            continue
        elif left.islower() and lexicon.zipf(left) >= _MIN_PART_ZIPF:
            yield Hit(match.start("right"), match.start("right"), (" ",),
                      message=f"“{left}” runs into “{right}”; a space is missing.")


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
        if text[mark_at - 1] != ")" and not _sentence_word_before(text, mark_at):
            continue
        yield Hit(mark_at + 1, mark_at + 1, (" ",),
                  message=f"No space after “{match.group('mark')}” before “{match.group('right')}”.")


def _sentence_word_before(text: str, end: int) -> bool:
    """True when a lower-case word that can end a sentence stands right before `end`.

    Not an abbreviation (Mr, St, etc), not a single letter (initials), and not part of a dotted
    chain such as an address or an acronym (www.example, U.S).
    """
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    if len(word) < 2 or not any(ch.islower() for ch in word) or word.lower() in _ABBREVIATIONS:
        return False
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in ".@/:_-")


_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr vs no nos etc e.g i.e prof gen".split())


def _check_enclosure(doc: Document) -> Iterator[Hit]:
    text = doc.text
    for match in _ENCLOSURE.finditer(text, timeout=timeout_for(text)):
        mark, start, end = match.group("mark"), match.start("mark"), match.end("mark")
        if mark in ")]" and not _bracket_closes_phrase(text, start, "(" if mark == ")" else "["):
            continue  # "(s)he", "word(s)": a bracket inside a word
        if mark == "“" and _opens_closed_quote(doc, start):
            # ".“Our suppliers ...”": an opening quotation mark glued to the sentence before it.
            yield Hit(start, start, (" ",), message="No space before the opening “.")
            continue
        yield Hit(end, end, (" ",), message=f"No space after the closing “{mark}”.")


def _opens_closed_quote(doc: Document, offset: int) -> bool:
    """True when a quotation starts at `offset` and is closed by a ” in its paragraph."""
    for quote in doc.quotes:
        if quote.start == offset:
            return doc.text[quote.end - 1] == "”"
        if quote.start > offset:
            break
    return False


def _bracket_closes_phrase(text: str, close: int, opener: str) -> bool:
    """True when the bracket at `close` ends a parenthesis opened before a space or at a line start."""
    opened = text.rfind(opener, max(0, close - 200), close)
    return opened >= 0 and close - opened > 2 and (opened == 0 or not text[opened - 1].isalnum())


def _check_glued(doc: Document) -> Iterator[Hit]:
    text = doc.text
    vocabulary = doc.vocabulary
    standalone = vocabulary.lower | set(vocabulary.capitalised) | vocabulary.in_names
    # Each distinct token is judged once; only those that may split are then looked for in the text.
    glued: dict[str, int | None] = {}  # token -> split, or None when only its context can tell
    for token in _token_texts(doc):
        if token[0].isupper() and vocabulary.capitalised[token] > 1:
            continue  # a name the article repeats is a name ("Hanson ... Hanson"), not a glue
        split = best_split(token, standalone)
        if split is not None or (token[0].isupper() and _may_glue_name(token)):
            glued[token] = split
    for start, token in _occurrences(text, glued):
        split = glued[token]
        if split is None:
            split = _name_glue(text, start, start + len(token), token)
        if split is not None:
            at = start + split
            yield Hit(at, at, (" ",), message=f"“{token}” looks like “{token[:split]}” and “{token[split:]}” run together.")


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
    if not _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
        return None
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return None
    following = after.group(1)
    for tail in _NAME_GLUE_TAILS:
        if not token.endswith(tail) or len(token) - len(tail) < 4:
            continue
        determiner = following in _DETERMINER_TAILS
        if tail == "and" and determiner:
            return len(token) - len(tail)
        if tail == "the" and not determiner and following not in function_words() and lexicon.zipf(following) >= 3.0:
            return len(token) - len(tail)
        if tail not in ("and", "the") and (determiner or following.endswith(_ABSTRACT_ENDINGS)):
            return len(token) - len(tail)
    return None


def _may_glue_name(token: str) -> bool:
    """What _name_glue asks of the token itself: unknown as a word or a name, with a glue word at its end."""
    if not token[1:].islower() or lexicon.zipf(token) > 0 or token in _known_name_words():
        return False  # a word or a name the tables know (Mishustin, Parmelin)
    return any(token.endswith(tail) and len(token) - len(tail) >= 4 for tail in _NAME_GLUE_TAILS)


@functools.lru_cache(maxsize=1)
def _known_name_words() -> frozenset[str]:
    """Every word of the public figures' names and of the dictionary's proper names."""
    return lexicon.people_words() | lexicon.proper_words()


# The glued words _name_glue looks for, longest first, and the abstract nouns a preposition takes.
_NAME_GLUE_TAILS = ("from", "with", "and", "the", "for", "in", "on", "at", "of", "to")
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")
_CAPITALISED_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}]+[ \t]$")
_WORD_AFTER = regex.compile(r"[ \t](\p{Ll}+)(?![\p{L}\p{N}])")


def _token_texts(doc: Document) -> list[str]:
    """Every text a `_TOKEN` match could have: the runs of five letters or more in the distinct words."""
    runs: set[str] = set()
    for word in set(map(operator.itemgetter(2), doc.words)):
        if len(word) < 5:
            continue  # every letter lies in a word, so a shorter word holds no token
        if word.isascii() and word.isalpha():
            runs.add(word)
        else:
            runs.update(_LETTER_RUN.findall(word))
    return sorted(runs)


def _occurrences(text: str, tokens: dict[str, int | None]) -> list[tuple[int, str]]:
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
    for cut in sorted(_candidate_cuts(token)):
        head, tail = token[:cut], token[cut:]
        score = _split_score(head, tail, standalone)
        if score is not None and score >= whole + _SPLIT_MARGIN and (best is None or score > best[0]):
            best = (score, cut)
    return best[1] if best else None


def _candidate_cuts(token: str) -> set[int]:
    """Cuts that leave a function word on one side: only these can be glues."""
    cuts = {len(token) - len(tail) for tail in _ALL_TAILS if len(token) > len(tail) + 1 and token.endswith(tail)}
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
        return None
    if head in closed and tail in closed:
        # Two function words: only one glued to an article or a possessive ("inthe", "andhis");
        # "thereof", "herein" and "whereas" are words.
        return lexicon.zipf(head) + lexicon.zipf(tail) - 6.0 if tail in _DETERMINER_TAILS else None
    if (head in closed) == (tail in closed) or head in closed:
        return None  # "overrepresentation", "underfunded": English prefixes, not glues
    content = tail if head in closed else head
    if lexicon.zipf(head + tail) >= 1.0:
        return None  # a real word made of a prefix and a word: infield, dousing, outside
    if len(content) < 3 or lexicon.zipf(content) < _min_content_zipf(head + tail, content) or (
            tail in closed and tail not in _GLUE_TAILS):
        return None
    return lexicon.zipf(head) + lexicon.zipf(tail) - 6.0


def _min_content_zipf(token: str, content: str) -> float:
    """How frequent the content part must be: less for a long word in a token English does not know
    ("interlocutoris"), since long rare words are rarely an accident of spelling."""
    return _MIN_LONG_PART_ZIPF if len(content) >= 8 and lexicon.zipf(token) == 0 else _MIN_PART_ZIPF


_DETERMINER_TAILS = frozenset("the a an his her their its our my your".split())
# Function words that engines glue to the word before them when a link or a comma is lost.
_GLUE_TAILS = frozenset(
    "and or the of in on to at is by for with from after before which who whom whose that are was were "
    "has had have should would will could can".split()
)

_ALL_TAILS = _GLUE_TAILS | _DETERMINER_TAILS
