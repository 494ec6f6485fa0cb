"""`pattern`: a regular expression, filtered by where the match sits in the document."""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import TRANSFORMS, compile_pattern, timeout_for
from cleaner.kinds._where import WHERE, placed
from cleaner.model import Hit, Rule
from cleaner.schema import BOOLEAN, REGEX, STRINGS, Option, Replacement, one_of

KIND = "pattern"
OPTIONS = (
    Option(
        "pattern",
        REGEX,
        "The regex (the `regex` module's syntax). A group named `target` narrows the reported span; "
        "otherwise the whole match is reported.",
        required=True,
    ),
    Option("ignore-case", BOOLEAN, "Match regardless of case.", default=False),
    WHERE,
    Option(
        "exceptions",
        STRINGS,
        "Words that silence the rule when they equal the matched text or the whole word around the span "
        "(case-sensitive), e.g. LinkedIn.",
        default=(),
    ),
    Option("transform", one_of(*TRANSFORMS), "Applied to the expanded `fix.replace` template."),
)
REPLACEMENT = Replacement.TEMPLATE

_WORD_AROUND = regex.compile(r"[^\s“”\"‘(\[]*")
_POSSESSIVE = regex.compile(r"[’']s$")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the rule once and return its checker."""
    options = rule.options
    pattern = compile_pattern(rule, "pattern", regex.IGNORECASE if options["ignore-case"] else 0)
    where = options["where"]
    exceptions = frozenset(options["exceptions"])
    transform = TRANSFORMS.get(options["transform"] or "", lambda s: s)
    template = rule.fix.replace if rule.fix else None

    def check(doc: Document) -> Iterator[Hit]:
        for match in pattern.finditer(doc.text, timeout=timeout_for(doc.text)):
            group = "target" if "target" in pattern.groupindex else 0
            start, end = match.span(group)
            if start == end and group == "target":
                continue
            if not placed(doc, start, where) or _excepted(doc.text, match.group(group), start, exceptions):
                continue
            # The template describes the replacement of the reported span.
            replacements = (transform(match.expand(template)),) if template is not None else ()
            yield Hit(start, end, replacements)

    return check


def _excepted(text: str, matched: str, start: int, exceptions: frozenset[str]) -> bool:
    """True when the match, or the whole word it sits in, is a listed exception."""
    if not exceptions:
        return False
    if matched in exceptions:
        return True
    left = start
    while left > 0 and not text[left - 1].isspace() and text[left - 1] not in "“”\"‘(":
        left -= 1
    word = _WORD_AROUND.match(text, left).group(0).rstrip(".,;:!?”\"’)]")
    return word in exceptions or _POSSESSIVE.sub("", word) in exceptions
