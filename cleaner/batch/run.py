"""Drive a batch on a Dask cluster: submit partitions, write each as it finishes, skip finished ones.

At most a few partitions per worker are in flight, so the client's memory stays flat however
large the archive. A partition whose task fails (say, an article kills its worker every time
Dask retries it) is checked again article by article, so that only the article to blame
becomes an error row.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import Any, Iterable

from cleaner.batch import cluster
from cleaner.batch.progress import Progress
from cleaner.batch.sources import Item, Row
from cleaner.batch.store import Store
from cleaner.batch.tables import PartitionRows
from cleaner.batch.work import PartitionResult, check_partition
from cleaner.errors import CleanerError, ExitCode
from cleaner.runner import CheckOptions

IN_FLIGHT_PER_WORKER = 2


class ClusterLost(CleanerError):
    """The scheduler or the connection to it went away mid-batch."""

    exit_code = ExitCode.USAGE


@dataclass
class Outcome:
    """What one run did."""

    checked: int = 0  # articles checked by this run
    skipped: int = 0  # articles in partitions an earlier run finished
    partitions: int = 0  # partitions written by this run
    errors: int = 0  # error rows written by this run
    findings: int = 0  # findings written by this run
    elapsed: float = 0.0
    workers: int = 0
    peak_memory: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the figures for stats.json."""
        rate = self.checked / self.elapsed if self.elapsed > 0 else 0.0
        return {**self.__dict__, "articles_per_second": round(rate, 2)}


@dataclass(frozen=True)
class Job:
    """The work of one batch, independent of where it runs."""

    partitions: Iterable[tuple[int, list[Item]]]
    options: CheckOptions
    max_bytes: int


def run(job: Job, client: Any, store: Store, finished: set[int], progress: Progress) -> Outcome:
    """Check every unfinished partition on the cluster and write its tables; return the figures."""
    return _Run(job, client, store, progress).all(finished)


class _Run:
    """One pass over the partitions: submit within a window, write each result as it comes."""

    def __init__(self, job: Job, client: Any, store: Store, progress: Progress) -> None:
        self.job, self.client, self.store, self.progress = job, client, store, progress
        self.outcome = Outcome(workers=cluster.worker_count(client))
        self.in_flight: dict[str, tuple[int, list[Item]]] = {}
        self.token = uuid.uuid4().hex[:12]  # task keys unique to this run on a shared scheduler

    def all(self, finished: set[int]) -> Outcome:
        """Submit the unfinished partitions, keeping a few per worker in flight; collect them all."""
        from distributed import as_completed

        started = time.monotonic()
        window = max(2, IN_FLIGHT_PER_WORKER * self.outcome.workers)
        pending = as_completed()
        for number, items in self.job.partitions:
            if number in finished:
                self.outcome.skipped += len(items)
                self.progress.skip(len(items))
                continue
            while pending.count() >= window:
                self._collect(next(pending))
            pending.add(self._submit(number, items, f"cleaner-batch-{self.token}-{number}"))
        for future in pending:
            self._collect(future)
        self.outcome.elapsed = time.monotonic() - started
        self.outcome.peak_memory = cluster.peak_memory_per_worker(self.client)
        self.progress.finish()
        return self.outcome

    def _submit(self, number: int, items: list[Item], key: str) -> Any:
        job = self.job
        future = self.client.submit(check_partition, number, items, job.options, job.max_bytes, key=key, pure=False)
        self.in_flight[future.key] = (number, items)
        return future

    def _collect(self, future: Any) -> None:
        """Write a finished partition (or rescue a failed one) and count it."""
        number, items = self.in_flight.pop(future.key)
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # noqa: BLE001 - the task died; find the article to blame
            _stop_if_cluster_lost(future, exc)
            result = _rescue(number, items, self.job, self.client)
        self.store.write(number, result.findings, result.articles)
        articles = result.articles
        self.outcome.partitions += 1
        self.outcome.checked += articles.num_rows
        self.outcome.findings += result.findings.num_rows
        self.outcome.errors += articles.num_rows - articles.column("error").null_count
        self.progress.advance(articles.num_rows)
        future.release()


def _stop_if_cluster_lost(future: Any, exc: Exception) -> None:
    """Abort (to resume later) when a task was cancelled, which happens when the cluster goes away.

    Only a task that failed on a live cluster may turn into error rows: a lost connection must
    not mark partitions finished with made-up errors.
    """
    if future.status == "cancelled" or isinstance(exc, (OSError, CancelledError)):
        raise ClusterLost(f"lost the Dask cluster ({type(exc).__name__}); run the same command again to resume")


def _rescue(number: int, items: list[Item], job: Job, client: Any) -> PartitionResult:
    """Check a failed partition one article per task; an article whose task fails becomes an error row."""
    import pyarrow as pa

    futures = [
        client.submit(check_partition, number, [item], job.options, job.max_bytes, pure=False) for item in items
    ]
    parts: list[PartitionResult] = []
    for item, future in zip(items, futures):
        try:
            parts.append(future.result())
        except Exception as exc:  # noqa: BLE001 - this article's task failed: it alone becomes an error row
            _stop_if_cluster_lost(future, exc)
            rows = PartitionRows.empty()
            date = item.date if isinstance(item, Row) else None
            rows.add_error(item.id, date, None, f"the check failed on its worker: {type(exc).__name__}")
            findings, articles = rows.to_tables()
            parts.append(PartitionResult(number, findings, articles))
    return PartitionResult(
        number, pa.concat_tables([p.findings for p in parts]), pa.concat_tables([p.articles for p in parts])
    )
