/* stw-application.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-application.h"
#include "stw-database-dialog.h"
#include "stw-preferences-window.h"
#include "stw-sla-monitor.h"
#include "stw-window.h"
#include "core/stw-error.h"
#include "store/stw-database.h"
#include "sync/stw-sync-engine.h"

struct _StwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  StwSlaMonitor  *sla_monitor;     /* while a database is open */
  StwSyncEngine  *sync_engine;     /* the same */
};

G_DEFINE_FINAL_TYPE (StwApplication, stw_application, ADW_TYPE_APPLICATION)

/* ------------------------------------------------------------------------ */

static void
apply_color_scheme (StwApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
sync_interval_changed_cb (StwApplication *self)
{
  if (self->sync_engine != NULL)
    stw_sync_engine_set_interval (self->sync_engine,
                                  g_settings_get_uint (self->settings, "sync-interval"));
}

static void
drop_sync_engine (StwApplication *self)
{
  /* A run in progress stops at its next record; nothing is lost. */
  if (self->sync_engine != NULL)
    stw_sync_engine_cancel (self->sync_engine);
  g_clear_object (&self->sync_engine);
}

static void
open_database (StwApplication *self,
               const char     *path);

static void
database_dialog_done_cb (StwDatabaseDialog *dialog,
                         const char        *path,
                         StwApplication    *self)
{
  g_autofree char *chosen = g_strdup (path);

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (chosen != NULL)
    open_database (self, chosen);

  g_application_release (G_APPLICATION (self));
}

/*
 * Opens @path and shows it in a window. A file Steward must not touch is
 * explained in a dialog that offers another file or a new database.
 */
static void
open_database (StwApplication *self,
               const char     *path)
{
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  StwDatabaseDialog *dialog;
  StwWindow *window;

  db = stw_database_open (path, &error);
  if (db == NULL)
    {
      g_debug ("Cannot open %s: %s", path, error->message);

      dialog = stw_database_dialog_new (path, error);
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      g_signal_connect_object (dialog, "done", G_CALLBACK (database_dialog_done_cb), self, 0);
      /* Keep running while the dialog is the only window. */
      g_application_hold (G_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = stw_window_new (GTK_APPLICATION (self), db);
  gtk_window_present (GTK_WINDOW (window));

  g_clear_object (&self->sla_monitor);
  self->sla_monitor = stw_sla_monitor_new (G_APPLICATION (self), db);

  drop_sync_engine (self);
  self->sync_engine = stw_sync_engine_new (db);
  sync_interval_changed_cb (self);
  stw_window_set_sync_engine (window, self->sync_engine);
  /* Syncing by itself, it catches up at once; set to Off, it waits to be asked. */
  if (g_settings_get_uint (self->settings, "sync-interval") > 0)
    stw_sync_engine_sync_now (self->sync_engine);
}

/* The window of the open database, if there is one. */
static GtkWindow *
find_main_window (StwApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (STW_IS_WINDOW (active))
    return active;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STW_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  StwApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them save their state first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  StwApplication *self = user_data;
  static const char *developers[] = { "The Steward authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Steward"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Steward authors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/steward-it/steward",
                         "issue-url", "https://github.com/steward-it/steward/issues",
                         "comments", _("IT assets, kept offline and in order."),
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Steward authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  StwDatabase *db = STW_IS_WINDOW (parent) ? stw_window_get_database (STW_WINDOW (parent)) : NULL;
  StwPreferencesWindow *window = stw_preferences_window_new (self->settings, db);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

/* A notification clicked: the window shows its ticket. */
static void
show_ticket_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StwApplication *self = user_data;
  gint64 id = g_variant_get_int64 (param);
  GtkWindow *window = find_main_window (self);

  /* Clicked after Steward was closed: it starts again for this. */
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = find_main_window (self);
    }

  /* Not yet when a dialog asks which database to open. */
  if (window == NULL)
    return;

  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-ticket", "x", id);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "show-ticket", show_ticket_action, "x" },
};

/* ------------------------------------------------------------------------ */
/* GApplication                                                             */
/* ------------------------------------------------------------------------ */

static int
stw_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (stw_application_parent_class)->handle_local_options (application, options);
}

static int
stw_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  StwApplication *self = STW_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;

  g_auto(GStrv) arguments = NULL;
  int n_arguments = 0;
  GtkWindow *window;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  g_application_activate (application);

  /* Files named on the command line are CSV files to import. */
  arguments = g_application_command_line_get_arguments (command_line, &n_arguments);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  for (int i = 1; i < n_arguments && STW_IS_WINDOW (window); i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              arguments[i]);

      stw_window_open_import (STW_WINDOW (window), file);
    }

  return 0;
}

static void
stw_application_activate (GApplication *application)
{
  StwApplication *self = STW_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = self->database_path != NULL ? g_strdup (self->database_path)
                                     : stw_database_default_path ();
  open_database (self, path);
}

static void
stw_application_startup (GApplication *application)
{
  StwApplication *self = STW_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (stw_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (sync_interval_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

/* The monitor and the engine go with the last window of their database. */
static void
stw_application_window_removed (GtkApplication *application,
                                GtkWindow      *window)
{
  StwApplication *self = STW_APPLICATION (application);

  GTK_APPLICATION_CLASS (stw_application_parent_class)->window_removed (application, window);

  if (STW_IS_WINDOW (window))
    {
      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        if (STW_IS_WINDOW (l->data))
          return;
      g_clear_object (&self->sla_monitor);
      drop_sync_engine (self);
    }
}

static void
stw_application_shutdown (GApplication *application)
{
  StwApplication *self = STW_APPLICATION (application);

  g_clear_object (&self->sla_monitor);
  drop_sync_engine (self);

  G_APPLICATION_CLASS (stw_application_parent_class)->shutdown (application);
}

static void
stw_application_finalize (GObject *object)
{
  StwApplication *self = (StwApplication *)object;

  g_clear_object (&self->sla_monitor);
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->settings);
  g_free (self->database_path);

  G_OBJECT_CLASS (stw_application_parent_class)->finalize (object);
}

static void
stw_application_class_init (StwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = stw_application_finalize;

  app_class->activate = stw_application_activate;
  app_class->startup = stw_application_startup;
  app_class->shutdown = stw_application_shutdown;
  app_class->command_line = stw_application_command_line;
  app_class->handle_local_options = stw_application_handle_local_options;

  gtk_app_class->window_removed = stw_application_window_removed;
}

static void
stw_application_init (StwApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.csv…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Steward keeps an organisation’s IT assets in order."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Without --database, Steward opens the file "
                                                  "named by $STEWARD_DATABASE, or else steward.db "
                                                  "in your data folder."));
}

StwApplication *
stw_application_new (void)
{
  return g_object_new (STW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
