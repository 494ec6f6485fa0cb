"""Mojibake: UTF-8 text decoded in a single-byte code page ("â€œ" or "โ€œ" for “, "Ã©" for é).

A run of characters that the code page maps from bytes 0x80-0xFF is turned back into those bytes;
when the bytes of the whole run are well-formed UTF-8 and the characters they spell are ones that
text in a Latin, Cyrillic, Greek or CJK script uses, the run is mojibake. Requiring the WHOLE run to
decode keeps genuine Thai, Cyrillic or accented words out: their bytes are almost never UTF-8.
The code pages are the "sloppy" ones decoders really use: bytes a Windows page leaves undefined
fall back to Windows-1252 (a Thai page shows UTF-8 “ as "โ€œ", with € and œ from 1252).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

# Code pages tried in order: the first that decodes a run wins.
_PAGES = ("cp1252", "cp1250", "cp1251", "cp874", "cp1253", "cp1254", "cp1257", "latin-1")
# Characters a decoded run may spell: Latin-1 and Latin Extended-A letters and signs, Romanian
# comma-below letters, Greek and Cyrillic, general punctuation, currency signs, the trade mark
# sign, and CJK (kana, Han, Hangul and the full-width forms).
_PLAUSIBLE = re.compile(
    "[\u00a0-\u017f\u0218-\u021b\u0370-\u03ff\u0400-\u04ff\u2010-\u2044\u20a0-\u20bf\u2122"
    "\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff5e]+"
)
# What a page whose high half spells a script of its own (Cyrillic, Thai, Greek) may decode to:
# punctuation and signs only, since a short word in that script can happen to be well-formed UTF-8.
_SIGNS = re.compile("[\u2010-\u2044\u20a0-\u20bf\u2122]+")
_SCRIPT_PAGES = {"cp1251", "cp874", "cp1253"}
# Every code page maps its high bytes to non-ASCII characters: a text without two of them in a row has no run.
_NON_ASCII_PAIR = re.compile("[^\x00-\x7f]{2}")
# Bytes Windows-1252 leaves undefined: a decoder drops them, so "â€" ends a run where ” (E2 80 9D) was.
_DROPPED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@lru_cache(maxsize=None)
def _table(page: str) -> dict[str, int]:
    """Character -> byte for the high half of a sloppy code page."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        for name in (page, "cp1252"):
            try:
                table.setdefault(bytes([byte]).decode(name), byte)
                break
            except UnicodeDecodeError:
                continue
    return table


def find_runs(text: str) -> Iterator[re.Match[str]]:
    """The candidate runs of `text` (`candidate_runs`), the pattern built only for a text that may hold one."""
    if not _NON_ASCII_PAIR.search(text):
        return iter(())
    return candidate_runs().finditer(text)


@lru_cache(maxsize=1)
def candidate_runs() -> re.Pattern[str]:
    """Runs of two or more characters that some code page maps from high bytes."""
    chars = set().union(*(_table(page) for page in _PAGES)) - {"\u00a0"}
    body = "".join(sorted(re.escape(ch) for ch in chars))
    return re.compile(f"[{body}\u00a0]{{2,}}")


def _utf8_tail(data: bytes) -> str | None:
    """The UTF-8 reading of `data`, a dropped closing byte restored; None when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) < 2 or data[-2] < 0xE0:  # only a three-byte sign can have lost its last byte
        return None
    for byte in sorted(_DROPPED, key=lambda b: b != 0x9D):  # ” first: the common lost byte
        try:
            text = (data + bytes([byte])).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return text if _SIGNS.fullmatch(text[-1]) else None
    return None


def _foreign(char: str) -> bool:
    """One Cyrillic, Greek or CJK character from two Latin ones is as likely an accident ("Ñ”").

    A comparison, not a pattern: compiling this class took the stdlib parser 12 ms at each start.
    """
    return "\u0370" <= char <= "\u04ff" or "\u3000" <= char <= "\uffff"


def decode_run(run: str) -> str | None:
    """The text a mojibake run stands for, or None when the run is not mojibake.

    A run that ends in a sign whose last byte the decoder dropped ("â€" for ”) gets it back.
    """
    for page in _PAGES:
        table = _table(page)
        if not all(ch in table for ch in run):
            continue
        data = bytes(table[ch] for ch in run)
        if data[0] < 0xC2:  # a run must start with a UTF-8 lead byte
            continue
        text = _utf8_tail(data)
        if not text or len(text) >= len(run) or not _PLAUSIBLE.fullmatch(text):
            continue
        if page in _SCRIPT_PAGES and not _SIGNS.fullmatch(text):
            continue
        if len(text) == 1 and _foreign(text):
            continue
        return text
    return None
