#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries (initdb, pg_ctl) for the store tests, which
# start a throwaway server of their own (tests/conftest.py) and stop it at the end; no
# server is started or enabled here. Needs root and apt-get; elsewhere it says so, and the
# PostgreSQL tests are skipped with that reason.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  exit 0
fi
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install_postgres: not root or no apt-get; install PostgreSQL's server package" \
       "('postgresql') yourself to run the PostgreSQL store tests (they are skipped without it)." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q postgresql >/dev/null
