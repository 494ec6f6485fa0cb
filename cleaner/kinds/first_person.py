"""`first-person`: a subject the source language dropped, restored by the engine as "I" or "we".

Japanese, Chinese and Korean drop subjects; a round trip through them restores one, usually "I"
or "we", in copy that reports other people in the third person ("but I understand that nobody
forced him", "In addition, we request that ..."). The kind judges the whole article first: it is
third-person reporting when first and second person outside quotations are rare (at most
`max-share` of its sentences or two, whichever is more, and never more than `max-count`). Speeches, columns and first-person features use the
first person throughout and are left alone.

Forms:
- `stub`: a short first-person sentence ("I called.", "We will.") outside any quotation;
- `leak`: any other first-person pronoun outside quotations and names ("United We Can") that does
  not introduce direct speech after a colon or attribute a quotation ("“Why?” I asked."), where the
  sentence or one of the two before it reports a speaker whose subject was dropped: any reporting
  verb for "I", a reporting verb and an organisation or its head (rules/data/institutions.yaml) for "we"; or
  a lone "I" in a paragraph that narrates a "he" where the article quotes its speaker as "I", or
  where it is the only first person of the article. A first person that answers a question or
  speaks to "you" is a speaker who lost the quotation marks: reported as such at the start of a
  line, else left to the unquoted-speech rules.
"""

from __future__ import annotations

import bisect
import functools
from typing import Callable, Iterator

import regex

from cleaner import gazetteer
from cleaner.document import Document, Word
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, NUMBER, Option, Replacement, one_of
from cleaner.wordclass import reporting_verbs

KIND = "first-person"
OPTIONS = (
    Option("form", one_of("stub", "leak"), "Which form to report (see above).", default="leak"),
    Option("max-share", NUMBER, "First person outside quotations per sentence, at most, for third-person copy.", default=0.25),
    Option("max-count", INTEGER, "First-person words outside quotations, at most, for third-person copy.", default=6),
)
REPLACEMENT = Replacement.NONE

_PRONOUNS = frozenset(
    "I we We me us my our My Our Us I'm I’m I've I’ve I'll I’ll I'd I’d we're we’re We're We’re "
    "we've we’ve We've We’ve we'll we’ll We'll We’ll".split()
)
# The speech may end with a closing mark before its attribution (",” he added", "« said Ciolacu"): the
# words before it are the speaker's even when their opening mark was lost or the marks are mismatched;
# the attribution may trail a clause of circumstance (", after the meeting").
_SPEECH_END = r"(?:[,?!][’'”\"»«]{0,2}|[.…][’'”\"»«]{1,2}|[’'”\"»«]{1,2},?)[ \t]+"
_TRAIL = r"(?:,[ \t][^.!?\n\"“”«»]{1,80})?[.!]?$"
_ENDS_ATTRIBUTED = regex.compile(
    _SPEECH_END + r"(?:also[ \t]+)?(?:said|says|asked|added|insisted|stressed|noted|wrote)[ \t]+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?)?[ \t]*\p{Lu}[\p{L}.’' -]*" + _TRAIL
    + r"|" + _SPEECH_END + r"(?:he|she|they|\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+)?)[ \t]+(?:said|says|asked|added|insisted|stressed|noted|wrote)" + _TRAIL
)
# Verbs by which an organisation speaks through a decision ("the policy approved by the cabinet requires").
_DIRECTIVES = frozenset("requested requests required requires approved approves decided decides ordered orders "
                        "instructed instructs announced announces".split())
