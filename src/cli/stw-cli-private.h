/* stw-cli-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

/* What steward-cli.c shares with the files of its other commands. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_PARTIAL = 3,
};

extern const GOptionEntry global_options[];

int          fail                   (const char      *what,
                                     GError          *error);
int          usage                  (GOptionContext  *context,
                                     const char      *message);
StwDatabase *open_database          (GError         **error);

/* stw-cli-sync.c */
int          sync_command           (int              argc,
                                     char           **argv);
int          account_command        (int              argc,
                                     char           **argv);

G_END_DECLS
