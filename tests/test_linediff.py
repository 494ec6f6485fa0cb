"""Line diffs: always a correct patch, the same as difflib's for local edits, linear on large texts."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.linediff import matching_blocks, unified_lines

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _apply_diff(a: list[str], diff: list[str]) -> list[str]:
    """Apply hunks by their ranges (simpler and stricter than a line-by-line state machine)."""
    out: list[str] = []
    pos = 0
    body = diff[2:]
    index = 0
    while index < len(body):
        old_start, old_len, _, new_len = _HUNK.match(body[index]).groups()
        old_len = 1 if old_len is None else int(old_len)
        new_len = 1 if new_len is None else int(new_len)
        old_start = int(old_start) - (1 if old_len else 0)
        out.extend(a[pos:old_start])
        pos = old_start
        index += 1
        old_seen = new_seen = 0
        while index < len(body) and not body[index].startswith("@@"):
            line = body[index]
            if line[0] in " -":
                assert a[pos] == line[1:]
                pos += 1
                old_seen += 1
            if line[0] in " +":
                out.append(line[1:])
                new_seen += 1
            index += 1
        assert (old_seen, new_seen) == (old_len, new_len)
    return out + a[pos:]


lines_strategy = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "\n", "same\n", "x"]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(lines_strategy, lines_strategy)
def test_any_two_texts_give_a_patch_that_applies(a: list[str], b: list[str]) -> None:
    diff = list(unified_lines(a, b, "f"))
    if a == b:
        assert diff == []
    else:
        assert _apply_diff(a, diff) == b
    blocks = matching_blocks(a, b)
    assert blocks[-1] == (len(a), len(b), 0)
    assert all(a[m.a : m.a + m.size] == b[m.b : m.b + m.size] for m in blocks)


@settings(max_examples=200, deadline=None)
@given(st.integers(20, 150), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from("rdi")), max_size=6))
def test_local_edits_give_difflibs_diff(size: int, edits: list[tuple[int, str]]) -> None:
    # Unique lines and a short text (no autojunk): the diff is unambiguous, so it must be difflib's.
    a = [f"line {n}\n" for n in range(size)]
    b = list(a)
    for at, how in edits:
        at %= len(b) or 1
        if how == "r" and b:
            b[at] = b[at].replace("line", "LINE")
        elif how == "d" and b:
            del b[at]
        else:
            b.insert(at, f"new {at}\n")
    assert list(unified_lines(a, b, "f")) == list(difflib.unified_diff(a, b, "f", "f", n=3, lineterm=""))


def test_large_repetitive_text_is_diffed_without_difflibs_search() -> None:
    # 30,000 lines of repeated paragraphs with one change in every 50: difflib's search takes
    # seconds here; the walk compares each line about once. Counted, not timed.
    a = [f"paragraph {n % 40}\n" if n % 2 == 0 else "\n" for n in range(30_000)]
    b = [line.replace("paragraph 7", "paragraph seven") for line in a]
    calls = []
    original = difflib.SequenceMatcher.find_longest_match

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    difflib.SequenceMatcher.find_longest_match = counting
    try:
        diff = list(unified_lines(a, b, "f"))
    finally:
        difflib.SequenceMatcher.find_longest_match = original
    assert _apply_diff(a, diff) == b
    assert len(calls) < 4 * sum(1 for x, y in zip(a, b) if x != y) + 10
