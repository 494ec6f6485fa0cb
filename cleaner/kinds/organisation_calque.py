"""`organisation-calque`: a well-known organisation's name translated word by word or read from its characters.

An engine that meets the native name of a company, party, club or outlet often translates it by
meaning (小米 Xiaomi -> "Millet", 국민의힘 People Power Party -> "People's Power") or reads it in
pinyin ("Weilai Automobile" for NIO) instead of writing the English name the organisation uses. The
names and their renderings come from a documented table (rules/data/organisation-calques.yaml).

Precision comes from document evidence, graded by how ordinary the rendering is in English:
- a rendering of two or more words, capitalised as in the table, stands alone ("Weilai Automobile")
  unless the entry marks it `gated` (an ordinary phrase such as "People's Power");
- a rare single word ("Weilai", "Zhifubao") needs one of its sector's cue words (phone, shares,
  inning, party, ...) or the organisation's English name in the same paragraph;
- an ordinary English word ("Millet", "flush", "Citizens") or a gated phrase needs a sector cue in
  its sentence and a sign that it is used as a name: capitalised mid-sentence, directly followed by
  a corporate or sector word ("flush App", "Millet phones"), bare after a preposition or a verb of
  contact where English needs an article ("on flush", "applied it to Citizens"), or, capitalised and
  not a plural, followed by an organisation's act or a relative clause ("Millet announced", "Millet,
  which makes phones,": at a sentence start the capital is no sign).
An entry may also demand that the document name its country (`country`), and list words that,
next after the rendering, mark the ordinary sense (`unless-next`: "flush with cash").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import regex

from cleaner import compiled_cache, gazetteer, lexicon
from cleaner.buckets import BucketMap, pack_rows, unpack_rows
from cleaner.document import WORD, Document
from cleaner.kinds._support import OptionError, timeout_for
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, STRING, Option, Replacement

KIND = "organisation-calque"
OPTIONS = (
    Option("gazetteer", STRING, "The table of organisations (rules/data/NAME.yaml).", required=True),
    Option("common-zipf", NUMBER, "Zipf frequency from which a one-word rendering counts as an ordinary English word.", default=1.0),
)
REPLACEMENT = Replacement.COMPUTED
_CORPORATE = frozenset(
    "group inc inc. co co. corp corp. corporation company ltd ltd. limited holdings technology technologies "
    "motors auto automobile automotive electronics bank securities app apps platform brand brands shares stock "
    "stocks fans party team club fc daily news newspaper agency tv television channel store stores mall "
    "phone phones smartphone smartphones car cars ev evs airlines airways".split()
)
_BARE_BEFORE = frozenset(
    "on in at of from by with via through to against for and or versus vs vs. beat beats defeated "
    "called calls joined joins sued left quit backed backs named told tells led".split()
)
# A noun that describes an organisation right before its name: "smartphone maker Millet", "app flush".
_DESCRIPTORS = _CORPORATE | frozenset(
    "maker makers carmaker automaker rival rivals supplier broadcaster platform operator retailer lender "
    "insurer side outfit giant brand".split()
)
# Right after a rendering, what only a name takes: an organisation's own act ("Millet announced") or an
# appositive that describes it ("Millet, which makes phones,"): at a sentence start the capital says nothing.
_ACTS = regex.compile(
    r"[ \t]*(?:,[ \t]+(?:which|whose)[ \t]|[ \t](?:said|says|announced|announces|criticized|criticised|accused|"
    r"urged|demanded|denied|unveiled|launched|reported|posted|slammed|vowed|nominated|fielded)\b)"
)
_SPACE = r"[ \t]+"
_FREQUENT = 5.0  # first words this common in English are filed with the word after them
_CUE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.&-]*")


@dataclass(frozen=True)
class Rendering:
    """One rendering of an organisation's name, with what it needs as evidence."""

    text: str
    name: str
    cues: frozenset[str]
    country: tuple[str, ...]
    unless_next: frozenset[str]
    unless_after: frozenset[str]
    grade: str  # "alone" | "rare" | "common"


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Open the graded renderings, filed under their rarest word, from the compiled cache, and return the checker."""
    name = rule.options["gazetteer"]
    path = gazetteer.data_path(name, rule)
    common = float(rule.options["common-zipf"])
    # Grading and filing read the word frequencies for 1,000 renderings (about 15 ms): the result is kept
    # in the compiled cache, keyed by the table's file, the threshold and the frequency file. Keyed by the
    # file rather than its parsed content, a start reads neither the table nor the index's nested lists:
    # each is a BucketMap of packed strings, unpacked per word or rendering an article has.
    index = compiled_cache.derived(
        "organisation_calques_packed", [name, str(path), common],
        lambda: _index(gazetteer.load(name, rule), common), files=[path, lexicon.zipf_file()],
    )
    by_key = _Renderings(lambda: gazetteer.load(name, rule), BucketMap(index["renderings"]))
    anchors = _Anchors(BucketMap(index["forms"]), BucketMap(index["anchors"]))

    def check(doc: Document) -> Iterator[Hit]:
        seen = _Seen(doc)
        done = 0
        for match in _candidates(doc, anchors):
            if match.start() < done:
                continue
            key = " ".join(match.group().lower().split())
            found = next((r for r in by_key.get(key) if _evidenced(doc, seen, match, r)), None)
            if found:
                done = match.end()
                yield Hit(match.start(), match.end(), (found.name,),
                          message=f"“{match.group()}” looks like the name of {found.name} translated word by word.")

    return check


def _index(table: dict, common: float) -> dict:
    """The table as plain data, three BucketMaps' buckets: each rendering's entries and grades by its
    lower-case text; the anchor words by each way the text may write them; and per anchor word its
    renderings (longest first), the words beside it and its reach."""
    by_key = renderings(table, common)  # validates the table: the cached index is only ever of a valid one
    grades: dict[str, list[list[str]]] = {}
    for index, entry in enumerate(table["organisations"]):
        for text in entry["renderings"]:
            grade = next(r.grade for r in by_key[text.lower()] if r.name == entry["name"] and r.text == text)
            grades.setdefault(text.lower(), []).append([str(index), text, grade])
    by_anchor: dict[str, list[str]] = {}
    for text in sorted({r.text for found in by_key.values() for r in found}, key=lambda t: (-len(t), t)):
        by_anchor.setdefault(_anchor(text), []).append(text)
    forms: dict[str, list[list[str]]] = {}
    anchors: dict[str, str] = {}
    for anchor, group in by_anchor.items():
        (lower, title), odd = _forms(anchor, group)
        # How the article must write each form for it to count: as it stands (odd), or as the vocabulary files it.
        for form, how in (*((w, "odd") for w in odd), (lower, "lower"), (title, "title")):
            forms.setdefault(form, []).append([anchor, how])
        neighbours = _neighbours(anchor, group)
        reach, firsts = _reach(anchor, group)
        anchors[anchor] = pack_rows([group, *(neighbours or ([], [])), ["1" if neighbours else ""], [str(reach)], firsts])
    return {
        "renderings": BucketMap.build({key: pack_rows(rows) for key, rows in grades.items()}).buckets,
        "forms": BucketMap.build({form: pack_rows(rows) for form, rows in forms.items()}).buckets,
        "anchors": BucketMap.build(anchors).buckets,
    }


class _Renderings:
    """The renderings of a lower-case text, made into `Rendering`s when an article first has that text."""

    def __init__(self, table: Callable[[], dict], graded: BucketMap) -> None:
        self.table = table  # the parsed table, read only when an article has a rendering
        self.graded = graded
        self.made: dict[str, list[Rendering]] = {}

    def get(self, key: str) -> list[Rendering]:
        """The renderings written `key` (lower case, single spaces), or none."""
        if key not in self.made:
            packed = self.graded.get(key)
            rows = unpack_rows(packed) if packed is not None else ()
            self.made[key] = [_rendering(self.table(), int(index), text, grade) for index, text, grade in rows]
        return self.made[key]


class _Anchors:
    """The anchor words: which forms of the text stand for them, and each one's renderings, neighbours
    and reach, unpacked when an article first has the anchor."""

    def __init__(self, forms: BucketMap, anchors: BucketMap) -> None:
        self._forms = forms
        self._anchors = anchors
        self._seen_forms: dict[str, list[list[str]]] = {}
        self._made: dict[str, tuple] = {}
        self._patterns: dict[str, regex.Pattern[str]] = {}

    def of_form(self, form: str) -> list[list[str]]:
        """[anchor, how] of each anchor written `form`: "odd" as it stands, "lower" or "title" as the vocabulary files it."""
        found = self._seen_forms.get(form)
        if found is None:
            packed = self._forms.get(form)
            found = self._seen_forms[form] = [] if packed is None else unpack_rows(packed)
        return found

    def get(self, anchor: str) -> tuple:
        """(neighbours or None, (reach, first words)) of an anchor, as word sets."""
        if anchor not in self._made:
            _, before, after, bounded, reach, firsts = unpack_rows(self._anchors.get(anchor))  # type: ignore[arg-type]
            neighbours = (_words(before), _words(after)) if bounded[0] else None
            self._made[anchor] = (neighbours, (int(reach[0]), _words(firsts)))
        return self._made[anchor]

    def pattern(self, anchor: str) -> regex.Pattern[str]:
        """The anchor's renderings as one pattern, compiled when a text first has a place it could start."""
        if anchor not in self._patterns:
            self._patterns[anchor] = _compile(unpack_rows(self._anchors.get(anchor))[0])  # type: ignore[arg-type]
        return self._patterns[anchor]


