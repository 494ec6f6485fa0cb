"""Re-checking only the changed paragraphs (cleaner.incremental) finds exactly what a full check finds.

The reference is a check of each text on its own, without memory. The incremental path
checks a first text, then edited versions of it, through one memo: the seeds edited at
random places (characters, words, paragraph breaks and line breaks inserted, deleted or
replaced), and the fix passes of the seeds.
"""

from __future__ import annotations

import random

import pytest
import regex
from tests_support import SEEDS

from cleaner.document import Document
from cleaner.fixer import allowed_safeties, apply_edits
from cleaner.incremental import line_local, units
from cleaner.line_blind import line_blind
from cleaner.runner import (
    CheckOptions,
    ResultMemo,
    check_source,
    engine_for_options,
    fix_source,
)
from cleaner.textio import SourceText

OPTIONS = CheckOptions(readability=False)
SEED_TEXTS = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
# What an edit may write: damage the rules look for, and the separators units are cut at.
INSERTS = ["..", " ", "  ", "\n", "\n\n", "\n\n  ", "The", "the", "“", "”", '"', "‘", "Said.", "x", ",", "I ", "http://a.b/c..d "]


def _full(name: str, text: str) -> list:
    return list(check_source(SourceText(name, text), OPTIONS).findings)


def _edited(text: str, rng: random.Random) -> str:
    """The text with a few random edits: an insertion, a deletion or a replacement each."""
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(text) + 1)
        cut = at + rng.choice([0, 0, 1, 2, 5, 40])
        text = text[:at] + rng.choice(["", *INSERTS]) + text[min(cut, len(text)) :]
    return text


@pytest.mark.parametrize("name,text", SEED_TEXTS, ids=[name for name, _ in SEED_TEXTS])
def test_random_edits_find_what_a_full_check_finds(name: str, text: str) -> None:
    rng = random.Random(name)
    options = CheckOptions(readability=False, memo=ResultMemo())
    assert list(check_source(SourceText(name, text), options).findings) == _full(name, text)
    current = text
    for _ in range(6):
        current = _edited(current if rng.random() < 0.5 else text, rng)
        assert list(check_source(SourceText(name, current), options).findings) == _full(name, current)


@pytest.mark.parametrize("name,text", SEED_TEXTS[:6], ids=[name for name, _ in SEED_TEXTS[:6]])
def test_fix_passes_find_what_a_full_check_finds(name: str, text: str) -> None:
    result = fix_source(SourceText(name, text), allowed_safeties(unsafe=True), CheckOptions(readability=False))
    assert list(result.remaining) == _full(name, result.fixed)
    options = CheckOptions(readability=False, memo=ResultMemo())
    current = text
    for step in result.steps:
        check_source(SourceText(name, current), options)
        current = apply_edits(current, step)
        assert list(check_source(SourceText(name, current), options).findings) == _full(name, current)


def test_many_pattern_rules_are_line_local() -> None:
    rules = engine_for_options(OPTIONS).rules
    local = [rule for rule in rules if line_local(rule)]
    assert len(local) >= 30 and all(rule.kind == "pattern" for rule in local)


@pytest.mark.parametrize(
    "pattern,blind",
    [
        (r"(?<![.\s])\.\.(?![.\d/])", False),  # after a line end the look-behind fails; at the text's start it holds
        (r"(?<!\w)\.\.(?![.\d/])", True),
        (r"[^\s.]+\.\.", True),
        (r"[^.]+\.\.", False),  # a negated set without \n reads across lines
        (r"\p{Lu}\p{Ll}+[ \t]+said", True),
        (r"\p{Cc}", False),
        (r"\x0a", False),
        (r"(?m:^)[ \t]*\p{Ll}", True),
        (r"^\p{Ll}", False),  # the text's start, which a line start is not
        (r"(?s)a.b", False),
        (r"a.b", True),
        (r"end\.(?=\n)", False),
        (r"[\s]x", False),
        (r"(?x) a b", False),
        (r"(?i:said)\.", True),
    ],
)
def test_line_blind_reads_patterns_conservatively(pattern: str, blind: bool) -> None:
    regex.compile(pattern, regex.VERSION0)
    assert line_blind(pattern) is blind


def test_units_cover_the_text_one_paragraph_each() -> None:
    text = "  Title\n\nFirst line\nsecond line.\n \n\n   Indented.\n\nLast"
    doc = Document(text)
    spans = units(doc)
    assert [text[s:e] for s, e in spans] == ["  Title\n\n", "First line\nsecond line.\n \n\n", "   Indented.\n\n", "Last"]
    assert len(spans) == len(doc.paragraphs)


@pytest.mark.parametrize("name,text", SEED_TEXTS[:8], ids=[name for name, _ in SEED_TEXTS[:8]])
def test_a_seeded_document_holds_what_a_fresh_one_finds(name: str, text: str) -> None:
    from cleaner.incremental import seed
    from cleaner.protected import ProtectedIndex

    rng = random.Random(name)
    previous = Document(text)
    for worked_out in (previous.words, previous.sentences, previous.quotes):
        assert worked_out is not None
    previous.shared("protected-index", lambda d: ProtectedIndex(d.text)).spans()
    for _ in range(5):
        edited = _edited(text, rng)
        doc, fresh = Document(edited), Document(edited)
        seed(doc, previous)
        assert all(doc.worked_out(prop) for prop in Document.ADOPTABLE)
        assert doc.words == fresh.words and doc.sentences == fresh.sentences
        assert (doc.quotes, doc.unbalanced_quotes) == (fresh.quotes, fresh.unbalanced_quotes)
        seeded_index = doc.shared("protected-index", lambda d: None)
        assert seeded_index.spans() == ProtectedIndex(edited).spans()
