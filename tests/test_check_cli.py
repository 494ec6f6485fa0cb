"""`cleaner check` and `cleaner score` through a real subprocess: formats, exit codes, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests_support import SEED

DIRTY = "The minister resigned.. Officials declined to comment.\n"
CLEAN = "The minister resigned. Officials declined to comment.\n"


def _one_line_error(result) -> str:
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err


def test_seed_has_findings_and_exit_1(cli) -> None:
    result = cli("check", "--no-color", str(SEED))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "000_eda2942b02cc63af.txt:14:" in out and "PU101" in out
    assert "Readability of" in out and "Found " in out


def test_text_format_shows_line_and_caret(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    out = cli("check", "--no-color", str(path)).stdout.decode().splitlines()
    assert out[0] == f"{path}:1:22: PU101 Stray double period."
    assert out[1] == " 1 | " + DIRTY.rstrip("\n")
    assert out[2] == "   | " + " " * 21 + "^^"
    assert out[3] == '   = suggestion (safe): “.”'


def test_clean_and_empty_files_exit_0(tmp_path: Path, cli) -> None:
    clean, empty = tmp_path / "clean.txt", tmp_path / "empty.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    empty.write_bytes(b"")
    result = cli("check", str(clean), str(empty))
    assert result.returncode == 0, result.stdout
    assert b"No findings in 2 file(s)." in result.stdout


def test_json_format_is_stable_and_documented(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + DIRTY).encode("utf-8"))
    result = cli("check", "--format", "json", str(path))
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["version"] == 1
    [entry] = payload["files"]
    [finding] = entry["findings"]
    assert set(finding) == {
        "code", "rule", "category", "level", "message", "start", "end", "line", "column",
        "end_line", "end_column", "text", "replacements", "safety", "source",
    }
    # Offsets index the decoded text with the BOM dropped.
    assert DIRTY[finding["start"] : finding["end"]] == finding["text"] == ".."
    assert (finding["line"], finding["column"], finding["replacements"]) == (1, 22, ["."])
    assert finding["source"] == "cleaner" and finding["safety"] == "safe"
    assert set(entry["readability"]) >= {"flesch_reading_ease", "flesch_kincaid_grade", "words", "sentences"}
    assert payload["summary"]["findings"] == 1


def test_stdin_is_read_with_dash(cli) -> None:
    result = cli("check", "--format", "json", "-", input_bytes=DIRTY.encode())
    assert result.returncode == 1
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02binary\x00"), "binary file"),
        (lambda d: _write(d / "latin1.txt", "café résumé".encode("latin-1")), "not valid UTF-8"),
        (lambda d: _mkdir(d / "nothing"), "directory has no text files"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, cli, make, fragment: str) -> None:
    result = cli("check", str(make(tmp_path)))
    assert result.returncode == 2
    assert fragment in _one_line_error(result)


def test_unknown_option_is_usage_error(cli) -> None:
    result = cli("check", "--no-such-option", str(SEED))
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_directory_is_expanded_in_sorted_order(tmp_path: Path, cli) -> None:
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    payload = json.loads(cli("check", "--format", "json", str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in payload["files"]] == ["b.txt", "a.md"]


def test_score_reports_every_readability_figure(cli) -> None:
    result = cli("score", "--format", "json", str(SEED))
    assert result.returncode == 0
    scores = json.loads(result.stdout)["files"][0]["readability"]
    assert set(scores) == {
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
        "automated_readability_index", "dale_chall", "text_standard", "words", "sentences",
    }
    assert scores["words"] > 400 and scores["sentences"] > 10


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    (path / "notes.bin").write_bytes(b"\x00")
    return path


def _command_paths() -> list[list[str]]:
    """Every command and subcommand of the CLI, as argv prefixes."""
    import click
    import typer

    from cleaner.cli import app

    def walk(command: click.Command, prefix: list[str]) -> list[list[str]]:
        subcommands = getattr(command, "commands", {})
        return [prefix] + [p for name, sub in sorted(subcommands.items()) for p in walk(sub, [*prefix, name])]

    return walk(typer.main.get_command(app), [])


@pytest.mark.parametrize("command", _command_paths(), ids=lambda c: " ".join(c) or "cleaner")
def test_help_reads_plainly(cli, command: list[str]) -> None:
    # Metavars like ruff's (PATHS..., FILE, SELECTORS), no typer-isms ({paths}, <str>, <bool>), no boxes.
    result = cli(*command, "--help")
    help_text = result.stdout.decode()
    assert result.returncode == 0 and help_text.startswith(f"Usage: cleaner {' '.join(command)}".rstrip())
    assert not re.search(r"[<>{}╭│]|\\\[", help_text.replace("x>=", "")), help_text  # click's ranges stay

