#!/usr/bin/env bash
# Private MariaDB and Redis for tests and benchmarks, on free loopback ports, in a folder of their own.
#   scripts/services.sh start DIR   start both (installing the Debian packages first when missing and root);
#                                   writes DIR/env with TEST_MYSQL_URL and TEST_REDIS_URL, and prints it
#   scripts/services.sh stop DIR    stop what start started, by pid file
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

ensure_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server mariadb-client)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from the Debian packages…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

start() {
  ensure_packages
  export PATH="$PATH:/usr/sbin"
  mkdir -p "$dir/mysql" "$dir/redis"
  dir=$(cd "$dir" && pwd)
  local mport rport
  mport=$(free_port); rport=$(free_port)
  if [ ! -d "$dir/mysql/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/mysql/data" --user=root \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/mysql/install.log" 2>&1
  fi
  mariadbd --no-defaults --user=root --datadir="$dir/mysql/data" --socket="$dir/mysql/mysqld.sock" \
    --pid-file="$dir/mysql/mysqld.pid" --port="$mport" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=2000 \
    --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=2 \
    --log-error="$dir/mysql/error.log" >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --no-defaults --socket="$dir/mysql/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb-admin --no-defaults --socket="$dir/mysql/mysqld.sock" -uroot ping >/dev/null 2>&1 || {
    echo "MariaDB did not start; see $dir/mysql/error.log" >&2; tail -20 "$dir/mysql/error.log" >&2; exit 1; }
  mariadb --no-defaults --socket="$dir/mysql/mysqld.sock" -uroot <<SQL
CREATE USER IF NOT EXISTS 'test'@'127.0.0.1' IDENTIFIED BY 'test';
GRANT ALL PRIVILEGES ON *.* TO 'test'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  redis-server --port "$rport" --bind 127.0.0.1 --daemonize yes --pidfile "$dir/redis/redis.pid" \
    --dir "$dir/redis" --save "" --appendonly no --logfile "$dir/redis/redis.log"
  for _ in $(seq 1 100); do redis-cli -p "$rport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  cat >"$dir/env" <<ENV
export TEST_MYSQL_URL=mysql://test:test@127.0.0.1:$mport
export TEST_REDIS_URL=redis://127.0.0.1:$rport
export TEST_MYSQL_SOCKET=$dir/mysql/mysqld.sock
ENV
  cat "$dir/env"
}

stop() {
  local p
  if [ -f "$dir/redis/redis.pid" ]; then p=$(cat "$dir/redis/redis.pid"); kill "$p" 2>/dev/null || true; fi
  if [ -f "$dir/mysql/mysqld.pid" ]; then
    p=$(cat "$dir/mysql/mysqld.pid"); kill "$p" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  fi
  return 0
}

case "$cmd" in start) start ;; stop) stop ;; *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;; esac
