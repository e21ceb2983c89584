/* stw-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-repo-private.h"
#include "core/stw-error.h"

/*
 * What the location and people repositories share: deleting a record
 * that assets point at, after moving those assets elsewhere.
 */

gboolean
stw_repo_delete_reassigning (StwWriteContext         *ctx,
                             const StwDeleteQueries  *queries,
                             gint64                   id,
                             gint64                   reassign_to,
                             const char              *name,
                             GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  stmt = stw_write_context_prepare (ctx, queries->count_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (count > 0)
    {
      if (reassign_to == 0 || reassign_to == id)
        {
          g_autofree char *message = queries->describe_in_use (name, (guint)count);

          g_set_error_literal (error, STW_ERROR, STW_ERROR_IN_USE, message);
          return FALSE;
        }

      stmt = stw_write_context_prepare (ctx, queries->move_sql, error);
      if (stmt == NULL)
        return FALSE;
      if (reassign_to == STW_REASSIGN_CLEAR)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, reassign_to);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, stw_write_context_get_time (ctx));
      if (!stw_sql_step (stmt, &local_error))
        {
          /* A foreign key failure here is the new place or person, gone
           * since it was chosen; “other records refer to this one” would
           * send the person looking in the wrong place. */
          if (g_error_matches (local_error, STW_ERROR, STW_ERROR_IN_USE))
            {
              g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                                   g_dgettext (GETTEXT_PACKAGE, queries->missing_target));
              return FALSE;
            }

          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  stmt = stw_write_context_prepare (ctx, queries->delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  if (sqlite3_changes (stw_write_context_get_db (ctx)) == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("“%s” no longer exists."), name);
      return FALSE;
    }

  return TRUE;
}

guint
stw_repo_count (StwDatabase *db,
                const char  *sql,
                gint64       id)
{
  sqlite3_stmt *stmt = stw_database_prepare_read (db, sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}
