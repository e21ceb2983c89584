/* test-database.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-ticket-repo.h"

#define APPLICATION_ID 0x53545744

static GThread *main_thread;
static char *xdg_data_home;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize)length, &error);
  g_assert_no_error (error);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/*
 * Opening @path must fail with @code, and leave the file exactly as it
 * was, without a journal beside it.
 */
static void
assert_refused_untouched (const char *path,
                          StwError    code)
{
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *basename = g_path_get_basename (path);

  db = stw_database_open (path, &error);
  g_assert_error (error, STW_ERROR, code);
  g_assert_null (db);
  /* The message names the file a person chose. */
  g_assert_nonnull (strstr (error->message, basename));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static char *
schema_of (const char *path)
{
  return peek_rows (path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                          "ORDER BY type, name");
}

typedef struct
{
  StwEntity entities;
  guint     count;
  gint64    assets_seen;
} ChangedLog;

static void
changed_cb (StwDatabase *db,
            StwEntity    entities,
            ChangedLog  *log)
{
  log->entities |= entities;
  log->count++;
  /* The signal comes after the commit: the main thread reads the change. */
  log->assets_seen = stw_asset_repo_count (db);
  g_assert_true (g_thread_self () == main_thread);
}

static gboolean
insert_person_func (StwWriteContext  *ctx,
                    gpointer          user_data,
                    GError          **error)
{
  g_autoptr(StwPerson) person = stw_person_new ();

  stw_person_set_name (person, user_data);
  if (!stw_person_repo_insert (ctx, person, error))
    return FALSE;

  stw_write_context_set_result (ctx, stw_person_get_id (person));
  return TRUE;
}

static gboolean
insert_then_fail_func (StwWriteContext  *ctx,
                       gpointer          user_data,
                       GError          **error)
{
  g_autoptr(StwLocation) site = stw_location_new ();
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-1");

  stw_location_set_name (site, "Berlin");
  g_assert_true (stw_location_repo_insert (ctx, site, NULL));
  stw_asset_set_location (asset, stw_location_get_id (site), NULL);
  g_assert_true (stw_asset_repo_insert (ctx, asset, NULL));

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Stopped on purpose");
  return FALSE;
}

static gboolean
nothing_func (StwWriteContext  *ctx,
              gpointer          user_data,
              GError          **error)
{
  return TRUE;
}

static gboolean
insert_site_and_person_func (StwWriteContext  *ctx,
                             gpointer          user_data,
                             GError          **error)
{
  g_autoptr(StwLocation) site = stw_location_new ();
  g_autoptr(StwPerson) person = stw_person_new ();

  stw_location_set_name (site, "Lisbon");
  stw_person_set_name (person, "João Santos");

  return stw_location_repo_insert (ctx, site, error) &&
         stw_person_repo_insert (ctx, person, error);
}

typedef struct
{
  guint n_assets;
  guint notes_length;
  guint offset;
} BulkInsert;

static gboolean
insert_assets_func (StwWriteContext  *ctx,
                    gpointer          user_data,
                    GError          **error)
{
  BulkInsert *bulk = user_data;
  g_autofree char *notes = NULL;

  if (bulk->notes_length > 0)
    {
      notes = g_malloc (bulk->notes_length + 1);
      for (guint i = 0; i < bulk->notes_length; i++)
        notes[i] = "abcdefghij klmnopqrstuvwxyz"[(i * 7 + i / 13) % 27];
      notes[bulk->notes_length] = '\0';
    }

  for (guint i = 0; i < bulk->n_assets; i++)
    {
      g_autofree char *tag = g_strdup_printf ("BULK-%05u", bulk->offset + i);
      g_autoptr(StwAsset) asset = make_asset ("Bulk asset", tag);

      stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, notes);
      if (!stw_asset_repo_insert (ctx, asset, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *mode = NULL;
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (stw_database_get_path (fixture->db), ==, fixture->path);
  g_object_get (fixture->db, "path", &path, NULL);
  g_assert_cmpstr (path, ==, fixture->path);

  /* As another program sees the file. */
  mode = peek_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (peek_int (fixture->path, "PRAGMA user_version"), ==,
                   stw_database_schema_version ());
  g_assert_cmpint (stw_database_schema_version (), >=, 1);
  g_assert_cmpint (peek_int (fixture->path, "PRAGMA application_id"), ==, APPLICATION_ID);

  /* Foreign keys are a setting of each connection. */
  stmt = stw_database_prepare_read (fixture->db, "PRAGMA foreign_keys", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  g_assert_false (stw_database_get_can_undo (fixture->db));
  g_assert_false (stw_database_get_can_redo (fixture->db));
  g_assert_null (stw_database_get_undo_description (fixture->db));
}

static gboolean
insert_dangling_asset_func (StwWriteContext  *ctx,
                            gpointer          user_data,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  /* The writer's foreign keys are checked whatever the repository does. */
  stmt = stw_write_context_prepare (ctx, "INSERT INTO assets (uuid, name, tag, category, status, "
                                         "location_id, created, updated) "
                                         "VALUES ('u-1', 'Ghost', 'G-1', 'other', 'in-stock', "
                                         "4242, 0, 0)", error);
  return stmt != NULL && stw_sql_step (stmt, error);
}

static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-1");
  g_autoptr(GError) error = NULL;

  g_assert_false (stw_database_write_sync (fixture->db, STW_ORIGIN_USER, NULL,
                                           insert_dangling_asset_func, NULL, NULL, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_clear_error (&error);

  stw_asset_set_location (asset, 4242, "Nowhere");
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error),
                   ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(StwAsset) loaded = NULL;
  gint64 id;

  id = add_simple_asset (fixture->db, "ThinkPad T14", "LT-0001");
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  /* A clean close leaves one file, with everything in it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 1);

  fixture->db = stw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = stw_asset_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_name (loaded), ==, "ThinkPad T14");
  g_assert_cmpint (peek_int (fixture->path, "PRAGMA user_version"), ==,
                   stw_database_schema_version ());
  /* What was saved before can be undone after reopening. */
  g_assert_true (stw_database_get_can_undo (fixture->db));
}

static void
test_create_in_new_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep", "er", "steward.db", NULL);
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = stw_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (peek_int (path, "PRAGMA user_version"), ==, stw_database_schema_version ());
  g_assert_finalize_object (g_steal_pointer (&db));

  rm_rf (dir);
}

/* Characters that mean something in a URI or to SQLite, in the folder
 * and the file name. */
static void
test_odd_path (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "Inventar ?#%25&=;:@ Łódź", NULL);
  g_autofree char *path = g_build_filename (sub, "it's 100% mine?.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = NULL;

  db = stw_database_open (path, &error);
  g_assert_no_error (error);
  add_simple_asset (db, "ThinkPad", "LT-1");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = stw_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (db), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&db));

  pragma = g_strdup_printf ("PRAGMA user_version = %d", stw_database_schema_version () + 1);
  exec_sql (path, pragma);
  assert_refused_untouched (path, STW_ERROR_NEWER_DATABASE);

  /* Nothing was created beside the folder. */
  g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, FALSE);
  rm_rf (dir);
}

