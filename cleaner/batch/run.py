"""Drive a batch on a Dask cluster: submit partitions, write each as it finishes, skip finished ones.

At most a few partitions per worker are in flight, so the client's memory stays flat however
large the archive. A partition whose task fails (say, an article kills its worker every time
Dask retries it) is checked again article by article, so that only the article to blame
becomes an error row.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable

from cleaner.batch import cluster
from cleaner.batch.progress import Progress
from cleaner.batch.sources import Item, Row
from cleaner.batch.store import Store
from cleaner.batch.tables import PartitionRows
from cleaner.batch.work import PartitionResult, check_partition
from cleaner.runner import CheckOptions

IN_FLIGHT_PER_WORKER = 2


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
    from distributed import as_completed

    outcome = Outcome(workers=cluster.worker_count(client))
    started = time.monotonic()
    token = uuid.uuid4().hex[:12]  # task keys unique to this run on a shared scheduler
    window = max(2, IN_FLIGHT_PER_WORKER * outcome.workers)
    pending = as_completed()
    in_flight: dict[str, tuple[int, list[Item]]] = {}
    for number, items in job.partitions:
        if number in finished:
            outcome.skipped += len(items)
            progress.skip(len(items))
            continue
        while pending.count() >= window:
            _collect(next(pending), in_flight, job, client, store, progress, outcome)
        future = client.submit(
            check_partition, number, items, job.options, job.max_bytes, key=f"cleaner-batch-{token}-{number}", pure=False
        )
        in_flight[future.key] = (number, items)
        pending.add(future)
    for future in pending:
        _collect(future, in_flight, job, client, store, progress, outcome)
    outcome.elapsed = time.monotonic() - started
    outcome.peak_memory = cluster.peak_memory_per_worker(client)
    progress.finish()
    return outcome


def _collect(future: Any, in_flight: dict, job: Job, client: Any, store: Store, progress: Progress,
             outcome: Outcome) -> None:
    """Write a finished partition (or rescue a failed one) and count it."""
    number, items = in_flight.pop(future.key)
    try:
        result: PartitionResult = future.result()
    except Exception:  # noqa: BLE001 - the task died; find the article to blame
        result = _rescue(number, items, job, client)
    store.write(number, result.findings, result.articles)
    outcome.partitions += 1
    outcome.checked += result.articles.num_rows
    outcome.findings += result.findings.num_rows
    outcome.errors += result.articles.num_rows - result.articles.column("error").null_count
    progress.advance(result.articles.num_rows)
    future.release()


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
        except Exception as exc:  # noqa: BLE001
            rows = PartitionRows.empty()
            article_id, date = (item.id, item.date) if isinstance(item, Row) else (item, None)
            rows.add_error(article_id, date, None, f"the check failed on its worker: {type(exc).__name__}")
            findings, articles = rows.to_tables()
            parts.append(PartitionResult(number, findings, articles))
    return PartitionResult(
        number, pa.concat_tables([p.findings for p in parts]), pa.concat_tables([p.articles for p in parts])
    )
