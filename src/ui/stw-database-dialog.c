/* stw-database-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-database-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-database-dialog.h"
#include "core/stw-error.h"

/*
 * Shown when a database cannot be opened: says why, and offers to open
 * another file or to start a new database beside the refused one, which
 * is never touched.
 */

struct _StwDatabaseDialog
{
  AdwMessageDialog      parent_instance;

  char                 *path;
  char                 *new_path;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (StwDatabaseDialog, stw_database_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

/*
 * “steward.db” → “steward-new.db”, then “steward-new-2.db”, … The new
 * file is a Steward database whatever the refused one was, so it ends in
 * “.db”, not in “.txt” or in another program's extension.
 */
static char *
find_new_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s-new.db", base)
                                     : g_strdup_printf ("%s-new-%u.db", base, i);
      char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;

      g_free (candidate);
    }
}

static const char *
heading_for (const GError *error)
{
  if (error == NULL || error->domain != STW_ERROR)
    return _("Cannot Open the Database");

  switch ((StwError)error->code)
    {
    case STW_ERROR_NOT_DATABASE:
      return _("Not a Steward Database");
    case STW_ERROR_FOREIGN_DATABASE:
      return _("Database of Another Program");
    case STW_ERROR_NEWER_DATABASE:
      return _("Database From a Newer Steward");
    case STW_ERROR_DAMAGED:
      return _("Damaged Database");
    case STW_ERROR_FAILED:
    case STW_ERROR_INVALID:
    case STW_ERROR_REQUIRED:
    case STW_ERROR_DUPLICATE:
    case STW_ERROR_NOT_FOUND:
    case STW_ERROR_IN_USE:
    case STW_ERROR_READ_ONLY:
    case STW_ERROR_DISK_FULL:
    case STW_ERROR_NOTHING_TO_UNDO:
    default:
      return _("Cannot Open the Database");
    }
}

/* ------------------------------------------------------------------------ */

static void
chooser_response_cb (StwDatabaseDialog *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  g_clear_object (&self->chooser);

  if (path != NULL)
    g_signal_emit (self, signals[DONE], 0, path);
  else
    gtk_window_present (GTK_WINDOW (self));
}

static void
choose_other_file (StwDatabaseDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Open a Steward Database"),
                                               NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Steward Databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
stw_database_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  StwDatabaseDialog *self = STW_DATABASE_DIALOG (dialog);

  if (g_strcmp0 (response, "open") == 0)
    choose_other_file (self);
  else if (g_strcmp0 (response, "new") == 0)
    g_signal_emit (self, signals[DONE], 0, self->new_path);
  else
    g_signal_emit (self, signals[DONE], 0, NULL);
}

/* ------------------------------------------------------------------------ */

static void
stw_database_dialog_dispose (GObject *object)
{
  StwDatabaseDialog *self = (StwDatabaseDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (stw_database_dialog_parent_class)->dispose (object);
}

static void
stw_database_dialog_finalize (GObject *object)
{
  StwDatabaseDialog *self = (StwDatabaseDialog *)object;

  g_free (self->path);
  g_free (self->new_path);

  G_OBJECT_CLASS (stw_database_dialog_parent_class)->finalize (object);
}

static void
stw_database_dialog_class_init (StwDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = stw_database_dialog_dispose;
  object_class->finalize = stw_database_dialog_finalize;
  dialog_class->response = stw_database_dialog_response;

  /**
   * StwDatabaseDialog::done:
   * @path: (nullable): the database to open now, or %NULL to give up
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
stw_database_dialog_init (StwDatabaseDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  /* Hidden, not destroyed, on a response: “Open Other File…” may come
   * back to it when the file chooser is cancelled. */
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "open", _("_Open Other File…"),
                                    "new", _("_Create New Database"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "new");
  adw_message_dialog_set_close_response (dialog, "quit");
}

/**
 * stw_database_dialog_new:
 * @path: the database that could not be opened
 * @error: why
 */
StwDatabaseDialog *
stw_database_dialog_new (const char   *path,
                         const GError *error)
{
  StwDatabaseDialog *self;
  g_autofree char *body = NULL;
  g_autofree char *new_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (STW_TYPE_DATABASE_DIALOG, NULL);
  self->path = g_strdup (path);
  self->new_path = find_new_path (path);
  new_name = g_filename_display_name (self->new_path);

  body = g_strdup_printf (_("%s\n\nYou can open another file, or start a new, empty database "
                            "at “%s”."),
                          error != NULL ? error->message : "", new_name);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading_for (error));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  return self;
}

/**
 * stw_database_dialog_get_new_path:
 *
 * Returns: where “Create New Database” puts the new file
 */
const char *
stw_database_dialog_get_new_path (StwDatabaseDialog *self)
{
  g_return_val_if_fail (STW_IS_DATABASE_DIALOG (self), NULL);
  return self->new_path;
}
