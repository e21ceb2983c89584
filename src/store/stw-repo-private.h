/* stw-repo-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/stw-database-private.h"
#include "core/stw-sla.h"
#include "core/stw-sla-calendar.h"
#include "store/stw-reassign.h"

G_BEGIN_DECLS

typedef struct
{
  const char *count_sql;   /* SELECT count(*) FROM assets WHERE <col> = ?1 */
  const char *move_sql;    /* UPDATE assets SET <col> = ?1, updated = ?3 WHERE <col> = ?2 */
  const char *delete_sql;  /* DELETE FROM <table> WHERE id = ?1 */
  /* The message when assets are still there and no new place was given. */
  char *(*describe_in_use) (const char *name,
                            guint       count);
  /* The message, marked with N_(), when the record the assets were to
   * move to no longer exists. */
  const char *missing_target;
} StwDeleteQueries;

gboolean stw_repo_delete_reassigning (StwWriteContext         *ctx,
                                      const StwDeleteQueries  *queries,
                                      gint64                   id,
                                      gint64                   reassign_to,
                                      const char              *name,
                                      GError                 **error);
guint    stw_repo_count              (StwDatabase             *db,
                                      const char              *sql,
                                      gint64                   id);

/* A ticket not yet done (see stw_ticket_status_is_done()). */
#define STW_TICKET_OPEN_SQL \
  "status NOT IN ('resolved', 'closed', 'rejected', 'implemented', 'reviewed')"

StwSlaCalendar *stw_preferences_load_sla_in    (StwWriteContext  *ctx,
                                                StwSlaPolicy     *policy);
gboolean        stw_ticket_repo_refresh_sla_in (StwWriteContext  *ctx,
                                                gint64            ticket_id,
                                                GError          **error);

G_END_DECLS