/* Every earlier schema version migrates to the same schema a new file
 * gets. Version 0 is an empty SQLite file. */
static void
test_migrate (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *fresh_schema = NULL;
  g_autoptr(StwDatabase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  int newest = stw_database_schema_version ();

  fresh = stw_database_open (fresh_path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fresh));
  fresh_schema = schema_of (fresh_path);
  g_assert_nonnull (strstr (fresh_schema, "assets_fts"));

  for (int version = 0; version < newest; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *schema = NULL;
      g_autoptr(StwDatabase) db = NULL;

      g_test_message ("Migrating from version %d", version);

      g_assert_true (stw_database_create_at_version (path, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (peek_int (path, "PRAGMA user_version"), ==, version);

      db = stw_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (db);
      g_assert_finalize_object (g_steal_pointer (&db));

      g_assert_cmpint (peek_int (path, "PRAGMA user_version"), ==, newest);
      g_assert_cmpint (peek_int (path, "PRAGMA application_id"), ==, APPLICATION_ID);
      schema = schema_of (path);
      g_assert_cmpstr (schema, ==, fresh_schema);

      /* And it works: a write goes through the journal. */
      db = stw_database_open (path, &error);
      g_assert_no_error (error);
      add_simple_asset (db, "Migrated", "MIG-1");
      g_assert_finalize_object (g_steal_pointer (&db));
      g_assert_cmpint (peek_int (path, "SELECT count(*) FROM journal"), ==, 1);
    }

  rm_rf (dir);
}

/* ------------------------------------------------------------------------ */
/* Files that are refused                                                   */
/* ------------------------------------------------------------------------ */

static void
test_not_database (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *random_path = g_build_filename (dir, "random.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *header_path = g_build_filename (dir, "header-only.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8)g_rand_int_range (rand, 0, 256);
  write_file (random_path, bytes, sizeof bytes);
  write_file (text_path, "Inventory\nLT-0001 ThinkPad\n", strlen ("Inventory\nLT-0001 ThinkPad\n"));
  write_file (empty_path, "", 0);

  assert_refused_untouched (random_path, STW_ERROR_NOT_DATABASE);
  assert_refused_untouched (text_path, STW_ERROR_NOT_DATABASE);
  assert_refused_untouched (empty_path, STW_ERROR_NOT_DATABASE);
  g_assert_cmpint (g_file_test (empty_path, G_FILE_TEST_IS_REGULAR), ==, TRUE);

  /* The SQLite header on garbage: a damaged database, still untouched. */
  memcpy (bytes, "SQLite format 3", 16);
  write_file (header_path, bytes, sizeof bytes);
  assert_refused_untouched (header_path, STW_ERROR_DAMAGED);

  rm_rf (dir);
}

static void
test_foreign_database (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "photos.db", NULL);
  g_autofree char *other_app = g_build_filename (dir, "other-app.db", NULL);

  exec_sql (path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT);"
                  "INSERT INTO photos (file) VALUES ('holiday.jpg');");
  assert_refused_untouched (path, STW_ERROR_FOREIGN_DATABASE);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM photos"), ==, 1);

  /* Even without tables: another program marked it as its own. */
  exec_sql (other_app, "PRAGMA application_id = 12345; PRAGMA user_version = 1;");
  assert_refused_untouched (other_app, STW_ERROR_FOREIGN_DATABASE);

  rm_rf (dir);
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pragma = NULL;

  add_simple_asset (fixture->db, "ThinkPad", "LT-1");
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  pragma = g_strdup_printf ("PRAGMA user_version = %d", stw_database_schema_version () + 1);
  exec_sql (fixture->path, pragma);

  assert_refused_untouched (fixture->path, STW_ERROR_NEWER_DATABASE);
  g_assert_cmpint (peek_int (fixture->path, "PRAGMA user_version"), ==,
                   stw_database_schema_version () + 1);
}

