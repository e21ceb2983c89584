/* stw-people-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-people-view"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-people-view.h"
#include "stw-person-dialog.h"
#include "stw-reassign-dialog.h"
#include "stw-record-row.h"
#include "stw-ui-util.h"
#include "store/stw-person-repo.h"

/* Everyone who can have assets, by name, with how many they have. */

struct _StwPeopleView
{
  GtkWidget     parent_instance;

  StwDatabase  *db;
  GListStore   *people;
  GCancellable *cancellable;

  GtkStack     *stack;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (StwPeopleView, stw_people_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static void
reload (StwPeopleView *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  people = stw_person_repo_list (self->db, &error);
  if (people == NULL)
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  n = stw_ui_replace_items (self->people, people);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static StwPerson *
find_person (StwPeopleView *self,
             gint64         id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->people)); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (stw_person_get_id (person) == id)
        return g_steal_pointer (&person);
    }

  return NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StwPeopleView            *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (stw_record_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             StwPeopleView            *self)
{
  StwRecordRow *row = STW_RECORD_ROW (gtk_list_item_get_child (item));
  StwPerson *person = gtk_list_item_get_item (item);
  guint count = stw_person_get_asset_count (person);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (stw_person_get_department (person) != NULL)
    g_string_append_printf (subtitle, "%s · ", stw_person_get_department (person));
  if (stw_person_get_email (person) != NULL)
    g_string_append_printf (subtitle, "%s · ", stw_person_get_email (person));
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", count),
                          count);

  stw_record_row_set (row, "avatar-default-symbolic", stw_person_get_name (person),
                      subtitle->str, 0);
  stw_record_row_set_menu (row, stw_person_get_id (person),
                           _("_Edit…"), "view.edit",
                           NULL, NULL,
                           _("_Delete…"), "view.delete");
}

/* ------------------------------------------------------------------------ */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StwPeopleView *self = STW_PEOPLE_VIEW (widget);

  stw_ui_present_dialog (widget, GTK_WINDOW (stw_person_dialog_new (self->db, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwPeopleView *self = STW_PEOPLE_VIEW (widget);
  g_autoptr(StwPerson) person = find_person (self, g_variant_get_int64 (param));

  if (person != NULL)
    stw_ui_present_dialog (widget, GTK_WINDOW (stw_person_dialog_new (self->db, person)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StwPeopleView *self = STW_PEOPLE_VIEW (widget);
  g_autoptr(StwPerson) person = find_person (self, g_variant_get_int64 (param));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  StwReassignDialog *dialog;
  guint count;

  if (person == NULL)
    return;

  count = stw_person_get_asset_count (person);
  if (count == 0)
    {
      stw_ui_delete_record (widget, self->db, stw_person_repo_delete_async,
                            stw_person_repo_delete_finish,
                            stw_person_get_id (person), 0, stw_person_get_name (person),
                            self->cancellable);
      return;
    }

  heading = g_strdup_printf (_("Delete %s?"), stw_person_get_name (person));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u asset is assigned to them. Choose who gets it.",
                                       "%u assets are assigned to them. Choose who gets them.",
                                       count),
                          count);
  dialog = stw_reassign_dialog_new (heading, body, _("Nobody"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->people)); i++)
    {
      g_autoptr(StwPerson) other = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (stw_person_get_id (other) != stw_person_get_id (person))
        stw_reassign_dialog_add_choice (dialog, stw_person_get_id (other),
                                        stw_person_get_name (other));
    }

  stw_reassign_dialog_delete_on_choice (dialog, widget, self->db, stw_person_repo_delete_async,
                                        stw_person_repo_delete_finish, stw_person_get_id (person), stw_person_get_name (person),
                                        self->cancellable);
  stw_ui_present_dialog (widget, GTK_WINDOW (dialog));
}

static void
list_activate_cb (StwPeopleView *self,
                  guint          position,
                  GtkListView   *list_view)
{
  g_autoptr(StwPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (person != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "view.edit", "x", stw_person_get_id (person));
}

static void
database_changed_cb (StwPeopleView *self,
                     StwEntity      entities,
                     StwDatabase   *db)
{
  stw_ui_reload_when_shown (GTK_WIDGET (self), (StwUiReloadFunc)reload);
}

/* ------------------------------------------------------------------------ */

static void
stw_people_view_constructed (GObject *object)
{
  StwPeopleView *self = (StwPeopleView *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  G_OBJECT_CLASS (stw_people_view_parent_class)->constructed (object);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  stw_ui_reload_when_shown (GTK_WIDGET (self), (StwUiReloadFunc)reload);
}

static void
stw_people_view_dispose (GObject *object)
{
  StwPeopleView *self = (StwPeopleView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_PEOPLE_VIEW);
  stw_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (stw_people_view_parent_class)->dispose (object);
}

static void
stw_people_view_finalize (GObject *object)
{
  StwPeopleView *self = (StwPeopleView *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->people);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_people_view_parent_class)->finalize (object);
}

static void
stw_people_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwPeopleView *self = STW_PEOPLE_VIEW (object);

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
stw_people_view_class_init (StwPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_people_view_constructed;
  object_class->dispose = stw_people_view_dispose;
  object_class->finalize = stw_people_view_finalize;
  object_class->set_property = stw_people_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-people-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, StwPeopleView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwPeopleView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "view.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", "x", delete_action);
}

static void
stw_people_view_init (StwPeopleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (STW_TYPE_PERSON);
  self->cancellable = g_cancellable_new ();
}

StwPeopleView *
stw_people_view_new (StwDatabase *db)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return g_object_new (STW_TYPE_PEOPLE_VIEW, "database", db, NULL);
}

/**
 * stw_people_view_get_model:
 *
 * Returns: (transfer none): the #StwPerson items shown, by name
 */
GListModel *
stw_people_view_get_model (StwPeopleView *self)
{
  g_return_val_if_fail (STW_IS_PEOPLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->people);
}
