"""`final-vowel-variant`: one family or place name written with and without its final vowel.

A round trip through a language that writes names by syllable drops or adds a final vowel, so one
article names "Sheikh Ali Dembara" and "Mama Ali Dembar", or "the elders of Ngabou" and "the town
of Ngaboua". Name-variants leaves such pairs alone, since a longer form of a word is usually another
word or another person (Andre / Andrea, Paul / Paula, Ivanov / Ivanova); this kind reads the pair
only where both forms stand in the same role:

- both are *family names*: the last word of a run of two to four capitalised words, never its
  first word (a given name: Dragan Petrovic / Dragana Ilic are two people), or
- both are *places*: a capitalised word standing alone after "in", "at", "near", "from" and the
  like, or after a place or community noun and "of" ("the town of", "the elders of").

The two forms differ by one final a, e, o or u; the shorter has at least `shortest` letters; at
least one form is unknown to English and to the name tables (a word they both know, such as
Christian / Christiane, is two names); and the pair is not a Slavic family name in its two genders
(Ivanov / Ivanova, Sinitsyn / Sinitsyna). The form written more often is kept, the first-written
one on a tie (an article introduces a name in full before it shortens it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement

KIND = "final-vowel-variant"
OPTIONS = (
    Option("shortest", INTEGER, "Fewest letters of the shorter form.", default=5),
)
REPLACEMENT = Replacement.COMPUTED

_FINAL_VOWELS = "aeou"
# A masculine Slavic family name and its feminine in -a are two people, not one name cut short.
_GENDERED_STEMS = ("ov", "ev", "in", "yn")
# The word before a lone capitalised word that makes it a place.
_PLACE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\p{N}])(?:in|at|near|from|outside|around|into|across|through|to)"
    r"|(?:town|village|city|region|district|province|county|commune|municipality|state|island|port|area"
    r"|elders|people|residents|inhabitants|villagers|mayor|governor|chief|chiefs|outskirts|centre|center)[ \t]+of)"
    r"[ \t]+$"
)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options once and return the checker."""
    shortest = int(rule.options["shortest"])

    def check(doc: Document) -> Iterator[Hit]:
        runs = nm.mentions(doc)
        paired = _paired(runs, shortest)
        if not paired:
            return
        roles, given, spans = _roles(doc, runs, paired)
        pairs = set()
        for words in roles.values():
            for short in words:
                if len(short) >= shortest:
                    pairs.update((short, short + vowel) for vowel in _FINAL_VOWELS if short + vowel in words)
        for short, long in sorted(pairs):  # a pair may stand in both roles; reported once, in a fixed order
            if _one_name(short, long, given):
                yield from _report(short, long, spans)

    return check


_Span = tuple[int, int, str]  # start, end, and the name word before it ("" when it stands alone)


def _paired(runs: nm.Mentions, shortest: int) -> frozenset[str]:
    """The words of capitalised runs written with and without a final vowel, both forms (few or none).

    Every word `_roles` collects is a word of a run, so a pair needs both forms among these; the runs
    of other words need not be read.
    """
    vocabulary = {word for texts in runs.distinct for word in texts}
    longs = [
        word for word in vocabulary
        if len(word) > shortest and word[-1] in _FINAL_VOWELS and word[:-1] in vocabulary  # the shorter: `shortest` letters
    ]
    return frozenset(longs).union(word[:-1] for word in longs)


def _roles(
    doc: Document, runs: nm.Mentions, paired: frozenset[str]
) -> tuple[dict[str, set[str]], set[str], dict[str, list[_Span]]]:
    """Words by role (family or place), the words seen as given names, and every span of each word;
    of the `paired` words only (the others cannot make a pair)."""
    text = doc.text
    roles: dict[str, set[str]] = {"family": set(), "place": set()}
    given: set[str] = set()
    spans: dict[str, list[_Span]] = defaultdict(list)
    starts = doc.words.starts
    for mention in runs:
        texts = mention.texts
        if len(texts) == 1:
            word = texts[0]
            if word not in paired or not word.isalpha() or mention.sentence_start:
                continue
            start = mention.start
            if _PLACE_BEFORE.search(text, max(0, start - 40), start):
                roles["place"].add(word)
            spans[word].append((start, mention.end, ""))
            continue
        if len(texts) > 4:
            continue
        if texts[0] in paired:
            given.add(texts[0])
        last = texts[-1]  # the possessive ending already cut, as in `mention.words`
        if last in paired and last.isalpha():
            # Its offsets read straight from the stream: building the run's Word tuples costs more.
            _, first, size, _, _ = mention
            roles["family"].add(last)
            spans[last].append((starts[first + size - 1], mention.end, texts[-2]))
    return roles, given, spans


def _one_name(short: str, long: str, given: set[str]) -> bool:
    """True when the two forms can only be one name: neither a given name, not both known, no gender pair."""
    if short in given or long in given:
        return False
    if _known(short) and _known(long):
        return False
    return not short.lower().endswith(_GENDERED_STEMS)


def _known(word: str) -> bool:
    """A word English or the name tables know (Andrea, Paula, Kenya)."""
    return lexicon.zipf(word) > 0 or lexicon.is_listed_name(word)


def _report(short: str, long: str, spans: dict[str, list[_Span]]) -> Iterator[Hit]:
    """Report the form written less often (the later-written one on a tie), suggesting the other."""
    counts = Counter({short: len(spans[short]), long: len(spans[long])})
    if counts[short] == counts[long]:
        doubtful = short if spans[short][0][0] > spans[long][0][0] else long
    else:
        doubtful = min((short, long), key=counts.__getitem__)
    kept = long if doubtful == short else short
    message = f"“{doubtful}” and “{kept}” look like one name written with and without its final vowel."
    # After a given name of five letters or more that the kept form also follows ("Amadou Tounkara" /
    # "Amadou Tounkar"), name-variants reports the full name already.
    shared = {before for _, _, before in spans[kept] if len(before) >= 5 and lexicon.zipf(before.lower()) < 3.0}
    for start, end, before in spans[doubtful]:
        if before not in shared:
            yield Hit(start, end, (kept,), message=message)
