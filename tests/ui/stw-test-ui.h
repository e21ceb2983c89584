/* stw-test-ui.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "store/stw-database.h"

/* Shared by the widget tests: start GTK, make a scratch database, and
 * wait for the main loop to reach a state without sleeping blindly. */

typedef gboolean (*StwTestCondition) (gpointer data);

static inline void
stw_test_ui_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "");
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_test_set_nonfatal_assertions ();
}

static inline gboolean
stw_test_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds; fails the test after
 * ten seconds. */
static inline void
stw_test_wait_for (StwTestCondition  condition,
                   gpointer          data,
                   const char       *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, stw_test_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (source);
}

/* Lets pending idle work and async completions run. */
static inline void
stw_test_flush (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

typedef struct
{
  char        *dir;
  char        *path;
  StwDatabase *db;
} StwTestDb;

static inline StwTestDb *
stw_test_db_new (void)
{
  g_autoptr(GError) error = NULL;
  StwTestDb *test_db = g_new0 (StwTestDb, 1);

  test_db->dir = g_dir_make_tmp ("steward-ui-XXXXXX", &error);
  g_assert_no_error (error);
  test_db->path = g_build_filename (test_db->dir, "test.db", NULL);
  test_db->db = stw_database_open (test_db->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (test_db->db);

  return test_db;
}

static inline void
stw_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        stw_test_remove_tree (path);
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

static inline void
stw_test_db_free (StwTestDb *test_db)
{
  g_assert_finalize_object (test_db->db);
  stw_test_remove_tree (test_db->dir);
  g_free (test_db->path);
  g_free (test_db->dir);
  g_free (test_db);
}
