"""The side-by-side view of a fix: original | fixed, each change marked safe or unsafe.

No text diff is guessed: the fix result's own edits (`FixResult.steps`, pass by pass) are
replayed over the original, so every character of the fixed text knows whether it came from
the original or was inserted by a fix, and which fix (its finding's safety). Kept line ends
tie the two texts together, so rows pair exactly, in linear time, however long the article.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import regex

from cleaner.fixer import FixResult, edit_for
from cleaner.model import Edit, Finding
from cleaner.report.html_parts import esc

_TOKENS = regex.compile(r"\r?\n|\r|[^\S\r\n]+|\w+|[^\w\s]")  # every character falls in one token
_TITLES = {"safe": "safe fix: `cleaner fix` applies it", "unsafe": "unsafe fix: only with --unsafe-fixes"}


@dataclass
class Provenance:
    """Per original character: '' kept, or the safety of the fix that removed it; per fixed
    character: its original offset (INSERTED when a fix added it) and the safety of the fix that added it."""

    removed: list[str]
    origin: array  # of ints: an array, not a list, so a long text costs 8 bytes a character, not an object
    added: list[str]


INSERTED = -1  # the origin of a character a fix inserted


def trace(result: FixResult) -> Provenance | None:
    """Replay the result's edits over its original; None when they do not rebuild its fixed text."""
    edits = [edit for step in result.steps for edit in step]
    safeties = iter(_safeties(edits, result.applied))
    removed = [""] * len(result.original)
    # The text after each step, with each character's origin and added-by tag in parallel sequences.
    text, origin, added = result.original, array("q", range(len(result.original))), [""] * len(result.original)
    for step in result.steps:
        pieces, new_origin, new_added = [], array("q"), []
        pos = 0
        for edit in sorted(step):
            if edit.start < pos or edit.end > len(text):
                return None
            safety = next(safeties)
            head, middle, tail = _changed_part(text[edit.start : edit.end], edit.replacement)
            for place in origin[edit.start + head : edit.end - tail]:
                if place != INSERTED:
                    removed[place] = safety
            cut = edit.start + head  # the kept head stays with what comes before it
            pieces += [text[pos:cut], middle]
            new_origin += origin[pos:cut]
            new_origin += array("q", [INSERTED]) * len(middle)
            new_added += added[pos:cut]
            new_added += [safety] * len(middle)
            pos = edit.end - tail  # and the kept tail with what comes after it
        pieces.append(text[pos:])
        new_origin += origin[pos:]
        new_added += added[pos:]
        text, origin, added = "".join(pieces), new_origin, new_added
    if text != result.fixed:
        return None
    return Provenance(removed, origin, added)


def _safeties(edits: list[Edit], applied: tuple[Finding, ...]) -> list[str]:
    """The safety of each edit's finding; 'unsafe' (the cautious label) when they cannot be paired."""
    if len(edits) == len(applied) and all(edit_for(f) == e for e, f in zip(edits, applied)):
        return [f.safety.value if f.safety else "unsafe" for f in applied]
    return ["unsafe"] * len(edits)


def _changed_part(old: str, new: str) -> tuple[int, str, int]:
    """How many characters at each end of `old` an edit to `new` keeps (whole tokens), and what it puts between."""
    old_tokens = _TOKENS.findall(old)
    new_tokens = _TOKENS.findall(new)
    head = 0
    while head < min(len(old_tokens), len(new_tokens)) and old_tokens[head] == new_tokens[head]:
        head += 1
    tail = 0
    while tail < min(len(old_tokens), len(new_tokens)) - head and old_tokens[-1 - tail] == new_tokens[-1 - tail]:
        tail += 1
    keep_head = sum(map(len, old_tokens[:head]))
    keep_tail = sum(map(len, old_tokens[len(old_tokens) - tail :]))
    return keep_head, "".join(new_tokens[head : len(new_tokens) - tail]), keep_tail


def side_by_side(result: FixResult) -> str:
    """Return a table of the lines the fixes change (original | fixed), or '' when nothing changes."""
    if not result.changed:
        return ""
    trail = trace(result)
    if trail is None:  # pragma: no cover - only if the fixer's result contract changes
        return '<p class="muted">The changes could not be traced; run <code>cleaner fix --diff</code>.</p>'
    rows, unchanged = [], 0
    for (l0, l1, line), (r0, r1, fixed_line) in _chunks(result, trail.origin):
        left_tags, right_tags = trail.removed[l0:l1], trail.added[r0:r1]
        lines = max(1, result.original.count("\n", l0, l1))
        if not any(left_tags) and not any(right_tags):
            unchanged += lines
            continue
        if unchanged:
            rows.append(_gap(unchanged))
            unchanged = 0
        rows.append(
            f'<tr class="change"><td class="ln">{_span(line, lines)}</td>'
            f'<td class="old">{_runs(result.original[l0:l1], left_tags, "del")}</td>'
            f'<td class="ln">{_span(fixed_line, max(1, result.fixed.count(chr(10), r0, r1)))}</td>'
            f'<td class="new">{_runs(result.fixed[r0:r1], right_tags, "ins")}</td></tr>'
        )
    if unchanged:
        rows.append(_gap(unchanged))
    return (
        '<table class="sbs"><colgroup><col class="lncol"><col><col class="lncol"><col></colgroup>'
        '<thead><tr><th class="num">line</th><th>original</th><th class="num">line</th><th>fixed</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _chunks(result: FixResult, origin: array):
    """Yield matching (start, end, first line) pieces of both texts, cut after each kept line end."""
    original, fixed = result.original, result.fixed
    l0 = r0 = 0
    line = fixed_line = 1
    for q, p in enumerate(origin):
        if p != INSERTED and original[p] == "\n":
            yield (l0, p + 1, line), (r0, q + 1, fixed_line)
            line += original.count("\n", l0, p + 1)
            fixed_line += fixed.count("\n", r0, q + 1)
            l0, r0 = p + 1, q + 1
    if l0 < len(original) or r0 < len(fixed):
        yield (l0, len(original), line), (r0, len(fixed), fixed_line)


def _gap(lines: int) -> str:
    return f'<tr class="gap"><td colspan="4">⋯ {lines} unchanged line{"" if lines == 1 else "s"}</td></tr>'


def _span(first: int, count: int) -> str:
    return str(first) if count == 1 else f"{first}–{first + count - 1}"


def _runs(text: str, tags: list[str], element: str) -> str:
    """Render text with each run of same-tagged characters wrapped once; no final line end."""
    if text.endswith("\n") and not tags[-1]:
        text, tags = text[:-1], tags[:-1]
        if text.endswith("\r") and not tags[-1]:
            text, tags = text[:-1], tags[:-1]
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or tags[i] != tags[start]:
            piece = esc(text[start:i].replace("\r\n", "\n"))
            tag = tags[start]
            title = esc(_TITLES.get(tag, tag))
            out.append(f'<{element} class="{esc(tag)}" title="{title}">{piece}</{element}>' if tag else piece)
            start = i
    return "".join(out)
