#!/bin/sh
# Runs one widget test the way STYLE.md asks: a private X server (Xvfb,
# through xvfb-run) and a private session bus (dbus-run-session), so the
# test sees a real display and bus and leaves nothing running after it.
#
# On that bus runs a keyring of its own (gnome-keyring, unlocked with a
# throwaway password, in a throwaway home), where the account tests keep
# their secrets as Steward does in a session. STW_TEST_KEYRING=1 tells
# the tests it is there; without gnome-keyring they skip what needs it.
set -e

home=$(mktemp -d "${TMPDIR:-/tmp}/steward-ui-home-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM

HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24 -nolisten tcp" \
  dbus-run-session -- sh -c '
    if command -v gnome-keyring-daemon >/dev/null 2>&1 &&
       printf "steward-test" | gnome-keyring-daemon --unlock --components=secrets \
         --daemonize >/dev/null 2>&1; then
      export STW_TEST_KEYRING=1
    fi
    exec "$@"
  ' sh "$@"
