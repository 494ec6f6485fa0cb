"""Start a check server as a detached background process (its own session, its output in the log file)."""

from __future__ import annotations

import os
import sys

from cleaner.server.paths import Paths, make_private

# The daemon runs as `python -c`: drop the '' (working folder) that -c puts first on the module
# path and put the console script's own first entry there, so it imports what the client imports.
_BOOT = "import sys; sys.path[0] = sys.argv.pop(1); from cleaner.server.daemon import main; sys.exit(main(sys.argv[1:]))"


def spawn(where: Paths, path0: str, idle: float | None = None) -> int:
    """Start the server for `where` in the background and return its pid (it may still be warming up)."""
    if not make_private(where.folder):
        raise OSError(f"{where.folder} is not a private folder (mode 0700, owned by this user)")
    argv = [sys.executable, "-c", _BOOT, path0 or os.getcwd(), "--folder", where.folder]  # "" (python -c): the folder now
    if idle is not None:
        argv += ["--idle", repr(float(idle))]
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, where.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600),
        (os.POSIX_SPAWN_DUP2, 1, 2),
    ]
    return os.posix_spawn(sys.executable, argv, os.environ, file_actions=actions, setsid=True)
