"""`day-number`: a day of the month that translation left without "on the …th" or without a month.

Chinese writes the day of the month as a number and 日 ("3日晚8时", "高峻22日说", "4日上午"); an
engine that drops 日 leaves the number bare in a slot where English needs "on the 3rd". Japanese and
Korean pages give the day alone too ("28일", "20日午後"), and English copy keeps "on the 28th" with no
month anywhere. The `form` option picks what the rule reports:
  - `bare`: a bare day number, 1 to 31, in a slot only a date fills: after a clock time ("At 8 pm
    3, the station"), before a part of the day after "in", "on", "during" or "since" ("taken in 4
    morning"), after one ("the evening of 14."), between a speaker and a reporting verb ("spokesman
    Gao Jun 22 said"), after a reporting verb and "on" ("said on 22 that"), opening a sentence ("On
    12, police"); and a day ordinal without its article there ("the afternoon of 20th", "said on
    28th that"). The speaker must be a person on the article's evidence: a title before the name,
    a pinyin family name with its given name, a Korean given name, or a name the dictionary does not
    know written in full or used as a speaker elsewhere. Entity names with a number ("Channel 4
    said", "Formula 1 said", "France 24 reported"), ages between commas ("Gao Jun, 22, said"),
    counts ("in 4 morning sessions", "at 8 pm 3 people") and lists of days before a month ("the
    night of 12 to 13 March") are left alone. Once one such slot shows the article drops 日, two
    weaker shapes are reported too: a day number between commas after a noun that takes no age, before
    a verb ("in a chat group, 12, was placed"), and "on" with a bare day closing a clause ("released
    on 10."). The suggestion puts "on the 3rd" where the shape makes the place unambiguous.
  - `monthless`: "on the 28th", "since the 3rd", "the afternoon of the 20th" in an article that names no
    month anywhere (nor "this month", nor a date in figures). "On the 28th" in an article that names
    a month, before or after, may mean that month and is left alone, as are a day in quotations, one tied
    to a month ("the 4th of July"), a count ("on the 28th floor") and every day of an article that
    counts holes, floors, laps, minutes or rounds in ordinals ("the 17th hole ... on the 18th").
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from cleaner import lexicon
from cleaner.document import Document
from cleaner.kinds._calque_given import chinese_families
from cleaner.kinds._support import ordinal_suffix, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import STRINGS, Option, Replacement, one_of
from cleaner.wordclass import MONTHS, WEEKDAYS, function_words, reporting_verbs

KIND = "day-number"
OPTIONS = (
    Option("form", one_of("bare", "monthless"), "Which shape the rule reports (see above).", required=True),
    Option("bodies", STRINGS, "`bare`: nouns that make a name or a noun before the number a speaking body's "
           "(ministry, agency, police), compared without case.", default=()),
    Option("titles", STRINGS, "`bare`: titles and roles that make the name after them a person's "
           "(spokesman, Minister, Mr.), compared without case and a final full stop.", default=()),
)
REPLACEMENT = Replacement.COMPUTED

# Speed: the regex module skips ahead to where a match can start only when every way into the pattern
# opens on a character class; a pattern that opens on a word ("on", "morning") or on a group of
# alternatives ("[12][0-9]|3[01]|[1-9]", even after a "(?=[0-9])") is tried at every position of the
# text. Digits are rare in prose (under 1% of a news page's characters), so every pattern below that
# needs a number opens on its first digit, with the words before it in a look-behind (the hit's start
# is then that group's start), and writes its numbers digit first.
_DAY = r"[1-9](?:(?<=[12])[0-9]|(?<=3)[01])?"  # 1 to 31, the longest first
_HOUR = r"[0-9](?:(?<=[01])[0-9]|(?<=2)[0-4])?"  # 0 to 24
_HOUR_23 = r"[0-9](?:(?<=[01])[0-9]|(?<=2)[0-3])?"  # 0 to 23
_SUFFIX = r"(?:st|nd|rd|th)"
_PART = r"(?:morning|afternoon|evening|night|midnight|noon|dawn)"
_BLANK = r"[ \t\u00a0]"
# What may not follow a day number: more of a number, a unit, a range or a fraction ("3%", "3-1", "3/4").
_NUMBER_END = r"(?![\p{L}\p{N}%°'’]|[.,:/\-–][\p{N}])"

# "At 8 pm 3," / "at 20:00 3.": a clock time, then a day number closing the phrase (a count goes on to
# its noun: "at 8 pm 3 people"; a list of days before a month goes on to a number: "at 8 pm 3, 10 and 17 March").
_CLOCK_DAY = regex.compile(  # each way into the clock opens on the hour's digit
    rf"(?<![\p{{L}}\p{{N}}:.])(?P<clock>{_HOUR}(?:[:.][0-5][0-9])?{_BLANK}?(?:[ap]\.m\.|[AP]\.M\.|[apAP][mM](?![\p{{L}}]))"
    rf"|{_HOUR_23}:[0-5][0-9]|{_HOUR}{_BLANK}{{1,3}}o['’]clock){_BLANK}{{1,3}}(?P<day>{_DAY})"
    rf"(?=[ \t]*(?:[,;](?![ \t]*[\p{{N}}])|\.(?![\p{{N}}])|\n|$))"
)
# "taken in 4 morning", "on 12 night,": a preposition, a day number and a part of the day.
_DAY_PART = regex.compile(
    rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<prep>[Ii]n|[Oo]n|[Dd]uring|[Ss]ince){_BLANK}{{1,3}})(?P<day>{_DAY}){_BLANK}{{1,3}}"
    rf"(?P<early>(?:early|late){_BLANK}{{1,3}})?(?P<part>{_PART})(?![\p{{L}}\p{{N}}\-])"
)
# "the evening of 14.", "the afternoon of 20th": a part of the day and a day with no article.
_PART_OF_DAY = regex.compile(
    rf"(?<=(?<![\p{{L}}])(?P<part>{_PART}){_BLANK}{{1,3}}of{_BLANK}{{1,3}})(?P<day>{_DAY})(?P<suffix>{_SUFFIX})?{_NUMBER_END}"
)
# "said on 28th that", "On 28th,": an ordinal day with no article and no month.
_ON_ORDINAL = regex.compile(rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<on>[Oo]n){_BLANK}{{1,3}})(?P<day>{_DAY}){_SUFFIX}(?![\p{{L}}\p{{N}}\-])")
# "On 12, police", "said on 22 that", "released on 10.": "on" and a bare day number; which of these the
# checker reports depends on the words around it.
_ON_DAY = regex.compile(rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<on>[Oo]n){_BLANK}{{1,3}})(?P<day>{_DAY}){_NUMBER_END}")
_LIST_COMMA = regex.compile(r"[ \t]{0,3},(?![ \t]{0,3}[\p{N}])")  # a comma that does not go on to more days
_WORD_BEFORE = regex.compile(r"(?<![\p{L}])(\p{Ll}{1,20})[ \t]{1,3}$")
# "Gao Jun 22 said", "Wei Lan 9, told": a day number between a name and a reporting verb; the name is
# read backwards from the number.
_DAY_VERB = regex.compile(rf"(?<=[\p{{L}}.]{_BLANK})(?P<day>{_DAY})(?P<comma>,?){_BLANK}{{1,3}}(?P<verb>\p{{Ll}}{{1,20}})(?![\p{{L}}\-])")
_SPLIT = regex.compile(r"[ \t\u00a0]")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’]{0,30}(?:-\p{L}[\p{L}\p{M}'’]{0,30})?\.?$")
_COUNT_SETUP = regex.compile(r"(?<![\p{L}])(?i:of|among)[ \t]{1,3}(?:the[ \t]{1,3})?[\p{N}]")
_CONNECTORS = frozenset({"of", "and", "for", "the", "on"})  # inside a name: "Ministry of Commerce"
_INITIAL = regex.compile(r"\p{Lu}\.$")
# "in a chat group, 12, was placed": a day number set off by commas after a lower-case noun, before a
# verb. The comma comes first so that the look back runs only at commas.
_COMMA_DAY = regex.compile(
    rf",(?<=(?<![\p{{L}}])(?P<noun>\p{{Ll}}{{1,30}}),){_BLANK}{{1,3}}(?P<day>{_DAY}),{_BLANK}{{1,3}}"
    r"(?P<verb>was|were|is|are|has|have|had|will|would|\p{Ll}{1,20}ed)(?![\p{L}])"
)

# Nouns a number between commas may follow as an age ("a man, 22, was"), or restate as a figure
# ("the toll, 12, was"): a number there is English. Person nouns ending as agents are matched by ending.
_AGE_NOUNS = frozenset(
    "man woman men women boy girl child children son daughter mother father wife husband brother sister "
    "teen teenager youth baby toddler infant pupil victim suspect resident motorist cyclist pedestrian "
    "passenger patient pensioner grandmother grandfather grandson granddaughter mum mom dad friend partner "
    "girlfriend boyfriend fiancé fiancée widow widower nephew niece cousin uncle aunt neighbour neighbor "
    "tourist chef nurse doctor judge lawyer guard pilot cook couple twins person people student graduate "
    "toll total number figure count tally score age rank size".split()
)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "person", "ster")
# A capitalised word before a lower-case word (a reporting verb, checked after), or after a personal title.
_SPEAKER = regex.compile(
    r"(?<![\p{L}])(?:(?P<title>Mr|Mrs|Ms|Dr|Prof)\.?[ \t](?P<name>\p{Lu}[\p{L}'’\-]{0,30})(?![\p{L}])"
    r"|(?P<name>\p{Lu}[\p{L}'’\-]{0,30})[ \t](?P<verb>\p{Ll}{2,20})(?![\p{L}]))"
)
_MONTH_SHORT = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())

# What may follow a day in a date slot: a mark that closes the phrase, or a function word that does
# not start a range or a list of days ("the night of 12 to 13 March", "in 3 morning and 2 evening sessions").
# Function words that go on with the phrase rather than close it: "the 4th of July", "on 3rd down".
_NOT_CLOSING = frozenset({"of", "down", "up", "out", "off", "over", "past", "through", "per"})
_FOLLOWER = regex.compile(r"[ \t]{0,3}(?:(?P<mark>[,.;:!?)\n]|$)|(?P<word>\p{Ll}{1,20})(?![\p{L}\-])(?P<next>[ \t]{1,3}[\p{N}])?)")

# `monthless`: "on the 28th", "the afternoon of the 20th".
_THE_DAY = regex.compile(
    rf"(?<=(?<![\p{{L}}\p{{N}}])(?P<lead>[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|{_PART}{_BLANK}{{1,3}}of){_BLANK}{{1,3}}the{_BLANK}{{1,3}})"
    rf"(?P<day>{_DAY}){_SUFFIX}(?![\p{{L}}\p{{N}}\-])"
)
# A month the reader can take "the 28th" from: a month's name, "this month", a date in figures.
_MONTH_ANCHOR = regex.compile(
    r"(?<![\p{L}])(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=[ \t]+[\p{N}]))|[Mm]onths?)(?![\p{L}])"
    r"|(?<![\p{N}])(?:[\p{N}]{1,4}[./\-][\p{N}]{1,2}[./\-][\p{N}]{1,4}|[\p{N}]{1,2}/[\p{N}]{1,2})(?![\p{N}])"
)
# Counts an article may write "the 18th" for ("the 17th hole ... on the 18th").
_ORDINAL_COUNT = regex.compile(
    r"(?<![\p{L}\p{N}])[\p{N}]{1,3}(?:st|nd|rd|th)[ \t\-]+(?:holes?|floors?|stor(?:ey|y)|laps?|minutes?|innings?"
    r"|rounds?|stages?|days?|games?|matches|match|legs?|tees?|greens?|streets?|avenues?|place|seeds?|picks?|overs?)(?![\p{L}])",
    regex.IGNORECASE,
)
# Sports that count laps, holes and innings: "pitted on lap 12 and retired on the 28th" names no date.
_COUNTED_SPORT = regex.compile(r"(?<![\p{L}])(?i:laps?|holes?|innings?|birdies?|bogeys?|fairways?)(?![\p{L}])")
_DEICTIC_AFTER = regex.compile(r"[ \t]*,?[ \t]*(?i:today|yesterday|tomorrow|tonight)(?![\p{L}])")


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    if rule.options["form"] == "monthless":
        return _monthless
    titles = frozenset(t.rstrip(".").lower() for t in rule.options["titles"])
    bodies = frozenset(b.lower() for b in rule.options["bodies"])
    return lambda doc: _bare(doc, titles, bodies)


def ordinal(day: str) -> str:
    """The English ordinal of a day number ("3" -> "3rd")."""
    return day + ordinal_suffix(int(day))


def _day_hit(start: int, end: int, day: str, replacement: str | None = None) -> Hit:
    """A finding on a bare day, its message naming the ordinal English writes."""
    message = f"The day of the month (“{day}”) is left bare; English writes “on the {ordinal(day)}”."
    return Hit(start, end, (replacement,) if replacement else (), message=message)


def _closes(text: str, end: int, *, allow_and: bool = True) -> bool:
    """True when the day ending at `end` closes its phrase: a mark, or a function word that starts
    neither a range, a list, a month ("of") nor a play ("on 3rd down"), rather than the noun a count
    would go on to."""
    follow = _FOLLOWER.match(text, end)
    if follow is None:
        return False
    if follow.group("mark") is not None:
        return True
    word = follow.group("word")
    return (word in function_words() and word not in _NOT_CLOSING and follow.group("next") is None
            and (allow_and or word not in ("and", "or")))


def _bare(doc: Document, titles: frozenset[str], bodies: frozenset[str]) -> Iterator[Hit]:
    """The strong slots; the weak ones too once a strong one shows the article drops 日."""
    text = doc.text
    strong = [hit for hit in _strong(doc, titles, bodies) if not doc.in_heading(hit.start)]
    yield from strong
    if strong:
        yield from (hit for hit in _weak(text) if not doc.in_heading(hit.start))


def _strong(doc: Document, titles: frozenset[str], bodies: frozenset[str]) -> Iterator[Hit]:
    """Bare days in slots that only a date fills."""
    text = doc.text
    budget = timeout_for(text)
    for m in _CLOCK_DAY.finditer(text, timeout=budget):
        yield _day_hit(m.start(), m.end(), m["day"], f"{m['clock']} on the {ordinal(m['day'])}")
    for m in _DAY_PART.finditer(text, timeout=budget):
        if _closes(text, m.end()):
            prep = m["prep"]
            lead = ("On" if prep[0].isupper() else "on") if prep.lower() in ("in", "on") else prep
            early = m["early"] or ""
            yield _day_hit(m.start("prep"), m.end(), m["day"], f"{lead} the {early}{m['part']} of the {ordinal(m['day'])}")
    for m in _PART_OF_DAY.finditer(text, timeout=budget):
        if _closes(text, m.end()):
            yield _day_hit(m.start("part"), m.end(), m["day"], f"{m['part']} of the {ordinal(m['day'])}")
    for m in _ON_ORDINAL.finditer(text, timeout=budget):
        start = m.start("on")
        if _closes(text, m.end(), allow_and=False) and not doc.in_quote(start):
            yield _day_hit(start, m.end(), m["day"], f"{m['on']} the {ordinal(m['day'])}")
    for m in _ON_DAY.finditer(text, timeout=budget):
        start = m.start("on")
        verb = _word_before(text, start)
        opening = doc.is_sentence_start(start) and _LIST_COMMA.match(text, m.end())
        if opening or (verb in reporting_verbs() and _closes(text, m.end())):
            yield _day_hit(start, m.end(), m["day"], f"{m['on']} the {ordinal(m['day'])}")
    yield from _speaker_days(doc, titles, bodies)


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before `start`, or ""."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return before.group(1) if before else ""


def _speaker_days(doc: Document, titles: frozenset[str], bodies: frozenset[str]) -> Iterator[Hit]:
    """ "Gao Jun 22 said": a day number between a person's or a body's name and a reporting verb."""
    text = doc.text
    verbs = reporting_verbs()
    for m in _DAY_VERB.finditer(text, timeout=timeout_for(text)):
        if m["verb"] not in verbs:
            continue
        run, before = _name_run(text, m.start(), titles)
        if run:
            speaks = _is_body(run, bodies) or _is_person(doc, run, before, titles)
        else:  # "the ministry 22 said", "spokesman 22 said"
            speaks = before in bodies or before in titles
        if speaks and not _counted(doc, m.start()):
            yield _day_hit(m.start(), m.end("comma"), m["day"], f"on the {ordinal(m['day'])}")


def _counted(doc: Document, start: int) -> bool:
    """True when the sentence sets up a count before the number ("Of the 30 firms polled by the agency 12 said")."""
    sentence = doc.sentence_at(start)
    lead = doc.text[max(sentence.start if sentence else 0, start - 160) : start]
    return _COUNT_SETUP.search(lead) is not None


def _name_run(text: str, end: int, titles: frozenset[str]) -> tuple[list[str], str]:
    """The capitalised words (at most six, with "of", "and", "for" or "the" between them) right before
    `end`, and the word before them. A word with a full stop ends the run unless it is a title
    ("Mr.") or an initial: it closes the sentence before."""
    line_start = text.rfind("\n", max(0, end - 120), end) + 1  # a name does not run over a line break
    words = _SPLIT.split(text[max(line_start, end - 120) : end])
    words.pop()  # the empty string before the day number
    run: list[str] = []
    while words and len(run) < 6:
        word = words[-1]
        if _NAME_WORD.match(word):
            if word.endswith(".") and not _INITIAL.match(word) and word[:-1].lower() not in titles:
                break
        elif not (run and word in _CONNECTORS and len(words) > 1 and _NAME_WORD.match(words[-2])):
            break
        run.insert(0, words.pop())
    before = words[-1] if words else ""
    # A capitalised function word opens a sentence, it names nobody ("All 22 said", "Another 12 told").
    while run and run[0].lower() in function_words():
        before = run.pop(0)
    return run, before


def _is_body(run: list[str], bodies: frozenset[str]) -> bool:
    """True when the run names a body that speaks ("the Ministry of Commerce", "Xinhua News Agency")."""
    return any(word.lower() in bodies for word in run)


def _is_person(doc: Document, run: list[str], before: str, titles: frozenset[str]) -> bool:
    """True when the article's evidence makes the run a person's name, not "Channel 4" or "Apollo 11"."""
    titled = before.rstrip(".,").lower() in titles
    # A title inside the run ("Foreign Minister Wang Yi"): the name is what follows the last one.
    cut = max((i + 1 for i, w in enumerate(run) if w.rstrip(".").lower() in titles), default=0)
    names = run[cut:]
    titled = titled or cut > 0
    if not names or any(not word[0].isupper() for word in names):
        return False  # a title alone, or a name joined by "of" ("Head of State")
    last = names[-1].rstrip(".")
    if len(names) == 1 and (last in MONTHS or last in WEEKDAYS or last in _MONTH_SHORT):
        return False  # "In May 12 said", "on Jun 22 said": a date, not a name
    if " ".join(names) in lexicon.places() or last in lexicon.places() or last in lexicon.demonyms():
        return False  # "France 24 reported", "Hong Kong 7 said"
    if titled:
        return True
    if 2 <= len(names) <= 3 and (names[0] in chinese_families() or "-" in last):
        return True  # "Gao Jun", "Kim Min-ji": a family name and its given name
    if last.lower() in lexicon.lowercase_words() or last.isupper():
        return False  # "Channel 4", "Formula 1", "Apollo 11", "KTLA 5"
    return len(names) >= 2 or _speaks_elsewhere(doc, last)


def _speaks_elsewhere(doc: Document, name: str) -> bool:
    """True when the article uses the name as a speaker or a titled person elsewhere ("Kishida said", "Mr Kishida")."""
    known: dict[str, bool] = doc.shared("day-number-speakers", lambda _: {})
    if name not in known:
        known[name] = _speaker_in_lines(doc.text, name)
    return known[name]


def _speaker_in_lines(text: str, name: str) -> bool:
    """True when the article puts `name` right before a reporting verb or after Mr, Ms, Dr.

    Speed: only the lines that hold the name are scanned, not every capitalised word of the text. A
    _SPEAKER match never crosses a line break, so a scan from a line's start meets the very matches
    that a scan from the start of the text meets in that line."""
    verbs = reporting_verbs()
    budget = timeout_for(text)
    found = text.find(name)
    while found != -1:
        start = text.rfind("\n", 0, found) + 1
        end = text.find("\n", found)
        end = len(text) if end == -1 else end
        for m in _SPEAKER.finditer(text, start, end, timeout=budget):
            if m["name"] == name and (m["title"] is not None or m["verb"] in verbs):
                return True
        found = text.find(name, end)
    return False


def _weak(text: str) -> Iterator[Hit]:
    """Shapes that a day number explains only in an article that already drops 日."""
    budget = timeout_for(text)
    for m in _COMMA_DAY.finditer(text, timeout=budget):
        noun = m["noun"]
        if noun in _AGE_NOUNS or noun.endswith(_AGENT_ENDINGS) or noun in function_words():
            continue
        yield _day_hit(m.start("day"), m.end("day"), m["day"])  # where "on the 12th" goes depends on the verb
    for m in _ON_DAY.finditer(text, timeout=budget):
        start = m.start("on")
        verb = _word_before(text, start)
        follow = _FOLLOWER.match(text, m.end())
        if verb.endswith("ed") and verb not in reporting_verbs() and follow and follow["mark"] is not None:
            yield _day_hit(start, m.end(), m["day"], f"on the {ordinal(m['day'])}")


def _monthless(doc: Document) -> Iterator[Hit]:
    """ "on the 28th" in an article that names no month anywhere."""
    text = doc.text
    budget = timeout_for(text)
    # "the 28th" first: it opens on a digit and is rare, while the checks that clear the whole article
    # scan it for words; most articles have no "the 28th" to clear.
    days = list(_THE_DAY.finditer(text, timeout=budget))
    if not days:
        return
    if _ORDINAL_COUNT.search(text, timeout=budget) or _COUNTED_SPORT.search(text, timeout=budget):
        return  # "the 17th hole ... on the 18th": the article counts something else in ordinals
    if _MONTH_ANCHOR.search(text, timeout=budget):
        return  # a month anywhere may be the one meant ("met on the 12th ... in April")
    for m in days:
        start = m.start("lead")
        if doc.in_quote(start) or doc.in_heading(start):
            continue
        if not _closes(text, m.end()) or _DEICTIC_AFTER.match(text, m.end()):
            continue  # "the 28th floor"; "the 31st, today" is the bare-ordinal rule's
        yield Hit(start, m.end())
