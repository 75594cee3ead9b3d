#!/usr/bin/env bash
# Makes sure a RabbitMQ broker listens on localhost:5672: installs Debian's rabbitmq-server when it is missing and
# starts it when it is not running. Used by scripts/test.sh and bench/run.sh; safe to run again.
set -euo pipefail

port_open() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "rabbitmq: need root (or sudo) to run: $*" >&2; return 1; fi
}

if port_open; then
  echo "rabbitmq: already listening on localhost:5672"
  exit 0
fi

if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
  echo "rabbitmq: installing rabbitmq-server (Debian package)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >/tmp/nx-rabbitmq-install.log 2>&1 || {
    # a fresh machine may have no package lists yet
    as_root apt-get update >/tmp/nx-apt-update.log 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >/tmp/nx-rabbitmq-install.log 2>&1
  }
fi

echo "rabbitmq: starting"
# The package's own service start is refused where there is no init system, so start the node directly.
as_root rabbitmq-server -detached
# -detached returns before the node registers; await_startup fails (exit 69) until it has, so retry for a while.
for _ in $(seq 1 60); do
  if as_root rabbitmqctl await_startup >/dev/null 2>&1 && port_open; then
    echo "rabbitmq: ready"
    exit 0
  fi
  sleep 1
done
echo "rabbitmq: did not start within 60 s (see /var/log/rabbitmq)" >&2
exit 1
