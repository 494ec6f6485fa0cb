"""Issue 11, data loss: URLs and code are never edited, HTML markup is never text, writes are whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cleaner
from cleaner import atomic
from cleaner.cli import app
from cleaner.inputs import extract
from cleaner.protected import protected_spans
from tests_support import run_cli, run_process

DOUBLE = "He left.. Then she spoke.\n"


def fix_diff(tmp: Path, name: str, text: str) -> bytes:
    """Return what `cleaner fix --diff` would change in a file holding `text`."""
    (tmp / name).write_text(text, encoding="utf-8")
    return run_cli("fix", "--diff", "--no-readability", name, cwd=tmp).stdout


# --- protected spans: no rule may flag or fix inside them --------------------------------


@pytest.mark.parametrize(
    "token",
    ["http://e.com/a..b", "www.example.com/x..y", "jane..doe@example.com", "/usr/lib/a..b", "./docs/a..b",
     "C:\\Users\\a..b", "docs/notes..md", "`a..b`", "range(0..n)"],
)  # fmt: skip
def test_protected_tokens_are_never_flagged(token: str) -> None:
    text = f"See {token} now. He left.. Then."
    assert any(text[s:e] == token for s, e in protected_spans(text))
    codes = [(f.code, f.text) for f in cleaner.check(text)]
    assert ("PU101", "..") in codes  # the prose double period is still found
    assert all(not (f.start < text.index(token) + len(token) and text.index(token) < f.end) for f in cleaner.check(text))


def test_the_engine_drops_hits_in_protected_spans_for_every_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    # The filter sits in the engine, not in each kind: make every reported span (one character
    # wider each side) protected, and no rule of any kind, new ones included, may report it again.
    from cleaner import protected
    from cleaner.engine import Engine
    from cleaner.examples import example_rule
    from cleaner.kinds import registry
    from cleaner.loader import load_rules

    fired: set[str] = set()
    for rule in load_rules():
        engine = Engine([example_rule(rule)])
        for example in rule.fail_examples:
            found = engine.check(example.text)
            if not found:
                continue
            fired.add(rule.kind)
            end = len(example.text)
            spans = sorted({(max(f.start - 1, 0), min(f.end + 1, end)) for f in found})
            monkeypatch.setattr(protected, "protected_spans", lambda text, spans=spans: _merged(spans))
            left = [f for f in engine.check(example.text) if f.end > f.start or f.replacements]
            monkeypatch.undo()
            assert left == [], (rule.code, example.text, left)
    assert fired == set(registry())  # every kind was tried


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def test_a_finding_around_a_whole_url_keeps_its_flag_but_not_its_fix_and_edits_keep_urls_apart() -> None:
    from cleaner.model import Hit
    from cleaner.protected import keep_prose

    text = "He said see http://e.com/a..b now. Then"
    url = text.index("http"), text.index(" now")
    sentence = Hit(0, text.index(". Then") + 1, ("He said so.",))
    inside = Hit(text.index(".."), text.index("..") + 2, (".",))
    at_edge = Hit(url[1], url[1], (",",))
    flag_at_edge = Hit(url[1], url[1] + 4)
    kept = keep_prose(text, [sentence, inside, at_edge, flag_at_edge])
    assert kept == [Hit(sentence.start, sentence.end, ()), flag_at_edge]
    # Deleting a repeated paragraph right after a URL leaves the URL apart from its neighbours.
    text = "More at http://e.com/a\n\nSame words.\n\nSame words.\n\nEnd."
    repeat = Hit(text.index("\n\nSame"), text.index("\n\nSame") + len("\n\nSame words."), ("",))
    joining = Hit(repeat.start, repeat.end, ("x",))
    assert keep_prose(text, [repeat, joining]) == [repeat]


def test_code_like_tokens_are_protected() -> None:
    text = "Call os.path.join, my_var_name, run() and std::vector here."
    assert [text[s:e] for s, e in protected_spans(text)] == ["os.path.join", "my_var_name", "run()", "std::vector"]


@pytest.mark.parametrize(
    "prose",
    ["He left.. Then.", "TajikistanThe goal was set.", "The deal.In February it closed.", "and/or 24/7 Russia/Ukraine"],
)
def test_prose_is_not_mistaken_for_a_token(prose: str) -> None:
    spans = protected_spans(prose)
    assert not spans, [prose[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("u.md", "See (http://e.com/a..b) now.\n"),
        ("u.txt", "See http://e.com/a..b now.\n"),
        ("u.html", '<p>See <a href="/x">http://e.com/a..b</a> now.</p>\n'),
    ],
)
def test_a_safe_fix_never_edits_a_url(tmp_path: Path, name: str, text: str) -> None:
    assert fix_diff(tmp_path, name, text) == b""
    assert fix_diff(tmp_path, name, text.replace("now.", "now.. ok")).count(b"http://e.com/a..b") == 2


# --- HTML: a real parser, attributes never edited ----------------------------------------


def test_comment_state_does_not_leak_out_of_a_script(tmp_path: Path) -> None:
    page = '<script>s="<!--"</script><p>Hi <a href="/a..b">x</a> --> ok.. Then.</p>\n'
    patch = fix_diff(tmp_path, "t.html", page).decode()
    assert 'href="/a..b"' in patch.splitlines()[-1]  # the attribute is untouched on the + line
    assert "ok. Then." in patch
    assert "/a..b" not in extract("t.html", page).text


@pytest.mark.parametrize(
    "page",
    [
        '<p title="He left.. Then.">x</p>',
        '<img alt="a..b"><p>ok</p>',
        "<textarea>He left.. Then.</textarea>",
        "<title>He left.. Then.</title><p>ok</p>",
        "<script/>He left.. Then.",
        "<style>a..b{}</style>",
        "<!-- He left.. Then. -->",
        "<![ He left.. Then. ]>",
        "<p>ok</p><!-- unclosed He left.. Then.",
    ],
)
def test_markup_and_raw_text_are_never_prose(page: str) -> None:
    assert ".." not in extract("p.html", page).text


def test_a_commented_out_article_tag_does_not_hide_the_body() -> None:
    page = "<!-- <article> -->\n<body><p>He left.. Then.</p></body>\n"
    assert "He left.. Then." in extract("c.html", page).text


# --- multi-file fix: all or nothing, or exact reporting ----------------------------------


@contextlib.contextmanager
def unwritable(folder: Path):
    """Make `folder` refuse new files: chmod for a normal user, the immutable flag for root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("root without chattr +i cannot make a folder unwritable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_fix_that_cannot_write_every_file_writes_none(tmp_path: Path) -> None:
    (tmp_path / "a_rw").mkdir()
    (tmp_path / "b_ro").mkdir()
    a, b = tmp_path / "a_rw/a.txt", tmp_path / "b_ro/b.txt"
    a.write_text(DOUBLE)
    b.write_text(DOUBLE)
    with unwritable(tmp_path / "b_ro"):
        proc = run_cli("fix", "--no-readability", "a_rw/a.txt", "b_ro/b.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert a.read_text() == DOUBLE and b.read_text() == DOUBLE
    assert b"nothing was written" in proc.stderr and b"b_ro/b.txt" in proc.stderr


def test_a_write_failing_midway_reports_what_was_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = (tmp_path / f"{n}.txt" for n in "abc")
    for path in (a, b, c):
        path.write_text(DOUBLE)
    real = atomic.write_atomic

    def flaky(path: str, data: bytes) -> None:
        if path.endswith("b.txt"):
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr("cleaner.commands._shared.write_atomic", flaky)
    result = CliRunner().invoke(app, ["fix", "--no-readability", str(a), str(b), str(c)])
    message = str(result.exception)
    assert "No space left on device" in message
    assert f"already written: {a}" in message and f"not written: {b}, {c}" in message
    assert a.read_text() != DOUBLE and b.read_text() == DOUBLE and c.read_text() == DOUBLE


def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DOUBLE)
    article.chmod(0o444)
    proc = run_cli("fix", "--no-readability", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"read-only" in proc.stderr and article.read_text() == DOUBLE
    assert run_cli("fix", "--no-readability", "--force", "a.txt", cwd=tmp_path).returncode == 0
    assert article.read_text() == DOUBLE.replace("..", ".")
    assert article.stat().st_mode & 0o777 == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_a_fix_by_root_keeps_owner_and_group(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DOUBLE)
    os.chown(article, 65534, 65534)
    assert run_cli("fix", "--no-readability", "a.txt", cwd=tmp_path).returncode == 0
    assert (article.stat().st_uid, article.stat().st_gid) == (65534, 65534)


def test_a_fix_keeps_hard_links(tmp_path: Path) -> None:
    article, link = tmp_path / "a.txt", tmp_path / "link.txt"
    article.write_text(DOUBLE)
    os.link(article, link)
    assert run_cli("fix", "--no-readability", "a.txt", cwd=tmp_path).returncode == 0
    assert link.read_text() == DOUBLE.replace("..", ".") and os.path.samefile(article, link)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link.txt"]


def test_an_output_written_in_pieces_keeps_links_or_leaves_the_original(tmp_path: Path) -> None:
    page, link = tmp_path / "report.html", tmp_path / "link.html"
    page.write_bytes(b"old page")
    os.link(page, link)
    atomic.write_output(str(page), (piece for piece in [b"<html>", b"new", b"</html>"]))
    assert link.read_bytes() == b"<html>new</html>" and os.path.samefile(page, link)

    def failing():
        yield b"<html>half"
        raise RuntimeError("the formatter failed")

    with pytest.raises(RuntimeError):
        atomic.write_output(str(page), failing())
    assert page.read_bytes() == b"<html>new</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "report.html"]


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DOUBLE)
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    with pytest.raises(SystemExit) as stopped:
        atomic.write_atomic(str(article), b"new text")
    assert stopped.value.code == 128 + signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"] and article.read_text() == DOUBLE
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_file_named_three_ways_is_fixed_and_reported_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE)
    proc = run_cli("fix", "--no-readability", "a.txt", "./a.txt", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.count(b"left for review\n") == 1


def test_output_to_dev_stdout_works_on_a_pipe(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLE)
    # A real process: its standard output is the pipe the test reads.
    proc = run_process("fix", "--no-readability", "-o", "/dev/stdout", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(DOUBLE.replace("..", ".").encode())


def test_a_long_file_name_can_be_fixed(tmp_path: Path) -> None:
    name = "n" * 250 + ".txt"  # 254 bytes: the old temporary name added 20 more and failed
    (tmp_path / name).write_text(DOUBLE)
    proc = run_cli("fix", "--no-readability", name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / name).read_text() == DOUBLE.replace("..", ".")
