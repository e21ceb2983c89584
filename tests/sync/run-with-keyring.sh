#!/bin/sh
# Runs one test with a Secret Service of its own: a private session bus
# (dbus-run-session), a temporary HOME and XDG folders, and a
# gnome-keyring-daemon whose login keyring is made and unlocked with a
# throwaway password (it refuses an empty one). Afterwards the daemon is
# stopped and the folder removed; the test's exit status is kept.
set -eu

if [ -z "${STW_KEYRING_BUS:-}" ]; then
  STW_KEYRING_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/steward-keyring-XXXXXX")
daemon_pid=

cleanup () {
  if [ -n "$daemon_pid" ]; then
    kill "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$dir/home"
export XDG_DATA_HOME="$dir/data"
export XDG_CONFIG_HOME="$dir/config"
export XDG_CACHE_HOME="$dir/cache"
export XDG_RUNTIME_DIR="$dir/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The tests' G_DEBUG=fatal-warnings is for our code, not the daemon's.
printf 'steward-test' |
  env -u G_DEBUG gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null

# The daemon owns org.freedesktop.secrets on this private bus: ask the
# bus for its PID rather than look for it by name.
tries=0
while [ -z "$daemon_pid" ] && [ "$tries" -lt 50 ]; do
  daemon_pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
                 org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
               awk '/uint32/ { print $2 }')
  [ -n "$daemon_pid" ] || sleep 0.1
  tries=$((tries + 1))
done
if [ -z "$daemon_pid" ]; then
  echo "Bail out! gnome-keyring-daemon did not start"
  exit 1
fi

status=0
"$@" || status=$?
exit "$status"
