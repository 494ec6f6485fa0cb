"""The archive summary page of `cleaner batch-report`: one self-contained file, no script.

It shares the review page's stylesheet, escaping and Content-Security-Policy: the worst
articles first, findings by rule and by category, the spread of readability, damage over
time when the articles have dates, and the articles that could not be checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaner.model import Level
from cleaner.report.html import CSP, LEVELS
from cleaner.report.html_charts import bar_chart, column_chart
from cleaner.report.html_parts import badge, esc
from cleaner.report.html_style import CSS

if TYPE_CHECKING:  # pragma: no cover
    from cleaner.batch.summary import BatchSummary, RuleCount

BATCH_CSS = """
svg.chart .bar { fill: var(--info); }
svg.chart .bar.error { fill: var(--error); }
svg.chart .bar.warning { fill: var(--warning-mark); }
svg.chart .bar.damage { fill: var(--warning-mark); }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
table.worst td.id, table.errors td.id { overflow-wrap: anywhere; }
table.worst td.date { white-space: nowrap; }
.charts { display: grid; gap: 18px; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
@media (max-width: 900px) { .charts { grid-template-columns: minmax(0, 1fr); } }
"""
_NONE = '<p class="muted">None.</p>'


def render(summary: "BatchSummary", title: str) -> str:
    """Return the whole summary page as one HTML document."""
    body = [
        f'<header><h1>{esc(title)}</h1><p class="sub">{summary.articles:,} article(s) audited by '
        "<code>cleaner batch</code>; charts first, then the worst articles.</p></header>",
        _overview(summary),
        f'<div class="charts">{_rules_panel(summary)}{_categories_panel(summary)}</div>',
        f'<div class="charts">{_readability_panel(summary)}{_time_panel(summary)}</div>',
        _worst(summary),
        _rule_table(summary.rules),
        _errors(summary),
        "<footer>Made by cleaner. This page is self-contained: it runs no script and loads nothing.</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}{BATCH_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _overview(s: "BatchSummary") -> str:
    share = f" ({s.damaged / s.checked:.0%})" if s.checked else ""
    stats = [
        f'<li><b data-count="articles">{s.articles:,}</b> article(s)</li>',
        f'<li><b data-count="damaged">{s.damaged:,}</b> with findings{esc(share)}</li>',
        f'<li><b data-count="findings">{s.findings:,}</b> finding(s)</li>',
        *(f'<li><b data-count="{lvl.value}">{s.by_level.get(lvl.value, 0):,}</b> {badge(lvl.value)}</li>' for lvl in LEVELS),
        f"<li><b>{s.safe_fixes:,}</b> {badge('safe', 'safe fix')}</li>",
        f"<li><b>{s.unsafe_fixes:,}</b> {badge('unsafe', 'unsafe fix')}</li>",
        f'<li><b data-count="errors">{s.error_count:,}</b> not checked</li>',
    ]
    return f'<ul class="stats" aria-label="Overview">{"".join(stats)}</ul>'


def _worst(s: "BatchSummary") -> str:
    rows = "".join(_worst_row(rank, row) for rank, row in enumerate(s.worst, 1))
    heads = "".join(f'<th class="num">{badge(lvl.value)}</th>' for lvl in LEVELS)
    table = (
        '<table class="worst"><thead><tr><th class="num">#</th><th>Article</th><th>Date</th>'
        f'{heads}<th class="num">Fixable</th><th class="num">Reading ease</th><th>Most found</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return (
        f'<section class="panel" id="worst"><h3>Worst articles ({len(s.worst)} shown)</h3>'
        '<p class="muted">Most error-level findings first, then warnings, then infos.</p>'
        f"{table if rows else _NONE}</section>"
    )


def _worst_row(rank: int, row: dict[str, Any]) -> str:
    levels = "".join(f'<td class="num" data-level="{lvl.value}">{row[f"level_{lvl.value}"] or ""}</td>' for lvl in LEVELS)
    codes = ", ".join(f"{code}×{count}" for code, count in row["by_code"][:4])
    ease = "" if row.get("flesch_reading_ease") is None else f"{row['flesch_reading_ease']:g}"
    return (
        f'<tr data-id="{esc(row["id"])}"><td class="num">{rank}</td><td class="id">{esc(row["id"])}</td>'
        f'<td class="date">{esc(row.get("date") or "")}</td>{levels}<td class="num">{row["fixable"]}</td>'
        f'<td class="num">{esc(ease)}</td><td><code>{esc(codes)}</code></td></tr>'
    )


def _rules_panel(s: "BatchSummary") -> str:
    bars = [(f"{r.code} {r.rule}", r.total, _worst_level(r)) for r in s.rules[:15]]
    chart = bar_chart("Findings by rule", bars, label_w=230) if bars else _NONE
    return f'<section class="panel" id="rules-chart"><h3>Findings by rule</h3>{chart}</section>'


def _categories_panel(s: "BatchSummary") -> str:
    bars = [(category, count, "bar") for category, count, _ in s.categories]
    chart = bar_chart("Findings by category", bars) if bars else _NONE
    return f'<section class="panel" id="categories"><h3>Findings by category</h3>{chart}</section>'


def _readability_panel(s: "BatchSummary") -> str:
    if not s.readability:
        return '<section class="panel" id="readability"><h3>Readability</h3><p class="muted">Not scored.</p></section>'
    chart = column_chart("Articles by Flesch reading ease", s.readability)
    return (
        '<section class="panel" id="readability"><h3>Readability</h3>'
        f'<p class="muted">Articles by Flesch reading ease (higher is easier); median {s.median_ease:g}.</p>'
        f"{chart}</section>"
    )


def _time_panel(s: "BatchSummary") -> str:
    if not s.periods:
        return '<section class="panel" id="time"><h3>Damage over time</h3><p class="muted">No dates in the table.</p></section>'
    share = [(p.label, round(100 * p.damaged / p.articles, 1) if p.articles else 0.0) for p in s.periods]
    rows = "".join(
        f'<tr data-period="{esc(p.label)}"><td>{esc(p.label)}</td><td class="num">{p.articles:,}</td>'
        f'<td class="num">{p.damaged:,}</td><td class="num">{p.findings:,}</td></tr>'
        for p in s.periods
    )
    undated = f'<p class="muted">{s.undated:,} article(s) without a date.</p>' if s.undated else ""
    return (
        '<section class="panel" id="time"><h3>Damage over time</h3>'
        '<p class="muted">Share of articles with findings (%).</p>'
        f'{column_chart("Share of articles with findings", share, "bar damage", "%")}'
        '<details><summary>Figures</summary><table class="periods"><thead><tr><th>Period</th>'
        '<th class="num">Articles</th><th class="num">With findings</th><th class="num">Findings</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></details>{undated}</section>"
    )


def _rule_table(rules: list["RuleCount"]) -> str:
    heads = "".join(f'<th class="num">{badge(lvl.value)}</th>' for lvl in LEVELS)
    rows = "".join(
        f'<tr data-code="{esc(r.code)}"><td><code>{esc(r.code)}</code></td><td>{esc(r.rule)}</td>'
        f"<td>{esc(r.category)}</td>"
        + "".join(f'<td class="num" data-level="{lvl.value}">{r.by_level.get(lvl.value, 0) or ""}</td>' for lvl in LEVELS)
        + f'<td class="num total">{r.total:,}</td><td class="num" data-articles="{r.articles}">{r.articles:,}</td></tr>'
        for r in rules
    )
    return (
        '<section class="panel summary" id="summary"><h3>Findings by rule and level</h3><table class="by-rule">'
        f'<thead><tr><th>Code</th><th>Rule</th><th>Category</th>{heads}<th class="num">Total</th>'
        f'<th class="num">Articles</th></tr></thead><tbody>{rows}</tbody></table></section>'
        if rules else f'<section class="panel summary" id="summary"><h3>Findings by rule and level</h3>{_NONE}</section>'
    )


def _errors(s: "BatchSummary") -> str:
    rows = "".join(f'<tr><td class="id">{esc(i)}</td><td>{esc(why)}</td></tr>' for i, why in s.errors)
    more = f'<p class="muted">{s.error_count - len(s.errors):,} more in the articles table.</p>' if s.error_count > len(s.errors) else ""
    table = f'<table class="errors"><thead><tr><th>Article</th><th>Why</th></tr></thead><tbody>{rows}</tbody></table>'
    return (
        f'<section class="panel" id="errors"><h3>Not checked ({s.error_count:,})</h3>'
        f"{table + more if rows else _NONE}</section>"
    )


def _worst_level(rule: "RuleCount") -> str:
    present = [lvl for lvl in LEVELS if rule.by_level.get(lvl.value)]
    return present[0].value if present and present[0] is not Level.INFO else "bar"
