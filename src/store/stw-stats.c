/* stw-stats.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-stats"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "stw-database-private.h"
#include "stw-stats.h"

/* Counts for `steward-cli stats`: what is in the database, by kind. */

static gboolean
count (StwDatabase  *db,
       const char   *sql,
       gint64       *value,
       GError      **error)
{
  sqlite3_stmt *stmt = stw_database_prepare_read (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return stw_sql_set_error (stw_database_get_reader (db), rc, error);

  return TRUE;
}

static gboolean
count_groups (StwDatabase  *db,
              const char   *sql,
              gboolean      statuses,
              gint64       *counts,
              GError      **error)
{
  sqlite3_stmt *stmt = stw_database_prepare_read (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = stw_sql_column_text (stmt, 0);
      StwAssetStatus status;
      StwAssetCategory category;

      if (statuses && stw_asset_status_from_key (key, &status))
        counts[status] = sqlite3_column_int64 (stmt, 1);
      else if (!statuses && stw_asset_category_from_key (key, &category))
        counts[category] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (stw_database_get_reader (db), rc, error);

  return TRUE;
}

gboolean
stw_stats_read (StwDatabase  *db,
                StwStats     *stats,
                GError      **error)
{
  g_autofree char *wal = NULL;
  GStatBuf buf;

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);

  if (!count (db, "SELECT count(*) FROM assets", &stats->n_assets, error) ||
      !count (db, "SELECT count(*) FROM locations", &stats->n_locations, error) ||
      !count (db, "SELECT count(*) FROM people", &stats->n_people, error) ||
      !count (db, "SELECT count(*) FROM journal", &stats->n_changes, error) ||
      !count (db, "SELECT count(*) FROM batches", &stats->n_batches, error) ||
      !count_groups (db, "SELECT status, count(*) FROM assets GROUP BY status", TRUE,
                     stats->by_status, error) ||
      !count_groups (db, "SELECT category, count(*) FROM assets GROUP BY category", FALSE,
                     stats->by_category, error))
    return FALSE;

  if (g_stat (stw_database_get_path (db), &buf) == 0)
    stats->file_size += buf.st_size;
  wal = g_strconcat (stw_database_get_path (db), "-wal", NULL);
  if (g_stat (wal, &buf) == 0)
    stats->file_size += buf.st_size;

  return TRUE;
}
