"""Coverage-guided fuzzing with atheris (optional): the same properties as the hypothesis target.

    pip install atheris
    python tests/fuzz_atheris.py tests/corpus -runs=20000 -max_len=2048

The first byte picks the input format (text, Markdown, HTML); the rest is the document,
decoded as cleaner decodes files (inputs it refuses, such as binary data, are skipped).
A failing input is saved by libFuzzer as crash-*; copy it into tests/corpus/ with the
right suffix so the suite keeps checking it. `tests/test_fuzz_formats.py` runs this
harness for a few hundred inputs when atheris is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports():
    from cleaner.errors import InputError
    from cleaner.textio import decode
    from fuzz_support import KINDS, assert_safe

SUFFIXES = sorted(KINDS)


def one_input(data: bytes) -> None:
    """Check and fix one document; an AssertionError or any other exception is a finding."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    try:
        text = decode(data[1:], f"fuzz.{suffix}").text
    except InputError:
        return
    assert_safe(suffix, text)


def main() -> None:
    """Run libFuzzer over `one_input` with the command line's options and corpus folders."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
