"""`pinyin-name-case`: a Chinese name in pinyin with its capitals broken ("Zhou jianhua", "wei-dong zhao", "ZhangXiaoMing").

An engine that cannot read a Chinese name as a name treats its syllables as words: it lower-cases
the given name after the family name, lower-cases the whole name (often in Western order with the
given syllables hyphenated), or glues the syllables with a capital on each. English writes the family
name and the given name as two capitalised words, the given syllables joined: Zhou Jianhua. The
evidence is pinyin's syllable structure (cleaner.kinds._pinyin, the real syllable inventory) and the
family names of rules/data/chinese-surnames.yaml, not a list of given names:

- *lower-case given name*: a listed family name, capitalised, then one lower-case word of one or two
  syllables that English does not use (no dictionary word; Zipf below 2, or below 3.5 for two
  syllables, since famous given names are frequent: "Xi jinping"): "Zhou jianhua". The anonymised
  "Liu mou hua" counts too. A one-syllable given name, or a family name that also names a dynasty
  ("Tang hanfu", "Song ci"), needs the article to write the name capitalised elsewhere or a verb
  after it ("Tang jiahui said");
- *lower-case whole name*: a listed family name and a two-syllable given name, both lower case:
  family name first ("zhao weidong"), or last with the given syllables hyphenated ("wei-dong zhao";
  unhyphenated, "zhongguo meng" is as often a phrase, so the article must write the name). When the
  family name is also an English word ("he", "long", "fang") the given name must be hyphenated with
  no English word in it, or the article must write the name elsewhere; a pinyin word next to the
  pair makes it a phrase in pinyin, not a name;
- *camel case*: a word of capitalised syllables glued together, a listed family name first and one or
  two given syllables after it ("ZhangXiaoMing"), after a role word or a bracket or before a verb;
  or a given name of two capitalised syllables after a listed family name ("Lin WenJie"). When the
  article also writes the name rightly, name-variants (NM102) reports the glued form, not this kind. Names of platforms, companies and places written as one word (Xiaohongshu,
  Zhangjiajie) are left alone, and a two-part word alone ("DiDi", "WuXi") is a brand.

Addresses, handles, hashtags, and paragraphs or quotations written all in lower case are left alone. The fix writes
the name as the article writes it elsewhere, else family name first with the given syllables joined;
it is a suggestion (the order of a lower-cased name is a guess).
"""

from __future__ import annotations

import functools
from typing import Callable, Iterator, NamedTuple

import regex

from cleaner import gazetteer, lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._calque_given import chinese_compound_families, chinese_families
from cleaner.kinds._pinyin import camel_parts, syllables
from cleaner.kinds._support import OptionError, in_lower_case_paragraph, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement
from cleaner.wordstream import Word

KIND = "pinyin-name-case"
OPTIONS = (
    Option("cues", STRINGS, "Words after a name that make it a person (said, met, also).", required=True),
    Option("dynasties", STRINGS, "Family names that also name a dynasty or a state (Tang, Song, Han).", default=()),
    Option("roles", STRINGS, "Words before a glued name that make it a person (correspondent, by, mayor), any case.", default=()),
)
REPLACEMENT = Replacement.COMPUTED

_UNKNOWN_ZIPF = 2.0  # a word English uses more than this ("shui", "yang", "fang") is no evidence
# After a capitalised family name, a two-syllable word this rare is still a name: famous given names
# are frequent ("jinping", "xiaoping"), and the loanwords that are pinyin are one syllable ("shui").
_FAMOUS_ZIPF = 3.5
_EDGE = r"(?<![\p{L}\p{M}\p{N}’'.@#/_\\-])"
_TAIL = r"(?![\p{L}\p{M}\p{N}@_]|[’'/.\\-][\p{L}\p{N}])"
# "ZhangXiaoMing", "WenJie": two to five capitalised parts, perhaps after a capitalised word.
_CAMEL = regex.compile(rf"{_EDGE}(?:(?P<family>\p{{Lu}}\p{{Ll}}{{0,8}})[ ])?(?P<camel>(?:\p{{Lu}}\p{{Ll}}{{1,5}}){{2,5}}){_TAIL}")


