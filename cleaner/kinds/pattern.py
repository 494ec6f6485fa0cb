"""`pattern`: a regular expression, filtered by where the match sits in the document.

Fields:
- `pattern`: the regex (the `regex` module's syntax). A group named `target` narrows
  the reported span; otherwise the whole match is reported.
- `where`: optional conditions, all of which must hold at the start of the span:
  `quotes` (outside | inside | any, default outside), `position` (sentence-start |
  mid-sentence | paragraph-start | any, default any), `headings` (skip | any, default skip).
- `exceptions`: words that silence the rule when they equal the matched text or the
  whole word around the span (case-sensitive), e.g. LinkedIn.
- `transform`: lower | upper | capitalize-first | lower-first, applied to the expanded
  `fix.replace` template (which may use \\1 or \\g<name>).
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import (
    TRANSFORMS,
    OptionError,
    compile_pattern,
    option,
    string_list,
    timeout_for,
)
from cleaner.model import Hit, Rule

KIND = "pattern"
FIELDS = frozenset({"pattern", "where", "exceptions", "transform", "flags"})

_WHERE = {
    "quotes": ("outside", "inside", "any"),
    "position": ("sentence-start", "mid-sentence", "paragraph-start", "any"),
    "headings": ("skip", "any"),
}
_WORD_AROUND = regex.compile(r"[^\s“”\"‘(\[]*")
_POSSESSIVE = regex.compile(r"[’']s$")


def validate(rule: Rule) -> None:
    """Check the pattern compiles and the conditions are known."""
    build(rule)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the rule once and return its checker."""
    flags = regex.IGNORECASE if option(rule, "flags", "", str) == "ignore-case" else 0
    pattern = compile_pattern(rule, "pattern", flags)
    where = _parse_where(rule)
    exceptions = frozenset(string_list(rule, "exceptions"))
    transform_name = option(rule, "transform", "", str)
    if transform_name and transform_name not in TRANSFORMS:
        raise OptionError("transform", f"must be one of {', '.join(TRANSFORMS)}")
    transform = TRANSFORMS.get(transform_name, lambda s: s)
    template = rule.fix.replace if rule.fix else None

    def check(doc: Document) -> Iterator[Hit]:
        for match in pattern.finditer(doc.text, timeout=timeout_for(doc.text)):
            group = "target" if "target" in pattern.groupindex else 0
            start, end = match.span(group)
            if start == end and group == "target":
                continue
            if not _placed(doc, start, where) or _excepted(doc.text, match.group(group), start, exceptions):
                continue
            # The template describes the replacement of the reported span.
            replacements = (transform(match.expand(template)),) if template is not None else ()
            yield Hit(start, end, replacements)

    return check


def _parse_where(rule: Rule) -> dict[str, str]:
    raw = option(rule, "where", {}, dict)
    where = {"quotes": "outside", "position": "any", "headings": "skip"}
    for key, value in raw.items():
        if key not in _WHERE or value not in _WHERE[key]:
            allowed = "; ".join(f"{k}: {'|'.join(v)}" for k, v in _WHERE.items())
            raise OptionError("where", f"unknown condition {key}: {value} (allowed: {allowed})")
        where[key] = value
    return where


def _placed(doc: Document, offset: int, where: dict[str, str]) -> bool:
    """True when the offset satisfies every `where` condition."""
    if where["headings"] == "skip" and doc.in_heading(offset):
        return False
    quotes = where["quotes"]
    if quotes != "any" and doc.in_quote(offset) != (quotes == "inside"):
        return False
    position = where["position"]
    if position == "sentence-start":
        return doc.is_sentence_start(offset)
    if position == "mid-sentence":
        return not doc.is_sentence_start(offset)
    if position == "paragraph-start":
        para = doc.paragraph_at(offset)
        return para is not None and not doc.text[para.start : offset].strip("“‘\"'( ")
    return True


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
