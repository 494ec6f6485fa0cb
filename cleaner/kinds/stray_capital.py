"""`stray-capital`: a capital letter mid-sentence on a word that is not part of a name or a title.

Translation engines carry capitals over from segment starts, source-language title case and
lost formatting ("when Both parties", "the bureau notes in its Weekly bulletin"). A capital is
judged by evidence, never by a list of observed strings:

- `form: function-word`: a closed-class word (article, preposition, pronoun, auxiliary ...; see
  rules/data/function-words.yaml) capitalised mid-sentence. Skipped where it starts or sits inside a
  run of capitalised words that contains a content word (a title or name: "The Hague", "Gone With the
  Wind"), except before a date ("Strategy In February 2020") and a subject pronoun with a verb after a
  name ("Olaf Schulz He won"). After a semicolon that follows a lower-case word a capital
  is a stray too ("Harris; For the delegation"), except on a subject pronoun ("cuttings; You can").
  After a dash a subject pronoun or "This" with its verb opens a clause ("without - They don't"):
  the capital is the new sentence's own. A run goes on through a serial comma before "and" or
  "or" in a list of capitalised words ("Ministry of Culture, Sports, and Tourism").
- `form: common-word`: a common English word (wordfreq) that the dictionary writes in lower case and
  never capitalises (SCOWL; so not Congress, Earth or Brown, nor a coinage such as Covid), not a place or nationality, standing alone between
  lower-case words. After a determiner ("the Commission") it counts only when the article also writes
  the word in lower case, or when the word never heads a capitalised name in the article, since house
  styles capitalise short forms of institutions they have named in full. After a comma only an
  adverb in -ly counts ("went badly, Especially on price"): other words there may be names in apposition.
  A word inside a short quotation whose content words are capitalised is a quoted title's. A capital
  only suggested lower case inside a run ("United We can") is no evidence for the words around it.
  A hyphenated compound of common words after a determiner counts too ("in the Quarter-finals of";
  see _capital_compound.py). The word of a fixed adverbial phrase after its preposition ("in General,
  probably", a closed class of idioms) counts on its own. A word that edited English almost never
  capitalises mid-sentence (at most 2% of its uses after a lower-case word or a comma, in the corpus
  counts of rules/data/lexicon/casing.tsv) is evidence on its own ("its Situation report"), and weak
  evidence after "the", where house styles write short names the corpus never saw ("the Opposition");
  not after a number or a word with a capital in it ("Radio 4’s Today programme", "the 24-Hour
  Service"), nor before a full stop and a letter (a domain: "News.ro"), nor before a lower-case
  content word unless a possessive or "a" precedes it (a name's class noun: "Time magazine").
  A verb form or an adverb in -ly run onto the name of an office or a body counts too, by the word
  classes of WordNet ("asked the Ministry of Tourism Find foreign bloggers", "The Prime Minister Went
  to"; see _part_of_speech.verb_after_office), and the capitals inside a ragged body's name ("the
  Harbin City public Security bureau") are left to the name-tail-case kind.
"""

from __future__ import annotations

from typing import Callable, Iterator

from cleaner.document import Document
# One module per form; what both share is in _sentence_position, _capital_runs and _part_of_speech.
from cleaner.kinds._stray_common_word import common_word_hits
from cleaner.kinds._stray_function_word import function_word_hits
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement, one_of

KIND = "stray-capital"
OPTIONS = (
    Option("form", one_of("function-word", "common-word"), "Which form to report (see above).", default="function-word"),
    Option("min-zipf", NUMBER, "`common-word`: the least Zipf frequency of a word that is checked.", default=3.0),
)
REPLACEMENT = Replacement.COMPUTED


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker for the configured form."""
    form = rule.options["form"]
    min_zipf = float(rule.options["min-zipf"])
    if form == "function-word":
        return function_word_hits
    return lambda doc: iter(common_word_hits(doc, min_zipf))
