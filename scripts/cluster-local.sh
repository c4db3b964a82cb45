#!/usr/bin/env bash
# The cluster's shape on one machine, without Docker: a throw-away PostgreSQL (scripts/postgres-temp.sh) for the store,
# a throw-away Redis for the cluster's membership (both from Debian's packages), two front ends and N workers, each its own `dotnet MlIntro.Web.dll` process on loopback ports.
#
#   cluster-local.sh                    starts it in a new temp folder, prints the front ends' URLs and stays in the
#                                       foreground; Ctrl-C (or SIGTERM) stops everything and deletes the folder
#   cluster-local.sh start DIR [N]      starts it in DIR (created; must be empty) with N workers (default 1) and returns
#                                       once every process answers GET /health with 200. Prints, one a line:
#                                         front-a http://127.0.0.1:PORT
#                                         front-b http://127.0.0.1:PORT
#                                         worker-1 http://127.0.0.1:PORT   (one line per worker)
#                                         postgres <the apps' Npgsql connection string, Database=mlintro>
#                                         redis 127.0.0.1:PORT
#                                       DIR/<name>.pid and DIR/<name>.log are each app process's pid and output;
#                                       PostgreSQL's files and server.log are in DIR/postgres
#   cluster-local.sh stop DIR           SIGTERM to the apps (SIGKILL after a bounded wait), stops PostgreSQL, removes DIR
#
# The app: $MLINTRO_APP_DLL if set; otherwise the newer of src/MlIntro.Web's Release and Debug build outputs; if there is
# neither, a Release build is made once. An existing build is used as it is: rebuild after changing the code.
# Every app process inherits this environment, so extra settings are plain variables
# (e.g. `RateLimits__Enabled=false scripts/cluster-local.sh start DIR`); Training__Device defaults to cpu here.
# Waits: MLINTRO_START_TIMEOUT (seconds, default 120) for /health, MLINTRO_STOP_TIMEOUT (default 30) before SIGKILL.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
start_timeout=${MLINTRO_START_TIMEOUT:-120}
stop_timeout=${MLINTRO_STOP_TIMEOUT:-30}
# Marks a folder as this script's, so that `stop` never deletes a folder it did not make.
marker=.mlintro-cluster-local

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 64
}

# The dotnet host that runs the tests when called from them (it sets DOTNET_HOST_PATH), else the one on PATH.
dotnet_host() {
  if [ -n "${DOTNET_HOST_PATH:-}" ] && [ -x "$DOTNET_HOST_PATH" ]; then echo "$DOTNET_HOST_PATH"; else echo dotnet; fi
}

app_dll() {
  if [ -n "${MLINTRO_APP_DLL:-}" ]; then
    [ -f "$MLINTRO_APP_DLL" ] || { echo "MLINTRO_APP_DLL=$MLINTRO_APP_DLL does not exist" >&2; return 1; }
    (cd "$(dirname "$MLINTRO_APP_DLL")" && echo "$PWD/$(basename "$MLINTRO_APP_DLL")")
    return
  fi
  local release=$root/src/MlIntro.Web/bin/Release/net10.0/MlIntro.Web.dll
  local debug=$root/src/MlIntro.Web/bin/Debug/net10.0/MlIntro.Web.dll
  # The newer one is the one the developer last built (scripts/test.sh builds Debug), so most likely the current code.
  if [ -f "$release" ] && { [ ! -f "$debug" ] || [ "$release" -nt "$debug" ]; }; then
    echo "$release"
  elif [ -f "$debug" ]; then
    echo "$debug"
  else
    echo "No build of src/MlIntro.Web yet: building Release once..." >&2
    # Build output to stderr: stdout is for the lines other programs read.
    "$(dotnet_host)" build "$root/src/MlIntro.Web" -c Release -v q >&2
    echo "$release"
  fi
}

# True if something uses the TCP port on this machine. Ports are picked below the ephemeral range where possible,
# so outgoing connections (Npgsql, Orleans) cannot take one between this check and the app's bind.
port_in_use() {
  if command -v ss >/dev/null; then
    [ -n "$(ss -Htan "sport = :$1")" ]
  else
    (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Prints N distinct free ports, one a line.
free_ports() {
  local n=$1 low=20000 high=60999 eph_low port
  local -A taken=()
  if read -r eph_low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && [ "$eph_low" -gt $((low + 1000)) ]; then
    high=$((eph_low - 1))
  fi
  while [ "$n" -gt 0 ]; do
    port=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
    if [ -z "${taken[$port]:-}" ] && ! port_in_use "$port"; then
      taken[$port]=1
      echo "$port"
      n=$((n - 1))
    fi
  done
}

# GET /health over bash's own TCP, so that the script needs no curl; 200 means up.
healthy() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1"
    printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&3
    read -r -t 5 status <&3
    [[ $status == "HTTP/1."?" 200"* ]]
  ) 2>/dev/null
}

