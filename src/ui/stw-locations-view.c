/* stw-locations-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-locations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-location-dialog.h"
#include "stw-locations-view.h"
#include "stw-reassign-dialog.h"
#include "stw-record-row.h"
#include "stw-ui-util.h"
#include "store/stw-location-repo.h"

/*
 * The location tree — sites, their buildings, the rooms in those — as an
 * indented list, with how many assets each place holds.
 */

struct _StwLocationsView
{
  GtkWidget     parent_instance;

  StwDatabase  *db;
  GListStore   *locations;
  GCancellable *cancellable;

  GtkStack     *stack;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (StwLocationsView, stw_locations_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_icons[] = {
  "mark-location-symbolic",
  "go-home-symbolic",
  "view-grid-symbolic",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_icons) == STW_N_LOCATION_KINDS);

/* ------------------------------------------------------------------------ */

static void
reload (StwLocationsView *self)
{
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  locations = stw_location_repo_list (self->db, &error);
  if (locations == NULL)
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  n = stw_ui_replace_items (self->locations, locations);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static StwLocation *
find_location (StwLocationsView *self,
               gint64            id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->locations)); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (G_LIST_MODEL (self->locations), i);

      if (stw_location_get_id (location) == id)
        return g_steal_pointer (&location);
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */
/* ------------------------------------------------------------------------ */

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             StwLocationsView         *self)
{
  StwRecordRow *row = STW_RECORD_ROW (gtk_list_item_get_child (item));
  StwLocation *location = gtk_list_item_get_item (item);
  StwLocationKind kind = stw_location_get_kind (location);
  guint count = stw_location_get_asset_count (location);
  g_autofree char *subtitle = NULL;
  gint64 id = stw_location_get_id (location);

  /* Translators: “Room · 12 assets” */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u asset", "%s · %u assets", count),
                              stw_location_kind_label (kind), count);

  stw_record_row_set (row, kind_icons[kind], stw_location_get_name (location), subtitle, kind);

  stw_record_row_set_menu (row, id,
                           _("_Edit…"), "view.edit",
                           kind == STW_LOCATION_KIND_SITE ? _("Add _Building…")
                           : kind == STW_LOCATION_KIND_BUILDING ? _("Add _Room…") : NULL,
                           "view.add-inside",
                           _("_Delete…"), "view.delete");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StwLocationsView         *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (stw_record_row_new ()));
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */
/* ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StwLocationsView *self = STW_LOCATIONS_VIEW (widget);

  stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (stw_location_dialog_new (self->db, NULL)));
}

static void
add_inside_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StwLocationsView *self = STW_LOCATIONS_VIEW (widget);
  g_autoptr(StwLocation) parent = find_location (self, g_variant_get_int64 (param));
  StwLocationDialog *dialog;

  if (parent == NULL || stw_location_get_kind (parent) == STW_LOCATION_KIND_ROOM)
    return;

  dialog = stw_location_dialog_new (self->db, NULL);
  stw_location_dialog_set_kind (dialog, stw_location_get_kind (parent) + 1);
  stw_location_dialog_set_parent (dialog, stw_location_get_id (parent));
  stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwLocationsView *self = STW_LOCATIONS_VIEW (widget);
  g_autoptr(StwLocation) location = find_location (self, g_variant_get_int64 (param));

  if (location != NULL)
    stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (stw_location_dialog_new (self->db, location)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StwLocationsView *self = STW_LOCATIONS_VIEW (widget);
  g_autoptr(StwLocation) location = find_location (self, g_variant_get_int64 (param));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  StwReassignDialog *dialog;
  guint count;

  if (location == NULL)
    return;

  /* The count takes in the places inside; a location with places inside
   * cannot be deleted, and the store says so. */
  count = stw_location_get_asset_count (location);
  if (count == 0 || stw_location_repo_count_children (self->db, stw_location_get_id (location)) > 0)
    {
      /* Nothing points here: delete, with Undo in the toast. */
      stw_ui_delete_record (widget, self->db, stw_location_repo_delete_async,
                            stw_location_repo_delete_finish,
                            stw_location_get_id (location), 0, stw_location_get_name (location),
                            self->cancellable);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), stw_location_get_name (location));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u asset is here. Choose where it goes.",
                                       "%u assets are here. Choose where they go.", count),
                          count);
  dialog = stw_reassign_dialog_new (heading, body, _("No location"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->locations)); i++)
    {
      g_autoptr(StwLocation) other = g_list_model_get_item (G_LIST_MODEL (self->locations), i);

      if (stw_location_get_id (other) != stw_location_get_id (location))
        stw_reassign_dialog_add_choice (dialog, stw_location_get_id (other),
                                        stw_location_get_path (other));
    }

  stw_reassign_dialog_delete_on_choice (dialog, widget, self->db, stw_location_repo_delete_async,
                                        stw_location_repo_delete_finish, stw_location_get_id (location), stw_location_get_name (location),
                                        self->cancellable);
  stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
list_activate_cb (StwLocationsView *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_autoptr(StwLocation) location = g_list_model_get_item (G_LIST_MODEL (self->locations), position);

  if (location != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "view.edit", "x", stw_location_get_id (location));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
database_changed_cb (StwLocationsView *self,
                     StwEntity         entities,
                     StwDatabase      *db)
{
  stw_ui_reload_when_shown (GTK_WIDGET (self), (StwUiReloadFunc)reload);
}

static void
stw_locations_view_constructed (GObject *object)
{
  StwLocationsView *self = (StwLocationsView *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  G_OBJECT_CLASS (stw_locations_view_parent_class)->constructed (object);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->locations)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  stw_ui_reload_when_shown (GTK_WIDGET (self), (StwUiReloadFunc)reload);
}

static void
stw_locations_view_dispose (GObject *object)
{
  StwLocationsView *self = (StwLocationsView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_LOCATIONS_VIEW);
  stw_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (stw_locations_view_parent_class)->dispose (object);
}

static void
stw_locations_view_finalize (GObject *object)
{
  StwLocationsView *self = (StwLocationsView *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->locations);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_locations_view_parent_class)->finalize (object);
}

static void
stw_locations_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StwLocationsView *self = STW_LOCATIONS_VIEW (object);

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
stw_locations_view_class_init (StwLocationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_locations_view_constructed;
  object_class->dispose = stw_locations_view_dispose;
  object_class->finalize = stw_locations_view_finalize;
  object_class->set_property = stw_locations_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-locations-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, StwLocationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwLocationsView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "view.add-inside", "x", add_inside_action);
  gtk_widget_class_install_action (widget_class, "view.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", "x", delete_action);
}

static void
stw_locations_view_init (StwLocationsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locations = g_list_store_new (STW_TYPE_LOCATION);
  self->cancellable = g_cancellable_new ();
}

StwLocationsView *
stw_locations_view_new (StwDatabase *db)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return g_object_new (STW_TYPE_LOCATIONS_VIEW, "database", db, NULL);
}

/**
 * stw_locations_view_get_model:
 *
 * Returns: (transfer none): the #StwLocation items shown, in tree order
 */
GListModel *
stw_locations_view_get_model (StwLocationsView *self)
{
  g_return_val_if_fail (STW_IS_LOCATIONS_VIEW (self), NULL);
  return G_LIST_MODEL (self->locations);
}
