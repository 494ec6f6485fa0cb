"""GrammarChecker: LanguageTool findings for whole documents, paragraph by paragraph, cached."""

from __future__ import annotations

import signal
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from cleaner.document import Document
from cleaner.errors import GrammarError
from cleaner.languagetool.cache import CacheStats, ResultCache, cache_key, rules_signature
from cleaner.languagetool.disabled import effective_rules
from cleaner.languagetool.findings import screen, to_finding
from cleaner.languagetool.install import Install, find_install
from cleaner.languagetool.java import find_java
from cleaner.languagetool.options import GrammarOptions
from cleaner.languagetool.raw import RawMatch
from cleaner.languagetool.server import LocalServer
from cleaner.languagetool.warm import WarmServer
from cleaner.model import Finding

if TYPE_CHECKING:  # the client pulls in language-tool-python and requests: only when needed
    from cleaner.languagetool.client import Client, ServerInfo

NOT_INSTALLED = (
    "LanguageTool is not installed; run `cleaner languagetool install` or pass --languagetool-url URL"
)
_CATCH = (signal.SIGTERM, signal.SIGHUP)


def _raise_exit(signum: int, _frame: FrameType | None) -> None:
    """Turn SIGTERM/SIGHUP into SystemExit so `with` blocks and atexit stop the server."""
    raise SystemExit(128 + signum)


AUTO_PROBE_TIMEOUT = 5.0  # seconds `--grammar auto` waits for a given server before going on without it


def probe_timeout(options: GrammarOptions) -> float:
    """Seconds to wait for a running server's first answers: the timeout, shorter in auto mode."""
    return min(options.timeout, AUTO_PROBE_TIMEOUT) if options.mode == "auto" else options.timeout


def _warn(message: str) -> None:
    """Print a one-line warning to stderr."""
    print(f"cleaner: warning: {message}", file=sys.stderr)


