"""`unquoted-speech`: direct speech after a reporting verb with no quotation marks.

Translation from languages that mark quotations differently (or not at all) drops the marks
around what was said: `Moon said, The oil market is calm.` The rule reports the first word of the
speech when a reporting verb from rules/data/reporting-verbs.yaml, with at most `max-words`
words after it (`told reporters`, `said on Monday`), is followed by a comma or a colon and a
capitalised function word (The, We, If, In...: a word the function-word table lists, which is
never a name on its own), or after a colon any capitalised word that opens a whole sentence of eight words or more ("she
stressed: Portugal, as it said before, backs the plan"); a short summary ("she added: Seoul
agrees") is left alone. After a comma, a whole sentence may also open with a common word the
dictionary writes in lower case ("he joked, Last night we lost") or with "I" when no comma closes
an aside within three words ("he said, I have no plans to resign"); a name there ("said, Reuters
reported") is left alone. A direct question may stand without quotation marks (He asked, What
comes next?), so a sentence ending in a question mark is left alone, unless it opens in the first
person ("said, I would like to know, where is the money?"), which is the speaker's voice. "The" before another capital starts a name (The Hague, The Times) and
is left alone, and so is a short "I" aside ("he said, I recall, that..."). A paragraph taken for a
heading is skipped only when it is short: a long last paragraph cut off mid-sentence is prose.
A reporting verb further back in the clause before a colon counts when the words after the colon
speak in the first person ("said in response to the question: Our camp ends"), which a reporter
does not; the closing point may be the end of a line on a page of single-line paragraphs.
Romance languages write speech after a colon in lower case, and translation keeps it: a past
reporting verb right before the colon, or with only a phrase opened by a preposition between
("said about the derby:"), then an article, a pronoun or a determiner opening a whole sentence
("said: the second half was ours"), is reported too; "said the cause was clear: the dam" (a
summary) and "continued to grow, which shows in these areas: the" (a list) are left alone.
The paragraph's final full stop is reported as the closing point when the speech runs on to it within four
sentences of six words or more, none of which holds a reporting verb (", she said." ends the speech; "Police said" is the
reporter); an apostrophe (the drivers’ pay) is no quotation mark.
The closing point is also reported when, within four sentences of the same paragraph, a sentence opens with
"He", "She" or "They" and a reporting verb ("She added that ..."): the reporter speaks again there.
No fix is offered: where the quotation ends is for an editor to say.

"""

from __future__ import annotations

import itertools
from typing import Callable, Iterator

import regex

from cleaner import gazetteer, lexicon
from cleaner.document import Document, Span
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import INTEGER, Option, Replacement
from cleaner.wordclass import first_person_pattern

KIND = "unquoted-speech"
OPTIONS = (Option("max-words", INTEGER, "The most words between the reporting verb and the comma or colon.", default=4),)
REPLACEMENT = Replacement.NONE

_MIN_SPEECH_WORDS = 8
_MAX_HEADING_WORDS = 15
_CLOSER_MESSAGE = "The unquoted speech ends here, at the end of its paragraph, without a closing quotation mark."
_BEFORE_MESSAGE = "The unquoted speech ends here, before the reporter speaks again, without a closing quotation mark."
_QUOTE_MARKS = "\"“”‘’«»„"
_THIRD_PERSON = frozenset({"He", "She", "They"})
_RUN_SENTENCES = 4  # the most sentences of unquoted speech followed to the reporter's next sentence
_RUN_ON_WORDS = 6  # the fewest words of a sentence read as more of the speech, not the reporter's comment
_ASIDE = regex.compile(r"(?:[ \t]+[\p{L}’'-]+){0,3},")
_GAP = regex.compile(r"[ \t]+")
_CONTRACTION = regex.compile(r"(?:[’'][\p{L}]+)?")
_PLAIN_WORD = regex.compile(r"[\p{L}\p{N}’'-]+")
_CLAUSE_BREAK = regex.compile(r"[;:“”\"«»()]")
_FIRST_PERSON = first_person_pattern()
# "I" may carry its contraction ("said, I’m not leaving"); other words stand whole.
_SPEECH_START = regex.compile(
    r"[,:][ \t]+(?P<word>I(?=[’'](?:m|ve|ll|d)(?![\p{L}\p{N}]))|\p{Lu}\p{Ll}*(?![\p{L}\p{N}’'-]))(?P<after>[ \t]+\p{Lu})?"
)
# Romance languages write speech after a colon in lower case: "said: the second half was ours".
_LOWER_START = regex.compile(r"(?<=\p{L}):[ \t]+(?P<word>\p{Ll}+)(?![\p{L}\p{N}’'.-])")
_LOWER_OPENERS = ("articles", "pronouns", "determiners")
# South Asian copy drops the marks and the capital alike: "The OC says, we are searching for the others."
_LOWER_FIRST_PERSON = regex.compile(r"(?<=\p{L}),[ \t]+(?P<word>we|our|my)(?![\p{L}\p{N}’'.-])")
_MIN_FIRST_PERSON_WORDS = 5
# A clause opened by one of these makes "said," an aside: "As the minister said, we must act".
_ASIDE_OPENERS = frozenset({"as", "like"})
# A question opened in the first person is the speaker's, not a reporter's unquoted question ("He asked, What next?").
_FIRST_PERSON_OPENERS = frozenset({"I", "We", "My", "Our"})



