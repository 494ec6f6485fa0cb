"""Silencing findings: inline comments in Markdown/HTML, and a baseline of accepted findings.

Inline (selectors as in `select`; none means every rule):

    <!-- cleaner-disable PU101, names -->  ...  <!-- cleaner-enable -->
    <!-- cleaner-disable-next-line PU101 -->

A baseline entry is keyed by path, code, the flagged text and a hash of the text around it,
never by line number, so lines added or removed above a finding do not revive it.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from cleaner.errors import InputError
from cleaner.inputs import extract
from cleaner.inputs.registry import directive_pattern, format_for_path
from cleaner.document import LineIndex
from cleaner.model import FileReport, Finding, Rule
from cleaner.selection import NO_MATCH, Target, best_rank, target_of, unknown_selectors
from cleaner.textio import SourceText

HTML_COMMENT = ("<!--", "-->")
VERBS = ("disable", "enable", "disable-next-line")
ALL = ("ALL",)
CONTEXT_CHARS = 40  # characters each side of a finding (within its line) that identify it
BASELINE_VERSION = 1


@dataclass(frozen=True)
class InlineSuppressions:
    """Disabled regions [start, end) and next-line targets, each with its selectors."""

    regions: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    lines: tuple[tuple[int, tuple[str, ...]], ...] = ()
    directives: tuple[tuple[int, str, tuple[str, ...]], ...] = ()  # (line, verb, selectors) of every comment

    def silences(self, finding: Finding, target: Target) -> bool:
        """True when a directive covers the finding's start and names its rule."""
        for start, end, selectors in self.regions:
            if start <= finding.start < end and best_rank(selectors, target) > NO_MATCH:
                return True
        return any(line == finding.line and best_rank(s, target) > NO_MATCH for line, s in self.lines)


def parse_inline(
    text: str,
    comment: tuple[str, str | None] = HTML_COMMENT,
    comments: Iterable[tuple[int, int]] | None = None,
) -> InlineSuppressions:
    """Read the cleaner-disable/enable/disable-next-line comments of a document (in its comment syntax).

    With `comments` (the extractor's real comments, in prose context), only a directive that
    is one of them counts: the same characters inside code, a script string or an attribute
    are not a comment.
    """
    if comments is None:
        comments = _all_comments(text, comment)
    pattern = directive_pattern(comment)
    matches = [m for start, end in comments if (m := pattern.fullmatch(text, start, end))]
    index = LineIndex(text)
    open_at: dict[str, int] = {}
    regions: list[tuple[int, int, tuple[str, ...]]] = []
    lines: list[tuple[int, tuple[str, ...]]] = []
    directives: list[tuple[int, str, tuple[str, ...]]] = []
    for match in matches:
        verb, selectors = match.group(1), tuple(re.findall(r"[^\s,]+", match.group(2))) or ALL
        directives.append((index.line_col(match.start())[0], verb, selectors))
        if verb not in VERBS:
            continue  # a misspelt directive silences nothing (InlineFilter warns)
        if verb == "disable-next-line":
            lines.append((index.line_col(match.end())[0] + 1, selectors))
        elif verb == "disable":
            for selector in selectors:
                open_at.setdefault(selector, match.end())
        else:
            closing = list(open_at) if selectors == ALL else [s for s in selectors if s in open_at]
            regions.extend((open_at.pop(s), match.start(), (s,)) for s in closing)
    regions.extend((start, len(text), (s,)) for s, start in open_at.items())
    return InlineSuppressions(tuple(sorted(regions)), tuple(lines), tuple(directives))


def directive_problems(inline: InlineSuppressions, rules: Sequence[Rule]) -> list[str]:
    """`LINE: problem` for each misspelt directive, and each selector in one that matches no rule."""
    problems = []
    for line, verb, selectors in inline.directives:
        if verb not in VERBS:
            problems.append(f"{line}: unknown directive `cleaner-{verb}` (expected {', '.join(f'cleaner-{v}' for v in VERBS)}); ignored")
            continue
        problems.extend(f"{line}: `{bad}` in cleaner-{verb} matches no rule" for bad in unknown_selectors(selectors, rules))
    return problems


def _all_comments(text: str, comment: tuple[str, str | None]) -> list[tuple[int, int]]:
    """Every comment of a text, found with plain searches (linear, however many are open)."""
    opening, closing = comment
    spans: list[tuple[int, int]] = []
    start = text.find(opening)
    while start >= 0:
        close = text.find(closing or "\n", start + len(opening))
        if close < 0:
            if closing:
                break
            close = len(text)  # a line comment on the last line runs to the end of the text
        end = close + len(closing or "")
        spans.append((start, end))
        start = text.find(opening, end)
    return spans


