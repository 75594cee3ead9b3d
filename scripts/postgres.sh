#!/usr/bin/env bash
# Makes sure PostgreSQL 15's server binaries (initdb, pg_ctl, postgres, pg_dump, pg_restore) are installed: Debian's
# postgresql-15 when /usr/lib/postgresql/15/bin is missing. Starts nothing: tests start private clusters of their own
# (tests/NotificationExchange.Testing/PostgresCluster.cs), each in a temporary folder on a free port. Safe to run again.
set -euo pipefail

bin="${NX_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
  echo "postgres: $bin has initdb and pg_ctl"
  exit 0
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "postgres: need root (or sudo) to run: $*" >&2; return 1; fi
}

echo "postgres: installing postgresql-15 (Debian package)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >/tmp/nx-postgres-install.log 2>&1 || {
  # a fresh machine may have no package lists yet
  as_root apt-get update >/tmp/nx-apt-update.log 2>&1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >/tmp/nx-postgres-install.log 2>&1
}
# The package may start its own cluster on 5432; the tests never use it.
[ -x "$bin/initdb" ] || { echo "postgres: $bin/initdb still missing after the install (see /tmp/nx-postgres-install.log)" >&2; exit 1; }
echo "postgres: installed"
