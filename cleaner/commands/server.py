"""`cleaner server start|stop|status`: a warm background process that makes a one-article check start fast."""

from __future__ import annotations

import time

import typer

from cleaner.server.paths import DEFAULT_IDLE

app = typer.Typer(
    help=(
        "A warm check server: `cleaner check` hands its run to a background process that has already "
        "loaded the rules, so a check of one article costs milliseconds instead of a Python start. "
        "While one runs, `cleaner check` uses it (CLEANER_SERVER=off: never; CLEANER_SERVER=auto: "
        "start one when none runs). Output, messages and exit codes are those of an in-process check; "
        "the cost is the server's memory while it waits. It stops after --idle seconds without a check."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command()
def start(
    idle: float = typer.Option(DEFAULT_IDLE, "--idle", min=1.0, help="Seconds without a check before it stops itself."),
) -> None:
    """Start the check server in the background (or report the one already running)."""
    from cleaner.server import control

    try:
        state = control.start(idle)
    except OSError as error:
        typer.echo(f"cleaner: error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(_describe(state))


@app.command()
def stop() -> None:
    """Stop the check server (it lets running checks finish)."""
    from cleaner.server import control

    typer.echo("stopped the check server" if control.stop() else "no check server was running")


@app.command()
def status() -> None:
    """Say whether a check server runs for this install; exit 1 when none does."""
    from cleaner.server import control
    from cleaner.server.paths import paths

    state = control.status()
    if state is None:
        typer.echo(f"no check server is running (its socket would be {paths().socket})")
        raise typer.Exit(1)
    typer.echo(_describe(state))


def _describe(state: dict) -> str:
    age = time.time() - float(state.get("started", time.time()))
    return (f"check server pid {state['pid']} on {state['socket']}, up {age:.0f} s; "
            f"{state.get('served', 0)} check(s) served; it stops after {float(state['idle']):g} s without a check")