class GrammarChecker:
    """Checks texts with one LanguageTool server, started lazily and always stopped on exit."""

    def __init__(self, options: GrammarOptions | None = None) -> None:
        self.options = options or GrammarOptions()
        self.stats = CacheStats()
        self.info: ServerInfo | None = None
        self.server: LocalServer | None = None
        self.warm: WarmServer | None = None  # a background server found (or started) for this run
        self.sent: list[str] = []  # paragraphs sent to the server by the last check (for tests)
        self._disabled, self._enabled = effective_rules(
            self.options.disabled_rules, self.options.enabled_rules
        )
        self._allow_fix = frozenset(self.options.allow_fix_rules)
        self._client: Client | None = None
        self._cache: ResultCache | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._started = False
        self._available = False
        self._version = ""
        self._closed = False
        self._lock = threading.Lock()
        self._saved_handlers: dict[int, Any] = {}

    def __enter__(self) -> GrammarChecker:
        """Install SIGTERM/SIGHUP handlers (main thread only) and return self."""
        if threading.current_thread() is threading.main_thread():
            for sig in _CATCH:
                if signal.getsignal(sig) is signal.SIG_DFL:
                    self._saved_handlers[sig] = signal.signal(sig, _raise_exit)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the server and restore signal handlers, whatever ended the block."""
        try:
            self.close()
        finally:
            for sig, handler in self._saved_handlers.items():
                signal.signal(sig, handler)
            self._saved_handlers.clear()

    @property
    def server_pid(self) -> int | None:
        """Return the pid of the java server this checker started, if one runs."""
        return self.server.pid if self.server else None

    def start(self) -> None:
        """Resolve the server once, cheaply: probe the URL, or find the install and Java.

        The local JVM itself starts at the first paragraph the cache cannot answer, so a
        re-check of unchanged text never waits for it. In auto mode, failures only warn.
        """
        with self._lock:
            if self._started:
                return
            self._started = True
            if self.options.mode == "off":
                return
            try:
                self._prepare()
                self._available = True
            except GrammarError as e:
                if self.options.mode != "auto":
                    raise
                _warn(f"{e}; continuing with the built-in rules only")

    def _prepare(self) -> None:
        """Learn the LanguageTool version (from the install or the URL) and open the cache."""
        opts = self.options
        url = opts.resolved_url()
        if url is None:
            install = find_install(opts.resolved_install_dir(), opts.version)
            if install is None:
                raise GrammarError(NOT_INSTALLED)
            self.warm = _warm_server(install, opts)
            if self.warm is not None:  # a running background server: no Java start at all
                from cleaner.languagetool.client import probe

                self.info = probe(self.warm.url, opts.variant, opts.start_timeout, version=install.version)
                self._version = install.version
                self._cache = ResultCache(opts.resolved_cache_dir() if opts.use_cache else None)
                return
            self.server = LocalServer(
                install,
                find_java(),  # fail now, with a clear message, not at the first cache miss
                max_memory=opts.max_memory,
                start_timeout=opts.start_timeout,
                check_threads=opts.concurrency,
                max_check_seconds=opts.timeout,
            )
            self._version = install.version
        else:
            from cleaner.languagetool.client import probe

            # A server someone else runs is already up: the configured timeout bounds the probe
            # (connect and whole answer), and `auto` gives up sooner still, with a warning.
            self.info = probe(url, opts.variant, probe_timeout(opts))
            self._version = self.info.version
        self._cache = ResultCache(opts.resolved_cache_dir() if opts.use_cache else None)

    def start_server(self) -> None:
        """Start (or connect to) the server now instead of at the first cache miss."""
        self.start()
        if not self._available:
            return
        with self._lock:
            if self._client is not None:
                return
            from cleaner.languagetool.client import Client, probe

            opts = self.options
            if self.info is None:
                assert self.server is not None
                url = self.server.start()
                # One tiny check loads the English rules before paragraphs arrive concurrently,
                # so their per-request timeout does not have to cover the warm-up.
                self.info = probe(url, opts.variant, opts.start_timeout)
            self._client = Client(self.info, opts.variant, self._disabled, self._enabled, opts.timeout)
            self._pool = ThreadPoolExecutor(max(1, opts.concurrency), thread_name_prefix="cleaner-lt")

    def check(self, text: str) -> list[Finding]:
        """Return LanguageTool's findings for the whole text (empty when unavailable in auto mode)."""
        if self._closed:
            raise RuntimeError("GrammarChecker.check() after close(): the server is gone")
        self.start()
        if not self._available:
            return []
        try:
            return self._check(text)
        except GrammarError as e:
            if self.options.mode != "auto":
                raise
            _warn(f"{e}; continuing with the built-in rules only")
            self._available = False
            return []

    def _check(self, text: str) -> list[Finding]:
        """Answer cached paragraphs from disk and send only the others, concurrently."""
        assert self._cache is not None
        doc = Document(text)
        rules = rules_signature(self._disabled, self._enabled)
        version = self._version
        results: dict[str, list[RawMatch]] = {}
        pending: dict[str, Future[list[RawMatch]]] = {}
        spans = []
        self.sent = []
        for para in doc.paragraphs:
            chunk = text[para.start : para.end]
            if not any(ch.isalpha() for ch in chunk):
                continue  # rules, numbers, separators: nothing for a grammar checker
            key = cache_key(chunk, version=version, variant=self.options.variant, rules=rules)
            spans.append((para.start, key))
            if key in results or key in pending:
                self.stats.hits += 1  # the same paragraph twice in one text is sent once
                continue
            cached = self._cache.get(key)
            if cached is not None:
                self.stats.hits += 1
                results[key] = cached
                continue
            self.stats.misses += 1
            self.sent.append(chunk)
            if self.warm is not None:
                self.warm.touch()  # in use: a long check must not be taken for idleness
            if self._pool is None:
                self.start_server()  # the first paragraph the cache cannot answer
            assert self._pool is not None and self._client is not None
            pending[key] = self._pool.submit(self._client.check, chunk)
        try:
            for key, future in pending.items():
                results[key] = future.result()
                self._cache.put(key, results[key])
        except GrammarError as e:
            for future in pending.values():
                future.cancel()
            raise self._explain(e) from e
        except BaseException:
            for future in pending.values():
                future.cancel()  # queued paragraphs are dropped; Ctrl-C must not wait for them
            raise
        finally:
            self._cache.flush()
        findings = [
            to_finding(m, start, text, doc.line_col, self._allow_fix)
            for start, key in spans
            for m in results[key]
        ]
        if not self.options.raw:
            findings = screen(findings, doc, self._enabled)
        return sorted(findings, key=lambda f: f.sort_key)

    def _explain(self, error: GrammarError) -> GrammarError:
        """Name the cause when a failed request is really a dead local server (e.g. out of memory)."""
        server = self.server
        if server is None or server.process is None or server.process.poll() is None:
            return error
        oom = "OutOfMemoryError" in server.log_tail(200)
        xmx = self.options.max_memory
        cause = f"out of memory at -Xmx{xmx}; raise max-memory under [tool.cleaner.languagetool]" if oom else server.log_tail()
        return GrammarError(f"LanguageTool server exited with code {server.process.returncode}: {cause}")

    def close(self) -> None:
        """Stop the local server, the worker threads and the cache; safe to call twice."""
        pool, self._pool = self._pool, None
        try:
            self._shutdown_server()  # first: requests in flight then fail fast instead of blocking
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            if self._client is not None:
                self._client.close()
                self._client = None
            if self._cache is not None:
                self._cache.close()
                self._cache = None
            self._available = False
            self._closed = True

    def _shutdown_server(self) -> None:
        """Stop the java process if this checker started one."""
        if self.server is not None:
            self.server.stop()
            self.server = None


def _warm_server(install: Install, options: GrammarOptions) -> WarmServer | None:
    """Return a running background server, or start one when the options ask to keep it alive."""
    from cleaner.languagetool import warm

    keep_alive = warm.keep_alive_from_env() if options.keep_alive is None else options.keep_alive
    found = warm.find(install.version)
    if found is not None or keep_alive <= 0:
        return found
    return warm.ensure(install, max_memory=options.max_memory, idle=keep_alive, start_timeout=options.start_timeout)
