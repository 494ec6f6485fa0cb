"""`cleaner fix` end to end through the real entry point, in this process: in place, -o, stdin, --diff,
exit codes, permissions, encodings and newline styles, readability before and after, thresholds.

Most tests use a small rule pack written to a temp folder (`--extra-rules DIR --no-builtin-rules`), so they
do not depend on the built-in rules; the seed tests use the built-in rules and assert properties only.
"""

from __future__ import annotations

import codecs
import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests_support import SEED, fixture_rules, run_cli, write_rules

RULES = fixture_rules("TF", "cli")

ARTICLE = "The minister resigned.. Officials declined.\n\nChina Said. The king met him.\n\nThe colour is red.\n"
SAFE_FIXED = "The minister resigned. Officials declined.\n\nChina said. The king met him.\n\nThe colour is red.\n"
UNSAFE_FIXED = SAFE_FIXED.replace("The king", "Wang")
ONLY_SAFE = "He left.. Then China Said it."  # no final newline on purpose
ONLY_SAFE_FIXED = "He left. Then China said it."


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_rules(tmp_path_factory.mktemp("cli-rules"), RULES)


def cleaner(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real CLI entry point in this process (argv normalisation and error mapping included)."""
    return run_cli(*args, input_bytes=stdin, cwd=cwd, env={"NO_COLOR": "1", "COLUMNS": "200"})


def fix(rules_dir: Path, *args: str, readability: bool = False, **kw) -> subprocess.CompletedProcess[bytes]:
    """Run `cleaner fix` with the test rules; readability (slow to score) only when asked for."""
    return cleaner("fix", "--no-builtin-rules", "--extra-rules", str(rules_dir), *args, *([] if readability else ["--no-readability"]), **kw)


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- in place ----------------------------------------------------------------------------------


def test_fix_in_place_applies_safe_fixes_and_lists_the_rest(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    proc = fix(rules_dir, str(article), readability=True)
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr  # findings remain for review
    assert article.read_text(encoding="utf-8") == SAFE_FIXED
    assert "fixed 2, 2 left for review" in out
    assert "TF101" in out and "TF102" in out
    assert "TF103" in out and "TF104" in out and "(unsafe)" in out and "(suggest)" in out
    assert "+ China said. ⟦Wang⟧ met him." in out  # the left-over change shown as a before/after pair
    assert "1 more can be fixed with --unsafe-fixes" in out
    assert "Readability of" in out and "Flesch reading ease" in out and "→" in out


def test_unsafe_fixes_adds_unsafe_but_never_suggestions(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    proc = fix(rules_dir, "--unsafe-fixes", str(article))
    assert proc.returncode == 1
    assert article.read_text(encoding="utf-8") == UNSAFE_FIXED


def test_second_fix_changes_nothing_and_exit_0_when_nothing_is_left(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    first = fix(rules_dir, str(article))
    assert first.returncode == 0, first.stdout
    assert article.read_bytes() == ONLY_SAFE_FIXED.encode()
    before = article.stat()
    second = fix(rules_dir, str(article))
    assert second.returncode == 0
    assert b"fixed 0, 0 left for review" in second.stdout
    assert article.read_bytes() == ONLY_SAFE_FIXED.encode()
    assert article.stat().st_ino == before.st_ino  # an unchanged file is not rewritten


def test_fail_on_decides_which_leftovers_fail_like_check(rules_dir: Path, tmp_path: Path) -> None:
    # Left after the safe fixes: TF103 (warning, unsafe) and TF104 (info, suggest).
    runs = {}
    for flags in (["--fail-on", "error"], ["--fail-on", "warning"], ["--fail-on", "warning", "--unsafe-fixes"], []):
        article = write(tmp_path / "a.txt", ARTICLE)
        runs[" ".join(flags)] = fix(rules_dir, *flags, str(article)).returncode
    assert runs == {"--fail-on error": 0, "--fail-on warning": 1, "--fail-on warning --unsafe-fixes": 0, "": 1}
    write(tmp_path / ".cleaner.toml", 'fail-on = "never"\n')  # the pre-commit hook reads the configuration
    article = write(tmp_path / "a.txt", ARTICLE)
    assert fix(rules_dir, str(article)).returncode == 0 and article.read_text(encoding="utf-8") == SAFE_FIXED
    assert fix(rules_dir, "--diff", str(write(article, ARTICLE))).returncode == 1  # a pending fix still fails --diff


def test_folder_input_fixes_every_text_file(rules_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    one, two = write(tmp_path / "one.txt", ONLY_SAFE), write(tmp_path / "sub" / "two.md", ONLY_SAFE)
    other = write(tmp_path / "data.csv", ONLY_SAFE)
    assert fix(rules_dir, str(tmp_path)).returncode == 0
    assert one.read_text() == two.read_text() == ONLY_SAFE_FIXED
    assert other.read_text() == ONLY_SAFE


def test_permissions_are_kept(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    article.chmod(0o640)
    assert fix(rules_dir, str(article)).returncode == 0
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp file left behind


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [("utf-8", b"", "\r\n"), ("utf-8", codecs.BOM_UTF8, "\n"), ("utf-8", codecs.BOM_UTF8, "\r\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n")],
    ids=["crlf", "bom", "bom-crlf", "utf16-crlf"],
)
def test_encoding_bom_and_newline_style_are_kept(rules_dir: Path, tmp_path: Path, encoding: str, bom: bytes, newline: str) -> None:
    article = write(tmp_path / "a.txt", bom + ARTICLE.replace("\n", newline).encode(encoding))
    assert fix(rules_dir, str(article)).returncode == 1
    assert article.read_bytes() == bom + SAFE_FIXED.replace("\n", newline).encode(encoding)


def test_missing_final_newline_and_bytes_outside_the_fixes_are_kept(rules_dir: Path, tmp_path: Path) -> None:
    text = "  Tabs\tand  spaces … “quotes” é\r\nHe left.. \u00a0Then China Said it.\n\n\nEnd"
    article = write(tmp_path / "a.txt", text)
    fix(rules_dir, str(article))
    assert article.read_bytes() == text.replace("left..", "left.").replace("Said", "said").encode()


# --- -o and stdin ---------------------------------------------------------------------------


def test_output_file_leaves_the_input_alone(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    target = tmp_path / "out.txt"
    proc = fix(rules_dir, str(article), "-o", str(target))
    assert proc.returncode == 1
    assert article.read_text() == ARTICLE
    assert target.read_text() == SAFE_FIXED
    assert b"fixed 2" in proc.stdout


def test_stdin_to_stdout(rules_dir: Path) -> None:
    proc = fix(rules_dir, "-", stdin=ARTICLE.replace("\n", "\r\n").encode())
    assert proc.returncode == 1
    assert proc.stdout == SAFE_FIXED.replace("\n", "\r\n").encode()  # only the text on stdout
    assert b"<stdin>: fixed 2" in proc.stderr


def test_stdin_clean_input_exits_0(rules_dir: Path) -> None:
    proc = fix(rules_dir, "-", stdin=ONLY_SAFE.encode())
    assert proc.returncode == 0
    assert proc.stdout == ONLY_SAFE_FIXED.encode()


def test_output_dash_writes_stdout(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    proc = fix(rules_dir, str(article), "-o", "-")
    assert proc.stdout == ONLY_SAFE_FIXED.encode()
    assert article.read_text() == ONLY_SAFE


# --- --diff -----------------------------------------------------------------------------------


def test_diff_writes_nothing_exits_1_and_applies_with_patch_and_git(rules_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    raw = (ARTICLE.replace("\n", "\r\n") + "China Said..").encode()  # CRLF and no final newline
    article = write(tmp_path / "docs" / "a.txt", raw)
    proc = fix(rules_dir, "--diff", "docs/a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert article.read_bytes() == raw
    patch_text = proc.stdout
    assert patch_text.startswith(b"--- ./docs/a.txt\n+++ ./docs/a.txt\n@@ ")
    assert b"\\ No newline at end of file\n" in patch_text
    assert b"would fix" in proc.stderr
    expected = fix(rules_dir, "-", stdin=raw).stdout
    (tmp_path / "p.diff").write_bytes(patch_text)
    if shutil.which("patch"):
        subprocess.run(["patch", "-p0", "-s", "-i", "p.diff"], cwd=tmp_path, check=True)
        assert article.read_bytes() == expected
        write(article, raw)
    if shutil.which("git"):
        subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
        assert article.read_bytes() == expected


def test_diff_on_a_clean_file_is_empty_and_exits_0(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE_FIXED)
    proc = fix(rules_dir, "--diff", str(article))
    assert proc.returncode == 0
    assert proc.stdout == b""


def test_diff_keeps_a_utf8_bom_so_the_patch_applies(rules_dir: Path, tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + b"He left.. Then.\n"
    article = write(tmp_path / "a.txt", raw)
    proc = fix(rules_dir, "--diff", "a.txt", cwd=tmp_path)
    (tmp_path / "p.diff").write_bytes(proc.stdout)
    if not shutil.which("patch"):
        pytest.skip("patch is not installed")
    subprocess.run(["patch", "-p0", "-s", "-i", "p.diff"], cwd=tmp_path, check=True)
    assert article.read_bytes() == codecs.BOM_UTF8 + b"He left. Then.\n"


# --- report formats and readability thresholds --------------------------------------------


def test_json_report_carries_fixes_remaining_and_readability(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    proc = fix(rules_dir, "--format", "json", str(article), readability=True)
    payload = json.loads(proc.stdout)
    assert payload["version"] == 1
    entry = payload["files"][0]
    assert entry["path"] == str(article) and entry["changed"] is True
    assert sorted(f["code"] for f in entry["applied"]) == ["TF101", "TF102"]
    assert sorted(f["code"] for f in entry["remaining"]) == ["TF103", "TF104"]
    assert {"before", "after", "change"} <= set(entry["readability"])
    assert "flesch_reading_ease" in entry["readability"]["change"]
    assert payload["summary"]["applied"] == 2 and payload["summary"]["remaining"] == 2
    assert payload["summary"]["remaining_by_safety"] == {"suggest": 1, "unsafe": 1}


def with_limits(rules_dir: Path, *args: str, **kw) -> subprocess.CompletedProcess[bytes]:
    """`cleaner fix` with the test rules and the built-in readability-limit rules (RE9xx) only."""
    return cleaner("fix", "--extra-rules", str(rules_dir), "--select", "TF,RE", *args, **kw)


def test_reading_ease_threshold_fails_with_a_clear_line(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    proc = with_limits(rules_dir, "--min-reading-ease", "150", str(article))
    assert proc.returncode == 1
    assert b"a.txt: Flesch reading ease is below the configured minimum: " in proc.stderr
    assert b" (min 150)." in proc.stderr
    assert article.read_text() == ONLY_SAFE_FIXED  # the fixes are still applied


def test_grade_threshold_passes_and_fails(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE_FIXED)
    assert with_limits(rules_dir, "--max-grade", "40", str(article)).returncode == 0
    failing = with_limits(rules_dir, "--max-grade", "-50", "--format", "json", str(article))
    assert failing.returncode == 1
    assert b"is above the configured maximum: " in failing.stderr and b"(max -50)." in failing.stderr
    assert json.loads(failing.stdout)["files"][0]["thresholds"]


def test_the_configured_fog_limit_applies_to_fix_too(rules_dir: Path, tmp_path: Path) -> None:
    # One implementation for check and fix: max-gunning-fog was once ignored by fix.
    write(tmp_path / ".cleaner.toml", "[readability]\nmax-gunning-fog = 1\n")
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    proc = with_limits(rules_dir, str(article), cwd=tmp_path)
    assert proc.returncode == 1 and b"Gunning fog index is above the configured maximum" in proc.stderr
    checked = cleaner("check", "--select", "RE903", "--no-color", str(article), cwd=tmp_path)
    assert checked.returncode == 1 and b"RE903 Gunning fog index is above the configured maximum" in checked.stdout


def test_a_limit_flag_without_its_rule_is_a_usage_error(rules_dir: Path, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ONLY_SAFE)
    proc = fix(rules_dir, "--min-reading-ease", "150", str(article), readability=True)
    assert proc.returncode == 2 and b"min-flesch-reading-ease" in proc.stderr
    assert article.read_text() == ONLY_SAFE


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.txt"], b"missing.txt: no such file"),
        (["a.txt", "b.txt", "-o", "out.txt"], b"takes exactly one input"),
        (["a.txt", "--diff", "-o", "out.txt"], b"cannot be combined"),
        (["a.txt", "-o", "nowhere/out.txt"], b"folder does not exist"),
        (["a.txt", "--max-grade", "5"], b"need the readability scores"),
        (["bin.txt"], b"binary file"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(rules_dir: Path, tmp_path: Path, args: list[str], message: bytes) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "bin.txt", b"\x00\x01binary")
    proc = fix(rules_dir, *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert (tmp_path / "a.txt").read_text() == ARTICLE and (tmp_path / "b.txt").read_text() == ARTICLE


def test_a_bad_input_leaves_the_good_ones_untouched(rules_dir: Path, tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", ARTICLE)
    proc = fix(rules_dir, str(good), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert good.read_text() == ARTICLE


def test_a_failed_write_leaves_the_original_untouched(rules_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import textio
    from cleaner.cli import app
    from cleaner.errors import InputError

    article = write(tmp_path / "a.txt", ARTICLE)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(textio.os, "fsync", broken_fsync)
    result = CliRunner().invoke(app, ["fix", "--no-builtin-rules", "--extra-rules", str(rules_dir), str(article)])
    assert isinstance(result.exception, InputError)
    assert "No space left on device" in str(result.exception)
    assert article.read_text() == ARTICLE
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# --- the seed, with the built-in rules (properties only) ----------------------------------


def test_seed_diff_applies_and_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    original = (tmp_path / "seed.txt").read_bytes()
    for flags in ([], ["--unsafe-fixes"]):
        proc = cleaner("fix", "--diff", *flags, "seed.txt", cwd=tmp_path)
        assert proc.returncode in (0, 1)
        assert (tmp_path / "seed.txt").read_bytes() == original
        assert (proc.returncode == 1) == bool(proc.stdout)
        assert b"Readability of seed.txt (before" in proc.stderr
        (tmp_path / "p.diff").write_bytes(proc.stdout)
        if proc.stdout and shutil.which("patch"):
            subprocess.run(["patch", "-p0", "-s", "-i", "p.diff"], cwd=tmp_path, check=True)
        again = cleaner("fix", "--diff", "--no-readability", *flags, "seed.txt", cwd=tmp_path)
        assert again.returncode == 0 and again.stdout == b""
        (tmp_path / "seed.txt").write_bytes(original)


def test_seed_fix_in_place_reports_fixed_and_left_for_review(tmp_path: Path) -> None:
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    proc = cleaner("fix", "--format", "json", str(article))
    entry = json.loads(proc.stdout)["files"][0]
    assert proc.returncode == (1 if entry["remaining"] else 0)
    assert all(f["safety"] == "safe" for f in entry["applied"])
    assert entry["changed"] == (article.read_bytes() != SEED.read_bytes())
    assert entry["readability"]["before"]["words"] > 100
    second = json.loads(cleaner("fix", "--format", "json", "--no-readability", str(article)).stdout)["files"][0]
    assert second["changed"] is False and second["applied"] == []


def test_suppressions_selection_and_markdown_code_are_respected(rules_dir: Path, tmp_path: Path) -> None:
    text = (
        "# Title\n\nHe left.. Then.\n\n<!-- cleaner-disable-next-line TF101 -->\nShe left.. Then.\n\n"
        "```\ncode left.. here\n```\n\nChina Said it.. Now.\n"
    )
    article = write(tmp_path / "a.md", text)
    assert fix(rules_dir, "--select", "TF102", str(article)).returncode == 0
    assert article.read_text() == text.replace("China Said", "China said")
    fix(rules_dir, str(article))
    expected = text.replace("China Said it..", "China said it.").replace("He left..", "He left.")
    assert article.read_text() == expected  # the suppressed line and the code block are untouched