@dataclass(frozen=True)
class InlineFilter:
    """A runner filter that drops findings silenced by inline comments (in formats that have comments)."""

    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: tuple[Rule, ...] = ()  # every loaded rule, selected or not: what a directive may name

    def __call__(self, source: SourceText, findings: list[Finding]) -> list[Finding]:
        """Return the findings no directive silences; warn on stderr about a directive that cannot work."""
        comment = format_for_path(source.path).comment
        if comment is None or "cleaner-" not in source.text:
            return findings
        inline = parse_inline(source.text, comment, extract(source.path, source.text).comments)
        for problem in directive_problems(inline, self.rules):
            _warn_once(f"{source.path}:{problem}")
        aliases = dict(self.aliases)
        return [f for f in findings if not inline.silences(f, target_of(f, aliases))]


@functools.lru_cache(maxsize=None)
def _warn_once(message: str) -> None:
    """Print a warning once per process (`fix` checks a text again after each pass)."""
    print(f"cleaner: warning: {message}", file=sys.stderr)


def context_hash(text: str, finding: Finding) -> str:
    """Hash the finding's surroundings on its own line, so edits on other lines leave the key alone."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(finding.start - CONTEXT_CHARS, line_start) : finding.start]
    after = text[finding.end : min(finding.end + CONTEXT_CHARS, max(line_end, finding.end))]
    normal = " ".join(before.split()) + "\x00" + finding.text + "\x00" + " ".join(after.split())
    import hashlib  # with a baseline only: a plain check does not load OpenSSL

    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def baseline_path_key(path: str, root: Path) -> str:
    """Return the path as stored in a baseline: posix, relative to the baseline's folder."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def entry_for(path_key: str, text: str, finding: Finding) -> dict[str, str]:
    """Return the baseline entry of one finding."""
    return {
        "path": path_key,
        "code": finding.code,
        "rule": finding.rule,
        "text": finding.text,
        "context": context_hash(text, finding),
    }


def _key(entry: Mapping[str, str]) -> tuple[str, str, str, str]:
    return entry["path"], entry["code"], entry["text"], entry["context"]


def entries_for(report: FileReport, root: Path) -> list[dict[str, str]]:
    """Return the baseline entries of one file's findings."""
    key = baseline_path_key(report.path, root)
    return [entry_for(key, report.text, f) for f in report.findings]


def write_baseline(path: Path, entries: Iterable[Mapping[str, str]]) -> int:
    """Write a baseline file (sorted, deterministic) and return how many entries it holds."""
    import json  # a baseline's format: not loaded by a check without one

    rows = sorted((dict(e) for e in entries), key=_key)
    payload = {"version": BASELINE_VERSION, "tool": "cleaner", "findings": rows}
    try:
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write baseline: {exc.strerror}") from None
    return len(rows)


@dataclass(frozen=True)
class BaselineFilter:
    """A runner filter that drops findings recorded in a baseline (each entry absorbs one finding)."""

    root: Path
    by_path: Mapping[str, Mapping[tuple[str, str, str, str], int]]

    @classmethod
    def load(cls, path: Path) -> "BaselineFilter":
        """Read a baseline file; a missing or malformed one is an input error naming the file."""
        import json

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: baseline file does not exist (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a cleaner baseline: {exc}") from None
        rows = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(rows, list) or data.get("version") != BASELINE_VERSION:
            raise InputError(f"{path}: not a cleaner baseline (version {BASELINE_VERSION} with a findings list)")
        try:
            counts = Counter(_key(row) for row in rows)
        except (KeyError, TypeError):
            raise InputError(f"{path}: baseline entries need path, code, text and context") from None
        by_path: dict[str, dict[tuple[str, str, str, str], int]] = {}
        for key, count in counts.items():
            by_path.setdefault(key[0], {})[key] = count
        return cls(path.parent.resolve(), by_path)

    def __call__(self, source: SourceText, findings: list[Finding]) -> list[Finding]:
        """Return the findings that are not in the baseline."""
        path_key = baseline_path_key(source.path, self.root)
        left = Counter(self.by_path.get(path_key, {}))
        if not left:
            return findings
        kept = []
        for finding in findings:
            key = _key(entry_for(path_key, source.text, finding))
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(finding)
        return kept
