/* test-cli.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "store/stw-asset-repo.h"
#include "store/stw-database.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"
#include "store/stw-sample-data.h"
#include "store/stw-stats.h"

/*
 * steward-cli as a script runs it: the built binary in a child process,
 * its exit code, what it prints, and the database it leaves, read back
 * through the store.
 */

#ifndef STEWARD_CLI
# error "STEWARD_CLI must name the built steward-cli"
#endif

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_PARTIAL = 3,
};

typedef struct
{
  char  *dir;
  char  *db;       /* where -d points; not created by the fixture */
  char **envp;
  char  *out;      /* of the last run */
  char  *err;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fixture->dir = g_dir_make_tmp ("steward-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "steward.db", NULL);

  /* A run that names no database must not reach the real data folder. */
  data_home = g_build_filename (fixture->dir, "data", NULL);
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_unsetenv (fixture->envp, STW_DATABASE_ENV);
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_HOME", data_home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "LC_ALL", "C.UTF-8", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->envp, g_strfreev);
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
}

/* Runs steward-cli with the NULL-terminated arguments; returns its exit
 * code, with its output in fixture->out and fixture->err. */
static int
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)STEWARD_CLI);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_spawn_sync (fixture->dir, (char **)argv->pdata, fixture->envp, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &status, &error);
  g_assert_no_error (error);

  /* A crash, or a leak the sanitizer found, is never an answer. */
  if (!WIFEXITED (status))
    g_error ("steward-cli %s died:\n%s", first, fixture->err);
  if (strstr (fixture->err, "Sanitizer") != NULL || strstr (fixture->err, "runtime error") != NULL)
    g_error ("steward-cli %s:\n%s", first, fixture->err);
  /* Nor are warnings. */
  if (strstr (fixture->err, "-WARNING") != NULL || strstr (fixture->err, "-CRITICAL") != NULL)
    g_error ("steward-cli %s warned:\n%s", first, fixture->err);

  return WEXITSTATUS (status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, haystack);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static StwDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  StwDatabase *db;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  db = stw_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static StwStats
