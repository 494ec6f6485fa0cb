"""The evidence name rules weigh: where each spelling stands, how often, and what the tables know.

`NameIndex` indexes a document's name mentions once: every run of one to three name words with its
spans, the name words worth comparing, and the other name words each one stands beside.
`PersonContext` finds the names that stand in a person context. `report` turns groups of
spellings into hits that mark the doubtful spelling and name the line of the likely right one.
"""

from __future__ import annotations

import bisect
from array import array
from typing import Iterable, Iterator, Mapping

import regex

from cleaner import lexicon
from cleaner import names as nm
from cleaner.document import Document
from cleaner.kinds._sino_reading import _pinyin_syllables
from cleaner.model import Hit

_MAX_WORDS = 3
_FOLLOWS_SAID = regex.compile(r",?[ \t]+(?:said|says|told|added)\b|,[ \t]+(?:a|an|the|who)\b")
_FOLLOWS_BIO = regex.compile(r"[ \t]+is[ \t]+(?:a|an|the)\b")
_LEADS = frozenset({"said", "says", "by"})
_LONGEST_RUN = 8
_SINGLED = regex.compile(r"(.)\1+")  # a doubled letter dropped (Quintanilla / Quintanila) is a letter lost
_CO_LIMIT = 64  # enough neighbours to tell two people apart; bounds memory on long lists of names
_REASONS = (
    "the spelling of a listed public figure or place",
    "the fuller spelling; a round trip drops letters rather than adding them",
    "used {count} times",
    "the more common spelling in English text",
    "in running text; a standalone line such as a byline is translated without context",
)


def known_names() -> frozenset[str]:
    """Full and family names of the public figures the packaged table lists."""
    return frozenset(n for p in lexicon.people() for n in (p.name, p.family))


