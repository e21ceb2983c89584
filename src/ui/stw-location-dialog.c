/* stw-location-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-location-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-location-dialog.h"
#include "stw-ui-util.h"
#include "core/stw-validate.h"
#include "store/stw-location-repo.h"

/*
 * Adds a location, or renames and moves one: its name, whether it is a
 * site, a building or a room, and what it is inside. Only places a
 * location of that kind can be inside are offered.
 */

struct _StwLocationDialog
{
  AdwMessageDialog  parent_instance;

  StwDatabase      *db;
  StwLocation      *location;
  GCancellable     *cancellable;
  GListModel       *all;
  GListStore       *parents;
  char             *error_text;

  GtkWidget        *name_row;
  GtkWidget        *name_icon;
  GtkWidget        *kind_row;
  GtkWidget        *parent_row;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (StwLocationDialog, stw_location_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ------------------------------------------------------------------------ */

static void
show_error (StwLocationDialog *self,
            const GError      *error)
{
  g_free (self->error_text);
  self->error_text = error != NULL ? g_strdup (error->message) : NULL;
  gtk_label_set_label (self->message, self->error_text != NULL ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), self->error_text != NULL);
}

static char *
parent_label (StwLocation *location)
{
  return g_strdup (stw_location_get_path (location));
}

static StwLocationKind
chosen_kind (StwLocationDialog *self)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
}

static gint64
chosen_parent (StwLocationDialog *self)
{
  g_autoptr(StwLocation) parent = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->parent_row));

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;

  parent = g_list_model_get_item (G_LIST_MODEL (self->parents), selected);
  return parent != NULL ? stw_location_get_id (parent) : 0;
}

/* Offers as parents the locations one level up from the chosen kind. */
static void
fill_parents (StwLocationDialog *self)
{
  StwLocationKind kind = chosen_kind (self);
  gint64 previous = chosen_parent (self);

  g_list_store_remove_all (self->parents);

  for (guint i = 0; self->all != NULL && i < g_list_model_get_n_items (self->all); i++)
    {
      g_autoptr(StwLocation) candidate = g_list_model_get_item (self->all, i);
      StwLocationKind candidate_kind = stw_location_get_kind (candidate);

      if ((kind == STW_LOCATION_KIND_BUILDING && candidate_kind == STW_LOCATION_KIND_SITE) ||
          (kind == STW_LOCATION_KIND_ROOM && candidate_kind == STW_LOCATION_KIND_BUILDING))
        g_list_store_append (self->parents, candidate);
    }

  gtk_widget_set_visible (self->parent_row, kind != STW_LOCATION_KIND_SITE);
  stw_location_dialog_set_parent (self, previous);
}

static void
validate (StwLocationDialog *self)
{
  g_autoptr(StwLocation) candidate = stw_location_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) name_error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean ok;

  stw_location_set_name (candidate, name);
  stw_location_set_kind (candidate, chosen_kind (self));
  stw_location_set_parent_id (candidate, chosen_kind (self) == STW_LOCATION_KIND_SITE
                                           ? 0 : chosen_parent (self));

  ok = stw_location_repo_validate (self->db, candidate, &error);

  /* Say nothing about an empty name before anything was typed. */
  if (name[0] != '\0')
    stw_validate_line (name, _("Name"), TRUE, &name_error);
  stw_ui_set_row_error (self->name_row, self->name_icon, name_error);
  if (!ok && name[0] != '\0')
    show_error (self, error);
  else
    show_error (self, NULL);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
kind_changed_cb (StwLocationDialog *self)
{
  fill_parents (self);
  validate (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwLocationDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (stw_location_repo_save_finish (STW_DATABASE (object), result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stw_location_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  StwLocationDialog *self = STW_LOCATION_DIALOG (dialog);

  if (g_strcmp0 (response, "save") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  stw_location_set_name (self->location, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  stw_location_set_kind (self->location, chosen_kind (self));
  stw_location_set_parent_id (self->location, chosen_kind (self) == STW_LOCATION_KIND_SITE
                                                ? 0 : chosen_parent (self));

  stw_location_repo_save_async (self->db, self->location, self->cancellable, save_cb,
                                g_object_ref (self));
}

/* ------------------------------------------------------------------------ */

static void
stw_location_dialog_dispose (GObject *object)
{
  StwLocationDialog *self = (StwLocationDialog *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (stw_location_dialog_parent_class)->dispose (object);
}

static void
stw_location_dialog_finalize (GObject *object)
{
  StwLocationDialog *self = (StwLocationDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->location);
  g_clear_object (&self->all);
  g_clear_object (&self->parents);
  g_free (self->error_text);

  G_OBJECT_CLASS (stw_location_dialog_parent_class)->finalize (object);
}

static void
stw_location_dialog_class_init (StwLocationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_location_dialog_dispose;
  object_class->finalize = stw_location_dialog_finalize;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = stw_location_dialog_response;
}

static void
stw_location_dialog_init (StwLocationDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkExpression *expression;

  self->cancellable = g_cancellable_new ();
  self->parents = g_list_store_new (STW_TYPE_LOCATION);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->name_row = stw_ui_entry_row_new (_("Name"), &self->name_icon);

  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  for (guint i = 0; i < STW_N_LOCATION_KINDS; i++)
    gtk_string_list_append (kinds, stw_location_kind_label (i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));

  self->parent_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), _("Inside"));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (parent_label), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->parent_row), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->parent_row), G_LIST_MODEL (self->parents));

  gtk_list_box_append (GTK_LIST_BOX (list), self->name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->kind_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->parent_row);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  adw_message_dialog_set_extra_child (dialog, box);
}

/* ------------------------------------------------------------------------ */

/**
 * stw_location_dialog_new:
 * @location: (nullable): the location to edit, or %NULL to add one
 */
StwLocationDialog *
stw_location_dialog_new (StwDatabase *db,
                         StwLocation *location)
{
  StwLocationDialog *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_LOCATION_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->all = stw_location_repo_list_names (db, NULL);
  self->location = stw_location_new ();

  if (location != NULL)
    {
      stw_location_set_id (self->location, stw_location_get_id (location));
      stw_location_set_uuid (self->location, stw_location_get_uuid (location));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), stw_location_get_name (location));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), stw_location_get_kind (location));
      fill_parents (self);
      stw_location_dialog_set_parent (self, stw_location_get_parent_id (location));
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Location"));
    }
  else
    {
      fill_parents (self);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add Location"));
    }

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parent_row, "notify::selected", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  validate (self);

  return self;
}

GtkEditable *
stw_location_dialog_get_name (StwLocationDialog *self)
{
  g_return_val_if_fail (STW_IS_LOCATION_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

void
stw_location_dialog_set_kind (StwLocationDialog *self,
                              StwLocationKind    kind)
{
  g_return_if_fail (STW_IS_LOCATION_DIALOG (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), kind);
}

/**
 * stw_location_dialog_set_parent:
 *
 * Returns: whether @parent_id is a place the chosen kind can be inside
 */
gboolean
stw_location_dialog_set_parent (StwLocationDialog *self,
                                gint64             parent_id)
{
  g_return_val_if_fail (STW_IS_LOCATION_DIALOG (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->parents)); i++)
    {
      g_autoptr(StwLocation) parent = g_list_model_get_item (G_LIST_MODEL (self->parents), i);

      if (stw_location_get_id (parent) == parent_id)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->parent_row), i);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
stw_location_dialog_get_error (StwLocationDialog *self)
{
  g_return_val_if_fail (STW_IS_LOCATION_DIALOG (self), NULL);
  return self->error_text;
}
