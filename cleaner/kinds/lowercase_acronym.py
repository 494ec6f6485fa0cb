"""`lowercase-acronym`: an acronym written in lower or title case ("the Communist Party of Turkey (tkp)", "Eu diplomats").

An engine that does not recognise a bracketed acronym after its expansion treats it as a word and
lower-cases it, or writes an initialism as a name ("Ppp", "Eu"). A token is reported when the
evidence says it is an acronym:

- in brackets after a space, two to six letters in lower case or in title case ("(tkp)", "(Ppp)"):
  the initials of the words right before the bracket spell it (function words may be skipped:
  "Pakistan Peoples Party (ppp)", "personal protective equipment (ppe)"), or, for three letters or
  more after capitalised words, all but one of its letters are their initials, in any order (a name
  translated from a language whose order differs: "Communist Party of Turkey (tkp)" for TKP); or the
  article writes it in capitals elsewhere; or, for three letters or more, the dictionary knows it as
  an acronym (SCOWL: "(usa)", "(nato)");
- a title-case token of two to four letters outside brackets ("Eu diplomats", "the Ppp said"): the
  article writes it in capitals elsewhere, or writes a name of capitalised words whose initials spell
  it ("European Union"), and it has no vowel to be read as a word or is one of `vowel-initialisms`
  (so not "Kyiv" beside a dateline's "KYIV", nor "Ali" or "Al"); it stands between lower-case words,
  not beside a capitalised one ("Da Vinci"). A title-case token with a vowel in brackets is British
  style ("(Nato)").

Never: a word English knows in lower case ("(sic)", "(etc)", "(am)"), one of `exceptions` (units,
file formats, abbreviations such as "pp" or "ed", language codes), a roman numeral, a mixed-case
brand ("(iPhone)", "(eBay)"), or a title-case chemical symbol in brackets after a lower-case word
("europium (Eu)"). The upper-case form is suggested.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._support import (
    in_lower_case_paragraph,
    literal_starts,
    matches_at,
    timeout_for,
)
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement

KIND = "lowercase-acronym"
OPTIONS = (
    Option("exceptions", STRINGS, "Lower-case tokens that are no acronyms in brackets: units, file formats, abbreviations.",
           default=()),
    Option("function-words", STRINGS, "Words an expansion may hold whose initial an acronym may skip (of, the, and).",
           default=()),
    Option("vowel-initialisms", STRINGS, "Initialisms with a vowel that a title-case word outside brackets may stand for "
           "(EU, UN): others are names (Al, Bo) or British style (Nato).", default=()),
)
REPLACEMENT = Replacement.COMPUTED

# A bracketed token after a space (not "driver(s)"), lower case or title case.
_BRACKETED = regex.compile(r"(?<=(?:^|[ \t\n])\()(?P<token>\p{Ll}{2,6}|\p{Lu}\p{Ll}{1,5})(?=\))", regex.MULTILINE)
# A title-case token of two to four letters, standing alone as a word.
_TITLED = regex.compile(r"(?<![\p{L}\p{M}\p{N}’'.@#/_&-])\p{Lu}\p{Ll}{1,3}(?![\p{L}\p{M}\p{N}@_]|[’'.\-/][\p{L}\p{N}])")
# The words before a bracket, read back from it: letters, apostrophes and hyphens.
_WORD_BEFORE = regex.compile(r"(?r)(?P<word>[\p{L}\p{M}][\p{L}\p{M}’'-]*)[ \t]*$")
_ROMAN = regex.compile(r"(?i)(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ELEMENTS = frozenset(
    "He Li Be Ne Na Mg Al Si Cl Ar Ca Sc Ti Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Zr Nb Mo Tc Ru Rh Pd Ag Cd "
    "In Sn Sb Te Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr "
    "Ra Ac Th Pa Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og".split())
_MAX_EXPANSION = 8  # words read back from a bracket


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options and return the checker."""
    exceptions = frozenset(rule.options["exceptions"])
    function_words = frozenset(rule.options["function-words"])
    vowel_initialisms = frozenset(rule.options["vowel-initialisms"])

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        capitals = _capitals(doc)
        done: set[int] = set()
        brackets = literal_starts(text, frozenset("("))
        for match in matches_at(_BRACKETED, text, [at + 1 for at in brackets]):
            token = match.group("token")
            done.add(match.start())  # read here, whatever the verdict: not again as a title-case word
            if _no_acronym(token, exceptions) or in_lower_case_paragraph(doc, match.start()):
                continue
            words = _words_before(text, match.start() - 1)
            if token[:1].isupper() and token in _ELEMENTS and words and words[-1][:1].islower():
                continue  # "europium (Eu)": a chemical symbol after its element
            letters = token.upper()
            if token[:1].isupper() and len(token) > 2 and _VOWELS.search(letters):
                continue  # "(Nato)", "(Unicef)": British style writes an acronym read as a word in title case
            if letters in capitals or _spelled_by(letters, words, function_words) or letters in _known(3):
                yield _hit(match.start(), token)
        # Title-case words that could be acronyms, decided once per distinct word: capitals elsewhere ("PPP") or an
        # expansion ("European Union") count only for one with no vowel to be read as a word, or a listed initialism
        # ("Eu"): "Ali" is a name whatever "Amir Latif Ibrahim" spells, "Kyiv" beside a dateline's "KYIV" a place,
        # and "Nato" British style.
        candidates = {token for token in doc.distinct_words if _TITLED.fullmatch(token)
                      and (not _VOWELS.search(token.upper()) or token.upper() in vowel_initialisms)
                      and not _no_acronym(token, exceptions) and token not in _given_or_name()}
        if not candidates:
            return
        expanded = {token.upper() for token in candidates if _expanded(text, token.upper(), function_words)}
        words = doc.words
        for i in words.where(candidates):
            word = words[i]
            token, letters = word.text, word.text.upper()
            if word.start in done or (letters not in capitals and letters not in expanded):
                continue
            match = _TITLED.match(text, word.start)
            if match is None or match.end() != word.end or _beside_capital(text, word.start, word.end):
                continue
            if doc.is_sentence_start(word.start) or doc.in_heading(word.start):
                continue
            yield _hit(word.start, token)

    return check


_VOWELS = regex.compile(r"[AEIOUY]")


def _capitals(doc: Document) -> frozenset[str]:
    """The article's words written in capitals, two to six letters, in running text (not in a line of capitals)."""
    words = doc.words
    out: set[str] = set()
    for i in words.where(frozenset(w for w in doc.distinct_words if w.isupper() and w.isalpha() and 2 <= len(w) <= 6)):
        neighbours = [words.texts[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        if not any(n.isupper() and len(n) > 1 for n in neighbours):
            out.add(words.texts[i])
    return frozenset(out)


def _hit(start: int, token: str) -> Hit:
    return Hit(start, start + len(token), (token.upper(),), message=f"“{token}” is an acronym: “{token.upper()}”.")


def _no_acronym(token: str, exceptions: frozenset[str]) -> bool:
    """True for a token that is a word, a listed exception or a roman numeral rather than an acronym."""
    low = token.lower()
    return low in exceptions or low in lexicon.lowercase_words() or bool(_ROMAN.fullmatch(low))


def _words_before(text: str, end: int) -> list[str]:
    """Up to `_MAX_EXPANSION` words right before `end` on the same line, in reading order."""
    words: list[str] = []
    at = end
    for _ in range(_MAX_EXPANSION):
        match = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if match is None:
            break
        words.append(match.group("word"))
        at = match.start()
        if at == 0 or text[at - 1] not in " \t-":
            break
    return words[::-1]


def _spelled_by(letters: str, words: list[str], function_words: frozenset[str]) -> bool:
    """True when the words before the bracket end with the acronym's expansion: their initials spell it, with or
    without the function words; or, for three letters or more, all but one of its letters are the initials of as
    many capitalised words, in any order."""
    pieces = [p for w in words for p in w.split("-") if p]
    for size in range(len(letters), min(len(pieces), 2 * len(letters) + 1) + 1):
        tail = pieces[-size:]
        if "".join(p[0] for p in tail).upper() == letters:
            return True
        content = [p for p in tail if p.lower() not in function_words]
        if tail[0].lower() not in function_words and "".join(p[0] for p in content).upper() == letters:
            return True
    if len(letters) < 3:
        return False
    content = [p for p in pieces if p.lower() not in function_words][-len(letters):]
    if len(content) < len(letters) or not all(p[:1].isupper() for p in content):
        return False
    shared = Counter(letters) & Counter(p[0].upper() for p in content)
    return sum(shared.values()) >= len(letters) - 1


def _expanded(text: str, letters: str, function_words: frozenset[str]) -> bool:
    """True when the article writes capitalised words whose initials spell `letters` ("European Union" for EU),
    function words allowed between them: one search per candidate, and candidates are few."""
    joiner = r"[ \t]+"
    if function_words:
        joiner += r"(?:(?:" + "|".join(map(regex.escape, sorted(function_words))) + r")[ \t]+){0,2}"
    pattern = r"(?<![\p{L}\p{M}])" + joiner.join(regex.escape(c) + r"\p{Ll}+" for c in letters) + r"(?![\p{L}\p{M}])"
    return regex.search(pattern, text, timeout=timeout_for(text)) is not None


def _beside_capital(text: str, start: int, end: int) -> bool:
    """True when a capitalised word stands right before or after the token ("Da Vinci", "Leonardo Da")."""
    after = regex.match(r"[ \t]+\p{Lu}", text[end : end + 3])
    before = regex.search(r"\p{Lu}[\p{L}\p{M}.’'-]*[ \t]+$", text[max(0, start - 30) : start])
    return bool(after or before)


@functools.lru_cache(maxsize=2)
def _known(shortest: int) -> frozenset[str]:
    """Acronyms the dictionary writes in capitals (SCOWL: NATO, USA, EU, ATM) of at least `shortest` letters."""
    return frozenset(w for w in lexicon.proper_words() if w.isupper() and w.isalpha() and len(w) >= shortest)


@functools.lru_cache(maxsize=1)
def _given_or_name() -> frozenset[str]:
    """Short title-case words of the public figures' names (Li, Xi, Ma): names, not acronyms."""
    return frozenset(w for w in lexicon.people_words() if len(w) <= 4)
