#!/usr/bin/env bash
# Install LanguageTool for the tests: the server and English module from Maven Central, via mvn.
# Idempotent: an existing install is kept (a second run takes well under a second), and Maven's
# own cache (~/.m2) is reused, so even a reinstall downloads nothing.
# Env: PYTHON (default: python3), LT_VERSION (default: cleaner's pinned version),
#      CLEANER_LANGUAGETOOL_HOME (default: ~/.cache/cleaner/languagetool).
set -euo pipefail

PYTHON="${PYTHON:-python3}"

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    # Only on a machine that lacks them: Debian's packages are reachable here.
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "install-languagetool: installing Java 17 and Maven with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null
    else
        echo "install-languagetool: java and mvn are needed (apt-get install openjdk-17-jre-headless maven)" >&2
        exit 2
    fi
fi

args=(install)
if [ -n "${LT_VERSION:-}" ]; then
    args+=(--version "$LT_VERSION")
fi
if command -v cleaner >/dev/null 2>&1 && cleaner languagetool --help >/dev/null 2>&1; then
    cleaner languagetool "${args[@]}"
else
    "$PYTHON" -m cleaner.commands.languagetool "${args[@]}"
fi