# True if PID is still one of DIR's app processes. The environment check keeps a reused pid (after a crash or kill -9)
# from being signalled. Our own children count too: between fork and exec a launched app is still a copy of this shell,
# without the app's environment. A zombie (ended, not yet reaped by the foreground mode's shell) counts as ended.
ours() {
  local pid=$1 dir=$2 stat state ppid
  # read, not $(<file): bash 5.2 exits (set -e, even inside `if`) when $(<file) cannot open the file.
  if ! [[ $pid =~ ^[0-9]+$ ]] || ! { read -r stat <"/proc/$pid/stat"; } 2>/dev/null; then
    return 1
  fi
  stat=${stat##*) }
  state=${stat%% *}
  stat=${stat#* }
  ppid=${stat%% *}
  [ "$state" != Z ] || return 1
  [ "$ppid" = "$$" ] || grep -qzxF "MLINTRO_CLUSTER_DIR=$dir" "/proc/$pid/environ" 2>/dev/null
}

pid_in() {
  local pid=
  { read -r pid <"$1"; } 2>/dev/null || true
  echo "$pid"
}

log_tail() {
  local file=$1 name=$2
  [ -f "$file" ] || return 0
  echo "--- last lines of $file:" >&2
  tail -n 40 "$file" | sed "s/^/$name| /" >&2
}

stop_cluster() {
  local dir=$1 file pid deadline
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  if [ ! -e "$dir/$marker" ]; then
    if [ -n "$(ls -A "$dir")" ]; then
      echo "$dir was not made by $0 start: not touching it" >&2
      return 1
    fi
    rmdir "$dir"
    return 0
  fi
  local pids=()
  for file in "$dir"/*.pid; do
    [ -e "$file" ] || continue
    pid=$(pid_in "$file")
    if ours "$pid" "$dir"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  # Apps first, PostgreSQL after them: shutting down, a silo still writes its membership row and runs their state.
  local alive killed=
  deadline=$((SECONDS + stop_timeout))
  while :; do
    alive=()
    for pid in "${pids[@]}"; do
      if ours "$pid" "$dir"; then alive+=("$pid"); fi
    done
    [ "${#alive[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      # Killed and still there after a few seconds: stuck in the kernel, nothing more a script can do.
      [ -z "$killed" ] || break
      echo "still running after ${stop_timeout}s, killing: ${alive[*]}" >&2
      kill -KILL "${alive[@]}" 2>/dev/null || true
      killed=1
      deadline=$((SECONDS + 5))
    fi
    sleep 0.2
  done
  stop_redis "$dir/redis"
  "$root/scripts/postgres-temp.sh" stop "$dir/postgres"
  rm -rf "$dir"
}

# Redis keeps the cluster's membership table only: nothing to save, so no snapshot and no journal.
start_redis() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
  local deadline=$((SECONDS + 10))
  until [ -s "$dir/redis.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

stop_redis() {
  local dir=$1 pid
  [ -s "$dir/redis.pid" ] || return 0
  pid=$(cat "$dir/redis.pid")
  # Only the redis-server this folder started: its pid may have been reused after a crash.
  if grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while [ -e "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# Starts one app process in the background; its pid is the dotnet process's own (the subshell execs into it).
launch() {
  local dir=$1 dll=$2 name=$3 role=$4 http=$5 silo=$6 gateway=$7
  (
    # The app finds wwwroot and its appsettings next to the dll, as AppProcess starts it in the tests.
    cd "$(dirname "$dll")"
    exec env \
      MLINTRO_CLUSTER_DIR="$dir" \
      ASPNETCORE_ENVIRONMENT=Production \
      ExperimentStore__Provider=PostgreSQL \
      ConnectionStrings__Experiments="$connection" \
      Cluster__Clustering=Redis \
      ConnectionStrings__Cluster="127.0.0.1:$redis_port" \
      Cluster__ClusterId="$cluster_id" \
      Cluster__AdvertisedAddress=127.0.0.1 \
      Cluster__SiloPort="$silo" \
      Cluster__GatewayPort="$gateway" \
      Cluster__Roles="$role" \
      Training__Device="${Training__Device:-cpu}" \
      "$(dotnet_host)" "$dll" --urls "http://127.0.0.1:$http"
  ) </dev/null >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  # No "Killed" report from bash when an app is killed: the foreground mode says it in its own words.
  disown $!
}

# Starts everything in DIR; sets `names` and `urls` (same order) and `connection`.
start_cluster() {
  local dir=$1 workers=$2 dll i name
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "$dir exists and is not empty" >&2
    return 2
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  touch "$dir/$marker"
  # Any failure or signal from here on leaves nothing running: the caller's `stop` is then a no-op.
  start_dir=$dir
  trap 'trap "" INT TERM; stop_cluster "$start_dir"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # As root, postgres-temp.sh runs the server as the postgres user, which must be able to enter DIR.
  [ "$(id -u)" -ne 0 ] || chmod o+x "$dir"

  dll=$(app_dll)
  echo "app: $dll" >&2
  names=(front-a front-b)
  for ((i = 1; i <= workers; i++)); do names+=("worker-$i"); done
  local ports
  mapfile -t ports < <(free_ports $((2 + 3 * ${#names[@]})))
  redis_port=${ports[-1]}
  if ! command -v redis-server >/dev/null || ! start_redis "$dir/redis" "$redis_port"; then
    echo "Redis did not start (apt-get install redis-server)" >&2
    [ ! -e "$dir/redis/redis.log" ] || log_tail "$dir/redis/redis.log" redis
    return 1
  fi

  if ! connection=$("$root/scripts/postgres-temp.sh" start "$dir/postgres" "${ports[0]}"); then
    echo "PostgreSQL did not start" >&2
    [ "$(id -u)" -ne 0 ] || echo "(as root it runs as the postgres user, who must be able to enter every folder above $dir)" >&2
    log_tail "$dir/postgres/initdb.log" postgres
    log_tail "$dir/postgres/server.log" postgres
    return 1
  fi
  connection=${connection/Database=postgres/Database=mlintro}
  cluster_id=mlintro-local-$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')

  # Workers first: the front ends' first requests can then place runs at once.
  urls=()
  local roles=() order=() k
  for k in "${!names[@]}"; do
    urls+=("http://127.0.0.1:${ports[1 + 3 * k]}")
    case ${names[k]} in front-*) roles+=(Front) ;; *) roles+=(Worker) ;; esac
  done
  for k in "${!names[@]}"; do
    if [ "${roles[k]}" = Worker ]; then order+=("$k"); fi
  done
  for k in "${!names[@]}"; do
    if [ "${roles[k]}" = Front ]; then order+=("$k"); fi
  done
  for k in "${order[@]}"; do
    launch "$dir" "$dll" "${names[k]}" "${roles[k]}" "${ports[1 + 3 * k]}" "${ports[2 + 3 * k]}" "${ports[3 + 3 * k]}"
  done

  local deadline=$((SECONDS + start_timeout)) waiting
  while :; do
    waiting=()
    for k in "${!names[@]}"; do
      name=${names[k]}
      healthy "${ports[1 + 3 * k]}" && continue
      if ! ours "$(pid_in "$dir/$name.pid")" "$dir"; then
        echo "$name exited while starting" >&2
        log_tail "$dir/$name.log" "$name"
        return 1
      fi
      waiting+=("$name")
    done
    [ "${#waiting[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "no 200 from /health within ${start_timeout}s: ${waiting[*]}" >&2
      for name in "${waiting[@]}"; do log_tail "$dir/$name.log" "$name"; done
      return 1
    fi
    sleep 0.5
  done
  trap - EXIT INT TERM
}

print_cluster() {
  local k
  for k in "${!names[@]}"; do echo "${names[k]} ${urls[k]}"; done
  echo "postgres $connection"
  echo "redis 127.0.0.1:$redis_port"
}

case "${1:-}" in
  start)
    if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
    workers=${3:-1}
    [[ $workers =~ ^[1-9][0-9]*$ ]] || usage
    start_cluster "$2" "$workers"
    print_cluster
    ;;
  stop)
    [ $# -eq 2 ] || usage
    stop_cluster "$2"
    ;;
  "")
    dir=$(mktemp -d "${TMPDIR:-/tmp}/mlintro-cluster.XXXXXX")
    start_cluster "$dir" 1
    # From here until the end, whatever ends the script (Ctrl-C, SIGTERM, an error) stops the cluster.
    # A second Ctrl-C must not cut the stop short and leave processes behind.
    trap 'trap "" INT TERM; stop_cluster "$dir"' EXIT
    trap 'echo; echo "stopping..." >&2; exit 0' INT TERM
    echo
    echo "MlIntro cluster running in $dir (logs: $dir/*.log):"
    print_cluster | sed 's/^/  /'
    echo
    echo "Open a front end's URL in a browser. Ctrl-C stops everything and deletes the folder."
    reported=()
    while :; do
      # A background sleep, so that a signal's trap runs at once rather than after the sleep.
      sleep 2 &
      wait $! || true
      # Say when an app ends on its own (a crash, or a kill -9 to try failover), once per app.
      for k in "${!names[@]}"; do
        if [ -z "${reported[k]:-}" ] && ! ours "$(pid_in "$dir/${names[k]}.pid")" "$dir"; then
          echo "${names[k]} has ended (log: $dir/${names[k]}.log)" >&2
          reported[k]=1
        fi
      done
    done
    ;;
  *)
    usage
    ;;
esac
