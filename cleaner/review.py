"""Interactive review of findings, like `git add -p`: the session logic, apart from the terminal.

A `ReviewSession` holds the findings of one text and the editor's decision on each. All
findings refer to the original text, and accepted changes are kept as edits on it, so
the result is the original with exactly the accepted spans replaced. A finding whose
span overlaps an already accepted change is marked `conflict` and not asked about.

`run(session, ui)` drives a session through any object with `write`, `read_key` and
`read_line`; the CLI passes a terminal, the tests can pass a script.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol, Sequence

from cleaner.diffing import BOLD, CYAN, RESET, excerpt, unified_diff
from cleaner.fixer import apply_edits, overlaps
from cleaner.model import Edit, Finding

LOG_VERSION = 1

KEYS_HELP = """\
y - accept this change (the first candidate)
1-9 - accept candidate number N
n - reject this change
e - edit the replacement text, then accept it
s - skip: decide later (left as it is)
a - accept this change and every later one from the same rule
q - quit: keep the changes accepted so far, leave the rest
? - show this help"""


class Decision(str, Enum):
    """What happened to one finding."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SKIPPED = "skipped"
    CONFLICT = "conflict"
    UNDECIDED = "undecided"


@dataclass
class Item:
    """One finding under review and the decision taken on it."""

    finding: Finding
    decision: Decision = Decision.UNDECIDED
    replacement: str | None = None
    edited: bool = False

    @property
    def edit(self) -> Edit | None:
        """The accepted change as an edit on the original text."""
        if self.decision is not Decision.ACCEPTED or self.replacement is None:
            return None
        return Edit(self.finding.start, self.finding.end, self.replacement)

    def to_dict(self) -> dict[str, Any]:
        """Return the decision-log entry of this finding."""
        return {
            "finding": self.finding.to_dict(),
            "decision": self.decision.value,
            "replacement": self.replacement,
            "edited": self.edited,
        }


class ReviewSession:
    """The findings of one text, the position in them, and the decisions taken so far."""

    def __init__(self, path: str, text: str, findings: Sequence[Finding]) -> None:
        self.path = path
        self.text = text
        self.items = [Item(f) for f in sorted(findings, key=lambda f: f.sort_key)]
        self.index = 0
        self.accept_all: set[str] = set()
        self.quit = False
        self.notes: list[str] = []  # what happened without asking (auto-accepted, conflicts)

    @property
    def current(self) -> Item | None:
        """The item waiting for a decision, after settling the ones that need no question."""
        while not self.quit and self.index < len(self.items):
            item = self.items[self.index]
            if self._settle(item):
                self.index += 1
                continue
            return item
        return None

    def _settle(self, item: Item) -> bool:
        """Mark conflicts and accept-all items without asking; True when the item is settled."""
        candidate = item.finding.replacements[0] if item.finding.replacements else None
        span = Edit(item.finding.start, item.finding.end, candidate or "")
        if any(overlaps(span, edit) for edit in self.edits()):
            item.decision = Decision.CONFLICT
            self.notes.append(f"{self.where(item)}: {item.finding.code} overlaps an accepted change; left as it is")
            return True
        if item.finding.code in self.accept_all and candidate is not None:
            item.decision, item.replacement = Decision.ACCEPTED, candidate
            self.notes.append(f"{self.where(item)}: {item.finding.code} accepted (all of this rule)")
            return True
        return False

    def where(self, item: Item) -> str:
        """Return 'path:line:col' of an item."""
        return f"{self.path}:{item.finding.line}:{item.finding.column}"

    def decide(self, decision: Decision, replacement: str | None = None, edited: bool = False) -> None:
        """Record a decision on the current item and move on."""
        item = self.current
        if item is None:
            return
        item.decision, item.replacement, item.edited = decision, replacement, edited
        self.index += 1

    def accept(self, candidate: int = 0) -> bool:
        """Accept candidate number `candidate` (0-based); False when there is no such candidate."""
        item = self.current
        if item is None or candidate >= len(item.finding.replacements):
            return False
        self.decide(Decision.ACCEPTED, item.finding.replacements[candidate])
        return True

    def accept_rule(self) -> bool:
        """Accept the current item and every later one of its rule; False when it has no candidate."""
        item = self.current
        if item is None or not item.finding.replacements:
            return False
        self.accept()
        self.accept_all.add(item.finding.code)  # after accepting: `current` settles later items by it
        return True

    def stop(self) -> None:
        """Quit: items not yet decided stay undecided."""
        self.quit = True

    def edits(self) -> list[Edit]:
        """The accepted changes, as edits on the original text."""
        return sorted(e for e in (item.edit for item in self.items) if e is not None)

    def result(self) -> str:
        """The original text with the accepted changes applied."""
        return apply_edits(self.text, self.edits())

    def patch(self) -> str:
        """The accepted changes as a unified diff (empty when nothing was accepted)."""
        return unified_diff(self.text, self.result(), self.path)

    def counts(self) -> dict[str, int]:
        """How many findings ended in each decision."""
        return {d.value: sum(1 for i in self.items if i.decision is d) for d in Decision}

    def log(self, written: bool) -> dict[str, Any]:
        """Return the JSON decision log of the session."""
        return {
            "version": LOG_VERSION,
            "path": self.path,
            "written": written,
            "decisions": [item.to_dict() for item in self.items],
            "summary": self.counts(),
        }


