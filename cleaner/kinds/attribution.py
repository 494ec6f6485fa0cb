"""`attribution`: a reporting verb cut off from, or repeated around, the quotation it belongs to.

Translation through languages that put the verb last leaves the attribution as a sentence of its
own (`crisis.” Ministry of Foreign Affairs of China Said.`), with no speaker (`… reaction. ”
Said.`), capitalised after the quotation (`“What is the deficit?” Questioned Macron.`), or twice
(`Erdogan said, “… inflation,” he said.`). Reporting verbs come from rules/data/reporting-verbs.yaml
(said, stated, explained, stressed, noted ...), in any capitalisation.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._support import timeout_for
from cleaner.model import Hit, Rule, Safety
from cleaner.regex_cache import compile_stored
from cleaner.schema import INTEGER, STRINGS, Option, Replacement, one_of
from cleaner.wordclass import is_function_word, reporting_verbs

FORMS = ("speaker", "bare", "inverted", "double", "after-name")
KIND = "attribution"
OPTIONS = (
    Option(
        "form",
        one_of(*FORMS),
        "`speaker` reports a speaker phrase (at most `max-words` capitalised words plus of/the/and/for; or \"the\" "
        "and one or two lower-case words; or a pronoun) between a closing quotation mark and a sentence-final "
        "reporting verb, and merges it into the quotation (`crisis,” the Ministry of Foreign Affairs of China "
        "said.`); `bare` reports a reporting verb that follows a closing quotation mark with no speaker, or stands "
        "alone at the start of a paragraph (\"revealed.\"), or a subjectless verb and speech noun after a "
        "quotation (\"made its assessment.\"), and proposes deleting a bare verb after a quotation; "
        "`inverted` reports a capitalised reporting verb right after a closing quotation mark and before its "
        "speaker (`?” Questioned Emmanuel Macron`), perhaps after an aside set off by commas (`,” Admits, laughing, "
        "the deputy mayor`), and lower-cases it: before \"the\" or a name any listed form; before \"a\", \"one\" or "
        "\"his\" a present form that is no noun (`,” Adds a deputy mayor`); after a quotation closed by a comma or "
        "a dash, where the sentence goes on, also a past or base form before any of these or a bare plural (`,” Say "
        "residents`), with the verbs that report speech only there (confides, whispers, slips); \"Said\", also a "
        "name, only after the dash or before \"the\", \"a\" or \"one\" after a comma, the rest left to the "
        "capitalised-said rule; `double` reports a second attribution after a quotation that one already "
        "introduces (`Sánchez said, “… December,” he clarified`); `after-name` reports a reporting verb capitalised "
        "mid-sentence right after a name or a noun (`Boris Johnson Stated on Monday`) and lower-cases it (\"Said\", "
        "also a name, only when doubled before another reporting verb, `Johnson Said told`, on the article's evidence, "
        "and suggests deleting it; or after a common noun and before a function word, `the member Said he`, "
        "when the article never writes it as a name).",
        default="speaker",
    ),
    Option("institutions", STRINGS, "`speaker`: nouns that make a speaker an institution, which takes \"the\".", default=()),
    Option("max-words", INTEGER, "`speaker`: the longest speaker phrase, in words.", default=10),
)
REPLACEMENT = Replacement.COMPUTED

_CONNECTORS = frozenset({"of", "the", "and", "for"})
# Past forms that also stand capitalised in names and titles ("Assured Guaranty", "Informed
# Consent", "Weather Forecast"): not reported after a name.
_ALSO_TITLE_WORDS = frozenset(
    "forecast quoted posted informed assured suggested continued expressed pointed judged estimated "
    "evaluated diagnosed predicted promised maintained asked answered cited".split()
)
# Auxiliaries a verb-final source leaves behind ("… game.” was"); lower-case, since a capital starts a sentence.
_AUXILIARIES = "was|were|is|are|had|has|did|does"
_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}’'-]+)")
_PREVIOUS_WORD = regex.compile(r"(?<![\p{L}\p{N}’'-])([\p{L}’'-]+)[ \t]+$")
# Adverbs of time and frequency that may close a sentence after a quoted word ("“reckless”, twice.").
_ADVERBIAL = frozenset("twice thrice anyway instead yesterday today tonight tomorrow ago meanwhile overnight "
                       "afterwards afterward earlier later already still".split())
# Reporting verbs that take a person or a body as their object ("he told Reuters.", "she thanked Ortiz."): a
# name after them is that object, not a second subject.
_TAKES_OBJECT = frozenset(
    "told asked informed urged warned assured quoted cited criticized criticised denounced questioned wrote posted "
    "tweeted reported confirmed denied answered promised vowed pledged demanded predicted forecast estimated evaluated "
    "judged diagnosed analyzed analysed expressed conveyed revealed disclosed highlighted underlined underscored "
    "mentioned recalled acknowledged admitted testified alleged recounted protested conceded suggested indicated "
    "pointed announced clarified specified reiterated claimed accused thanked praised".split()
)
# Words that name a time, not a speaker, after "he said" ("he said Tuesday.", American style).
_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tonight Yesterday Tomorrow "
                        "January February March April May June July August September October November December".split())
_CAP = r"\p{Lu}[\p{L}’'.&-]*"
_END = r"(?=\s|$)"
_NAMED = rf"(?:The[ \t]+)?{_CAP}(?:[ \t]+(?:of|the|and|for|{_CAP}))*?"
# "the company", "the foreign ministry", "a spokesman", and with no article "Relevant analyst", "Local residents".
_DESCRIBED = r"(?:(?:[Tt]he|An?)[ \t]+|\p{Lu}\p{Ll}+[ \t]+)\p{Ll}+(?:[ \t]+\p{Ll}+)?"
_PRONOUNS = frozenset({"He", "She", "They", "We", "It", "You"})
_SUBJECT = r"(?:he|she|they|it|we|[Tt]he[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?|\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+){0,3})"


# Nouns for what a speaker said, as verb-final sources name it after a quotation ("made its assessment").
_SPEECH_NOUNS = (
    r"(?:assessments?|evaluations?|statements?|remarks?|comments?|phrases?|expressions?|words|messages?|"
    r"warnings?|announcements?|explanations?|speech|descriptions?|criticisms?|reactions?|responses?|calls?|"
    r"notes?|views?|opinions?|claims?|promises?|appeals?|assurances?)"
)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    """The forms' patterns, built once from the reporting-verb list."""
    verbs = sorted(reporting_verbs(), key=lambda v: (-len(v), v))
    any_case = "|".join(f"[{v[0]}{v[0].upper()}]{regex.escape(v[1:])}" for v in verbs)
    capitalised = "|".join(v.capitalize() for v in verbs if v != "said")
    past = sorted(reporting_verbs(tense="past"), key=lambda v: (-len(v), v))
    after_name = "|".join(v.capitalize() for v in past if v != "said" and v not in _ALSO_TITLE_WORDS)
    return {
        "speaker": compile_stored(
            # The closing mark in its place (`!” He said.`), or spaced off the quotation and glued to the
            # speaker (`! ”He said.`): the same attribution, before or after the spacing rules' safe fixes.
            rf"(?P<stop>[.,!?])(?:(?P<close>[”\"])[ \t]+|[ \t]+(?P<close>”)(?=\p{{Lu}}))"
            rf"(?P<speaker>{_NAMED}|{_DESCRIBED})[ \t]+(?P<verb>{any_case})\.{_END}"
        ),
        "bare": compile_stored(rf"(?P<close>[”\"])(?P<gap>[ \t]+)(?P<verb>{any_case})\.{_END}"),
        # A verb-final source leaves the tail of "… was saying" after the quotation, ending its paragraph.
        "tail": compile_stored(
            rf"[.!?](?P<close>[”\"])(?P<gap>[ \t]+)(?P<verb>{_AUXILIARIES}|{any_case})(?P<stop>\.?)(?=[ \t]*(?:\n|\Z))"
        ),
        # "…Citizens" , complaint.": one lower-case word, the verb's noun, after the quotation's comma.
        "lone-word": compile_stored(r"[”\"](?P<gap>[ \t]*,[ \t]*)(?P<verb>\p{Ll}{4,})\.(?=[ \t]*(?:\n|\Z|\p{Lu}))"),
        # "…the truth.” made its assessment.": a verb-final source's "… assessment-made" left after the
        # quotation with no speaker: a verb, a determiner and a noun for what was said.
        "predicate": compile_stored(
            rf"[.!?](?P<close>[”\"])(?P<gap>[ \t]+)(?P<verb>\p{{Ll}}{{3,}})[ \t]+(?:its|his|her|their|the|this|these|those|such)"
            rf"[ \t]+(?:following[ \t]+)?(?P<noun>{_SPEECH_NOUNS})\.{_END}"
        ),
        "stranded": compile_stored(rf"(?m:^)[ \t]*(?P<verb>{'|'.join(map(regex.escape, verbs))})\.{_END}"),
        # A capitalised word after a closing mark, and the one or two words after it (the speaker, perhaps after
        # an aside set off by commas: "Admits, laughing, the deputy mayor"); `_check_inverted` decides whether
        # the word is a reporting verb and the words a speaker. `lead` is the mark before the closing one: a
        # comma, or the dash a Russian or Ukrainian attribution takes (`…” – Said the minister`), leaves the
        # sentence open, so only an attribution can follow.
        # A “ after sentence punctuation is a closing quote written with the wrong glyph; glued to the verb
        # ("? “Questioned Emmanuel Macron."), it is that closing quote misplaced; a ” glued to it (`! ”Admits`) is
        # a closing quote spaced the wrong way. A straight mark glued to the
        # verb after a spaced sentence end (French spacing, `happened! "Admits, laughing, a deputy mayor`) is
        # read only before an aside, since it may open a quotation.
        "inverted": compile_stored(
            # Every branch starts on the mark itself and looks back for what came before it, so that the
            # regex engine scans for the few characters a branch can start with instead of trying each position.
            r"(?:[”\"](?<=(?:(?P<lead>[.!?,])[ \t]?)?[”\"])[ \t]+"
            r"|“(?<=(?P<lead>[.!?,])[ \t]?“)[ \t]+"
            r"|(?P<glued>“)(?<=(?P<lead>[.!?,])[ \t]“)"
            r"|(?P<glued>”)(?<=(?P<lead>[.!?,])[ \t]?”)(?=\p{Lu})"
            r"|(?P<glued>\")(?<=(?P<lead>[.!?])[ \t]\")(?=\p{Lu}\p{Ll}+,)"
            r"|[-–—](?<=[”\"][ \t]?(?P<lead>[-–—]))[ \t])"
            r"(?P<verb>\p{Lu}\p{Ll}{1,14})(?![\p{L}\p{N}’'-])"
            r"(?:,[ \t]+(?P<aside>(?:\p{Ll}+(?:ing|ly)|with(?:out)?[ \t]+\p{Ll}+)(?:[ \t]+\p{Ll}+){0,2}),)?"
            r"[ \t]+(?P<who>\p{L}[\p{L}’'-]*)(?:[ \t]+(?P<next>\p{L}[\p{L}’'-]*))?"
        ),
        # After a name or a noun, before a lower-case word or a mark: "Johnson Stated on Monday",
        # "the committee Announced on Friday".
        "after-name": compile_stored(
            rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<name>\p{{L}}[\p{{L}}\p{{M}}’'-]+)[ \t])"
            rf"(?P<verb>{after_name})"
            rf"(?=[ \t]+\p{{Ll}}|[.,;:](?![\p{{L}}\p{{N}}]))"
        ),
        # "Democrat Party member Said he", "Minister of Defense Said after": "Said" after a common noun and
        # before a function word is the verb; a name stands after a given name or before a family name.
        "said-after-noun": compile_stored(
            r"(?<=(?<![\p{L}\p{N}])(?P<name>\p{L}[\p{L}’'-]+)[ \t])Said(?=[ \t]+(?P<next>\p{Ll}+)(?![\p{L}\p{N}’'-]))"
        ),
        # "Johnson Said told Parliament": a second reporting verb right after a capitalised "Said".
        "said-doubled": compile_stored(
            rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}’'-]+)[ \t])Said"
            rf"(?=[ \t]+(?:{'|'.join(past)})(?![\p{{L}}\p{{N}}]))"
        ),
        "said-capital": compile_stored(r"(?<![\p{L}\p{N}])Said(?![\p{L}\p{N}])"),
        # "Moon said, The ..." at a sentence start, and ", he said." closing the same sentence.
        "introduces-unquoted": compile_stored(
            rf"^\p{{Lu}}[^,.;:!?“”\"\n]{{0,70}}?[ \t](?P<verb>{any_case})[,:][ \t]+\p{{Lu}}"
        ),
        "repeated-at-end": compile_stored(rf",[ \t]+(?P<attr>(?:he|she|they)[ \t]+(?:{any_case}))\.?[ \t]*$"),
        # ", he said that …" after the sentence's speaker has already said it: "X said Oh, he said that".
        "reattributed": compile_stored(rf",[ \t]+(?P<attr>(?:he|she|they)[ \t]+(?:{any_case}))[ \t]+that(?![\p{{L}}\p{{N}}])"),
        # "…,” he explained Prades.": a Romance source's inverted "—explicó Prades" given a pronoun as well.
        "pronoun-name": compile_stored(
            rf"(?:[”\"],?|(?<=[.,!?][ \t]?)“|,)[ \t]?(?P<attr>(?:he|she|they|(?<=,[ \t]?)(?:He|She|They))[ \t]+(?:{'|'.join(v for v in past if v not in _TAKES_OBJECT)}))"
            rf"[ \t]+(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}’'-]+(?:[ \t]+(?:de|del|la|las|los|da|do|dos|di|van|von|\p{{Lu}}[\p{{L}}\p{{M}}’'-]+)){{0,3}})"
            r"(?=[ \t]*[.,;!?](?![\p{L}\p{N}]))"
        ),
        "said-before": compile_stored(rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(map(regex.escape, past))})(?![\p{{L}}\p{{N}}])"),
        "introduced": compile_stored(rf"\b(?:{any_case})(?:[ \t]+that)?[ \t]*[,:]?[ \t]*$"),
        # Or a verb-final source's "… and expressed this." with no subject, ending the sentence.
        "trailing": compile_stored(
            rf"[ \t]*(?P<attr>{_SUBJECT}[ \t]+(?:{any_case}))\b"
            rf"|[ \t]+(?P<attr>and[ \t]+(?:{any_case})(?:[ \t]+(?:this|that|it|so))?)(?=[ \t]*[.!?](?![\p{{L}}\p{{N}}]))"
        ),
    }


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    institutions = frozenset(rule.options["institutions"])
    max_words = rule.options["max-words"]
    if form == "speaker":
        return lambda doc: _check_speaker(doc, institutions, max_words)
    return {"bare": _check_bare, "inverted": _check_inverted, "double": _check_double, "after-name": _check_after_name}[form]


