"""`swap`: a word list of wrong -> right forms, matched as whole words."""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import OptionError, match_case, timeout_for
from cleaner.kinds._where import WHERE, placed
from cleaner.model import Hit, Rule, Safety
from cleaner.schema import BOOLEAN, WORD_MAP, Option, Replacement

KIND = "swap"
OPTIONS = (
    Option(
        "swap",
        WORD_MAP,
        "Wrong form -> replacement; `a|b` offers several candidates, which makes the finding a suggestion "
        "instead of a fix.",
        required=True,
    ),
    Option("ignore-case", BOOLEAN, "Match regardless of case and carry the original capitalisation over.", default=False),
    WHERE,
)
REPLACEMENT = Replacement.COMPUTED


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile every wrong form into one alternation, longest first."""
    table = rule.options["swap"]
    if not table:
        raise OptionError("swap", "must be a non-empty mapping of wrong -> right strings")
    ignore_case = rule.options["ignore-case"]
    where = rule.options["where"]
    lookup = {(k.lower() if ignore_case else k): v for k, v in table.items()}
    alternation = "|".join(regex.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}_-])(?:{alternation})(?![\p{{L}}\p{{N}}_-])",
        regex.IGNORECASE if ignore_case else 0,
    )

    def check(doc: Document) -> Iterator[Hit]:
        for match in pattern.finditer(doc.text, timeout=timeout_for(doc.text)):
            if not placed(doc, match.start(), where):
                continue
            wrong = match.group(0)
            candidates = lookup[wrong.lower() if ignore_case else wrong].split("|")
            if ignore_case:
                candidates = [match_case(c, wrong) for c in candidates]
            safety = Safety.SUGGEST if len(candidates) > 1 else None
            yield Hit(match.start(), match.end(), tuple(candidates), safety=safety)

    return check