@functools.lru_cache(maxsize=1)
def _family_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The listed family names as tokens: capitalised ("Zhou") and in lower case ("zhou")."""
    names = chinese_families()
    return frozenset(names), frozenset(n.lower() for n in names)


_LOWER = regex.compile(r"\p{Ll}{2,12}(?:-\p{Ll}{1,6})?")  # a lower-case given name as one token: jianhua, wei-dong


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options and return the checker."""
    cues = frozenset(rule.options["cues"])
    if not cues:
        raise OptionError("cues", "must list at least one word")
    dynasties = frozenset(rule.options["dynasties"])
    roles = frozenset(r.lower() for r in rule.options["roles"])

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        timeout = timeout_for(text)
        found = _stream_words(doc)
        written = _written(doc, found.pair_starts)
        hits = [*_lower_given(doc, found.families, written, cues, dynasties),
                *_lower_pair(doc, found.lower_families, written),
                *_camel(doc, found.camel_starts, written, cues, roles, timeout)]
        taken: list[tuple[int, int]] = []
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            if any(a < hit.end and hit.start < b for a, b in taken) or _glued(doc, hit.start, hit.end):
                continue
            taken.append((hit.start, hit.end))
            yield hit

    return check


class _StreamWords(NamedTuple):
    """Where each part of the rule reads the text, found in one pass over the token stream."""

    families: list[int]  # words that are a listed family name, capitalised ("Zhou")
    lower_families: list[int]  # ... in lower case ("zhou")
    camel_starts: list[int]  # where `_CAMEL` can match, in order
    pair_starts: list[int]  # where `_NAME_PAIR` can match with a listed family name in it, in order


# A word of the stream that opens with glued capitalised syllables (`_CAMEL`'s `camel` group) may hold a match.
_CAMEL_WORD = regex.compile(r"(?:\p{Lu}\p{Ll}{1,5}){2,5}")
_LEADING = regex.compile(r"[\p{L}\p{N}]+")
_TRAILING = regex.compile(r"[\p{L}\p{N}]+$")
# Bits of what a distinct word can be.
_FAMILY, _LOWER_FAMILY, _CAMEL_PART, _PAIR_FIRST, _PAIR_SECOND = 1, 2, 4, 8, 16


def _stream_words(doc: Document) -> _StreamWords:
    """The words each part reads, found by asking each distinct word once and passing over the stream
    once: the patterns `_CAMEL` and `_NAME_PAIR` open with a look-behind, and the regex engine would
    try them at every position of the text.

    `_CAMEL`'s glued word starts after no letter, mark, digit or joining mark, so where a word of the
    stream starts, and the match starts there or at the word before (a family name). The glued word is
    most often the whole word; a word may go on after it with an apostrophe or a hyphen and a mark.
    A `_NAME_PAIR` match with a listed family name is a word's last run of letters and digits (after
    neither: the look-behind) before one space and the next word's first run, one of the two a family
    name: it starts where the first word's last run starts.
    """
    capitalised, lower = _family_forms()
    kinds: dict[str, int] = {}
    for word in doc.distinct_words:
        if word.isascii() and word.isalnum():  # most words: one run of letters and digits
            kind = (_FAMILY | _PAIR_FIRST | _PAIR_SECOND) if word in capitalised else _LOWER_FAMILY if word in lower else 0
        else:
            first, last = _LEADING.match(word), _TRAILING.search(word)
            kind = ((_PAIR_FIRST if last and last.group() in capitalised else 0)
                    | (_PAIR_SECOND if first and first.group() in capitalised else 0))
        if word[:1].isupper() and not word[1:].islower() and _CAMEL_WORD.match(word):  # two capitals at least
            kind |= _CAMEL_PART
        if kind:
            kinds[word] = kind
    words = doc.words
    texts, starts = words.texts, words.starts
    found = _StreamWords([], [], [], [])
    camel, pairs = set(), set()
    for i in words.where(kinds):
        kind = kinds[texts[i]]
        if kind & _FAMILY:
            found.families.append(i)
        if kind & _LOWER_FAMILY:
            found.lower_families.append(i)
        if kind & _CAMEL_PART:
            camel.update((starts[i], starts[i - 1]) if i else (starts[i],))
        if kind & _PAIR_FIRST:
            pairs.add(starts[i] + _last_run(texts[i]))
        if kind & _PAIR_SECOND and i:
            pairs.add(starts[i - 1] + _last_run(texts[i - 1]))
    found.camel_starts.extend(sorted(camel))
    found.pair_starts.extend(sorted(pairs))
    return found