class NameIndex:
    """Spans of every run of one to three name words, and the comparable name units."""

    def __init__(self, doc: Document, skip: Iterable[str], known: frozenset[str] = frozenset(),
                 titles: Iterable[str] = ()) -> None:
        self.doc = doc
        self._titles = frozenset(titles)  # skipped, but a title ("Judge Anna Fischer") leaves a run personal
        self.known = known
        self.spans = Spans()
        self._units: set[str] = set()
        self._beside: dict[str, set[str]] = {}
        self._people_beside: dict[str, set[str]] = {}  # the same, from runs with no place or institution word
        skip = frozenset(skip)
        for mention in nm.mentions(doc):
            self._add(mention, skip)

    def _add(self, mention: nm.Mention, skip: frozenset[str]) -> None:
        words = mention.words
        if len(words) > _LONGEST_RUN:
            return  # a long run of capitals is a headline or a list, not a name
        texts, add = mention.texts, self.spans.add  # texts kept by the mention: no generator joined per sub-run
        for word in words:  # one-word runs need no join
            add(word.text, word.start, word.end)
        for size in range(2, _MAX_WORDS + 1):
            for i in range(len(words) - size + 1):
                add(" ".join(texts[i : i + size]), words[i].start, words[i + size - 1].end)
        if self._foreign_name(mention):
            return  # "Coalition avenir Québec": a foreign-language name keeps its own spelling
        company = [text for text in texts if text not in skip]
        names = [w for w in company if not nm.is_common(w)]
        # "Rygoku Sumo Hall" names a place: its words tell no people apart; a title word does not make a place.
        personal = all(text in self._titles or text not in skip for text in texts)
        folded = [(text, nm.fold(text)) for text in company]  # folded once per mention, not once per name word
        for word in names:
            key = nm.fold(word)
            if len(key) >= 4:
                self._units.add(word)
                others = [fold for text, fold in folded if text != word]
                beside = self._beside.setdefault(key, set())
                if len(beside) < _CO_LIMIT:
                    beside.update(others)
                people = self._people_beside.setdefault(key, set())
                if personal and len(people) < _CO_LIMIT:
                    people.update(others)
        for a, b in zip(words, words[1:]):
            if a.text not in skip and b.text not in skip and (a.text in names or b.text in names):
                self._units.add(f"{a.text} {b.text}")

    def _foreign_name(self, mention: nm.Mention) -> bool:
        """True when a lower-case word English does not know stands right beside the mention."""
        words, i = self.doc.words, self.doc.word_index(mention.start)
        after = i + len(mention.texts)
        # The word before can only touch the mention's start, the word after only its end.
        before_touches = i >= 1 and words.ends[i - 1] + 1 == mention.start
        after_touches = after < len(words) and words.starts[after] == mention.end + 1
        return (before_touches and _unknown_lower(words.texts[i - 1])) or (after_touches and _unknown_lower(words.texts[after]))

    def units(self) -> set[str]:
        """Name words and pairs of adjacent name words worth comparing strictly."""
        return self._units

    def may_be_one(self, a: str, b: str) -> bool:
        """False when the evidence says two spellings are two names: both known, or different company."""
        left, right = a.split(), b.split()
        if len(left) == len(right):
            differ = [(x, y) for x, y in zip(left, right) if x != y]
            if all(self._both_listed(x, y) for x, y in differ) and not self._accent_dropped_once(a, b):
                return False  # Québec / Quebec: the tables list both spellings
            if any(nm.fold(x) != nm.fold(y) and nm.is_known(x) and nm.is_known(y) and not _one_word_two_spellings(x, y)
                   and not (len(left) == 1 and familiar_swap(x, y)) for x, y in differ):
                return False  # Iran / Iraq, Daniel / Danielle: two real names
        if len(left) == len(right) == 1:
            return not self._different_company(nm.fold(a), nm.fold(b))
        return True

    def _accent_dropped_once(self, a: str, b: str) -> bool:
        """One accented spelling used at least twice and its bare form only once: an engine's slip,
        not the article's choice between two listed spellings (Valparaíso, Valparaíso ... Valparaiso)."""
        accented, bare = (a, b) if b.isascii() else (b, a)
        if accented.isascii() or not bare.isascii() or self.count(bare) != 1:
            return False
        # Only mentions standing alone count: "Coalition Avenir Québec" keeps the party's own spelling.
        return sum(1 for start, end in self.spans.get(accented, ()) if self.alone_at(start, end)) >= 2

    def alone_at(self, start: int, end: int) -> bool:
        """True when no capitalised word touches the mention on either side."""
        before = self.doc.text[max(0, start - 40) : start].split()
        after = self.doc.text[end : end + 40].split()
        return not (before and before[-1][:1].isupper()) and not (after and after[0][:1].isupper())

    def _both_listed(self, x: str, y: str) -> bool:
        return nm.fold(x) == nm.fold(y) and all(n in lexicon.places() or n in self.known for n in (x, y))

    def _different_company(self, a: str, b: str) -> bool:
        """Both words always stand beside other names, and none of those agree: two people. Only runs
        with no place or institution word count ("Rygoku Sumo Hall" beside "Ryogoku Kokugikan" is one hall)."""
        near_a, near_b = self._people_beside.get(a, set()), self._people_beside.get(b, set())
        if not near_a or not near_b or near_a & near_b:
            return False
        if len(near_a) * len(near_b) > _CO_LIMIT:
            return True  # many different neighbours and none shared: two people
        return not any(nm.is_variant(x, y) for x in near_a for y in near_b)

    def alone(self, word: str) -> bool:
        """True when the name word never stands beside another name word (no given name: "said Zakharov")."""
        return not self._beside.get(nm.fold(word))

    def count(self, name: str) -> int:
        """How often the exact spelling occurs as name words."""
        return self.spans.count(name)

    def in_running_text(self, name: str) -> bool:
        """True when some occurrence stands outside a headline-like line (byline, headline)."""
        return any(not self.doc.in_heading(start) for start, _ in self.spans.get(name, ()))