def _short_quote(doc: Document, close: int) -> bool:
    """True when the quotation closed at `close` has fewer than four words (a title or a word quoted)."""
    start = doc.text.rfind("“", max(0, close - 400), close)
    return start >= 0 and len(doc.text[start:close].split()) < 4


def _closes_quote(doc: Document, offset: int) -> bool:
    """Curly closing marks always close; a straight mark must end a paired quotation."""
    return doc.text[offset] == "”" or (doc.in_quote(offset) and not doc.in_quote(offset + 1))


def _lost_opener(doc: Document, offset: int) -> bool:
    """True for a straight mark after sentence punctuation that is the first of its paragraph: it closes a
    quotation whose opening mark was lost (`development." Relevant analyst said.`), though unpaired."""
    para = doc.paragraph_at(offset)
    return para is not None and doc.text[offset] == '"' and '"' not in doc.text[para.start : offset]


def _check_speaker(doc: Document, institutions: frozenset[str], max_words: int) -> Iterator[Hit]:
    for match in _patterns()["speaker"].finditer(doc.text, timeout=timeout_for(doc.text)):
        words = match.group("speaker").split()
        close = match.start("close")
        if len(words) > max_words or words[-1] in _CONNECTORS or not (_closes_quote(doc, close) or _lost_opener(doc, close)):
            continue
        if words[0].lower() != "the" and words[-1].islower() and any(is_function_word(w) for w in words[1:]):
            continue  # "Nothing else was said.", "This he said.": a sentence, not a speaker
        stop, verb = match.group("stop"), match.group("verb")
        speaker = _speaker_phrase(words, institutions)
        replacement = f"{',' if stop == '.' else stop}{match.group('close')} {speaker} {verb.lower()}."
        if replacement == match.group(0):
            continue  # already `,” Smith said.`
        yield Hit(
            match.start(),
            match.end(),
            (replacement,),
            message=f"The attribution “{' '.join(words)} {verb}.” stands apart from its quotation.",
        )


