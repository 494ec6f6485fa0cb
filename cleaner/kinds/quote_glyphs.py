"""`quote-glyphs`: a quotation mark of the wrong glyph for its place in the quotation.

The marks of each paragraph are paired by role (see `_quotes`), and the rule reports one defect:
- `wrong-way`: an opening “ that closes a quotation (`compromise“, he said`), or a closing ” that
  opens one; the fix turns the glyph round (safe when its place is unambiguous, else a suggestion);
- `mixed`: a quotation opened with a curly mark and closed with a straight one or the reverse;
  the mark that departs from the document's usual style is reported and matched to it;
- `tex`: `` and '' (or two primes, ′′, or a double prime, ″) used as quotation marks; the fix writes the
  document's own quotation marks (single ones for a quotation inside another); a TeX-like opener whose
  quotation is never closed is reported too, with the curly opener only suggested;
- `spaced-close`: a straight " that closes a quotation set off by a space after the quotation's
  final punctuation (`village of Popivka, "the official said`); a curly ” shows its role by its
  glyph and is the space-before-closing-quote rule's. A quotation spaced inside at both ends
  (`" Oh, who knows? "`, tokenised text) is left alone. The fix moves the space after the mark.
- `flipped`: a quotation whose marks are turned round with their spaces (`assured.” We lead, “applauded`,
  `_quotes`' `turned`), or a paired quotation whose marks both sit on the wrong side of their spaces, the opener
  glued to the word before it and the closer to the word after it (`the" best deal "in years`), as a
  tokeniser puts them back; each mark is reported with the fix that moves its space across it. A
  curly pair whose closer is not glued to a word is the opening-quote-on-wrong-side rule's.

"""

from __future__ import annotations

from typing import Callable, Iterator

from cleaner.document import Document
from cleaner.kinds._quotes import CLOSE, OPEN, Mark, glyph_for, paragraph_marks, quote_style
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of

KIND = "quote-glyphs"
_DEFECTS = ("wrong-way", "mixed", "tex", "spaced-close", "flipped")
OPTIONS = (Option("defect", one_of(*_DEFECTS), "Which defect the rule reports (see above).", required=True),)
REPLACEMENT = Replacement.COMPUTED



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured defect."""
    defect = rule.options["defect"]

    def check(doc: Document) -> Iterator[Hit]:
        style = quote_style(doc.text)
        for _, marks in paragraph_marks(doc):
            if defect == "flipped":
                yield from _flipped(doc.text, marks)
                continue
            for mark in marks:
                if defect == "spaced-close":
                    hit = _spaced_close(doc.text, mark)
                    if hit is not None:
                        yield hit
                elif mark.defect == defect:
                    yield _hit(doc.text, mark, style)
                elif defect == "tex" and mark.defect == "unmatched" and mark.role == OPEN and mark.glyph in _TEX_OPENERS:
                    # `said, ``Initially`, `′′ The stability`: a glyph no article uses, whatever closes it.
                    yield Hit(mark.start, mark.end, (glyph_for(OPEN, style, mark.depth),), safety=Safety.SUGGEST)

    return check


def _hit(text: str, mark: Mark, style: str) -> Hit:
    """The mark (with the spaces before it, for a closing mark) and the glyph it should be."""
    start = mark.start
    if mark.role == CLOSE:
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    if mark.defect == "wrong-way":
        glyph_style = "straight" if mark.glyph == '"' else "curly"
        wanted = glyph_for(mark.role, glyph_style, mark.depth)
    else:
        wanted = glyph_for(mark.role, style, mark.depth)
    # A nested quotation written with double marks is as likely a misread closing mark ("us? “Asked"),
    # so the single mark a nested quotation takes is only suggested.
    certain = mark.certain and (mark.depth == 1 or mark.defect != "mixed")
    return Hit(start, mark.end, (wanted,), safety=None if certain else Safety.SUGGEST)


def _spaced_close(text: str, mark: Mark) -> Hit | None:
    """A straight closing mark with a space between it and the punctuation that ends the quotation."""
    if mark.glyph != '"' or mark.role != CLOSE or mark.partner is None or mark.defect is not None:
        return None
    start = mark.start
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start == mark.start or start == 0 or text[start - 1] not in _QUOTATION_END:
        return None
    if text[mark.partner + 1 : mark.partner + 2] in (" ", "\t"):
        return None  # `" Oh, who knows? "`: spaced on both sides, a tokeniser's style, not a drifted mark
    glued = mark.end < len(text) and text[mark.end].isalpha()
    if glued and not text[mark.end].islower():
        return None  # `Valencia. "The rents`: as likely a new quotation opening as the old one closing
    return Hit(start, mark.end, ('"' + (" " if glued else ""),))


def _flipped(text: str, marks: tuple[Mark, ...]) -> Iterator[Hit]:
    """Both marks of a pair spaced on their inner side and glued to the words outside them."""
    for mark in marks:
        if mark.defect == "turned":  # `assured.” We lead, “applauded`: turn the glyph and move the space
            yield (Hit(mark.start, mark.end + 1, (" “",)) if mark.role == OPEN
                   else Hit(mark.start - 1, mark.end, ("” ",)))
            continue
        if mark.role != CLOSE or mark.partner is None or mark.defect is not None or mark.depth != 1:
            continue
        opener, close = mark.partner, mark.start
        after = text[mark.end : mark.end + 1]
        # The opening mark is glued to the word or the clause mark before it (`the" best`, `he wrote," put`).
        if not (opener > 0 and (text[opener - 1].isalpha() or text[opener - 1] in _CLAUSE_MARKS)
                and text[opener + 1 : opener + 2] in (" ", "\t")):
            continue
        if not (text[close - 1] in " \t" and text[close - 2 : close - 1].strip() and (after.isalpha() or after in _AFTER_CLOSE)):
            continue
        if mark.glyph != '"' and not after.isalpha():
            continue  # a curly pair with a free closer: opening-quote-on-wrong-side (JN106) reports it
        if _read_one_off(text, close, after):
            continue
        gap_end = opener + 1  # walked, not measured on a copy of the rest of the text (one per hit)
        while gap_end < len(text) and text[gap_end] in " \t":
            gap_end += 1
        yield Hit(opener, gap_end, (" " + text[opener],))
        space = close - 1
        while text[space - 1] in " \t":
            space -= 1
        yield Hit(space, mark.end, (mark.glyph + (" " if after.isalpha() else ""),))


def _read_one_off(text: str, close: int, after: str) -> bool:
    """True when the pair is read one mark off: its closer opens a tight quotation that the next
    mark closes (`tasks" (as the "division of labor" notice`), so the marks pair the other way."""
    if not after.isalpha():
        return False
    nxt = text.find('"', close + 1)
    return nxt > 0 and "\n" not in text[close:nxt] and not text[nxt - 1].isspace() and not text[nxt + 1 : nxt + 2].isalnum()


# TeX-like opening glyphs reported even when their quotation is never closed (the balance rule reports that too).
_TEX_OPENERS = ("``", "‘‘", "′′", "″")

# Clause marks an opening mark may be glued to when a quotation resumes (`he wrote," put`).
_CLAUSE_MARKS = ",:;"

# Marks that may follow a closing quotation mark glued to them.
_AFTER_CLOSE = ",.;:!?)]"

# Marks that end a quoted sentence or clause before its closing quotation mark.
_QUOTATION_END = ",.!?…"
