"""`repetition`: a word, a phrase or a paragraph said twice where the engine stuttered.

Forms:
- `word`: the same word twice in a row ("of of", "an An", "Deputy Deputy Spokesperson"). Left alone:
  grammatical and expressive doubles ("that that", "had had", "very very", "bye bye"), reduplicated
  names, which stand on their own ("Fang Fang", "Bora Bora"; a doubled capitalised word counts only
  before another capitalised word, "Mark Mark Pryor"), and rare words, which are usually names or
  loans ("ylang ylang").
- `inflected`: a noun followed by its own plural ("various fallacy fallacies", "the issue issues"),
  or an adverb followed by the word it is made from ("repeatedly repeated"),
  where the engine rendered one source noun twice. A noun followed by the same word as a verb ("the
  report reports that", "the plan plans to") is left alone: the word after the pair decides.
- `phrase`: a run of two to six words repeated at once ("on the website on the website").
- `coordinated`: the same word on both sides of "and" or "or" ("cheering and cheering"), except the
  emphatic pairs of English ("again and again", "more and more", "years and years", "bigger and bigger"),
  or twice in a row in a list ("religion, religion and nationality"; a proper name after another
  item, "Brazil, Asia, Asia and South Africa").
- `articles`: two articles in a row ("a the", "the an").
- `paragraph`: a paragraph, line or sentence of eight words or more that repeats an earlier one word
  for word (a caption or alt text scraped again and again, a paragraph or sentence pasted twice);
  quote glyphs, punctuation, accents and case do not count as differences (a headline scraped twice,
  once with curly and once with straight apostrophes, or again as a lower-case slug without its
  colon and quotation marks); and a short line of words repeated on the very next line (a caption
  scraped with its alt text).
- `name`: a name of two capitalised words or more said twice in one mention: again in brackets
  after itself ("Yogi Adityanath (CM Yogi Adityanath)"), or on both sides of the head of an
  institution's name ("Foreign Affairs Ministry of Foreign Affairs"; one word when the phrase ends
  after it, "the Health Ministry of Health said").
- `gloss`: a bracket that only repeats the words before it, whatever their case ("issued a warning
  (Warning)", "under the Act (The Act)"): the source kept an English gloss of a term in brackets, and
  once the term itself was translated the gloss says it again. A bracket that adds anything (a short
  form, another name, a number, a translation) is left alone.
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
from typing import Callable, Iterable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document, Span, Word
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import Option, Replacement, one_of
from cleaner.wordclass import function_word_groups, function_words, reporting_verbs

FORMS = ("word", "inflected", "phrase", "coordinated", "articles", "paragraph", "name", "gloss")
KIND = "repetition"
OPTIONS = (Option("form", one_of(*FORMS), "Which form to report (see above).", default="word"),)
REPLACEMENT = Replacement.COMPUTED

# Doubles English allows: grammar ("had had", "that that"), emphasis and sounds.
_ALLOWED_DOUBLES = frozenset(
    "that had is do does did very really so no yes bye ha hah he hee hey ho knock tut chop blah bla yada "
    "boo bang beep tick tock well now there hush pooh goody cha choo dum pom night wow go".split()
)
# X and X that English uses for emphasis or duration.
_EMPHATIC = frozenset(
    "again more less over on round around through by out up down back forth in years hours days weeks "
    "months decades centuries miles times minutes ages lots tons".split()
)
_MIN_ZIPF = 3.0
# A lower-case word listed twice with a comma between is no reduplicated loan ("ylang ylang"): any
# word English knows will do there.
_MIN_LIST_ZIPF = 2.0
# Places named like the state or country around them: "Luxembourg, Luxembourg" is a city and its country.
_CITY_OF_ITS_STATE = frozenset(
    "Luxembourg Panama Guatemala Singapore Kuwait Djibouti Mexico Monaco Andorra Washington Quebec Delaware"
    " Puebla Oaxaca Chihuahua Durango Zacatecas Campeche Colima Tlaxcala Mendoza Salta Osaka Kyoto".split()
)
_LINKS = frozenset("and or but nor the a an of to in on at by for with".split())



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    return {"word": _check_words, "inflected": _check_inflected, "phrase": _check_phrases, "coordinated": _check_coordinated,
            "articles": _check_articles, "paragraph": _check_paragraphs, "name": _check_names,
            "gloss": _check_glosses}[form]


def _adjacent(doc: Document, a: Word, b: Word) -> bool:
    """True when only spaces or tabs separate two words."""
    return not doc.text[a.end : b.start].strip(" \t") and a.end < b.start


def _lowered(doc: Document) -> list[str]:
    """The word texts in lower case, made once per document for the repetition rules."""
    return doc.shared("lowered-words", _lower_case)


def _lower_case(doc: Document) -> list[str]:
    # Lowered once per distinct word: the list then points at one string per word, not one per use.
    lower = {text: text.lower() for text in doc.distinct_words}
    return list(map(lower.__getitem__, doc.words.texts))


def _check_words(doc: Document) -> Iterator[Hit]:
    words, lowered = doc.words, _lowered(doc)
    # Only where a word equals the one before it (found in C) can it be a double.
    for i in itertools.compress(itertools.count(1), map(operator.eq, lowered, itertools.islice(lowered, 1, None))):
        a, b = words[i - 1], words[i]
        low = lowered[i - 1]
        if low != lowered[i] or not _adjacent(doc, a, b) or low in _ALLOWED_DOUBLES or low.isdigit():
            continue
        if a.text[0].isupper() and b.text[0].isupper():
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is None or not _adjacent(doc, b, nxt) or not nxt.text[0].isupper():
                continue  # "Fang Fang", "Bora Bora": a reduplicated name stands on its own
        elif lexicon.zipf(low) < _MIN_ZIPF:
            continue
        elif b.text[0].isupper() and _name_follows(doc, words, i):
            continue  # "said Said Hamdan": the second word opens a name
        yield Hit(a.end, b.end, ("",), message=f"“{b.text}” is repeated.")


def _name_follows(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised word follows words[i] directly, so that it begins a name."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and _adjacent(doc, words[i], nxt) and nxt.text[0].isupper()


def _check_inflected(doc: Document) -> Iterator[Hit]:
    words = doc.words
    # Every regular plural starts with its singular less the last letter: pairs are found that way in C.
    texts = words.texts
    stems = map(operator.itemgetter(slice(None, -1)), texts)
    for i in itertools.compress(itertools.count(1), map(str.startswith, itertools.islice(texts, 1, None), stems)):
        a, b = words[i - 1], words[i]
        single, plural = a.text, b.text
        if not (single.islower() and plural.islower()) or plural not in _plurals(single) or not _adjacent(doc, a, b):
            continue
        if single in function_words() or lexicon.zipf(plural) < _MIN_PLURAL_ZIPF:
            continue
        if lexicon.zipf(plural) < lexicon.zipf(single) - _NOUN_MARGIN:
            continue  # "high highs", "low lows": the bare word is mostly an adjective or a verb, not a noun
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and _adjacent(doc, b, nxt) and nxt.text.lower() in _VERB_COMPLEMENTS:
            continue  # "the plan plans to", "the report reports that": a noun, then the same word as a verb
        yield Hit(a.start, b.start, ("",), message=f"“{single}” is followed by its own plural “{plural}”.")
    yield from _adverb_then_word(doc)


def _adverb_then_word(doc: Document) -> Iterator[Hit]:
    """An adverb followed by the very word it is made from ("repeatedly repeated"): one source word
    rendered twice. Short stems are left alone ("only on", "really real")."""
    text = doc.text
    # Found from the "ly" and its stem looked up behind it: far cheaper than trying every word start.
    for match in _ADVERB_THEN_WORD.finditer(text, timeout=timeout_for(text)):
        adverb = text[match.start("stem") : match.start() + 2]
        yield Hit(match.start("stem"), match.end() - len(match.group("stem")), ("",),
                  message=f"“{adverb}” repeats the word after it, “{match.group('stem')}”.")


_ADVERB_THEN_WORD = regex.compile(r"(?<=(?<![\p{L}\p{N}’'-])(?P<stem>\p{Ll}{5,}))ly[ \t]+(?P=stem)(?![\p{L}\p{N}])")


def _plurals(word: str) -> tuple[str, ...]:
    """The regular plural forms of a noun."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)