def _words(row: list[str]) -> frozenset[str]:
    """A packed row of words as a set (an empty row unpacks as one empty field)."""
    return frozenset(word for word in row if word)


def _anchor(text: str) -> str:
    """A rendering's rarest word in lower case: the article must have it for the rendering to be there."""
    return min((w.lower() for w in text.split()), key=lambda w: (not w.isalpha(), lexicon.zipf(w), -len(w)))


def _forms(anchor: str, group: list[str]) -> tuple[tuple[str, str], tuple[str, ...]]:
    """How the anchor word may be written: (lower case, capitalised), and the spellings the vocabulary
    does not file (all capitals, inner capitals or marks as in the table: RIA, China-Japan), always looked for."""
    written = {w for text in group for w in text.split() if w.lower() == anchor}
    odd = {w for w in written if _odd(w)} | ({anchor.upper()} if any(_odd(w) for w in written) else set())
    return (anchor, anchor[:1].upper() + anchor[1:]), tuple(sorted(odd))


def _neighbours(anchor: str, group: list[str]) -> list[list[str]] | None:
    """The words right before and right after the anchor in the renderings filed under it, as the text may
    write them (None when one of them is the anchor alone): "Security Council" is passed over where only
    "State Council" is filed."""
    before: set[str] = set()
    after: set[str] = set()
    for text in group:
        words = text.split()
        if len(words) == 1:
            return None
        at = [w.lower() for w in words].index(anchor)
        before.update(words[at - 1 : at])
        after.update(words[at + 1 : at + 2])
    return [_cased(before), _cased(after)]


