#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a local port, for DuckLake's catalogue in tests and benchmarks.
#
#   scripts/start-postgres.sh DIR [PORT]   start (initdb when DIR is new); prints the DSN on stdout
#   scripts/start-postgres.sh --stop DIR   stop it (the cluster's files stay in DIR)
#
# Installs Debian's postgresql when no server is found (apt-get, as root). Listens on 127.0.0.1 only,
# trusts local connections (a test cluster: never a real one), database `jeugdmonitor`.
# Exit 3 when PostgreSQL cannot be installed (the tests then skip, saying so).
set -euo pipefail

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -n "$found" && -x "$found/initdb" ]]; then echo "$found"; fi
}

as_owner() {  # initdb and the server refuse to run as root
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ "${1:-}" == "--stop" ]]; then
    dir=$(realpath "$2")
    bin=$(bindir)
    [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    exit 0
fi

dir=${1:?usage: start-postgres.sh DIR [PORT]}
port=${2:-55432}
bin=$(bindir)
if [[ -z "$bin" ]]; then
    if [[ $(id -u) -ne 0 ]] || ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
        echo "PostgreSQL is not installed and could not be installed (apt-get install postgresql)" >&2
        exit 3
    fi
    bin=$(bindir)
fi

mkdir -p "$dir"
dir=$(realpath "$dir")
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
fi
if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
fi
as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qtAc \
    "select 1 from pg_database where datname = 'jeugdmonitor'" | grep -q 1 \
    || as_owner "$bin/createdb" -h "$dir" -p "$port" -U postgres jeugdmonitor
echo "host=127.0.0.1 port=$port dbname=jeugdmonitor user=postgres"