def _speaker_phrase(words: list[str], institutions: frozenset[str]) -> str:
    """Lower-case a leading "The" or pronoun; add "the" before an institution, not before a person."""
    if words[0] in ("The", "A", "An") or (len(words) == 1 and (words[0] in _PRONOUNS or _common_subject(words[0]))):
        return " ".join([words[0].lower(), *words[1:]])
    if _described(words):
        return " ".join([words[0].lower(), *words[1:]])  # "Relevant analyst": a description, not a name
    head = []
    for word in words:
        if word in _CONNECTORS:
            break
        head.append(word)
    return " ".join((["the"] if institutions.intersection(head) else []) + words)


def _common_subject(word: str) -> bool:
    """True for a lone speaker word that is no name: a determiner or pronoun ("Another", "Both"), or a common
    word ("Others", "Someone", "Officials") that the casing table has seen, the dictionary writes in lower
    case, and no listed person is called."""
    low = word.lower()
    if is_function_word(low):
        return True
    seen_in_casing_table = lexicon.capital_rate(low) is not None
    return seen_in_casing_table and low in lexicon.lowercase_words() and not lexicon.is_listed_name(word)


def _described(words: list[str]) -> bool:
    """True for a capitalised common word before a lower-case noun ("Relevant analyst", "Local residents"),
    not a name before an adverb ("Smith also")."""
    if len(words) < 2 or not words[1].islower() or is_function_word(words[1]) or words[1].endswith("ly"):
        return False
    return words[0].lower() in lexicon.lowercase_words() and not lexicon.is_listed_name(words[0])


