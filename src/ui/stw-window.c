/* stw-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-assets-view.h"
#include "stw-import-dialog.h"
#include "stw-locations-view.h"
#include "stw-people-view.h"
#include "stw-sync-status.h"
#include "stw-tickets-view.h"
#include "stw-ui-resources.h"
#include "stw-ui-util.h"
#include "stw-window.h"
#include "store/stw-asset-repo.h"
#include "store/stw-sample-data.h"
#include "io/stw-asset-export.h"

typedef void (*ChooserDone) (StwWindow *self,
                             GFile     *file);

struct _StwWindow
{
  AdwApplicationWindow  parent_instance;

  StwDatabase          *db;
  GSettings            *settings;
  GCancellable         *cancellable;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  StwSyncStatus        *sync_status;
  GtkLabel             *database_label;
  AdwWindowTitle       *content_title;
  GtkWidget            *content_box;
  GtkButton            *add_button;
  GtkStack             *stack;
  GtkRevealer          *task_revealer;
  GtkLabel             *task_label;
  GtkProgressBar       *task_progress;

  /* The background task shown under the header bar: an export. */
  GCancellable         *task_cancellable;
  GtkFileChooserNative *chooser;
  ChooserDone           chooser_done;
};

G_DEFINE_FINAL_TYPE (StwWindow, stw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *add_tooltip;
} ViewInfo;

static const ViewInfo views[] = {
  { "assets",    N_("Assets"),    "computer-symbolic",        N_("Add Asset") },
  { "locations", N_("Locations"), "mark-location-symbolic",   N_("Add Location") },
  { "people",    N_("People"),    "system-users-symbolic",    N_("Add Person") },
  { "tickets",   N_("Tickets"),   "task-due-symbolic",        N_("New Ticket") },
};

/* ------------------------------------------------------------------------ */

static const ViewInfo *
find_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return &views[i];

  return NULL;
}

/* A drag that rests on a view's row opens that view, so assets dragged
 * from their list can be dropped onto a ticket. */
#define SPRING_DELAY_MS 600

static gboolean
spring_open_cb (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (row));

  g_object_set_data (G_OBJECT (row), "spring", NULL);
  if (STW_IS_WINDOW (window))
    stw_window_show_view (STW_WINDOW (window), gtk_widget_get_name (row));
  return G_SOURCE_REMOVE;
}

static void
spring_cancel (GtkWidget *row)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "spring"));

  if (source != 0)
    g_source_remove (source);
  g_object_set_data (G_OBJECT (row), "spring", NULL);
}

static void
drag_enter_row_cb (GtkDropControllerMotion *motion,
                   double                   x,
                   double                   y,
                   GtkWidget               *row)
{
  spring_cancel (row);
  g_object_set_data (G_OBJECT (row), "spring",
                     GUINT_TO_POINTER (g_timeout_add (SPRING_DELAY_MS, spring_open_cb, row)));
}

static GtkWidget *
sidebar_row_new (const ViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkEventController *motion;
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_name (row, info->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);

  motion = gtk_drop_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (drag_enter_row_cb), row);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (spring_cancel), row);
  g_signal_connect (row, "destroy", G_CALLBACK (spring_cancel), NULL);
  gtk_widget_add_controller (row, motion);

  return row;
}

static void
update_sample_action (StwWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "load-sample");

  /* The sample is for trying Steward out, on an empty database. Asked
   * after every change to assets, so an index probe, not a count. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), stw_asset_repo_is_empty (self->db));
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
sidebar_row_activated_cb (StwWindow     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  stw_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (StwWindow *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
stack_visible_child_cb (StwWindow  *self,
                        GParamSpec *pspec,
                        GtkStack   *stack)
{
  const ViewInfo *info = find_view (gtk_stack_get_visible_child_name (stack));

  if (info == NULL)
    return;

  adw_window_title_set_title (self->content_title, _(info->title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _(info->add_tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->add_tooltip), -1);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), info->name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
}

static void
database_changed_cb (StwWindow *self,
                     StwEntity  entities,
                     StwDatabase *db)
{
  if (entities & STW_ENTITY_ASSET)
    update_sample_action (self);
}

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!stw_database_undo_finish (STW_DATABASE (object), result, &error))
    stw_ui_toast_error (GTK_WIDGET (self), error);
}

static void
load_sample_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!stw_sample_data_load_finish (STW_DATABASE (object), result, &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  stw_ui_toast (GTK_WIDGET (self), _("Sample inventory loaded"), _("_Undo"), "win.undo");
}

static void
import_done_cb (StwWindow       *self,
                guint64          created,
                guint64          updated,
                StwImportDialog *dialog)
{
  g_autofree char *added = NULL;
  g_autofree char *title = NULL;

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu asset imported",
                                        "%llu assets imported", created),
                           (unsigned long long)created);
  if (updated > 0)
    /* Translators: “320 assets imported, 12 updated” */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %llu updated",
                                          "%s, %llu updated", updated),
                             added, (unsigned long long)updated);
  else
    title = g_strdup (added);

  stw_window_show_view (self, "assets");
  stw_ui_toast (GTK_WIDGET (self), title, _("_Undo"), "win.undo");
}

static void
open_import (StwWindow *self,
             GFile     *file)
{
  stw_window_open_import (self, file);
}

/* The file chooser of Import or Export answered: go on with the file. */
static void
chooser_response_cb (StwWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  ChooserDone done = self->chooser_done;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    done (self, file);
}

static void
task_progress_cb (StwWindow      *self,
                  GParamSpec     *pspec,
                  StwAssetExport *export)
{
  gtk_progress_bar_set_fraction (self->task_progress, stw_asset_export_get_progress (export));
}

static void
task_cancel_clicked_cb (StwWindow *self)
{
  g_cancellable_cancel (self->task_cancellable);
}

typedef struct
{
  StwWindow *self;
  GFile     *file;
} ExportCall;

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportCall *call = user_data;
  StwWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  gint64 n_rows;

  n_rows = stw_asset_export_run_finish (STW_ASSET_EXPORT (object), result, &error);
  g_signal_handlers_disconnect_by_data (object, self);
  gtk_revealer_set_reveal_child (self->task_revealer, FALSE);

  if (n_rows < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        stw_ui_toast (GTK_WIDGET (self), _("Export cancelled"), NULL, NULL);
      else
        stw_ui_toast_error (GTK_WIDGET (self), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (call->file);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%lld asset exported to “%s”",
                                                             "%lld assets exported to “%s”",
                                                             n_rows),
                                                (long long)n_rows, name);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      stw_ui_toast (GTK_WIDGET (self), escaped, NULL, NULL);
    }

  g_object_unref (call->self);
  g_object_unref (call->file);
  g_free (call);
}


/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  StwWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Import Assets From a CSV File"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  self->chooser_done = open_import;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  StwWindow *self = user_data;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Export the Assets Shown"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV (spreadsheets; imports back into Steward)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (json, _("JSON"));
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "assets.csv");
  self->chooser_done = stw_window_export;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  StwWindow *self = user_data;

  stw_database_undo_async (self->db, self->cancellable, undo_cb, g_object_ref (self));
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  StwWindow *self = user_data;

  stw_database_redo_async (self->db, self->cancellable, undo_cb, g_object_ref (self));
}

static void
add_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  StwWindow *self = user_data;

  gtk_widget_activate_action (gtk_stack_get_visible_child (self->stack), "view.add", NULL);
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  StwWindow *self = user_data;

  /* The tickets have a search of their own; elsewhere, the assets'. */
  if (g_strcmp0 (stw_window_get_view_name (self), "tickets") != 0)
    stw_window_show_view (self, "assets");
  gtk_widget_activate_action (gtk_stack_get_visible_child (self->stack), "view.search", NULL);
}

static void
load_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StwWindow *self = user_data;

  stw_sample_data_load_async (self->db, self->cancellable, load_sample_cb, g_object_ref (self));
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  stw_window_show_view (STW_WINDOW (user_data), g_variant_get_string (param, NULL));
}

/* From a notification, an asset's tickets, or a link: ticket (int64). */
static void
show_ticket_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  StwWindow *self = user_data;

  stw_window_show_view (self, "tickets");
  stw_tickets_view_show_ticket (STW_TICKETS_VIEW (stw_window_get_view (self, "tickets")),
                                g_variant_get_int64 (param));
}

static const GActionEntry win_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "add", add_action },
  { "search", search_action },
  { "load-sample", load_sample_action },
  { "show-view", show_view_action, "s" },
  { "show-ticket", show_ticket_action, "x" },
  { "import", import_action },
  { "export", export_action },
};

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
stw_window_close_request (GtkWindow *window)
{
  StwWindow *self = STW_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-view", stw_window_get_view_name (self));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (stw_window_parent_class)->close_request (window);
}

