"""The on-disk paragraph cache: a second run sends nothing, an edit sends only what changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cleaner.languagetool import GrammarChecker, GrammarOptions
from cleaner.languagetool.cache import ResultCache, cache_key, cache_summary
from cleaner.languagetool.raw import RawMatch


def paragraphs(text: str) -> list[str]:
    """Paragraphs with letters, as the checker splits them."""
    return [p.strip() for p in text.split("\n\n") if any(c.isalpha() for c in p)]


def test_second_run_is_answered_from_disk(options: GrammarOptions, seed_text: str) -> None:
    with GrammarChecker(options) as first:
        cold = first.check(seed_text)
    assert first.stats.hits == 0 and first.stats.misses == len(paragraphs(seed_text))
    with GrammarChecker(options) as second:  # a new process would see the same: the cache is on disk
        warm = second.check(seed_text)
        assert second.server_pid is None  # a URL was given: nothing local was started
    assert warm == cold
    assert second.stats.misses == 0 and second.stats.hits == first.stats.misses
    assert second.sent == []
    rows, size = cache_summary(options.resolved_cache_dir())
    assert rows == first.stats.misses and size > 0


def test_only_the_edited_paragraph_is_sent_again(options: GrammarOptions, seed_text: str) -> None:
    with GrammarChecker(options) as gc:
        before = gc.check(seed_text)
    old = "The target is to strengthen relations."
    new = "The targett is to strengthen relations."
    edited = seed_text.replace("Last month,", old + " Last month,", 1)
    edited_twice = seed_text.replace("Last month,", new + " Last month,", 1)
    with GrammarChecker(options) as gc:
        gc.check(edited)
        assert gc.stats.misses == 1 and len(gc.sent) == 1 and old in gc.sent[0]
        after = gc.check(edited_twice)
        assert gc.stats.misses == 2 and len(gc.sent) == 1 and new in gc.sent[0]
        assert gc.stats.hits == 2 * (len(paragraphs(seed_text)) - 1)
    typo = [f for f in after if f.text == "targett" and f.category == "spelling"]
    assert typo and edited_twice[typo[0].start : typo[0].end] == "targett"
    # Findings after the edit moved with the text; those before it did not.
    shift = len(new) + 1
    edit_at = edited_twice.index(new)
    moved = {(f.code, f.start - shift) for f in after if f.start > edit_at + len(new)}
    assert moved == {(f.code, f.start) for f in before if f.start > edit_at}


def test_repeated_paragraph_is_sent_once(options: GrammarOptions) -> None:
    text = "The targett is big.\n\nSomething else here.\n\nThe targett is big."
    with GrammarChecker(options) as gc:
        findings = gc.check(text)
        assert gc.stats.misses == 2 and gc.stats.hits == 1
    assert [f.start for f in findings if f.text == "targett"] == [4, text.rindex("targett")]


def test_cache_can_be_turned_off(options: GrammarOptions) -> None:
    off = replace(options, use_cache=False)
    for _ in range(2):
        with GrammarChecker(off) as gc:
            gc.check("The target are big.")
            assert gc.stats.misses == 1
    assert cache_summary(off.resolved_cache_dir()) == (0, 0)


def test_cache_key_and_storage(tmp_path: Path) -> None:
    key = cache_key("Text.", version="6.8", variant="en-US", rules="-A;+")
    assert key != cache_key("Text.", version="6.9", variant="en-US", rules="-A;+")
    assert key != cache_key("Text.", version="6.8", variant="en-GB", rules="-A;+")
    assert key != cache_key("Text.", version="6.8", variant="en-US", rules="-A,B;+")
    assert key != cache_key("Text!", version="6.8", variant="en-US", rules="-A;+")
    match = RawMatch(0, 4, "R", "GRAMMAR", "grammar", "m", ("a", "b"))
    cache = ResultCache(tmp_path)
    assert cache.get(key) is None
    cache.put(key, [match])
    cache.close()
    assert ResultCache(tmp_path).get(key) == [match]
