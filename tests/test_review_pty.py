"""`cleaner review`: the session logic with a scripted UI, and the real command in a pseudo-terminal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from cleaner.engine import Engine
from cleaner.loader import load_rules
from cleaner.review import Decision, ReviewSession, run
from tests_support import fixture_rules, write_rules

RULES = {
    **fixture_rules("TR", "review"),
    "style/king-said.yaml": r"""
code: TR105
name: review-king-no-candidate
summary: A finding without a candidate, overlapping TR103.
why: test
level: info
kind: pattern
pattern: 'king met'
message: Check this phrase.
examples:
  fail: [{text: "The king met him.", flag: "king met"}]
  pass: ["The king spoke.", "A meeting."]
""",
}

ARTICLE = "The minister resigned.. Officials declined.\n\nChina Said. The king met him.\n\nThe colour is red. The king spoke.. Then the colour faded.\n"
REVIEWED = "The minister resigned. Officials declined.\n\nChina Said. Wang met him.\n\nThe hue is red. Wang spoke! Then the colour faded.\n"


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_rules(tmp_path_factory.mktemp("review-rules"), RULES)


@pytest.fixture()
def session(rules_dir: Path) -> ReviewSession:
    engine = Engine(load_rules((rules_dir,)))
    return ReviewSession("a.txt", ARTICLE, engine.check(ARTICLE))


class ScriptedUI:
    """Answers prompts from a list: keys for questions, lines for edits."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.output: list[str] = []

    def write(self, text: str) -> None:
        self.output.append(text)

    def read_key(self, prompt: str) -> str:
        self.output.append(prompt)
        return self.answers.pop(0) if self.answers else ""

    def read_line(self, prompt: str, default: str) -> str | None:
        self.output.append(f"{prompt}[{default}]")
        return self.answers.pop(0)


# --- the session logic ------------------------------------------------------------------------


def test_session_walks_every_finding_and_applies_only_accepted_changes(session: ReviewSession) -> None:
    assert [i.finding.code for i in session.items] == ["TR101", "TR102", "TR103", "TR105", "TR104", "TR103", "TR101", "TR104"]
    ui = ScriptedUI(["y", "n", "a", "2", "e", "!", "?", "s"])
    run(session, ui)
    decisions = [i.decision for i in session.items]
    assert decisions == [
        Decision.ACCEPTED, Decision.REJECTED, Decision.ACCEPTED, Decision.CONFLICT,
        Decision.ACCEPTED, Decision.ACCEPTED, Decision.ACCEPTED, Decision.SKIPPED,
    ]
    assert session.result() == REVIEWED
    shown = "".join(ui.output)
    assert "accepted (all of this rule)" in shown and "overlaps an accepted change" in shown
    assert "accept this change and every later one from the same rule" in shown  # the help
    assert "[.]" in shown  # the edit prompt offers the best candidate
    log = session.log(written=True)
    assert log["summary"] == {"accepted": 5, "rejected": 1, "skipped": 1, "conflict": 1, "undecided": 0}
    assert log["decisions"][6] == {**log["decisions"][6], "decision": "accepted", "replacement": "!", "edited": True}


def test_findings_without_a_candidate_need_an_edit(session: ReviewSession) -> None:
    ui = ScriptedUI(["n", "n", "n", "y", "a", "e", "", "e", "king greeted", "q"])
    run(session, ui)
    assert session.items[3].decision is Decision.ACCEPTED and session.items[3].replacement == "king greeted"
    assert "no such candidate" in "".join(ui.output) and "no candidate to accept" in "".join(ui.output)
    assert "edit cancelled" in "".join(ui.output)
    assert [i.decision for i in session.items[4:]] == [Decision.UNDECIDED] * 4
    assert session.result() == ARTICLE.replace("king met", "king greeted")


def test_quit_at_once_changes_nothing(session: ReviewSession) -> None:
    run(session, ScriptedUI(["q"]))
    assert session.result() == ARTICLE and session.patch() == ""
    assert session.counts()["undecided"] == len(session.items)


# --- the command ------------------------------------------------------------------------------


def _spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120", "LINES": "40"}
    return pexpect.spawn(
        sys.executable, ["-m", "cleaner.cli", *args], cwd=str(cwd), env=env, encoding="utf-8", timeout=60, dimensions=(40, 120)
    )


@pytest.mark.slow
def test_review_in_a_pseudo_terminal(rules_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").chmod(0o640)
    child = _spawn(["review", "a.txt", "--no-builtin-rules", "--extra-rules", str(rules_dir), "--patch", "review.diff", "--log", "review.json"], tmp_path)
    for key in ("y", "n", "a"):
        child.expect_exact("Apply this change [y,n,e,s,a,q,?]? ")
        child.send(key)
    child.expect_exact("overlaps an accepted change")
    child.expect_exact("2) “hue”")
    child.expect_exact("Apply this change [y,n,e,s,a,q,1-2,?]? ")
    child.send("2")
    child.expect_exact("accepted (all of this rule)")
    child.expect_exact("Apply this change [y,n,e,s,a,q,?]? ")
    child.send("e")
    child.expect_exact("Replace “..” with (empty line cancels): ")
    child.send("\x15!\r")  # Ctrl-U clears the pre-filled candidate
    child.expect_exact("Apply this change [y,n,e,s,a,q,1-2,?]? ")
    child.send("?")
    child.expect_exact("q - quit")
    child.send("s")
    child.expect_exact("Reviewed a.txt: 5 accepted, 1 rejected, 1 skipped, 1 conflict. Wrote a.txt.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == REVIEWED
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) == oct(0o640)
    log = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert [d["decision"] for d in log["decisions"]] == [
        "accepted", "rejected", "accepted", "conflict", "accepted", "accepted", "accepted", "skipped",
    ]
    assert log["written"] is True and log["decisions"][0]["finding"]["code"] == "TR101"
    patch = (tmp_path / "review.diff").read_text(encoding="utf-8")
    assert patch.startswith("--- ./a.txt\n+++ ./a.txt\n")
    if shutil.which("patch"):
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        subprocess.run(["patch", "-p0", "-s", "-i", "review.diff"], cwd=tmp_path, check=True)
        assert (tmp_path / "a.txt").read_text(encoding="utf-8") == REVIEWED


@pytest.mark.slow
def test_review_quit_leaves_the_file_and_logs_undecided(rules_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    child = _spawn(["review", "a.txt", "--no-builtin-rules", "--extra-rules", str(rules_dir), "--log", "log.json", "--no-color"], tmp_path)
    child.expect_exact("[1/8] a.txt:1:22  TR101 review-double-period (safe)")
    child.expect_exact("+ The minister resigned⟦.⟧ Officials declined.")
    child.expect_exact("Apply this change")
    child.send("q")
    child.expect_exact("The file was not changed.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE
    log = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert log["written"] is False and {d["decision"] for d in log["decisions"]} == {"undecided"}


def test_review_refuses_politely_without_a_terminal(rules_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "review", "a.txt", "--no-builtin-rules", "--extra-rules", str(rules_dir)],
        cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().splitlines() == [
        "cleaner: error: review is interactive and needs a terminal; in scripts use `cleaner fix --diff`"
    ]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE
