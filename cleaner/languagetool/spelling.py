"""Name-aware spelling: which of LanguageTool's spelling matches have evidence of a real error.

LanguageTool's spelling rule knows few foreign names, so on news it flags "Nishimura" and
"Kahramanmaraş" as often as a garbled "Aldograph Redley". A match on a capitalised word is kept
only with evidence that it is wrong:
  - the article spells a close variant of it otherwise, more often (the rarer spelling is flagged);
  - it is two words glued together ("TajikistanThe");
  - it is far from every name in the gazetteers and stands where a name would not: at the start
    of a sentence, alone (not in a run of capitalised words, not before a reporting verb).
A match on a lower-case word is kept, unless the word is only spelt the other variant's way
("colour" in en-US, "color" in en-GB): a variant spelling is never a finding.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cleaner import gazetteer, lexicon, names
from cleaner.document import Document
from cleaner.model import Finding

# The spelling rules of LanguageTool's English variants (MORFOLOGIK_RULE_EN_US, ..._EN_GB, ...).
SPELLING_RULE_PREFIX = "LT:MORFOLOGIK_RULE_"
_MIN_VARIANT_ZIPF = 1.0  # a variant spelling is a word English writers really use
_POSSESSIVE = re.compile(r"['’]s?$")
# Glued words ("TajikistanThe"), not a Mc/Mac/De/La name ("McDonald", "MacKenzie", "DeSantis").
_CAMEL_JOIN = regex.compile(r"\p{Ll}{3}\p{Lu}")
# Words English borrows whole: reduplications ("ylang-ylang", "tuk-tuk") and the Latin of species
# names ("arum maculatum", "helianthemum"), which no English dictionary lists in full.
_REDUPLICATED = regex.compile(r"^(\p{L}+)-\1$")
_SCIENTIFIC_LATIN = regex.compile(r"^\p{Ll}{4,}(?:um|us|ae|ii|ia|os)$")
_APOSTROPHES = regex.compile(r"[’ʼ‘`´]")
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
# A lower-case particle before a capitalised name: "al-Saleh", "d'Alema", "van-Dijk".
_NAME_PARTICLE = regex.compile(r"^\p{Ll}+['’-]\p{Lu}")
# Latin letters with diacritics mark a foreign word or name ("Şimşek", "hōshin"); a Cyrillic or Greek
# letter inside a Latin word is a look-alike left by a conversion ("аs"), which stays a finding.
_FOREIGN_LETTER = regex.compile(r"[^\p{ASCII}\P{Script=Latin}]")
_MIXED_SCRIPT = regex.compile(r"(?=.*\p{Script=Latin})(?=.*[\p{Script=Cyrillic}\p{Script=Greek}])")
# Prefixes that make a closed compound of a known word ("neofascist", "overrepresentation").
_PREFIXES = ("anti", "co", "counter", "de", "hyper", "inter", "mega", "micro", "multi", "neo", "non",
             "over", "post", "pre", "pro", "re", "semi", "sub", "super", "ultra", "under")
# Words that end no name, so a capitalised word ending in one is two words run together ("Salviniwhich").
_GLUED_TAILS = frozenset({"which", "with", "that", "from", "after", "should", "would", "could", "were",
                          "have", "this", "their", "when", "where", "while", "also", "said", "will"})
_MIN_PART_ZIPF = 3.0  # a part of a compound is a word writers use

# Spelling differences between English variants, applied to both words of a pair: two words are
# variants when they differ but agree after the rewrite (colour/color, centre/center, defence/defense,
# travelled/traveled, organise/organize, analyse/analyze, catalogue/catalog, paediatric/pediatric).
_VARIANT_REWRITES = (
    (re.compile(r"is(?=e|es|ed|ing|ation|ations|er|ers)"), "iz"),
    (re.compile(r"ys(?=e|es|ed|ing|er|ers)"), "yz"),
    (re.compile(r"our"), "or"),
    (re.compile(r"(?<=[tb])red$"), "ered"),
    (re.compile(r"(?<=[^aeiou])re(?=s?$)"), "er"),
    (re.compile(r"ll(?=ed$|ing$|er$|ers$|or$|ors$|ation$|ment$|ments$|ful$|y$)"), "l"),
    (re.compile(r"^(fulfi|enro|insti|disti)ll(?=s?$)"), r"\1l"),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"ence(?=s?$)"), "ense"),
    (re.compile(r"ae|oe"), "e"),
    (re.compile(r"mme(?=s?$)"), "m"),
    (re.compile(r"dgement"), "dgment"),
    (re.compile(r"geing"), "ging"),
)
# Pairs no rewrite covers; each side maps to one key.
_VARIANT_WORDS = {
    "grey": "gray", "tyre": "tire", "kerb": "curb", "cheque": "check", "aluminium": "aluminum",
    "plough": "plow", "jewellery": "jewelry", "mould": "mold", "sceptic": "skeptic",
    "sceptical": "skeptical", "pyjamas": "pajamas", "storey": "story", "draught": "draft",
    "moustache": "mustache", "cosy": "cozy", "artefact": "artifact", "sulphur": "sulfur",
    "practise": "practice", "practised": "practiced", "doughnut": "donut", "manoeuvre": "maneuver",
}


def variant_key(word: str) -> str:
    """Return a spelling key shared by a word's British and American spellings."""
    key = word.lower().replace("’", "'")
    for british, american in _VARIANT_WORDS.items():
        if key.startswith(british):  # with its inflections: ploughed, tyres
            key = american + key[len(british) :]
            break
    for pattern, replacement in _VARIANT_REWRITES:
        key = pattern.sub(replacement, key)
    return key


