"""Issue 11, hostile inputs: every run ends, with a clear line and a distinct exit code, never a traceback."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.runner import worker_count
from tests_support import run_cli

DOUBLE = "He left.. Then she spoke.\n"


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`cleaner check --no-readability ARGS` in `cwd`; a hang fails the test through run_cli's timeout."""
    return run_cli("check", "--no-readability", *args, cwd=cwd)


def one_line_error(proc: subprocess.CompletedProcess, code: int, *words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert all(w in err for w in words), err


# --- only regular files, and not too big ---------------------------------------------------


def test_a_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.txt")
    one_line_error(check(tmp_path, "f.txt"), 2, "f.txt", "not a regular file", "FIFO")


def test_a_fifo_inside_a_checked_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.txt").write_text(DOUBLE)
    os.mkfifo(tmp_path / "docs/f.txt")
    one_line_error(check(tmp_path, "docs"), 2, "f.txt", "not a regular file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused(tmp_path: Path, device: str) -> None:
    one_line_error(check(tmp_path, device), 2, device, "character device")


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("The words. " * 200)
    assert check(tmp_path, "big.txt").returncode == 0  # the default limit is generous
    (tmp_path / ".cleaner.toml").write_text('max-file-size = "1k"\n')
    one_line_error(check(tmp_path, "big.txt"), 2, "big.txt", "size limit of 1k", "max-file-size")


def test_standard_input_has_the_same_size_limit(tmp_path: Path) -> None:
    (tmp_path / ".cleaner.toml").write_text('max-file-size = "1k"\n')
    proc = run_cli("check", "--no-readability", "-", input_bytes=b"x" * 5000, cwd=tmp_path)
    one_line_error(proc, 2, "<stdin>", "size limit")


# --- rule files: aliases, templates, catastrophic patterns, contradicting examples -----------

RULE = """code: XX101
name: {name}
summary: s
why: w
level: warning
kind: pattern
pattern: '{pattern}'
message: m
{extra}examples:
  fail: {fail}
  pass: [b, c]
"""


# The folder is given by its absolute path, as a team's CI would give it (load_rules keys a relative
# folder by the working folder too, so a relative one would also be right).
def rule_folder(tmp_path: Path, name: str = "x", pattern: str = "foo", extra: str = "", fail: str = '[{text: a foo, flag: foo}]') -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "x.yaml").write_text(RULE.format(name=name, pattern=pattern, extra=extra, fail=fail))
    return folder


def test_a_yaml_alias_bomb_is_refused_naming_the_file(tmp_path: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    rule_folder(tmp_path, extra="\n".join(levels) + "\n", fail="*a9")
    (tmp_path / "a.txt").write_text(DOUBLE)
    one_line_error(check(tmp_path, "--extra-rules", str(tmp_path / "rules"), "a.txt"), 3, "rules/x.yaml:", "aliases")


def test_a_bad_replacement_template_is_refused_at_load_time(tmp_path: Path) -> None:
    fail = '[{text: a foo b, fixed: a  b}]'
    rule_folder(tmp_path, extra="fix: {title: t, replace: '\\g<nope>', safety: safe}\n", fail=fail)
    (tmp_path / "a.txt").write_text("a foo b\n")
    one_line_error(check(tmp_path, "--extra-rules", str(tmp_path / "rules"), "a.txt"), 3, "rules/x.yaml:9:", "fix", "nope")


@pytest.mark.slow
def test_a_catastrophic_rule_is_stopped_named_and_the_run_goes_on(tmp_path: Path) -> None:
    rule_folder(tmp_path, name="catastrophic", pattern="(a|aa)+$", fail='[{text: aaa, flag: aaa}]')
    (tmp_path / "a.txt").write_text("He left.. Then " + "a" * 40 + "b went on.\n")
    proc = check(tmp_path, "--extra-rules", str(tmp_path / "rules"), "--format", "json", "a.txt")
    assert proc.returncode == 4, proc.stderr
    err = proc.stderr.decode()
    assert "XX101" in err and "rules/x.yaml" in err and "a.txt" in err and "incomplete" in err
    assert b'"PU101"' in proc.stdout  # the other rules still report


def test_a_team_rule_that_contradicts_its_examples_is_refused(tmp_path: Path) -> None:
    rule_folder(tmp_path, fail='[{text: a bar, flag: bar}]')
    (tmp_path / "a.txt").write_text("a foo\n")
    one_line_error(check(tmp_path, "--extra-rules", str(tmp_path / "rules"), "a.txt"), 3, "rules/x.yaml:9:", "examples", "a bar")


# --- paths, configuration and output that used to end in a traceback -------------------------


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    os.symlink("loop2", tmp_path / "loop1")
    os.symlink("loop1", tmp_path / "loop2")
    one_line_error(check(tmp_path, "loop1"), 2, "loop1", "symbolic link loop")


def test_a_symlink_loop_inside_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.txt").write_text(DOUBLE)
    os.symlink("b.txt", tmp_path / "docs/b.txt")
    one_line_error(check(tmp_path, "docs"), 2, "b.txt", "symbolic link loop")


def test_a_name_longer_than_the_system_allows_is_a_clear_error(tmp_path: Path) -> None:
    one_line_error(check(tmp_path, "a" * 300 + ".txt"), 2, "file name too long")


def test_a_pyproject_whose_tool_is_not_a_table_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "cleaner"\n')
    (tmp_path / "a.txt").write_text("Fine.\n")
    assert check(tmp_path, "a.txt").returncode == 0
    one_line_error(check(tmp_path, "--config", "pyproject.toml", "a.txt"), 3, "pyproject.toml:1", "tool: must be a table")


def test_a_full_output_device_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "cleaner.cli", "check", "a.txt"], stdout=full, stderr=subprocess.PIPE, cwd=tmp_path, timeout=300)
    one_line_error(proc, 2, "cannot write the output", "No space left on device")