_SINGULAR = frozenset("I me my My I'm I’m I've I’ve I'll I’ll I'd I’d".split())
_QUESTIONS = frozenset("asked asks wondered inquired enquired".split())
# A paragraph opened by a speech dash before a capital ("– I agree …"): dash-marked direct speech.
_SPEECH_DASH = regex.compile(r"[ \t]*[–—][ \t]+\p{Lu}")
_TOKENS = regex.compile(r"\p{L}+")
_YOU = frozenset("you You your Your yours".split())
_CALLS_TO_ACTION = frozenset("Follow follow Contact contact Join join Subscribe Email email Tell tell".split())
_QUOTE_MARKS = regex.compile(r"[\"“”«»„「」『』]|``|''")
# The next quotation mark: a curly or guillemet closer, or a straight one after sentence punctuation.
_NEXT_MARK = regex.compile(r"(?<closer>[”»]|(?<=[\p{L}.,!?…])(?:\"|'')(?=[\s,.;:)]|$))|[\"“«„「『]|``")
_THIRD_PERSON = regex.compile(r"(?<![\p{L}])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]im|[Hh]er)(?![\p{L}’'])")
# The rest of a narrator's interruption: up to four words, a comma and the quotation reopening.
_INTERRUPTS = regex.compile(r'(?:[ \t]+\p{Ll}+){1,4},[ \t]+[“"]')
_STUB = regex.compile(r"(?:I|We)(?:[ \t]+\p{Ll}+){1,2}[.!]")



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    share = float(rule.options["max-share"])
    count = rule.options["max-count"]
    return lambda doc: _check(doc, form, share, count)


def _check(doc: Document, form: str, max_share: float, max_count: int) -> Iterator[Hit]:
    found = list(first_person_outside_quotes(doc))
    # Two are allowed in any article, so that a short story with one slip still counts as reporting;
    # an article that also talks to its reader ("don't worry, I've got ...") is a chat, not a report.
    voiced = len(found) + _second_person(doc)
    if not found or voiced > max_count or voiced > max(2.0, max_share * len(doc.sentences)):
        return
    stubs = [_stub_at(doc, word) for word in found]
    if form == "stub":
        for stub in filter(None, stubs):
            yield Hit(stub[0], stub[1], message="A short first-person sentence in third-person reporting; "
                      "the translation probably restored a dropped subject.")
        return
    # A stub right before a closing mark is still reported: "I will.”" is the speaker's restored subject.
    leaks = [word for word, stub in zip(found, stubs)
             if stub is None and not _before_closer(doc, word) and not _after_early_closer(doc, word)]
    # A speaker answering ("your question", "how would I meet?") lost the quotation marks, not a subject:
    # reported where the lost opening mark belongs (the start of a line), else left to the speech rules.
    answering = [word for word in leaks if _answers(doc, word)]
    for word in answering:
        if not doc.text[doc.text.rfind("\n", 0, word.start) + 1 : word.start].strip():
            yield Hit(word.start, word.end, message=f"“{word.text}” opens a speaker's words that answer a question "
                      "or speak to “you” without quotation marks; the opening mark was probably lost.")
    # The answer still shows whose "I" the article's other first person is, as a quotation would.
    for word in _leaks(doc, leaks, answering):
        yield Hit(word.start, word.end, message=f"“{word.text}” outside any quotation in third-person "
                  "reporting; the translation probably restored a dropped subject.")


def _leaks(doc: Document, words: list[Word], answering: list[Word]) -> list[Word]:
    """The words in a reported context, and with them every word of the same person (singular or
    plural) in the article: once the article shows its speaker's subject dropped and restored, the
    other restorations of that subject need no reporting verb nearby ("Besides that, we plan to open")."""
    # A speaker's "I" that answers shows whose the article's other "I" is; a "we" speaking to "you" may be
    # the site's own furniture ("receive our news alerts"), which shows nothing.
    confirmed = {word.text in _SINGULAR for word in words
                 if (word in answering and word.text in _SINGULAR) or _reported_context(doc, word)}
    if True not in confirmed and any(w.text in _SINGULAR and _narrates_third_person(doc, w) for w in words):
        # The article quotes its speaker as "I", so a stray "I" of its own is his; or this is the one
        # first person in the whole article, in a paragraph that narrates a "he": no voice of its own.
        if _quoted_singular(doc) or len(words) == 1:
            confirmed.add(True)
    return [word for word in words if (word.text in _SINGULAR) in confirmed and word not in answering]


def _narrates_third_person(doc: Document, word: Word) -> bool:
    """True when the word's paragraph has no double quotation mark and tells of a "he" or "she": narration
    about a third person that slips into "I" ("I couldn't beat Smith. ... he struck out")."""
    para = doc.paragraph_at(word.start)
    if para is None:
        return False
    text = doc.text[para.start : para.end]
    return not _QUOTE_MARKS.search(text) and _THIRD_PERSON.search(text) is not None