def is_variant_spelling(word: str, replacements: Iterable[str]) -> bool:
    """True when a suggested replacement is the other variant's spelling of `word` and one of them is a known word."""
    key = variant_key(word)
    known = lexicon.zipf(word) >= _MIN_VARIANT_ZIPF
    return any(
        r.lower() != word.lower() and variant_key(r) == key and (known or lexicon.zipf(r) >= _MIN_VARIANT_ZIPF)
        for r in replacements
    )


@functools.lru_cache(maxsize=1)
def _gazetteer_names() -> tuple[str, ...]:
    """Names the packaged tables know, lower-cased: places, dictionary proper words, surnames, public figures."""
    names = {n.lower() for n in lexicon.places() if " " not in n}
    names.update(n.lower() for n in lexicon.proper_words() if n[:1].isupper())
    names.update(str(n).lower() for n in gazetteer.load("surnames"))
    names.update(part.lower() for person in lexicon.people() for part in person.name.split() if len(part) > 2)
    return tuple(sorted(names))


@functools.lru_cache(maxsize=4096)
def near_known_name(word: str, max_distance: int = 2) -> bool:
    """True when `word` is within `max_distance` edits of a name in the gazetteers."""
    found = process.extractOne(
        word.lower(), _gazetteer_names(), scorer=Levenshtein.distance, score_cutoff=max_distance
    )
    return found is not None


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Closed-class English words (rules/data/function-words.yaml)."""
    return frozenset(str(w) for words in gazetteer.load("function-words").values() for w in words)


def is_compound(word: str) -> bool:
    """True for a closed compound of two content words or a prefix and a word ("airwaves", "neofascist").

    Two words where one is a function word are glued words instead ("inthe", "teamand").
    """
    parts = [p for p in re.split(r"[-’']", word.lower()) if p]
    if len(parts) > 1:
        return all(lexicon.zipf(p) >= _MIN_PART_ZIPF or p in _PREFIXES for p in parts)
    for cut in range(2, len(word) - 2):
        head, tail = word[:cut].lower(), word[cut:].lower()
        if tail in function_words() or lexicon.zipf(tail) < _MIN_PART_ZIPF:
            continue
        if head in _PREFIXES:
            return True
        if len(head) >= 3 and head not in function_words() and lexicon.zipf(head) >= _MIN_PART_ZIPF:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    """Reporting verbs that follow a speaker's name ("Nishimura said")."""
    data = gazetteer.load("reporting-verbs")
    return frozenset(str(v) for key in ("past", "present") for v in data.get(key, ()))


