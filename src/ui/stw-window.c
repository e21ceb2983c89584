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
#include "stw-locations-view.h"
#include "stw-people-view.h"
#include "stw-ui-resources.h"
#include "stw-ui-util.h"
#include "stw-window.h"
#include "store/stw-asset-repo.h"
#include "store/stw-sample-data.h"

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
  GtkLabel             *database_label;
  AdwWindowTitle       *content_title;
  GtkWidget            *content_box;
  GtkButton            *add_button;
  GtkStack             *stack;
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

static GtkWidget *
sidebar_row_new (const ViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_name (row, info->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);

  return row;
}

static void
update_sample_action (StwWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "load-sample");

  /* The sample is for trying Steward out, on an empty database. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), stw_asset_repo_count (self->db) == 0);
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

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

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

static const GActionEntry win_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "add", add_action },
  { "search", search_action },
  { "load-sample", load_sample_action },
  { "show-view", show_view_action, "s" },
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
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_list_box_append (self->sidebar_list, sidebar_row_new (&views[i]));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_object_bind_property (self->db, "can-undo", action, "enabled", G_BINDING_SYNC_CREATE);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_object_bind_property (self->db, "can-redo", action, "enabled", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_sample_action (self);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_WINDOW);

  G_OBJECT_CLASS (stw_window_parent_class)->dispose (object);
}

static void
stw_window_finalize (GObject *object)
{
  StwWindow *self = (StwWindow *)object;

  g_clear_object (&self->cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, StwWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, StwWindow, stack);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "assets");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "locations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "people");
}

static void
stw_window_init (StwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
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