def first_person_outside_quotes(doc: Document) -> Iterator[Word]:
    """First-person pronouns in the article's own voice: outside quotations, names, headings and speech."""
    words = doc.words
    for i in words.where(_PRONOUNS):
        word = words[i]
        if doc.in_quote(word.start) or doc.in_heading(word.start):
            continue
        if word.text in ("We", "Our", "Us", "My") and not doc.is_sentence_start(word.start) and _in_name(doc, words, i):
            continue  # "United We Can", "Our Lady": part of a name
        if _introduces_speech(doc, word) or _narrator_attribution(doc, words, i) or _in_brackets(doc.text, word.start):
            continue
        if _attributed_sentence(doc, word) or _attributed_paragraph(doc, word):
            continue  # "Where else would we find a cheaper ferry? asked Brannock.": unquoted speech
        if i and words[i - 1].text in _CALLS_TO_ACTION:
            continue  # "Follow us", "Contact us": page furniture speaking, which another rule reports
        yield word


def _second_person(doc: Document) -> int:
    """How often the article addresses its reader ("you", "your") outside quotations, when it is a habit
    (three times or more): a report may say "as you know" once, a chat says it all along."""
    count = sum(1 for w in doc.words.picked(_YOU) if not doc.in_quote(w.start))
    return count if count >= 3 else 0