def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Read the verbs and function words once and return the checker."""
    max_words = rule.options["max-words"]
    verbs = gazetteer.load("reporting-verbs")
    verb_forms = frozenset(v for key in ("past", "present") for v in verbs.get(key, ()))
    function_words = _function_words()
    past_forms = frozenset(verbs.get("past", ()))  # "manifests in the following aspects: the" lists, not speech
    # A form that is also a plural noun is no verb before a lower-case "we": "In the study of the states, we found".
    speech_verbs = verb_forms - frozenset(verbs.get("also-nouns", ()))
    lower_openers = _lower_openers()
    prepositions = frozenset(gazetteer.load("function-words")["prepositions"])

    def check(doc: Document) -> Iterator[Hit]:
        text = doc.text
        if ": " in text:
            yield from _lower_case_speech(doc, past_forms, lower_openers, prepositions, verb_forms)
        yield from _lower_first_person(doc, speech_verbs, max_words)
        for match in _SPEECH_START.finditer(text, timeout=timeout_for(text)):
            word = match.group("word")
            if not _opens_speech(doc, match, function_words):
                continue
            mark = match.start()
            if not _verb_before(text, mark, verb_forms, max_words) and not _far_verb(doc, match, verb_forms):
                continue
            if _short_heading(doc, mark) or (_asks(doc, match.start("word")) and word not in _FIRST_PERSON_OPENERS):
                continue  # a direct question may stand without quotation marks; "said, I would like to know, where…?" is speech
            yield Hit(match.start("word"), match.end("word"))
            yield from _closer(doc, match.start("word"), verb_forms)

    return check


def _opens_speech(doc: Document, match: regex.Match, function_words: frozenset[str]) -> bool:
    """True when the capitalised word after the comma or colon opens a quoted sentence, not a name."""
    word, start = match.group("word"), match.start("word")
    if word.lower() in function_words and not (word == "The" and match.group("after")):
        return True  # "The" before another capital starts a name: The Hague, The Times
    if not _whole_sentence(doc, start):
        return False
    if doc.text[match.start()] == ":":
        return True  # after a colon a whole sentence opened by any capital is speech
    if word == "I":
        end = match.end("word")
        end += len(_CONTRACTION.match(doc.text, end).group())  # "I’m told," is the same aside
        return not _ASIDE.match(doc.text, end)  # "he said, I recall, that ..."
    if match.group("after") or lexicon.is_listed_name(word):
        return False
    return word.lower() in lexicon.lowercase_words()


def _closing_point(doc: Document, offset: int, verbs: frozenset[str]) -> int | None:
    """The final full stop of the paragraph (or of its line, on a page of single-line paragraphs) when the
    speech runs to it, within a few sentences, with no quotation mark and no later sentence that holds a
    reporting verb (", she said.", or "He added that ...", which `_before_attribution` answers)."""
    text, para = doc.text, doc.paragraph_at(offset)
    sentence = doc.sentence_at(offset)
    for _ in range(_RUN_SENTENCES):
        if sentence is None or para is None:
            return None
        end = sentence.end
        while end > sentence.start and text[end - 1] in " \t":
            end -= 1
        if _quote_mark_in(text, offset, end):
            return None
        if end == para.end or text[end : end + 1] == "\n":  # a page whose paragraphs are single lines
            return end - 1 if text[end - 1] in ".!" else None
        if any(w.lower() in verbs for w in _PLAIN_WORD.findall(text, max(offset, sentence.start), end)):
            return None  # "…, she said." or "Police said …": an attribution ended the speech, or the reporter speaks
        following = doc.sentence_at(sentence.end) or doc.sentence_at(sentence.end + 1)
        if following is None or following.start >= para.end or _reporter_speaks(text, following, verbs):
            return None
        if len(_PLAIN_WORD.findall(text, following.start, following.end)) < _RUN_ON_WORDS:
            return None  # a short sentence after the speech ("It did.", "Rates rose.") is the reporter's comment
        sentence = following
    return None


def _reporter_speaks(text: str, sentence: Span, verbs: frozenset[str]) -> bool:
    """True when the sentence opens with "He", "She" or "They" and a reporting verb among its first four
    words: the reporter's voice, not the speaker's."""
    head = _PLAIN_WORD.findall(text, sentence.start, min(sentence.end, sentence.start + 60))[:4]
    return bool(head) and head[0] in _THIRD_PERSON and any(w.lower() in verbs for w in head[1:])


def _quote_mark_in(text: str, start: int, end: int) -> bool:
    """True when a quotation mark stands between the offsets; an apostrophe (don’t, referees’ report) is none."""
    for index in range(start, end):
        char = text[index]
        if char not in _QUOTE_MARKS:
            continue
        if char in "’'" and index > start and text[index - 1].isalpha():
            after = text[index + 1 : index + 2]
            if after.isalpha() or (text[index - 1] in "sS" and after in (" ", "")):
                continue
        return True
    return False


def _closer(doc: Document, offset: int, verbs: frozenset[str]) -> Iterator[Hit]:
    """Where the speech that opens at `offset` lost its closing mark: its paragraph's end, or before the reporter's next sentence."""
    closer = _closing_point(doc, offset, verbs)
    if closer is not None:
        yield Hit(closer, closer + 1, message=_CLOSER_MESSAGE)
        return
    closer = _before_attribution(doc, offset, verbs)
    if closer is not None:
        yield Hit(closer, closer + 1, message=_BEFORE_MESSAGE)


def _before_attribution(doc: Document, offset: int, verbs: frozenset[str]) -> int | None:
    """The final full stop of the speech when, within its paragraph and a few sentences, a sentence opens with
    "He", "She" or "They" and a reporting verb among its first four words ("He added that ..."): the reporter
    speaks again there, so the speech ended before it."""
    text, para = doc.text, doc.paragraph_at(offset)
    sentence = doc.sentence_at(offset)
    for _ in range(_RUN_SENTENCES):
        if sentence is None or para is None or sentence.end >= para.end:
            return None
        end = sentence.end
        while end > sentence.start and text[end - 1].isspace():
            end -= 1
        if _quote_mark_in(text, offset, end) or text[end - 1 : end] not in (".", "!"):
            return None
        following = doc.sentence_at(sentence.end) or doc.sentence_at(sentence.end + 1)
        if following is None or following.start >= para.end:
            return None
        if _reporter_speaks(text, following, verbs):
            return end - 1
        sentence = following
    return None


def _short_heading(doc: Document, offset: int) -> bool:
    """True in a headline-like paragraph that is short; a long one is a last paragraph cut off mid-sentence."""
    if not doc.in_heading(offset):
        return False
    para = doc.paragraph_at(offset)
    return para is None or len(_PLAIN_WORD.findall(doc.text, para.start, para.end)) <= _MAX_HEADING_WORDS


def _verb_before(text: str, mark: int, verbs: frozenset[str], max_words: int) -> bool:
    """True when a reporting verb stands at most `max_words` plain words before the mark.

    Looked for backwards from the comma or colon, which is far cheaper than trying every verb at
    every position of the text.
    """
    start = max(0, mark - 40 * (max_words + 1))
    parts = _GAP.split(text[start:mark])
    for index in range(len(parts) - 1, max(len(parts) - max_words - 2, -1), -1):
        token = parts[index]
        if not _PLAIN_WORD.fullmatch(token):
            return False  # punctuation between the verb and the mark: not the verb's object
        if token.lower() in verbs:
            truncated = index == 0 and start > 0 and (text[start - 1].isalpha() or text[start - 1] in "’'-")
            return not truncated
    return False


def _far_verb(doc: Document, match: regex.Match, verbs: frozenset[str]) -> bool:
    """True after a colon that ends a clause holding a reporting verb further back in its sentence
    ("said in response to the question: Anyway, I hope"), when the words after the colon speak in the
    first person: the reporter does not say "I" or "we", the speaker does."""
    mark, text = match.start(), doc.text
    sentence = doc.sentence_at(mark)
    if text[mark] != ":" or sentence is None:
        return False
    verb_end = max((w.end() for w in _PLAIN_WORD.finditer(text, sentence.start, mark) if w.group().lower() in verbs), default=-1)
    if verb_end < 0 or _CLAUSE_BREAK.search(text, verb_end, mark):
        return False  # no verb, or a quotation or another clause between the verb and the colon
    speech = doc.sentence_at(match.start("word"))
    return speech is not None and bool(_FIRST_PERSON.search(text, match.start("word"), speech.end))


def _whole_sentence(doc: Document, offset: int) -> bool:
    """True when the words from the offset to the end of its sentence make a full sentence (eight
    words or more), not a short summary after the colon ("she added: Seoul agrees")."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return False
    # Counted only up to the minimum: a sentence without an end (a page of commas) would otherwise be
    # counted whole once per candidate, which is quadratic.
    words = _PLAIN_WORD.finditer(doc.text, offset, sentence.end)
    return sum(1 for _ in itertools.islice(words, _MIN_SPEECH_WORDS)) >= _MIN_SPEECH_WORDS