def _cased(words: set[str]) -> list[str]:
    """Words as the text may write them (as in the table, lower, capitalised, upper, each part of a
    hyphenated word capitalised), so the word stream is tested against them without lower()."""
    forms = set()
    for word in words:
        lower = word.lower()
        forms.update((word, lower, lower[:1].upper() + lower[1:], word.upper(),
                      "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))))
    return sorted(forms)


def _reach(anchor: str, group: list[str]) -> list:
    """How many characters at most come before the anchor word in the renderings filed under it, and
    the first words of those renderings as the word stream may write them."""
    reach = max(len(" ".join(text.split()[: [w.lower() for w in text.split()].index(anchor)])) + 1 for text in group)
    return [reach, _cased({first.group() for text in group if (first := WORD.match(text))})]


def _candidates(doc: Document, anchors: _Anchors) -> list[regex.Match[str]]:
    """Every rendering in the text, in order: the article's vocabulary tells which anchor words are there,
    one pass over the word stream finds them, a look at the words beside each drops most, and only
    then is the anchor's pattern tried around it."""
    vocabulary = doc.vocabulary
    wanted: dict[str, tuple[str, tuple | None, tuple]] = {}
    for form in doc.distinct_words:
        # A form of several anchors goes to the last that counts it, as when the anchors were walked in order.
        for anchor, how in anchors.of_form(form):
            if how == "odd" or form in (vocabulary.lower if how == "lower" else vocabulary.capitalised):
                wanted[form] = (anchor, *anchors.get(anchor))
    if not wanted:
        return []
    text, words, last = doc.text, doc.words, len(doc.words) - 1
    out: dict[int, regex.Match[str]] = {}
    for i in words.where(wanted):
        start, end, word = words[i]
        anchor, neighbours, (reach, firsts) = wanted[word]
        # the word before may come before the anchor in a rendering, or the word after follow it (inlined:
        # this runs once per anchor word of the text)
        if neighbours is not None and not ((i and words[i - 1][2] in neighbours[0])
                                           or (i < last and words[i + 1][2] in neighbours[1])):
            continue
        # A rendering starts at one of its first words at most `reach` characters (twice, for odd spacing)
        # before its anchor: the pattern is tried at those word starts only, not scanned over a window.
        j = i + 1
        while j > 0 and words[j - 1][0] >= start - 2 * reach:
            j -= 1
            if words[j][2] not in firsts:
                continue
            match = anchors.pattern(anchor).match(text, words[j][0], min(len(text), end + 80))
            previous = out.get(match.start()) if match else None
            if match and start < match.end() and (previous is None or previous.end() < match.end()):
                out[match.start()] = match
    return [out[k] for k in sorted(out)]


def _odd(word: str) -> bool:
    """A word the vocabulary does not file as plain lower-case or capitalised (China-Japan, RIA, Micro-Letter)."""
    return word not in (word.lower(), word[:1].upper() + word[1:].lower())


def _compile(texts: list[str]) -> regex.Pattern[str]:
    """The renderings as one case-blind pattern of whole words, longest first."""
    alternation = "|".join(_SPACE.join(map(regex.escape, t.split())) for t in texts)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_'’-])(?:{alternation})(?![\p{{L}}\p{{N}}_-]|['’]\p{{L}}{{2}})", regex.IGNORECASE)


