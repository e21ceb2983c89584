/* stw-sync-format.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

/* How the sync's records, fields, values, actions and times read in the
 * interface: shared by the accounts page, the status indicator, the
 * conflicts and the log. */

char       *stw_sync_format_value       (const char *entity,
                                         const char *field,
                                         const char *json);
char       *stw_sync_format_fields      (GListModel *conflicts);
char       *stw_sync_format_record      (StwDatabase *db,
                                         const char  *entity,
                                         gint64       local_id);
const char *stw_sync_format_action      (const char *action);
const char *stw_sync_format_action_icon (const char *action);
char       *stw_sync_format_ago         (gint64      time,
                                         gint64      now);
char       *stw_sync_format_time        (GDateTime  *time,
                                         GDateTime  *now);
char       *stw_sync_format_edit_text   (const char *entity,
                                         const char *field,
                                         const char *json);
char       *stw_sync_format_json_text   (const char *entity,
                                         const char *field,
                                         const char *text,
                                         const char *like);

G_END_DECLS