class UI(Protocol):
    """What `run` needs from a terminal."""

    def write(self, text: str) -> None: ...

    def read_key(self, prompt: str) -> str: ...

    def read_line(self, prompt: str, default: str) -> str | None: ...


def run(session: ReviewSession, ui: UI, color: bool = False) -> None:
    """Ask about every finding in turn until all are decided or the editor quits."""
    total = len(session.items)
    while (item := session.current) is not None:
        _flush_notes(session, ui)
        ui.write(render_item(session, item, total, color))
        while not handle_key(session, item, ui.read_key(prompt(item, color)).lower(), ui):
            pass
    _flush_notes(session, ui)


def _flush_notes(session: ReviewSession, ui: UI) -> None:
    for note in session.notes:
        ui.write(f"  {note}\n")
    session.notes.clear()


def prompt(item: Item, color: bool = False) -> str:
    """The question under each finding, listing the keys that apply."""
    count = len(item.finding.replacements)
    numbers = f",1-{min(count, 9)}" if count > 1 else ""
    keys = f"[y,n,e,s,a,q{numbers},?]" if count else "[e,n,s,q,?]"
    question = "Apply this change" if count else "No candidate; write one"
    text = f"{question} {keys}? "
    return f"{BOLD}{text}{RESET}" if color else text


def handle_key(session: ReviewSession, item: Item, key: str, ui: UI) -> bool:
    """Act on one key; True when the item is settled and the session moves on."""
    if key in ("q", "\x04", ""):  # q, Ctrl-D or end of input
        session.stop()
        return True
    if key == "y" or (key.isdigit() and key != "0"):
        if session.accept(int(key) - 1 if key.isdigit() else 0):
            return True
        ui.write("  no such candidate; press e to write the replacement\n")
        return False
    if key in ("n", "s"):
        session.decide(Decision.REJECTED if key == "n" else Decision.SKIPPED)
        return True
    if key == "a":
        if session.accept_rule():
            return True
        ui.write("  no candidate to accept; press e to write one\n")
        return False
    if key == "e":
        return _edit(session, item, ui)
    ui.write(KEYS_HELP + "\n")
    return False


def _edit(session: ReviewSession, item: Item, ui: UI) -> bool:
    best = item.finding.replacements[0] if item.finding.replacements else item.finding.text
    typed = ui.read_line(f"Replace “{item.finding.text}” with (empty line cancels): ", best)
    if not typed:
        ui.write("  edit cancelled\n")
        return False
    session.decide(Decision.ACCEPTED, typed, edited=True)
    return True


def render_item(session: ReviewSession, item: Item, total: int, color: bool = False) -> str:
    """Show one finding: where, which rule, how safe, and the change as a before/after diff."""
    f = item.finding
    number = session.items.index(item) + 1
    safety = f.safety.value if f.safety else "review"
    head = f"[{number}/{total}] {session.where(item)}  {f.code} {f.rule} ({safety})"
    lines = [f"{BOLD}{head}{RESET}" if color else head, f"  {f.message}"]
    best = f.replacements[0] if f.replacements else None
    hunk = f"@@ line {f.line} @@"
    lines.append(f"{CYAN}{hunk}{RESET}" if color else hunk)
    lines.extend(excerpt(session.text, f.start, f.end, best, color=color))
    if len(f.replacements) > 1:
        lines.extend(f"  {n}) “{r}”" for n, r in enumerate(f.replacements[:9], 1))
    return "\n".join(lines) + "\n"
