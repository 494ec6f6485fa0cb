"""`quote-glyphs`: a quotation mark of the wrong glyph for its place in the quotation.

The marks of each paragraph are paired by role (see `_quotes`), and the rule reports one defect:
- `wrong-way`: an opening “ that closes a quotation (`compromise“, he said`), or a closing ” that
  opens one; the fix turns the glyph round (safe when its place is unambiguous, else a suggestion);
- `mixed`: a quotation opened with a curly mark and closed with a straight one or the reverse;
  the mark that departs from the document's usual style is reported and matched to it;
- `tex`: `` and '' used as quotation marks; the fix writes the document's own quotation marks
  (single ones for a quotation inside another).

"""

from __future__ import annotations

from typing import Callable, Iterator

from cleaner.document import Document
from cleaner.kinds._quotes import CLOSE, Mark, glyph_for, paragraph_marks, quote_style
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import Option, Replacement, one_of

KIND = "quote-glyphs"
_DEFECTS = ("wrong-way", "mixed", "tex")
OPTIONS = (Option("defect", one_of(*_DEFECTS), "Which defect the rule reports (see above).", required=True),)
REPLACEMENT = Replacement.COMPUTED



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured defect."""
    defect = rule.options["defect"]

    def check(doc: Document) -> Iterator[Hit]:
        style = quote_style(doc.text)
        for _, marks in paragraph_marks(doc):
            for mark in marks:
                if mark.defect == defect:
                    yield _hit(doc.text, mark, style)

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
    return Hit(start, mark.end, (wanted,), safety=None if mark.certain else Safety.SUGGEST)
