#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the test suites (CI and developers alike):
# installs Debian's postgresql when missing, initdb into a temporary folder as the postgres
# user, listens on loopback on a free port, trust authentication (loopback only, test data only).
#   scripts/postgres-server.sh start   prints the DATABASE URL on stdout, the folder in $PGTEST_DIR_FILE
#   scripts/postgres-server.sh stop DIR
set -euo pipefail
cmd=${1:-start}

pgbin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$dir" ]; then
    echo "[postgres] installing Debian's postgresql…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$cmd" = "start" ]; then
  bin=$(pgbin)
  dir=$(mktemp -d /tmp/wachtwijzer-pg.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
    chown postgres "$dir"
  fi
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # fsync off: a test server on a throw-away folder; durability is the production server's job.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  if [ -n "${PGTEST_DIR_FILE:-}" ]; then echo "$dir" > "$PGTEST_DIR_FILE"; fi
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
elif [ "$cmd" = "stop" ]; then
  dir=${2:?folder}
  bin=$(pgbin)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
else
  echo "usage: $0 start|stop DIR" >&2; exit 2
fi