class Spans(Mapping[str, list[tuple[int, int]]]):
    """Each run of name words -> its (start, end) spans in order; a name's offsets are kept in one array
    (8 bytes a span, not a tuple and two ints of about 90) and paired when a rule reads them."""

    __slots__ = ("_at",)

    def __init__(self) -> None:
        self._at: dict[str, array] = {}

    def add(self, name: str, start: int, end: int) -> None:
        """Record one more span of `name`."""
        at = self._at.get(name)
        if at is None:
            at = self._at[name] = array("I")
        at.append(start)
        at.append(end)

    def count(self, name: str) -> int:
        """How many spans `name` has."""
        at = self._at.get(name)
        return 0 if at is None else len(at) // 2

    def __getitem__(self, name: str) -> list[tuple[int, int]]:
        at = self._at[name]
        return list(zip(at[::2], at[1::2]))

    def __contains__(self, name: object) -> bool:
        return name in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


def _one_word_two_spellings(x: str, y: str) -> bool:
    """Two dictionary spellings of one title word, a letter apart, before the same name (Sheik / Sheikh
    Hasina): the table knows both words, but they are one word spelled two ways, not two people."""
    lx, ly = x.lower(), y.lower()
    words = lexicon.lowercase_words()
    return lx in words and ly in words and abs(len(lx) - len(ly)) == 1 and (lx.startswith(ly) or ly.startswith(lx))


_VOWELS = frozenset("aeiouy")


_DIGRAPH_SLIPS = frozenset({"sch"})  # the dropped letter is the middle one: German sch, English sh


def familiar_swap(x: str, y: str) -> bool:
    """Two real family names one vowel apart (Scholz / Schulz) or one letter of a German sch apart
    (Schubert / Shubert), five letters or more, one far more common in English: an engine's language
    model trades the rare name for the familiar one."""
    a, b = nm.fold(x), nm.fold(y)
    if len(a) < 5 or len(b) < 5 or not x.isalpha() or not y.isalpha():
        return False
    if not (_one_vowel_apart(a, b) or _digraph_apart(a, b)):
        return False
    if not (nm.is_known(x) and nm.is_known(y)) or _pinyin_syllables(x) is not None or _pinyin_syllables(y) is not None:
        return False  # a misspelling is no real name; Zhang / Zheng are two pinyin surnames
    return abs(lexicon.zipf(x) - lexicon.zipf(y)) >= 0.5 and min(lexicon.zipf(x), lexicon.zipf(y)) < 3.0


def _one_vowel_apart(a: str, b: str) -> bool:
    """Two spellings of one length that differ in one vowel (Scholz / Schulz)."""
    differ = [(p, q) for p, q in zip(a, b) if p != q] if len(a) == len(b) else []
    return len(differ) == 1 and set(differ[0]) <= _VOWELS


def _digraph_apart(a: str, b: str) -> bool:
    """Two spellings one letter apart inside a German/English digraph the transliteration table makes
    equal (Schubert / Shubert: sch / sh), the first letter kept: the same name spelled the familiar way."""
    if abs(len(a) - len(b)) != 1 or a[0] != b[0]:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    cut = next((i for i, (p, q) in enumerate(zip(longer, shorter)) if p != q), len(shorter))
    return longer[:cut] + longer[cut + 1 :] == shorter and longer[max(0, cut - 1) : cut + 2] in _DIGRAPH_SLIPS


def _unknown_lower(text: str) -> bool:
    """A lower-case word of three letters or more that English does not know."""
    return text.islower() and len(text) >= 3 and lexicon.zipf(text) == 0


