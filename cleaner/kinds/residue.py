"""`residue`: characters of the source language's writing system left in English text.

The `form` option picks which residue the rule reports:
  - `fullwidth`: full-width forms of ASCII characters (（）＃，：０-９Ａ-Ｚ) and the ideographic
    space, in runs; the fix writes the ASCII characters, with the space a full-width mark carried
    in its own width where a word follows (Seoul，Korea -> Seoul, Korea). A full-width tilde between
    numbers is a range, left to the tilde-range rule.
  - `ideographic`: CJK punctuation: the ideographic full stop and comma, corner, lenticular,
    tortoise-shell and angle brackets, the middle dot, the reference mark and the wave dash; the
    fix is safe where the English mark is unambiguous (。 、 「 」 【 】), a suggestion where it is
    a choice of style (『 』 《 》 〈 〉 as title marks), and none where it needs judgement (・ ※);
    Japanese list marks at the start of a line (▽ △ ◇ ◎) are offered for deletion.
  - `cjk`: runs of Han, kana or Hangul, except a gloss in brackets after a name (Wang Yi (王毅)).
  - `homoglyph`: Cyrillic or Greek letters that look like Latin ones inside a Latin word
    ("аs" with a Cyrillic а), or short Cyrillic words of such letters standing alone between Latin
    words; the fix writes the Latin letter.
  - `guillemet`: a French or Russian guillemet (« ») that ends a quotation opened with an English
    mark, or opens one that an English mark closes ("“He played well. »"): the English mark that
    pairs with its partner is the fix. A quotation set wholly in guillemets («Non merci»), as a
    caption quoting a French sign may be, is left alone. The German and Polish low opening mark („)
    has no use in English and is always reported, with “.
  - `mojibake`: UTF-8 text decoded in a single-byte code page ("â€œ", "โ€œ" or "вЂњ" for “, "Ã©"
    for é); see _mojibake.py. A cheap test for two adjacent code-page characters runs first. The
    fix writes the decoded text: safe when the bytes decode exactly, a suggestion for quotation
    marks (repaired one at a time they would unbalance a pair) and when a dropped last byte had to
    be guessed ("â€" for ”).
  - `script-mark`: the sentence punctuation of other scripts (the Arabic comma, semicolon and question
    mark ، ؛ ؟, the Urdu full stop ۔, the Devanagari danda । ॥, the Armenian full stop and comma ։ ՝,
    the Ethiopic ። ፣ ፤ ፥, the Myanmar ။ ၊, the Khmer ។, the Greek question mark) and their
    decimal digits (٢٠٢٤, ۱۴۰۳, २०२४), outside a run of their own script (a gloss keeps its marks);
    a Spanish opening ¿ or ¡ before an English function word ("¿What will"). The fix writes the English
    mark or the ASCII digits; the inverted marks are deleted.
  - `circled`: circled and parenthesised numbers (① ② ⑴ ❶) that Chinese, Japanese and Korean use to
    number points; the fix writes the number in brackets, "(1)".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._mojibake import decode_run, find_runs
from cleaner.kinds._support import timeout_for
from cleaner.wordclass import is_function_word
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of

KIND = "residue"
OPTIONS = (
    Option("form", one_of("fullwidth", "ideographic", "cjk", "homoglyph", "guillemet", "circled", "mojibake", "script-mark"),
           "Which residue the rule reports (see above).",
           required=True),
)
REPLACEMENT = Replacement.COMPUTED

_FULLWIDTH = regex.compile(r"(?:[\uFF01-\uFF5D\u3000]|\uFF5E(?![ \t]*[\d\uFF10-\uFF19]))+")
_SPACED_AFTER = ",:;!?.)]}"  # ASCII marks that take a space before a following word
_SPACED_BEFORE = "([{"  # ASCII marks that take a space after a preceding word
# Ideographic mark -> (English replacement, safety); an empty replacement offers no fix.
_IDEOGRAPHIC = {
    "。": (".", Safety.SAFE), "、": (",", Safety.SAFE), "「": ("“", Safety.SAFE), "」": ("”", Safety.SAFE),
    "【": ("[", Safety.SAFE), "】": ("]", Safety.SAFE), "〔": ("[", Safety.SAFE), "〕": ("]", Safety.SAFE),
    "〖": ("[", Safety.SAFE), "〗": ("]", Safety.SAFE), "『": ("“", Safety.SUGGEST), "』": ("”", Safety.SUGGEST),
    "《": ("“", Safety.SUGGEST), "》": ("”", Safety.SUGGEST), "〈": ("‘", Safety.SUGGEST), "〉": ("’", Safety.SUGGEST),
    "・": ("", None), "※": ("", None), "〜": ("", None),
}
# A wave dash between numbers is a range, left to the tilde-range rule.
_IDEOGRAPHIC_MARK = regex.compile("[" + "".join(_IDEOGRAPHIC) + r"](?<!〜(?=[ \t]*[\d\uFF10-\uFF19]))")
# Japanese broadcast and newspaper list marks at the start of a line (▽ Nikkei average ...). The
# filled triangles are left alone: English market tables use them for up and down.
_LIST_MARK = regex.compile(r"(?m)^[ \t]*\K[▽△◇◎][ \t]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u30FC]+")
# Every CJK character lies at U+1100-U+11FF or from U+2E80 on (not among the quotation marks and dashes
# between): the script classes are tried only on runs of such characters, which a plain range finds fast.
# Written as the complement of the low ranges: the same characters, but `re` compiles a class by
# visiting each BMP code point it lists, and the complement lists 11,000 instead of 53,000 (2 ms a start).
_HIGH = re.compile("[^\u0000-\u10ff\u1200-\u2e7f]+")
_GLOSS = regex.compile(r"[(（][^()（）\n]{0,30}$")
_GLOSS_END = regex.compile(r"^[^()（）\n]{0,30}[)）]")
# Cyrillic and Greek letters with a Latin twin, as they are confused in mixed-script words.
_TWINS = dict(zip("аеорсухіјѕԁАВЕКМНОРСТХІЈЅοαΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", "aeopcyxijsdABEKMHOPCTXIJSoaABEHIKMNOPTXYZ"))
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LAST_WORD = regex.compile(r"[\p{L}\p{M}]+(?=[^\p{L}\p{M}]*$)")
_TWIN = regex.compile("[" + "".join(_TWINS) + "]")
_GUILLEMET = re.compile("[«»„]")
_DOUBLE_MARKS = "“”\"«»„"
_QUOTE_MARKS = "“”‘’„‚"
# Circled, parenthesised and negative circled numbers 1-20 (and ㉑-㊿).
_CIRCLED = re.compile("[\u2460-\u2487\u24EB-\u24FE\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    checkers = {"fullwidth": _fullwidth, "ideographic": _ideographic, "cjk": _cjk, "homoglyph": _homoglyphs,
                "guillemet": _guillemets, "circled": _circled, "mojibake": _mojibake, "script-mark": _script_marks}
    return checkers[rule.options["form"]]


def _fullwidth(doc: Document) -> Iterator[Hit]:
    """Runs of full-width forms, written in ASCII with the spacing English needs."""
    text = doc.text
    for match in _FULLWIDTH.finditer(text, timeout=timeout_for(text)):
        ascii_text = unicodedata.normalize("NFKC", match.group())
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if ascii_text[0] in _SPACED_BEFORE and before.isalnum():
            ascii_text = " " + ascii_text
        if ascii_text[-1] in _SPACED_AFTER and after.isalnum() and not (ascii_text[-1] in ".:" and after.isdigit()):
            ascii_text += " "
        yield Hit(match.start(), match.end(), (ascii_text,))


def _ideographic(doc: Document) -> Iterator[Hit]:
    """CJK punctuation, with its English equivalent where there is one."""
    text = doc.text
    for match in _IDEOGRAPHIC_MARK.finditer(text, timeout=timeout_for(text)):
        english, safety = _IDEOGRAPHIC[match.group()]
        if not english:
            yield Hit(match.start(), match.end())
            continue
        after = text[match.end()] if match.end() < len(text) else " "
        if english in ".," and (after.isalnum() or after in "“‘\"(「『【〔《〈（"):
            english += " "
        yield Hit(match.start(), match.end(), (english,), safety=safety)
    for match in _LIST_MARK.finditer(text, timeout=timeout_for(text)):
        yield Hit(match.start(), match.end(), ("",), safety=Safety.SUGGEST)


def _cjk(doc: Document) -> Iterator[Hit]:
    """Runs of CJK script, except a short gloss in brackets."""
    text = doc.text
    for match in (m for run in _HIGH.finditer(text) for m in _CJK.finditer(text, *run.span(), timeout=timeout_for(text))):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _GLOSS.search(text, line_start, match.start()) and _GLOSS_END.match(text[match.end() : match.end() + 32]):
            continue
        yield Hit(match.start(), match.end())


def _homoglyphs(doc: Document) -> Iterator[Hit]:
    """Look-alike Cyrillic or Greek letters inside Latin words, or alone between Latin words."""
    text = doc.text
    word_end = 0
    for twin in _TWIN.finditer(text, timeout=timeout_for(text)):
        if twin.start() < word_end:
            continue  # a later twin of a word already looked at
        word = _word_around(text, twin.start())
        word_end = word.end()
        if not (_mixed(word.group()) or _stranded(text, word)):
            continue
        for offset, ch in enumerate(word.group()):
            if ch in _TWINS:
                yield Hit(word.start() + offset, word.start() + offset + 1, (_TWINS[ch],))


def _word_around(text: str, offset: int) -> regex.Match[str]:
    """The run of letters that holds the offset."""
    start = offset
    while start > 0 and (text[start - 1].isalpha() or unicodedata.category(text[start - 1]).startswith("M")):
        start -= 1
    return _WORD.match(text, start)


def _is_latin(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def _mixed(word: str) -> bool:
    """True when the word has Latin letters and nothing outside Latin but look-alike twins."""
    return any(_is_latin(ch) for ch in word) and all(_is_latin(ch) or ch in _TWINS for ch in word)


def _stranded(text: str, word: regex.Match[str]) -> bool:
    """True for a short Cyrillic all-twin word between Latin words (a Cyrillic "а" in English).

    A lone Greek letter is usually a symbol (the angle α), so only Cyrillic counts here.
    """
    letters = word.group()
    if len(letters) > 3 or not all(ch in _TWINS and "CYRILLIC" in unicodedata.name(ch, "") for ch in letters):
        return False
    before = _LAST_WORD.search(text, max(0, word.start() - 40), word.start())
    after = _WORD.search(text, word.end(), word.end() + 40)
    neighbours = [m.group() for m in (before, after) if m is not None]
    return bool(neighbours) and all(all(_is_latin(ch) for ch in w) for w in neighbours)


def _guillemets(doc: Document) -> Iterator[Hit]:
    """Guillemets paired with an English quotation mark in their paragraph."""
    text = doc.text
    for match in _GUILLEMET.finditer(text):
        at = match.start()
        if match.group() == "„":
            yield Hit(at, at + 1, ("“",))
            continue
        para = doc.paragraph_at(at)
        if para is None:
            continue
        if _opens(text, at):
            partner = next((ch for ch in text[at + 1 : para.end] if ch in _DOUBLE_MARKS and ch != "„"), "")
            english = "“"
        else:
            partner = next((ch for ch in reversed(text[para.start : at]) if ch in _DOUBLE_MARKS), "")
            partner = "“" if partner == "„" else partner
            english = "”"
        if partner and partner not in "«»":
            yield Hit(at, at + 1, (english,))


def _opens(text: str, at: int) -> bool:
    """True when the guillemet at `at` opens a quotation.

    « opens (spaced, as French sets it, or not) unless it is glued to the words before it, as a
    German closing « is; » closes unless it is glued to the word after it and not to one before,
    as a German opening » is.
    """
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    glued_before = before.isalnum() or before in ".,;:!?…"
    if text[at] == "«":
        return after.isalnum() or not glued_before
    return after.isalnum() and not glued_before


def _circled(doc: Document) -> Iterator[Hit]:
    """Circled and parenthesised numbers, written as a number in brackets."""
    text = doc.text
    for match in _CIRCLED.finditer(text):
        number = int(unicodedata.numeric(match.group()))
        after = text[match.end()] if match.end() < len(text) else " "
        yield Hit(match.start(), match.end(), (f"({number})" + (" " if after.isalnum() else ""),))



def _mojibake(doc: Document) -> Iterator[Hit]:
    """Runs of code-page characters that spell UTF-8 bytes, with the text they stand for."""
    text = doc.text
    for match in find_runs(text):
        decoded = decode_run(match.group())
        if decoded is None:
            continue
        # A quotation mark is paired: repairing one of a pair alone would unbalance the quotation, and a
        # closing mark often lost its last byte, so quotation marks are suggestions, like any guessed byte.
        exact = len(decoded.encode("utf-8")) == len(match.group()) and not any(ch in _QUOTE_MARKS for ch in decoded)
        yield Hit(match.start(), match.end(), (decoded,), safety=None if exact else Safety.SUGGEST)


# Another script's sentence mark -> its English mark. An empty mark is deleted.
_SCRIPT_MARKS = {
    "،": ",", "؛": ";", "؟": "?", "۔": ".", "।": ".", "॥": ".", "։": ".", "՝": ",", "።": ".", "፣": ",",
    "፤": ";", "፥": ":", "။": ".", "၊": ",", "។": ".", "\u037e": "?", "¿": "", "¡": "",
}
_INTERROGATIVES = frozenset({"how", "why", "where", "when", "who", "whom", "whose", "which", "what"})
# The decimal digits of the scripts whose marks are above, and of the Indic and Southeast Asian scripts
# (the first of ten): Arabic-Indic, Persian, N'Ko, Devanagari ... Myanmar, Khmer, Mongolian.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
                0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810)
_SCRIPT_DIGITS = "".join(chr(zero + n) for zero in _DIGIT_ZEROS for n in range(10))
# One class of single characters: the standard library scans it many times faster than ranges or `regex`.
_SCRIPT_RUN = re.compile(f"[{_SCRIPT_DIGITS}{''.join(_SCRIPT_MARKS)}]+")
_SCRIPT_MARK = re.compile(f"[{_SCRIPT_DIGITS}]+|[{''.join(_SCRIPT_MARKS)}]")


def _script_marks(doc: Document) -> Iterator[Hit]:
    """Another script's punctuation or digits in English text, written as English ones."""
    text = doc.text
    if text.isascii():
        return
    for match in (m for run in _SCRIPT_RUN.finditer(text) for m in _SCRIPT_MARK.finditer(text, run.start(), run.end())):
        mark = match.group()
        if _in_native_run(text, match.start(), match.end()):
            continue  # a gloss in its own script keeps its own marks
        if mark in "¿¡":
            following = regex.match(r"[ \t]*(\p{L}+)", text[match.end() : match.end() + 24])
            word = following.group(1) if following else ""
            if not (is_function_word(word) or word.lower() in _INTERROGATIVES):
                continue  # a Spanish phrase or title quoted as such
            yield Hit(match.start(), match.end(), ("",))
            continue
        english = _SCRIPT_MARKS.get(mark) or "".join(str(unicodedata.decimal(ch)) for ch in mark)
        after = text[match.end()] if match.end() < len(text) else " "
        if english in ".,;:?" and after.isalpha():
            english += " "
        yield Hit(match.start(), match.end(), (english,))


def _in_native_run(text: str, start: int, end: int) -> bool:
    """True when a letter of another script stands within a few characters (the mark is in a foreign-script gloss)."""
    return any(ch.isalpha() and not _is_latin(ch) for ch in text[max(0, start - 12) : end + 12])
