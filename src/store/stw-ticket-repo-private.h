/* stw-ticket-repo-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

/* Shared by stw-ticket-repo.c (tickets), stw-ticket-entries.c (linked
 * assets, comments and work log) and stw-ticket-sla-times.c. */

gint64  stw_ticket_column_or_zero (sqlite3_stmt  *stmt,
                                   int            column);
void    stw_ticket_bind_id        (sqlite3_stmt  *stmt,
                                   int            column,
                                   gint64         id);
GArray *stw_ticket_read_ids       (StwDatabase   *db,
                                   const char    *sql,
                                   gint64         id,
                                   GError       **error);

G_END_DECLS