class PersonContext:
    """Finds names in person contexts: bylines, bios, titles and attributions."""

    def __init__(self, titles: Iterable[str]) -> None:
        self.words = frozenset(w for t in titles for w in t.replace(".", "").split())
        self._lower_leads = _LEADS | {t for t in titles if t.islower()}

    def person_names(self, doc: Document, index: NameIndex, stop: frozenset[str]) -> set[str]:
        """Two- or three-word names that stand in a person context."""
        found: set[str] = set()
        for mention in nm.mentions(doc):
            words = list(mention.texts)
            titled = False
            while words and (words[0].rstrip(".") in self.words or words[0] in lexicon.demonyms()):
                words.pop(0)
                titled = True
            while words and words[-1].rstrip(".") in ("Jr", "Sr"):
                words.pop()
            if not 2 <= len(words) <= _MAX_WORDS or stop.intersection(words):
                continue
            if titled or self._in_context(doc, mention):
                found.add(" ".join(words))
        return {n for n in found if n in index.spans}

    def _in_context(self, doc: Document, mention: nm.Mention) -> bool:
        text = doc.text
        para = doc.paragraph_at(mention.start)
        if para is not None and (para.start, para.end) == (mention.start, mention.end):
            return True  # a byline: the name alone on its line
        before = text[max(0, mention.start - 20) : mention.start].split()
        if before and before[-1] in self._lower_leads:
            return True
        after = text[mention.end : mention.end + 20]
        if _FOLLOWS_SAID.match(after):
            return True
        return mention.sentence_start and bool(_FOLLOWS_BIO.match(after))


def _evidence(index: NameIndex, name: str, known: frozenset[str], group: set[str], accents_only: bool = False) -> tuple:
    """What speaks for a spelling, strongest first (compared as a tuple).

    When two spellings differ only in accents, the tables do not overrule the count (they often drop
    accents), but they break a tie ("Erdogan"); then the accented spelling, which carries more, is kept.
    Before the count, a spelling that runs two name words together ("ThanhLong") loses to the one that
    writes them apart ("Thanh Long"): a line wrap loses a space, it never adds one inside a name.
    A spelling that holds another one whole plus a letter or two (Ohtani / Otani, Zhyvytskyi /
    Zhyvytsky) is the fuller one: transliteration on a round trip loses letters (long vowels, a
    closing -i, a feminine -a) far more often than it invents them.
    """
    spans = index.spans.get(name, [(0, 0)])
    listed = name in known or name in lexicon.places()
    if accents_only:
        return (not _run_together(name, group), index.count(name), listed, not name.isascii(),
                index.in_running_text(name), -spans[0][0])
    if len(group) == 2 and familiar_swap(*group):
        # Both real names: the rarer one is what the writer chose; the engine drifts to the familiar one.
        return (listed, False, -lexicon.zipf(name), index.count(name), index.in_running_text(name), -spans[0][0])
    return (
        listed,
        any(_holds(name, other) for other in group if other != name),
        index.count(name),
        round(sum(lexicon.zipf(w) for w in name.split()), 1),
        index.in_running_text(name),
        -spans[0][0],
    )


# A word that joins two name words with an inner capital ("ThanhLong"); the first part may not be a
# prefix that Western names glue on by custom (McAllister, DeSantis, LaGuardia, O'Neill: "OConnor").
_INNER_CAPITAL = regex.compile(r"(?P<head>\p{Lu}\p{Ll}+)\p{Lu}\p{Ll}")
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Le La Lo St Fitz Del Della Des".split())


def _run_together(name: str, group: set[str]) -> bool:
    """True when the spelling runs together two name words that another spelling of the group writes
    apart ("Nguyen ThanhLong" beside "Nguyen Thanh Long"): a space lost at a line wrap, so the spaced
    spelling is kept. A joined word English or the tables know (LeBron, YouTube) is a spelling of its own."""
    spaced = [other for other in group if other.count(" ") > name.count(" ")
              and other.replace(" ", "") == name.replace(" ", "")]
    if not spaced:
        return False
    for word in name.split():
        match = _INNER_CAPITAL.match(word)
        if match and match.group("head") not in _NAME_PREFIXES and not nm.is_known(word):
            return True
    return False


