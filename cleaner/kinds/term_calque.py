"""`term-calque`: a standard term for a disease, a virus or an event rendered word by word from the source language.

English news names COVID-19, the coronavirus, the Korean War and the Great East Japan Earthquake by
fixed terms. An engine that meets the source-language term translates its characters one by one or
reads them aloud: 新冠肺炎 becomes "new crown pneumonia", 新型コロナ "the new Corona", 新冠 "Xinguan",
코로나19 "Corona 19", 東日本大震災 "the East Japan Great Earthquake". The terms and their renderings
come from a documented table (rules/data/term-calques.yaml), one line a term:
- a rendering that means nothing else in English ("new crown pneumonia") is reported wherever it stands;
- a `before` rendering made of ordinary words or a name ("new crown", "new corona", "Xinguan") only
  right before a noun that it qualifies as a disease or an event does ("new crown vaccine", "Xinguan
  testing"): "new crown jewels" and "Xinguan Town" are left alone;
- a `head` rendering also as a noun on its own ("caught the new Corona"), after "the" or a
  preposition and before punctuation, a closed-class word or a past verb, when its paragraph has a
  word of the topic (patients, infection, vaccine ...) or the article has another finding of the
  same term;
- a word of an entry's `unless` lists in the paragraph (beer, solar, the Crown, artery) silences the
  entry: Corona beer, a solar corona and a coronary artery are no disease.
The suggestion is the English term, unsafe. Where the term stands as a noun the "the" before the
rendering goes with it ("the new crown pneumonia." -> "COVID-19."); where the rendering only
qualifies a noun the "the" stays ("the new crown pneumonia epidemic" -> "the COVID-19 epidemic"), and
so does a leading "new" before a noun that counts ("new corona cases" -> "new COVID-19 cases": the
"new" may count them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import WORD, Document
from cleaner.kinds._support import OptionError, literal_starts, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import STRING, Option, Replacement
from cleaner.wordclass import function_word_groups, function_words

KIND = "term-calque"
OPTIONS = (Option("gazetteer", STRING, "The table of terms and their renderings (rules/data/NAME.yaml).", required=True),)
REPLACEMENT = Replacement.COMPUTED

_ENTRY_FIELDS = frozenset("term native renderings before head nouns cues unless".split())
_TABLE_FIELDS = frozenset("nouns counted cues unless terms".split())
# Determiners that take the place of the term's own "the" ("a new crown virus" -> "a coronavirus").
_DETERMINERS = frozenset("a an this that these those its their his her our your every each any another".split())
_PARAGRAPH_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.&-]*")
_NEXT = regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)")
_PREVIOUS = regex.compile(r"(?<![\p{L}\p{N}'’-])([\p{L}]+)[ \t]+$")
# What may follow a rendering that stands as a noun: the end of the line, or a mark that ends a phrase
# (not a hyphen glued to it: "new corona-era" is a compound).
_HEAD_END = regex.compile(r"[ \t]*(?:$|\n|[.,;:!?)\]”\"’])|[ \t]+[–—]")


@dataclass(frozen=True)
class Form:
    """One rendering of a term, with the evidence its entry asks for."""

    term: str
    how: str  # "alone" | "before" | "head"
    nouns: frozenset[str]
    counted: frozenset[str]
    cues: frozenset[str]
    unless: frozenset[str]


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the table, compile its renderings into one pattern and return the checker."""
    forms = table_forms(gazetteer.load(rule.options["gazetteer"], rule))
    texts = sorted(forms, key=lambda t: (-len(t), t))  # longest first: "new crown pneumonia" before "new crown"
    alternation = "|".join(r"[ \t]+".join(regex.escape(part) for part in text.split()) for text in texts)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}_'’.·-])(?:{alternation})(?![\p{{L}}\p{{N}}_]|[-·][\p{{L}}\p{{N}}]|\.\p{{N}})", regex.IGNORECASE)
    head_context = (function_word_groups()["prepositions"] | {"the"}, function_words())
    needed = [_written_forms(text) for text in texts]
    keys = _anchor_keys(texts)
    longest = max(map(len, texts))

    def check(doc: Document) -> Iterator[Hit]:
        # A rendering can only be there when the article has each of its words: most have none, and the
        # pattern (a case-blind alternation, some 0.1 s a megabyte) is not run over them.
        present = doc.distinct_words
        if not any(all(not forms.isdisjoint(present) for forms in words) for words in needed):
            return
        paragraphs: dict[int, frozenset[str]] = {}
        hits: list[tuple[Hit, Form]] = []
        waiting: list[tuple[Hit, Form]] = []  # head renderings with no cue in their paragraph
        for match in _candidates(pattern, doc.text, keys, longest):
            words = _paragraph_words(doc, match.start(), paragraphs)
            found = _judge(doc.text, match, forms[" ".join(match.group().lower().split())], words, head_context)
            if found is not None:
                (waiting if found[1].how == "head" and found[1].cues.isdisjoint(words) else hits).append(found)
        terms = {form.term for _, form in hits}
        hits.extend(pair for pair in waiting if pair[1].term in terms)
        for hit, _ in sorted(hits, key=lambda pair: pair[0].start):
            yield hit

    return check