def _check_bare(doc: Document) -> Iterator[Hit]:
    patterns = _patterns()
    for match in patterns["bare"].finditer(doc.text, timeout=timeout_for(doc.text)):
        if _closes_quote(doc, match.start("close")):
            yield Hit(
                match.start("gap"),
                match.end(),
                ("",),
                message=f"“{match.group('verb')}.” after the quotation names no speaker and stands as a sentence of its own.",
            )
    for match in patterns["tail"].finditer(doc.text, timeout=timeout_for(doc.text)):
        if match.group("stop") and match.group("verb") not in _AUXILIARIES.split("|"):
            continue  # `.” said.` is the bare pattern's
        if _closes_quote(doc, match.start("close")):
            yield Hit(match.start("gap"), match.end(), ("",),
                      message=f"“{match.group('verb')}” after the quotation ends the paragraph with no speaker.")
    for match in patterns["lone-word"].finditer(doc.text, timeout=timeout_for(doc.text)):
        word = match.group("verb")
        if is_function_word(word) or word.endswith("ly") or word in _ADVERBIAL or word in reporting_verbs():
            continue  # "…”, too." / "…”, again." / "…”, recently."; a reporting verb is the bare pattern's
        yield Hit(match.start("gap"), match.end(), message=f"“{word}.” after the quotation stands where its speaker and verb belong.")
    for match in patterns["predicate"].finditer(doc.text, timeout=timeout_for(doc.text)):
        verb = match.group("verb")
        if verb in reporting_verbs() or is_function_word(verb) or _short_quote(doc, match.start("close")):
            continue  # '“Stop.” earned his remarks': a short quotation is the sentence's subject
        yield Hit(match.start("gap"), match.end(), message=f"“{match.group()[2:].strip()}” after the quotation names no speaker.")
    for match in patterns["stranded"].finditer(doc.text, timeout=timeout_for(doc.text)):
        yield Hit(match.start("verb"), match.end(), message=f"“{match.group('verb')}.” stands alone with no speaker.")