static gboolean
drop_cb (StwWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  /* One import at a time: the first file dropped. */
  stw_window_open_import (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
stw_window_constructed (GObject *object)
{
  StwWindow *self = (StwWindow *)object;
  g_autofree char *last_view = NULL;
  g_autofree char *db_name = NULL;
  GAction *action;

  G_OBJECT_CLASS (stw_window_parent_class)->constructed (object);

  g_assert (STW_IS_DATABASE (self->db));

  gtk_stack_add_named (self->stack, GTK_WIDGET (stw_assets_view_new (self->db)), "assets");
  gtk_stack_add_named (self->stack, GTK_WIDGET (stw_locations_view_new (self->db)), "locations");
  gtk_stack_add_named (self->stack, GTK_WIDGET (stw_people_view_new (self->db)), "people");
  gtk_stack_add_named (self->stack, GTK_WIDGET (stw_tickets_view_new (self->db)), "tickets");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_list_box_append (self->sidebar_list, sidebar_row_new (&views[i]));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_object_bind_property (self->db, "can-undo", action, "enabled", G_BINDING_SYNC_CREATE);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_object_bind_property (self->db, "can-redo", action, "enabled", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_sample_action (self);
  stw_sync_status_set_database (self->sync_status, self->db);

  db_name = g_filename_display_name (stw_database_get_path (self->db));
  gtk_label_set_label (self->database_label, db_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), db_name);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  stw_window_show_view (self, find_view (last_view) != NULL ? last_view : "assets");
  stack_visible_child_cb (self, NULL, self->stack);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
stw_window_dispose (GObject *object)
{
  StwWindow *self = (StwWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->task_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WINDOW);

  G_OBJECT_CLASS (stw_window_parent_class)->dispose (object);
}

static void
stw_window_finalize (GObject *object)
{
  StwWindow *self = (StwWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->task_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_window_parent_class)->finalize (object);
}

static void
stw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StwWindow *self = STW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_window_class_init (StwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* Referenced so the linker keeps the interface resources, which
   * register themselves, from the static library. */
  (void)stw_ui_get_resource ();
  g_type_ensure (STW_TYPE_SYNC_STATUS);

  object_class->constructed = stw_window_constructed;
  object_class->dispose = stw_window_dispose;
  object_class->finalize = stw_window_finalize;
  object_class->get_property = stw_window_get_property;
  object_class->set_property = stw_window_set_property;
  window_class->close_request = stw_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, task_revealer);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, task_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, task_progress);
  gtk_widget_class_bind_template_callback (widget_class, task_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  /* Shortcuts live on the class, so they work in tests without a
   * GtkApplication as well. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "assets");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "locations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-view", "s", "tickets");
}

static void
stw_window_init (StwWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  stw_sync_status_add_actions (self->sync_status, G_ACTION_MAP (self));

  /* A CSV file dropped anywhere on the window opens the import. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* ------------------------------------------------------------------------ */

StwWindow *
stw_window_new (GtkApplication *application,
                StwDatabase    *db)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return g_object_new (STW_TYPE_WINDOW,
                       "application", application,
                       "database", db,
                       NULL);
}

StwDatabase *
stw_window_get_database (StwWindow *self)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);
  return self->db;
}

void
stw_window_show_view (StwWindow  *self,
                      const char *name)
{
  g_return_if_fail (STW_IS_WINDOW (self));

  if (find_view (name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

const char *
stw_window_get_view_name (StwWindow *self)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * stw_window_get_view:
 *
 * Returns: (transfer none) (nullable): the view called @name
 */
GtkWidget *
stw_window_get_view (StwWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

/**
 * stw_window_set_sync_engine:
 * @engine: (nullable): the engine syncing the window's database
 *
 * Shows the engine's state at the foot of the sidebar, and lets Sync Now
 * (F5) start it.
 */
void
stw_window_set_sync_engine (StwWindow     *self,
                            StwSyncEngine *engine)
{
  g_return_if_fail (STW_IS_WINDOW (self));
  stw_sync_status_set_engine (self->sync_status, engine);
}

/**
 * stw_window_get_toast_overlay:
 *
 * Returns: (transfer none): where the window's toasts appear
 */
AdwToastOverlay *
stw_window_get_toast_overlay (StwWindow *self)
{
  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);
  return self->toast_overlay;
}

/**
 * stw_window_open_import:
 *
 * Opens the import of @file over the window: a dropped file, or one
 * chosen from the menu.
 *
 * Returns: (transfer none): the import dialog
 */
GtkWindow *
stw_window_open_import (StwWindow *self,
                        GFile     *file)
{
  StwImportDialog *dialog;

  g_return_val_if_fail (STW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = stw_import_dialog_new (self->db, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * stw_window_export:
 *
 * Exports the assets the list shows — its search, filters and sort — to
 * @file, as JSON when its name ends in .json and as CSV otherwise, in
 * the background with its progress under the header bar.
 */
void
stw_window_export (StwWindow *self,
                   GFile     *file)
{
  StwAssetsView *view = STW_ASSETS_VIEW (stw_window_get_view (self, "assets"));
  g_autoptr(StwAssetQuery) query = NULL;
  g_autoptr(StwAssetExport) export = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  ExportCall *call;

  g_return_if_fail (STW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  query = stw_asset_query_model_dup_query (stw_assets_view_get_model (view));
  export = stw_asset_export_new (query, g_str_has_suffix (name, ".json") ? STW_EXPORT_JSON
                                                                          : STW_EXPORT_CSV);

  g_cancellable_cancel (self->task_cancellable);
  g_clear_object (&self->task_cancellable);
  self->task_cancellable = g_cancellable_new ();

  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Exporting to “%s”"), name);
  gtk_label_set_label (self->task_label, label);
  gtk_progress_bar_set_fraction (self->task_progress, 0.0);
  gtk_revealer_set_reveal_child (self->task_revealer, TRUE);
  g_signal_connect_object (export, "notify::progress", G_CALLBACK (task_progress_cb), self,
                           G_CONNECT_SWAPPED);

  call = g_new0 (ExportCall, 1);
  call->self = g_object_ref (self);
  call->file = g_object_ref (file);
  stw_asset_export_run_async (export, file, self->task_cancellable, export_cb, call);
}
