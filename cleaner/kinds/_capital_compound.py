"""The compound form of `stray-capital`'s common words: a hyphenated compound of common words capitalised mid-sentence.

"in the Quarter-finals of the cup", "a Long-term plan": every part is a common English word that
the dictionary writes in lower case, so the compound is no name (a romanised given name such as
"Jae-myung" or "Hang-seo" has a part that is no English word), and no house style capitalises it
as the short form of an institution. CA127 reports the compounds of a prefix (Post-match); this
form reports the compounds of two or three words, with the same guards as a single common word.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.wordclass import function_words

# A Capitalised hyphenated compound right after a lower-case word and before another: "the Quarter-finals of".
_COMPOUND = regex.compile(r"(?<=\p{Ll}[ \t]{1,3})\p{Lu}\p{Ll}{2,}(?:-\p{Ll}{3,}){1,2}(?=[ \t]{1,3}\p{Ll})")


def compound_candidates(doc: Document, skip: Callable[[tuple[Word, ...], int], bool]) -> Iterator[int]:
    """The indexes of capitalised compounds of common words mid-sentence that `skip` (a name's or a title's) leaves."""
    if "-" not in doc.text:
        return
    words = doc.words
    prefixed = _prefixed()
    for match in _COMPOUND.finditer(doc.text):
        if not _common_parts(match.group()) or prefixed.match(match.group()):
            continue
        i = doc.word_index(match.start())
        if words[i].start != match.start() or words[i].text != match.group() or skip(words, i):
            continue
        yield i


@functools.lru_cache(maxsize=1)
def _prefixed() -> regex.Pattern:
    """The compounds CA127 reports (a prefix such as Post-, Semi-, Cross-), from its rule in the built-in pack: left to it."""
    # The loaded pack (the compiled cache on a warm start), not its YAML file: a plain check never parses YAML.
    from cleaner.loader import load_rules

    pattern = next((str(rule.options.get("pattern", "")) for rule in load_rules() if rule.code == "CA127"), "")
    target = regex.search(r"\(\?<target>(\(\?:[^)]*\))", pattern)
    return regex.compile(target.group(1) + "-" if target else r"(?!)")


def _common_parts(compound: str) -> bool:
    """True when every part is a common English word written in lower case and no closed-class word."""
    lower = lexicon.lowercase_words()
    return all(part in lower and part not in function_words() for part in compound.lower().split("-"))
