"""Inline SVG charts for the archive summary page: horizontal bars and vertical columns.

Plain SVG elements only (text, rect), every label escaped: no script, nothing to fetch.
"""

from __future__ import annotations

from typing import Sequence

from cleaner.report.html_parts import esc

WIDTH = 560
BAR_H, GAP = 16, 6
MAX_TICKS = 12


def bar_chart(title: str, bars: Sequence[tuple[str, float, str]], label_w: int = 170) -> str:
    """Horizontal bars: (label, value, css class) each, scaled to the largest value."""
    top = max([value for _, value, _ in bars] + [1])
    track = WIDTH - label_w - 70
    parts, y = [], 0
    for label, value, cls in bars:
        length = max(0.0, value) / top * track
        parts.append(
            f'<text x="0" y="{y + 12}">{esc(label)}</text>'
            f'<rect class="track" x="{label_w}" y="{y}" width="{track}" height="{BAR_H}" rx="3"/>'
            f'<rect class="bar {esc(cls)}" x="{label_w}" y="{y}" width="{length:.1f}" height="{BAR_H}" rx="3"/>'
            f'<text class="value" x="{label_w + length + 6:.1f}" y="{y + 12}">{esc(_number(value))}</text>'
        )
        y += BAR_H + GAP
    return _svg(title, parts, max(y, BAR_H))


def column_chart(title: str, columns: Sequence[tuple[str, float]], cls: str = "bar", unit: str = "") -> str:
    """Vertical columns with their labels underneath, scaled to the largest value."""
    height, base = 180, 150
    top = max([value for _, value in columns] + [1])
    step = WIDTH / max(1, len(columns))
    width = max(4.0, step * 0.7)
    every = -(-len(columns) // MAX_TICKS)  # label every n-th column so that labels never overlap
    parts = []
    for index, (label, value) in enumerate(columns):
        x = index * step + (step - width) / 2
        tall = max(0.0, value) / top * (base - 20)
        middle = f'x="{x + width / 2:.1f}" text-anchor="middle"'
        parts.append(f'<rect class="{esc(cls)}" x="{x:.1f}" y="{base - tall:.1f}" width="{width:.1f}" height="{tall:.1f}" rx="2"/>')
        if every == 1:  # values only where there is room for them
            parts.append(f'<text class="value" {middle} y="{base - tall - 4:.1f}">{esc(_number(value) + unit)}</text>')
        if index % every == 0:
            parts.append(f'<text class="tick" {middle} y="{base + 16}">{esc(label)}</text>')
    return _svg(title, parts, height)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _svg(title: str, parts: list[str], height: int) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img"><title>{esc(title)}</title>{"".join(parts)}</svg>'
    )
