"""Issue 11, wrong results and smaller items: directives, configuration lines, what reports show."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cleaner.diffing import quote_label
from cleaner.inputs import extract
from cleaner.report.html_parts import esc
from cleaner.suppress import parse_inline
from tests_support import run_cli

DOUBLE = "He left.. Then she spoke.\n"


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli("check", "--no-readability", *args, cwd=cwd)


# --- inline directives count only as real comments in prose ---------------------------------


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("fence.md", "```\n<!-- cleaner-disable -->\n```\n\n" + DOUBLE),
        ("code.md", "Use `<!-- cleaner-disable -->` to silence it.\n\n" + DOUBLE),
        ("script.html", '<script>s = "<!-- cleaner-disable -->";</script><p>' + DOUBLE + "</p>"),
        ("attribute.html", '<p title="<!-- cleaner-disable -->">' + DOUBLE + "</p>"),
        ("pre.html", "<pre><!-- cleaner-disable --></pre><p>" + DOUBLE + "</p>"),
    ],
)
def test_a_directive_outside_a_real_comment_does_nothing(tmp_path: Path, name: str, page: str) -> None:
    (tmp_path / name).write_text(page)
    assert b"PU101" in check(tmp_path, name).stdout


@pytest.mark.parametrize(
    ("name", "page"),
    [("real.md", "<!-- cleaner-disable -->\n\n" + DOUBLE), ("real.html", "<!-- cleaner-disable --><p>" + DOUBLE)],
)
def test_a_real_comment_still_disables(tmp_path: Path, name: str, page: str) -> None:
    (tmp_path / name).write_text(page)
    assert check(tmp_path, name).returncode == 0


def test_directives_are_read_only_from_the_comments_given() -> None:
    text = "<!-- cleaner-disable PU101 -->a<!-- cleaner-enable -->"
    assert parse_inline(text, comments=[]).regions == ()
    assert parse_inline(text, comments=extract("a.md", text).comments).regions == ((30, 31, ("PU101",)),)


def test_a_commented_out_article_tag_leaves_the_body_checked(tmp_path: Path) -> None:
    (tmp_path / "c.html").write_text("<!-- <article> -->\n<body><p>" + DOUBLE + "</p></body>\n")
    assert check(tmp_path, "c.html").returncode == 1


# --- configuration: refuse what silently turns checking off, and point at the right line ------


def test_an_empty_select_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nselect = []\n")
    (tmp_path / "a.txt").write_text(DOUBLE)
    proc = check(tmp_path, "a.txt")
    assert proc.returncode == 3 and b"pyproject.toml:2: tool.cleaner.select: an empty list" in proc.stderr


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[tool.cleaner]\n\n\n\nfail-on = "x"\n', b"pyproject.toml:5: tool.cleaner.fail-on"),
        ('[tool.cleaner]\n\n\nselect = ["NOPE"]\n', b"pyproject.toml:4: tool.cleaner.select: 'NOPE'"),
        ('[tool.cleaner]\n\n[tool.cleaner.levels]\n\nnope = "info"\n', b"pyproject.toml:5: tool.cleaner.levels: 'nope'"),
        ('[tool.cleaner]\n\nextra-rules = ["missing"]\n', b"pyproject.toml:3: extra-rules: folder"),
    ],
)
def test_configuration_errors_name_the_file_and_line(tmp_path: Path, body: str, expected: bytes) -> None:
    (tmp_path / "pyproject.toml").write_text(body)
    (tmp_path / "a.txt").write_text(DOUBLE)
    proc = check(tmp_path, "a.txt")
    assert proc.returncode == 3 and expected in proc.stderr, proc.stderr


def test_a_missing_extra_rules_folder_on_the_command_line_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE)
    proc = check(tmp_path, "--extra-rules", "missing", "a.txt")
    assert proc.returncode == 2 and b"--extra-rules missing: folder does not exist" in proc.stderr


# --- what reports show --------------------------------------------------------------------------


def test_the_text_report_escapes_terminal_controls_and_keeps_the_caret_aligned(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Red \x1b[31mtext\x0bhere\u2028now \u202e evil.. Then.\n")
    out = check(tmp_path, "a.txt").stdout.decode()
    assert "\x1b" not in out and "\u202e" not in out and "\x0b" not in out
    shown = next(line for line in out.splitlines() if line.startswith(" 1 | "))
    caret = next(line for line in out.splitlines() if "^" in line)
    assert shown == " 1 | Red \\x1b[31mtext\\x0bhere\\u2028now \\u202e evil.. Then."
    assert caret.index("^") == shown.index("..") and caret.count("^") == 2


def test_the_html_report_shows_bidi_overrides(tmp_path: Path) -> None:
    assert esc("a\u202eb\u2066c\nd") == "a\\u202eb\\u2066c\nd"
    (tmp_path / "a.txt").write_text("Evil \u202e text.. Then.\n")
    assert run_cli("report", "--no-readability", "-o", "r.html", "a.txt", cwd=tmp_path).returncode == 0
    page = (tmp_path / "r.html").read_text()
    assert "\u202e" not in page and "\\u202e" in page


def test_diff_names_are_quoted_as_git_quotes_them() -> None:
    assert quote_label("./a b.txt") == "./a b.txt\t"
    assert quote_label('./q"\\é.txt') == '"./q\\"\\\\\\303\\251.txt"'
    assert quote_label("./plain.txt") == "./plain.txt"


@pytest.mark.skipif(not shutil.which("patch"), reason="GNU patch is not installed")
@pytest.mark.parametrize("name", ["a b.txt", "é.txt", 'q"\\x.txt'])
def test_a_diff_applies_with_patch_whatever_the_file_name(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(DOUBLE)
    diff = run_cli("fix", "--diff", "--no-readability", name, cwd=tmp_path).stdout
    subprocess.run(["patch", "-p0", "-s"], input=diff, cwd=tmp_path, check=True)
    assert (tmp_path / name).read_text() == DOUBLE.replace("..", ".")


def test_a_diff_of_a_utf16_file_says_it_cannot_be_applied(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DOUBLE.encode("utf-16"))
    diff = run_cli("fix", "--diff", "--no-readability", "a.txt", cwd=tmp_path).stdout.decode()
    assert diff.startswith("# cleaner: a.txt is UTF-16-LE") and "run `cleaner fix` instead" in diff