class SpellingJudge:
    """Decides, for one document, whether a LanguageTool spelling match has evidence of an error."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        bare = [_POSSESSIVE.sub("", w.text) for w in doc.words]
        self._counts = Counter(w for w in bare if w[:1].isupper())
        self._folded = Counter(w.lower() for w in bare)

    def keep(self, finding: Finding) -> bool:
        """True when the match should be reported (lower-case word, or a capitalised one with evidence)."""
        word = finding.text
        if _FOREIGN_LETTER.search(word) and not _MIXED_SCRIPT.search(word):
            return False  # "Şimşek", "sélections": a foreign word or name, written correctly
        if not word[:1].isupper() and not _NAME_PARTICLE.search(word):
            if _INNER_CAPITAL.search(word):
                return True  # "protestersMoscow": glued words
            if self.inside_a_name(finding.start, finding.end):
                return False  # "Coalition avenir Québec": a foreign word of a name
            return not (is_compound(word) or _REDUPLICATED.match(word) or _SCIENTIFIC_LATIN.search(word))
        if self.glued(word) or self.has_rarer_variant(word):
            return True
        if word.isupper() or self._folded[word.lower()] > 1:
            return False  # an acronym, or a name the article spells the same way each time
        return not near_known_name(word) and not self.in_name_position(finding.start, finding.end)

    def glued(self, word: str) -> bool:
        """True for two words run together: "TajikistanThe", or a name of this article and a word ("Meloniand")."""
        join = _CAMEL_JOIN.search(word)
        if join and word[join.start() + 3 :].lower() in function_words():
            return True
        for cut in range(3, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if not tail.islower():
                continue
            if tail in _GLUED_TAILS or (self._counts[head] and (tail in function_words() or lexicon.zipf(tail) >= 4.5)):
                return True
        return False

    def has_rarer_variant(self, word: str) -> bool:
        """True when the article spells a variant of the name `word` (cleaner.names.is_variant) at least as often."""
        mine = self._counts[word]
        return any(
            count >= mine and other[0] == word[0] and names.is_variant(word, other)
            for other, count in self._counts.items()
            if other.lower() != word.lower()  # BUSAN in a dateline is Busan, not a variant
        )

    def inside_a_name(self, start: int, end: int) -> bool:
        """True for a word between two capitalised words, each a single space away."""
        text = self.doc.text
        before = regex.search(r"\p{Lu}[\p{L}’'-]* $", text[max(0, start - 40) : start])
        after = regex.match(r" \p{Lu}", text[end : end + 2])
        return bool(before and after)

    def in_name_position(self, start: int, end: int) -> bool:
        """True where a name would stand: mid-sentence, in a run of capitals, or before a reporting verb."""
        doc = self.doc
        if not doc.is_sentence_start(start) or doc.in_heading(start):
            return True
        index = doc.word_index(start)
        words = doc.words
        if index + 1 < len(words):
            following = words[index + 1]
            between = doc.text[end : following.start]
            if not between.strip() and following.text[:1].isupper():
                return True  # the first word of a run of capitalised words
            if not between.strip() and following.text in _reporting_verbs():
                return True
        return doc.text[end : end + 2] in ("'s", "’s")


def keep_spelling(finding: Finding, judge: SpellingJudge) -> bool:
    """True unless the finding is a variant spelling, or a spelling match on a name without evidence."""
    if is_variant_spelling(finding.text, finding.replacements):
        return False
    if _APOSTROPHES.sub("'", finding.text) in finding.replacements:
        return False  # "oʼclock": a typographic apostrophe, not a spelling
    if not finding.code.startswith(SPELLING_RULE_PREFIX):
        return True
    return judge.keep(finding)
