"""Assemble a runnable LanguageTool server directory from Maven Central, and find it again."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import GrammarError
from cleaner.languagetool.java import find_java

MANIFEST = "cleaner-install.json"
ARTIFACTS = ("languagetool-server", "language-en")
_VERSION_OK = re.compile(r"^\d+\.\d+(\.\d+)?$")
# Pinned so Maven does not look up "latest" plugin metadata on every run.
_DEPENDENCY_PLUGIN = "3.6.1"
_MVN_TIMEOUT = 1800.0

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>cleaner.local</groupId>
  <artifactId>languagetool-bundle</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
{deps}
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId>
    <artifactId>maven-dependency-plugin</artifactId>
    <version>{plugin}</version>
  </plugin></plugins></build>
</project>
"""
_DEP = (
    "    <dependency><groupId>org.languagetool</groupId>"
    "<artifactId>{artifact}</artifactId><version>{version}</version></dependency>"
)


@dataclass(frozen=True)
class Install:
    """One installed LanguageTool release: its version and the folder of jars to put on -cp."""

    version: str
    path: Path

    @property
    def libs(self) -> Path:
        """Return the folder holding every jar of the server."""
        return self.path / "libs"

    @property
    def classpath(self) -> str:
        """Return the java -cp value: a wildcard over libs/ (Java expands `dir/*`)."""
        return str(self.libs / "*")

    def size_bytes(self) -> int:
        """Return the total size of the installed jars."""
        return sum(p.stat().st_size for p in self.libs.glob("*.jar"))


def _version_key(version: str) -> tuple[int, ...]:
    """Return a sortable key: "6.10" sorts after "6.9"."""
    return tuple(int(p) for p in re.findall(r"\d+", version))


def installed(install_dir: Path) -> list[Install]:
    """Return complete installs under install_dir (those with a manifest), oldest first."""
    found = []
    for manifest in Path(install_dir).glob(f"LanguageTool-*/{MANIFEST}"):
        try:
            version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            continue  # a damaged manifest means an unusable install; `install --force` repairs it
        inst = Install(str(version), manifest.parent)
        if all(any(inst.libs.glob(f"{a}-*.jar")) for a in ARTIFACTS):
            found.append(inst)
    return sorted(found, key=lambda i: _version_key(i.version))


def find_install(install_dir: Path, version: str | None = None) -> Install | None:
    """Return the requested (or newest) complete install, or None."""
    installs = installed(install_dir)
    if version is not None:
        installs = [i for i in installs if i.version == version]
    return installs[-1] if installs else None


def find_mvn() -> Path:
    """Return the `mvn` on PATH, or raise GrammarError."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise GrammarError(
            "Maven (`mvn`) is not installed; install it (e.g. `apt-get install maven`) and rerun"
        )
    return Path(mvn)


def install(
    install_dir: Path,
    version: str,
    *,
    force: bool = False,
    progress: Callable[[str], None] = lambda _msg: None,
) -> Install:
    """Download LanguageTool `version` with mvn into install_dir/LanguageTool-<version>/libs."""
    if not _VERSION_OK.match(version):
        raise GrammarError(f"not a LanguageTool release version: {version!r} (expected e.g. 6.8)")
    existing = find_install(install_dir, version)
    if existing and not force:
        progress(f"LanguageTool {version} is already installed in {existing.path}")
        return existing
    java = find_java()
    progress(f"java: {java.path} ({java.version})")
    mvn = find_mvn()
    progress(f"maven: {mvn}")
    install_dir = Path(install_dir)
    install_dir.mkdir(parents=True, exist_ok=True)
    target = install_dir / f"LanguageTool-{version}"
    # Build into a sibling folder and rename, so an interrupted install never looks complete.
    with tempfile.TemporaryDirectory(prefix=".partial-", dir=install_dir) as tmp:
        staging = Path(tmp) / "LanguageTool"
        (staging / "libs").mkdir(parents=True)
        pom = Path(tmp) / "pom.xml"
        deps = "\n".join(_DEP.format(artifact=a, version=version) for a in ARTIFACTS)
        pom.write_text(_POM.format(deps=deps, plugin=_DEPENDENCY_PLUGIN), encoding="utf-8")
        names = " + ".join(f"org.languagetool:{a}:{version}" for a in ARTIFACTS)
        progress(f"resolving {names} from Maven Central (Maven's cache: ~/.m2) ...")
        started = time.monotonic()
        _run_mvn(mvn, pom, staging / "libs")
        jars = list((staging / "libs").glob("*.jar"))
        for artifact in ARTIFACTS:
            if not (staging / "libs" / f"{artifact}-{version}.jar").exists():
                raise GrammarError(f"mvn finished but {artifact}-{version}.jar is missing")
        progress(f"downloaded {len(jars)} jars in {time.monotonic() - started:.1f}s")
        manifest = {"version": version, "artifacts": list(ARTIFACTS), "jars": len(jars),
                    "installed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    inst = Install(version, target)
    progress(f"installed LanguageTool {version} in {target} ({inst.size_bytes() / 1e6:.0f} MB)")
    return inst


def _run_mvn(mvn: Path, pom: Path, out: Path) -> None:
    """Run dependency:copy-dependencies; on failure raise with Maven's first error line."""
    cmd = [
        str(mvn), "-B", "-q", "-f", str(pom),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={out}",
        "-DincludeScope=runtime",
    ]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=_MVN_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as e:
        raise GrammarError(f"mvn did not finish within {_MVN_TIMEOUT:.0f}s") from e
    except OSError as e:
        raise GrammarError(f"cannot run {mvn}: {e}") from e
    if done.returncode != 0:
        lines = (done.stdout + done.stderr).splitlines()
        errors = [ln for ln in lines if "ERROR" in ln] or lines or ["(no output)"]
        raise GrammarError(f"mvn failed (exit {done.returncode}): {errors[0].strip()[:300]}")