static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BulkInsert bulk = { 400, 600, 0 };
  gint64 page_size, page_count;
  FILE *file;

  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_IMPORT, NULL,
                                          insert_assets_func, &bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  page_size = peek_int (fixture->path, "PRAGMA page_size");
  page_count = peek_int (fixture->path, "PRAGMA page_count");
  g_assert_cmpint (page_count, >, 20);

  /* A few pages in the middle, as a failing disk would leave them. */
  file = fopen (fixture->path, "r+b");
  g_assert_nonnull (file);
  for (gint64 page = page_count / 2 - 2; page < page_count / 2 + 2; page++)
    {
      g_autofree guint8 *garbage = g_malloc (page_size);

      for (gint64 i = 0; i < page_size; i++)
        garbage[i] = (guint8)((i * 31 + page) & 0xff);
      g_assert_cmpint (fseek (file, (long)(page * page_size), SEEK_SET), ==, 0);
      g_assert_cmpint (fwrite (garbage, 1, page_size, file), ==, page_size);
    }
  fclose (file);

  assert_refused_untouched (fixture->path, STW_ERROR_DAMAGED);
}

static void
test_default_path (void)
{
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;

  g_setenv (STW_DATABASE_ENV, "/srv/inventory/it.db", TRUE);
  path = stw_database_default_path ();
  g_assert_cmpstr (path, ==, "/srv/inventory/it.db");
  g_clear_pointer (&path, g_free);

  /* An empty variable is as good as none. */
  g_setenv (STW_DATABASE_ENV, "", TRUE);
  path = stw_database_default_path ();
  g_unsetenv (STW_DATABASE_ENV);

  /* main() set XDG_DATA_HOME before anything read it. */
  expected = g_build_filename (xdg_data_home, "steward", "steward.db", NULL);
  g_assert_cmpstr (path, ==, expected);
  g_clear_pointer (&path, g_free);

  path = stw_database_default_path ();
  g_assert_cmpstr (path, ==, expected);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_write_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(StwPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  gint64 first_id = 0, second_id = 0;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &log);

  stw_database_write_async (fixture->db, STW_ORIGIN_USER, "Add Anna", insert_person_func,
                            g_strdup ("Anna Schmidt"), g_free, NULL, async_result_cb, &first);
  stw_database_write_async (fixture->db, STW_ORIGIN_USER, "Add Jonas", insert_person_func,
                            g_strdup ("Jonas Weber"), g_free, NULL, async_result_cb, &second);
  /* Nothing is reported before the main loop runs, however long the
   * writer has been done: the results come on this thread. */
  g_usleep (100 * 1000);
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_null (first);

  wait_for_result (&first);
  g_assert_true (stw_database_write_finish (fixture->db, first, &first_id, &error));
  g_assert_no_error (error);
  wait_for_result (&second);
  g_assert_true (stw_database_write_finish (fixture->db, second, &second_id, &error));
  g_assert_no_error (error);

  /* In the order queued, each with the id of what it made. */
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (second_id, >, first_id);
  person = stw_person_repo_load (fixture->db, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_person_get_name (person), ==, "Jonas Weber");

  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_PERSON);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Jonas");
}

