"""`question-splice`: a direct question joined to the statement before it by a comma.

Chinese commentary runs a statement straight into a rhetorical question, and the engine keeps the
comma: `A trawler has again entered the lagoon, who is behind this provocation?`. English ends the
statement and starts the question: `lagoon. Who is behind this provocation?`. A comma is reported
when the sentence ends in a question mark and the comma is followed by a question word and an
auxiliary (`who is`, `why does`, `how many more must`), or by an auxiliary, a subject and a verb
phrase (`is anyone in charge?`), and the words before it make a statement of their own:

- the clause before the comma (from the sentence start or the last comma, semicolon, colon or
  dash, less a leading "and", "but" or "so") has at least `min-words` words, and does not open
  with a subordinator, a preposition, a participle, a question word or an auxiliary ("If the talks
  fail, who will pay?", "With the deadline looming, who will blink first?", "Who is behind it,
  and why now?"), nor hold a condition that belongs to the question ("we wonder if there is a
  multiverse, is there life …");
- the word before the comma does not frame the question as its content ("He asked, who is …",
  "The question is, who pays?", "Everyone wants to know, who …", "she thought to herself, why …");
- the comma is outside quotations, headlines and lines opened by a speaker label ("Q:",
  "Interviewer:"): speech keeps its own comma splices.

Tag questions ("It was a fine plan, wasn't it?") have no question word and a bare subject, and are
left alone. The fix puts a full stop and a capital in place of the comma.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner.document import Document
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement

KIND = "question-splice"
OPTIONS = (
    Option("min-words", INTEGER, "The fewest words the clause before the comma must have.", default=4),
)
REPLACEMENT = Replacement.COMPUTED

_AUX = (r"(?:is|are|was|were|will|would|can|could|should|shall|did|does|do|has|have|had|must|may|might"
        r"|(?:is|are|was|were|wo|would|ca|could|should|did|does|do|has|have|had)n[’']t|cannot)")
# Who/why/where/when take the auxiliary at once ("who is"); what/how may put up to three words first
# ("how many more families must"), which one or two ("which country will"): a bare "which is" is a
# relative clause.
# A question led by an auxiliary needs a subject other than "you" (would you believe it?) and two
# more words, so that a tag ("is it not?", "do you think?") stays out.
_SPLICE = regex.compile(
    r"(?<=[\p{L}\p{N})’'])(?P<comma>,)[ \t]+(?P<first>"
    r"(?:who|why|where|when)(?:[’']s|[ \t]+" + _AUX + r")"
    r"|(?:what|how)(?:[’']s|(?:[ \t]+\p{Ll}+){0,3}[ \t]+" + _AUX + r")"
    r"|which(?:[ \t]+\p{Ll}+){1,2}[ \t]+" + _AUX +
    r"|(?:is|are|was|were|will|would|can|could|should|did|does|do|has|have|had)[ \t]+"
    r"(?:this|that|there|it|anyone|anybody|anything|anywhere|he|she|they|we|the|a|an|any|his|her|their|its|our)"
    r"(?:[ \t]+\p{L}+){2})\b"
    r"[^.?!\n“”\"]{0,160}\?(?=[ \t]*(?:\n|$|[\p{Lu}“\"‘(]))"
)
# A line opened by a speaker label ("Q:", "Interviewer:", "Ana Ruiz:") holds an interview's speech.
_SPEAKER_LABEL = regex.compile(r"[ \t]*(?:\p{Lu}[\p{L}.’'-]*(?:[ \t]+\p{Lu}[\p{L}.’'-]*){0,2})[ \t]*:[ \t]")
_BOUNDARY = regex.compile(r"[,;:()—–]|[ \t]-[ \t]")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
_CONJUNCTIONS = frozenset("and but or so yet then".split())
# A sentence opened by a question word or an auxiliary is a question already ("Who is behind it, and
# why now?"); one opened by a subordinator puts its condition first ("If the talks fail, who pays?").
_QUESTION_OR_SUBORDINATE = frozenset("""
who what why how where which whose whom is are was were will would can could should shall did does do has
have had must may might isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't didn't doesn't
don't if when whenever whether although though as since because while whilst unless until till before after
once however whatever whoever wherever whichever
""".split())
# A clause opened by one of these is no statement the question could be spliced onto, but a
# condition, a circumstance or a frame ("With the deadline looming, who …", "Put simply, who …").
_CONDITIONS = frozenset(("if", "whether", "unless"))
_CLAUSE_OPENERS = _QUESTION_OR_SUBORDINATE | frozenset("""
now given even no that in at on for with without by from of to under over beyond despite amid amidst among
amongst against during through throughout upon within like unlike besides beside aside apart instead rather
into onto about around across along behind between following regarding considering more most worse better
put let let's let’s having being seen faced asked told taken left
""".split())
# The word before the comma makes the question its content: a verb of asking, knowing or saying,
# a copula ("the question is, who pays?"), the noun "question" or a reflexive ("asked herself").
_FRAMES = frozenset("""
ask asks asked asking wonder wonders wondered wondering question questions query queried inquired enquired
know knows knew knowing think thinks thought thinking say says said saying tell tells told telling
write writes wrote tweeted posted added mused pondered demanded
is was are were be been being remains remained becomes became
myself yourself himself herself itself ourselves themselves me us
""".split())


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker."""
    min_words = rule.options["min-words"]

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if "?" not in text:
            return
        for match in _SPLICE.finditer(text, timeout=timeout_for(text)):
            comma = match.start("comma")
            sentence = doc.sentence_at(comma)
            if sentence is None or doc.in_quote(comma) or doc.in_heading(comma):
                continue
            if text[sentence.start : sentence.end].rstrip()[-1:] != "?":
                continue
            if not _statement_before(text, sentence.start, comma, min_words):
                continue
            if _SPEAKER_LABEL.match(text, text.rfind("\n", 0, comma) + 1, comma):
                continue
            first = match.group("first")
            gap = text[comma + 1 : match.start("first")]
            yield Hit(comma, match.start("first") + len(first.split()[0]),
                      ("." + gap + first[0].upper() + first.split()[0][1:],))

    return check


def _statement_before(text: str, start: int, comma: int, min_words: int) -> bool:
    """True when the clause before the comma stands as a statement, not a frame or an opener."""
    lead = _WORD.search(text, start, comma)
    if lead is None or lead.group().lower() in _QUESTION_OR_SUBORDINATE:
        return False  # the sentence itself opens with a question word or a subordinate clause
    # The clause is looked for in the last 300 characters: a statement spliced onto a question is short.
    clause_start = max(start, comma - 300)
    for found in _BOUNDARY.finditer(text, clause_start, comma):
        clause_start = found.end()
    words = [w.lower() for w in _WORD.findall(text, clause_start, comma)]
    while words and words[0] in _CONJUNCTIONS:
        words = words[1:]
    if len(words) < min_words or words[0] in _CLAUSE_OPENERS or words[-1] in _FRAMES:
        return False
    if _CONDITIONS.intersection(words):
        return False  # "we wonder if there is a multiverse, is there life …": the condition belongs to the question
    # A participle opens an adverbial clause ("Having lost the vote, what …", "Faced with …").
    return not (len(words[0]) >= 5 and words[0].endswith(("ing", "ed")))