stats_of (const char *path)
{
  g_autoptr(StwDatabase) db = open_db (path);
  g_autoptr(GError) error = NULL;
  StwStats stats;

  g_assert_true (stw_stats_read (db, &stats, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
  return stats;
}

static StwAsset *
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
  return asset;
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

#define GOOD_CSV \
  "Asset Tag,Name,Category,Status,Location,Checked Out To,Purchase Date,Purchase Cost,Notes\n" \
  "LT-0001,Anna's laptop,Laptops,Deployed,Berlin › HQ › Room 1,Anna Schmidt,2024-01-15," \
  "1299.00,\"Keyboard, new\"\n" \
  "SW-0001,Core switch,Switches,Ready to Deploy,Berlin › HQ › Server Room,,2023-12-31,899,\n" \
  "PH-0001,Phone,Mobile Phones,Out for Repair,Hamburg,anna schmidt,,,\n"

/* ------------------------------------------------------------------------ */
/* Usage                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *commands[] = { "import", "export", "stats", "check", "sample" };

  g_assert_cmpint (run (fixture, NULL), ==, EXIT_USAGE);
  assert_contains (fixture->err, "Usage: steward-cli COMMAND");

  g_assert_cmpint (run (fixture, "--help", NULL), ==, EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("  %-8s ", commands[i]);

      assert_contains (fixture->out, line);
    }
  g_assert_cmpstr (fixture->err, ==, "");

  g_assert_cmpint (run (fixture, "--version", NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, "steward-cli " PACKAGE_VERSION "\n");

  g_assert_cmpint (run (fixture, "frobnicate", NULL), ==, EXIT_USAGE);
  assert_contains (fixture->err, "“frobnicate” is not a command");
  g_assert_cmpstr (fixture->out, ==, "");

  g_assert_cmpint (run (fixture, "import", "--help", NULL), ==, EXIT_OK);
  assert_contains (fixture->out, "--dry-run");
}

static void
test_wrong_usage (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "assets.csv", GOOD_CSV);
  static const struct { const char *args[6]; const char *message; } cases[] = {
    { { "import", "--bogus", "assets.csv" }, "--bogus" },
    { { "import" }, "Name one CSV file" },
    { { "import", "a.csv", "b.csv" }, "Name one CSV file" },
    { { "import", "--delimiter", "pipe", "assets.csv" },
      "Unknown delimiter “pipe”; use one of: comma, semicolon, tab." },
    { { "import", "--encoding", "utf-16", "assets.csv" },
      "Unknown encoding “utf-16”; use one of: utf-8, windows-1252." },
    { { "import", "--date-format", "ymd", "missing.csv" },
      "Unknown date format “ymd”; use one of: iso, dmy, mdy." },
    { { "export", "--format", "xml" }, "Unknown format “xml”; use one of: csv, json." },
    { { "export", "out.csv" }, "--output" },
    { { "export", "--status", "broken" }, "Unknown status" },
    { { "export", "--category", "toaster" }, "Unknown category" },
    { { "export", "--sort", "colour" }, "Unknown sort column" },
    { { "stats", "extra" }, "no arguments" },
    { { "check", "--fix" }, "--fix" },
    { { "sample", "extra" }, "no arguments" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *a = cases[i].args;
      int status = run (fixture, a[0], "-d", fixture->db, a[1], a[2], a[3], a[4], a[5], NULL);

      if (status != EXIT_USAGE)
        g_error ("Case %u (%s %s) exited with %d:\n%s", i, a[0], a[1], status, fixture->err);
      assert_contains (fixture->err, cases[i].message);
      /* The help follows the message. */
      assert_contains (fixture->err, "Usage:");
      g_assert_cmpstr (fixture->out, ==, "");
    }

  /* Not one of them touched a database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------ */
/* sample, stats, check                                                     */
/* ------------------------------------------------------------------------ */

static void
test_sample_stats (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *expected = NULL;
  StwStats stats;
  gint64 sum = 0;

  g_assert_cmpint (run (fixture, "sample", "-d", fixture->db, NULL), ==, EXIT_OK);
  expected = g_strdup_printf ("Loaded the sample inventory into %s.\n", fixture->db);
  g_assert_cmpstr (fixture->out, ==, expected);
  g_assert_cmpstr (fixture->err, ==, "");

  stats = stats_of (fixture->db);
  g_assert_cmpint (stats.n_assets, ==, STW_SAMPLE_N_ASSETS);

  g_assert_cmpint (run (fixture, "stats", "-d", fixture->db, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, fixture->db));

  /* Every count as the store reads it. */
#define ASSERT_LINE(fmt, ...) \
  G_STMT_START { \
    g_autofree char *line = g_strdup_printf (fmt, __VA_ARGS__); \
    assert_contains (fixture->out, line); \
  } G_STMT_END
  ASSERT_LINE ("\nAssets:     %" G_GINT64_FORMAT "\n", stats.n_assets);
  for (guint i = 0; i < STW_N_ASSET_STATUSES; i++)
    {
      ASSERT_LINE ("\n  %-16s%" G_GINT64_FORMAT "\n", stw_asset_status_to_key (i),
                   stats.by_status[i]);
      sum += stats.by_status[i];
    }
  g_assert_cmpint (sum, ==, STW_SAMPLE_N_ASSETS);
  for (guint i = 0; i < STW_N_ASSET_CATEGORIES; i++)
    ASSERT_LINE ("\n  %-16s%" G_GINT64_FORMAT "\n", stw_asset_category_to_key (i),
                 stats.by_category[i]);
  ASSERT_LINE ("\nLocations:  %" G_GINT64_FORMAT "\n", stats.n_locations);
  ASSERT_LINE ("\nPeople:     %" G_GINT64_FORMAT "\n", stats.n_people);
  ASSERT_LINE ("\nChanges:    %" G_GINT64_FORMAT " in %" G_GINT64_FORMAT " steps\n",
               stats.n_changes, stats.n_batches);
#undef ASSERT_LINE
  g_assert_cmpint (stats.n_locations, >, 0);
  g_assert_cmpint (stats.n_people, >, 0);
  assert_contains (fixture->out, "\nSize:       ");

  /* The sample inventory is for an empty database: its tags are taken
   * now, so a second load fails and changes nothing. */
  g_assert_cmpint (run (fixture, "sample", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "steward-cli: cannot load the sample inventory: ");
  g_assert_cmpint (stats_of (fixture->db).n_assets, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (stats_of (fixture->db).n_batches, ==, stats.n_batches);
}

static void
test_database_from_environment (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *default_path = g_build_filename (fixture->dir, "data", "steward", "steward.db",
                                                    NULL);

  fixture->envp = g_environ_setenv (fixture->envp, STW_DATABASE_ENV, fixture->db, TRUE);
  g_assert_cmpint (run (fixture, "sample", NULL), ==, EXIT_OK);
  g_assert_cmpint (stats_of (fixture->db).n_assets, ==, STW_SAMPLE_N_ASSETS);

  /* Without either, the user's data folder. */
  fixture->envp = g_environ_unsetenv (fixture->envp, STW_DATABASE_ENV);
  g_assert_cmpint (run (fixture, "sample", NULL), ==, EXIT_OK);
  assert_contains (fixture->out, default_path);
  g_assert_cmpint (stats_of (default_path).n_assets, ==, STW_SAMPLE_N_ASSETS);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* No database there: said so, and none made. */
  g_assert_cmpint (run (fixture, "check", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "There is no database at");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (fixture, "stats", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (fixture, "sample", "-d", fixture->db, NULL), ==, EXIT_OK);
  g_assert_cmpint (run (fixture, "check", "-d", fixture->db, NULL), ==, EXIT_OK);
  expected = g_strdup_printf ("%s: no problems found.\n", fixture->db);
  g_assert_cmpstr (fixture->out, ==, expected);
  g_assert_cmpstr (fixture->err, ==, "");

  /* Everything is in the main file once steward-cli is done. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_file_get_contents (fixture->db, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  /* A record that points at nothing: SQLite's own check of the file
   * passes, Steward's does not. */
  exec_sql (copy,
            "UPDATE journal_state SET batch = (SELECT max(id) FROM batches), time = 0, "
            "  origin = 'user';"
            "UPDATE assets SET person_id = 999999 WHERE id = (SELECT min(id) FROM assets);"
            "UPDATE journal_state SET batch = NULL, time = NULL, origin = NULL;");
  g_assert_cmpint (run (fixture, "check", "-d", copy, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "The database has problems");
  assert_contains (fixture->err, "refers to a missing record in people");
  g_assert_cmpstr (fixture->out, ==, "");

  /* Pages of garbage in the middle of the file. */
  g_assert_cmpuint (length, >, 16 * 4096);
  memset (contents + 4 * 4096, 0x5a, 8 * 4096);
  g_file_set_contents (fixture->db, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (fixture, "check", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "damaged");
  assert_contains (fixture->err, "steward.db");
  g_assert_cmpstr (fixture->out, ==, "");

  /* Not a database at all. */
  g_file_set_contents (fixture->db, "tag,name\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (fixture, "check", "-d", fixture->db, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "not a Steward database");
}

/* ------------------------------------------------------------------------ */
/* import                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "assets.csv", GOOD_CSV);
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwAsset) laptop = NULL;
  g_autoptr(StwAsset) phone = NULL;
  g_autoptr(StwLocation) room = NULL;
  g_autoptr(StwPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  StwStats stats;

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, "assets.csv", NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, "3 assets added, 0 updated, 0 rows refused.\n");
  g_assert_cmpstr (fixture->err, ==, "");

  db = open_db (fixture->db);
  laptop = load_by_tag (db, "LT-0001");
  g_assert_cmpstr (stw_asset_get_name (laptop), ==, "Anna's laptop");
  g_assert_cmpint (stw_asset_get_category (laptop), ==, STW_ASSET_CATEGORY_LAPTOP);
  g_assert_cmpint (stw_asset_get_status (laptop), ==, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpint (stw_asset_get_purchase_cost (laptop), ==, 129900);
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_NOTES), ==, "Keyboard, new");
  room = stw_location_repo_load (db, stw_asset_get_location_id (laptop), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_location_get_name (room), ==, "Room 1");
  g_assert_cmpint (stw_location_get_kind (room), ==, STW_LOCATION_KIND_ROOM);
  person = stw_person_repo_load (db, stw_asset_get_person_id (laptop), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_person_get_name (person), ==, "Anna Schmidt");

  phone = load_by_tag (db, "PH-0001");
  g_assert_cmpint (stw_asset_get_person_id (phone), ==, stw_asset_get_person_id (laptop));
  g_assert_cmpint (stw_asset_get_status (phone), ==, STW_ASSET_STATUS_IN_REPAIR);

  g_assert_true (stw_stats_read (db, &stats, &error));
  g_assert_cmpint (stats.n_assets, ==, 3);
  g_assert_cmpint (stats.n_locations, ==, 5);
  g_assert_cmpint (stats.n_people, ==, 1);
  g_assert_cmpint (stats.n_batches, ==, 1);
  /* The command line's import is one undo step in the application. */
  g_assert_cmpstr (stw_database_get_undo_description (db), ==, "Import “assets.csv”");
  g_assert_finalize_object (g_steal_pointer (&db));

  /* Again: the same assets, updated. */
  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, csv, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, "0 assets added, 3 updated, 0 rows refused.\n");
  g_assert_cmpint (stats_of (fixture->db).n_assets, ==, 3);
}

static void
test_import_partial (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "partial.csv",
                                    "tag,name,purchase_date,purchase_cost\n"
                                    "A1,Good,2024-01-01,10\n"
                                    "A2,Bad date,2024-02-30,10\n"
                                    "A3,Good too,,\n"
                                    "A4,Negative,,-3\n"
                                    "A1,Twice,,\n");
  g_autoptr(StwDatabase) db = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, csv, NULL), ==, EXIT_PARTIAL);
  g_assert_cmpstr (fixture->out, ==, "2 assets added, 0 updated, 3 rows refused.\n");

  /* One line each, in file order, saying where and why. */
  lines = g_strsplit (fixture->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "Line 3: "));
  assert_contains (lines[0], "2024-02-30");
  g_assert_true (g_str_has_prefix (lines[1], "Line 5: "));
  assert_contains (lines[1], "negative");
  g_assert_true (g_str_has_prefix (lines[2], "Line 6: "));
  assert_contains (lines[2], "already on line 2");
  g_assert_cmpstr (lines[3], ==, "");

  db = open_db (fixture->db);
  g_assert_cmpint (stw_asset_repo_count (db), ==, 2);
  g_assert_cmpint (stw_asset_repo_find_by_tag (db, "A2"), ==, 0);
  g_assert_cmpint (stw_asset_repo_find_by_tag (db, "A3"), >, 0);
  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_import_all_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "bad.csv",
                                    "tag,name,status\n"
                                    "A1,One,Frobnicated\n"
                                    ",Two,deployed\n");

  /* Nothing imported is a failure, not a partial success. */
  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, csv, NULL), ==, EXIT_FAILED);
  g_assert_cmpstr (fixture->out, ==, "0 assets added, 0 updated, 2 rows refused.\n");
  assert_contains (fixture->err, "Line 2: ");
  assert_contains (fixture->err, "Line 3: ");
  g_assert_cmpint (stats_of (fixture->db).n_assets, ==, 0);
  g_assert_cmpint (stats_of (fixture->db).n_batches, ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "partial.csv",
                                    "tag,name,purchase_date\n"
                                    "A1,Good,2024-01-01\n"
                                    "A2,Bad date,2024-02-30\n"
                                    "A3,Good too,\n");
  g_autofree char *good = write_csv (fixture, "good.csv", GOOD_CSV);
  StwStats before, after;

  /* A check needs no database, and makes none. */
  g_assert_cmpint (run (fixture, "import", "--dry-run", "-d", fixture->db, csv, NULL), ==,
                   EXIT_PARTIAL);
  g_assert_cmpstr (fixture->out, ==, "3 rows, 2 can be imported, 1 refused.\n");
  g_assert_true (g_str_has_prefix (fixture->err, "Line 3: "));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (fixture, "import", "-n", "-d", fixture->db, good, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, "3 rows, 3 can be imported, 0 refused.\n");
  g_assert_cmpstr (fixture->err, ==, "");

  /* Nor does it change one. */
  g_assert_cmpint (run (fixture, "sample", "-d", fixture->db, NULL), ==, EXIT_OK);
  before = stats_of (fixture->db);
  g_assert_cmpint (run (fixture, "import", "--dry-run", "-d", fixture->db, good, NULL), ==,
                   EXIT_OK);
  after = stats_of (fixture->db);
  g_assert_cmpint (after.n_assets, ==, before.n_assets);
  g_assert_cmpint (after.n_changes, ==, before.n_changes);
  g_assert_cmpint (after.n_batches, ==, before.n_batches);
}

static void
test_import_failures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *header = write_csv (fixture, "header.csv", "tag,name\n");
  g_autofree char *utf16 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, "missing.csv", NULL), ==,
                   EXIT_FAILED);
  g_assert_true (g_str_has_prefix (fixture->err, "steward-cli: missing.csv: "));
  assert_contains (fixture->err, "No such file");
  g_assert_cmpstr (fixture->out, ==, "");

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, header, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "header but no rows");

  utf16 = g_build_filename (fixture->dir, "unicode.txt", NULL);
  g_file_set_contents (utf16, "\xFF\xFEt\0a\0g\0\n\0A\0\n\0", 14, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, utf16, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "UTF-16");

  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_import_options (Fixture       *fixture,
                     gconstpointer  data)
{
  /* More commas than semicolons on every line: the sniffer takes commas. */
  g_autofree char *csv = write_csv (fixture, "europe.csv",
                                    "Asset Tag;Name;Purchase Date;a, b, c, d, e\n"
                                    "A1;Caf\xE9, X1;03/04/2024;1, 2, 3, 4\n");
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwAsset) asset = NULL;

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, csv, NULL), ==, EXIT_FAILED);
  assert_contains (fixture->err, "asset tag");

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, "--delimiter", "semicolon",
                        "--encoding", "windows-1252", "--date-format", "mdy", csv, NULL), ==,
                   EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, "1 assets added, 0 updated, 0 rows refused.\n");

  db = open_db (fixture->db);
  asset = load_by_tag (db, "A1");
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "Café, X1");
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2024-03-04");
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* ------------------------------------------------------------------------ */
/* export                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "assets.csv", GOOD_CSV);
  g_autofree char *json_path = g_build_filename (fixture->dir, "assets.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_cmpint (run (fixture, "import", "-d", fixture->db, csv, NULL), ==, EXIT_OK);

  /* To standard output, in the list's default order: by name. */
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, "tag,name,serial,category,status,"));
  assert_contains (fixture->out, "\r\nLT-0001,Anna's laptop,,laptop,deployed,,,"
                                 "Berlin › HQ › Room 1,Anna Schmidt,2024-01-15,1299.00,,,,"
                                 "\"Keyboard, new\",");
  g_assert_true (strstr (fixture->out, "LT-0001") < strstr (fixture->out, "SW-0001"));
  g_assert_true (strstr (fixture->out, "SW-0001") < strstr (fixture->out, "PH-0001"));
  first = g_strdup (fixture->out);

  /* Filters and sort. */
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--sort", "tag", "--descending",
                        NULL), ==, EXIT_OK);
  g_assert_true (strstr (fixture->out, "SW-0001") < strstr (fixture->out, "PH-0001"));
  g_assert_true (strstr (fixture->out, "PH-0001") < strstr (fixture->out, "LT-0001"));
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--descending", NULL), ==, EXIT_OK);
  g_assert_true (strstr (fixture->out, "PH-0001") < strstr (fixture->out, "SW-0001"));
  g_assert_true (strstr (fixture->out, "SW-0001") < strstr (fixture->out, "LT-0001"));
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--status", "in-repair", NULL), ==,
                   EXIT_OK);
  g_assert_null (strstr (fixture->out, "LT-0001"));
  assert_contains (fixture->out, "PH-0001");
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--category", "network", NULL), ==,
                   EXIT_OK);
  g_assert_null (strstr (fixture->out, "PH-0001"));
  assert_contains (fixture->out, "SW-0001");
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--search", "anna", NULL), ==,
                   EXIT_OK);
  assert_contains (fixture->out, "LT-0001");
  g_assert_null (strstr (fixture->out, "SW-0001"));

  /* JSON into a file. */
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "--format", "JSON", "-o", json_path,
                        NULL), ==, EXIT_OK);
  expected = g_strdup_printf ("3 assets written to %s.\n", json_path);
  g_assert_cmpstr (fixture->out, ==, expected);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "tag"),
                   ==, "LT-0001");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "location"), ==, "Berlin › HQ › Room 1");

  /* Into a folder that is not there: said, and exit 1. */
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "-o", "no/such/folder/x.csv", NULL),
                   ==, EXIT_FAILED);
  assert_contains (fixture->err, "no/such/folder/x.csv");
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *first_out = NULL;

  /* The whole sample inventory, out and in again. */
  g_assert_cmpint (run (fixture, "sample", "-d", fixture->db, NULL), ==, EXIT_OK);
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, "-o", exported, NULL), ==, EXIT_OK);
  g_assert_cmpint (run (fixture, "export", "-d", fixture->db, NULL), ==, EXIT_OK);
  first_out = g_steal_pointer (&fixture->out);

  g_assert_cmpint (run (fixture, "import", "-d", second, exported, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_cmpint (run (fixture, "export", "-d", second, NULL), ==, EXIT_OK);
  g_assert_cmpstr (fixture->out, ==, first_out);

  g_assert_cmpint (stats_of (second).n_assets, ==, STW_SAMPLE_N_ASSETS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add ("/steward/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  add_test ("usage", test_usage);
  add_test ("wrong-usage", test_wrong_usage);
  add_test ("sample-stats", test_sample_stats);
  add_test ("database-from-environment", test_database_from_environment);
  add_test ("check", test_check);
  add_test ("import", test_import);
  add_test ("import-partial", test_import_partial);
  add_test ("import-all-refused", test_import_all_refused);
  add_test ("dry-run", test_dry_run);
  add_test ("import-failures", test_import_failures);
  add_test ("import-options", test_import_options);
  add_test ("export", test_export);
  add_test ("round-trip", test_round_trip);

#undef add_test

  return g_test_run ();
}
