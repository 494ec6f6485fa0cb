"""One JSON request to a LanguageTool server, bounded in time from start to finish.

A socket timeout only bounds each wait: a server that never answers the connection, or one
that trickles a byte every few seconds, could keep a run alive for minutes. Here `timeout`
bounds the connection and, through a watchdog that shuts the socket down, the whole
exchange: the request always ends within about `timeout` seconds, answered or not.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from typing import Any, Mapping
from urllib.parse import urlencode, urlsplit


class RequestFailed(Exception):
    """The request did not produce a JSON answer; `str()` is the short reason."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class _Watchdog:
    """Shuts the connection's socket down once the deadline passes, waking any blocked read."""

    def __init__(self, conn: http.client.HTTPConnection, timeout: float) -> None:
        self.conn = conn
        self.fired = False
        self._timer = threading.Timer(timeout, self._fire)
        self._timer.daemon = True  # never keeps the process alive

    def _fire(self) -> None:
        self.fired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> "_Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def request_json(url: str, data: Mapping[str, str] | None = None, *, timeout: float) -> Any:
    """GET `url` (POST `data` form-encoded when given) and return the decoded JSON answer."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RequestFailed(f"not an http(s) URL: {url}")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.hostname, parts.port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    body = urlencode(dict(data)) if data is not None else None
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
    with _Watchdog(conn, timeout) as watchdog:
        try:
            conn.connect()
            if watchdog.fired:
                raise TimeoutError
            conn.request("POST" if body is not None else "GET", target, body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise RequestFailed(f"timed out after {timeout:g}s" if watchdog.fired else _reason(exc, timeout)) from None
        finally:
            conn.close()
        if watchdog.fired:
            raise RequestFailed(f"timed out after {timeout:g}s")
    if response.status >= 400:
        raise RequestFailed(f"HTTP {response.status}: {payload[:200].decode('utf-8', 'replace').strip()}", response.status)
    try:
        return json.loads(payload)
    except ValueError:
        raise RequestFailed(f"HTTP {response.status} with an answer that is not JSON", response.status) from None


def _reason(error: BaseException, timeout: float) -> str:
    """Return the short cause of a failed request: "connection refused", "timed out after 5s"."""
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g}s"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
