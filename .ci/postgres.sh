#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 (a free port, or EVENTWIRE_PG_PORT) for the tests and print
# its URL.
# Used by .ci/run; also handy locally: export EVENTWIRE_TEST_POSTGRES="$(bash .ci/postgres.sh)".
set -euo pipefail
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PGBIN" ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  $SUDO apt-get install -y -q postgresql >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q postgresql >/dev/null; }
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
# a free port unless one is given: a second run beside an earlier one's server must not collide with it
PORT="${EVENTWIRE_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DIR="$(mktemp -d /tmp/eventwire-pg.XXXXXX)"
AS=()
# runuser lives in /usr/sbin, which a minimal PATH may lack
if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; AS=("$(command -v runuser || echo /usr/sbin/runuser)" -u postgres --); fi
# UTF8 whatever the caller's locale: with no LANG, initdb picks SQL_ASCII and psycopg then returns bytes for text
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE eventwire_test" >/dev/null
echo "postgresql://postgres@127.0.0.1:$PORT/eventwire_test"
