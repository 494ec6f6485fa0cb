"""Line diffs in linear time for texts that differ in a few places, formatted as difflib does.

`difflib.unified_diff` searches for longest matches recursively; on a megabyte of prose
with repeated lines (a corpus, a long report) that takes seconds. A fix changes a few
lines and leaves the rest alone, so here the two sides are walked together: equal lines
are skipped in one step, and at each difference the nearest point where both sides agree
again (on `_AGREE` lines in a row) is looked for nearby; only the differing stretch goes to
difflib. Far-reaching changes fall back to difflib for the rest, so the result is always
a correct diff; for local edits it is the one difflib gives.
"""

from __future__ import annotations

import difflib
from typing import Iterator, Sequence

_REACH = 64  # lines searched past a difference for the point where both sides agree again
_AGREE = 3  # equal lines in a row that count as agreeing again


class _Known(difflib.SequenceMatcher):
    """A SequenceMatcher whose matching blocks are already known (difflib does the grouping)."""

    def __init__(self, a: Sequence[str], b: Sequence[str], blocks: list[difflib.Match]) -> None:
        super().__init__(None, (), ())  # empty sequences: no index over b is built
        self.a, self.b = a, b
        self.matching_blocks = blocks
        self.opcodes = None

    def get_matching_blocks(self) -> list[difflib.Match]:
        return self.matching_blocks


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[difflib.Match]:
    """Return difflib-style matching blocks (ending with the (len(a), len(b), 0) sentinel)."""
    blocks: list[difflib.Match] = []
    i = j = 0
    while i < len(a) and j < len(b):
        run = _equal_run(a, b, i, j)
        if run:
            _add(blocks, i, j, run)
            i, j = i + run, j + run
            continue
        x, y = _agreement(a, b, i, j) or (len(a) - i, len(b) - j)
        local = difflib.SequenceMatcher(None, a[i : i + x], b[j : j + y], autojunk=False)
        for block in local.get_matching_blocks()[:-1]:
            _add(blocks, i + block.a, j + block.b, block.size)
        i, j = i + x, j + y
    blocks.append(difflib.Match(len(a), len(b), 0))
    return blocks


def _equal_run(a: Sequence[str], b: Sequence[str], i: int, j: int) -> int:
    run = 0
    while i + run < len(a) and j + run < len(b) and a[i + run] == b[j + run]:
        run += 1
    return run


def _agreement(a: Sequence[str], b: Sequence[str], i: int, j: int) -> tuple[int, int] | None:
    """Smallest (x, y), by x + y, where a[i+x:] and b[j+y:] agree again, or both sides end."""
    for reach in range(1, 2 * _REACH + 1):
        for x in range(max(0, reach - _REACH), min(reach, _REACH) + 1):
            ai, bj = i + x, j + reach - x
            if ai > len(a) or bj > len(b):
                continue
            if ai == len(a) or bj == len(b):
                if ai == len(a) and bj == len(b):
                    return x, reach - x
                continue
            k = min(_AGREE, len(a) - ai, len(b) - bj)
            if a[ai : ai + k] == b[bj : bj + k]:
                return x, reach - x
    return None


def _add(blocks: list[difflib.Match], i: int, j: int, size: int) -> None:
    """Append a block, merging it into the previous one when they touch (as difflib does)."""
    if blocks and blocks[-1].a + blocks[-1].size == i and blocks[-1].b + blocks[-1].size == j:
        last = blocks.pop()
        blocks.append(difflib.Match(last.a, last.b, last.size + size))
    elif size:
        blocks.append(difflib.Match(i, j, size))


def unified_lines(a: Sequence[str], b: Sequence[str], label: str, context: int = 3) -> Iterator[str]:
    """The lines of difflib.unified_diff(a, b, label, label, n=context, lineterm='')."""
    groups = _Known(a, b, matching_blocks(a, b)).get_grouped_opcodes(context)
    started = False
    for group in groups:
        if not started:
            started = True
            yield f"--- {label}"
            yield f"+++ {label}"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk range as unified diffs write it (difflib's rules)."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"
