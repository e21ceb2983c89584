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
#include <string.h>

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

/* The first toplevel window of @type, or %NULL. */
static inline GtkWindow *
stw_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static inline gboolean
stw_test_has_toplevel (gpointer data)
{
  return stw_test_find_toplevel ((GType)GPOINTER_TO_SIZE (data)) != NULL;
}

/* Waits for a window of @type to open, as an action opens a dialog. */
static inline GtkWindow *
stw_test_wait_for_toplevel (GType type)
{
  stw_test_wait_for (stw_test_has_toplevel, GSIZE_TO_POINTER (type), g_type_name (type));
  return stw_test_find_toplevel (type);
}

static inline gboolean
stw_test_no_toplevel (gpointer data)
{
  return stw_test_find_toplevel ((GType)GPOINTER_TO_SIZE (data)) == NULL;
}

/* Waits for every window of @type to be gone. */
static inline void
stw_test_wait_for_no_toplevel (GType type)
{
  stw_test_wait_for (stw_test_no_toplevel, GSIZE_TO_POINTER (type), "the window to close");
}

/* The first widget under @root (itself included) that is a @type and,
 * for a preferences row, has @title; depth first, as the tree is. */
static inline GtkWidget *
stw_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       (ADW_IS_PREFERENCES_ROW (root) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = stw_test_find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label under @root, on screen (mapped: not on a hidden stack page),
 * whose text contains @text: what a person reads, such as a toast. */
static inline GtkLabel *
stw_test_find_label (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = stw_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} StwTestLabel;

static inline gboolean
stw_test_has_label (gpointer data)
{
  StwTestLabel *label = data;

  return stw_test_find_label (label->root, label->text) != NULL;
}

/* Waits until @root shows a label with @text, such as a toast. */
static inline void
stw_test_wait_for_label (GtkWidget  *root,
                         const char *text)
{
  StwTestLabel label = { root, text };
  g_autofree char *what = g_strdup_printf ("a label reading “%s”", text);

  stw_test_wait_for (stw_test_has_label, &label, what);
}

static inline GtkWidget *
stw_test_find_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = stw_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/*
 * Clicks the button of @response, as a person would: the dialog closes
 * (or hides) and then responds. Returns %FALSE, doing nothing, when the
 * button cannot be clicked.
 */
static inline gboolean
stw_test_click_response (AdwMessageDialog *dialog,
                         const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button = stw_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  if (!gtk_widget_is_sensitive (button))
    return FALSE;

  g_signal_emit_by_name (button, "clicked");
  return TRUE;
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

static inline gboolean
stw_test_pointer_is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/*
 * Drops the last reference to @object and waits for it to be finalized,
 * failing after ten seconds: like g_assert_finalize_object(), for objects
 * that work still under way (a query on a worker thread whose result is
 * not back yet) holds for a moment longer.
 */
static inline void
stw_test_wait_finalized (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  stw_test_wait_for (stw_test_pointer_is_null, &weak, "the last reference to be dropped");
}

static inline void
stw_test_db_free (StwTestDb *test_db)
{
  stw_test_wait_finalized (test_db->db);
  stw_test_remove_tree (test_db->dir);
  g_free (test_db->path);
  g_free (test_db->dir);
  g_free (test_db);
}
