/* test-database-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "stw-test-ui.h"
#include "core/stw-error.h"
#include "store/stw-sample-data.h"
#include "ui/stw-database-dialog.h"

/*
 * The dialog shown for a file that cannot be opened, made from the real
 * error of stw_database_open() on each kind of file a person may have:
 * the refused file must come out of it byte for byte as it went in.
 */

typedef void (*MakeFile) (const char *path);

typedef struct
{
  const char *name;
  const char *file_name;
  MakeFile    make;
  int         code;
  const char *heading;
} Case;

typedef struct
{
  char              *dir;
  char              *path;
  char              *checksum;
  GStrv              files;
  GError            *error;
  StwDatabaseDialog *dialog;
  gboolean           done;
  char              *done_path;
} Fixture;

/* ------------------------------------------------------------------------ */

static void
make_text_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Inventory, written down by hand:\nLT-0001 laptop\n", -1, &error);
  g_assert_no_error (error);
}

static void
make_steward_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = stw_database_open (path, &error);

  g_assert_no_error (error);
  stw_sample_data_load_sync (db, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A real Steward database with pages in the middle overwritten, as a
 * failing disk or a crashed copy leaves it. */
static void
make_damaged_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length, page = 4096;

  make_steward_database (path);
  /* Back to a single file: no WAL beside it to mend what is damaged. */
  exec_sql (path, "PRAGMA journal_mode = DELETE");

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * page);

  for (gsize i = length / 2 - 4 * page; i < length / 2 + 4 * page; i++)
    contents[i] = (char)(i * 131 + 17);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
make_newer_database (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          stw_database_schema_version () + 1);

  make_steward_database (path);
  exec_sql (path, sql);
}

static void
make_foreign_database (const char *path)
{
  exec_sql (path, "CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT);"
                  "INSERT INTO moz_bookmarks (title) VALUES ('GNOME');");
}

static const Case cases[] = {
  { "text-file", "inventory.txt", make_text_file, STW_ERROR_NOT_DATABASE,
    "Not a Steward Database" },
  { "damaged", "steward.db", make_damaged_database, STW_ERROR_DAMAGED, "Damaged Database" },
  { "newer", "steward.db", make_newer_database, STW_ERROR_NEWER_DATABASE,
    "Database From a Newer Steward" },
  { "foreign", "places.sqlite", make_foreign_database, STW_ERROR_FOREIGN_DATABASE,
    "Database of Another Program" },
};

/* ------------------------------------------------------------------------ */

static char *
checksum_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static GStrv
list_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static GStrv
sorted_files (const char *dir)
{
  GStrv files = list_files (dir);

  qsort (files, g_strv_length (files), sizeof (char *), compare_strings);
  return files;
}

static void
done_cb (StwDatabaseDialog *dialog,
         const char        *path,
         Fixture           *fixture)
{
  g_assert_false (fixture->done);
  fixture->done = TRUE;
  fixture->done_path = g_strdup (path);
}

/* Makes the file of @test_case, opens it as Steward would, and shows the
 * dialog made from the refusal. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Case *test_case = data;
  g_autoptr(GError) error = NULL;
  StwDatabase *db;

  fixture->dir = g_dir_make_tmp ("steward-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, test_case->file_name, NULL);
  test_case->make (fixture->path);

  fixture->checksum = checksum_of (fixture->path);
  fixture->files = sorted_files (fixture->dir);

  db = stw_database_open (fixture->path, &fixture->error);
  g_assert_null (db);
  g_assert_error (fixture->error, STW_ERROR, test_case->code);

  fixture->dialog = g_object_ref_sink (stw_database_dialog_new (fixture->path, fixture->error));
  g_signal_connect (fixture->dialog, "done", G_CALLBACK (done_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) files = NULL;
  g_autofree char *checksum = NULL;

  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  stw_test_flush ();
  g_assert_finalize_object (fixture->dialog);

  /* Whatever happened, the refused file is as it was and nothing was
   * made beside it. */
  checksum = checksum_of (fixture->path);
  g_assert_cmpstr (checksum, ==, fixture->checksum);
  files = sorted_files (fixture->dir);
  g_assert_cmpstrv (files, fixture->files);

  stw_test_remove_tree (fixture->dir);
  g_clear_error (&fixture->error);
  g_strfreev (fixture->files);
  g_free (fixture->checksum);
  g_free (fixture->done_path);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------------ */