def report(
    doc: Document, index: NameIndex, groups: list[set[str]], known: frozenset[str] = frozenset()
) -> Iterator[Hit]:
    """Report the doubtful spellings of each group; larger names first, never inside one reported."""
    covered: list[tuple[int, int]] = []
    decided: set[str] = set()
    verdicts: dict[str, str] = {}  # a doubtful word of a judged full name -> the word kept there
    ordered = sorted(groups, key=lambda g: (-max(len(n.split()) for n in g), min(g)))
    for group in ordered:
        words = {w for n in group for w in n.split()}
        if words <= decided:
            # "Jae-myung" / "Jae-myeong" were judged with "Lee Jae-myung" / "Lee Jae-myeong": the lone
            # mentions of the doubtful word ("Otani said" beside "Shohei Ohtani") take that verdict.
            yield from _inherit(doc, index, group, verdicts, covered)
            continue
        decided |= words
        accents_only = len({nm.fold(n) for n in group}) == 1
        scored = {n: _evidence(index, n, known, group, accents_only) for n in group}
        keep = max(group, key=lambda n: scored[n])
        keep_line = doc.line_col(index.spans[keep][0][0])[0]
        for name in sorted(group - {keep}):
            _record(verdicts, name, keep)
            message = (f"“{name}” is written “{keep}” elsewhere in the article (line {keep_line}); use one spelling."
                       if accents_only else _message(name, keep, keep_line, scored[keep], scored[name], index.count(keep)))
            if not accents_only and len(group) == 2 and familiar_swap(name, keep):
                message = (f"“{name}” may be a familiar name put for the rarer “{keep}” (line {keep_line}), "
                           f"{'one vowel' if len(name) == len(keep) else 'one letter'} apart; check which is right and use one spelling.")
            for start, end in index.spans.get(name, ()):
                if not _inside(covered, start, end):
                    bisect.insort(covered, (start, end))
                    yield Hit(start, end, (keep,), message=message)


def _record(verdicts: dict[str, str], name: str, keep: str) -> None:
    """Remember, word by word, which spelling a judged name kept (same word count only)."""
    left, right = name.split(), keep.split()
    if len(left) == len(right) > 1:
        for x, y in zip(left, right):
            if x != y:
                verdicts.setdefault(x, y)


def _inherit(
    doc: Document, index: NameIndex, group: set[str], verdicts: dict[str, str], covered: list[tuple[int, int]]
) -> Iterator[Hit]:
    """Report a one-word spelling judged doubtful inside a full name, where it stands alone."""
    for name in sorted(group):
        keep = verdicts.get(name)
        if keep is None or keep not in group or verdicts.get(keep) is not None:
            continue  # judged both ways by two full names: no verdict to inherit
        keep_line = doc.line_col(index.spans[keep][0][0])[0]
        message = f"“{name}” is written “{keep}” in the same person’s full name elsewhere (line {keep_line}); use one spelling."
        for start, end in index.spans.get(name, ()):
            if not _opens_quote(doc.text, start) and not _inside(covered, start, end):
                bisect.insort(covered, (start, end))
                yield Hit(start, end, (keep,), message=message)


def _opens_quote(text: str, start: int) -> bool:
    """True when the name opens a quotation: a quoted tag or title (“Otani home run”) keeps its own form."""
    return start > 0 and text[start - 1] in "“\"«「『"


def _inside(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(covered, (start, float("inf"))) - 1
    return i >= 0 and covered[i][0] <= start and end <= covered[i][1]


def _holds(longer: str, shorter: str) -> bool:
    """True when `shorter` is `longer` with one or two letters left out (same word count)."""
    a, b = nm.fold(longer), nm.fold(shorter)
    if not 0 < len(a) - len(b) <= 2 or len(longer.split()) != len(shorter.split()):
        return False
    if not a.startswith(b) and _SINGLED.sub(r"\1", a) != _SINGLED.sub(r"\1", b) and nm.one_sound(a, b):
        return False  # Navbakhor / Navbahor: a transliteration digraph, not a letter lost on a round trip
    rest = iter(a)
    return all(ch in rest for ch in b)


def _message(name: str, keep: str, line: int, best: tuple, other: tuple, count: int) -> str:
    decided = next((i for i in range(len(_REASONS)) if best[i] != other[i]), None)
    if decided is None:
        return f"“{name}” and “{keep}” (line {line}) look like two spellings of one name; check which is right."
    reason = _REASONS[decided].format(count=count)
    return f"“{name}” may be a garbled spelling of “{keep}” (line {line}: {reason})."