# A plural rarer than this is a rare word or a name; a plural this much rarer than its singular
# (Zipf units) means the singular is mostly used as another part of speech.
_MIN_PLURAL_ZIPF = 2.0
_NOUN_MARGIN = 1.5
# Words that follow a verb rather than a plural noun: after "plan plans" they make the second a verb.
_VERB_COMPLEMENTS = frozenset(
    "to that the a an his her their its our my your this these those it him them us me what how why whether "
    "out up off into".split()
)


def _check_phrases(doc: Document) -> Iterator[Hit]:
    words, lowered = doc.words, _lowered(doc)
    resume = 0  # after a report, the scan goes on past the repeat
    for i in _phrase_starts(lowered):
        if i < resume:
            continue
        for size in range(6, 1, -1):
            j = i + size
            if j + size > len(words) or lowered[i] != lowered[j] or lowered[i:j] != lowered[j : j + size] or lowered[j - 1] in _LINKS:
                continue  # "faster and faster and": an emphatic pair, not a phrase said twice
            if all(_adjacent(doc, words[k], words[k + 1]) for k in range(i, j + size - 1)):
                yield Hit(words[j - 1].end, words[j + size - 1].end, ("",),
                          message=f"“{doc.text[words[j].start : words[j + size - 1].end]}” is repeated.")
                resume = j + size
                break