static void
test_explains (Fixture       *fixture,
               gconstpointer  data)
{
  const Case *test_case = data;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (fixture->dialog);
  g_autofree char *base = g_path_get_basename (fixture->path);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, test_case->heading);
  /* The reason, naming the file, and where a new database would go. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->error->message));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), base));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            stw_database_dialog_get_new_path (fixture->dialog)));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog), test_case->heading));
  /* Whatever the file was, the way out is a new database. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "new");
  g_assert_false (fixture->done);
}

static void
test_create_new (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  char *dot;

  base = g_path_get_basename (fixture->path);
  dot = strrchr (base, '.');
  *dot = '\0';
  expected = g_strdup_printf ("%s-new.db", base);

  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "new"));
  g_assert_true (fixture->done);
  g_assert_nonnull (fixture->done_path);

  /* Beside the refused file, and a file that did not exist. */
  dir = g_path_get_dirname (fixture->done_path);
  g_free (base);
  base = g_path_get_basename (fixture->done_path);
  g_assert_cmpstr (dir, ==, fixture->dir);
  g_assert_cmpstr (base, ==, expected);
  g_assert_false (g_file_test (fixture->done_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (fixture->done_path, ==, stw_database_dialog_get_new_path (fixture->dialog));

  /* It is a place a database can be made. */
  db = stw_database_open (fixture->done_path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
  g_unlink (fixture->done_path);
}

static void
test_quit (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "quit"));
  g_assert_true (fixture->done);
  g_assert_null (fixture->done_path);
}

static void
test_escape_quits (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  g_assert_true (fixture->done);
  g_assert_null (fixture->done_path);
}

static gboolean
chooser_open (gpointer data)
{
  return stw_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
dialog_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_open_other_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *chooser;

  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "open"));
  stw_test_wait_for (chooser_open, NULL, "the file chooser");
  chooser = stw_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* Cancelling the chooser comes back to the question. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  stw_test_wait_for (dialog_visible, fixture->dialog, "the dialog to come back");
  g_assert_false (fixture->done);
}

static void
test_new_path_taken (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabaseDialog) dialog = NULL;
  g_autofree char *taken = g_strdup (stw_database_dialog_get_new_path (fixture->dialog));
  g_autofree char *base = NULL;

  /* Never over an earlier “-new” file, which may hold work. */
  g_file_set_contents (taken, "earlier", -1, &error);
  g_assert_no_error (error);
  dialog = g_object_ref_sink (stw_database_dialog_new (fixture->path, fixture->error));
  base = g_path_get_basename (stw_database_dialog_get_new_path (dialog));
  g_assert_true (g_str_has_suffix (base, "-new-2.db"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  g_unlink (taken);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      static const struct
      {
        const char *name;
        void (*func) (Fixture *, gconstpointer);
      } tests[] = {
        { "explains", test_explains },
        { "create-new", test_create_new },
        { "quit", test_quit },
        { "escape-quits", test_escape_quits },
        { "open-other-cancelled", test_open_other_cancelled },
        { "new-path-taken", test_new_path_taken },
      };

      for (guint j = 0; j < G_N_ELEMENTS (tests); j++)
        {
          g_autofree char *path = g_strdup_printf ("/steward/ui/database-dialog/%s/%s",
                                                   cases[i].name, tests[j].name);

          g_test_add (path, Fixture, &cases[i], fixture_set_up, tests[j].func, fixture_tear_down);
        }
    }

  return g_test_run ();
}
