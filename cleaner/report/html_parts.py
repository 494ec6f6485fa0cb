"""Pieces of the review page: the highlighted article, the side-by-side changes, the chart.

Every piece of text that reaches the page goes through `esc` (html.escape with quotes), so an
article, a rule message or a file name can never open a tag or an attribute.
"""

from __future__ import annotations

import difflib
import html
from typing import Any, Callable, Mapping, Sequence

import regex

from cleaner.model import Finding

# One token per word, per run of spaces, per line end, per other character: a fix changes whole tokens.
_TOKENS = regex.compile(r"\r?\n|\r|[^\S\r\n]+|\w+|[^\w\s]")
Card = Callable[[int, Finding], str]  # renders one finding's tooltip entry


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def highlight(text: str, findings: Sequence[Finding], prefix: str, tip: Card) -> str:
    """Return the article with every finding wrapped in <mark>, split where findings overlap.

    The text is cut at every finding's start and end; each piece is one <mark> listing all the
    findings that cover it (`data-findings`) with its exact offsets (`data-start`, `data-end`).
    A zero-width finding is an empty <mark class="pt"> at its offset.
    """
    spans = [(max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))) for f in findings]
    cuts = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
    starts_at: dict[int, list[int]] = {}
    for index, (start, _) in enumerate(spans):
        starts_at.setdefault(start, []).append(index)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for index in starts_at.get(a, ()):
            out.append(f'<span class="anchor" id="m{prefix}-{index + 1}"></span>')
        points = [i for i in starts_at.get(a, ()) if spans[i][0] == spans[i][1]]
        if points:
            out.append(_mark(points, findings, prefix, a, a, "", tip))
        if b is None:
            break
        covering = [i for i, (s, e) in enumerate(spans) if s <= a and b <= e and s < e]
        piece = text[a:b]
        out.append(_mark(covering, findings, prefix, a, b, piece, tip) if covering else esc(piece))
    return "".join(out)