def _last_run(word: str) -> int:
    """Where the word's last run of letters and digits starts."""
    if word.isascii() and word.isalnum():
        return 0
    last = _TRAILING.search(word)
    return last.start() if last else len(word)


def _lower_given(doc: Document, families: list[int], written: dict[tuple[str, str], str], cues: frozenset[str],
                 dynasties: frozenset[str]) -> Iterator[Hit]:
    """A capitalised family name before a lower-case given name ("Zhou jianhua", "Liu mou hua")."""
    text, words = doc.text, doc.words
    for i in families:
        given = _next(doc, i)
        if given is None or not _LOWER.fullmatch(given.text):
            continue
        family, end, last = words[i].text, given.end, i + 1
        anonymised = given.text == "mou" and (third := _next(doc, i + 1)) is not None and third.text.isalpha() and third.text.islower()
        if anonymised:
            end, last, cut = third.end, i + 2, _given_cut(third.text)  # "Liu mou hua": the fixed anonymised shape
        else:
            cut = _given_cut(given.text) if _unknown(given.text, _FAMOUS_ZIPF) else None
        after = _next(doc, last)
        if cut is None or _glued_after(text, end) or text[words[i].start - 1 : words[i].start] in _GLUE or _pinyin_run(after):
            continue
        seen = written.get((family, nm.fold(text[given.start : end])))
        if not anonymised and seen is None and (len(cut) < 2 or family in dynasties) and (after is None or after.text not in cues):
            continue  # "Tang hanfu", "Feng shui": a dynasty or a loanword, unless the article says a person
        fixed = seen or f"{family} {_capitalised(text[given.start : end])}"
        yield Hit(given.start, end, (fixed.split(" ", 1)[1],),
                  message=f"“{text[words[i].start : end]}” is a Chinese name with its given name in lower case; write “{fixed}”.")


def _lower_pair(doc: Document, lower_families: list[int], written: dict[tuple[str, str], str]) -> Iterator[Hit]:
    """A whole name in lower case, family name first or last ("zhao weidong", "wei-dong zhao")."""
    text, words = doc.text, doc.words
    texts = words.texts
    for i in lower_families:
        # Most lower-case family names are English words ("he", "long", "an") beside English words: a
        # side needs a given name of two pinyin syllables that English does not use, asked once per word.
        if not ((i + 1 < len(texts) and _pair_given(texts[i + 1])) or (i and _pair_given(texts[i - 1]))):
            continue
        family = words[i].text
        if family.capitalize() in chinese_compound_families():
            continue
        after, before = _next(doc, i), _previous(doc, i)
        sides = []  # (the given name, where the pair starts and ends, the words just outside it)
        if after is not None:
            sides.append((after, words[i].start, after.end, (before, _next(doc, i + 1))))
        if before is not None:
            sides.append((before, before.start, words[i].end, (_previous(doc, i - 1), after)))
        for other, start, end, outside in sides:  # family name first, then last
            given = other.text
            if not _LOWER.fullmatch(given) or _glued_after(text, end) or text[start - 1 : start] in _GLUE:
                continue
            if any(_pinyin_run(w) for w in outside):
                continue  # "wo ai ni zhongguo": a phrase written in pinyin, not a name
            cut = _given_cut(given)
            if cut is None or len(cut) != 2 or not _unknown(given):
                continue
            seen = written.get((family.capitalize(), nm.fold(given))) or written.get((_capitalised(given), family))
            if seen is None and family in lexicon.lowercase_words() and not _clean_hyphenated(given):
                continue  # "tai-chi he", "weidong he": the family name is an English word
            if seen is None and start == other.start and "-" not in given:
                continue  # "zhongguo meng": a pinyin phrase ends in a family syllable as often as a name does
            fixed = seen or f"{family.capitalize()} {_capitalised(given)}"
            yield Hit(start, end, (fixed,), message=f"“{text[start:end]}” is a Chinese name written in lower case; write “{fixed}”.")
            break


@functools.lru_cache(maxsize=4096)
def _pair_given(word: str) -> bool:
    """The given name of a lower-case whole name as `_lower_pair` requires it, its other tests aside."""
    if not _LOWER.fullmatch(word) or not _unknown(word):
        return False
    cut = _given_cut(word)
    return cut is not None and len(cut) == 2


