"""Hanyu pinyin syllables, strictly: which toneless syllables exist, and how a word splits into them.

`_sino_reading._pinyin_syllables` accepts any initial before any final, so English words such as
"Rosa" (ro-sa) or "Dean" (de-an) pass it. The name rules that read a word as a Chinese given name
need the real syllable inventory: "ro", "fong", "bong", "wing" and "king" are no pinyin. The table
below is the standard inventory (about 400 syllables), grouped by initial; ü is written "v" or
"u" as English news writes it (Lü -> Lyu, Lu; nüe -> nue).
"""

from __future__ import annotations

import functools

from cleaner import names as nm

# Initial -> the finals it takes; "" is the zero initial.
_TABLE = {
    "": "a ai an ang ao e ei en eng er o ou",
    "y": "a an ang ao e i in ing o ong ou u uan ue un",
    "w": "a ai an ang ei en eng o u",
    "b": "a ai an ang ao ei en eng i ian iao ie in ing o u",
    "p": "a ai an ang ao ei en eng i ian iao ie in ing o ou u",
    "m": "a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u",
    "f": "a an ang ei en eng o ou u",
    "d": "a ai an ang ao e ei en eng i ia ian iao ie ing iu ong ou u uan ui un uo",
    "t": "a ai an ang ao e eng i ian iao ie ing ong ou u uan ui un uo",
    "n": "a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan uo v ve ue",
    "l": "a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u uan un uo v ve ue yu",
    "g": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "k": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "h": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "j": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "q": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "x": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "ch": "a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo",
    "sh": "a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo",
    "r": "an ang ao e en eng i ong ou u ua uan ui un uo",
    "z": "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
    "c": "a ai an ang ao e en eng i ong ou u uan ui un uo",
    "s": "a ai an ang ao e en eng i ong ou u uan ui un uo",
}
SYLLABLES = frozenset(initial + final for initial, finals in _TABLE.items() for final in finals.split())
_LONGEST = max(map(len, SYLLABLES))


@functools.lru_cache(maxsize=1 << 14)
def syllables(word: str) -> tuple[str, ...] | None:
    """The word (case and diacritics folded) cut into real pinyin syllables, or None when it is no pinyin.

    The cut prefers long syllables and backtracks ("xian" stays one syllable, "xianing" is xia-ning),
    so a word is pinyin when any cut exists.
    """
    folded = nm.fold(word)
    if not folded.isalpha() or not folded.isascii() or len(folded) > 24:
        return None
    cut = _cut(folded, 0)
    return tuple(cut) if cut is not None else None


def _cut(word: str, at: int) -> list[str] | None:
    if at == len(word):
        return []
    for size in range(min(_LONGEST, len(word) - at), 0, -1):
        piece = word[at : at + size]
        if piece in SYLLABLES:
            rest = _cut(word, at + size)
            if rest is not None:
                return [piece, *rest]
    return None


def camel_parts(word: str) -> tuple[str, ...] | None:
    """The capitalised parts of a camel-cased word ("ZhangXiaoMing" -> Zhang, Xiao, Ming) when every
    part is one pinyin syllable with a capital and lower-case letters; None otherwise."""
    if not word.isascii() or not word.isalpha() or not word[:1].isupper():
        return None
    parts: list[str] = []
    start = 0
    for i in range(1, len(word) + 1):
        if i == len(word) or word[i].isupper():
            part = word[start:i]
            if len(part) < 2 or not part[1:].islower() or part.lower() not in SYLLABLES:
                return None
            parts.append(part)
            start = i
    return tuple(parts)