def _check_inverted(doc: Document) -> Iterator[Hit]:
    verbs = _inverted_verbs()
    for match in _patterns()["inverted"].finditer(doc.text, timeout=timeout_for(doc.text)):
        if match.group("glued") == '"' and not match.group("aside"):
            continue  # `. "Says the man who …` may open a quotation
        verb = match.group("verb")
        speaker = _inverted_speaker(match.group("who"), match.group("next"))
        if speaker is None or not _inverted_verb(verb.lower(), speaker, match.group("lead") or "", match.group("who"), verbs):
            continue
        yield Hit(match.start("verb"), match.end("verb"), (verb.lower(),),
                  message=f"“{verb}” after the quotation is an attribution verb and takes a lower-case letter.")


# Words that open an indefinite speaker ("adds a deputy mayor", "says one minister", "confides his wife").
_INDEFINITE = frozenset("a an one his her their".split())
# Words that open a plural speaker with no article ("say many residents", "add two officials").
_QUANTIFIERS = frozenset("some many several most both few two three four five".split())
# Plural nouns for people that do not end in -s ("say police", "admit staff").
_PLURAL_PEOPLE = frozenset("people police children women men staff".split())


def _inverted_speaker(who: str, following: str | None) -> str | None:
    """What the words after a capitalised verb are as its speaker: "definite" ("the mayor", a name), "indefinite"
    ("a mayor", "one minister", "his wife"), "plural" (a bare plural: "residents", "many residents"), or None."""
    if following is not None:  # "the deputy mayor", "a Labour MP"
        if who == "the":
            return "definite"
        if who in _INDEFINITE:
            return "indefinite"
        if who in _QUANTIFIERS:
            return "plural"
    if who[:1].isupper():
        return "definite"
    if who in _PLURAL_PEOPLE or (len(who) >= 4 and who.endswith("s") and not who.endswith(("ss", "us", "is"))
                                 and not is_function_word(who)):
        return "plural"
    return None


