"""End to end through the real CLI: a temporary repository with a config, Markdown and HTML articles,
a baseline and a changed line; every output format; --jobs; pre-commit for real; the README examples."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from test_config import TEAM_RULE, run_main
from test_formats import sarif_validator
from tests_support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = str(Path(sys.executable).parent)

CONFIG = """\
[tool.cleaner]
fail-on = "warning"
exclude = ["drafts"]

[tool.cleaner.levels]
double-period = "error"
"""

STORM = """\
---
title: Storm.. front matter
---

# Storm hits the coast

The storm arrived on Monday.. Officials said roads were closed.

```text
Code block.. is never checked.
```

Run `a..b` for the data. The river rose overnight.. Nobody was hurt.

<!-- cleaner-disable -->
A quoted transcript.. kept as spoken. It stays.. as it is.
<!-- cleaner-enable -->

<!-- cleaner-disable-next-line PU101 -->
The mayor spoke.. Residents listened.
"""
STORM_SILENT = (2, 10, 16, 20)  # front matter, code block, disabled region, next-line target

COUNCIL = """\
<html><head><script>var s = "a..b";</script></head>
<body><nav>Menu.. item. Next item.</nav>
<article>
  <p class="x..y">The council met.. Members voted on the plan.</p>
</article></body></html>
"""


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip()


def cleaner(cwd: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI entry point in this process (fast); worker processes for --jobs are still real."""
    return run_main(list(args), cwd)


