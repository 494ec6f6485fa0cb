"""`swap`: a word list of wrong -> right forms, matched as whole words.

Fields:
- `swap`: mapping of a wrong form to its replacement; `a|b` offers several candidates,
  which makes the finding a suggestion instead of a fix.
- `ignore-case`: match regardless of case and carry the original capitalisation over.
- `where`: the same conditions as the `pattern` kind.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import OptionError, match_case, option, timeout_for
from cleaner.kinds.pattern import _parse_where, _placed
from cleaner.model import Hit, Rule, Safety

KIND = "swap"
FIELDS = frozenset({"swap", "ignore-case", "where"})


def validate(rule: Rule) -> None:
    """Check the word list is a non-empty mapping of strings."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile every wrong form into one alternation, longest first."""
    table = option(rule, "swap", None, dict)
    if not table or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise OptionError("swap", "must be a non-empty mapping of wrong -> right strings")
    ignore_case = bool(option(rule, "ignore-case", False, bool))
    where = _parse_where(rule)
    lookup = {(k.lower() if ignore_case else k): v for k, v in table.items()}
    alternation = "|".join(regex.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}_-])(?:{alternation})(?![\p{{L}}\p{{N}}_-])",
        regex.IGNORECASE if ignore_case else 0,
    )

    def check(doc: Document) -> Iterator[Hit]:
        for match in pattern.finditer(doc.text, timeout=timeout_for(doc.text)):
            if not _placed(doc, match.start(), where):
                continue
            wrong = match.group(0)
            candidates = lookup[wrong.lower() if ignore_case else wrong].split("|")
            if ignore_case:
                candidates = [match_case(c, wrong) for c in candidates]
            safety = Safety.SUGGEST if len(candidates) > 1 else None
            yield Hit(match.start(), match.end(), tuple(candidates), safety=safety)

    return check
