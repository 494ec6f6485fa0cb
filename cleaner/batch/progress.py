"""Progress of a batch on standard error: a bar on a terminal, a plain line now and then otherwise."""

from __future__ import annotations

import time
from typing import Callable, TextIO

BAR_WIDTH = 28
PLAIN_EVERY_S = 5.0
BAR_EVERY_S = 0.2


def duration(seconds: float) -> str:
    """Format seconds as H:MM:SS (or M:SS under an hour)."""
    whole = max(0, int(round(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts checked articles and reports the rate and the time left."""

    def __init__(self, out: TextIO, total: int | None, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.out, self.total, self.clock = out, total, clock
        self.tty = out.isatty() if tty is None else tty
        self.started = clock()
        self.done = 0  # articles checked in this run
        self.skipped = 0  # articles of partitions finished by an earlier run
        self._last = float("-inf")

    def skip(self, articles: int) -> None:
        """Count articles that an earlier run already finished."""
        self.skipped += articles

    def advance(self, articles: int) -> None:
        """Count newly checked articles and redraw when it is time."""
        self.done += articles
        now = self.clock()
        if now - self._last >= (BAR_EVERY_S if self.tty else PLAIN_EVERY_S):
            self._last = now
            self._draw(final=False)

    def finish(self) -> None:
        """Draw the final state (and end the bar's line)."""
        self._draw(final=True)

    def rate(self) -> float:
        """Articles per second checked by this run so far."""
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, final: bool = False) -> str:
        """The progress as text: counts, rate and (until the end) the time left when the total is known."""
        count = self.done + self.skipped
        shown = f"{count:,}/{self.total:,}" if self.total is not None else f"{count:,}"
        text = f"{shown} articles, {self.rate():.1f}/s"
        left = None if final else self.seconds_left()
        if left is not None:
            text += f", {duration(left)} left"
        return text

    def seconds_left(self) -> float | None:
        """Estimate the time left from this run's rate, or None without a total or a rate."""
        rate = self.rate()
        if self.total is None or rate <= 0:
            return None
        return max(0, self.total - self.done - self.skipped) / rate

    def _draw(self, final: bool) -> None:
        if not self.tty:
            self.out.write(f"cleaner: {self.line(final)}\n")
        else:
            fraction = min(1.0, (self.done + self.skipped) / self.total) if self.total else 0.0
            filled = int(round(fraction * BAR_WIDTH))
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.out.write(f"\r[{bar}] {self.line(final)}\x1b[K" + ("\n" if final else ""))
        self.out.flush()
