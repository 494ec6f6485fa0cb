"""`cleaner batch`: the same findings as `cleaner check`, error rows for bad articles, table inputs.

Every run here is the real command on a real Dask cluster (local, or one the test starts and
names with --scheduler); the expected findings come from the real `cleaner check --format json`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from tests_support import ROOT
from batch_support import (
    RUNAWAY_RULE,
    RUNAWAY_TEXT,
    archive_corpus,
    articles_by_id,
    batch_ok,
    check_json,
    cli,
    findings_by_id,
    tables,
)
from cleaner.batch.tables import LEVEL_COLUMNS, READABILITY_COLUMNS

pytestmark = pytest.mark.slow  # each test runs a Dask cluster

CONFIG = """ignore = ["FP101"]

[levels]
double-period = "error"

[readability]
min-flesch-reading-ease = 40
"""
SUPPRESSED_MD = """# A suppressed stop

<!-- cleaner-disable-next-line double-period -->
The minister resigned.. Officials declined to comment.

The envoy left.. Nobody said why.
"""


def _readability(row: dict) -> dict:
    return {name: row[name] for name, _ in READABILITY_COLUMNS}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """300 generated articles in three folders, a configuration, Markdown with a suppression, HTML."""
    folder = tmp_path_factory.mktemp("archive") / "articles"
    archive_corpus.write_files(archive_corpus.generate(300), folder, per_folder=100)
    (folder / ".cleaner.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "notes.md").write_text(SUPPRESSED_MD, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><nav>Menu.. here</nav><article><p>The talks ended.. Both sides left.</p></article></body></html>",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def audited(archive, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("audit") / "out"
    done = batch_ok(str(archive), "-o", str(out), "--workers", "2", "--partition-size", "40")
    return out, done.stderr


def test_findings_and_readability_equal_check_for_every_article(archive, audited):
    out, _ = audited
    expected = check_json(str(archive))
    assert len(expected) == 302
    got, rows = findings_by_id(out), articles_by_id(out)
    assert set(rows) == set(expected)
    for path, entry in expected.items():
        assert got.get(path, []) == entry["findings"], path
        row = rows[path]
        assert row["error"] is None and _readability(row) == entry["readability"], path
        levels = Counter(f["level"] for f in entry["findings"])
        assert [row[c] for c in LEVEL_COLUMNS] == [levels["error"], levels["warning"], levels["info"]]
        assert dict(row["by_code"]) == Counter(f["code"] for f in entry["findings"])
        assert row["findings"] == len(entry["findings"]) and row["chars"] > 0
    every = [f for entry in expected.values() for f in entry["findings"]]
    codes = Counter(f["code"] for f in every)
    # The configuration and the suppression really shaped the findings both tools agree on.
    assert codes["RE901"] > 0 and "FP101" not in codes and codes["PU101"] > 20
    assert {f["level"] for f in every if f["code"] == "PU101"} == {"error"}
    notes = [f for f in got[str(archive / "notes.md")] if f["code"] == "PU101"]
    assert [f["line"] for f in notes] == [6]
    assert [f["text"] for f in got[str(archive / "page.html")]] == [".."]


def test_a_finished_batch_is_skipped_on_rerun(archive, audited):
    out, first = audited
    assert "5 partition" not in first and "resuming" not in first
    before = {p: p.stat().st_mtime_ns for p in out.rglob("part-*.parquet")}
    findings, articles = tables(out)
    again = batch_ok(str(archive), "-o", str(out), "--workers", "2", "--partition-size", "40")
    assert "resuming: 8 partition(s) already done" in again.stderr
    assert "checked 0 article(s) (302 skipped" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("part-*.parquet")} == before
    assert tables(out)[0].equals(findings) and tables(out)[1].equals(articles)
    stats = json.loads((out / "stats.json").read_text())
    assert stats["checked"] == 0 and stats["skipped"] == 302


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    """Ten good articles, an empty one, and one bad article of each kind."""
    root = tmp_path_factory.mktemp("planted")
    good = root / "in"
    archive_corpus.write_files(archive_corpus.generate(10, seed=7), good)
    (good / "000" / "empty.txt").write_text("", encoding="utf-8")
    (good / "bad").mkdir()
    (good / "bad" / "latin1.txt").write_bytes("Caf\xe9 owners met the minister.\n".encode("latin-1"))
    (good / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (good / "bad" / "huge.txt").write_text("The minister resigned.. " * 1500, encoding="utf-8")
    (good / "bad" / "runaway.txt").write_text(RUNAWAY_TEXT, encoding="utf-8")
    (root / "rules" / "custom").mkdir(parents=True)
    (root / "rules" / "custom" / "runaway.yaml").write_text(RUNAWAY_RULE, encoding="utf-8")
    return root


def test_each_bad_article_becomes_one_error_row_and_the_rest_match_check(planted, tmp_path):
    out = tmp_path / "out"
    rules = str(planted / "rules")
    done = batch_ok(str(planted / "in"), "-o", str(out), "--extra-rules", rules, "--max-bytes", "20000",
                    "--workers", "1", "--partition-size", "4")
    assert "4 error row(s)" in done.stderr
    rows = articles_by_id(out)
    bad = planted / "in" / "bad"
    errors = {Path(i).name: row["error"] for i, row in rows.items() if row["error"] is not None}
    assert set(errors) == {"latin1.txt", "binary.txt", "huge.txt", "runaway.txt"}
    assert "not valid UTF-8" in errors["latin1.txt"] and "binary" in errors["binary.txt"]
    assert errors["huge.txt"].startswith("too large: 36000 bytes") and "time budget" in errors["runaway.txt"]
    assert all(rows[str(bad / name)]["findings"] is None for name in errors)
    good = sorted(i for i, row in rows.items() if row["error"] is None)
    assert len(good) == 11
    expected = check_json("--extra-rules", rules, *good)
    got = findings_by_id(out)
    assert {path: got.get(path, []) for path in good} == {path: e["findings"] for path, e in expected.items()}
    assert not set(got) & {str(bad / name) for name in errors}


def _rows(count: int) -> list[dict]:
    return [{"id": a.id, "date": a.date, "text": a.text} for a in archive_corpus.generate(count, seed=11)]


def _write_tables(folder: Path, rows: list[dict]) -> dict[str, Path]:
    """The same rows as JSON Lines, CSV and Parquet, each with its own unusable rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    jsonl = folder / "archive.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines += ['{"id": "broken", "text": ', '{"id": "no-text"}', '{"id": "number", "text": 12}', "[1, 2]"]
    jsonl.write_bytes("\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "latin", "text": "caf\xe9"}\n')
    csv_path = folder / "archive.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "date", "text"])
    writer.writeheader()
    writer.writerows(rows + [{"id": "", "date": "", "text": "An article without an id.."}])
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    parquet = folder / "archive.parquet"
    pq.write_table(pa.Table.from_pylist(rows + [{"id": "null-text", "date": None, "text": None}]), parquet)
    return {"jsonl": jsonl, "csv": csv_path, "parquet": parquet}


@pytest.fixture(scope="module")
def external_scheduler():
    """An existing Dask cluster (one worker process on 127.0.0.1), as a team would run it."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster:
        yield cluster.scheduler_address


def test_tables_on_an_existing_cluster_give_the_findings_of_check(tmp_path, external_scheduler):
    rows = _rows(24)
    files = tmp_path / "files"
    files.mkdir()
    for row in rows:  # the same articles as files named by id: no suffix, so plain text like a table row
        (files / row["id"]).write_text(row["text"], encoding="utf-8")
    expected = {Path(p).name: e for p, e in check_json(*sorted(str(p) for p in files.iterdir())).items()}
    unusable = {
        "jsonl": {"{path}:25", "no-text", "number", "{path}:28", "{path}:29"},  # by line, or by id when it has one
        "csv": {"{path}:row 25"},
        "parquet": {"null-text"},
    }
    for kind, path in _write_tables(tmp_path, rows).items():
        out = tmp_path / f"out-{kind}"
        done = batch_ok(str(path), "-o", str(out), "--scheduler", external_scheduler, "--partition-size", "7")
        assert f"at {external_scheduler}" in done.stderr
        got, articles = findings_by_id(out), articles_by_id(out)
        for row in rows:
            assert got.get(row["id"], []) == expected[row["id"]]["findings"], (kind, row["id"])
            assert _readability(articles[row["id"]]) == expected[row["id"]]["readability"]
            assert articles[row["id"]]["date"] == row["date"]
        failed = {i for i, a in articles.items() if a["error"] is not None}
        assert failed == {name.format(path=path) for name in unusable[kind]}, kind
        assert len(articles) == len(rows) + len(failed)


def _listening(process) -> set[tuple[str, int]]:
    import psutil

    return {(c.laddr.ip, c.laddr.port) for c in process.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN}


def test_local_cluster_listens_on_loopback_only():
    import psutil

    from cleaner.batch import cluster

    me = psutil.Process()
    before = _listening(me)  # other tests' servers may live in this process: only new sockets count
    with cluster.open_client(None, 2) as client:
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
        assert cluster.worker_count(client) == 2
        workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]
        listening = (_listening(me) - before).union(*(_listening(w) for w in workers))
        assert len(listening) >= 6  # scheduler, its HTTP server, two nannies, two workers (and their HTTP)
        assert {ip for ip, _ in listening} == {"127.0.0.1"}, listening
        link = cluster.dashboard_address(client)
        assert link is None if not cluster.bokeh_installed() else link.startswith("http://127.0.0.1:")
        # Workers keep glibc's adaptive allocator (Dask's MALLOC_TRIM_THRESHOLD_ made checks 25% slower).
        environs = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        assert list(environs.values()) == [None, None]


def test_dashboard_address_is_printed_only_with_bokeh(monkeypatch):
    from cleaner.batch import cluster

    class Client:
        class scheduler:
            address = "tcp://127.0.0.1:8786"

        def scheduler_info(self):
            return {"services": {"dashboard": 8787}}

    monkeypatch.setattr(cluster, "bokeh_installed", lambda: False)
    assert cluster.dashboard_address(Client()) is None
    monkeypatch.setattr(cluster, "bokeh_installed", lambda: True)
    assert cluster.dashboard_address(Client()) == "http://127.0.0.1:8787/status"
    Client.scheduler_info = lambda self: {"services": {}}
    assert cluster.dashboard_address(Client()) is None


def test_usage_errors_are_one_line_with_exit_2(tmp_path, planted):
    source = str(planted / "in" / "000")
    (tmp_path / "t.jsonl").write_text('{"id": 1, "text": "x"}\n')
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "thesis.txt").write_text("mine")
    cases = {
        "not both": ("batch", source, str(tmp_path / "t.jsonl"), "-o", str(tmp_path / "o1")),
        "holds no batch": ("batch", source, "-o", str(occupied)),
        "no such file": ("batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o2")),
        "no file matches": ("batch", str(tmp_path / "*.nothing"), "-o", str(tmp_path / "o3")),
        "not a batch folder": ("batch-report", str(tmp_path)),
        "is a file, not a folder": ("batch", source, "-o", str(tmp_path / "t.jsonl")),
    }
    for needle, args in cases.items():
        done = cli(*args)
        assert done.returncode == 2 and needle in done.stderr, (needle, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert (occupied / "thesis.txt").read_text() == "mine"


def test_unreachable_scheduler_is_a_usage_error(tmp_path, planted):
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "batch", str(planted / "in" / "000"), "-o", str(tmp_path / "o"),
         "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr


def test_changed_inputs_or_options_are_refused_until_restart(tmp_path):
    folder = tmp_path / "in"
    archive_corpus.write_files(archive_corpus.generate(6, seed=3), folder)
    out = str(tmp_path / "out")
    batch_ok(str(folder), "-o", out, "--workers", "1")
    refused = cli("batch", str(folder), "-o", out, "--workers", "1", "--select", "PU")
    assert refused.returncode == 2 and "holds another batch (settings changed)" in refused.stderr
    edited = sorted(folder.rglob("*.txt"))[0]
    edited.write_text(edited.read_text() + "\nThe talks ended.. Both sides left.\n")
    refused = cli("batch", str(folder), "-o", out, "--workers", "1")
    assert refused.returncode == 2 and "holds another batch (inputs changed)" in refused.stderr
    batch_ok(str(folder), "-o", out, "--workers", "1", "--restart")
    assert any(f["text"] == ".." for f in findings_by_id(Path(out))[str(edited)])


def _readme_block(name: str) -> list[str]:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- test: {re.escape(name)} -->\n```sh\n(.*?)\n```", readme, re.S)
    assert match, f"README has no example marked {name}"
    return [line.split("  #")[0].strip() for line in match.group(1).splitlines()]


def test_readme_batch_examples_run(tmp_path, external_scheduler):
    import shlex
    import subprocess
    import sys

    archive = tmp_path / "archive"
    archive_corpus.write_files(archive_corpus.generate(12, seed=9), archive)
    (archive / "000" / "note.md").write_text(SUPPRESSED_MD, encoding="utf-8")
    rows = [{"url": a.id, "body": a.text, "published": a.date} for a in archive_corpus.generate(12, seed=9)]
    (tmp_path / "archive.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for line in _readme_block("batch"):
        if line.startswith("pip install"):
            continue  # the test environment has the extra already
        args = shlex.split(line) + (["--workers", "1", "--no-progress"] if line.startswith("cleaner batch ") else [])
        done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (line, done.stderr[-2000:])
    assert len(articles_by_id(tmp_path / "audit")) == 13 and len(articles_by_id(tmp_path / "audit-md")) == 1
    table = articles_by_id(tmp_path / "audit-table")
    assert {i: r["date"] for i, r in table.items()} == {r["url"]: r["published"] for r in rows}
    assert (tmp_path / "archive.html").read_text().startswith("<!DOCTYPE html>")
    # The cluster example: the dask commands take the flags shown; cleaner reaches a scheduler that way.
    cluster_lines = _readme_block("batch-cluster")
    for line in cluster_lines[:2]:
        words = shlex.split(line.rstrip("&"))
        helptext = subprocess.run([*words[:2], "--help"], env=env, capture_output=True, text=True, timeout=120).stdout
        assert all(flag in helptext for flag in words if flag.startswith("--")), line
    words = shlex.split(cluster_lines[2])
    words[words.index("--scheduler") + 1] = external_scheduler
    words[2], words[words.index("-o") + 1] = "archive/", "audit-cluster/"
    done = subprocess.run(words + ["--no-progress"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and f"at {external_scheduler}" in done.stderr, done.stderr[-2000:]
    assert tables(tmp_path / "audit-cluster")[0].equals(tables(tmp_path / "audit")[0])
