"""Paths shared by the tests (importable because pytest puts tests/ on sys.path)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_eda2942b02cc63af.txt"
CLEAN_SEEDS = sorted(SEEDS.glob("clean_*.txt"))


def run_cli(*args: str, input_bytes: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m cleaner.cli ARGS` in a real subprocess and capture its output."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args],
        input=input_bytes,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )
