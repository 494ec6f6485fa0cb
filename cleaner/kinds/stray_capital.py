"""`stray-capital`: a capital letter mid-sentence on a word that is not part of a name or a title.

Translation engines carry capitals over from segment starts, source-language title case and
lost formatting ("when Both parties", "the bureau notes in its Weekly bulletin"). A capital is
judged by evidence, never by a list of observed strings:

- `form: function-word`: a closed-class word (article, preposition, pronoun, auxiliary ...; see
  rules/data/function-words.yaml) capitalised mid-sentence. Skipped where it starts or sits inside a
  run of capitalised words that contains a content word (a title or name: "The Hague", "Gone With the
  Wind"), except before a date ("Strategy In February 2020") and a subject pronoun with a verb after a
  name ("Olaf Schulz He won"). After a semicolon that follows a lower-case word a capital
  is a stray too ("Harris; For the delegation"), except on a subject pronoun ("cuttings; You can").
  After a dash a subject pronoun or "This" with its verb opens a clause ("without - They don't"):
  the capital is the new sentence's own. A run goes on through a serial comma before "and" or
  "or" in a list of capitalised words ("Ministry of Culture, Sports, and Tourism").
- `form: common-word`: a common English word (wordfreq) that the dictionary writes in lower case and
  never capitalises (SCOWL; so not Congress, Earth or Brown, nor a coinage such as Covid), not a place or nationality, standing alone between
  lower-case words. After a determiner ("the Commission") it counts only when the article also writes
  the word in lower case, or when the word never heads a capitalised name in the article, since house
  styles capitalise short forms of institutions they have named in full. After a comma only an
  adverb in -ly counts ("went badly, Especially on price"): other words there may be names in apposition.
  A word inside a short quotation whose content words are capitalised is a quoted title's. A capital
  only suggested lower case inside a run ("United We can") is no evidence for the words around it.
  A hyphenated compound of common words after a determiner counts too ("in the Quarter-finals of";
  see _capital_compound.py). The word of a fixed adverbial phrase after its preposition ("in General,
  probably", a closed class of idioms) counts on its own.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document, Word
from cleaner.kinds._capital_compound import compound_candidates
from cleaner.kinds._capital_place import before_place
from cleaner.kinds._sino_reading import _SYLLABLE  # one pinyin syllable: Liu, Wang, Zhang
from cleaner.kinds.missing_stop import claimed_capitals, missing_stop_hits
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import NUMBER, Option, Replacement, one_of
from cleaner.wordclass import MONTHS, WEEKDAYS, function_word_groups, function_words, reporting_verbs

KIND = "stray-capital"
OPTIONS = (
    Option("form", one_of("function-word", "common-word"), "Which form to report (see above).", default="function-word"),
    Option("min-zipf", NUMBER, "`common-word`: the least Zipf frequency of a word that is checked.", default=3.0),
)
REPLACEMENT = Replacement.COMPUTED

# Closed-class words that are also common names or titles on their own (Will Smith, Can Dündar, The Who).
_NAME_LIKE = frozenset({"will", "may", "can", "who", "us", "i", "mine"})
# What may stand between the previous word and a mid-sentence word; anything else opens a new unit
# (a sentence, a quotation, a parenthesis, a list item) where a capital is normal.
_OPENERS = frozenset(".!?:;“\"‘'([{…•*#>|/\n")
_DASHES = frozenset("—–-")
# Lower-case words that may sit inside a title or a name: "Gone With the Wind", "Bank of England".
_MINOR = frozenset("a an and as at by da de del della der des di du for from in into la le of on or the to van von with".split())
# The prefilter of the common-word form: a Capitalised word of three letters or more right after a lower-case
# one or a number ("approved 14 Regular meetings"), or after a comma that follows one (where only an adverb in -ly is taken: see _after_comma_adverb).
_CAPITAL_AFTER_LOWER = regex.compile(r"(?<=[\p{Ll}\p{Nd}](?P<quote>[”’\"])?(?:[ \t]{1,3}|[ \t]{0,2},[ \t]{1,3}))\p{Lu}\p{Ll}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\p{N}’'-])")
# A word of a quoted title: letters, an inner apostrophe or hyphen.
_TITLE_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'-]*")
# Lower-case particles inside personal names: "Saud bin Sultan", "Charles de Gaulle", "Vincent van Gogh".
_PARTICLES = frozenset("bin ibn bint ben al el da de del della der di du dos das van von".split())
_SUBJECTS = frozenset("i we you he she it they this there".split())
# Subjects that open a clause; after a capitalised word with a verb next they mark a lost sentence break.
_CLAUSE_SUBJECTS = frozenset("we he she it they there".split())
_DEMONSTRATIVE_SUBJECTS = frozenset("this".split())
_DETERMINERS = frozenset("a an the its their this our his her".split())
_OBJECT_OPENERS = frozenset("a an the its their our his her my your".split())
# Words that stand before the article "a" and never before a letter or grade: "such a", "quite a".
_PREDETERMINERS = frozenset("such quite rather what half".split())
# Adverb, participle, adjective and abstract-noun endings: such words are rarely the name of a product
# or a body, so a capital on one of them between lower-case words is strong evidence on its own.
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
_NOT_NOUN_ENDINGS = ("ly", "ed", "ous", "ful", "less", "able", "ible",
                     "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    min_zipf = float(rule.options["min-zipf"])
    if form == "function-word":
        return _check_function_words
    return lambda doc: iter(common_word_hits(doc, min_zipf))


def is_title_case(word: str) -> bool:
    """True for Capitalised words (not ALL CAPS, not camelCase)."""
    return word[:1].isupper() and word[1:].islower()


def mid_sentence(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i continues a sentence: a word precedes it with nothing but spaces, a comma or a closing quote between.

    After a closing bracket a new sentence may start ("(Laughter) You can't"), so a bracket ends it.
    """
    if i == 0 or doc.in_heading(words[i].start) or doc.is_sentence_start(words[i].start):
        return False
    prev = words[i - 1]
    gap = doc.text[prev.end : words[i].start].replace(" ", "").replace("\t", "").replace("\u00a0", "")
    if len(gap) > 1 and gap[-1] == "," and "\n" not in gap:
        # `onResistance? “, He said`: after a quotation a comma continues the sentence; after a bare
        # full stop (`the mouth. , Among them`) the comma is the stray and the capital starts a sentence.
        return any(ch in "“”\"‘’" for ch in gap) or not any(ch in ".!?" for ch in gap)
    if any(ch in _OPENERS for ch in gap):
        return False
    if any(ch in _DASHES for ch in gap):
        # After a dash only when the dash follows a lower-case word: "meetings – On a weekly basis";
        # a dateline "KYIV (AP) — The" or "2-1 — The" starts a sentence.
        return prev.text[:1].islower()
    return not gap or all(ch in ",”’" for ch in gap)