static void
test_write_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  stw_database_write_async (fixture->db, STW_ORIGIN_USER, NULL, insert_person_func,
                            (gpointer)"Anna", NULL, cancellable, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_false (stw_database_write_finish (fixture->db, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, 0);
}

static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  gint64 id = 77;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &log);

  g_assert_false (stw_database_write_sync (fixture->db, STW_ORIGIN_USER, "Doomed",
                                           insert_then_fail_func, NULL, &id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Stopped on purpose");
  g_assert_cmpint (id, ==, 77);

  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets_fts"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal_state "
                                            "WHERE batch IS NOT NULL"), ==, 0);
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_false (stw_database_get_can_undo (fixture->db));

  /* The writer goes on working. */
  add_simple_asset (fixture->db, "ThinkPad", "LT-1");
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 1);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = NULL;
  BulkInsert bulk = { 50, STW_MAX_NOTES_LENGTH, 0 };
  gint64 journal_rows, batches, pages;

  add_simple_asset (fixture->db, "Before", "BEFORE-1");
  journal_rows = peek_int (fixture->path, "SELECT count(*) FROM journal");
  batches = peek_int (fixture->path, "SELECT count(*) FROM batches");

  pages = peek_int (fixture->path, "PRAGMA page_count");
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_true (stw_database_exec_on_writer (fixture->db, pragma, &error));
  g_assert_no_error (error);

  g_assert_false (stw_database_write_sync (fixture->db, STW_ORIGIN_IMPORT, NULL,
                                           insert_assets_func, &bulk, NULL, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DISK_FULL);
  g_clear_error (&error);

  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 1);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets_fts"), ==, 1);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal"), ==, journal_rows);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, batches);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");
  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);

  /* Once there is room again, the same write goes through. */
  g_assert_true (stw_database_exec_on_writer (fixture->db, "PRAGMA max_page_count = 1073741823",
                                              &error));
  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_IMPORT, NULL,
                                          insert_assets_func, &bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 51);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-1");
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_exec_on_writer (fixture->db, "PRAGMA query_only = 1", &error));
  g_assert_no_error (error);

  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error),
                   ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, 0);
  g_assert_false (stw_database_get_can_undo (fixture->db));

  g_assert_true (stw_database_exec_on_writer (fixture->db, "PRAGMA query_only = 0", &error));
  add_asset (fixture->db, asset);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 1);
}

