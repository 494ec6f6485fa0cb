"""Pieces of the review page: escaping, the highlighted article, the readability chart.

Every piece of text that reaches the page goes through `esc` (html.escape with quotes), so an
article, a rule message or a file name can never open a tag or an attribute.
"""

from __future__ import annotations

import functools
import html
from typing import Any, Callable, Mapping, Sequence

from cleaner.model import Finding
from cleaner.report.visible import visible

Card = Callable[[int, Finding], str]  # renders one finding's tooltip entry


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute; controls and bidi overrides show as escapes."""
    text = str(value)
    # A long article repeats the same rule names, messages and explanations in every tip and card
    # (230,000 calls on 1 MB): short strings are escaped once. Long ones (article pieces) are not kept.
    return _esc_short(text) if len(text) <= _MEMO_CHARS else _escape(text)


_MEMO_CHARS = 300


def _escape(text: str) -> str:
    return html.escape(visible(text, keep_newlines=True), quote=True)


_esc_short = functools.lru_cache(maxsize=8192)(_escape)


def badge(kind: str, text: str | None = None) -> str:
    """Return a coloured pill (a level, a fix safety) with escaped text."""
    return f'<span class="badge {esc(kind)}">{esc(text or kind)}</span>'


def highlight(text: str, findings: Sequence[Finding], prefix: str, tip: Card) -> str:
    """Return the article with every finding wrapped in <mark>, split where findings overlap.

    The text is cut at every finding's start and end; each piece is one <mark> listing all the
    findings that cover it (`data-findings`) with its exact offsets (`data-start`, `data-end`).
    A zero-width finding is an empty <mark class="pt"> at its offset.
    """
    spans = [(max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))) for f in findings]
    cuts = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
    starts_at: dict[int, list[int]] = {}
    ends_at: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        starts_at.setdefault(start, []).append(index)
        ends_at.setdefault(max(start, end), []).append(index)
    active: set[int] = set()  # findings covering the piece that starts at the current cut
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        active.difference_update(ends_at.get(a, ()))
        points = []
        for index in starts_at.get(a, ()):
            out.append(f'<span class="anchor" id="m{prefix}-{index + 1}"></span>')
            if spans[index][0] < spans[index][1]:
                active.add(index)
            else:
                points.append(index)
        if points:
            out.append(_mark(points, findings, prefix, a, a, "", tip))
        if b is None:
            break
        piece = text[a:b]
        out.append(_mark(sorted(active), findings, prefix, a, b, piece, tip) if active else esc(piece))
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
                f'<text class="value" data-series="{cls}" x="{label_w + length + 6:.1f}" y="{y + 13}">'
                f"{esc(shown)}</text>"
            )
            y += bar_h + gap
        y += 10
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {y}" width="{width}" '
        f'height="{y}" role="img" aria-labelledby="chart-{esc(prefix)}">'
        f'<title id="chart-{esc(prefix)}">Readability before and after fixing</title>{"".join(parts)}</svg>'
    )
