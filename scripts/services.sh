#!/usr/bin/env bash
# Private MariaDB, Redis and nginx for tests and benchmarks, on free loopback ports, in a folder of
# their own. Nothing shared is touched: every process is started and stopped by its own pid file.
#   scripts/services.sh start DIR          MariaDB and Redis (installing the Debian packages first when
#                                          missing and root); writes DIR/env with TEST_MYSQL_URL,
#                                          TEST_REDIS_URL and TEST_MYSQL_SOCKET, and prints it
#   scripts/services.sh stop DIR           stop what start started, by pid file
# One service at a time (the fault tests stop and restart them; a restart keeps the port and data):
#   scripts/services.sh start-mysql DIR    prints the MySQL URL        stop-mysql DIR | kill-mysql DIR (kill -9)
#   scripts/services.sh start-redis DIR    prints the Redis URL        stop-redis DIR | kill-redis DIR (kill -9)
#                                          REDIS_APPENDONLY=yes: with an append-only file (fsync every second)
#   scripts/services.sh start-nginx DIR CONF   nginx -c CONF with its pid, logs and temp files in DIR/nginx
#                                          stop-nginx DIR
set -euo pipefail
cmd=${1:-}; dir=${2:-}
usage() { echo "usage: $0 start|stop|start-mysql|stop-mysql|kill-mysql|start-redis|stop-redis|kill-redis|start-nginx|stop-nginx DIR [CONF]" >&2; exit 2; }
[ -n "$cmd" ] && [ -n "$dir" ] || usage
export PATH="$PATH:/usr/sbin"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# ensure_packages [mariadb] [redis] [chromium] [nginx]: installs what is missing from the Debian packages.
ensure_packages() {
  local missing=() want
  for want in "$@"; do
    case "$want" in
      mariadb) command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server mariadb-client) ;;
      redis) command -v redis-server >/dev/null 2>&1 || missing+=(redis-server) ;;
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
      nginx) command -v nginx >/dev/null 2>&1 || missing+=(nginx) ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from the Debian packages…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# port_of DIR/service: the port the service had (a restart keeps it), or a new free one.
port_of() {
  local f="$1/port"
  [ -s "$f" ] || free_port >"$f"
  cat "$f"
}

# stop_pid FILE [SIGNAL]: stops the process named in FILE and waits (up to 30 s) for it to go.
stop_pid() {
  local f=$1 sig=${2:-TERM} p
  [ -f "$f" ] || return 0
  p=$(cat "$f")
  [ -n "$p" ] || return 0
  kill "-$sig" "$p" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  rm -f "$f"
}

start_mysql() {
  local d="$dir/mysql" port
  mkdir -p "$d"
  port=$(port_of "$d")
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$d/data" --user=root \
      --auth-root-authentication-method=normal --skip-test-db >"$d/install.log" 2>&1
  fi
  mariadbd --no-defaults --user=root --datadir="$d/data" --socket="$d/mysqld.sock" \
    --pid-file="$d/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=2000 \
    --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=2 \
    --log-error="$d/error.log" >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --no-defaults --socket="$d/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb-admin --no-defaults --socket="$d/mysqld.sock" -uroot ping >/dev/null 2>&1 || {
    echo "MariaDB did not start; see $d/error.log" >&2; tail -20 "$d/error.log" >&2; exit 1; }
  mariadb --no-defaults --socket="$d/mysqld.sock" -uroot <<SQL
CREATE USER IF NOT EXISTS 'test'@'127.0.0.1' IDENTIFIED BY 'test';
GRANT ALL PRIVILEGES ON *.* TO 'test'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  echo "mysql://test:test@127.0.0.1:$port"
}

start_redis() {
  local d="$dir/redis" port
  mkdir -p "$d"
  port=$(port_of "$d")
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --pidfile "$d/redis.pid" \
    --dir "$d" --save "" --appendonly "${REDIS_APPENDONLY:-no}" --appendfsync everysec --logfile "$d/redis.log"
  for _ in $(seq 1 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$port" ping >/dev/null 2>&1 || { echo "Redis did not start; see $d/redis.log" >&2; exit 1; }
  echo "redis://127.0.0.1:$port"
}

start_nginx() {
  local conf=${3:-} d="$dir/nginx"
  [ -n "$conf" ] || usage
  mkdir -p "$d/temp"
  nginx -t -q -p "$d" -c "$conf" -e "$d/error.log" || { echo "nginx refused $conf" >&2; exit 1; }
  nginx -p "$d" -c "$conf" -e "$d/error.log" -g "pid $d/nginx.pid;"
  for _ in $(seq 1 50); do [ -s "$d/nginx.pid" ] && break; sleep 0.1; done
}

start() {
  ensure_packages mariadb redis chromium
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local mysql redis
  mysql=$(start_mysql)
  redis=$(start_redis)
  cat >"$dir/env" <<ENV
export TEST_MYSQL_URL=$mysql
export TEST_REDIS_URL=$redis
export TEST_MYSQL_SOCKET=$dir/mysql/mysqld.sock
ENV
  cat "$dir/env"
}

case "$cmd" in
  start) start ;;
  stop)
    stop_pid "$dir/nginx/nginx.pid"
    stop_pid "$dir/redis/redis.pid"
    stop_pid "$dir/mysql/mysqld.pid"
    ;;
  start-mysql) ensure_packages mariadb; mkdir -p "$dir"; dir=$(cd "$dir" && pwd); start_mysql ;;
  stop-mysql) stop_pid "$dir/mysql/mysqld.pid" ;;
  kill-mysql) stop_pid "$dir/mysql/mysqld.pid" KILL ;;
  start-redis) ensure_packages redis; mkdir -p "$dir"; dir=$(cd "$dir" && pwd); start_redis ;;
  stop-redis) stop_pid "$dir/redis/redis.pid" ;;
  kill-redis) stop_pid "$dir/redis/redis.pid" KILL ;;
  start-nginx) ensure_packages nginx; mkdir -p "$dir"; dir=$(cd "$dir" && pwd); start_nginx "$@" ;;
  stop-nginx) stop_pid "$dir/nginx/nginx.pid" QUIT ;;
  *) usage ;;
esac