def _inverted_verb(verb: str, speaker: str, lead: str, who: str, verbs: dict[str, frozenset[str]]) -> bool:
    """True when `verb` (lower-cased) before such a speaker is an inverted reporting verb, not a word that starts
    a sentence. After a quotation closed by a comma or a dash the sentence goes on, so any reporting verb form
    counts; after a full stop a past form may open a participial clause ("Asked a question, she …"), a base form
    an imperative ("Ask residents …"), and a form that is also a noun a subject ("Reports one minister made …")."""
    after_dash = lead in ("-", "–", "—")
    open_sentence = after_dash or lead == ","
    if verb == "said":
        # "Said" is also a name ("“We stay,” Said Hamdan said."): the verb only before "the", "a", "one" or "his"
        # in an open sentence, or before any speaker after the dash, where no name follows a quotation.
        return open_sentence and (who == "the" or who in _INDEFINITE or (after_dash and speaker == "definite"))
    if open_sentence:
        return verb in verbs["any"] or (verb in verbs["base"] and who[:1].islower())
    if speaker == "definite":
        return verb in verbs["closed-definite"]
    if speaker == "indefinite":
        return verb in verbs["present"] and verb not in verbs["also-nouns"]
    return False


@functools.lru_cache(maxsize=1)
def _inverted_verbs() -> dict[str, frozenset[str]]:
    """The reporting-verb forms `_inverted_verb` weighs, from rules/data/reporting-verbs.yaml."""
    present = reporting_verbs("present") | reporting_verbs("inverted-present")
    past = reporting_verbs("past") | reporting_verbs("inverted-past")
    return {
        "any": (present | past) - {"said"},
        "present": present,
        "also-nouns": reporting_verbs("also-nouns"),
        # After a full stop, before "the" or a name: every listed form, as before (the "inverted-" verbs' past
        # forms open participial clauses there: "Worried the plan would fail, …", "Slipped the note, …").
        "closed-definite": (reporting_verbs() | reporting_verbs("inverted-present")) - {"said"},
        "base": frozenset(_base_form(v) for v in present),
    }


