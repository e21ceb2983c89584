/* stw-preferences-repo.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-sla.h"
#include "core/stw-sla-calendar.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

StwSlaCalendar *stw_preferences_repo_load_sla       (StwDatabase          *db,
                                                     StwSlaPolicy         *policy);
gboolean        stw_preferences_repo_save_sla_sync  (StwDatabase          *db,
                                                     StwSlaCalendar       *calendar,
                                                     const StwSlaPolicy   *policy,
                                                     GError              **error);
void            stw_preferences_repo_save_sla_async (StwDatabase          *db,
                                                     StwSlaCalendar       *calendar,
                                                     const StwSlaPolicy   *policy,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean        stw_preferences_repo_save_sla_finish (StwDatabase         *db,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gint64          stw_preferences_repo_get_me         (StwDatabase          *db);
gboolean        stw_preferences_repo_set_me_sync    (StwDatabase          *db,
                                                     gint64                person_id,
                                                     GError              **error);

G_END_DECLS