def _anchor_keys(texts: list[str]) -> frozenset[str]:
    """The rarest word of each rendering (lower case; a bare number counts as common: "corona", not "19", in
    "corona 19"), less any that holds a shorter key: every rendering holds one."""
    rarest = {min(text.split(), key=lambda word: (word.isdigit(), lexicon.zipf(word), -len(word))) for text in texts}
    return frozenset(key for key in rarest if not any(other != key and other in key for other in rarest))


def _candidates(pattern: regex.Pattern[str], text: str, keys: frozenset[str], longest: int) -> Iterator[regex.Match[str]]:
    """The pattern's matches, looked for only around the places an anchor key stands.

    The renderings' alternation scanned over a whole megabyte costs about 0.1 s whatever it finds;
    `str.find` for a few rare words costs a fraction of that. Where lower-casing changes the text's
    length (a few letters such as İ), the offsets would drift, so the whole text is scanned instead.
    """
    low = text.lower()
    if len(low) != len(text):
        yield from pattern.finditer(text, timeout=timeout_for(text))
        return
    reach = 2 * longest + 8
    places = literal_starts(low, keys)
    windows: list[list[int]] = []
    for at in places:
        start, end = max(0, at - reach), min(len(text), at + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    seen = -1
    for start, end in windows:
        for match in pattern.finditer(text, start, end, timeout=timeout_for(text)):
            if match.start() >= seen:
                seen = match.end()
                yield match


def _judge(text: str, match: regex.Match[str], forms: list[Form], words: frozenset[str],
           head_context: tuple[frozenset[str], frozenset[str]]) -> tuple[Hit, Form] | None:
    """The finding for one rendering in the text and the form it counts as, or None (the first form that fits)."""
    nxt = _NEXT.match(text, match.end(), min(len(text), match.end() + 60))
    following = nxt.group(1).lower() if nxt else ""
    for form in forms:
        if not form.unless.isdisjoint(words):
            continue
        qualifies = following in form.nouns
        if form.how == "before" and not qualifies:
            continue
        if form.how == "head" and not _stands_as_noun(text, match, following, *head_context):
            continue
        return _hit(text, match, form, qualifies, following), form
    return None


def _written_forms(rendering: str) -> list[frozenset[str]]:
    """Each word of a rendering as the word stream may hold it: lower case, capitalised, in capitals, possessive."""
    out = []
    for word in WORD.findall(rendering.lower()):
        cased = {word, word[:1].upper() + word[1:], word.upper(), "-".join(p[:1].upper() + p[1:] for p in word.split("-"))}
        out.append(frozenset(cased | {w + s for w in cased for s in ("’s", "'s")}))
    return out


def table_forms(table: dict) -> dict[str, list[Form]]:
    """Every rendering of the table by its lower-case text (single spaces), validated."""
    if not isinstance(table, dict) or not isinstance(table.get("terms"), list):
        raise OptionError("gazetteer", "the table needs a list of `terms`")
    unknown = set(table) - _TABLE_FIELDS
    if unknown:
        raise OptionError("gazetteer", f"unknown field(s) {sorted(unknown)}")
    nouns, cues, unless = (_lists(table, name) for name in ("nouns", "cues", "unless"))
    counted = frozenset(w.lower() for w in table.get("counted", ()))
    out: dict[str, list[Form]] = {}
    for entry in table["terms"]:
        if not isinstance(entry, dict) or not entry.get("term") or set(entry) - _ENTRY_FIELDS:
            raise OptionError("gazetteer", f"entry {entry!r} needs a term and only the fields {sorted(_ENTRY_FIELDS)}")
        if not any(entry.get(how) for how in ("renderings", "before", "head")):
            raise OptionError("gazetteer", f"entry for {entry['term']} has no renderings")
        qualified = _pick(nouns, entry.get("nouns", sorted(nouns)), "nouns", entry["term"])
        topic = _pick(cues, [entry["cues"]] if entry.get("cues") else [], "cues", entry["term"])
        if entry.get("head") and not topic:
            raise OptionError("gazetteer", f"entry for {entry['term']} has head renderings but no cues")
        silenced = _pick(unless, entry.get("unless", []), "unless", entry["term"])
        for how, key in (("alone", "renderings"), ("before", "before"), ("head", "head")):
            for rendering in entry.get(key, ()):
                text = " ".join(str(rendering).lower().split())
                same = out.setdefault(text, [])
                if any(f.how == how for f in same):
                    raise OptionError("gazetteer", f"rendering '{rendering}' is listed twice as {how}")
                same.append(Form(entry["term"], how, qualified, counted, topic, silenced))
    return out


def _lists(table: dict, name: str) -> dict[str, frozenset[str]]:
    """A named group of word lists, in lower case without full stops."""
    return {key: frozenset(str(w).lower().rstrip(".") for w in words) for key, words in (table.get(name) or {}).items()}


def _pick(lists: dict[str, frozenset[str]], names: list[str], field: str, term: str) -> frozenset[str]:
    """The union of the named lists; an unknown name is an error in the table."""
    missing = [n for n in names if n not in lists]
    if missing:
        raise OptionError("gazetteer", f"entry for {term}: unknown {field} list(s) {missing}")
    return frozenset().union(*(lists[n] for n in names))


def _paragraph_words(doc: Document, offset: int, cache: dict[int, frozenset[str]]) -> frozenset[str]:
    """The lower-case words of the paragraph around an offset (full stops dropped), worked out once a paragraph."""
    span = doc.paragraph_at(offset)
    start, end = (span.start, span.end) if span is not None else (offset, offset)
    if start not in cache:
        cache[start] = frozenset(w.rstrip(".") for w in _PARAGRAPH_WORD.findall(doc.text[start:end].lower()))
    return cache[start]


def _stands_as_noun(text: str, match: regex.Match[str], following: str, openers: frozenset[str],
                    closed: frozenset[str]) -> bool:
    """True when a rendering stands as a noun: after "the" or a preposition, before a mark, a closed-class word or a past verb.

    "patients with the new Corona are", "who caught the new corona to": a brand's new product
    ("a new Corona flavour", "the new Corona Extra") has a noun or a name after it.
    """
    before = _PREVIOUS.search(text, max(0, match.start() - 30), match.start())
    if before is None or before.group(1).lower() not in openers:
        return False
    if _HEAD_END.match(text, match.end()):
        return True
    nxt = _NEXT.match(text, match.end(), min(len(text), match.end() + 60))
    if nxt is None or not nxt.group(1).islower():
        return False
    # a closed-class word ("are", "to", "in") or a verb in the past ("spread" aside): "the new corona infected"
    return following in closed or (following.endswith("ed") and len(following) > 4)


def _hit(text: str, match: regex.Match[str], form: Form, qualifies: bool, following: str) -> Hit:
    """The finding: the rendering (with "the" when the term stands as a noun) and the English term."""
    start, end = match.span()
    term = form.term
    bare = term[4:] if term.lower().startswith("the ") else term
    before = _PREVIOUS.search(text, max(0, start - 30), start)
    previous = before.group(1).lower() if before else ""
    if qualifies:
        replacement = bare
        first, _, rest = match.group().partition(" ")
        if following in form.counted and first.lower() == "new" and rest.strip():
            start = match.start() + len(match.group()) - len(match.group()[len(first):].lstrip())
    elif previous == "the":
        start, replacement = before.start(1), term
    else:
        replacement = bare if previous in _DETERMINERS else term
    written = text[start:end]
    if written[:1].isupper() and replacement[:1].islower():
        replacement = replacement[:1].upper() + replacement[1:]
    return Hit(start, end, (replacement,),
               message=f"“{match.group()}” looks like {term} translated word by word from the source language.")