def test_a_closed_stdout_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE)
    # As `cleaner check a.txt >&-` starts it: file descriptor 1 closed before the program runs.
    command = [sys.executable, "-m", "cleaner.cli", "check", "a.txt"]
    proc = subprocess.run(command, stderr=subprocess.PIPE, cwd=tmp_path, timeout=300, preexec_fn=lambda: os.close(1))
    one_line_error(proc, 2, "standard output is closed")


@pytest.mark.slow
def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE * 20000)
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "check", "--no-readability", "a.txt"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None and proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read() if proc.stderr else b""
    assert proc.wait(timeout=300) == 141 and err == b""


def test_jobs_are_capped_by_files_and_cpus(tmp_path: Path) -> None:
    assert worker_count(2000, 12) == min(12, os.cpu_count() or 1)
    assert worker_count(2000, 1) == 1 and worker_count(0, 5) == 1
    for i in range(12):
        (tmp_path / f"a{i:02}.txt").write_text(DOUBLE)
    serial, many = check(tmp_path, "."), check(tmp_path, "--jobs", "2000", ".")
    assert many.returncode == serial.returncode == 1 and many.stdout == serial.stdout


# --- encodings and line ends ------------------------------------------------------------------


def test_utf32_is_read_and_written_back_as_utf32(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(DOUBLE.encode("utf-32"))
    assert article.read_bytes().startswith(codecs.BOM_UTF32_LE)
    assert check(tmp_path, "a.txt").returncode == 1
    assert run_cli("fix", "--no-readability", "a.txt", cwd=tmp_path).returncode == 0
    assert article.read_bytes() == DOUBLE.replace("..", ".").encode("utf-32")


def test_lone_cr_line_ends_are_line_breaks(tmp_path: Path) -> None:
    text = "Title.\r\rFirst.\r<!-- cleaner-disable-next-line -->\rHe left.. Then.\rShe left.. Then.\r"
    (tmp_path / "a.md").write_bytes(text.encode())
    out = check(tmp_path, "a.md").stdout.decode()
    assert "a.md:6:9: PU101" in out and "a.md:5:" not in out
    assert run_cli("fix", "--no-readability", "a.md", cwd=tmp_path).returncode == 0
    assert (tmp_path / "a.md").read_bytes() == text.replace("She left..", "She left.").encode()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_named(tmp_path: Path) -> None:
    (tmp_path / "docs/locked").mkdir(parents=True)
    (tmp_path / "docs/a.txt").write_text("Fine.\n")
    (tmp_path / "docs/locked").chmod(0)
    try:
        proc = check(tmp_path, "docs")
    finally:
        (tmp_path / "docs/locked").chmod(0o755)
    assert proc.returncode == 0 and b"locked: cannot read folder" in proc.stderr


def test_an_unreadable_subfolder_warning_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root reads every folder, so the folder walk is made to fail the way it does for a user.
    from cleaner.inputs import discover

    (tmp_path / "docs/locked").mkdir(parents=True)
    (tmp_path / "docs/a.txt").write_text("Fine.\n")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert discover([str(tmp_path / "docs")], tmp_path) == [str(tmp_path / "docs/a.txt")]
    assert capsys.readouterr().err == f"cleaner: warning: {tmp_path / 'docs/locked'}: cannot read folder (permission denied); skipped\n"
