"""Batch progress: a bar with rate and time left on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import io

from cleaner.batch.progress import PLAIN_EVERY_S, Progress, duration


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_only_every_few_seconds_with_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=1000, tty=False, clock=clock)
    progress.skip(200)  # finished by an earlier run: counted, but not in the rate
    for _ in range(10):
        clock.now += 1.0
        progress.advance(10)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2  # at the first partition, then PLAIN_EVERY_S later
    assert lines[0] == "cleaner: 210/1,000 articles, 10.0/s, 1:19 left"
    assert lines[1] == f"cleaner: {200 + 10 * (1 + int(PLAIN_EVERY_S))}/1,000 articles, 10.0/s, 1:14 left"
    progress.finish()
    assert out.getvalue().splitlines()[-1] == "cleaner: 300/1,000 articles, 10.0/s"
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()


def test_terminal_bar_redraws_in_place_and_ends_its_line():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=40, tty=True, clock=clock)
    for _ in range(4):
        clock.now += 0.5
        progress.advance(10)
    progress.finish()
    frames = out.getvalue().split("\r")[1:]
    assert len(frames) == 5 and out.getvalue().endswith("\n") and out.getvalue().count("\n") == 1
    assert frames[1].startswith("[" + "#" * 14 + "-" * 14 + "] 20/40 articles, 20.0/s, 0:01 left")
    assert frames[-1].startswith("[" + "#" * 28 + "] 40/40 articles, 20.0/s")


def test_without_a_total_there_is_a_rate_but_no_estimate():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, total=None, tty=False, clock=clock)
    clock.now += 4
    progress.advance(10)
    assert out.getvalue() == "cleaner: 10 articles, 2.5/s\n"
    assert progress.seconds_left() is None


def test_durations():
    assert [duration(s) for s in (0, 59.4, 61, 3600, 3725)] == ["0:00", "0:59", "1:01", "1:00:00", "1:02:05"]
