"""`stray-stop`: a full stop in the middle of a sentence, followed by a lower-case word.

Segment joins and reordering in machine translation leave a full stop where the sentence goes
on: `follow the guidelines. at each step`, `the canal gauge passed 2.85. to its peak`. The stop is
reported with the word after it when no abbreviation explains it: the word before is not an
abbreviation of the segmenter's list or of `abbreviations`, has no inner full stop between
letters (a.m., U.S.), is not a single letter (an initial) and is not a list number at the start
of a line; the word after is all lower case (not eBay or iPhone).

A full stop that cuts a name off the sentence it belongs to is reported too: `her separation from
her old coach. Marco Vidal. through the letter`. Between a lower-case word with its stop and another
stop on the same line stand only two to four capitalised words that the dictionary never writes in
lower case (a person's name, not "Award-winning" or "Only Alessandro") and no abbreviation (Rep.,
Gen., No.): a name alone is no sentence, so the stop before it goes.

Two suggestions, in the order the next word makes likelier: drop the stop (the sentence goes
on), or capitalise the next word (a new sentence lost its capital). A function word after the
stop ("at", "that", "the") makes dropping the stop come first. When the next quotation mark of the
paragraph closes a quotation that never opened (`membership. while the economy is this fragile? We
should not rush it.”`), the new sentence lost its opening mark with its capital: the only suggestion
is to restore both (`. “While`), since dropping the stop would run the reporter's words into the speech.

"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import Document
from cleaner.kinds._quotes import CLOSE, glyph_for, paragraph_marks
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement
from cleaner.segmenter import ABBREVIATIONS

KIND = "stray-stop"
OPTIONS = (
    Option("abbreviations", STRINGS, "More lower-case abbreviations that may end in a full stop (etc, approx).", default=()),
)
REPLACEMENT = Replacement.COMPUTED

_STOP = regex.compile(r"(?<=[\p{L}\p{N}%)”’\"])\.(?P<gap>[ \t]+)(?P<next>\p{Ll}+)(?![\p{L}\p{N}_@/])")
_TOKEN_BEFORE = regex.compile(r"[^\s“‘\"(\[]+$")
_INNER_LETTER_STOP = regex.compile(r"\p{L}\.\p{L}")
# A stop after a lower-case word, then two to four capitalised words and another stop with more text on the line.
_NAME_FRAGMENT = regex.compile(
    r"(?<=\p{Ll}{2})\.(?P<gap>[ \t]+)(?P<name>\p{Lu}[\p{L}\p{M}’'-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}’'-]+){1,3})\.(?=[ \t]+[^\s])")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    abbreviations = ABBREVIATIONS | {a.lower() for a in rule.options["abbreviations"]}
    continuing = _continuing_words()

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        for match in _STOP.finditer(text, timeout=timeout_for(text)):
            stop = match.start()
            if doc.in_heading(stop) or not _unexplained(text, stop, abbreviations):
                continue
            word = match.group("next")
            drop = match.group("gap") + word
            capitalise = "." + match.group("gap") + word[0].upper() + word[1:]
            order = (drop, capitalise) if word in continuing else (capitalise, drop)
            opener = _lost_opener(doc, match.end())
            if opener is not None:  # "fragile? We should not rush it.”": the speech opened here
                order = ("." + match.group("gap") + opener + word[0].upper() + word[1:],)
            yield Hit(stop, match.end(), order)
        if ". " in text:
            yield from _name_fragments(doc, abbreviations)

    return check


def _name_fragments(doc: Document, abbreviations: frozenset[str]) -> Iterator[Hit]:
    """The stop before a name standing alone between two stops: "her old coach. Marco Vidal. through"."""
    text = doc.text
    lower = lexicon.lowercase_words()
    for match in _NAME_FRAGMENT.finditer(text, timeout=timeout_for(text)):
        stop = match.start()
        if doc.in_heading(stop) or not _unexplained(text, stop, abbreviations):
            continue
        parts = match.group("name").split()
        if any(part.lower().rstrip("’'") in lower or part.lower() in abbreviations or "-" in part for part in parts):
            continue  # a common word ("Only", "Award-winning") or an abbreviation: not a bare name
        first = parts[0]
        yield Hit(stop, match.start("name") + len(first), (match.group("gap") + first,),
                  message=f"Full stop before the name “{match.group('name')}”, which belongs to the sentence before it.")


def _lost_opener(doc: Document, offset: int) -> str | None:
    """The opening mark to restore at `offset` when the paragraph's next quotation mark after it closes a
    quotation that never opened (the scanner finds no opener for it), else None."""
    para = doc.paragraph_at(offset)
    if para is None:
        return None
    by_start = doc.shared("quote-marks-by-paragraph", lambda d: {span.start: marks for span, marks in paragraph_marks(d)})
    following = next((mark for mark in by_start.get(para.start, ()) if mark.start >= offset), None)
    if following is None or following.defect != "unmatched":
        return None
    if following.role != CLOSE and (following.glyph != '"' or doc.text[following.start - 1].isspace()):
        return None  # a straight mark glued to the words before it closes, whatever the scanner's pairing made of it
    return glyph_for("open", "straight" if following.glyph == '"' else "curly")


def _unexplained(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    """True when no abbreviation, initial or list number explains the full stop at `stop`."""
    line_start = text.rfind("\n", 0, stop) + 1
    found = _TOKEN_BEFORE.search(text, max(line_start, stop - 40), stop)
    if found is None:
        return False
    token = found.group().strip("”’\")]")
    bare = token.lower().rstrip(".")
    if bare in abbreviations or _INNER_LETTER_STOP.search(token) or (len(bare) == 1 and bare.isalpha()):
        return False
    return not (token.isdigit() and found.start() == line_start)  # "1. the first item"


def _continuing_words() -> frozenset[str]:
    """Function words that rarely start a sentence without a capital but often continue one."""
    words = gazetteer.load("function-words")
    keep = ("articles", "prepositions", "conjunctions", "auxiliaries")
    return frozenset(w for group in keep for w in words.get(group, ())) | {"that", "which", "who", "whom"}
