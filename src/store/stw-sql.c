/* stw-sql.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-database-private.h"
#include "core/stw-error.h"

/* The SQL helpers every part of the store uses: errors a person can act
 * on, statement caches, and the settings of each connection. */

/* ------------------------------------------------------------------------ */
/* Errors and small SQL helpers                                             */
/* ------------------------------------------------------------------------ */

/**
 * stw_sql_set_error:
 *
 * Turns an SQLite result into an error a person can act on.
 *
 * Returns: %FALSE, so callers can `return stw_sql_set_error (…)`.
 */
gboolean
stw_sql_set_error (sqlite3  *db,
                   int       rc,
                   GError  **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int extended = db != NULL ? sqlite3_extended_errcode (db) : rc;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, STW_ERROR, STW_ERROR_DISK_FULL,
                   _("The disk is full, so the change was not saved. "
                     "Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, STW_ERROR, STW_ERROR_READ_ONLY,
                   _("The database cannot be written, so the change was not saved. "
                     "Check that the file and its folder are writable."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, STW_ERROR, STW_ERROR_DAMAGED,
                   _("The database file is damaged (%s)."), detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, STW_ERROR, STW_ERROR_FAILED,
                   _("The database is in use by another program. Try again in a moment."));
      break;

    case SQLITE_IOERR:
      g_set_error (error, STW_ERROR, STW_ERROR_FAILED,
                   _("The disk could not be read or written (%s), so the change was not saved."),
                   detail);
      break;

    case SQLITE_CONSTRAINT:
      if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, STW_ERROR, STW_ERROR_DUPLICATE,
                     _("Another record already has this value."));
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, STW_ERROR, STW_ERROR_IN_USE,
                     _("Other records still refer to this one."));
      else
        g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                     _("A value is not acceptable (%s)."), detail);
      break;

    default:
      g_set_error (error, STW_ERROR, STW_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }

  return FALSE;
}

/**
 * stw_sql_step:
 *
 * Steps @stmt once; a row or the end is success.
 */
gboolean
stw_sql_step (sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return stw_sql_set_error (sqlite3_db_handle (stmt), rc, error);

  return TRUE;
}

void
stw_sql_bind_text (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* Binds @text without the spaces around it; names are stored trimmed. */
void
stw_sql_bind_stripped (sqlite3_stmt *stmt,
                       int           column,
                       const char   *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  stw_sql_bind_text (stmt, column, stripped);
}

const char *
stw_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

gboolean
stw_sql_exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return stw_sql_set_error (db, rc, error);

  return TRUE;
}

sqlite3_stmt *
stw_sql_prepare_cached (sqlite3     *db,
                GHashTable  *cache,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
      stw_sql_set_error (db, rc, error);
      return NULL;
    }

  g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

GHashTable *
stw_sql_statement_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)sqlite3_finalize);
}

gboolean
stw_sql_configure_connection (sqlite3  *db,
                      gboolean  writer,
                      GError  **error)
{
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);

  if (!stw_sql_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (writer &&
      (!stw_sql_exec (db, "PRAGMA journal_mode = WAL", error) ||
       !stw_sql_exec (db, "PRAGMA synchronous = NORMAL", error) ||
       /* An import touches a dozen indexes at random places; with the
        * default 2 MB cache it spends its time re-reading their pages. */
       !stw_sql_exec (db, "PRAGMA cache_size = -65536", error)))
    return FALSE;

  /* Readers page through indexes of millions of rows. Mapped, every page
   * they ever touched would count as the process's memory (hundreds of
   * megabytes); read, the kernel's page cache keeps them instead. */
  if (!writer &&
      (!stw_sql_exec (db, "PRAGMA mmap_size = 0", error) ||
       !stw_sql_exec (db, "PRAGMA cache_size = -16384", error)))
    return FALSE;

  return TRUE;
}