def _mark(indexes: list[int], findings: Sequence[Finding], prefix: str, a: int, b: int, piece: str, tip: Card) -> str:
    level = max((findings[i].level for i in indexes), key=lambda lvl: lvl.rank).value
    ids = " ".join(f"f{prefix}-{i + 1}" for i in indexes)
    classes = "hl" + (" multi" if len(indexes) > 1 else "") + ("" if b > a else " pt")
    tips = "".join(tip(i + 1, findings[i]) for i in indexes)
    return (
        f'<mark class="{classes}" data-level="{esc(level)}" data-findings="{esc(ids)}" data-start="{a}" '
        f'data-end="{b}" tabindex="0">{esc(piece)}<span class="tip" role="tooltip">{tips}</span></mark>'
    )


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _tag_changes(original: str, safe: str, full: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Tag the original's tokens (same/safe/unsafe deletion) and the fully fixed text's (insertions).

    Safe changes are original -> safe-fixed; unsafe ones are what --unsafe-fixes changes on top.
    """
    orig_t, safe_t, full_t = _tokens(original), _tokens(safe), _tokens(full)
    first = difflib.SequenceMatcher(None, orig_t, safe_t, autojunk=False)
    second = difflib.SequenceMatcher(None, safe_t, full_t, autojunk=False)
    safe_of_orig: dict[int, int] = {}  # original token -> its unchanged copy in the safe text
    safe_inserted: set[int] = set()
    for op, i1, i2, j1, j2 in first.get_opcodes():
        if op == "equal":
            safe_of_orig.update(zip(range(i1, i2), range(j1, j2)))
        else:
            safe_inserted.update(range(j1, j2))
    full_of_safe: dict[int, int] = {}
    for op, i1, i2, j1, j2 in second.get_opcodes():
        if op == "equal":
            full_of_safe.update(zip(range(i1, i2), range(j1, j2)))
    left = []
    for i, token in enumerate(orig_t):
        j = safe_of_orig.get(i)
        left.append((token, "safe" if j is None else ("unsafe" if j not in full_of_safe else "")))
    kept = {k: j for j, k in full_of_safe.items()}
    right = []
    for k, token in enumerate(full_t):
        j = kept.get(k)
        right.append((token, "unsafe" if j is None else ("safe" if j in safe_inserted else "")))
    return left, right


def _lines(tagged: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split tagged tokens into lines, each keeping its line end."""
    lines: list[list[tuple[str, str]]] = [[]]
    for token, tag in tagged:
        lines[-1].append((token, tag))
        if token in ("\n", "\r\n", "\r"):
            lines.append([])
    return lines if lines[-1] else lines[:-1]


def _render_line(tokens: list[tuple[str, str]], element: str) -> str:
    """Render tagged tokens, merging runs with the same tag into one <del>/<ins>."""
    out: list[str] = []
    run_tag, run = "", []
    for token, tag in tokens + [("", "end")]:
        if tag != run_tag and run:
            body = esc("".join(run).replace("\r\n", "\n").replace("\r", "\n"))
            title = "safe fix: applied by cleaner fix" if run_tag == "safe" else "unsafe fix: needs --unsafe-fixes"
            out.append(f'<{element} class="{run_tag}" title="{title}">{body}</{element}>' if run_tag else body)
            run = []
        run_tag = tag
        run.append(token)
    return "".join(out)


def _cell(lines: list[list[tuple[str, str]]], indexes: list[int], element: str) -> str:
    """Render some lines in one cell, without the last line's end (the cell ends the line)."""
    tokens = [pair for i in indexes for pair in lines[i]]
    if tokens and tokens[-1][0] in ("\n", "\r\n", "\r"):
        tokens = tokens[:-1]
    return _render_line(tokens, element)


def side_by_side(original: str, safe: str, full: str) -> str:
    """Return a two-column table (original | fixed) of the lines the fixes change, or ''."""
    if original == full and original == safe:
        return ""
    tagged_left, tagged_right = _tag_changes(original, safe, full)
    left, right = _lines(tagged_left), _lines(tagged_right)
    matcher = difflib.SequenceMatcher(None, [_text(x) for x in left], [_text(x) for x in right], autojunk=False)
    rows: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.append(f'<tr class="gap"><td colspan="4">{i2 - i1} unchanged line(s)</td></tr>')
            continue
        if i2 - i1 == j2 - j1:
            pairs = [([i], [j]) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pairs = [(list(range(i1, i2)), list(range(j1, j2)))]
        for lefts, rights in pairs:
            rows.append(
                f'<tr class="change"><td class="ln">{_numbers(lefts)}</td>'
                f'<td class="old">{_cell(left, lefts, "del")}</td>'
                f'<td class="ln">{_numbers(rights)}</td>'
                f'<td class="new">{_cell(right, rights, "ins")}</td></tr>'
            )
    return (
        '<table class="sbs"><colgroup><col class="lncol"><col><col class="lncol"><col></colgroup>'
        '<thead><tr><th class="num">line</th><th>original</th><th class="num">line</th><th>fixed</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _text(line: list[tuple[str, str]]) -> str:
    return "".join(token for token, _ in line)


def _numbers(indexes: list[int]) -> str:
    if not indexes:
        return ""
    return str(indexes[0] + 1) if len(indexes) == 1 else f"{indexes[0] + 1}–{indexes[-1] + 1}"


_BARS = (("before", "before"), ("safe", "after fix"), ("unsafe", "with --unsafe-fixes"))
_METRICS = (("flesch_reading_ease", "Flesch reading ease (higher is easier)", 100.0),
            ("flesch_kincaid_grade", "Flesch-Kincaid grade (lower is easier)", 20.0))


def readability_chart(scores: Sequence[Mapping[str, Any] | None], prefix: str) -> str:
    """Return an inline SVG bar chart of reading ease and grade: before, after fix, after unsafe fixes."""
    width, label_w, bar_h, gap = 560, 150, 18, 6
    parts: list[str] = []
    y = 0
    for field, title, scale in _METRICS:
        values = [float(s[field]) if s and isinstance(s.get(field), (int, float)) else None for s in scores]
        top = max([scale] + [v for v in values if v is not None])
        parts.append(f'<text class="head" x="0" y="{y + 14}">{esc(title)}</text>')
        y += 22
        for (cls, name), value in zip(_BARS, values):
            length = 0.0 if value is None else max(0.0, value) / top * (width - label_w - 60)
            shown = "n/a" if value is None else f"{value:g}"
            parts.append(
                f'<text x="0" y="{y + 13}">{esc(name)}</text>'
                f'<rect class="track" x="{label_w}" y="{y}" width="{width - label_w - 60}" height="{bar_h}" rx="3"/>'
                f'<rect class="{cls}" x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" rx="3"/>'
                f'<text class="value" data-series="{cls}" x="{label_w + length + 6:.1f}" y="{y + 13}">{esc(shown)}</text>'
            )
            y += bar_h + gap
        y += 10
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {y}" width="{width}" '
        f'height="{y}" role="img" aria-labelledby="chart-{esc(prefix)}"><title id="chart-{esc(prefix)}">Readability before and after '
        f'fixing</title>{"".join(parts)}</svg>'
    )
