/* test-io-util.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the io tests share: a scratch folder with a fresh database,
 * writing files, waiting for async results, and a snapshot of a whole
 * store taken through its public API, to say "exactly as before".
 * Header-only so each test stays one file. */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/stw-error.h"
#include "io/stw-asset-export.h"
#include "io/stw-csv-import.h"
#include "store/stw-asset-query.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database-private.h"
#include "store/stw-database.h"
#include "store/stw-stats.h"

typedef struct
{
  char        *dir;
  char        *path;
  StwDatabase *db;
} Fixture;

static inline void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("steward-io-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "steward.db", NULL);
  fixture->db = stw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Whatever still holds the database is a leak. */
  if (fixture->db != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->db));

  rm_rf (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */
/* ------------------------------------------------------------------------ */

/* Writes @length bytes (-1: a string) to @name in @dir; returns the path. */
static inline char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static inline char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* How many entries @dir holds, to find temporary files left behind. */
static inline guint
count_files (const char *dir)
{
  GDir *handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_dir_close (handle);

  return n;
}

/* The current resident set of this process, in bytes (Linux). */
static inline gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;

  return (gsize)resident * (gsize)sysconf (_SC_PAGESIZE);
}

/* ------------------------------------------------------------------------ */
/* The main loop                                                            */
/* ------------------------------------------------------------------------ */

static inline void
async_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the main context until *@result is set by async_result_cb(). */
static inline GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* ------------------------------------------------------------------------ */
/* The store                                                                */
/* ------------------------------------------------------------------------ */

/* Every asset as Steward's own CSV export writes it (with UUIDs,
 * location paths and people), sorted by tag, then how many locations
 * and people there are and, @with_history, the journal and undo state:
 * two equal snapshots are the same store to a person. */
static inline char *
store_snapshot (StwDatabase *db,
                gboolean     with_history)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (db);
  g_autoptr(StwAssetExport) export = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  StwStats stats;

  stw_asset_query_set_sort (query, STW_ASSET_FIELD_TAG, STW_SORT_ASCENDING);
  export = stw_asset_export_new (query, STW_EXPORT_CSV);
  g_assert_cmpint (stw_asset_export_to_stream (export, stream, NULL, &error), >=, 0);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  g_string_append_len (out,
                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));

  g_assert_true (stw_stats_read (db, &stats, &error));
  g_assert_no_error (error);
  g_string_append_printf (out, "assets %" G_GINT64_FORMAT ", locations %" G_GINT64_FORMAT
                          ", people %" G_GINT64_FORMAT "\n",
                          stats.n_assets, stats.n_locations, stats.n_people);
  if (with_history)
    g_string_append_printf (out, "journal %" G_GINT64_FORMAT ", batches %" G_GINT64_FORMAT
                            ", undo %s, redo %s\n",
                            stats.n_changes, stats.n_batches,
                            stw_database_get_can_undo (db) ? stw_database_get_undo_description (db)
                                                           : "nothing",
                            stw_database_get_can_redo (db) ? stw_database_get_redo_description (db)
                                                           : "nothing");

  return g_string_free (out, FALSE);
}

static inline StwStats
read_stats (StwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  StwStats stats;

  g_assert_true (stw_stats_read (db, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

/* The asset with @tag, loaded; the test fails if there is none. */
static inline StwAsset *
load_by_tag (StwDatabase *db,
             const char  *tag)
{
  g_autoptr(GError) error = NULL;
  gint64 id = stw_asset_repo_find_by_tag (db, tag);
  StwAsset *asset;

  if (id <= 0)
    g_error ("No asset with tag %s", tag);

  asset = stw_asset_repo_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (asset);
  return asset;
}

static inline gint64
add_asset (StwDatabase *db,
           const char  *tag,
           const char  *name)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_asset_set_tag (asset, tag);
  stw_asset_set_name (asset, name);
  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Loads @path for import; the test fails if it cannot be loaded. */
static inline StwCsvImport *
load_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StwCsvImport) import = stw_csv_import_new (file);
  g_autoptr(GError) error = NULL;

  stw_csv_import_load (import, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

/* Imports @path into @db, waiting; the test fails if the run fails. */
static inline StwImportReport *
import_file (StwDatabase *db,
             const char  *path)
{
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(GError) error = NULL;
  StwImportReport *report = stw_csv_import_run_sync (import, db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The report's problems, one "line: message" a line. */
static inline char *
report_problems (StwImportReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      StwImportProblem *problem = &g_array_index (report->problems, StwImportProblem, i);

      g_string_append_printf (out, "%u: %s\n", problem->line, problem->message);
    }

  return g_string_free (out, FALSE);
}

/* Exports @query as @format into memory and returns the bytes. */
static inline GBytes *
export_bytes (const StwAssetQuery *query,
              StwExportFormat      format)
{
  g_autoptr(StwAssetExport) export = stw_asset_export_new (query, format);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (stw_asset_export_to_stream (export, stream, NULL, &error), >=, 0);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* The first column of the first row of @sql on a connection of our own:
 * for what no API says, such as the page count. */
static inline gint64
peek_int (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
