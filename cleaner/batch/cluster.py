"""Where a batch runs: a local Dask cluster on this machine, or an existing one by address.

The local cluster listens on 127.0.0.1 only (scheduler, workers, nannies and the HTTP
server): an archive audit never opens a port to the network. One single-threaded worker
process per core by default, because checking is pure Python and holds the GIL.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import warnings
from typing import Any, Iterator
from urllib.parse import urlsplit

from cleaner.errors import InputError

LOOPBACK = "127.0.0.1"
DASHBOARD_PORT = 8787


def default_workers() -> int:
    """Return the number of cores this process may use: one worker each."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def open_client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """Yield a dask.distributed Client: connected to `scheduler`, or to a new local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler)  # gives up after Dask's distributed.comm.timeouts.connect
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with contextlib.closing(client):
            yield client
        return
    _tune_local_workers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "port 8787 is in use": another port is taken, and printed
        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=f"{LOOPBACK}:{DASHBOARD_PORT}",
            silence_logs=logging.CRITICAL,  # a failed task is handled (rescued), not news
        )
    with contextlib.closing(cluster), contextlib.closing(Client(cluster)) as client:
        yield client


def _tune_local_workers() -> None:
    """Configure the local cluster's workers for checking text (set before they are spawned).

    Dask gives its workers MALLOC_TRIM_THRESHOLD_ to hand memory back sooner; setting it also
    turns off glibc's adaptive mmap threshold, so every large temporary allocation became an
    mmap/munmap pair and checking took about 25% more CPU than in `check`. The statistical
    profiler only serves the dashboard's profile page.
    """
    import dask

    environ = dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}
    dasks_own = environ.get("MALLOC_TRIM_THRESHOLD_")
    if dasks_own is not None and os.environ.get("MALLOC_TRIM_THRESHOLD_") == str(dasks_own):
        # A nanny of an earlier cluster in this process copied it into os.environ; a user's own value stays.
        del os.environ["MALLOC_TRIM_THRESHOLD_"]
    dask.config.set({
        "distributed.nanny.pre-spawn-environ": {k: v for k, v in environ.items() if k != "MALLOC_TRIM_THRESHOLD_"},
        "distributed.worker.profile.enabled": False,
    })


def dashboard_address(client: Any) -> str | None:
    """Return the dashboard's URL, or None when there is no dashboard (it needs bokeh)."""
    services = client.scheduler_info().get("services", {})
    port = services.get("dashboard")
    if not port or not bokeh_installed():
        return None  # without bokeh the HTTP server has only health and metrics pages
    host = urlsplit(client.scheduler.address.replace("tcp://", "http://", 1)).hostname or LOOPBACK
    return f"http://{host}:{port}/status"


def bokeh_installed() -> bool:
    """True when bokeh, which Dask's dashboard needs, can be imported."""
    return importlib.util.find_spec("bokeh") is not None


def worker_count(client: Any) -> int:
    """Return how many workers the cluster has now."""
    return len(client.scheduler_info().get("workers", {}))


def peak_memory_per_worker(client: Any) -> dict[str, int]:
    """Return each worker process's peak resident memory in bytes, by worker address."""
    return dict(client.run(_peak_rss_bytes))


def _peak_rss_bytes() -> int:
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # Linux reports KiB, macOS bytes
