"""`lowercase-name`: a proper name written in lower case ("the head of forza italy", "in south korea").

Translation engines lower-case names they do not recognise as names, or rebuild a name from words
and lose its capitals. A lower-case word (or a run of them) is reported when the evidence says it is
a name:

- *tables*: it is a country, another name of a country, or a nationality adjective from the packaged
  country tables (pycountry, countryinfo, the Factbook: "italy", "south korea", "korean"), and the
  dictionary does not also write it in lower case as a common word (china, turkey, french);
- *the article*: in a run of two or more such words, each stands capitalised inside a name of two
  or more words, in mid-sentence, elsewhere in the article ("Forza Italia" beside "forza italy"),
  or is a country, and English does not know it as a lower-case word. A lone word on this evidence
  alone is not reported: "the alocasia" beside "White Star Alocasia" is a common noun;
- *the same name*: a lower-case word English does not know before a name word, where the article
  writes that name capitalised with the word or a spelling variant of it ("tabliagi Jamaat" beside
  "Tabligi Jamaat");
- *a respelled name*: a lower-case word of five letters or more that English does not know, one
  spelling step (cleaner.names.is_variant) from a word the article capitalises in mid-sentence
  ("in chitwon" beside "in Chitwan"): the engine lost both the capital and a letter of one name.
  Only this branch also reads all-lower-case lines (a headline the engine lower-cased), since the
  word alone is not English and the article spells the name.

Words in addresses, handles and hashtags, and paragraphs written all in lower case, are left alone.
The capitalised form is suggested.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner import names as nm
from cleaner.document import Document, Word
from cleaner.kinds._lowercase_figure import figure_hits
from cleaner.kinds._support import in_lower_case_paragraph
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, NUMBER, Option, Replacement

KIND = "lowercase-name"
OPTIONS = (
    Option("min-length", INTEGER, "The shortest word compared with the article's names.", default=4),
    Option("max-zipf", NUMBER, "Words English uses more often than this (Zipf) are never taken for names.", default=4.0),
)
REPLACEMENT = Replacement.COMPUTED
_LONGEST_NAME = 3  # "united arab emirates": the longest country name compared word by word
_GLUE = frozenset("@#/\\_.-=:+&%~")  # a word touching these is part of an address, handle or tag


@functools.lru_cache(maxsize=1)
def _table_names() -> dict[str, str]:
    """Lower-case form -> written form of countries, their other names and nationality adjectives."""
    common = lexicon.lowercase_words()
    written: set[str] = set(lexicon.demonyms())
    for country, info in lexicon.countries().items():
        written.add(country)
        written.update(info.aliases)
        written.update(info.adjectives)
    out: dict[str, str] = {}
    for name in written:
        words = name.split()
        if not 1 <= len(words) <= _LONGEST_NAME or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue  # "U.S.", "Côte d'Ivoire": skipped rather than guessed
        if len(name) < 4 or name.lower() in common or name.isupper():
            continue
        out[name.lower()] = name
    return out


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options and return the checker."""
    shortest = rule.options["min-length"]
    ceiling = float(rule.options["max-zipf"])

    def check(doc: Document) -> Iterator[Hit]:
        figures = [hit for _, _, hit in figure_hits(doc)]
        taken = [(hit.start, hit.end) for hit in figures]
        yield from figures
        yield from (hit for hit in _by_evidence(doc, shortest, ceiling) if not any(a < hit.end and hit.start < b for a, b in taken))

    return check


def _by_evidence(doc: Document, shortest: int, ceiling: float) -> Iterator[Hit]:
    """The tables' countries and the article's own evidence (the branches described above)."""
    capitalised = _capitalised_in_names(doc)
    # A run starts with a table name's first word or a word the article's evidence names.
    firsts = _table_starters() | {w for w in capitalised if _known_capital(w, capitalised, shortest, ceiling)}
    words = doc.words
    done = 0  # words before this index belong to a name already reported
    for i in words.where(firsts):
        if i < done:
            continue
        size, written = _name_at(doc, words, i, capitalised, shortest, ceiling)
        if size:
            start, end = words[i].start, words[i + size - 1].end
            yield Hit(start, end, (written,), message=f"“{doc.text[start:end]}” is a name written in lower case; write “{written}”.")
            done = i + size
    yield from _lowered_before_name(doc, shortest, ceiling)
    yield from _lowered_variant(doc, capitalised)
    yield from _lowered_platform(doc)
    yield from _lowered_organisation(doc)