def _asks(doc: Document, offset: int) -> bool:
    """True when the sentence holding the offset ends with a question mark."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return False
    end = sentence.end
    while end > sentence.start and doc.text[end - 1] in "”’\")":
        end -= 1
    return end > sentence.start and doc.text[end - 1] == "?"


def _lower_case_speech(
    doc: Document, verbs: frozenset[str], openers: frozenset[str], prepositions: frozenset[str], all_verbs: frozenset[str]
) -> Iterator[Hit]:
    """Speech after a reporting verb's colon that opens in lower case with an article, a pronoun or a
    determiner ("said: the second half was ours", "said about the derby: we are ready")."""
    text = doc.text
    for match in _LOWER_START.finditer(text, timeout=timeout_for(text)):
        word, start = match.group("word"), match.start("word")
        if word not in openers or not _whole_sentence(doc, start) or _asks(doc, start):
            continue
        sentence = doc.sentence_at(start)
        if _quote_mark_in(text, match.start(), sentence.end) or _short_heading(doc, match.start()):
            continue
        if _verb_ends_clause(doc, match.start(), verbs, prepositions):
            yield Hit(start, match.end("word"))
            yield from _closer(doc, start, all_verbs)


def _lower_first_person(doc: Document, verbs: frozenset[str], max_words: int) -> Iterator[Hit]:
    """Speech after a reporting verb's comma that opens in lower case in the first person ("The OC says, we
    are searching for the others"): the reporter says neither "we" nor "our". Left alone: an aside ("we
    believe,"), a verb that is itself an aside (a comma before it in its sentence: "Where possible, she said,
    we try"; "As the minister said, we must act"), a question, and a sentence that quotes anything."""
    text = doc.text
    for match in _LOWER_FIRST_PERSON.finditer(text, timeout=timeout_for(text)):
        mark, start = match.start(), match.start("word")
        if not _verb_before(text, mark, verbs, max_words) or _ASIDE.match(text, match.end("word")):
            continue
        sentence = doc.sentence_at(start)
        if sentence is None or _asks(doc, start) or _quote_mark_in(text, sentence.start, sentence.end):
            continue
        lead = _PLAIN_WORD.findall(text, sentence.start, mark)
        if "," in text[sentence.start : mark] or any(w.lower() in _ASIDE_OPENERS for w in lead[:-1]):
            continue
        if sum(1 for _ in itertools.islice(_PLAIN_WORD.finditer(text, start, sentence.end), _MIN_FIRST_PERSON_WORDS)) \
                < _MIN_FIRST_PERSON_WORDS or _short_heading(doc, mark):
            continue
        yield Hit(start, match.end("word"))
        yield from _closer(doc, start, verbs)