def _after_semicolon(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when only a semicolon and blanks stand between word i and a lower-case word: "Harris; For the"."""
    if i == 0 or words[i].text.lower() in _SUBJECTS:
        return False  # "cuttings; You can": a subject after a semicolon reads as a new sentence's
    return gap_before(doc, words, i) == ";" and words[i - 1].text[-1:].islower() \
        and "\n" not in doc.text[words[i - 1].end : words[i].start]


def gap_before(doc: Document, words: tuple[Word, ...], i: int) -> str:
    """The characters between word i and the word before it, without spaces."""
    return "".join(doc.text[words[i - 1].end : words[i].start].split()) if i else ""


def _is_content_capital(word: Word) -> bool:
    return word.text[:1].isupper() and word.text.lower() not in function_words()


def _before_date(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None or doc.text[words[i].end : nxt.start].strip():
        return False
    if nxt.text.isdigit() and len(nxt.text) == 4:
        return True
    after = words[i + 2] if i + 2 < len(words) else None
    return nxt.text in MONTHS and after is not None and after.text.isdigit()


def _in_title_run(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i belongs to a run of capitalised words with a content word in it (a name or title).

    A run goes on through capitalised words, and through one or two minor lower-case words (of, the,
    and ...) that have a capitalised word after them: "Gone With the Wind", "Minister of the Economy".
    """
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(words):
            a, b = sorted((words[j], words[j + step]), key=lambda w: w.start)
            gap = doc.text[a.end : b.start].strip()
            serial = gap == "," and step < 0 and words[j].text in ("and", "or") and _capital_list(doc, words, j + step)
            if gap not in ("", "-") and not serial:
                break
            nxt = words[j + step]
            if nxt.text[:1].isupper():
                if nxt.text.lower() not in function_words():
                    return True
            elif nxt.text not in _MINOR or not _capital_beyond(doc, words, j + step, step):
                break
            j += step
    return False


def _capital_beyond(doc: Document, words: tuple[Word, ...], j: int, step: int, minor: int = 1) -> bool:
    """True when a capitalised word follows word j, through at most one more minor word ("of the Economy")."""
    k = j + step
    if not 0 <= k < len(words):
        return False
    a, b = sorted((words[j], words[k]), key=lambda w: w.start)
    gap = doc.text[a.end : b.start].strip()
    if gap == "," and step < 0 and words[j].text in ("and", "or"):
        return _capital_list(doc, words, k)  # "Ministry of Culture, Sports, and Tourism": a serial comma
    if gap:
        return False
    if words[k].text[:1].isupper():
        return True
    return minor > 0 and words[k].text in _MINOR and _capital_beyond(doc, words, k, step, minor - 1)


def _capital_list(doc: Document, words: tuple[Word, ...], k: int) -> bool:
    """True when word k ends a list of capitalised content words joined by commas ("Culture, Sports"): a name's list."""
    if k < 1 or not (_is_content_capital(words[k]) and _is_content_capital(words[k - 1])):
        return False
    return doc.text[words[k - 1].end : words[k].start].strip() in ("", ",")


def _check_function_words(doc: Document) -> Iterator[Hit]:
    # The common-word form weighs these hits too: found once per document for both rules.
    return iter(doc.shared("function-word-capitals", lambda d: tuple(_find_function_words(d))))


def _find_function_words(doc: Document) -> Iterator[Hit]:
    words = doc.words
    capitals = _function_capitals()
    claimed = claimed_capitals(doc)  # a lost full stop before a clause is the missing-stop kind's (PU138)
    for i, word in enumerate(words):
        if word.text == "A" and _stray_article(doc, words, i):
            yield Hit(word.start, word.end, ("a",), message="“A” is capitalised in the middle of a sentence.")
            continue
        if word.text not in capitals or word.start in claimed:
            continue
        low = word.text.lower()
        if not (mid_sentence(doc, words, i) or _after_semicolon(doc, words, i)) or _abbreviation(doc, word):
            continue
        # Inside a run of capitals, only a preposition before a date ("Strategy In February") is surely
        # lower case; a run breaker is offered lower case only: the run may be a name translated word by
        # word ("United We Can"), and lowering one word would leave the rest looking like stray capitals.
        doubtful = _in_title_run(doc, words, i) and not _before_date(doc, words, i)
        if doubtful and not (_run_breaker(doc, words, i) or before_place(doc, words, i)):
            continue
        gap = gap_before(doc, words, i)
        if gap == "," and low in _SUBJECTS:
            continue  # "so dazzling, We can see": a comma splice, not a stray capital; ”, He said is kept
        if gap == "," and words[i - 1].text in reporting_verbs():
            continue  # "the analyst said, The market will": an unmarked quotation starts with its capital
        if gap[-1:] in _DASHES and _clause_after_dash(doc, words, i):
            continue  # "the detective service – This man confessed": a new sentence after a dash, its stop lost
        yield Hit(word.start, word.end, (low,), message=f"“{word.text}” is capitalised in the middle of a sentence.",
                  safety=Safety.SUGGEST if doubtful else None)


def _clause_after_dash(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a subject pronoun or a demonstrative after a dash has a verb after it: a clause, not a stray.

    "maybe some without - They don't belong", "the service – This person confessed": the writer (or
    the engine) started a sentence after the dash; the capital is its own, and lowering it would hide
    the lost full stop. A preposition or an article after a dash stays a stray ("meetings – On a basis").
    """
    low = words[i].text.lower()
    if low not in _SUBJECTS or low == "i":
        return False
    nxt = _next_joined(doc, words, i)
    if nxt is None or not nxt.text[:1].islower():
        return False
    if low in _DEMONSTRATIVE_SUBJECTS:  # "This person confessed": a noun, then a verb
        nxt = _next_joined(doc, words, i + 1) or nxt
    verb = nxt.text.split("’")[0].split("'")[0]
    return verb in _clause_verbs_table() or verb in reporting_verbs() or (verb.endswith("ed") and len(verb) > 4) \
        or "’" in nxt.text or "'" in nxt.text


def _stray_article(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for the article "A" mid-sentence after a lower-case word and before an adjective with its noun
    ("keep A complete victory") or after a predeterminer ("such A record").

    The letter "A" names a grade, a group or a key after a noun ("Group A", "vitamin A", "type A"),
    and none of those is followed by an adjective and a noun in lower case, nor preceded by "such".
    """
    if not (0 < i < len(words) - 2) or not mid_sentence(doc, words, i):
        return False
    prev, nxt, after = words[i - 1], words[i + 1], words[i + 2]
    if not prev.text.islower() or prev.text in _DETERMINERS or prev.text == "an":
        return False
    if doc.text[words[i].end : nxt.start] != " " or not nxt.text.isalpha() or not nxt.text.islower():
        return False
    if prev.text in _PREDETERMINERS:
        return nxt.text not in function_words()
    if not (_is_adjective(nxt.text) and doc.text[nxt.end : after.start] == " " and after.text.islower()
            and after.text.isalpha() and after.text not in function_words() and lexicon.zipf(after.text) >= 3.0):
        return False
    # "watch the dunes A strong gale can move": a subject with its verb after it is a lost sentence break.
    then = words[i + 3].text if i + 3 < len(words) else ""
    return then not in _clause_verbs_table()


@functools.lru_cache(maxsize=1)
def _clause_verbs_table() -> frozenset[str]:
    groups = function_word_groups()
    return frozenset(groups["auxiliaries"] | groups["adverbs"])


def _run_breaker(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised closed-class word inside a capitalised run starts a clause or joins two names.

    A subject with its verb ("Nanning City There were heavy rains": a lost full stop) or a
    coordinator between two full names ("Antonio Tajani And Matteo Salvini") is not a title's word:
    titles capitalise the verb too ("And Then There Were None"), and one-word pairs ("Marks And
    Spencer", "Bosnia And Herzegovina") are left alone.
    """
    low = words[i].text.lower()
    if low in _CLAUSE_SUBJECTS:
        return _subject_after_name(doc, words, i)
    if low in ("and", "or"):
        if _name_words(doc, words, i, -1) >= 2 and _name_words(doc, words, i, 1) >= 2:
            return True
    return _ends_run_before_lower(doc, words, i) or _before_demonym_noun(doc, words, i)


def _before_demonym_noun(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when an article or determiner is followed by a nationality and a lower-case noun.

    "playing The Japanese team": a nationality adjective qualifying a common noun makes no
    title, which would capitalise the noun too ("The Japanese House" is left alone).
    """
    if words[i].text.lower() not in function_word_groups()["articles"] | _DETERMINERS:
        return False
    nationality = _next_joined(doc, words, i)
    if nationality is None or nationality.text not in lexicon.demonyms():
        return False
    noun = _next_joined(doc, words, i + 1)
    return (noun is not None and noun.text.islower() and len(noun.text) > 2
            and noun.text not in function_words() and lexicon.zipf(noun.text) >= 3.0)


def _subject_after_name(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised subject pronoun follows a capitalised word and a verb follows it.

    "Olaf Schulz He won", "Meloni She spoke": a title capitalises its verb, so a lower-case word
    after the pronoun that is a verb or a content word marks a lost sentence break or a doubled
    subject. "He" and "She" are also Chinese family and given names ("Liu He said"): after a
    single pinyin syllable they are left alone.
    """
    nxt, prev = _next_joined(doc, words, i), words[i - 1]
    if nxt is None or not prev.text[:1].isupper() or prev.text.endswith(("’s", "'s")):
        return False  # "Stephen King's It was filmed": a title after a possessive
    if words[i].text in ("He", "She") and _SYLLABLE.fullmatch(prev.text.lower()):
        return False
    if nxt.text in function_word_groups()["auxiliaries"] | reporting_verbs():
        return True
    return (nxt.text.islower() and len(nxt.text) > 2 and nxt.text not in function_words()
            and lexicon.zipf(nxt.text) >= 3.0)


def _ends_run_before_lower(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when the capitalised run stops at word i and a lower-case content word follows it.

    A title capitalises its content words, so "Democrat Party And coming out" is no title: the
    run "Democrat Party" is a name and "And" starts the sentence's own words. Only a title's minor
    words (the, of, a ...) may follow in lower case, so "Gerard Piqué If not" is no title either.
    """
    nxt = _next_joined(doc, words, i)
    if nxt is None or not nxt.text.islower() or len(nxt.text) < 2 or nxt.text in _MINOR:
        return False
    prev = words[i - 1]
    if prev.text.endswith(("’s", "'s")):
        return False  # "Pixar's Up was a hit": a title after a possessive
    return not doc.text[prev.end : words[i].start].strip() and _is_content_capital(prev)


def _next_joined(doc: Document, words: tuple[Word, ...], i: int) -> Word | None:
    """The next word when only blanks separate it from word i."""
    if i + 1 >= len(words) or doc.text[words[i].end : words[i + 1].start].strip():
        return None
    return words[i + 1]


def _name_words(doc: Document, words: tuple[Word, ...], i: int, step: int) -> int:
    """How many capitalised content words run from word i in direction step, joined by blanks only."""
    count, j = 0, i
    while 0 <= j + step < len(words) and count < 3:
        a, b = sorted((words[j], words[j + step]), key=lambda w: w.start)
        nxt = words[j + step]
        if doc.text[a.end : b.start].strip() or not _is_content_capital(nxt):
            break
        count, j = count + 1, j + step
    return count


@functools.lru_cache(maxsize=1)
def _function_capitals() -> frozenset[str]:
    """Capitalised closed-class words ("The", "In", "Both"); not "A" (a letter, a grade) or name-like ones."""
    return frozenset(w.capitalize() for w in function_words() - _NAME_LIKE if len(w) > 1)


def _abbreviation(doc: Document, word: Word) -> bool:
    """"No. 10", "No 10": the abbreviation of number, not the word no."""
    rest = doc.text[word.end : word.end + 3]
    return word.text == "No" and (rest[:1] == "." or rest.lstrip()[:1].isdigit())


def common_word_hits(doc: Document, min_zipf: float = 3.0) -> tuple[Hit, ...]:
    """The common-word form's hits, found once per document (the comma-capital kind leaves them to it)."""
    return doc.shared(f"common-word-capitals:{min_zipf}", lambda d: tuple(_check_common_words(d, min_zipf)))


def _check_common_words(doc: Document, min_zipf: float) -> Iterator[Hit]:
    words = doc.words
    evidence = _Evidence(doc)
    candidates = list(_common_word_candidates(doc, evidence, min_zipf))
    candidates.extend((i, True) for i in compound_candidates(doc, lambda words, i: _compound_skipped(doc, evidence, words, i)))
    candidates.sort()
    if not candidates:
        return
    # A paragraph with a surer stray capital in it, or three weaker ones, has lost its capitals wholesale.
    sure = Counter(doc.paragraph_at(words[i].start) for i, strong in candidates if strong)
    # A capital PU138 reports as a lost full stop (once CA102's) is evidence of careless capitals too.
    # Not a run breaker only suggested lower case: "United We Can" may be a party's name translated word by word.
    others = (*(hit for hit in _check_function_words(doc) if hit.safety is not Safety.SUGGEST), *missing_stop_hits(doc))
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


def _common_word_candidates(doc: Document, evidence: _Evidence, min_zipf: float) -> Iterator[tuple[int, bool | None]]:
    """The candidates below; after a number only those with strong evidence ("approved 14 Regular meetings"),
    since a number also heads model names and labels ("the 2 Series engine")."""
    words = doc.words
    for i, strong in _capital_candidates(doc, evidence, min_zipf):
        if strong or not words[i - 1].text[-1:].isdigit():
            yield i, strong


def _capital_candidates(doc: Document, evidence: _Evidence, min_zipf: float) -> Iterator[tuple[int, bool | None]]:
    """Capitalised common words mid-sentence, each with whether the evidence is strong.

    None marks a word after a determiner that the article never writes in lower case ("the
    leaders of the Center"): it counts only beside a surer stray capital in its own sentence.
    """
    words = doc.words
    skip = capitalised_words()
    demonyms = lexicon.demonyms()
    claimed = claimed_capitals(doc)  # a lost full stop, PU138's
    for match in _CAPITAL_AFTER_LOWER.finditer(doc.text):
        text = match.group()
        if match.start() in claimed or text in skip or text in demonyms or text.endswith(("’s", "'s")):
            continue  # a possessive is a name's: "Spain’s", "Friday’s"
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
        verbal = _verb_form_with_complement(doc, words, i) and not (comma and words[i - 1].text in reporting_verbs())
        if match.group("quote") and not verbal:
            continue  # after a closing quotation mark only a verb form: "“100 days” Released after the crisis"
        # A gerund that ends a capitalised run before its object is no title's word: "Minister of Defense
        # Giving an interview" (a title would capitalise "Interview"); a participle in -ed there may head one.
        # After a capitalised run only with its object, an article or a possessive: "Law Courts Building as he".
        gerund = verbal and low.endswith("ing") and words[i + 1].text in _OBJECT_OPENERS
        if comma and not gerund:
            verbal = False
        if (_in_title_run(doc, words, i) and not gerund) or (not gerund and text in evidence.in_runs):
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
        if _adjective_before_noun(doc, words, i):
            yield i, True  # "hold Regular meetings", "won a Clear mandate": no name is an adjective
            continue
        if words[i - 1].text.lower() in _DETERMINERS and not lower_elsewhere:
            yield i, None  # house styles capitalise short forms of institutions: "the Commission"
            continue
        yield i, lower_elsewhere or low.endswith(_NOT_NOUN_ENDINGS)


def _in_adverbial_phrase(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i closes a fixed adverbial phrase after its lower-case preposition ("in General", "of Course").

    Not when a capitalised word follows it or precedes the preposition: a title ("Innovation in Public
    Services", "News in Brief", "in General Motors").
    """
    if i < 2 or (words[i - 1].text, words[i].text.lower()) not in _ADVERBIAL_PHRASES or gap_before(doc, words, i):
        return False
    nxt = _next_joined(doc, words, i)
    if nxt is not None and nxt.text[:1].isupper():
        return False
    before = words[i - 2]
    return not (before.text[:1].isupper() and not doc.text[before.end : words[i - 1].start].strip())


def _compound_skipped(doc: Document, evidence: _Evidence, words: tuple[Word, ...], i: int) -> bool:
    """True when a capitalised compound stands where a capital is normal or in a name or title ("Quarter-final Draw").

    Only capitals joined to it make a title: "the Quarter-finals of the Asian Cup" is the stage of a
    named event, and no name starts with a compound of common words before "of". Only after a
    determiner: a romanised given name may be two English words too ("met Won-bin at"), but no name
    follows "the" or "a".
    """
    word = words[i]
    if words[i - 1].text not in _DETERMINERS:
        return True
    adjacent = _name_words(doc, words, i, -1) or _name_words(doc, words, i, 1)
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


def _verb_form_with_complement(doc: Document, words: tuple[Word, ...], i: int) -> bool:
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


def _after_comma_adverb(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for an adverb in -ly capitalised after a comma ("the talks failed, Especially on trade").

    After a comma a capitalised word may be a name in apposition ("his ship, Serenity,"), so only
    an adverb counts, and not one that a comma closes again or that opens an unmarked quotation
    after "said,".
    """
    word = words[i]
    return (word.text.endswith("ly") and doc.text[word.end : word.end + 1] != ","
            and words[i - 1].text not in reporting_verbs())


def _adjective_before_noun(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when word i is an adjective (English derives an adverb or a superlative from it: regularly, biggest)
    or a gerund, and a lower-case content word follows it, the noun it qualifies.

    Brands and bodies are nouns ("his Telegram channel", "the Diet this week"), which have no
    adverb; a verb after the word ("the General said") makes it a noun used as a title.
    """
    low = words[i].text.lower()
    # A gerund qualifies a noun the same way ("the requirements of Coaching staff"); a name in -ing is in
    # the name tables (Reading, Manning), which the caller consults first.
    gerund = low.endswith("ing") and len(low) >= 6 and _verb_stem(low)
    if not (_is_adjective(low) or gerund):
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


def _is_adjective(low: str) -> bool:
    """True when English derives an adverb (regular, regularly) or a superlative (little, littlest) from the word."""
    words_lower = lexicon.lowercase_words()
    forms = (low + "ly", low + "ally", low + "est", low + "st" if low.endswith("e") else "",
             low[:-1] + "iest" if low.endswith("y") else "", low + low[-1] + "est")
    return any(form and form in words_lower for form in forms)


@functools.lru_cache(maxsize=1)
def capitalised_words() -> _CapitalisedWords:
    """Words written capitalised by rule (proper words, places, months, weekdays), for `in` tests."""
    return _CapitalisedWords()


class _CapitalisedWords:
    """Asks each table in turn: their union (30,000 words) cost about 5 ms of every start for a few hundred look-ups."""

    def __contains__(self, word: object) -> bool:
        return word in lexicon.proper_words() or word in lexicon.places() or word in MONTHS or word in WEEKDAYS


def _beside_particle(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a lower-case particle of a personal name (bin, al, de, van ...) stands next to word i."""
    prev = words[i - 1].text if i else ""
    nxt = _next_joined(doc, words, i)
    return prev in _PARTICLES or (nxt is not None and nxt.text in _PARTICLES)


def _before_numeral(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True when a number follows word i or an ordinal precedes it: a label ("Game 2", "District 7", "3rd Division")."""
    nxt = _next_joined(doc, words, i)
    prev = words[i - 1].text if i else ""
    return (nxt is not None and nxt.text[:1].isdigit()) or bool(regex.fullmatch(r"\d+(?:st|nd|rd|th)", prev))


class _Evidence:
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