@functools.lru_cache(maxsize=1)
def _platforms() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(lower-case form -> written form of names never written in lower case, the same for names that
    are also English words, the nouns of an account or a service), from rules/data/platforms.yaml."""
    table = gazetteer.load("platforms")

    def keyed(names: object) -> dict[str, str]:
        return {n.lower(): n for n in (names or ()) if isinstance(n, str) and n.isalpha() and not n.islower()}

    return keyed(table.get("names")), keyed(table.get("words")), frozenset(table.get("nouns") or ())


_PLATFORM_BEFORE = frozenset({"on", "via"})


def _lowered_platform(doc: Document) -> Iterator[Hit]:
    """A platform or company English writes only capitalised, in lower case ("on wechat"); one that is
    also an English word ("twitter") only after "on"/"via" or before an account noun ("twitter account")."""
    always, worded, nouns = _platforms()
    words, text = doc.words, doc.text
    for i in words.where(always.keys() | worded.keys()):
        word = words[i]
        written = always.get(word.text)
        if written is None:
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < len(words) else None
            spaced = lambda a, b: text[a.end : b.start] == " "  # noqa: E731
            if not ((before is not None and before.text.lower() in _PLATFORM_BEFORE and spaced(before, word))
                    or (after is not None and after.text in nouns and spaced(word, after))):
                continue
            written = worded[word.text]
        if _bare_lower(doc, word):
            yield Hit(word.start, word.end, (written,), message=f"“{word.text}” is a name written in lower case; write “{written}”.")


# An organisation's one-word name this common in English (wordfreq Zipf) has an ordinary lower-case use
# of its own ("uber-rich"): only rarer coined names are read in lower case as the name.
_ORGANISATION_ZIPF = 3.5
_ORGANISATION_LENGTH = 4  # shorter lower-case names are too often other abbreviations ("eni", "boe")
_CUE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}-]*")


def _organisations() -> dict[str, list[str]]:
    """Lower-case form -> [the name, its sectors' cue words...] for the one-word organisation names of
    rules/data/organisation-calques.yaml that English does not know as words ("Evergrande",
    "Bundesliga"), kept in the compiled cache (keyed by the table's file): reading the whole table
    cost milliseconds of each start. Names platforms.yaml lists are that branch's."""
    path = gazetteer.data_path("organisation-calques")
    return compiled_cache.derived("lowercase_organisations", [str(path), _ORGANISATION_ZIPF, _ORGANISATION_LENGTH],
                                  _build_organisations, files=[path, lexicon.zipf_file()])


def _build_organisations() -> dict[str, list[str]]:
    table = gazetteer.load("organisation-calques")
    sectors = table.get("sectors") or {}
    platforms = _platforms()
    found: dict[str, list[str]] = {}
    for entry in table.get("organisations") or ():
        name = entry["name"]
        lower = name.lower()
        if (not name.isalpha() or not name[:1].isupper() or len(name) < _ORGANISATION_LENGTH or lower in platforms[0]
                or lower in platforms[1] or lower in lexicon.lowercase_words() or lexicon.zipf(lower) >= _ORGANISATION_ZIPF):
            continue
        cues = {c.lower() for sector in entry.get("sector") or () for c in sectors.get(sector) or ()}
        cues.update(c.lower() for c in entry.get("cues") or ())
        found.setdefault(lower, [name]).extend(sorted(cues))
    return found


def _lowered_organisation(doc: Document) -> Iterator[Hit]:
    """A company, club, party or outlet whose English name is one coined word, in lower case with a cue
    word of its sector in the sentence ("the 2-0 defeat of evergrande", "a bundesliga match")."""
    table = _organisations()
    words = doc.words
    for i in words.where(table.keys()):
        word = words[i]
        if not _bare_lower(doc, word):
            continue
        name, *cues = table[word.text]
        sentence = doc.sentence_at(word.start)
        start, end = (sentence.start, sentence.end) if sentence is not None else (word.start, word.end)
        if set(cues).isdisjoint(m.lower() for m in _CUE_WORD.findall(doc.text, start, end)):
            continue
        yield Hit(word.start, word.end, (name,), message=f"“{word.text}” is a name written in lower case; write “{name}”.")


_VARIANT_LENGTH = 5  # shorter unknown words are too often abbreviations or slang to be a respelled name


def _lowered_variant(doc: Document, capitalised: dict[str, str]) -> Iterator[Hit]:
    """A lower-case word English does not know, one spelling step from a word the article capitalises in
    mid-sentence ("chitwon" beside "Chitwan"): the name lost its capital and a letter."""
    by_initial: dict[str, list[str]] = {}
    for written in _mid_sentence_capitals(doc):
        by_initial.setdefault(written[0], []).append(written)
    if not by_initial:
        return
    text = doc.text
    # The verdict depends on the word alone: decided once per distinct word (most are too short or not
    # lower case, before any table is asked), then the words with a verdict are picked out in one pass.
    names = {lower: name for lower in doc.distinct_words if len(lower) >= _VARIANT_LENGTH and lower.islower()
             and (name := _respelled_name(lower, capitalised, by_initial)) is not None}
    if not names:
        return
    for word in doc.words.picked(names):
        lower = word.text
        name = names[lower]
        before = text[word.start - 1] if word.start else " "
        after = text[word.end] if word.end < len(text) else " "
        if before in _GLUE or (after in _GLUE and after not in ".-") or _glued_after(text, word.end):
            continue
        yield Hit(word.start, word.end, (name,),
                  message=f"“{lower}” looks like the name the article writes “{name}”, in lower case and respelled.")


def _respelled_name(lower: str, capitalised: dict[str, str], by_initial: dict[str, list[str]]) -> str | None:
    """The one mid-sentence capitalised word an unknown lower-case word respells, if there is exactly one."""
    if not lower.isalpha() or lower in capitalised or lower in lexicon.lowercase_words() or lexicon.zipf(lower) > 0:
        return None
    guess = lower[0].upper() + lower[1:]
    near = [w for w in by_initial.get(guess[0], ()) if nm.fold(w) != nm.fold(guess) and nm.is_variant(guess, w)]
    return near[0] if len(near) == 1 else None


def _mid_sentence_capitals(doc: Document) -> set[str]:
    """Capitalised words of letters (five or more) the article writes inside a sentence, not at its start."""
    out: set[str] = set()
    for mention in nm.mentions(doc):
        for k, text in enumerate(mention.texts):  # texts, not words: no Word tuples built per run
            if k == 0 and (mention.sentence_start or doc.in_heading(mention.start)):
                continue
            if len(text) >= _VARIANT_LENGTH and text.isalpha() and text[1:].islower():
                out.add(text)
    return out


def _lowered_before_name(doc: Document, shortest: int, ceiling: float) -> Iterator[Hit]:
    """A lower-case word English does not know before a name word, where the article writes the same
    two-word name capitalised, the first word the same or a spelling variant ("tabliagi Jamaat" beside
    "Tabligi Jamaat"): the engine lost the capital, and perhaps a letter, of one name."""
    before: dict[str, set[str]] = {}
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # most runs: one word, nothing before a name word inside the run
        words = mention.words
        for k in range(len(words) - 1):
            if k == 0 and (mention.sentence_start or doc.in_heading(words[0].start)):
                continue
            if words[k].text[1:].islower() and words[k].text.isalpha():
                before.setdefault(words[k + 1].text, set()).add(words[k].text)
    if not before:
        return
    words, text = doc.words, doc.text
    named: dict[str, tuple[str, str]] = {}  # lower-case word -> (the name word, the head it stood before)
    # The words before a name word, picked out in one pass (most words stand before no name word).
    for i in [k - 1 for k in words.where(before) if k]:
        head = words[i + 1].text
        word = words[i]
        lower = word.text
        if lower in named or len(lower) < shortest or not lower.islower() or text[word.end : words[i + 1].start] != " ":
            continue
        if lexicon.zipf(lower) > 0 or lower in lexicon.lowercase_words() or not _bare_lower(doc, word):
            continue
        written = [x for x in before[head] if x.lower() == lower or nm.is_variant(x, lower.capitalize())]
        if len(written) == 1:
            named[lower] = (written[0], head)
    # Once the article shows the word is that name, its other bare lower-case uses are the name too.
    for word in words.picked(named):
        if _bare_lower(doc, word):
            written, head = named[word.text]
            yield Hit(word.start, word.end, (written,),
                      message=f"“{word.text}” is a name written in lower case (“{written} {head}” elsewhere in the article); write “{written}”.")


@functools.lru_cache(maxsize=1)
def _table_starters() -> frozenset[str]:
    """The first words of the table's lower-case names: a run can only start with one of them."""
    return frozenset(key.split()[0] for key in _table_names())


@functools.lru_cache(maxsize=1)
def _table_prefixes() -> frozenset[str]:
    """Every run of leading words of a table name ("united", "united arab", "united arab emirates")."""
    return frozenset(" ".join(key.split()[:n]) for key in _table_names() for n in range(1, len(key.split()) + 1))


def _prefix_run(words: tuple[Word, ...], i: int) -> int:
    """How many words from `i` still begin some table name: no longer run can be in the table."""
    prefixes, key, size = _table_prefixes(), "", 0
    for text in words.texts[i : i + _LONGEST_NAME]:
        key = f"{key} {text}" if size else text
        if key not in prefixes:
            break
        size += 1
    return size


def _name_at(doc: Document, words: tuple[Word, ...], i: int, capitalised: dict[str, str],
             shortest: int, ceiling: float) -> tuple[int, str]:
    """How many lower-case words from `i` form a name, and the name as written; (0, "") for none."""
    table = _table_names()
    for size in range(_prefix_run(words, i), 0, -1):
        run = words[i : i + size]
        key = " ".join(w.text for w in run)
        # The dictionary look-up first: it rejects almost every run before the per-word checks.
        if key in table and all(_bare_lower(doc, w) for w in run) and _single_spaced(doc.text, run):
            return size, table[key]
    # Runs of article evidence: every word capitalised elsewhere, or a country from the tables.
    size = 0
    out: list[str] = []
    while i + size < len(words):
        word = words[i + size]
        found = table.get(word.text) or _known_capital(word.text, capitalised, shortest, ceiling)
        if not found or not _bare_lower(doc, word):
            break
        if size and not _single_spaced(doc.text, words[i + size - 1 : i + size + 1]):
            break
        out.append(found)
        size += 1
    if size == 1 and words[i].text not in table:
        return 0, ""  # one word on the article's evidence alone may be a common noun ("the alocasia")
    return (size, " ".join(out)) if size else (0, "")


def _known_capital(word: str, capitalised: dict[str, str], shortest: int, ceiling: float) -> str:
    """The capitalised form the article uses for a word English does not write in lower case."""
    found = capitalised.get(word, "")
    if not found or len(word) < shortest or lexicon.zipf(word) > ceiling or word in lexicon.lowercase_words():
        return ""
    return found


def _capitalised_in_names(doc: Document) -> dict[str, str]:
    """Lower-case form -> written form of words the article capitalises inside names in mid-sentence."""
    out: dict[str, str] = {}
    for mention in nm.mentions(doc):
        if len(mention.texts) < 2:
            continue  # a lone capital may be a genus or a term of art; a name of two words is a name
        for k, word in enumerate(mention.words):
            if k == 0 and (mention.sentence_start or doc.in_heading(word.start)):
                continue  # a sentence's first word is capitalised whatever it is
            if word.text[1:].islower() and word.text.isalpha():
                out.setdefault(word.text.lower(), word.text)
    return out


def _bare_lower(doc: Document, word: Word) -> bool:
    """A lower-case word of letters, not part of an address or tag, in a paragraph that uses capitals."""
    text = word.text
    if not (text.isalpha() and text.islower()):
        return False
    before = doc.text[word.start - 1] if word.start else " "
    after = doc.text[word.end] if word.end < len(doc.text) else " "
    if before in _GLUE or (after in _GLUE and after not in ".-") or _glued_after(doc.text, word.end):
        return False
    return not in_lower_case_paragraph(doc, word.start)


def _glued_after(text: str, end: int) -> bool:
    """True when a full stop or hyphen after the word is followed by a letter (site.com, e-mail)."""
    return end + 1 < len(text) and text[end] in ".-" and text[end + 1].isalnum()


def _single_spaced(text: str, run: tuple[Word, ...]) -> bool:
    return all(text[a.end : b.start] == " " for a, b in zip(run, run[1:]))
