#!/usr/bin/env python3
# check-translations.py
#
# Copyright The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check that every language in po/LINGUAS is valid and complete.

Usage: check-translations.py SOURCE_ROOT [LANG...]

For each language (all of po/LINGUAS unless given):

  1. msgfmt --check --statistics must accept po/LANG.po;
  2. a template freshly extracted with xgettext from po/POTFILES.in
     (same keywords as po/meson.build) is merged into a copy of the
     .po with msgmerge, and the result must have no untranslated and
     no fuzzy message.

The .po files themselves are never changed. Exit status: 0 when all
languages are complete, 1 otherwise (with the first missing messages
listed), 77 (skipped) when the gettext tools are not installed.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

# What meson's i18n.gettext(preset: 'glib') passes to xgettext, plus
# the args of po/meson.build. Keep the two in step.
XGETTEXT_ARGS = [
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
    "--from-code=UTF-8",
    "--add-comments",
]

TOOLS = ("msgfmt", "xgettext", "msgmerge", "msgattrib")
SHOW = 10


def run(argv, **kwargs):
    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    return subprocess.run(argv, capture_output=True, text=True, env=env, **kwargs)


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        return s[1:-1]
    return s


def parse_po(text):
    """Return the messages of a PO file as (msgctxt, msgid) pairs.

    The header (empty msgid) and obsolete entries are left out. The
    strings stay in their escaped PO form, which is fine for reports.
    """
    messages = []
    ctxt = None
    msgid = None
    field = None

    def flush():
        if msgid:
            messages.append((ctxt, msgid))

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgctxt "):
            flush()
            ctxt, msgid, field = unquote(line[8:]), None, "msgctxt"
        elif line.startswith("msgid "):
            if field != "msgctxt":
                flush()
                ctxt = None
            msgid, field = unquote(line[6:]), "msgid"
        elif line.startswith("msgid_plural "):
            field = "msgid_plural"
        elif line.startswith("msgstr"):
            field = "msgstr"
        elif line.startswith('"'):
            if field == "msgid":
                msgid += unquote(line)
            elif field == "msgctxt":
                ctxt += unquote(line)
    flush()
    return messages


def describe(message):
    ctxt, msgid = message
    return f'"{msgid}"' if ctxt is None else f'"{msgid}" (context "{ctxt}")'


def read_linguas(path):
    languages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        languages.extend(line.split())
    return languages


def select(merged, option):
    result = run(["msgattrib", option, "--no-obsolete", "--force-po", str(merged)])
    if result.returncode != 0:
        raise RuntimeError(f"msgattrib {option} failed:\n{result.stderr}")
    return parse_po(result.stdout)


def check_language(root, lang, pot, tmpdir):
    """Return a list of problems with po/LANG.po (empty when complete)."""
    po = root / "po" / f"{lang}.po"
    if not po.is_file():
        return [f"{lang}: po/{lang}.po does not exist"]

    result = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)])
    if result.returncode != 0:
        return [f"{lang}: msgfmt --check failed:\n{result.stderr.rstrip()}"]
    for line in result.stderr.strip().splitlines():
        print(f"{lang}: msgfmt: {line}")

    merged = pathlib.Path(tmpdir) / f"{lang}.po"
    result = run(["msgmerge", "--quiet", "--output-file", str(merged), str(po), str(pot)])
    if result.returncode != 0:
        return [f"{lang}: msgmerge failed:\n{result.stderr.rstrip()}"]

    total = len(parse_po(pot.read_text(encoding="utf-8")))
    untranslated = select(merged, "--untranslated")
    fuzzy = select(merged, "--only-fuzzy")

    problems = []
    for kind, messages in (("untranslated", untranslated), ("fuzzy", fuzzy)):
        if not messages:
            continue
        lines = [f"{lang}: {len(messages)} of {total} messages {kind}:"]
        lines += [f"  {describe(m)}" for m in messages[:SHOW]]
        if len(messages) > SHOW:
            lines.append(f"  … and {len(messages) - SHOW} more")
        problems.append("\n".join(lines))

    if not problems:
        print(f"{lang}: all {total} messages of the template translated")
    return problems


def main(argv):
    if len(argv) < 2:
        print(f"usage: {argv[0]} SOURCE_ROOT [LANG...]", file=sys.stderr)
        return 2

    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"skipped: not installed: {', '.join(missing)}")
        return 77

    root = pathlib.Path(argv[1]).resolve()
    languages = argv[2:] or read_linguas(root / "po" / "LINGUAS")
    if not languages:
        print("po/LINGUAS lists no language")
        return 0

    problems = []
    with tempfile.TemporaryDirectory(prefix="steward-po-") as tmpdir:
        pot = pathlib.Path(tmpdir) / "steward.pot"
        result = run(
            ["xgettext", *XGETTEXT_ARGS, "--force-po", "--package-name=steward",
             f"--directory={root}", f"--files-from={root / 'po' / 'POTFILES.in'}",
             f"--output={pot}"]
        )
        if result.returncode != 0:
            print(f"xgettext failed:\n{result.stderr.rstrip()}")
            return 1

        for lang in languages:
            problems += check_language(root, lang, pot, tmpdir)

    if problems:
        for problem in problems:
            print(problem)
        return 1

    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