def renderings(table: dict, common: float = 1.0) -> dict[str, list[Rendering]]:
    """Every rendering of the table by its lower-case text; one text may stand for organisations of different countries."""
    out: dict[str, list[Rendering]] = {}
    for index, entry in enumerate(table["organisations"]):
        name = entry.get("name")
        if not name or not entry.get("renderings"):
            raise OptionError("gazetteer", f"entry {entry!r} needs a name and renderings")
        gated = frozenset(entry.get("gated", ()))
        for text in entry["renderings"]:
            found = _rendering(table, index, text, _grade(text, gated, common))
            same = out.setdefault(text.lower(), [])
            if same and (not found.country or any(not r.country or r.country == found.country for r in same)):
                raise OptionError("gazetteer", f"rendering '{text}' is listed for {same[0].name} and {name} without distinct countries")
            same.append(found)
    return out


def _rendering(table: dict, index: int, text: str, grade: str) -> Rendering:
    """The rendering `text` of the table's index-th organisation, with the evidence its entry asks for."""
    entry = table["organisations"][index]
    name = entry["name"]
    keys = entry.get("sector", [])
    sectors = (frozenset(w.lower() for w in table["sectors"][k]) for k in ([keys] if isinstance(keys, str) else keys))
    cues = frozenset().union(*sectors, {name.lower()}, (c.lower() for c in entry.get("cues", ())))
    country = tuple(word for code in entry.get("country", ()) for word in table["countries"][code])
    return Rendering(text, name, cues, country, frozenset(w.lower() for w in entry.get("unless-next", ())),
                     frozenset(entry.get("unless-after", ())), grade)


