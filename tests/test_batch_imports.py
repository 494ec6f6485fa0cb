"""`check` and every other command never import Dask or pyarrow; `batch` without them is one clear line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests_support import ROOT, SEED

pytestmark = pytest.mark.slow  # a fresh interpreter per case, to see what it imports

HEAVY = ("dask", "distributed", "pyarrow")
# Run the real entry point in-process, then report its exit code and which heavy packages it loaded.
PROBE = """
import json, sys
heavy = set(json.loads(sys.argv[2]))
sys.argv = ["cleaner", *json.loads(sys.argv[1])]
from cleaner.cli import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
print("\\nLOADED=" + json.dumps({"exit": code, "loaded": sorted({m.split(".")[0] for m in sys.modules} & heavy)}))
"""


def _loaded(*args: str, block: tuple[str, ...] = ()) -> tuple[list[str], subprocess.CompletedProcess]:
    blocker = "".join(f"sys.modules[{name!r}] = None\n" for name in block)  # importing these now fails
    done = subprocess.run(
        [sys.executable, "-c", "import sys\n" + blocker + PROBE, json.dumps(list(args)), json.dumps(HEAVY)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("LOADED=")]
    assert marker, done.stderr[-2000:]
    result = json.loads(marker[-1][len("LOADED="):])
    done.returncode = result["exit"]
    return result["loaded"], done


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(SEED)),
        ("check", "--format", "json", "--jobs", "2", str(SEED), str(SEED)),
        ("fix", "--diff", str(SEED)),
        ("score", str(SEED)),
        ("report", str(SEED), "-o", "-"),
        ("rules",),
        ("config",),
        ("--help",),
        ("batch", "--help"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_commands_other_than_batch_never_import_dask_or_pyarrow(args):
    loaded, done = _loaded(*args)
    assert loaded == [] and done.returncode in (0, 1), done.stderr[-2000:]


def test_batch_does_import_them(tmp_path):
    loaded, done = _loaded("batch", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert {"distributed", "pyarrow"} <= set(loaded)
    assert "no such file or folder" in done.stderr and done.returncode == 2


@pytest.mark.parametrize("missing", [("distributed",), ("pyarrow",)])
def test_without_the_extra_batch_says_how_to_install_it(tmp_path, missing):
    for command in (("batch", str(SEED), "-o", str(tmp_path / "out")), ("batch-report", str(tmp_path))):
        _, done = _loaded(*command, block=missing)
        assert "cleaner batch needs its optional dependencies: pip install 'cleaner[batch]'" in done.stderr
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
