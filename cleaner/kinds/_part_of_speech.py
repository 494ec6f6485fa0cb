"""What a capitalised word is by the dictionary alone: an adjective, a verb form, a word that is rarely a name.

`stray-capital` weighs a capital by the word's class: no name is an adjective before its noun
("hold Regular meetings") or a gerund with its object ("people Experiencing a storm").
"""

from __future__ import annotations

import functools

from cleaner import gazetteer, lexicon
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


def verb_after_office(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when capitalised word i is a verb form or an adverb run onto the name of an office or a body, with
    lower-case words after it: "asked the Ministry of Tourism Find foreign bloggers", "the Interior Ministry
    Saying that", "The Prime Minister Went to the border".

    Thai and other unpunctuated sources lose the segment break after the name, and the engine capitalises the
    next segment's first word, which then looks like the name's last. No name of a body or an office ends on
    a verb form with its object after it, and the word classes tell the verb (lexicon.word_classes, from
    WordNet): an adverb in -ly and nothing else ("Urgently find"); a base verb and nothing else ("Find", "Organize":
    "Repair", "Trade" and "Change" are nouns too, and end names: "Ministry of Climate Change"); an irregular
    past ("Went", "Met"; one that is a noun too, "Won", "Left", only before its object, an article or a
    possessive); a past in -ed or a gerund of an English verb before its object, or a reporting verb's
    gerund before "that" ("Saying that"; "the Office of Fair Trading that ..." is a relative clause).
    A capital after the word goes on with the name ("the Department of Highways Repair Unit").
    """
    word = words[i]
    low = word.text.lower()
    if not (word.text[:1].isupper() and word.text[1:].islower() and word.text.isalpha()) or i == 0:
        return False
    classes = lexicon.word_classes(low)
    if not (classes == "v" or (classes == "r" and low.endswith("ly")) or "x" in classes or low.endswith(("ed", "ing"))):
        return False  # no verb form or adverb, whatever stands around it (asked first: the words around cost more)
    if _gap(doc, words, i - 1) != " " or i + 1 >= len(words) or _gap(doc, words, i) != " ":
        return False
    nxt = words[i + 1].text
    if not (nxt.isalpha() and nxt.islower()) or not _after_office(doc, words, i):
        return False
    if lexicon.is_listed_name(word.text) or (nxt in _TITLE_MINOR and _capital_next(doc, words, i + 1)):
        return False  # a name's word ("Rose"), or a title going on ("Repair and Maintenance Unit")
    if low in reporting_verbs():
        return False  # "the Ministry of Finance Announced": the attribution rules report it (AT108)
    takes_object = nxt in _complement_openers() and nxt not in function_word_groups()["prepositions"]
    if classes == "r":
        return low.endswith("ly")  # "the Ministry of Tourism Urgently find"; not "Upstate", "Offshore"
    if classes == "v":  # its object after it: "Find foreign bloggers"; not a title's "Elect" before a verb ("the President Elect said")
        return word.text not in lexicon.word_surnames() and (takes_object or _object_word(nxt))
    if "x" in classes and not low.endswith(("ing", "s")):
        if "n" in classes or "a" in classes or word.text in lexicon.word_surnames():
            return takes_object  # "Minister Won the vote", not "Minister Won on Monday" (a Korean name), "the Fallen in"
        return nxt not in function_word_groups()["conjunctions"]  # "Went to", "Met the"
    if low.endswith(("ed", "ing")) and _verb_stem(low):
        if nxt == "that" and low.endswith("ing"):
            return any(low[:-3] + ending in reporting_verbs() for ending in ("s", "es", "ed"))  # saying: says
        return takes_object and not low.endswith("ing")  # a gerund before its object is stray-capital's own case
    return False


def _object_word(low: str) -> bool:
    """True for a lower-case content word that is no verb form: it can open a verb's object ("foreign bloggers")."""
    if low in function_words() or low in reporting_verbs() or low.endswith("ed"):
        return False
    classes = lexicon.word_classes(low)
    if "x" in classes or (classes and not set(classes) & {"n", "a"}):
        return False  # "went", "announce"
    stem = lexicon.word_classes(low[:-1]) if low.endswith("s") else ""
    return "v" not in stem  # "thanks", "rallies" may be verbs after a subject


# Lower-case words that may go on inside a title or a body's name when a capital follows ("Repair and
# Maintenance Unit", "Ministry of Tourism and Sports").
_TITLE_MINOR = frozenset("and of for the to on in".split())
_MAX_NAME = 6  # words of an office's or a body's name before the verb


def _gap(doc: Document, words: tuple[Word, ...], i: int) -> str:
    """The text between word i and the next."""
    return doc.text[words[i].end : words[i + 1].start]


def _capital_next(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised word follows word i, joined by one space."""
    return i + 1 < len(words) and _gap(doc, words, i) == " " and words[i + 1].text[:1].isupper()


def _after_office(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when the capitalised run that ends right before word i names an office or a body: an organisation
    noun or the title of a body's head (rules/data/institutions.yaml) stands in it."""
    j = i - 1
    while j >= 0 and i - j <= _MAX_NAME:
        text = words[j].text
        if text.lower() in _office_nouns() and text[:1].isupper():
            return True
        if j == 0 or _gap(doc, words, j - 1) != " ":
            return False
        before = words[j - 1].text
        if not (before[:1].isupper() or before in ("of", "for", "and")):
            return False
        j -= 1
    return False


@functools.lru_cache(maxsize=1)
def _office_nouns() -> frozenset[str]:
    data = gazetteer.load("institutions")
    return frozenset(data["nouns"]) | frozenset(data["heads"]) | {"ministry", "minister"}
