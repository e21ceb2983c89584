#!/bin/sh
# Runs one widget test the way STYLE.md asks: a private X server (Xvfb,
# through xvfb-run) and a private session bus (dbus-run-session), so the
# test sees a real display and bus and leaves nothing running after it.
set -e
exec xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24 -nolisten tcp" \
  dbus-run-session -- "$@"
