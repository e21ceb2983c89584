/* test-store-util.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the store's tests share: a fresh database in a temporary folder,
 * a second SQLite connection to look at what is on disk, and waiting for
 * a query model. Header-only so each test stays one file. */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/stw-error.h"
#include "core/stw-validate.h"
#include "store/stw-asset-query-model.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database-private.h"
#include "store/stw-database.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"

typedef struct
{
  char        *dir;
  char        *path;
  StwDatabase *db;
} Fixture;

static inline void
rm_rf (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
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

static inline char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("steward-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = make_temp_dir ();
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
/* Looking at the file with a connection of our own                         */
/* ------------------------------------------------------------------------ */

/* Read-write although it only reads: the last connection to a WAL file
 * removes the -wal file when it closes, which a read-only one cannot. */
static inline sqlite3 *
peek_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* The first column of the first row of @sql, as an integer. */
static inline gint64
peek_int (const char *path,
          const char *sql)
{
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The first column of the first row of @sql, as text, or NULL. */
static inline char *
peek_text (const char *path,
           const char *sql)
{
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Every row of @sql, columns joined by '|', rows by '\n'. */
static inline char *
peek_rows (const char *path,
           const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i ? "|" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* ------------------------------------------------------------------------ */
/* Making records                                                           */
/* ------------------------------------------------------------------------ */

static inline StwAsset *
make_asset (const char *name,
            const char *tag)
{
  StwAsset *asset = stw_asset_new ();

  stw_asset_set_name (asset, name);
  stw_asset_set_tag (asset, tag);
  return asset;
}

/* Saves a new asset and returns its id; the test fails if it cannot. */
static inline gint64
add_asset (StwDatabase *db,
           StwAsset    *asset)
{
  g_autoptr(GError) error = NULL;
  gint64 id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
add_simple_asset (StwDatabase *db,
                  const char  *name,
                  const char  *tag)
{
  g_autoptr(StwAsset) asset = make_asset (name, tag);

  return add_asset (db, asset);
}

static inline gint64
add_location (StwDatabase     *db,
              const char      *name,
              StwLocationKind  kind,
              gint64           parent_id)
{
  g_autoptr(StwLocation) location = stw_location_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_location_set_name (location, name);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, parent_id);
  id = stw_location_repo_save_sync (db, location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
add_person (StwDatabase *db,
            const char  *name,
            const char  *email)
{
  g_autoptr(StwPerson) person = stw_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_person_set_name (person, name);
  stw_person_set_email (person, email);
  id = stw_person_repo_save_sync (db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asserts that every value a person can see or edit is the same. */
static inline void
assert_assets_equal (StwAsset *a,
                     StwAsset *b)
{
  g_assert_cmpint (stw_asset_get_id (a), ==, stw_asset_get_id (b));
  g_assert_cmpstr (stw_asset_get_uuid (a), ==, stw_asset_get_uuid (b));
  g_assert_cmpint (stw_asset_get_created (a), ==, stw_asset_get_created (b));
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      if (!stw_asset_field_equal (a, b, field))
        g_error ("Field %s differs", stw_asset_field_to_column (field));
    }
  g_assert_cmpstr (stw_asset_get_location_name (a), ==, stw_asset_get_location_name (b));
  g_assert_cmpstr (stw_asset_get_person_name (a), ==, stw_asset_get_person_name (b));
}

/* ------------------------------------------------------------------------ */
/* The main loop                                                            */
/* ------------------------------------------------------------------------ */

/* Runs the main context until the model has applied its latest query. */
static inline void
wait_for_model (StwAssetQueryModel *model)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      while (stw_asset_query_model_get_loading (model))
        g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_pending (NULL));
}

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

typedef struct
{
  GThread *thread;
  int      done;
} Finalized;

static inline void
model_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  Finalized *finalized = data;

  finalized->thread = g_thread_self ();
  g_atomic_int_set (&finalized->done, TRUE);
}

/* Drops the last reference to @model and runs the main context until it
 * is finalized: a model lives until the queries it started are back,
 * even those it no longer waits for. It must go, and on this thread:
 * a model finalized on a worker thread would disconnect and remove its
 * sources from there. */
static inline void
drop_model (StwAssetQueryModel **model)
{
  Finalized finalized = { NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  g_object_weak_ref (G_OBJECT (*model), model_finalized_cb, &finalized);
  g_clear_object (model);

  while (!g_atomic_int_get (&finalized.done) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_true (g_atomic_int_get (&finalized.done));
  g_assert_true (finalized.thread == g_thread_self ());
}

/* A query model with its first result in; drop it with drop_model(). */
static inline StwAssetQueryModel *
make_model (StwDatabase *db)
{
  StwAssetQueryModel *model = stw_asset_query_model_new (db);

  wait_for_model (model);
  return model;
}

/* The ids in the model, in order, as text: "3 1 2". */
static inline char *
model_ids (StwAssetQueryModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            stw_asset_query_model_get_id (model, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