_GLUE = frozenset("@#/\\_.")  # a name touching these is part of an address, a handle or a tag


def _next(doc: Document, i: int) -> Word | None:
    """The word after word i when one space alone separates them."""
    words = doc.words
    if i + 1 >= len(words) or words[i + 1].start != words[i].end + 1 or doc.text[words[i].end] != " ":
        return None
    return words[i + 1]


def _previous(doc: Document, i: int) -> Word | None:
    """The word before word i when one space alone separates them."""
    return doc.words[i - 1] if i and _next(doc, i - 1) is not None else None


def _pinyin_run(word: Word | None) -> bool:
    """A lower-case word next to the name that is pinyin too, and no English word: the name is part of a
    phrase written in pinyin ("wo ai ni zhongguo"), not a person's name."""
    return (word is not None and word.text.isalpha() and word.text.islower() and syllables(word.text) is not None
            and word.text not in lexicon.lowercase_words())


def _glued_after(text: str, end: int) -> bool:
    """The name runs on into an address or a tag ("weidong.zhao@", "zhao_weidong")."""
    return text[end : end + 1] in ("@", "_") or (text[end : end + 1] in ("/", ".", "-") and text[end + 1 : end + 2].isalnum())


def _camel(doc: Document, starts: list[int], written: dict[tuple[str, str], str], cues: frozenset[str],
           roles: frozenset[str], timeout: float) -> Iterator[Hit]:
    """Syllables glued with a capital each ("ZhangXiaoMing"), or a camel-cased given name ("Lin WenJie").

    A glued word alone may be a brand or a place ("BaiJiaHao", "MaAnShan"): it counts as a person's name
    after a role word or an opening bracket ("correspondent ZhangXiaoMing") or before a cue ("said").
    When the article also writes the name rightly ("Zhang Xiaoming"), NM102 reports the variant."""
    families = chinese_families()
    text = doc.text
    # `starts` (where the pattern can match) in order: what finditer(overlapped=True) finds at each position.
    for match in filter(None, (_CAMEL.match(text, start, timeout=timeout) for start in starts)):
        parts = camel_parts(match.group("camel"))
        if parts is None or _named_word(match.group("camel")):
            continue
        family = match.group("family")
        if family is not None and family in families and len(parts) == 2:
            start, fixed = match.start("camel"), _capitalised("".join(parts))
            if (family, fixed.lower()) in written and f"{family} {fixed}" == written[(family, fixed.lower())]:
                continue  # the article writes "Lin Wenjie" too: NM102 reports the variant
            message = f"“{family} {match.group('camel')}” is a Chinese name with a camel-cased given name; write “{family} {fixed}”."
        elif family is None and len(parts) >= 3 and (split := _family_first(parts)) is not None:
            start, fixed = match.start("camel"), f"{split[0]} {_capitalised(split[1])}"
            if (split[0], nm.fold(split[1])) in written or not _person_place(text, start, match.end("camel"), cues, roles):
                continue  # written in two words too (NM102 reports the variant), or no person around it
            message = f"“{match.group('camel')}” is a Chinese name with its syllables glued; write “{fixed}”."
        else:
            continue
        yield Hit(start, match.end("camel"), (fixed,), message=message)


_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?P<word>\p{L}{1,20})[ ]|(?P<bracket>[(（]))$")
_AFTER = regex.compile(r"[ ](\p{Ll}{1,15})")


def _person_place(text: str, start: int, end: int, cues: frozenset[str], roles: frozenset[str]) -> bool:
    """A role word or an opening bracket before the name, or a cue word after it."""
    before = _BEFORE.search(text, max(0, start - 22), start)
    if before and (before.group("bracket") or before.group("word").lower() in roles):
        return True
    after = _AFTER.match(text, end)
    return bool(after and after.group(1) in cues)


def _family_first(parts: tuple[str, ...]) -> tuple[str, str] | None:
    """(family name, given name) of camel parts that start with a listed family name and one or two given syllables."""
    families = chinese_families()
    for size in (2, 1):
        family = "".join(parts[:size]).capitalize()
        if family in families and 1 <= len(parts) - size <= 2 and (size == 2) == (family in chinese_compound_families()):
            return family, "".join(parts[size:])
    return None


