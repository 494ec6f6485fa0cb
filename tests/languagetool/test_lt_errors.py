"""Clear one-line errors: missing Java, missing install, unreachable URL; auto mode only warns."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.commands.languagetool import app
from cleaner.errors import ExitCode, GrammarError
from cleaner.languagetool import NOT_INSTALLED, GrammarChecker, GrammarOptions
from cleaner.languagetool.install import Install
from cleaner.languagetool.options import URL_ENV
from tests_support import SPELLING

runner = CliRunner()


def closed_port() -> int:
    """A loopback port with nobody listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def no_url_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests here choose their server explicitly."""
    monkeypatch.delenv(URL_ENV, raising=False)


@pytest.fixture
def no_java(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH without java and no JAVA_HOME."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)


def test_missing_install(tmp_path: Path) -> None:
    options = GrammarOptions(mode="on", install_dir=tmp_path / "empty", cache_dir=tmp_path)
    with pytest.raises(GrammarError) as err, GrammarChecker(options) as gc:
        gc.check("Some text.")
    assert str(err.value) == NOT_INSTALLED
    assert "cleaner languagetool install" in NOT_INSTALLED and "\n" not in NOT_INSTALLED
    assert err.value.exit_code == ExitCode.USAGE == 2


def test_missing_java(lt_install: Install, tmp_path: Path, no_java: None) -> None:
    options = GrammarOptions(mode="on", install_dir=lt_install.path.parent, cache_dir=tmp_path)
    java_missing = pytest.raises(GrammarError, match=r"^Java is not installed .*Java 17")
    with java_missing, GrammarChecker(options) as gc:
        gc.check("Some text.")


def test_unreachable_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    options = GrammarOptions(mode="on", url=url, cache_dir=tmp_path)
    with pytest.raises(GrammarError) as err, GrammarChecker(options) as gc:
        gc.check("Some text.")
    assert str(err.value) == f"LanguageTool server at {url} does not answer: connection refused"


def test_url_from_environment(lt_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL_ENV, lt_url + "/v2/")
    with GrammarChecker(GrammarOptions(mode="on", cache_dir=tmp_path, enabled_rules=SPELLING)) as gc:
        assert [f.text for f in gc.check("The targett is big.")] == ["targett"]
        assert gc.info is not None and gc.info.url == lt_url


def test_unknown_variant(lt_url: str, tmp_path: Path) -> None:
    options = GrammarOptions(mode="on", url=lt_url, variant="en-XX", cache_dir=tmp_path)
    with pytest.raises(GrammarError, match=r"does not know 'en-XX'.*en-gb"), GrammarChecker(options) as gc:
        gc.check("Text.")


def test_auto_mode_warns_once_and_continues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    options = GrammarOptions(mode="auto", install_dir=tmp_path / "empty", cache_dir=tmp_path)
    with GrammarChecker(options) as gc:
        assert gc.check("The targett is big.") == []
        assert gc.check("He go home.") == []
    err = capsys.readouterr().err
    assert err == f"cleaner: warning: {NOT_INSTALLED}; continuing with the built-in rules only\n"


def test_off_mode_does_nothing(tmp_path: Path) -> None:
    options = GrammarOptions(mode="off", url=f"http://127.0.0.1:{closed_port()}")
    with GrammarChecker(options) as gc:
        assert gc.check("The targett is big.") == [] and gc.server_pid is None


def test_cli_install_without_java_exits_2(tmp_path: Path, no_java: None) -> None:
    result = runner.invoke(app, ["install", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip().startswith("cleaner: error: Java is not installed")
    assert "Traceback" not in result.output


def test_cli_install_rejects_a_bad_version(tmp_path: Path) -> None:
    result = runner.invoke(app, ["install", "--dir", str(tmp_path), "--version", "6.8</version>"])
    assert result.exit_code == 2 and "not a LanguageTool release version" in result.output


def test_cli_install_is_idempotent(lt_install: Install) -> None:
    result = runner.invoke(app, ["install", "--dir", str(lt_install.path.parent),
                                 "--version", lt_install.version, "--no-verify"])
    assert result.exit_code == 0 and "already installed" in result.output


def test_cli_status(lt_install: Install, lt_url: str) -> None:
    result = runner.invoke(app, ["status", "--url", lt_url, "--dir", str(lt_install.path.parent)])
    assert result.exit_code == 0, result.output
    assert f"installed: LanguageTool {lt_install.version}" in result.output
    assert "java: " in result.output and "(version " in result.output
    assert f"answers: LanguageTool {lt_install.version}" in result.output
    assert "cache: " in result.output


def test_cli_status_unusable(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    result = runner.invoke(app, ["status", "--url", url, "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "installed: none" in result.output and "connection refused" in result.output


def test_cli_status_names_the_memory_key_and_a_starting_background_server(
    lt_install: Install, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleaner.languagetool import warm

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".cleaner.toml").write_text('[languagetool]\nmax-memory = "768m"\n', encoding="utf-8")
    args = ["status", "--url", f"http://127.0.0.1:{closed_port()}", "--dir", str(lt_install.path.parent)]
    idle = runner.invoke(app, args)
    assert "-Xmx768m (max-memory under [tool.cleaner.languagetool])" in idle.output
    assert "background server: starting" not in idle.output
    lock = warm.state_dir() / f"server-{lt_install.version}.lock"
    lock.parent.mkdir(parents=True)
    with warm._locked(lock):  # what `ensure` holds while Java loads
        busy = runner.invoke(app, args)
    assert "background server: starting" in busy.output and busy.exit_code == 0, busy.output


@pytest.mark.slow
def test_cli_status_says_a_server_that_takes_the_connection_but_not_yet_answers_is_starting(tmp_path: Path) -> None:
    with socket.socket() as listener:  # accepts connections (the kernel's backlog) and never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        result = runner.invoke(app, ["status", "--url", url, "--dir", str(tmp_path)])
    assert f"server: {url} is starting or busy: " in result.output and "timed out" in result.output