def _verb_ends_clause(doc: Document, colon: int, verbs: frozenset[str], prepositions: frozenset[str]) -> bool:
    """True when a reporting verb stands right before the colon ("said:"), or with only a phrase opened
    by a preposition between ("said about the derby:"); "said the cause was clear:" reports a summary."""
    sentence = doc.sentence_at(colon)
    if sentence is None:
        return False
    words = [w.group() for w in _PLAIN_WORD.finditer(doc.text, sentence.start, colon)]
    if _CLAUSE_BREAK.search(doc.text, sentence.start, colon):
        return False
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in verbs:
            if index == len(words) - 1:
                return True
            phrase = doc.text[doc.text.find(words[index + 1], sentence.start) : colon]
            return words[index + 1].lower() in prepositions - {"to"} and "," not in phrase  # "continued to show, which"
    return False


def _lower_openers() -> frozenset[str]:
    """Articles, pronouns and determiners: lower-case words that open a sentence of speech."""
    table = gazetteer.load("function-words")
    return frozenset(w for key in _LOWER_OPENERS for w in table.get(key, ()))


def _function_words() -> frozenset[str]:
    """Closed-class words that can open a sentence but are never a name on their own ("I" aside)."""
    table = gazetteer.load("function-words")
    return frozenset(w for words in table.values() for w in words) - {"i"}
