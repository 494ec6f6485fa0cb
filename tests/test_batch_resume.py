"""Resume: kill a Dask worker, then the client, mid-batch; the rerun completes with the same tables.

An uninterrupted run of the same archive is the reference. Bad articles are planted among the
good ones: each must end as exactly one error row in both runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from batch_support import archive_corpus, articles_by_id, batch_ok, tables
from tests_support import ROOT

pytestmark = pytest.mark.slow  # kills Dask workers mid-batch

PARTITION = "8"
BAD = {"latin1.txt": "not valid UTF-8", "binary.txt": "binary file"}


def _finished(out: Path) -> list[Path]:
    return sorted((out / "articles").glob("part-*.parquet")) if (out / "articles").is_dir() else []


def _wait_for(out: Path, count: int, process: subprocess.Popen, limit_s: float = 240) -> int:
    deadline = time.monotonic() + limit_s
    while len(_finished(out)) < count:
        assert process.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)
    return len(_finished(out))


def _worker_processes(client: psutil.Process) -> list[psutil.Process]:
    return [p for p in client.children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resume") / "in"
    archive_corpus.write_files(archive_corpus.generate(400, seed=5), folder, per_folder=200)
    (folder / "000" / "latin1.txt").write_bytes("Caf\xe9 owners met the minister.\n".encode("latin-1"))
    (folder / "001" / "binary.txt").write_bytes(b"\x00\x01\x02GIF\x00" * 40)
    return folder


def test_killed_worker_and_client_then_rerun_equals_an_uninterrupted_run(archive, tmp_path):
    reference = tmp_path / "reference"
    batch_ok(str(archive), "-o", str(reference), "--workers", "2", "--partition-size", PARTITION)
    out = tmp_path / "interrupted"
    command = [sys.executable, "-m", "cleaner.cli", "batch", str(archive), "-o", str(out), "--workers", "2",
               "--partition-size", PARTITION, "--no-progress"]
    # A session of its own, so that whatever the killed client leaves behind can be ended as a group.
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        _wait_for(out, 3, process)
        workers = _worker_processes(psutil.Process(process.pid))
        assert len(workers) == 2
        workers[0].kill()
        at_worker_kill = _wait_for(out, len(_finished(out)) + 3, process)  # it goes on without that worker
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    survivors = {p: p.stat().st_mtime_ns for p in _finished(out)}
    total = -(-402 // int(PARTITION))  # 402 articles in partitions of 8
    assert at_worker_kill <= len(survivors) < total - 1, "the kill must land mid-batch"
    rerun = batch_ok(str(archive), "-o", str(out), "--workers", "2", "--partition-size", PARTITION)
    assert f"resuming: {len(survivors)} partition(s) already done" in rerun.stderr
    assert {p: p.stat().st_mtime_ns for p in survivors} == survivors  # finished partitions are not redone
    assert len(_finished(out)) == len(_finished(reference)) == total
    for got, expected in zip(tables(out), tables(reference)):
        assert got.equals(expected)
    for folder in (out, reference):
        errors = {Path(i).name: row["error"] for i, row in articles_by_id(folder).items() if row["error"]}
        assert set(errors) == set(BAD) and all(BAD[name] in why for name, why in errors.items())
