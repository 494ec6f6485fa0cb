"""Paths shared by the tests (importable because pytest puts tests/ on sys.path)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_eda2942b02cc63af.txt"
CLEAN_SEEDS = sorted(SEEDS.glob("clean_*.txt"))
