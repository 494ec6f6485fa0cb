"""`taiwan-pinyin-name`: a Taiwanese person's name written in mainland pinyin ("Shen Huihong" for Shen Hui-hung).

Taiwanese people write their names in Wade-Giles with a hyphenated given name (Shen Hui-hung, Kao
Hung-an, Lin Chih-chien); text translated from Chinese writes the same characters in Hanyu pinyin
with the given syllables joined (Shen Huihong, Gao Hongan, Lin Zhijian). The known-names kind
catches listed public figures; this kind catches the people the tables cannot list, from the
document's own evidence that they are Taiwanese. A name is reported when:

- it is two words: a one-syllable pinyin family name and a given name of two pinyin syllables
  written as one word (no hyphen), and neither word is an English word, a place or a listed name;
- one of its mentions stands in a sentence that names Taiwan's own places or bodies (`local`:
  Hsinchu, Kaohsiung, DPP, Legislative Yuan, "Taiwan's") and none of the mainland's (`mainland`:
  Beijing, China's, Communist): a Taiwan Affairs Office spokesman in Beijing writes pinyin rightly.
  Every mention of such a name is reported.

The suggestion is the Wade-Giles reading as Taiwan writes it (no apostrophes, given syllables
hyphenated), which is how most Taiwanese names are romanised; personal spellings vary (Ker, Hou), so
the fix is a suggestion to check, not a replacement to apply blindly.
"""

from __future__ import annotations

import bisect
import functools
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._sino_reading import _pinyin_syllables
from cleaner.kinds._wade_giles import _readings, _taiwanese
from cleaner.kinds._support import OptionError
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement

KIND = "taiwan-pinyin-name"
OPTIONS = (
    Option("local", STRINGS, "Words that place a sentence in Taiwan (Hsinchu, DPP, Taiwan's).", required=True),
    Option("mainland", STRINGS, "Words that place a sentence on the mainland (Beijing, China's).", default=()),
)
REPLACEMENT = Replacement.COMPUTED

# Pinyin initials and their Wade-Giles spelling as Taiwan writes it (aspiration marks dropped).
_REACH = 1500  # characters: a name this close to a placed one is in the same article
_INITIAL = regex.compile(r"zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]")
_WG_INITIAL = {"b": "p", "d": "t", "g": "k", "j": "ch", "q": "ch", "x": "hs", "zh": "ch", "r": "j", "z": "ts", "c": "ts"}
# Whole syllables Wade-Giles writes apart from the rules below.
_WG_WHOLE = {"zi": "tzu", "ci": "tzu", "si": "szu", "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih",
             "ge": "ko", "ke": "ko", "he": "ho", "er": "erh", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
             "yong": "yung", "yue": "yueh", "gui": "kuei", "kui": "kuei", "lüe": "lueh", "xue": "hsueh",
             "jue": "chueh", "que": "chueh", "nüe": "nueh", "e": "o"}
# Finals, longest first.
_WG_FINAL = (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("uo", "o"), ("ü", "u"))


@functools.lru_cache(maxsize=1 << 12)
def wade_giles(syllable: str) -> str:
    """The Wade-Giles spelling of one pinyin syllable, without aspiration marks (zhi -> chih, hong -> hung)."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    match = _INITIAL.match(syllable)
    initial = match.group() if match and len(match.group()) < len(syllable) else ""
    final = syllable[len(initial):]
    for old, new in _WG_FINAL:
        if final.endswith(old):
            final = final[: -len(old)] + new
            break
    return _WG_INITIAL.get(initial, initial) + final


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the options once and return the checker."""
    local = tuple(rule.options["local"])
    if not local:
        raise OptionError("local", "must list at least one word")
    mainland = tuple(rule.options["mainland"])
    local_re = _words_pattern(local)
    mainland_re = _words_pattern(mainland) if mainland else None

    def check(doc: Document) -> Iterator[Hit]:
        if not local_re.search(doc.text):
            return  # most articles: no Taiwanese place or body named
        candidates: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
        for mention in nm.mentions(doc):
            texts = mention.texts
            for i in range(len(texts) - 1):
                pair = _pinyin_name(texts, i)
                if pair is not None:
                    words = mention.words  # built only here: most runs hold no pinyin name
                    candidates.setdefault(f"{texts[i]} {texts[i + 1]}", []).append((words[i].start, words[i + 1].end, pair))
        listed = {seen for _, _, _, seen in _readings(doc, _taiwanese())} if candidates else set()
        names = {name: spots for name, spots in candidates.items() if name not in listed}  # listed: NM103's
        placed = {name for name, spots in names.items()
                  if any(_taiwanese_sentence(doc, start, local_re, mainland_re) for start, _, _ in spots)}
        if placed:  # the article writes Taiwanese people in pinyin: so are its other such names nearby, off the mainland
            anchors = sorted(start for name in placed for start, _, _ in names[name])
            placed |= {name for name, spots in names.items()
                       if any(_near(anchors, start) for start, _, _ in spots)
                       and all(_off_mainland(doc, start, mainland_re) for start, _, _ in spots)}
        for name, spots in names.items():
            if name not in placed:
                continue
            family, given = spots[0][2][0], spots[0][2][1:]
            fix = f"{wade_giles(family).title()} {'-'.join(wade_giles(s) for s in given).capitalize()}"
            message = (f"“{name}” is a Taiwanese name written in mainland pinyin; Taiwan writes names in "
                       f"Wade-Giles with a hyphenated given name (perhaps “{fix}”).")
            for start, end, _ in spots:
                yield Hit(start, end, (fix,), message=message)

    return check


def _words_pattern(words: tuple[str, ...]) -> "regex.Pattern[str]":
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])")


def _pinyin_name(texts: tuple[str, ...], i: int) -> tuple[str, ...] | None:
    """The syllables of a family name and a joined two-syllable given name, or None."""
    family, given = texts[i], texts[i + 1]
    if not family.istitle() or not given.istitle() or "-" in given or not given.isalpha():
        return None
    if i + 2 < len(texts) and not texts[i + 2].istitle():
        return None
    first, rest = _pinyin_syllables(family), _pinyin_syllables(given)
    if not first or len(first) != 1 or not rest or len(rest) != 2:
        return None
    if any(lexicon.zipf(w) > 0 or w in lexicon.places() for w in (given,)) or nm.is_common(family):
        return None
    if given in lexicon.people_words():
        return None
    return (*first, *rest)


def _near(anchors: list[int], start: int) -> bool:
    """Whether a placed name stands within _REACH characters of `start` (the same article, not the next one)."""
    at = bisect.bisect_left(anchors, start)
    return any(0 <= i < len(anchors) and abs(anchors[i] - start) <= _REACH for i in (at - 1, at))


def _off_mainland(doc: Document, start: int, mainland: "regex.Pattern[str] | None") -> bool:
    """Whether the paragraph around `start` names none of the mainland's places or bodies."""
    span = doc.paragraph_at(start)
    return span is not None and not (mainland and mainland.search(doc.text[span.start : span.end]))


def _taiwanese_sentence(doc: Document, start: int, local: "regex.Pattern[str]", mainland: "regex.Pattern[str] | None") -> bool:
    sentence = doc.sentence_at(start)
    if sentence is None:
        return False
    text = doc.text[sentence.start : sentence.end]
    return bool(local.search(text)) and not (mainland and mainland.search(text))