def _grade(text: str, gated: frozenset[str], common: float) -> str:
    """How much evidence a rendering needs: several capitalised words stand alone, a rare word needs a cue."""
    if text in gated:
        return "common"
    if " " in text:
        return "alone"
    return "common" if lexicon.zipf(text) >= common else "rare"


def _evidenced(doc: Document, seen: "_Seen", match: regex.Match[str], found: Rendering) -> bool:
    """Whether the document shows that this rendering names the organisation (cheapest tests first)."""
    start = match.start()
    if found.grade != "alone" and doc.in_quote(start):
        return False
    if found.country and not seen.names_country(found.country):
        return False
    lower = not match.group()[:1].isupper()
    if not lower and _case_broken(match.group(), found.text):
        return False  # "Chinese airlines" is ordinary prose, "Chinese Airlines" a name
    cues = found.cues.difference(_CUE_WORD.findall(match.group().lower()))  # its own words are no evidence
    if (found.grade == "common" or (found.grade == "rare" or lower)) and not seen.cue(start, cues, found.grade != "common"):
        return False
    after = _next_word(doc.text, match.end())
    if after.lower().rstrip(".") in found.unless_next or _previous_word(doc.text, start) in found.unless_after:
        return False
    return found.grade != "common" or _named(doc, match, after)


def _case_broken(written: str, text: str) -> bool:
    """Whether every word the table capitalises after the first is written in lower case ("Korean aviation"):
    prose, not a name. One lower-case word inside a capitalised name ("United We can") is an engine's slip."""
    pairs = [(w, t) for w, t in list(zip(written.split(), text.split()))[1:] if t[:1].isupper()]
    return bool(pairs) and all(w[:1].islower() for w, _ in pairs)


def _named(doc: Document, match: regex.Match[str], after: str) -> bool:
    """Signs that an ordinary word stands as a name: a mid-sentence capital, a corporate word, a bare noun."""
    if match.group()[:1].isupper() and not doc.is_sentence_start(match.start()) and not doc.in_heading(match.start()):
        return True
    if after.lower().rstrip(".") in _CORPORATE or after.lower() in _CORPORATE:
        return True
    before = _previous_word(doc.text, match.start()).lower()
    if before in _BARE_BEFORE or before in _DESCRIPTORS:
        return True
    plural = " " not in match.group() and match.group().endswith("s")  # "Citizens said": people, not a party
    return match.group()[:1].isupper() and not plural and bool(_ACTS.match(doc.text, match.end(), match.end() + 12))


class _Seen:
    """What one document shows, worked out once per sentence, paragraph or country and reused (linear)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spans: dict[tuple[int, bool], frozenset[str]] = {}
        self.countries: dict[tuple[str, ...], bool] = {}

    def cue(self, offset: int, cues: frozenset[str], paragraph: bool) -> bool:
        """A cue word (or the organisation's English name) in the sentence or paragraph around the offset."""
        span = self.doc.paragraph_at(offset) if paragraph else self.doc.sentence_at(offset)
        if span is None:
            return False
        words = self.spans.get((span.start, paragraph))
        if words is None:
            found = _CUE_WORD.findall(self.doc.text[span.start : span.end].lower())
            words = self.spans[(span.start, paragraph)] = frozenset(found) | {w.rstrip(".") for w in found}
        return not cues.isdisjoint(words)

    def names_country(self, words: tuple[str, ...]) -> bool:
        """Whether the document names the country by one of its words (name, people, capital, leader), as written."""
        if words not in self.countries:
            self.countries[words] = any(self.doc.text.find(w) >= 0 for w in words)
        return self.countries[words]


def _next_word(text: str, end: int) -> str:
    """The word right after an offset, or ""."""
    found = regex.match(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}.]*)", text[end : end + 40])
    return found.group(1) if found else ""


def _previous_word(text: str, start: int) -> str:
    """The word right before an offset, or ""."""
    found = regex.search(r"([\p{L}\p{N}][\p{L}\p{N}.]*)[ \t]+$", text[max(0, start - 40) : start])
    return found.group(1) if found else ""
