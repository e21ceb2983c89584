/* stw-database-file.c
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
#include "stw-store-resources.h"

/*
 * Opening a file safely: what is checked before anything writes to it,
 * and the migrations that bring its schema up to date.
 */

/* 'STWD': marks the file as Steward's, so a database of another program
 * is recognised and left alone. */
#define APPLICATION_ID 0x53545744
#define MIGRATIONS_PATH RESOURCE_PATH "/sql"
/* Files up to this size get SQLite's quick_check when opened. */
#define QUICK_CHECK_LIMIT (64 * 1024 * 1024)

/* ------------------------------------------------------------------------ */
/* Checking a file before anything writes to it                             */
/* ------------------------------------------------------------------------ */

gboolean
stw_sql_query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      stw_sql_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
set_damaged (const char  *path,
             GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, STW_ERROR, STW_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened. It has not been changed."), name);
  return FALSE;
}

/*
 * Opens an existing file read-only and decides whether Steward may use
 * it: an SQLite database of ours, not from a newer Steward, and intact.
 * Nothing here writes to the file.
 */
gboolean
stw_database_check_file (const char  *path,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  static const char header[16] = "SQLite format 3";
  char buffer[16] = { 0 };
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, n_objects = 0;
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  GStatBuf info;
  FILE *file;
  size_t n_read;
  int rc;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, STW_ERROR, STW_ERROR_READ_ONLY,
                   _("“%s” cannot be read: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (buffer, 1, sizeof buffer, file);
  fclose (file);

  if (n_read != sizeof buffer || memcmp (buffer, header, sizeof header) != 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_DATABASE,
                   _("“%s” is not a Steward database. It has not been changed."), name);
      return FALSE;
    }

  /* A read-only connection to a WAL database creates the -wal and -shm
   * files beside it and cannot remove them, so a refused file would get
   * new files next to it. Without a -wal file, everything is in the
   * database file itself, and immutable=1 reads it creating nothing;
   * with one (Steward was stopped mid-write), it must be read too. */
  if (!g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *base = g_filename_to_uri (absolute, NULL, NULL);

      if (base != NULL)
        uri = g_strconcat (base, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_damaged (path, error);
      goto out;
    }
  sqlite3_extended_result_codes (db, 1);

  if (!stw_sql_query_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !stw_sql_query_int (db, "PRAGMA user_version", &version, &local_error) ||
      !stw_sql_query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects, &local_error))
    {
      g_debug ("Checking %s: %s", path, local_error->message);
      set_damaged (path, error);
      goto out;
    }

  /* An empty SQLite file is a blank page, not someone else's data. */
  if (app_id != APPLICATION_ID && !(app_id == 0 && version == 0 && n_objects == 0))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_FOREIGN_DATABASE,
                   _("“%s” is a database of another program, not of Steward. "
                     "It has not been changed."), name);
      goto out;
    }

  if (version > stw_database_schema_version ())
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NEWER_DATABASE,
                   _("“%s” was written by a newer version of Steward. "
                     "Update Steward to open it; the file has not been changed."), name);
      goto out;
    }

  /* The full check reads every page: at start only for files small enough
   * to read in a moment. Damage in a larger file shows when its pages are
   * read (as STW_ERROR_DAMAGED, nothing written) and in steward-cli check. */
  if (g_stat (path, &info) == 0 && info.st_size > QUICK_CHECK_LIMIT)
    {
      ok = TRUE;
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 (stw_sql_column_text (stmt, 0), "ok") != 0)
    {
      g_debug ("Integrity check of %s failed: %s", path,
               rc == SQLITE_ROW ? stw_sql_column_text (stmt, 0) : sqlite3_errmsg (db));
      set_damaged (path, error);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Migrations                                                               */
/* ------------------------------------------------------------------------ */

static int
migration_number (const char *name)
{
  return (int)g_ascii_strtoll (name, NULL, 10);
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return migration_number (*(const char **)a) - migration_number (*(const char **)b);
}

static char **
list_migrations (void)
{
  char **names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  g_assert (names != NULL);
  qsort (names, g_strv_length (names), sizeof (char *), compare_migrations);
  return names;
}

int
stw_database_schema_version (void)
{
  static int version;

  if (version == 0)
    {
      g_auto(GStrv) names = list_migrations ();
      guint n = g_strv_length (names);

      version = n > 0 ? migration_number (names[n - 1]) : 0;
    }

  return version;
}

/*
 * Brings the schema up to @target, in one transaction: a migration that
 * fails leaves the file as it was.
 */
gboolean
stw_database_migrate (sqlite3  *db,
         int       target,
         GError  **error)
{
  g_auto(GStrv) names = list_migrations ();
  gint64 version = 0;

  if (!stw_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!stw_sql_query_int (db, "PRAGMA user_version", &version, error))
    goto failed;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      int number = migration_number (names[i]);
      gsize size;

      if (number <= version || number > target)
        continue;

      g_debug ("Applying migration %s", names[i]);

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        goto failed;

      sql = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
      if (!stw_sql_exec (db, sql, error))
        goto failed;

      /* PRAGMA takes no bound parameters; the number is ours, not data. */
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);
      if (!stw_sql_exec (db, pragma, error))
        goto failed;
    }

  if (!stw_sql_exec (db, "PRAGMA application_id = 1398036292", error) ||
      !stw_sql_exec (db, "COMMIT", error))
    goto failed;

  G_STATIC_ASSERT (APPLICATION_ID == 1398036292);
  return TRUE;

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