@functools.lru_cache(maxsize=4096)
def _given_cut(word: str) -> tuple[str, ...] | None:
    """The syllables of a lower-case given name ("jianhua", "wei-dong"): one or two, else None."""
    pieces = word.split("-")
    cut: list[str] = []
    for piece in pieces:
        found = syllables(piece)
        if not found or (len(pieces) > 1 and len(found) != 1):
            return None
        cut.extend(found)
    return tuple(cut) if 1 <= len(cut) <= 2 else None


def _unknown(given: str, ceiling: float = 0.0) -> bool:
    """English does not use the given name as a word (joined when hyphenated): no dictionary word, and
    rarer than `_UNKNOWN_ZIPF`, or than `ceiling` for two syllables (a famous name: "jinping")."""
    plain = given.replace("-", "")
    if plain in lexicon.lowercase_words() or given in lexicon.lowercase_words():
        return False
    cut = _given_cut(given)
    limit = max(ceiling, _UNKNOWN_ZIPF) if cut is not None and len(cut) == 2 else _UNKNOWN_ZIPF
    return lexicon.zipf(plain) < limit


def _clean_hyphenated(given: str) -> bool:
    """A hyphenated given name with no English word in it ("yong-ming", not "tai-chi" or "ha-ha")."""
    pieces = given.split("-")
    return len(pieces) == 2 and pieces[0] != pieces[1] and not any(p in lexicon.lowercase_words() for p in pieces)


def _capitalised(given: str) -> str:
    """The given name as English writes it: syllables joined, one capital ("wei-dong" -> "Weidong")."""
    return given.replace("-", "").replace(" ", "").capitalize() if " " not in given else given.title()


@functools.lru_cache(maxsize=4096)
def _named_word(word: str) -> bool:
    """A camel-cased word whose joined form is a known name: a platform, a company, a place (Xiaohongshu)."""
    joined = word.capitalize()
    return (joined in _one_word_names() or joined in lexicon.places() or joined in lexicon.proper_words()
            or lexicon.zipf(joined) >= _UNKNOWN_ZIPF)


@functools.lru_cache(maxsize=1)
def _one_word_names() -> frozenset[str]:
    """Platforms and organisations written as one word (rules/data/platforms.yaml, organisation-calques.yaml)."""
    platforms = gazetteer.load("platforms")
    names = {n.capitalize() for n in (platforms.get("names") or ()) if isinstance(n, str)}
    for entry in gazetteer.load("organisation-calques").get("organisations") or ():
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and name.isalpha():
            names.add(name.capitalize())
    return frozenset(names)


_NAME_PAIR = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{0,8})[ ](\p{Lu}\p{Ll}{1,12}(?:-\p{Ll}{1,6})?)(?![\p{L}\p{N}])")


def _written(doc: Document, starts: list[int]) -> dict[tuple[str, str], str]:
    """(family name, folded given name) -> the name as the article writes it capitalised ("Ma Xiaoyan"),
    in either order: the evidence that a lower-case or glued form is that name. `starts`: where a pair
    with a family name can begin, in order (`_stream_words`)."""
    families = chinese_families()
    out: dict[tuple[str, str], str] = {}
    text = doc.text
    # `starts` in order: what finditer(overlapped=True) finds at each position, the pairs with no family name aside.
    for match in filter(None, (_NAME_PAIR.match(text, start) for start in starts)):
        a, b = match.group(1), match.group(2)
        if a in families:
            out.setdefault((a, nm.fold(b)), f"{a} {b}")
        if b in families:
            out.setdefault((a, b.lower()), f"{a} {b}")  # "Weidong Zhao": keyed (given, family) as the pair finds it
    return out


def _glued(doc: Document, start: int, end: int) -> bool:
    """Part of an address, a handle or a tag, or in a paragraph or quotation written all in lower case
    (a slogan or a lyric in pinyin)."""
    before = doc.text[start - 1 : start]
    if before in ("@", "#", "/", "_", ".") or in_lower_case_paragraph(doc, start):
        return True
    if not doc.in_quote(start):
        return False
    quote = next((q for q in doc.quotes if start in q), None)
    return quote is not None and not any(c.isupper() for c in doc.text[quote.start : quote.end])