def _phrase_starts(lowered: list[str]) -> list[int]:
    """Positions whose word and the next come again two to six words on: the only places a phrase can repeat."""
    # Comparing whole shifted lists runs in C; the Python loop above then visits only these. A
    # phrase has two words at least, so the next word must come again too.
    starts: set[int] = set()
    last = len(lowered) - 1
    for size in range(2, 7):
        same = itertools.compress(itertools.count(), map(operator.eq, lowered, itertools.islice(lowered, size, None)))
        starts.update(i for i in same if i + size < last and lowered[i + 1] == lowered[i + size + 1])
    return sorted(starts)


_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}]+)+"
# A bracket that closes on a name (a title may open it), and a name after a capitalised head and
# "of", "for" or "on": found from the bracket or the preposition, then the same name is looked for
# just before (far cheaper than trying a name at every capital).
_BRACKETED_NAME = regex.compile(rf"(?<=[ \t])\((?:[^()\n]{{0,30}}?[ \t])?(?P<name>{_NAME})\)")
# After a head and its link, a name of one word counts too ("the Health Ministry of Health"): the same
# word must stand right before the head, so only a name said on both sides of it is reported.
_NAME_AT = regex.compile(rf"(?:{_NAME}|\p{{Lu}}[\p{{Ll}}\p{{M}}]{{2,}})(?![\p{{L}}\p{{N}}]|[ \t]\p{{Lu}})")
_HEAD_BEFORE = regex.compile(r"[ \t]\p{Lu}\p{Ll}+$")
_HEAD_LINKS = (" of ", " for ", " on ")


def _check_names(doc: Document) -> Iterator[Hit]:
    text = doc.text
    if "(" in text:
        for match in _BRACKETED_NAME.finditer(text, timeout=timeout_for(text)):
            name = match.group("name")
            before = match.start() - 1  # the blank before the bracket
            if _ends_with_name(text, before, name):
                yield Hit(before, match.end(), ("",), message=f"The bracket repeats the name before it, “{name}”.")
    for at, name in _names_after_head(text):
        head = _HEAD_BEFORE.search(text, max(0, at - 40), at)
        if head is not None and _ends_with_name(text, head.start(), name):
            start = head.start() - len(name)
            yield Hit(start, head.start() + 1, ("",), message=f"“{name}” is said on both sides of the name.")


# A bracket of one to five words; the words before it are compared with it afterwards.
_BRACKET_WORDS = regex.compile(r"(?<=[ \t])\((?P<gloss>\p{L}[\p{L}\p{M}'’-]*(?:[ \t]\p{L}[\p{L}\p{M}'’-]*){0,4})\)")


def _check_glosses(doc: Document) -> Iterator[Hit]:
    text = doc.text
    if "(" not in text:
        return
    for match in _BRACKET_WORDS.finditer(text, timeout=timeout_for(text)):
        gloss = match.group("gloss")
        before = match.start() - 1  # the blank before the bracket
        start = before - len(gloss)
        if len(gloss) < 3 or start < 0 or (start > 0 and text[start - 1].isalnum()):
            continue
        said = text[start:before]
        # The same words in the same case is a name said twice (the `name` form) unless all lower case.
        if said.casefold() == gloss.casefold() and (said != gloss or said.islower()):
            yield Hit(before, match.end(), ("",), message=f"The bracket only repeats “{said}”.")


