"""`missing-verb`: a speaker run into a quotation with no reporting verb, or with one written as a label.

Languages that put the verb after the quotation lose it in translation ("Consulting company Dezan
Shira and Associates “Central Asia is …”"), and Japanese news digests write the verb as a
headline label, capitalised or turned into a noun before a colon: `Osaka Mayor Kenta Morishima
Indicated “…”`, `Kofu Mayor Aya Ishikawa Emphasis: “…”`. The rule's `pattern` finds the speaker
(group `name`), a colon after it (group `colon`) and other shapes that count only with a label
(group `labelled`, such as a straight opening quote). A name whose last word is a capitalised
reporting verb (rules/data/reporting-verbs.yaml) or a noun made from one (Emphasis, Indication,
Statement, derived from the same list; Calling, Stress and other nouns it cannot derive come from
the `nouns` option) gets that word as the verb ("indicated,", "emphasized:"); a plain speaker gets
"said,"; a speaker and a colon with no such word (a transcript's "Kim:") is left alone. What stood between
the speaker and the quotation in place of the verb, a medium, a date or a manner adverb (group `tail`: "via
her blog on 3 May", "bluntly"), follows the added verb ("said bluntly,"); speech the engine left without
quotation marks (group `unquoted`) is joined with "that" instead of a comma.
"""

from __future__ import annotations

from typing import Callable, Iterator, Mapping

import regex

from cleaner.document import Document
from cleaner.kinds._support import OptionError, compile_pattern, timeout_for
from cleaner.kinds._where import WHERE, placed
from cleaner.model import Hit, Rule
from cleaner.schema import REGEX, STRINGS, WORD_MAP, Option, Replacement
from cleaner.wordclass import reporting_verbs

KIND = "missing-verb"
OPTIONS = (
    Option(
        "pattern",
        REGEX,
        "The regex: group `name` is the speaker, group `colon` a colon after it; a match with `colon` or with a group "
        "`labelled` counts only when the name ends in a label word. Group `target` (else the whole match) is the "
        "reported span, replaced by the speaker and its verb. An optional group `tail` (a medium, a date or an adverb "
        "that stood in the verb's place) follows the added verb; an optional group `unquoted` (matched when the speech "
        "has no quotation marks) joins it with \"that\" instead of a comma.",
        required=True,
    ),
    WHERE,
    Option("nouns", WORD_MAP, "Label nouns the reporting-verb list cannot derive, each with its verb (stress: stressed).",
           default={}),
    Option("excluded", STRINGS, "Verbs and nouns never read as a label, in lower case (words that also stand in "
                                "names and titles: Forecast, Information); a verb's derived nouns go with it.", default=()),
)
REPLACEMENT = Replacement.COMPUTED

_POSSESSIVE_END = regex.compile(r"(?:[’']s?|s[’'])[ \t]*$")
_LAST_WORD = regex.compile(r"(?<![\p{L}’'&.-])\p{Lu}\p{Ll}+$")
# Endings that make a noun of a verb's stem: indicat-ion, confirm-ation, state-ment, insist-ence. Not -ing:
# "Promising", "Continuing" and "Reporting" stand in titles; the few -ing labels are in `nouns`.
_NOUN_ENDINGS = ("ion", "ation", "ment", "ance", "ence")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Compile the rule once and return its checker."""
    pattern = compile_pattern(rule, "pattern")
    if "name" not in pattern.groupindex:
        raise OptionError("pattern", "needs a group named `name` (the speaker)")
    where = rule.options["where"]
    labels = _label_verbs(rule.options["nouns"], frozenset(rule.options["excluded"]))
    span = "target" if "target" in pattern.groupindex else 0
    has_colon, has_labelled = "colon" in pattern.groupindex, "labelled" in pattern.groupindex

    def check(doc: Document) -> Iterator[Hit]:
        for match in pattern.finditer(doc.text, timeout=timeout_for(doc.text)):
            start, end = match.span(span)
            if start == end or not placed(doc, start, where):
                continue
            colon = has_colon and match.group("colon") is not None
            labelled = colon or (has_labelled and match.group("labelled") is not None)
            replacements = _replacements(match, labels, colon, labelled)
            if replacements:
                yield Hit(start, end, replacements)

    return check


def _replacements(match: regex.Match[str], labels: Mapping[str, str], colon: bool, labelled: bool) -> tuple[str, ...]:
    """The speaker with its verb: the label word made a verb, or "said" added; none for a plain `Name:` or
    another match that counts only with a label word (`labelled`)."""
    name = match.group("name")
    groups = match.re.groupindex
    tail = (match.group("tail") or "") if "tail" in groups else ""
    if tail or ("unquoted" in groups and match.group("unquoted") is not None):
        # "spokeswoman Wei Lan bluntly, “…”": the verb goes before what stood in its place
        that = "unquoted" in groups and match.group("unquoted") is not None
        return (f"{name} said{tail}{' that' if that else ','}",)
    last = _LAST_WORD.search(name)
    verb = labels.get(last.group().lower()) if last is not None and last.start() > 0 else None
    speaker = name[: last.start()] if verb is not None else name
    if verb is not None and verb != last.group().lower() and not _speaker_before_noun(speaker):
        verb = None  # "Name Calling", "Holocaust Denial", "the Secretary-General’s Statement": a title
    if verb is None:
        return () if labelled else (f"{name} said,",)
    # A colon stays (`stressed: “…”`); a comma takes the place of a lost one (`indicated, “…”`).
    mark = ":" if colon else ","
    return tuple(dict.fromkeys((f"{speaker}{verb}{mark}", f"{speaker}said{mark}")))


def _speaker_before_noun(speaker: str) -> bool:
    """True when the words before a label noun can be its speaker: two words or more besides "The" (a
    title takes it: "The Balfour Declaration"), not a possessive."""
    words = speaker.split()
    return len(words) - (words[:1] == ["The"]) >= 2 and not _POSSESSIVE_END.search(speaker)


def _label_verbs(nouns: Mapping[str, str], excluded: frozenset[str]) -> dict[str, str]:
    """Each word that can stand as a headline label for a past reporting verb ("indicated", "indication",
    "emphasis"), with that verb; "said" is also a name (Edward Said) and is left out."""
    table: dict[str, str] = {}
    for verb in sorted(reporting_verbs("past") - excluded - {"said"}):
        table[verb] = verb
        for noun in _nominals(verb):
            if noun not in table or table[noun].endswith("ised"):  # "emphasis": emphasized over emphasised
                table[noun] = verb
    table.update({noun.lower(): verb for noun, verb in nouns.items()})
    return {word: verb for word, verb in table.items() if word not in excluded}


def _nominals(verb: str) -> Iterator[str]:
    """Nouns made from a regular past verb's stem (indicated: indication; clarified: clarification;
    emphasized: emphasis; criticized: criticism; denied: denial); none from an irregular one (told)."""
    if verb.endswith("ied"):
        stem = verb[:-3]  # clarif-ied, deni-ed
        yield from (stem + "ication", stem + "ial")
        return
    if not verb.endswith("ed"):
        return
    for stem in (verb[:-2], verb[:-1]):  # indicat-ed and indicate-d; stress-ed; warn-ed
        if stem.endswith(("iz", "is")) and not stem.endswith(("ize", "ise")):
            yield from (stem[:-2] + "is", stem[:-2] + "ism")  # emphas-is, critic-ism
        yield from (stem + ending for ending in _NOUN_ENDINGS)
