"""What a capitalised word is by the dictionary alone: an adjective, a verb form, a word that is rarely a name.

`stray-capital` weighs a capital by the word's class: no name is an adjective before its noun
("hold Regular meetings") or a gerund with its object ("people Experiencing a storm").
"""

from __future__ import annotations

import functools

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.wordclass import function_word_groups, function_words, reporting_verbs

# Words that open a noun phrase: the word after one is a noun or its adjective ("the Commission").
DETERMINERS = frozenset("a an the its their this our his her".split())
# Adverb, participle, adjective and abstract-noun endings: such words are rarely the name of a product
# or a body, so a capital on one of them between lower-case words is strong evidence on its own.
NOT_NOUN_ENDINGS = ("ly", "ed", "ous", "ful", "less", "able", "ible",
                    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")


def verb_form_with_complement(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i is a participle or gerund of an English verb (experiencing, released) with its complement
    after it in lower case: an article, a preposition or a possessive, then a lower-case content word.

    "Experiencing a storm", "Giving an interview", "Released after the crisis"; not a title, which capitalises
    its content words ("Dancing in the Dark", "Waiting for Godot"), nor a name (Reading, Sterling: the
    name tables hold them and the caller skips them first).
    """
    low = words[i].text.lower()
    if not (low.endswith("ing") and len(low) >= 6 or low.endswith("ed") and len(low) >= 5) or not _verb_stem(low):
        return False
    run = []
    j = i
    while j + 1 < len(words) and len(run) < 4 and doc.text[words[j].end : words[j + 1].start] == " ":
        run.append(words[j + 1].text)
        j += 1
    if len(run) < 2 or run[0] not in _complement_openers():
        return False
    for following in run[1:]:
        if not following.isalpha() or not following.islower():
            return False
        if following not in function_words():
            return lexicon.zipf(following) >= 3.0
    return False


@functools.lru_cache(maxsize=1)
def _complement_openers() -> frozenset[str]:
    groups = function_word_groups()
    return frozenset(groups["articles"] | groups["prepositions"] | {"his", "her", "their", "its", "our", "my", "your"})


def _verb_stem(low: str) -> bool:
    """True when the word less -ing or -ed is an English verb: giving (give), released (release), planned (plan)."""
    stem = low[:-3] if low.endswith("ing") else low[:-2]
    words_lower = lexicon.lowercase_words()
    forms = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
    return any(len(form) >= 3 and form in words_lower for form in forms)


def adjective_before_noun(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i is an adjective (English derives an adverb or a superlative from it: regularly, biggest)
    or a gerund, and a lower-case content word follows it, the noun it qualifies.

    Brands and bodies are nouns ("his Telegram channel", "the Diet this week"), which have no
    adverb; a verb after the word ("the General said") makes it a noun used as a title.
    """
    low = words[i].text.lower()
    # A gerund qualifies a noun the same way ("the requirements of Coaching staff"); a name in -ing is in
    # the name tables (Reading, Manning), which the caller consults first.
    gerund = low.endswith("ing") and len(low) >= 6 and _verb_stem(low)
    if not (is_adjective(low) or gerund):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None or doc.text[words[i].end : nxt.start] != " " or not nxt.text.islower():
        return False
    following = nxt.text
    if following in _MEDIUM_NOUNS:
        return False  # "copies of Time magazine", "The Week podcast": the capital names the publication
    return (following not in function_words() and following not in reporting_verbs()
            and not following.endswith(("ed", "ly")) and lexicon.zipf(following) >= 3.0)


# Nouns of a publication or broadcast, which a house style writes in lower case after its capitalised
# name ("Time magazine", "Fortune magazine", "the Today programme"). The name is often a noun with an
# adjective in -ly (timely, weekly, daily), so the adjective test alone would take it for a stray capital.
_MEDIUM_NOUNS = frozenset({"magazine", "newspaper", "journal", "tabloid", "weekly", "daily", "channel",
                           "podcast", "programme", "program", "show", "broadcast", "newsletter"})


def is_adjective(low: str) -> bool:
    """True when English derives an adverb (regular, regularly) or a superlative (little, littlest) from the word."""
    words_lower = lexicon.lowercase_words()
    forms = (low + "ly", low + "ally", low + "est", low + "st" if low.endswith("e") else "",
             low[:-1] + "iest" if low.endswith("y") else "", low + low[-1] + "est")
    return any(form and form in words_lower for form in forms)
