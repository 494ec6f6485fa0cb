"""Where a word stands in its sentence: mid-sentence, or where a sentence, quotation or list item opens.

A capital is normal where a new unit opens, so the capitalisation kinds test a word's position
before they weigh its capital (stray-capital; comma-capital, which shares its evidence).
"""

from __future__ import annotations

from cleaner.document import Document, Word

# What may stand between the previous word and a mid-sentence word; anything else opens a new unit
# (a sentence, a quotation, a parenthesis, a list item) where a capital is normal.
_OPENERS = frozenset(".!?:;“\"‘'([{…•*#>|/\n")
DASHES = frozenset("—–-")


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
    if any(ch in DASHES for ch in gap):
        # After a dash only when the dash follows a lower-case word: "meetings – On a weekly basis";
        # a dateline "KYIV (AP) — The" or "2-1 — The" starts a sentence.
        return prev.text[:1].islower()
    return not gap or all(ch in ",”’" for ch in gap)


def gap_before(doc: Document, words: tuple[Word, ...], i: int) -> str:
    """The characters between word i and the word before it, without spaces."""
    return "".join(doc.text[words[i - 1].end : words[i].start].split()) if i else ""


def next_joined(doc: Document, words: tuple[Word, ...], i: int) -> Word | None:
    """The next word when only blanks separate it from word i."""
    if i + 1 >= len(words) or doc.text[words[i].end : words[i + 1].start].strip():
        return None
    return words[i + 1]
