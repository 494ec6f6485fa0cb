"""Issue 11, LanguageTool: a silent or trickling server cannot hold a run past the timeout.

The fake servers below would keep a client busy for a minute; each test asserts that the client
gave up while the server was still stalling (an order of events, not a wall-clock limit).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from cleaner.errors import GrammarError
from cleaner.languagetool import GrammarChecker, GrammarOptions
from cleaner.languagetool.checker import AUTO_PROBE_TIMEOUT, probe_timeout
from cleaner.languagetool.options import URL_ENV
from cleaner.languagetool.transport import RequestFailed, request_json
from tests_support import run_cli

STALL_SECONDS = 60.0


class StallingServer:
    """A loopback server that accepts connections and then never finishes an answer."""

    def __init__(self, trickle: bool, languages: bool = False) -> None:
        self.trickle = trickle
        self.languages = languages  # answer /v2/languages properly, stall on everything else
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stalling = threading.Event()  # set while some connection is being held
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = conn.recv(65536) if self.trickle or self.languages else b""
                if self.languages and request.startswith(b"GET /v2/languages"):
                    body = b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]'
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                    return
                self.stalling.set()
                deadline = time.monotonic() + STALL_SECONDS
                if self.trickle:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9999\r\n\r\n")
                while time.monotonic() < deadline and not self.done.is_set():
                    if self.trickle:
                        conn.sendall(b" ")  # one byte at a time: every single read succeeds
                    time.sleep(0.1)
            except OSError:
                pass  # the client hung up: what it should do

    def still_stalling(self) -> bool:
        """True while the server has not given up on its own."""
        return self.stalling.is_set() and not self.done.is_set()

    def close(self) -> None:
        self.done.set()
        self.sock.close()


@pytest.fixture(params=[False, True], ids=["silent", "trickle"])
def server(request: pytest.FixtureRequest) -> Iterator[StallingServer]:
    stalling = StallingServer(trickle=request.param)
    yield stalling
    stalling.close()


@pytest.fixture(autouse=True)
def no_url_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)


def test_one_request_ends_within_its_timeout(server: StallingServer) -> None:
    with pytest.raises(RequestFailed, match=r"timed out after 0\.5s"):
        request_json(f"{server.url}/v2/languages", timeout=0.5)
    assert server.still_stalling()


def test_a_stalling_server_fails_a_required_grammar_check(server: StallingServer, tmp_path: Path) -> None:
    options = GrammarOptions(mode="on", url=server.url, cache_dir=tmp_path, timeout=0.5)
    with pytest.raises(GrammarError, match="does not answer: timed out after 0.5s"), GrammarChecker(options) as gc:
        gc.check("Some text.")
    assert server.still_stalling()


def test_auto_mode_gives_up_quickly_and_says_so(server: StallingServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert probe_timeout(GrammarOptions(mode="auto", timeout=60)) == AUTO_PROBE_TIMEOUT < 60
    options = GrammarOptions(mode="auto", url=server.url, cache_dir=tmp_path, timeout=0.5)
    with GrammarChecker(options) as gc:
        assert gc.check("Some text.") == []
    assert "timed out after 0.5s; continuing with the built-in rules only" in capsys.readouterr().err
    assert server.still_stalling()


def test_the_configured_timeout_reaches_the_cli(server: StallingServer, tmp_path: Path) -> None:
    (tmp_path / ".cleaner.toml").write_text("[languagetool]\ntimeout = 0.5\n")
    (tmp_path / "a.txt").write_text("He left. Then she spoke.\n")
    proc = run_cli("check", "--no-readability", "--grammar", "--languagetool-url", server.url, "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"timed out after 0.5s" in proc.stderr
    assert server.still_stalling()


def test_a_paragraph_request_ends_within_its_timeout(tmp_path: Path) -> None:
    from cleaner.languagetool.client import Client, ServerInfo

    server = StallingServer(trickle=True, languages=True)
    try:
        client = Client(ServerInfo(server.url, "6.8"), "en-US", frozenset(), frozenset(), timeout=0.5)
        with pytest.raises(GrammarError, match="timed out after 0.5s"):
            client.check("He left. Then she spoke.")
        assert server.still_stalling()
    finally:
        server.close()