def _in_name(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    neighbours = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
    return any(w.text[:1].isupper() and not doc.text[min(w.end, words[i].end) : max(w.start, words[i].start)].strip()
               for w in neighbours)


def _introduces_speech(doc: Document, word: Word) -> bool:
    """True after a colon: "Erdogan: We will see" is direct speech without quotation marks; so is a
    paragraph opened with a speech dash ("– I agree that …, – said the MP"), the Slavic and Nordic
    quotation mark, which the dash-as-quotation-mark rule reports."""
    before = doc.text[max(0, word.start - 3) : word.start].rstrip()
    if before.endswith(":"):
        return True
    para = doc.paragraph_at(word.start)
    return para is not None and _SPEECH_DASH.match(doc.text, para.start, para.end) is not None


def _narrator_attribution(doc: Document, words: tuple[Word, ...], i: int) -> bool:
    """True for "“Why?” I asked." and "“…”, we read, “…”": a narrator attributing a quotation. Opening the
    paragraph after a paragraph of quotation, only a reporter's question counts ("I asked whether ..."):
    "I said that and smiled" there is the speaker's restored subject ("He said that and smiled")."""
    gap = doc.text[max(0, words[i].start - 3) : words[i].start]
    before = gap.rstrip()
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else ""
    if "\n" in gap and nxt not in _QUESTIONS:
        return False
    if before[-1:] in ("”", '"') and nxt in reporting_verbs():
        return True
    # "“In the same spirit”, we read, “the plan …”": a narrator's words interrupting one quotation.
    return before.endswith(("”,", '",')) and _INTERRUPTS.match(doc.text, words[i].end) is not None


def _reported_context(doc: Document, word: Word) -> bool:
    """True when the sentence, or one of the two before it, reports someone: the dropped subject is
    that speaker. "We" also needs an organisation there ("the ministry said ... we have decided"),
    since reporters say "we" of their own newsroom ("We also know ...")."""
    sentences = doc.sentences
    i = bisect.bisect_right(doc.sentence_starts, word.start) - 1
    if i < 0:
        return False
    context = doc.text[sentences[max(0, i - 2)].start : sentences[i].end].lower()
    tokens = _TOKENS.findall(context)
    speaking = reporting_verbs() | _DIRECTIVES
    if word.text in _SINGULAR:
        return not speaking.isdisjoint(tokens)
    # "We" needs an organisation speaking: its noun within a few words before the verb.
    institutions = _institutions()
    return any(token in speaking and not institutions.isdisjoint(tokens[max(0, k - 6) : k])
               for k, token in enumerate(tokens))


def _quoted_singular(doc: Document) -> bool:
    """True when a quotation of the article speaks in the first person singular ("I", "my", "me")."""
    words = doc.words
    for quote in doc.quotes:
        i = doc.word_index(quote.start)
        while 0 <= i < len(words) and words[i].start < quote.end:
            if words[i].start >= quote.start and words[i].text in _SINGULAR:
                return True
            i += 1
    return False


@functools.lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    table = gazetteer.load("institutions")
    return frozenset(table["nouns"]) | frozenset(table.get("heads", ()))


def _in_brackets(text: str, offset: int) -> bool:
    """True inside [square brackets]: broadcast transcripts put speech there, over several lines."""
    window = max(0, offset - 600)
    opened, closed = text.rfind("[", window, offset), text.rfind("]", window, offset)
    return opened > closed


def _attributed_sentence(doc: Document, word: Word) -> bool:
    """True when the sentence ends with its own attribution: unquoted direct speech."""
    sentence = doc.sentence_at(word.start)
    return sentence is not None and _ENDS_ATTRIBUTED.search(doc.text, word.end, sentence.end) is not None


def _attributed_paragraph(doc: Document, word: Word) -> bool:
    """True when the paragraph's last sentence is its attribution: a paragraph of unquoted speech."""
    para = doc.paragraph_at(word.start)
    last = doc.sentence_at(para.end - 1) if para is not None else None
    return last is not None and _ENDS_ATTRIBUTED.search(doc.text, max(last.start, word.end), para.end) is not None


def _before_closer(doc: Document, word: Word) -> bool:
    """True when the next quotation mark of the paragraph closes a quotation: the words before it are
    speech whose opening mark was lost or put too early ("fire.'' I was relieved," he said")."""
    para = doc.paragraph_at(word.start)
    if para is None:
        return False
    mark = _NEXT_MARK.search(doc.text, word.end, para.end)
    if mark is None or mark.group("closer") is None:
        return False
    # Only where the paragraph quotes someone before the word: a lone stray mark proves no speech.
    return _QUOTE_MARKS.search(doc.text, para.start, word.start) is not None


def _answers(doc: Document, word: Word) -> bool:
    """True when the word's sentence or one of the two before it in its paragraph asks a question or speaks to
    "you" outside quotations ("Regarding your question, ... We urge", "how would I meet? I have not"):
    a speaker answering, whose quotation marks were lost; not a subject restored in the reporter's voice."""
    sentences, para = doc.sentences, doc.paragraph_at(word.start)
    i = bisect.bisect_right(doc.sentence_starts, word.start) - 1
    if i < 0 or para is None:
        return False
    first = next(j for j in (i - 2, i - 1, i) if j >= 0 and sentences[j].start >= para.start)
    for sentence in sentences[first : i + 1]:
        text = doc.text[sentence.start : sentence.end].rstrip()
        if text.endswith("?") and not doc.in_quote(sentence.end - 1):
            return True
    start, end = sentences[first].start, sentences[i].end
    k = doc.word_index(start)
    words = doc.words
    while 0 <= k < len(words) and words[k].start < end:
        if words[k].text in _YOU and not doc.in_quote(words[k].start):
            return True
        k += 1
    return False


def _after_early_closer(doc: Document, word: Word) -> bool:
    """True when the word follows, in its sentence's paragraph, a quotation closed with no attribution
    after it and the paragraph then ends with no mark of its own ("“It was a hard week.” Several of our
    players were ill."): the speaker's words run on past a closing mark put too early."""
    para = doc.paragraph_at(word.start)
    if para is None:
        return False
    before = doc.text[para.start : word.start]
    closer = max(before.rfind("”"), before.rfind("»"))
    # A closer after sentence punctuation ends speech; one after a bare word closes a title (“Harbin 1944”).
    if closer < 1 or before[closer - 1] not in ".!?…" or _QUOTE_MARKS.search(doc.text, word.end, para.end):
        return False
    between = _TOKENS.findall(before[closer + 1 :].lower())
    return reporting_verbs().isdisjoint(between) and _THIRD_PERSON.search(doc.text, para.start + closer, para.end) is None


def _stub_at(doc: Document, word: Word) -> tuple[int, int] | None:
    """The span of a short first-person sentence that starts at `word`, or None."""
    sentence = doc.sentence_at(word.start)
    if sentence is None or sentence.start != word.start:
        return None
    match = _STUB.fullmatch(doc.text, sentence.start, sentence.end)
    return (sentence.start, sentence.end) if match else None