static void
test_changed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  gint64 site, other, asset;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &log);

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_LOCATION);

  memset (&log, 0, sizeof log);
  add_person (fixture->db, "Anna Schmidt", NULL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_PERSON);

  memset (&log, 0, sizeof log);
  asset = add_simple_asset (fixture->db, "ThinkPad", "LT-1");
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_ASSET);
  g_assert_cmpint (log.assets_seen, ==, 1);

  memset (&log, 0, sizeof log);
  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_USER, NULL,
                                          insert_site_and_person_func, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_LOCATION | STW_ENTITY_PERSON);

  /* A write that changes nothing says nothing and leaves no undo step. */
  memset (&log, 0, sizeof log);
  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_USER, "Nothing",
                                          nothing_func, NULL, NULL, &error));
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches "
                                            "WHERE description = 'Nothing'"), ==, 0);

  /* Deleting a place moves its assets: both kinds changed. */
  {
    g_autoptr(StwAsset) loaded = stw_asset_repo_load (fixture->db, asset, &error);

    stw_asset_set_location (loaded, site, NULL);
    g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, loaded,
                                               STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_LOCATION),
                                               &error), ==, asset);
    g_assert_no_error (error);
  }
  other = add_location (fixture->db, "London", STW_LOCATION_KIND_SITE, 0);
  memset (&log, 0, sizeof log);
  g_assert_true (stw_location_repo_delete_sync (fixture->db, site, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.entities, ==, STW_ENTITY_ASSET | STW_ENTITY_LOCATION);

  /* A failed write says nothing. */
  memset (&log, 0, sizeof log);
  g_assert_false (stw_location_repo_delete_sync (fixture->db, site, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_assert_cmpuint (log.count, ==, 0);
}

static void
test_integrity (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BulkInsert bulk = { 200, 100, 0 };

  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);

  add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_IMPORT, NULL,
                                          insert_assets_func, &bulk, NULL, &error));
  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);

  /* Another program, without foreign keys, points assets at nothing. */
  exec_sql (fixture->path, "PRAGMA foreign_keys = OFF;"
                           "UPDATE journal_state SET batch = 1, time = 0, origin = 'sync';"
                           "UPDATE assets SET location_id = 4242 WHERE tag = 'BULK-00007';"
                           "UPDATE journal_state SET batch = NULL, time = NULL, origin = NULL;");
  g_assert_false (stw_database_check_integrity (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "assets"));
  g_assert_nonnull (strstr (error->message, "locations"));
}

/* Two programs on one file, taking turns: each write sees the other's. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwDatabase) other = NULL;
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(StwTicket) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  other = stw_database_open (fixture->path, &error);
  g_assert_no_error (error);

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams");
  id = stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams on A4");
  stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);

  theirs = stw_ticket_repo_load (other, id, &error);
  g_assert_no_error (error);
  stw_ticket_set_text (theirs, STW_TICKET_TEXT_CATEGORY, "Printing");
  stw_ticket_repo_save_sync (other, theirs, &error);
  g_assert_no_error (error);

  /* A read left open by the first connection's last write must not make
   * this one fail as busy. */
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams on A3");
  stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM tickets "
                                            "WHERE title = 'Printer jams on A3'"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&other));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* GLib reads the XDG folders once, so this comes first. Nothing is
   * created there. (G_TEST_OPTION_ISOLATE_DIRS would do the same, but
   * GLib 2.74 leaks the folders it replaces, which LeakSanitizer cannot
   * tell from a leak of ours without full stack traces.) */
  xdg_data_home = g_build_filename (g_get_tmp_dir (), "steward-test-no-such-folder", "data", NULL);
  g_setenv ("XDG_DATA_HOME", xdg_data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) \
  g_test_add ("/steward/store/database/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open", test_open);
  ADD ("foreign-keys", test_foreign_keys);
  ADD ("reopen", test_reopen);
  g_test_add_func ("/steward/store/database/create-in-new-folder", test_create_in_new_folder);
  g_test_add_func ("/steward/store/database/odd-path", test_odd_path);
  g_test_add_func ("/steward/store/database/migrate", test_migrate);
  g_test_add_func ("/steward/store/database/not-database", test_not_database);
  g_test_add_func ("/steward/store/database/foreign-database", test_foreign_database);
  ADD ("newer-database", test_newer_database);
  ADD ("damaged-database", test_damaged_database);
  g_test_add_func ("/steward/store/database/default-path", test_default_path);
  ADD ("write-async", test_write_async);
  ADD ("write-cancelled", test_write_cancelled);
  ADD ("write-fails", test_write_fails);
  ADD ("disk-full", test_disk_full);
  ADD ("read-only", test_read_only);
  ADD ("changed", test_changed);
  ADD ("integrity", test_integrity);
  ADD ("two-writers", test_two_writers);

#undef ADD

  result = g_test_run ();
  g_free (xdg_data_home);
  return result;
}