def cleaner_process(cwd: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the CLI as a separate process, exactly as a shell would."""
    # Not conftest's helper: another conftest.py (tests/languagetool) can shadow that module name.
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def findings(out: str) -> dict[str, list[tuple[str, int, str]]]:
    """Map file name -> [(code, line, level)] from a JSON report."""
    return {Path(f["path"]).name: [(x["code"], x["line"], x["level"]) for x in f["findings"]] for f in json.loads(out)["files"]}


def pu101(report: dict, name: str) -> list[int]:
    return [line for code, line, _ in report.get(name, []) if code == "PU101"]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    git(root, "init", "-q")
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (root / "articles" / "drafts").mkdir(parents=True)
    (root / "articles" / "storm.md").write_text(STORM, encoding="utf-8")
    (root / "articles" / "council.html").write_text(COUNCIL, encoding="utf-8")
    (root / "articles" / "drafts" / "draft.md").write_text("Draft text.. not ready. More later.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "archive")
    return root


def test_config_markup_and_suppressions(repo: Path) -> None:
    code, out, _ = cleaner(repo, "check", "-f", "json", "articles")
    report = findings(out)
    assert code == 1 and sorted(report) == ["council.html", "storm.md"]  # drafts excluded by the config
    assert pu101(report, "storm.md") == [7, 13] and pu101(report, "council.html") == [4]
    assert not [f for f in report["storm.md"] if f[1] in STORM_SILENT]
    assert {level for code_, _, level in report["storm.md"] if code_ == "PU101"} == {"error"}  # levels override
    assert cleaner(repo, "check", "--fail-on", "never", "articles")[0] == 0
    code, out, _ = cleaner(repo, "check", "-f", "json", "--select", "PU101", "--fail-on", "error", "articles/storm.md")
    assert code == 1 and [f["level"] for f in json.loads(out)["files"][0]["findings"]] == ["error", "error"]


def test_stdin_with_a_filename_is_markdown_under_the_config(repo: Path) -> None:
    code, out, _ = cleaner_process(repo, "check", "-f", "json", "--stdin-filename", "articles/new.md", "-", stdin=STORM.encode())
    [entry] = json.loads(out)["files"]
    assert code == 1 and entry["path"] == "articles/new.md"
    assert [(f["line"], f["level"]) for f in entry["findings"] if f["code"] == "PU101"] == [(7, "error"), (13, "error")]


def test_baseline_then_a_changed_line(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "clone"
    shutil.copytree(repo, work)
    code, _, err = cleaner(work, "check", "--baseline", "cleaner-baseline.json", "--write-baseline", "articles")
    assert code == 0 and "wrote" in err
    assert cleaner(work, "check", "--baseline", "cleaner-baseline.json", "articles")[0] == 0
    git(work, "add", "-A")
    git(work, "commit", "-qm", "baseline")
    story = work / "articles" / "storm.md"
    text = story.read_text(encoding="utf-8").replace("# Storm", "Updated at noon.\n\n# Storm")
    story.write_text(text + "\nThe coast guard arrived.. Boats were out.\n", encoding="utf-8")
    expected_new = len(text.splitlines()) + 2
    for args in (("--baseline", "cleaner-baseline.json"), ("--diff-base", "HEAD")):
        code, out, _ = cleaner(work, "check", "-f", "json", *args, "articles")
        report = findings(out)
        assert code == 1 and pu101(report, "storm.md") == [expected_new] and pu101(report, "council.html") == []
    code, out, _ = cleaner(work, "check", "-f", "json", "--diff-base", "HEAD~1", "articles")
    assert pu101(findings(out), "council.html") == []  # unchanged since the archive commit
    assert cleaner(work, "check", "--diff-base", "no-such-rev", "articles")[0] == 2
    # git runs in the checked files' repository, not in the folder cleaner was started from.
    outside = tmp_path / "outside"
    outside.mkdir()
    code, out, err = cleaner(outside, "check", "-f", "json", "--diff-base", "HEAD", str(work / "articles"))
    assert code == 1 and pu101(findings(out), "storm.md") == [expected_new], err


@pytest.mark.slow
def test_every_format_is_valid_and_jobs_2_equals_serial(repo: Path) -> None:
    outputs = {}
    from cleaner.report.formats import names

    for fmt in names("check"):
        serial = cleaner(repo, "check", "-f", fmt, "--no-color", "articles")
        run = cleaner_process if fmt == "sarif" else cleaner  # one of them in a real process end to end
        assert serial == run(repo, "check", "-f", fmt, "--no-color", "--jobs", "2", "articles")
        assert serial[0] == 1
        outputs[fmt] = serial[1]
    sarif = json.loads(outputs["sarif"])
    assert not list(sarif_validator().iter_errors(sarif))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert uris == sorted(uris) and set(uris) == {"articles/council.html", "articles/storm.md"}
    assert re.search(r"^::error file=articles/storm\.md,line=7,col=28,endLine=7,endColumn=30,title=PU101 double-period::", outputs["github"], re.M)
    assert {i["location"]["path"] for i in json.loads(outputs["gitlab"])} == {"articles/council.html", "articles/storm.md"}
    assert [s.get("name") for s in ET.fromstring(outputs["junit"])] == ["articles/council.html", "articles/storm.md"]
    assert outputs["text"].index("articles/council.html:4:") < outputs["text"].index("articles/storm.md:7:28:")


# --- the README's examples ----------------------------------------------------------------


def readme_block(name: str) -> str:
    """Return the fenced block that follows `<!-- test: NAME -->` in the README."""
    match = re.search(rf"<!-- test: {re.escape(name)} -->\n```[a-z]*\n(.*?)\n```", README, re.S)
    assert match, f"README has no example marked {name}"
    return match.group(1) + "\n"


def sh(script: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_readme_sections_are_filled_in() -> None:
    for marker in ("exit-codes", "configuration", "formats", "pre-commit", "github-actions"):
        assert f"<!-- section:{marker} -->" not in README
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 70 |"):
        assert code in README


@pytest.mark.slow
def test_readme_exit_code_example(tmp_path: Path) -> None:
    done = sh(readme_block("exit-codes"), tmp_path)
    assert re.findall(r"^exit \d+$", done.stdout, re.M) == ["exit 0", "exit 1"], done.stdout + done.stderr


def test_readme_configuration_example(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(readme_block("pyproject"), encoding="utf-8")
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "foobar.yaml").write_text(TEAM_RULE, encoding="utf-8")
    code, out, err = cleaner(tmp_path, "config")
    assert code == 0, err
    assert 'variant = "en-GB"' in out and 'double-period = "error"' in out
    story = tmp_path / "story.md"
    story.write_text("We saw foobar today.. Nobody else did.\n\n" + readme_block("suppressions"), encoding="utf-8")
    assert cleaner(tmp_path, "check", "story.md")[0] == 2  # the configured baseline does not exist yet
    assert cleaner(tmp_path, "check", "--write-baseline", "story.md")[0] == 0
    assert (tmp_path / "cleaner-baseline.json").is_file()
    (tmp_path / "cleaner-baseline.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    code, out, _ = cleaner(tmp_path, "check", "-f", "json", "story.md")
    report = findings(out)["story.md"]
    assert code == 1 and ("HR901", 1, "error") in report and ("PU101", 1, "error") in report
    assert [f for f in report if f[1] > 2 and f[0] == "PU101"] == []  # the suppression example silences them


@pytest.mark.slow
def test_readme_baseline_diff_and_format_examples(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "clone"
    shutil.copytree(repo, work)
    done = sh(readme_block("baseline") + "echo \"exit $?\"", work)
    assert done.stdout.strip().endswith("exit 0"), done.stdout + done.stderr
    done = sh(readme_block("diff-base") + "echo \"exit $?\"", work)
    assert done.stdout.strip().endswith("exit 0")  # nothing changed since HEAD
    done = sh(readme_block("formats"), work)
    assert not list(sarif_validator().iter_errors(json.loads((work / "cleaner.sarif").read_text())))
    assert json.loads((work / "gl-code-quality-report.json").read_text())
    assert ET.parse(work / "cleaner-junit.xml").getroot().tag == "testsuites"
    assert done.stdout.startswith("::")
    job = yaml.safe_load(readme_block("gitlab-ci"))["cleaner"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    (work / "gl-code-quality-report.json").unlink()
    sh(job["script"][1], work)
    assert {i["check_name"] for i in json.loads((work / "gl-code-quality-report.json").read_text())} >= {"PU101"}


@pytest.mark.slow
def test_readme_github_workflow_runs_the_action_script(repo: Path, tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = yaml.safe_load(readme_block("github-actions"))
    steps = workflow["jobs"]["cleaner"]["steps"]
    [step] = [s for s in steps if s.get("uses", "").startswith("OWNER/cleaner@")]
    assert set(step["with"]) <= set(action["inputs"])
    sarif_step = yaml.safe_load(readme_block("github-sarif"))[0]
    assert set(sarif_step["with"]) <= set(action["inputs"]) and sarif_step["with"]["format"] == "sarif"
    assert action["runs"]["using"] == "composite"
    [run_step] = [s for s in action["runs"]["steps"] if s.get("name") == "Run cleaner"]
    work = tmp_path / "clone"
    shutil.copytree(repo, work)
    git(work, "update-ref", "refs/remotes/origin/main", "HEAD")
    story = work / "articles" / "storm.md"
    story.write_text(story.read_text() + "\nThe coast guard arrived.. Boats were out.\n", encoding="utf-8")
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({k: str(v).replace("${{ github.base_ref }}", "main") for k, v in step["with"].items()})
    env = {}
    for key, value in run_step["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", value).group(1)
        env[key] = inputs[name]
    done = subprocess.run(
        ["bash", "-c", run_step["run"]], cwd=work, capture_output=True, text=True, timeout=600,
        env={**os.environ, **env, "PATH": BIN + os.pathsep + os.environ["PATH"]},
    )  # fmt: skip
    annotations = done.stdout.splitlines()
    assert done.returncode == 1, done.stderr
    assert annotations == [a for a in annotations if a.startswith("::")] and len(annotations) >= 1
    new_line = len(STORM.splitlines()) + 2
    assert [a for a in annotations if "PU101" in a] == [a for a in annotations if f"file=articles/storm.md,line={new_line}," in a]
    assert any("PU101" in a for a in annotations)


# --- pre-commit, for real ------------------------------------------------------------------

HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "cleaner", "rules")


@pytest.mark.slow  # pre-commit builds its own environment: 40-90 s
def test_pre_commit_hooks_run_for_real(repo: Path, tmp_path: Path) -> None:
    hooks = tmp_path / "hook-repo"
    hooks.mkdir()
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-qm", "hooks")
    rev = git(hooks, "rev-parse", "HEAD")
    config = readme_block("pre-commit").replace("https://github.com/OWNER/cleaner", str(hooks)).replace("v0.1.0", rev)
    work = tmp_path / "newsroom"
    shutil.copytree(repo, work)
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PATH": BIN + os.pathsep + os.environ["PATH"]}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    run = lambda *a: subprocess.run([*pre_commit, *a], cwd=work, env=env, capture_output=True, text=True, timeout=900)  # noqa: E731

    first = run("run", "cleaner-check", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "articles/storm.md:7:28: PU101" in first.stdout and "drafts" not in first.stdout
    fixed = run("run", "cleaner-fix", "--all-files")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout
    assert "Monday. Officials" in (work / "articles" / "storm.md").read_text(encoding="utf-8")
    git(work, "add", "-A")
    again = run("run", "cleaner-check", "--files", "articles/council.html", "articles/storm.md")
    assert "PU101" not in again.stdout, again.stdout