def _names_after_head(text: str) -> Iterator[tuple[int, str]]:
    """Each " of ", " for " or " on " followed by a name: where the link starts, and the name."""
    for link in _HEAD_LINKS:  # str.find runs in C; the pattern is tried only where a capital follows
        at = text.find(link)
        while at >= 0:
            after = at + len(link)
            if text[after : after + 1].isupper():
                match = _NAME_AT.match(text, after)
                if match is not None and (" " in match.group() or _name_ends(text, match.end())):
                    yield at, match.group()
            at = text.find(link, at + 1)


_NEXT_WORD = regex.compile(r"[ \t]*(?:(?P<word>\p{Ll}+)|[^\p{L}\p{N}]|$)")


def _name_ends(text: str, end: int) -> bool:
    """True when a one-word name ends its phrase: punctuation, or a closed-class word or a past verb next."""
    nxt = _NEXT_WORD.match(text, end)
    word = nxt.group("word") if nxt is not None else None
    return nxt is not None and (word is None or word in function_words() or word in reporting_verbs() or word.endswith("ed"))


def _ends_with_name(text: str, end: int, name: str) -> bool:
    """True when `name` stands whole right before `end` (no letter or digit glued before it)."""
    start = end - len(name)
    return start >= 0 and text[start:end] == name and (start == 0 or not text[start - 1].isalnum())


def _check_coordinated(doc: Document) -> Iterator[Hit]:
    words, lowered = doc.words, _lowered(doc)
    # Only where the word after next equals the word (found in C) can "X and X" stand.
    for i in itertools.compress(itertools.count(1), map(operator.eq, lowered, itertools.islice(lowered, 2, None))):
        a, conj, b = words[i - 1], words[i], words[i + 1]
        low = lowered[i - 1]
        if conj.text not in ("and", "or") or low != lowered[i + 1] or not (_adjacent(doc, a, conj) and _adjacent(doc, conj, b)):
            continue
        if low in _EMPHATIC or low.endswith("er") or low in function_word_groups()["pronouns"] or low.isdigit():
            continue
        after = words[i + 2] if i + 2 < len(words) else None
        if after is not None and _adjacent(doc, b, after) and after.text.lower() in function_word_groups()["auxiliaries"]:
            continue  # "in inflation expectations and expectations will fall": two clauses, a comma missing
        yield Hit(a.start, b.end, message=f"“{a.text}” is coordinated with itself.")
    yield from _listed_twice(doc, words, lowered)


def _listed_twice(doc: Document, words: tuple[Word, ...], lowered: list[str]) -> Iterator[Hit]:
    """The same lower-case word twice in a list ("their religion, religion and nationality"): two
    source words rendered alike. Only before "and", "or" or another comma, so that emphasis ("very,
    very", "no, no") and a clause break stay clean. A proper name counts too when another item stands
    before it ("Brazil, Asia, Asia and South Africa": a spinner gave two countries one synonym)."""
    for i in itertools.compress(itertools.count(1), map(operator.eq, lowered, itertools.islice(lowered, 1, None))):
        a, b = words[i - 1], words[i]
        low = lowered[i]
        if doc.text[a.end : b.start] != ", " or i + 1 >= len(words):
            continue
        if not (a.text.islower() or _listed_name(doc, words, i)):
            continue
        if low in _ALLOWED_DOUBLES or low in _EMPHATIC or low in function_words():
            continue
        if a.text.islower() and lexicon.zipf(low) < _MIN_LIST_ZIPF:
            continue
        if lowered[i + 1] == low or (i >= 2 and lowered[i - 2] == low):
            continue  # "ding, ding, ding": a sound or a chant said three times
        between = doc.text[b.end : words[i + 1].start]
        if between == ", " or (between == " " and lowered[i + 1] in ("and", "or")):
            yield Hit(a.start, b.end, message=f"“{a.text}” is listed twice.")


def _listed_name(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when words i-1 and i are one proper name written alike ("Asia, Asia") after another list item.

    The item required before keeps a chant ("Boris, Boris and the crowd") out; a city named like its
    state or country ("Luxembourg, Luxembourg") is left alone.
    """
    a, b = words[i - 1], words[i]
    if a.text != b.text or len(a.text) < 3 or not a.text.isalpha() or not a.text[1:].islower():
        return False
    if a.text.lower() in lexicon.lowercase_words() or a.text in _CITY_OF_ITS_STATE or i < 2:
        return False  # a common word capitalised ("Very, Very") is emphasis, not a name
    return doc.text[words[i - 2].end : a.start] == ", "


def _check_articles(doc: Document) -> Iterator[Hit]:
    words, lowered = doc.words, _lowered(doc)
    articles = function_word_groups()["articles"]
    # Only two articles in a row (found in C) are looked at.
    # Compared through iterators: a shifted copy of a list a word long is another 8 bytes a word.
    article = map(articles.__contains__, lowered)
    following = map(articles.__contains__, itertools.islice(lowered, 1, None))
    for i in itertools.compress(itertools.count(1), map(operator.and_, article, following)):
        a, b = words[i - 1], words[i]
        if lowered[i - 1] not in articles or lowered[i] not in articles or lowered[i - 1] == lowered[i]:
            continue
        if b.text == "A":
            continue  # "an A grade", "a A-list": the letter
        nxt = words[i + 1] if i + 1 < len(words) else None
        if b.text[0].isupper() and nxt is not None and nxt.text[0].isupper():
            continue  # "a The Economist report": an article before a title
        if _adjacent(doc, a, b):
            yield Hit(a.start, b.end, message=f"Two articles in a row: “{a.text} {b.text}”.")


def _check_paragraphs(doc: Document) -> Iterator[Hit]:
    text = doc.text
    seen = _Keys(text, _unit_key)
    # Folding costs more than the exact test, so it runs only where an earlier unit has as many
    # words (a repeat that differs in punctuation glued to words, accents or case keeps that count),
    # and each unit is folded at most once.
    by_length: dict[int, list[int]] = {}  # words -> places of units not folded yet
    folded: dict[int, _Keys] = {}  # words -> folded keys
    # Each unit as one int (start, end packed), which sorts as the (start, end) pair would.
    units = sorted({_packed(*line) for line in _lines(text)} | {_packed(s.start, s.end) for s in doc.sentences}
                   | {_packed(*piece) for piece in _glued_pieces(text, doc.sentences)})
    yield from _doubled_short_lines(text, _lines(text))
    for place in units:
        start, end = _unpacked(place)
        tokens = text[start:end].split()
        if len(tokens) < _MIN_WORDS or not _long_enough(tokens):
            continue  # too short to count, and so never equal to a unit that was kept
        key = " ".join(tokens)
        if key in seen or _folded_repeat(key, place, text, by_length, folded):
            # The repeat goes with the line break before it, so that removing it leaves no blank lines
            # (but a repeat with a caption run into its end leaves the caption on a line of its own).
            before = start
            glued_after = end < len(text) and not text[end].isspace()
            while before > 0 and text[before - 1].isspace() and not glued_after:
                before -= 1
            yield Hit(before, end, ("",), message="This paragraph repeats an earlier one word for word.")
        else:
            seen.add(key, place)


def _packed(start: int, end: int) -> int:
    return start << 32 | end


def _unpacked(place: int) -> tuple[int, int]:
    return place >> 32, place & 0xFFFFFFFF


def _unit_key(text: str, place: int) -> str:
    """A unit's words joined by single spaces: what two units that repeat each other share."""
    start, end = _unpacked(place)
    return " ".join(text[start:end].split())


def _folded_key(text: str, place: int) -> str:
    return _folded(_unit_key(text, place))


class _Keys:
    """A set of unit keys kept as their hashes and the places of their units: the keys themselves
    would be another copy of every line and sentence; one is rebuilt only when a hash recurs."""

    def __init__(self, text: str, key_of: Callable[[str, int], str]) -> None:
        self._text, self._key_of = text, key_of
        self._at: dict[int, int | list[int]] = {}  # hash -> a place, or the places, of keys with it

    def __contains__(self, key: str) -> bool:
        at = self._at.get(hash(key))
        if at is None:
            return False
        return any(self._key_of(self._text, place) == key for place in (at if isinstance(at, list) else (at,)))

    def add(self, key: str, place: int) -> None:
        """Keep `key`, the key of the unit at `place`."""
        h = hash(key)
        at = self._at.get(h)
        self._at[h] = place if at is None else [*at, place] if isinstance(at, list) else [at, place]


# A full stop, question or exclamation mark between a lower-case letter and a capital, with no space:
# a sentence boundary a lost space hid from the segmenter ("prime minister.Credit").
_GLUED_STOP = regex.compile(r"(?<=\p{Ll}[.!?])(?=\p{Lu})")


def _glued_pieces(text: str, sentences: Iterable[Span]) -> Iterator[tuple[int, int]]:
    """The parts of each sentence on either side of a glued sentence boundary, so that a pasted
    paragraph with a caption run into its end is still seen as a repeat (the space a safe fix puts back
    would otherwise reveal it only after the fix)."""
    for sentence in sentences:
        start = sentence.start
        for glued in _GLUED_STOP.finditer(text, sentence.start, sentence.end):
            yield start, glued.start()
            start = glued.start()
        if start != sentence.start:
            yield start, sentence.end


def _doubled_short_lines(text: str, lines: Iterator[tuple[int, int]]) -> Iterator[Hit]:
    """A short line of words said again on the very next line: a caption scraped with its alt text
    ("Yogi Adityanath" twice). Lines with digits (agate, scores) and single words are left alone."""
    previous: tuple[int, int] | None = None
    for start, end in lines:
        if previous is not None and end - start == previous[1] - previous[0] and text[start:end] == text[previous[0]:previous[1]]:
            line = text[start:end]
            if (text.count("\n", previous[1], start) <= 2 and not any(map(str.isdigit, line))
                    and 2 <= len(line.split()) < _MIN_WORDS and _letters_only(line)):
                yield Hit(previous[1], end, ("",), message="This line repeats the line before it word for word.")
        previous = (start, end)


def _letters_only(line: str) -> bool:
    """Every word of the line is made of letters (a name or caption, not a list marker or a symbol row)."""
    return all(_without_apostrophes(token.strip(_PUNCTUATION)).replace("-", "").isalpha() for token in line.split())


def _folded_repeat(key: str, place: int, text: str, by_length: dict[int, list[int]], folded: dict[int, _Keys]) -> bool:
    """True when `key` (of the unit at `place`) equals an earlier unit of its length once glyphs, accents
    and case are folded; otherwise the unit is kept among those of its length, folded only when another
    unit needs it."""
    size = key.count(" ")  # the key is its words joined by single spaces
    pending = by_length.get(size)
    if pending is None:
        by_length[size] = [place]
        return False
    known = folded.get(size) or folded.setdefault(size, _Keys(text, _folded_key))
    for earlier in pending:
        known.add(_folded_key(text, earlier), earlier)
    pending.clear()
    mine = _folded(key)
    if mine in known:
        return True
    known.add(mine, place)
    return False


# The common marks, made spaces in C; a rarer mark only tells two units apart (a miss, never a false repeat).
_MARKS = " ,.;:!?\"'‘’“”„«»()[]–—-"
_MARKS_SPACED = str.maketrans(_MARKS, " " * len(_MARKS))


def _folded(line: str) -> str:
    """The line's words with punctuation, accents and case folded: a scraped repeat of a headline or
    caption often differs from the first copy only in those ("Lega’s" / "Lega's", "Säpo" / "Sapo",
    "Meloni to Biden: “Italy acts”" / "meloni to biden italy acts")."""
    return " ".join(_unaccented(line).translate(_MARKS_SPACED).split())


def _unaccented(line: str) -> str:
    """The line with accents and case folded."""
    if line.isascii():
        return line.casefold()
    decomposed = unicodedata.normalize("NFKD", line)
    # The marks are looked up once per distinct character, then deleted in C.
    marks = [c for c in set(decomposed) if unicodedata.combining(c)]
    if marks:
        decomposed = decomposed.translate(dict.fromkeys(map(ord, marks)))
    return decomposed.casefold()


def _long_enough(tokens: list[str]) -> bool:
    """At least eight words of letters: agate, sign-offs and short sentences repeat legitimately."""
    # Iterators end to end (no Python loop per word), stopping at the eighth word. Most units
    # have eight plain words, which stripping cannot change: that test runs first.
    if next(itertools.islice(filter(str.isalpha, tokens), _MIN_WORDS - 1, None), None) is not None:
        return True
    # An inner apostrophe keeps a word a word ("Meloni's", "don't").
    words = filter(str.isalpha, map(_without_apostrophes, map(str.strip, tokens, itertools.repeat(_PUNCTUATION))))
    return next(itertools.islice(words, _MIN_WORDS - 1, None), None) is not None


_MIN_WORDS = 8


_PUNCTUATION = ".,;:!?“”\"'()"
_APOSTROPHES = str.maketrans("", "", "'’")


def _without_apostrophes(token: str) -> str:
    return token.translate(_APOSTROPHES)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Every line (a paragraph, or a line of one) as offsets without surrounding blanks."""
    pos = 0
    while pos <= len(text):  # line by line: splitting the whole text at once would copy all of it
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            yield start, start + len(stripped)
        pos = end + 1