def _base_form(verb: str) -> str:
    """The base form of a present -s form: says say, stresses stress, testifies testify, notes note."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


def _check_after_name(doc: Document) -> Iterator[Hit]:
    for match in _patterns()["after-name"].finditer(doc.text, timeout=timeout_for(doc.text)):
        if is_function_word(match.group("name")) or doc.in_heading(match.start()):
            continue  # "The Added ...": a capital that starts the sentence, or a headline in title case
        verb = match.group("verb")
        yield Hit(match.start("verb"), match.end("verb"), (verb.lower(),),
                  message=f"“{verb}” after the name is a reporting verb and takes a lower-case letter.")
    yield from _said_doubled(doc)
    if "Said " in doc.text:
        yield from _said_after_noun(doc)


def _said_after_noun(doc: Document) -> Iterator[Hit]:
    """ "member Said he", "Minister of Defense Said after": "Said" after a word the dictionary writes in lower
    case (not a function word) and before a function word other than "of" ("Sultan Said of Oman"), when the
    pair is no place ("Port Said") and the article never writes "Said" as a name (before a capital, or
    after a word the dictionary does not know: "Said Hamdan", "Edward Said")."""
    text = doc.text
    if any(_said_as_name(text, m.start()) for m in _patterns()["said-capital"].finditer(text, timeout=timeout_for(text))):
        return
    for match in _patterns()["said-after-noun"].finditer(text, timeout=timeout_for(text)):
        name, after = match.group("name"), match.group("next")
        if is_function_word(name) or name.lower() not in lexicon.lowercase_words() or doc.in_heading(match.start()):
            continue
        if not is_function_word(after) or after == "of" or f"{name} Said" in lexicon.places():
            continue
        yield Hit(match.start(), match.end(), ("said",),
                  message="“Said” after the noun is a reporting verb and takes a lower-case letter.")


def _said_as_name(text: str, start: int) -> bool:
    """True when this "Said" reads as a name: a capitalised word follows, or a word outside the dictionary precedes."""
    after = _NEXT_WORD.match(text, start + 4)
    if after is not None and after.group(1)[:1].isupper():
        return True
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() not in lexicon.lowercase_words() \
        and not is_function_word(before.group(1))


def _said_doubled(doc: Document) -> Iterator[Hit]:
    """ "Johnson Said told": reported only when every "Said" of the article stands before another
    reporting verb (so "Said" is never a name there: Edward Said, Said Hamdan) and the name before it
    also appears without "Said" after it."""
    patterns, text = _patterns(), doc.text
    doubled = list(patterns["said-doubled"].finditer(text, timeout=timeout_for(text)))
    if not doubled:
        return
    every = [m.start() for m in patterns["said-capital"].finditer(text, timeout=timeout_for(text))]
    if len(every) != len(doubled):
        return
    for match in doubled:
        name = match.group("name")
        alone = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(name)}(?![\p{{L}}\p{{N}}])(?![ \t]+Said\b)")
        if is_function_word(name) or doc.in_heading(match.start()) or not alone.search(text):
            continue
        yield Hit(match.start(), match.end() + 1, ("",), safety=Safety.SUGGEST,
                  message="“Said” before another reporting verb is a doubled attribution verb.")


def _check_double(doc: Document) -> Iterator[Hit]:
    patterns, text = _patterns(), doc.text
    for quote in doc.quotes:
        if text[quote.end - 1] not in "”\"":
            continue  # a quotation left open runs to the end of its paragraph
        # The attribution after the quotation is one anchored match; the search before it is dearer.
        tail = patterns["trailing"].match(text, quote.end)
        if tail is None or _starts_new_report(text, quote.end, tail.end("attr")):
            continue
        para = doc.paragraph_at(quote.start)
        # Only the words just before the quotation can introduce it: a bounded slice keeps this linear.
        lead = text[max(para.start if para else 0, quote.start - 80) : quote.start]
        if patterns["introduced"].search(lead):
            yield Hit(tail.start("attr"), tail.end("attr"),
                      message=f"“{tail.group('attr')}” attributes a quotation that an attribution already introduces.")
    yield from _double_unquoted(doc)


def _starts_new_report(text: str, close_end: int, attr_end: int) -> bool:
    """True for `… ferries.” She added that funding was agreed`: after a quotation closed with its own
    full stop, an attribution that goes on to report something else starts a new sentence."""
    return text[close_end - 2 : close_end - 1] in (".", "!", "?") and regex.match(r"[ \t]+\p{L}", text[attr_end : attr_end + 2]) is not None


def _may_introduce(head: str) -> bool:
    """What "introduces-unquoted" needs: a capital first, and the first stop a comma or colon before a capital."""
    stop = _FIRST_STOP.search(head, 1)
    if not head[:1].isupper() or stop is None or stop.group() not in ",:":
        return False  # the pattern's run up to the verb holds no stop, so the verb ends at the first one
    rest = head[stop.end() :]
    return rest[:1] in (" ", "\t") and rest.lstrip(" \t")[:1].isupper()


_FIRST_STOP = re.compile(r"[,.;:!?“”\"\n]")


def _reattributed(doc: Document) -> Iterator[Hit]:
    """ "General Lee said Oh, he said that …": in a sentence whose speaker has already spoken (a reporting
    verb in its main clause), a second ", he said that" attributes the same words again. A sentence that
    opens with a subordinate clause ("Asked what she said, she said that …") is left alone."""
    patterns, text = _patterns(), doc.text
    for match in patterns["reattributed"].finditer(text, timeout=timeout_for(text)):
        sentence = doc.sentence_at(match.start())
        if sentence is None or match.start() - sentence.start > 300:
            continue
        head = text[sentence.start : match.start()]
        first = head.split(None, 1)[0].strip(",").lower() if head.strip() else ""
        if first in _SUBORDINATE_OPENERS or "“" in head[:1] or not patterns["said-before"].search(head):
            continue
        yield Hit(match.start("attr"), match.end("attr"),
                  message=f"“{match.group('attr')}” attributes words the sentence has already attributed.")


# Words that open a subordinate clause, in which a first reporting verb does not attribute the sentence.
_SUBORDINATE_OPENERS = frozenset("asked questioned told pressed when if after although though while because as since "
                                 "whatever whether once until before unless".split())


def _double_unquoted(doc: Document) -> Iterator[Hit]:
    """The same for speech without quotation marks: "Moon said, The rate is at parity, he said."."""
    patterns, text = _patterns(), doc.text
    for sentence in doc.sentences:
        # Bounded slices: the introduction sits in the sentence's first words, the repeat at its end.
        head = text[sentence.start : min(sentence.end, sentence.start + 80)]
        if not _may_introduce(head):
            continue  # the search tries every verb at every space: only where it can match
        opener = patterns["introduces-unquoted"].search(head)
        if opener is None:
            continue
        tail = patterns["repeated-at-end"].search(text, max(sentence.start + opener.end(), sentence.end - 40), sentence.end)
        if tail is not None:
            yield Hit(tail.start("attr"), tail.end("attr"),
                      message=f"“{tail.group('attr')}” attributes speech that “{opener.group('verb')}” already introduces.")
    yield from _reattributed(doc)
    yield from _pronoun_and_name(doc)


def _pronoun_and_name(doc: Document) -> Iterator[Hit]:
    """ "…,” he explained Prades.": the speaker given twice, as a pronoun and as the name after the verb."""
    text = doc.text
    for match in _patterns()["pronoun-name"].finditer(text, timeout=timeout_for(text)):
        first = match.group("name").split()[0]
        if first in _TIME_WORDS or is_function_word(first):
            continue
        span = text[match.start("attr") : match.end("name")]
        yield Hit(match.start("attr"), match.end("name"), message=f"“{span}” names the speaker twice, as a pronoun and by name.")
