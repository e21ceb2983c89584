#!/usr/bin/env python3
# check-potfiles.py
#
# Copyright The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check that po/POTFILES.in is complete, exists and is sorted.

Usage: check-potfiles.py SOURCE_ROOT

A file needs to be listed when it has strings for translators:

  src/**/*.c, src/**/*.h   a call to _(), N_(), C_(), NC_(),
                           ngettext() or g_dngettext() outside comments
                           and string literals
  ui/**/*.ui, src/**/*.ui  a translatable="yes" property
  data/**/*.in             a desktop entry key, schema summary or
                           description, metainfo text, or translatable="yes"

Files listed in po/POTFILES.skip (optional, same format) are never
required. Exit status: 0 and "ok" when everything is fine, 1 and one
line per problem otherwise.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

C_CALL_RE = re.compile(
    r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\("
)
UI_TRANSLATABLE_RE = re.compile(
    r"""translatable\s*=\s*["'](?:yes|true|y|t|1)["']""", re.IGNORECASE
)
DESKTOP_KEY_RE = re.compile(
    r"^(?:Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=", re.MULTILINE
)
SCHEMA_TEXT_RE = re.compile(r"<(?:summary|description)\b")

# Elements of AppStream metainfo that the gettext ITS rules translate.
METAINFO_TEXT_TAGS = {
    "name",
    "summary",
    "p",
    "li",
    "caption",
    "developer_name",
    "keyword",
}


def strip_c(text):
    """Return C source with comments removed and literals emptied.

    Keeps the code's shape so that `_(` inside a comment or a string
    does not count as a translatable string.
    """
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            quote = c
            i += 1
            while i < n and text[i] != quote and text[i] != "\n":
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append(quote + quote)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def c_needs_translation(text):
    return C_CALL_RE.search(strip_c(text)) is not None


def ui_needs_translation(text):
    return UI_TRANSLATABLE_RE.search(text) is not None


def metainfo_needs_translation(text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        # Not parseable as is; be safe and assume it has text.
        return any(f"<{tag}" in text for tag in METAINFO_TEXT_TAGS)

    def walk(element, translate):
        if element.get("translate") == "no":
            translate = False
        elif element.get("translate") == "yes":
            translate = True
        if translate and element.tag in METAINFO_TEXT_TAGS:
            if (element.text or "").strip():
                return True
        return any(walk(child, translate) for child in element)

    return walk(root, True)


def data_needs_translation(path, text):
    name = path.name
    if ".desktop" in name:
        return DESKTOP_KEY_RE.search(text) is not None
    if ".gschema.xml" in name:
        return SCHEMA_TEXT_RE.search(text) is not None
    if ".metainfo.xml" in name or ".appdata.xml" in name:
        return metainfo_needs_translation(text)
    return ui_needs_translation(text)


def read_list(path):
    """Return the entries of a POTFILES-style file, in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("["):
            continue
        entries.append(line)
    return entries


def rel(root, path):
    return path.relative_to(root).as_posix()


def find_needed(root):
    needed = set()

    def scan(pattern, check):
        for path in sorted(root.glob(pattern)):
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if check(path, text):
                needed.add(rel(root, path))

    for pattern in ("src/**/*.c", "src/**/*.h"):
        scan(pattern, lambda p, t: c_needs_translation(t))
    for pattern in ("ui/**/*.ui", "src/**/*.ui"):
        scan(pattern, lambda p, t: ui_needs_translation(t))
    scan("data/**/*.in", data_needs_translation)
    return needed


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} SOURCE_ROOT", file=sys.stderr)
        return 2

    root = pathlib.Path(argv[1]).resolve()
    potfiles = root / "po" / "POTFILES.in"
    if not potfiles.is_file():
        print(f"{rel(root, potfiles)}: not found")
        return 1

    listed = read_list(potfiles)
    skip_file = root / "po" / "POTFILES.skip"
    skipped = set(read_list(skip_file)) if skip_file.is_file() else set()

    problems = []

    for a, b in zip(listed, listed[1:]):
        if b < a:
            problems.append(f"po/POTFILES.in: not sorted: {b} comes after {a}")
            break

    seen = set()
    for entry in listed:
        if entry in seen:
            problems.append(f"po/POTFILES.in: listed twice: {entry}")
        seen.add(entry)
        if not (root / entry).is_file():
            problems.append(f"po/POTFILES.in: does not exist: {entry}")

    for entry in sorted(find_needed(root) - seen - skipped):
        problems.append(f"po/POTFILES.in: missing: {entry}")

    if problems:
        for problem in problems:
            print(problem)
        return 1

    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
