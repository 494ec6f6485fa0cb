"""The review page's stylesheet: one inline <style>, no fonts, images or scripts to fetch."""

from __future__ import annotations

CSS = """
:root {
  --bg: #f6f7f9; --panel: #ffffff; --ink: #1b1f24; --muted: #59636e; --line: #d8dee4;
  --error: #b42318; --error-bg: #fde8e6; --warning: #8a5300; --warning-bg: #fff1c2;
  --warning-mark: #e0a100; --info: #175cd3; --info-bg: #e3eefe;
  --safe: #137333; --safe-bg: #d7f5dd; --unsafe: #8a5300; --unsafe-bg: #ffe9b3;
  --del-bg: #ffe1de; --before: #8c959f;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1317; --panel: #171c22; --ink: #e6edf3; --muted: #9aa6b2; --line: #2d353e;
    --error: #ff8a80; --error-bg: #4a1512; --warning: #ffcc66; --warning-bg: #45340a;
    --warning-mark: #d9a21b; --info: #8ab4ff; --info-bg: #13284a;
    --safe: #7ee2a0; --safe-bg: #123d22; --unsafe: #ffcc66; --unsafe-bg: #4a3708;
    --del-bg: #4d1d1a; --before: #6e7781;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--ink); }
body {
  margin: 0 auto; max-width: 1240px; padding: 24px 28px 64px;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 1.6rem; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 1.25rem; margin: 0 0 12px; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 0 0 10px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
a { color: var(--info); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
.sub { color: var(--muted); margin: 0 0 20px; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 0 0 18px; }
.grid { display: grid; gap: 18px; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 14px; padding: 0; list-style: none; }
.stats li { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; background: var(--bg); }
.stats b { font-size: 1.15rem; margin-right: 4px; }
.badge {
  display: inline-block; border-radius: 999px; padding: 0 8px; font-size: .78rem; font-weight: 600;
  line-height: 1.6; border: 1px solid currentColor; white-space: nowrap;
}
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.warning { color: var(--warning); background: var(--warning-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.badge.safe { color: var(--safe); background: var(--safe-bg); }
.badge.unsafe { color: var(--unsafe); background: var(--unsafe-bg); border-style: dashed; }
.badge.suggest { color: var(--muted); background: transparent; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
tfoot th, tfoot td { border-bottom: 0; border-top: 2px solid var(--line); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
nav.files ol { margin: 0; padding-left: 22px; }
nav.files li { margin: 2px 0; overflow-wrap: anywhere; }
.file { scroll-margin-top: 12px; }
.review { display: grid; gap: 18px; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr); align-items: start; }
.article {
  white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.7 Georgia, "Iowan Old Style", "Times New Roman", serif;
  margin: 0; max-width: 75ch;
}
mark.hl {
  position: relative; color: inherit; background: var(--info-bg); border-bottom: 2px solid var(--info);
  border-radius: 2px; cursor: help; outline-offset: 2px;
}
mark.hl[data-level="warning"] { background: var(--warning-bg); border-bottom-color: var(--warning-mark); }
mark.hl[data-level="error"] { background: var(--error-bg); border-bottom-color: var(--error); }
mark.hl.multi { border-bottom-style: double; border-bottom-width: 4px; }
mark.hl.pt::before { content: "\\2038"; color: var(--error); font-weight: 700; }
mark.hl.pt { background: transparent; border-bottom: 0; }
.anchor { scroll-margin-top: 40vh; }
.tip {
  display: none; position: absolute; left: 0; top: calc(100% + 6px); z-index: 10; width: max-content; max-width: 420px;
  white-space: normal; font: 13.5px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  background: var(--panel); color: var(--ink); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, .18); padding: 8px 10px; cursor: auto;
}
mark.hl:hover > .tip, mark.hl:focus > .tip, mark.hl:focus-within > .tip { display: block; }
.tip .item + .item { border-top: 1px solid var(--line); margin-top: 6px; padding-top: 6px; }
.tip .p { display: block; margin: 2px 0; }
.tip .item { display: block; }
.tip .why { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
caption { text-align: left; font-size: .85em; padding: 0 0 4px; }
.muted { color: var(--muted); }
.cards { display: flex; flex-direction: column; gap: 8px; max-height: 1300px; overflow: auto; padding-right: 2px; }
details.card { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 8px; padding: 6px 10px; background: var(--panel); }
details.card[data-level="warning"] { border-left-color: var(--warning-mark); }
details.card[data-level="error"] { border-left-color: var(--error); }
details.card:target { box-shadow: 0 0 0 3px var(--info); }
details.card summary { cursor: pointer; list-style-position: outside; margin-left: 14px; }
details.card summary .loc { color: var(--muted); font-size: .85em; }
details.card dl { margin: 8px 0 2px; display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; font-size: .92em; }
details.card dt { color: var(--muted); }
details.card dd { margin: 0; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; margin: 0 0 12px; font-size: .9em; }
table.sbs { table-layout: fixed; }
table.sbs col.lncol { width: 3.6em; }
table.sbs td { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95em; }
table.sbs td.ln { color: var(--muted); text-align: right; font-size: .8em; padding-right: 4px; }
table.sbs tr.gap td { color: var(--muted); font-size: .8em; background: var(--bg); text-align: center; }
del, ins { text-decoration: none; border-radius: 2px; padding: 0 1px; }
del.safe { background: var(--del-bg); text-decoration: line-through; text-decoration-color: var(--error); }
del.unsafe { background: var(--del-bg); text-decoration: line-through wavy; text-decoration-color: var(--unsafe); outline: 1px dashed var(--unsafe); }
ins.safe { background: var(--safe-bg); color: var(--safe); font-weight: 600; }
ins.unsafe { background: var(--unsafe-bg); color: var(--unsafe); font-weight: 600; outline: 1px dashed var(--unsafe); }
svg.chart { width: 100%; max-width: 560px; height: auto; display: block; }
svg.chart text { fill: var(--ink); font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg.chart .track { fill: var(--bg); }
svg.chart .before { fill: var(--before); }
svg.chart .safe { fill: var(--safe); }
svg.chart .unsafe { fill: var(--warning-mark); }
svg.chart .head { font-weight: 600; }
footer { color: var(--muted); font-size: .85em; margin-top: 28px; }
@media (max-width: 900px) { .grid, .review { grid-template-columns: minmax(0, 1fr); } .cards { max-height: none; } }
@media print { .tip { display: none !important; } .cards { max-height: none; overflow: visible; } details.card { break-inside: avoid; } }
"""
