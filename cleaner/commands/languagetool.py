"""`cleaner languagetool install|status`: set up and inspect the local LanguageTool server."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from cleaner.errors import GrammarError
from cleaner.languagetool.options import (
    DEFAULT_VERSION,
    URL_ENV,
    GrammarOptions,
    default_cache_dir,
    default_install_dir,
    env_url,
)

# The install, Java, server and cache modules are imported inside the commands that use
# them: every `cleaner` command builds this sub-app, and most never touch LanguageTool.

app = typer.Typer(
    help="Install and inspect LanguageTool, the grammar server behind `cleaner check --grammar`.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help, as the main app's
)


def _fail(error: GrammarError) -> None:
    """Print the one-line error and exit 2 (never a traceback)."""
    typer.echo(f"cleaner: error: {error}", err=True)
    raise typer.Exit(2)


@app.command()
def install(
    version: str = typer.Option(DEFAULT_VERSION, "--version", help="LanguageTool release to fetch."),
    directory: Path | None = typer.Option(
        None,
        "--dir",
        help="Install folder [default: $CLEANER_LANGUAGETOOL_HOME or ~/.cache/cleaner/languagetool].",
    ),
    force: bool = typer.Option(False, "--force", help="Reinstall even if this version is present."),
    verify: bool = typer.Option(
        True, "--verify/--no-verify", help="Start the server once and check a sentence."
    ),
    max_memory: str = typer.Option(
        "512m", "--max-memory", help="Java heap (-Xmx) for the verification run."
    ),
) -> None:
    """Fetch LanguageTool's server and English module from Maven Central with mvn (needs Java 17+)."""
    from cleaner.languagetool.install import find_install
    from cleaner.languagetool.install import install as install_lt

    target = directory or default_install_dir()
    try:
        fresh = force or find_install(target, version) is None
        inst = install_lt(target, version, force=force, progress=typer.echo)
        if verify and fresh:  # an install that was already there was verified back then
            _verify(inst.path.parent, inst.version, max_memory)
    except GrammarError as e:
        _fail(e)


def _verify(install_dir: Path, version: str, max_memory: str) -> None:
    """Start the installed server, check one bad sentence, stop it, and say how it went."""
    from cleaner.languagetool.client import probe  # language-tool-python: only when used
    from cleaner.languagetool.install import find_install
    from cleaner.languagetool.java import find_java
    from cleaner.languagetool.server import LocalServer

    inst = find_install(install_dir, version)
    if inst is None:
        raise GrammarError(f"install of LanguageTool {version} in {install_dir} is incomplete")
    started = time.monotonic()
    server = LocalServer(inst, find_java(), max_memory=max_memory)
    try:
        url = server.start()
        info = probe(url, "en-US", 60.0, version=None)  # a real check: loads the English rules
        typer.echo(
            f"verified: LanguageTool {info.version.split()[0]} checked a sentence on {url} "
            f"{time.monotonic() - started:.1f}s after start (-Xmx{max_memory}); stopped it"
        )
    finally:
        server.stop()


@app.command()
def serve(
    idle: float = typer.Option(900.0, "--idle", min=1.0, metavar="SECONDS", help="Stop after this long without a check."),
    max_memory: str = typer.Option("512m", "--max-memory", help="Java heap (-Xmx) of the server."),
    directory: Path | None = typer.Option(None, "--dir", help="Install folder [default: as for install]."),
) -> None:
    """Keep a LanguageTool server running in the background for the next `check --grammar` runs.

    It listens on 127.0.0.1 only, is found through a state file in the cache folder, and
    stops by itself after --idle seconds without a check (or with `cleaner languagetool stop`).
    """
    from cleaner.languagetool import warm
    from cleaner.languagetool.install import find_install

    inst = find_install(directory or default_install_dir())
    if inst is None:
        _fail(GrammarError("LanguageTool is not installed; run `cleaner languagetool install`"))
    try:
        server = warm.ensure(inst, max_memory=max_memory, idle=idle, start_timeout=GrammarOptions().start_timeout)
    except GrammarError as e:
        _fail(e)
    typer.echo(
        f"LanguageTool {server.version} serving on {server.url} (java pid {server.java_pid}); it stops after "
        f"{server.idle:g}s without a check, or with `cleaner languagetool stop`"
    )


@app.command()
def stop(
    directory: Path | None = typer.Option(None, "--dir", help="Install folder [default: as for install]."),
) -> None:
    """Stop the background LanguageTool server started by `serve` (or by CLEANER_LANGUAGETOOL_KEEP_ALIVE)."""
    from cleaner.languagetool import warm
    from cleaner.languagetool.install import installed

    stopped = [inst.version for inst in installed(directory or default_install_dir()) if warm.stop(inst.version)]
    typer.echo(f"stopped the background server of LanguageTool {', '.join(stopped)}" if stopped
               else "no background LanguageTool server was running")


@app.command()
def status(
    url: str | None = typer.Option(
        None, "--url", "--languagetool-url", help=f"Server to ask [default: ${URL_ENV}]."
    ),
    directory: Path | None = typer.Option(None, "--dir", help="Install folder to inspect."),
) -> None:
    """Show the installed LanguageTool, the Java it uses, whether a server answers, and the cache size.

    Exits 0 when `cleaner check --grammar` can run, 1 when it cannot.
    """
    from cleaner.languagetool.cache import cache_summary
    from cleaner.languagetool.install import installed
    from cleaner.languagetool.java import find_java

    install_dir = directory or default_install_dir()
    usable = False
    installs = installed(install_dir)
    if installs:
        for inst in installs:
            typer.echo(
                f"installed: LanguageTool {inst.version} in {inst.path} "
                f"({len(list(inst.libs.glob('*.jar')))} jars, {inst.size_bytes() / 1e6:.0f} MB)"
            )
    else:
        typer.echo(f"installed: none in {install_dir} (run `cleaner languagetool install`)")
    try:
        java = find_java()
        typer.echo(f"java: {java.path} (version {java.version})")
        usable = bool(installs)
    except GrammarError as e:
        typer.echo(f"java: {e}")
    from cleaner.config import load_config

    xmx = load_config(Path.cwd()).languagetool.max_memory
    typer.echo(f"memory: a local server runs with -Xmx{xmx} (max-memory under [tool.cleaner.languagetool])")
    from cleaner.languagetool import warm

    for inst in installs:
        background = warm.find(inst.version, touch=False)  # asking is not using
        if background is not None:
            usable = True
            typer.echo(f"background server: {background.url} (java pid {background.java_pid}), "
                       f"stops after {background.idle:g}s without a check")
        elif warm.starting(inst.version):
            usable = True
            typer.echo("background server: starting (Java is loading the English rules; checks wait for it)")
    server_url = url or env_url()
    if server_url:
        from cleaner.languagetool.client import normalize_url, probe

        try:
            info = probe(server_url, "en-US", 10.0)
            typer.echo(
                f"server: {normalize_url(server_url)} answers: LanguageTool {info.version.split()[0]}"
            )
            usable = True
        except GrammarError as e:
            busy = "timed out" in str(e)  # it took the connection: loading its rules, or busy
            typer.echo(f"server: {normalize_url(server_url)} is starting or busy: {e}" if busy else f"server: {e}")
    else:
        typer.echo(f"server: no URL given (--url or ${URL_ENV}); a local server starts on demand")
    cache_dir = default_cache_dir()
    rows, size = cache_summary(cache_dir)
    typer.echo(f"cache: {cache_dir} ({rows} paragraphs, {size / 1e6:.1f} MB)")
    raise typer.Exit(0 if usable else 1)


if __name__ == "__main__":
    app()
