"""A partition whose task fails is checked again article by article; a lost cluster aborts instead."""

from __future__ import annotations

import pytest

from cleaner.batch.run import ClusterLost, Job, _rescue
from cleaner.batch.sources import Row
from cleaner.batch.work import check_partition
from cleaner.runner import CheckOptions


class KilledWorker(Exception):
    """Stands for distributed's KilledWorker: the task took its worker down every time."""


class Future:
    """A finished task: its result, or the exception it failed with and Dask's status word."""

    def __init__(self, result=None, error: Exception | None = None, status: str = "finished") -> None:
        self._result, self._error, self.status = result, error, status

    def result(self):
        if self._error is not None:
            raise self._error
        return self._result


class Client:
    """Runs each task here; the article named `poison` fails as the test says."""

    def __init__(self, failure: Future) -> None:
        self.failure = failure

    def submit(self, function, number, items, options, max_bytes, pure=False):
        if any(item.id == "poison" for item in items):
            return self.failure
        return Future(function(number, items, options, max_bytes))


ITEMS = [Row("a", "The talks ended.. Both sides left."), Row("poison", "Anything.", "2024-01-02"),
         Row("b", "A clean sentence about the weather.")]
JOB = Job(partitions=[], options=CheckOptions(readability=False), max_bytes=10_000)


def test_only_the_article_that_kills_its_worker_becomes_an_error_row():
    result = _rescue(3, ITEMS, JOB, Client(Future(error=KilledWorker("worker died"), status="error")))
    rows = result.articles.to_pylist()
    assert [r["id"] for r in rows] == ["a", "poison", "b"]
    assert [r["error"] for r in rows] == [None, "the check failed on its worker: KilledWorker", None]
    assert rows[1]["date"] == "2024-01-02" and rows[0]["findings"] == 1 and rows[2]["findings"] == 0
    alone = check_partition(3, [ITEMS[0]], JOB.options, JOB.max_bytes)
    assert result.findings.to_pylist() == alone.findings.to_pylist()


@pytest.mark.parametrize("failure", [
    Future(error=Exception("cancelled"), status="cancelled"),
    Future(error=OSError("connection closed"), status="error"),
])
def test_a_lost_cluster_aborts_rather_than_writing_error_rows(failure):
    with pytest.raises(ClusterLost, match="run the same command again to resume"):
        _rescue(3, ITEMS, JOB, Client(failure))
