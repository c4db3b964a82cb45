#!/usr/bin/env bash
# A throw-away PostgreSQL server from Debian's packages, for the tests and scripts/cluster-local.sh.
#   postgres-temp.sh start DIR PORT   initialises DIR/data, starts the server on 127.0.0.1:PORT (socket in DIR),
#                                     prints its connection string (user mlintro, trust authentication, loopback only)
#   postgres-temp.sh stop DIR         stops it (SIGTERM, bounded wait) and removes DIR
# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user that Debian's package creates.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$2 port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U mlintro -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    # fsync off: a test server's data are thrown away, and fsync is most of a small write's cost.
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=mlintro;Database=postgres"
    ;;
  stop)
    dir=$2
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 64
    ;;
esac
