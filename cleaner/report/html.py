"""The HTML review page: one self-contained file, no scripts, no network, everything escaped.

`render(page)` turns a `cleaner.reviewpage.ReviewPage` (gathered elsewhere) into the page:
a summary by rule and level, a file list when there are several files, and per file the
article with every finding highlighted in place (details on hover, focus or click), the
changes `fix` would make side by side (safe and unsafe told apart), and readability before
and after as an inline SVG chart. A Content-Security-Policy forbids scripts and fetches.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from cleaner.model import Finding, Level, Rule, Safety
from cleaner.readability import label
from cleaner.report.html_changes import side_by_side
from cleaner.report.html_parts import badge, esc, highlight, readability_chart
from cleaner.report.html_style import CSS

if TYPE_CHECKING:  # pragma: no cover
    from cleaner.reviewpage import FilePage, ReviewPage

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
LEVELS = (Level.ERROR, Level.WARNING, Level.INFO)
_SAFETY_TEXT = {
    Safety.SAFE: "safe: `cleaner fix` applies it",
    Safety.UNSAFE: "unsafe: applied only with --unsafe-fixes",
    Safety.SUGGEST: "suggestion: needs an editor's judgment",
}
_NO_FINDINGS = '<p class="muted">No findings.</p>'
_TABLE_FIELDS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall", "words", "sentences", "text_standard",
)


def render(page: "ReviewPage") -> str:
    """Return the whole page as one HTML document."""
    return "".join(render_chunks(page))


def render_chunks(page: "ReviewPage") -> Iterator[str]:
    """Yield the page in pieces, in order: a long article's page runs to tens of megabytes, and a
    caller that writes each piece as it comes never holds it whole (nor its encoded copy)."""
    findings = [f for item in page.files for f in item.report.findings]
    heading = page.files[0].path if len(page.files) == 1 else f"{len(page.files)} files"
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(page.title)}: {esc(heading)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{esc(page.title)}: {esc(heading)}</h1><p class="sub">Hover, focus (Tab) or click a '
        "highlight to see the finding; every finding is also listed beside the article.</p></header>\n"
    )
    yield _overview(page, findings)
    if len(page.files) > 1:
        yield "\n" + _file_list(page.files)
    for number, item in enumerate(page.files, 1):
        yield "\n"
        yield from _file(number, item, page.rules)
    yield "\n" + _summary(findings, page.rules)
    yield "\n<footer>Made by cleaner. This page is self-contained: it runs no script and loads nothing.</footer>"
    yield "\n</body>\n</html>\n"


_badge = badge


def _overview(page: "ReviewPage", findings: list[Finding]) -> str:
    """The counts over every file: findings by level, safe and unsafe fixes."""
    levels = Counter(f.level for f in findings)
    safe = sum(1 for f in findings if f.fixable and f.safety is Safety.SAFE)
    unsafe = sum(1 for f in findings if f.fixable and f.safety is Safety.UNSAFE)
    stats = [
        f"<li><b>{len(page.files)}</b> file(s)</li>",
        f'<li><b data-count="findings">{len(findings)}</b> finding(s)</li>',
        *(f'<li><b data-count="{lvl.value}">{levels.get(lvl, 0)}</b> {_badge(lvl.value)}</li>' for lvl in LEVELS),
        f"<li><b>{safe}</b> {_badge('safe', 'safe fix')}</li>",
        f"<li><b>{unsafe}</b> {_badge('unsafe', 'unsafe fix')}</li>",
        '<li><a href="#summary">Summary by rule and level</a></li>',
    ]
    return f'<ul class="stats" aria-label="Overview">{"".join(stats)}</ul>'


def _summary(findings: list[Finding], rules: Mapping[str, Rule]) -> str:
    """One table: a row per rule with its count at each level, and a totals row by level."""
    groups: dict[tuple[str, str], Counter] = {}
    for f in findings:
        groups.setdefault((f.code, f.rule), Counter())[f.level] += 1
    rows = []
    for (code, name), counts in sorted(groups.items()):
        rule = rules.get(code)
        summary = f'<br><span class="muted">{esc(rule.summary)}</span>' if rule else ""
        rows.append(
            f'<tr data-code="{esc(code)}"><td><code>{esc(code)}</code></td><td>{esc(name)}{summary}</td>'
            f"{_level_cells(counts)}</tr>"
        )
    if not rows:
        rows.append('<tr><td colspan="6" class="muted">No findings.</td></tr>')
    heads = "".join(f'<th class="num">{_badge(lvl.value)}</th>' for lvl in LEVELS)
    totals = Counter(f.level for f in findings)
    return (
        '<section class="panel summary" id="summary"><h3>Summary by rule and level</h3><table class="by-rule">'
        f'<thead><tr><th>Code</th><th>Rule</th>{heads}<th class="num">Total</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody><tfoot><tr class="by-level"><th colspan="2">All rules</th>'
        f"{_level_cells(totals)}</tr></tfoot></table></section>"
    )


def _level_cells(counts: Counter) -> str:
    cells = "".join(
        f'<td class="num" data-level="{lvl.value}">{counts.get(lvl, 0) or ""}</td>' for lvl in LEVELS
    )
    return f'{cells}<td class="num total">{sum(counts.values())}</td>'


def _file_list(files: Sequence["FilePage"]) -> str:
    items = []
    for number, item in enumerate(files, 1):
        counts = Counter(f.level for f in item.report.findings)
        chips = " ".join(_badge(lvl.value, f"{counts[lvl]} {lvl.value}") for lvl in LEVELS if counts.get(lvl))
        items.append(f'<li><a href="#file-{number}">{esc(item.path)}</a> {chips or _badge("safe", "clean")}</li>')
    return f'<nav class="panel files" aria-label="Files"><h3>Files</h3><ol>{"".join(items)}</ol></nav>'


def _file(number: int, item: "FilePage", rules: Mapping[str, Rule]) -> Iterator[str]:
    """One file, in pieces: article and findings, then changes, then readability."""
    report, prefix = item.report, str(number)
    tip = lambda index, finding: _tip(prefix, index, finding, rules)  # noqa: E731
    yield (
        f'<section class="file" id="file-{number}" data-path="{esc(item.path)}">'
        f'<div class="panel"><h2>{esc(item.path)}</h2>'
        '<div class="review"><div><h3>Article</h3><div class="article" lang="en">'
    )
    yield highlight(report.text, report.findings, prefix, tip)
    yield f'</div></div><aside aria-label="Findings"><h3>Findings ({len(report.findings)})</h3><div class="cards">'
    yield "".join(_card(prefix, i, f, rules) for i, f in enumerate(report.findings, 1)) or _NO_FINDINGS
    yield "</div></aside></div></div>"
    yield _changes(item)
    yield f"{_readability(item, prefix)}</section>"


def _suggestion(f: Finding) -> str:
    if not f.replacements:
        return ""
    shown = " | ".join(f"“{esc(r)}”" if r else "(delete)" for r in f.replacements[:3])
    return f"{shown} {_badge(f.safety.value) if f.safety else ''}"


def _tip(prefix: str, index: int, f: Finding, rules: Mapping[str, Rule]) -> str:
    rule = rules.get(f.code)
    why = f'<span class="p muted why">{esc(rule.why)}</span>' if rule else ""
    suggestion = f'<span class="p">→ {_suggestion(f)}</span>' if f.replacements else ""
    return (
        f'<span class="item">{_badge(f.level.value)} <code>{esc(f.code)}</code> {esc(f.rule)}'
        f'<span class="p">{esc(f.message)}</span>{suggestion}{why}'
        f'<span class="p"><a href="#f{prefix}-{index}">details</a></span></span>'
    )


def _card(prefix: str, index: int, f: Finding, rules: Mapping[str, Rule]) -> str:
    rule = rules.get(f.code)
    rows = [("Found", f"“{esc(f.text)}”" if f.text else '<span class="muted">(a position)</span>')]
    if f.replacements:
        rows.append(("Suggestion", _suggestion(f)))
    if f.safety:
        rows.append(("Fix", esc((f.fix_title + " · " if f.fix_title else "") + _SAFETY_TEXT[f.safety])))
    if rule:
        rows += [("Rule", f"{esc(rule.name)}: {esc(rule.summary)}"), ("Why", esc(rule.why))]
    if f.source != "cleaner":
        rows.append(("Source", esc(f.source)))
    rows.append(("Where", f'<a href="#m{prefix}-{index}">line {f.line}, column {f.column}: show in text</a>'))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<details class="card" id="f{prefix}-{index}" data-level="{esc(f.level.value)}" data-code="{esc(f.code)}">'
        f'<summary>{_badge(f.level.value)} <code>{esc(f.code)}</code> {esc(f.message)} '
        f'<span class="loc">{f.line}:{f.column}</span></summary><dl>{details}</dl></details>'
    )


def _changes(item: "FilePage") -> str:
    """The side-by-side view of what `fix` and `fix --unsafe-fixes` change."""
    safe_count = len(item.safe.applied)
    unsafe_count = sum(1 for f in item.unsafe.applied if f.safety is Safety.UNSAFE)
    note = (
        f"<p><code>cleaner fix</code> applies <b>{safe_count}</b> safe fix(es); "
        f"<code>cleaner fix --unsafe-fixes</code> applies <b>{unsafe_count}</b> more. "
        f"<b>{len(item.unsafe.remaining)}</b> finding(s) stay for an editor.</p>"
    )
    if item.unsafe.unstable or item.safe.unstable:
        codes = sorted(set(item.safe.unstable) | set(item.unsafe.unstable))
        note += f'<p class="muted">Set aside because their fixes did not settle: {esc(", ".join(codes))}.</p>'
    table = side_by_side(item.unsafe)
    legend = (
        '<div class="legend"><span>Legend:</span><span><del class="safe">removed</del> '
        '<ins class="safe">added</ins> safe fix</span><span><del class="unsafe">removed</del> '
        '<ins class="unsafe">added</ins> unsafe fix (only with --unsafe-fixes)</span></div>'
    )
    body = legend + table if table else '<p class="muted">No automatic fixes for this file.</p>'
    return f'<div class="panel changes"><h3>Changes (original | fixed)</h3>{note}{body}</div>'


def _readability(item: "FilePage", prefix: str) -> str:
    """The chart and the table of readability before and after fixing."""
    before = item.report.readability
    if before is None:
        return '<div class="panel readability"><h3>Readability</h3><p class="muted">Not scored.</p></div>'
    columns = (before, item.after_safe, item.after_unsafe)
    rows = "".join(_score_row(field, columns) for field in _TABLE_FIELDS if field in before)
    table = (
        '<table class="scores"><thead><tr><th>Score</th><th class="num">Before</th><th class="num">After fix</th>'
        f'<th class="num">With --unsafe-fixes</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return (
        '<div class="panel readability"><h3>Readability</h3>'
        f'<div class="grid">{readability_chart(columns, prefix)}{table}</div></div>'
    )


def _score_row(field: str, columns: Sequence[Mapping[str, Any] | None]) -> str:
    cells = "".join(f'<td class="num">{esc(c.get(field, "")) if c else "n/a"}</td>' for c in columns)
    return f'<tr data-field="{esc(field)}"><td>{esc(label(field))}</td>{cells}</tr>'
