#!/usr/bin/env python3
# check-manifest.py
#
# Copyright The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the Flatpak manifest against what Steward promises its users.

Usage: check-manifest.py APP_ID [MANIFEST]

MANIFEST defaults to APP_ID.json beside this script. Checks the app id,
the GNOME runtime and SDK, the command, that the sandbox gets exactly
the access it needs (network, IPC, Wayland with X11 fallback, GPU) and
no access to the host's or the user's files, and that a meson module
named "steward" builds the application. Prints each check; exit status
1 when one fails.
"""

import json
import pathlib
import sys

REQUIRED_FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Access to these would reach the user's documents or the whole system.
FORBIDDEN_FILESYSTEMS = {"host", "host-os", "host-etc", "home"}


class Checker:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail and not ok else ""))
        if not ok:
            self.failures += 1


def filesystem_of(arg):
    """Return the location of a --filesystem= argument, without :ro/:rw."""
    value = arg.split("=", 1)[1]
    return value.split(":", 1)[0].rstrip("/")


def main(argv):
    if len(argv) not in (2, 3):
        print(f"usage: {argv[0]} APP_ID [MANIFEST]", file=sys.stderr)
        return 2

    app_id = argv[1]
    if len(argv) == 3:
        path = pathlib.Path(argv[2])
    else:
        path = pathlib.Path(__file__).resolve().parent / f"{app_id}.json"

    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"FAIL cannot read {path}: {e}")
        return 1
    if not isinstance(manifest, dict):
        print(f"FAIL {path}: not a JSON object")
        return 1

    print(f"checking {path}")
    c = Checker()

    # flatpak-builder accepts both spellings; "id" is the current one.
    found_id = manifest.get("id", manifest.get("app-id"))
    c.check(found_id == app_id, f"app id is {app_id}", f"found {found_id!r}")
    c.check(not ("id" in manifest and "app-id" in manifest),
            "only one of id and app-id is set", "both are set")
    c.check(manifest.get("runtime") == "org.gnome.Platform",
            "runtime is org.gnome.Platform", f"found {manifest.get('runtime')!r}")
    c.check(manifest.get("sdk") == "org.gnome.Sdk",
            "sdk is org.gnome.Sdk", f"found {manifest.get('sdk')!r}")
    c.check(isinstance(manifest.get("runtime-version"), str),
            "runtime-version is a string", f"found {manifest.get('runtime-version')!r}")
    c.check(manifest.get("command") == "steward",
            "command is steward", f"found {manifest.get('command')!r}")

    finish_args = manifest.get("finish-args", [])
    c.check(isinstance(finish_args, list) and all(isinstance(a, str) for a in finish_args),
            "finish-args is a list of strings")
    finish_args = [a for a in finish_args if isinstance(a, str)] if isinstance(finish_args, list) else []
    for arg in REQUIRED_FINISH_ARGS:
        c.check(arg in finish_args, f"finish-args has {arg}", "missing")
    reaching = [a for a in finish_args
                if a.startswith("--filesystem=")
                and (filesystem_of(a) in FORBIDDEN_FILESYSTEMS or filesystem_of(a).startswith("~"))]
    c.check(not reaching, "finish-args give no access to the host or home files",
            ", ".join(reaching))

    modules = manifest.get("modules", [])
    steward = [m for m in modules if isinstance(m, dict) and m.get("name") == "steward"]
    c.check(len(steward) == 1, "one module named steward", f"found {len(steward)}")
    if steward:
        module = steward[0]
        c.check(module.get("buildsystem") == "meson",
                "module steward uses buildsystem meson", f"found {module.get('buildsystem')!r}")
        c.check(modules and modules[-1] is module,
                "module steward is built last", "another module follows it")

    if c.failures:
        print(f"{c.failures} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
