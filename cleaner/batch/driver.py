"""One `cleaner batch` run from start to end: inputs, output folder, cluster, progress, summary."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, TextIO

from cleaner import __version__
from cleaner.batch import cluster, sources
from cleaner.batch.progress import Progress, duration
from cleaner.batch.run import Job, Outcome, run
from cleaner.batch.store import Store
from cleaner.config import EffectiveConfig
from cleaner.runner import Plan

MB = 1024 * 1024


@dataclass(frozen=True)
class BatchRequest:
    """What the command line asked for."""

    paths: list[str]
    output: Path
    scheduler: Optional[str]
    workers: Optional[int]
    partition_size: int
    columns: tuple[str, str, str]  # id, text, date
    max_bytes: int
    restart: bool
    show_progress: bool


def audit(request: BatchRequest, settings: EffectiveConfig, plan: Plan, err: TextIO) -> Outcome:
    """Run the batch the request describes and print where the results are."""
    columns = sources.Columns(*request.columns)
    inputs = sources.resolve(request.paths, plan.root, settings.include, settings.exclude, settings.extensions)
    store = Store(request.output)
    finished = store.open(manifest(request, inputs, columns, settings, plan), request.restart)
    total = sources.count(inputs)
    job = Job(sources.partitions(inputs, request.partition_size, columns), plan.options, request.max_bytes)
    with cluster.open_client(request.scheduler, request.workers) as client:
        err.write(f"cleaner: {total if total is not None else 'all'} article(s) on {cluster.worker_count(client)} "
                  f"Dask worker(s) at {client.scheduler.address}\n")
        link = cluster.dashboard_address(client)
        if link:
            err.write(f"cleaner: Dask dashboard: {link}\n")
        if finished:
            err.write(f"cleaner: resuming: {len(finished)} partition(s) already done in {request.output}\n")
        err.flush()
        progress = Progress(err if request.show_progress else _Silent(), total)  # timed from here
        outcome = run(job, client, store, finished, progress)
    store.write_stats(outcome.to_dict())
    err.write(summary_line(outcome, request.output) + "\n")
    return outcome


def manifest(request: BatchRequest, inputs: sources.Inputs, columns: sources.Columns, settings: EffectiveConfig,
             plan: Plan) -> dict[str, Any]:
    """Describe the batch: a rerun resumes only when this is unchanged."""
    return {
        "cleaner": __version__,
        "inputs": {"files": len(inputs.files), "tables": list(inputs.tables), "fingerprint": inputs.fingerprint()},
        "columns": {"id": columns.id, "text": columns.text, "date": columns.date},
        "partition_size": request.partition_size,
        "max_bytes": request.max_bytes,
        "settings": _settings_fingerprint(settings, plan),
    }


def _settings_fingerprint(settings: EffectiveConfig, plan: Plan) -> str:
    # The rules (their full text), the configuration and the readability switch decide the findings.
    digest = hashlib.sha256()
    for part in (repr(plan.rules), repr(settings), repr(plan.options.readability)):
        digest.update(part.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def summary_line(outcome: Outcome, output: Path) -> str:
    """One line on what the run did, its speed and the workers' peak memory."""
    rate = outcome.checked / outcome.elapsed if outcome.elapsed > 0 else 0.0
    memory = sorted(outcome.peak_memory.values())
    peak = f"{memory[0] / MB:.0f}-{memory[-1] / MB:.0f} MB" if memory else "unknown"
    skipped = f" ({outcome.skipped:,} skipped: done before)" if outcome.skipped else ""
    return (
        f"cleaner: checked {outcome.checked:,} article(s){skipped} in {duration(outcome.elapsed)}, "
        f"{rate:.1f} articles/s on {outcome.workers} worker(s), peak memory per worker {peak}; "
        f"{outcome.findings:,} finding(s), {outcome.errors:,} error row(s); results in {output}"
    )


class _Silent:
    """A progress sink that shows nothing."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
