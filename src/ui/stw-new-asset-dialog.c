/* stw-new-asset-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-new-asset-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-new-asset-dialog.h"
#include "stw-ui-util.h"
#include "core/stw-validate.h"
#include "store/stw-asset-repo.h"

/*
 * Asks for what an asset cannot exist without — a name and a unique tag —
 * and its category. Everything else is filled in afterwards, in the
 * detail pane.
 */

struct _StwNewAssetDialog
{
  AdwMessageDialog  parent_instance;

  StwDatabase      *db;
  GCancellable     *cancellable;
  char             *error_text;

  GtkWidget        *name_row;
  GtkWidget        *name_icon;
  GtkWidget        *tag_row;
  GtkWidget        *tag_icon;
  GtkWidget        *category_row;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (StwNewAssetDialog, stw_new_asset_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static void
show_error (StwNewAssetDialog *self,
            const GError      *error)
{
  g_free (self->error_text);
  self->error_text = error != NULL ? g_strdup (error->message) : NULL;
  gtk_label_set_label (self->message, self->error_text != NULL ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), self->error_text != NULL);
}

static gboolean
validate (StwNewAssetDialog  *self,
          GError            **error)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  g_autofree char *stripped = g_strstrip (g_strdup (tag));
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) tag_error = NULL;

  /* An empty field is not an error until it has been typed in. */
  if (name[0] != '\0')
    stw_validate_line (name, _("Name"), TRUE, &name_error);
  if (tag[0] != '\0' && stw_validate_line (tag, _("Asset Tag"), TRUE, &tag_error))
    stw_asset_repo_check_tag (self->db, stripped, 0, &tag_error);

  stw_ui_set_row_error (self->name_row, self->name_icon, name_error);
  stw_ui_set_row_error (self->tag_row, self->tag_icon, tag_error);
  show_error (self, name_error != NULL ? name_error : tag_error);

  if (name_error != NULL || tag_error != NULL)
    {
      if (name_error != NULL)
        g_propagate_error (error, g_steal_pointer (&name_error));
      else
        g_propagate_error (error, g_steal_pointer (&tag_error));
      return FALSE;
    }

  return name[0] != '\0' && tag[0] != '\0';
}

static void
entry_changed_cb (StwNewAssetDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                           validate (self, NULL));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwNewAssetDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = stw_asset_repo_save_finish (STW_DATABASE (object), result, &error);
  if (id == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Keep what was typed and say why it was not added. */
      show_error (self, error);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stw_new_asset_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  StwNewAssetDialog *self = STW_NEW_ASSET_DIALOG (dialog);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(StwAsset) asset = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *currency = NULL;

  if (g_strcmp0 (response, "add") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  settings = g_settings_new (APP_ID);
  currency = g_settings_get_string (settings, "default-currency");
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_row))));

  asset = stw_asset_new ();
  stw_asset_set_name (asset, name);
  stw_asset_set_tag (asset, tag);
  stw_asset_set_category (asset, adw_combo_row_get_selected (ADW_COMBO_ROW (self->category_row)));
  stw_asset_set_status (asset, STW_ASSET_STATUS_IN_STOCK);
  if (stw_validate_currency (currency, NULL))
    stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, currency);

  stw_asset_repo_save_async (self->db, asset, STW_ASSET_FIELDS_ALL, self->cancellable,
                             save_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */

static void
stw_new_asset_dialog_dispose (GObject *object)
{
  StwNewAssetDialog *self = (StwNewAssetDialog *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (stw_new_asset_dialog_parent_class)->dispose (object);
}

static void
stw_new_asset_dialog_finalize (GObject *object)
{
  StwNewAssetDialog *self = (StwNewAssetDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_free (self->error_text);

  G_OBJECT_CLASS (stw_new_asset_dialog_parent_class)->finalize (object);
}

static void
stw_new_asset_dialog_class_init (StwNewAssetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = stw_new_asset_dialog_dispose;
  object_class->finalize = stw_new_asset_dialog_finalize;
  dialog_class->response = stw_new_asset_dialog_response;

  /**
   * StwNewAssetDialog::created:
   * @id: the new asset
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
stw_new_asset_dialog_init (StwNewAssetDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  adw_message_dialog_set_heading (dialog, _("Add Asset"));
  adw_message_dialog_set_body (dialog, _("Give the asset a name and the tag on its label. "
                                         "You can fill in everything else afterwards."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->name_row = stw_ui_entry_row_new (_("Name"), &self->name_icon);
  self->tag_row = stw_ui_entry_row_new (_("Asset Tag"), &self->tag_icon);
  self->category_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  for (guint i = 0; i < STW_N_ASSET_CATEGORIES; i++)
    gtk_string_list_append (categories, stw_asset_category_label (i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->category_row), G_LIST_MODEL (categories));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), STW_ASSET_CATEGORY_LAPTOP);

  gtk_list_box_append (GTK_LIST_BOX (list), self->name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->tag_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->category_row);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_row, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */

StwNewAssetDialog *
stw_new_asset_dialog_new (StwDatabase *db)
{
  StwNewAssetDialog *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_NEW_ASSET_DIALOG, NULL);
  self->db = g_object_ref (db);
  return self;
}

GtkEditable *
stw_new_asset_dialog_get_name (StwNewAssetDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_ASSET_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
stw_new_asset_dialog_get_tag (StwNewAssetDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_ASSET_DIALOG (self), NULL);
  return GTK_EDITABLE (self->tag_row);
}

/**
 * stw_new_asset_dialog_get_error:
 *
 * Returns: (nullable): the message shown in the dialog, if any
 */
const char *
stw_new_asset_dialog_get_error (StwNewAssetDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_ASSET_DIALOG (self), NULL);
  return self->error_text;
}
