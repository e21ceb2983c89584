/* stw-person-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-person-dialog.h"
#include "stw-ui-util.h"
#include "core/stw-validate.h"
#include "store/stw-person-repo.h"

/* Adds a person, or edits one: name, email and department. */

struct _StwPersonDialog
{
  AdwMessageDialog  parent_instance;

  StwDatabase      *db;
  StwPerson        *person;
  GCancellable     *cancellable;
  char             *error_text;

  GtkWidget        *name_row;
  GtkWidget        *name_icon;
  GtkWidget        *email_row;
  GtkWidget        *email_icon;
  GtkWidget        *department_row;
  GtkWidget        *department_icon;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (StwPersonDialog, stw_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ------------------------------------------------------------------------ */

static void
show_error (StwPersonDialog *self,
            const GError    *error)
{
  g_free (self->error_text);
  self->error_text = error != NULL ? g_strdup (error->message) : NULL;
  gtk_label_set_label (self->message, self->error_text != NULL ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), self->error_text != NULL);
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
validate (StwPersonDialog *self)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) email_error = NULL;
  g_autoptr(GError) department_error = NULL;
  const char *name = text_of (self->name_row);

  if (name[0] != '\0')
    stw_validate_line (name, _("Name"), TRUE, &name_error);
  stw_validate_email (text_of (self->email_row), &email_error);
  stw_validate_line (text_of (self->department_row), _("Department"), FALSE, &department_error);

  stw_ui_set_row_error (self->name_row, self->name_icon, name_error);
  stw_ui_set_row_error (self->email_row, self->email_icon, email_error);
  stw_ui_set_row_error (self->department_row, self->department_icon, department_error);
  show_error (self, name_error != NULL ? name_error
                    : email_error != NULL ? email_error : department_error);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           name[0] != '\0' && name_error == NULL &&
                                           email_error == NULL && department_error == NULL);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwPersonDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (stw_person_repo_save_finish (STW_DATABASE (object), result, &error) == 0)
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
stw_person_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  StwPersonDialog *self = STW_PERSON_DIALOG (dialog);

  if (g_strcmp0 (response, "save") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  stw_person_set_name (self->person, text_of (self->name_row));
  stw_person_set_email (self->person, text_of (self->email_row));
  stw_person_set_department (self->person, text_of (self->department_row));
  stw_person_repo_save_async (self->db, self->person, self->cancellable, save_cb,
                              g_object_ref (self));
}

/* ------------------------------------------------------------------------ */

static void
stw_person_dialog_dispose (GObject *object)
{
  StwPersonDialog *self = (StwPersonDialog *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (stw_person_dialog_parent_class)->dispose (object);
}

static void
stw_person_dialog_finalize (GObject *object)
{
  StwPersonDialog *self = (StwPersonDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->person);
  g_free (self->error_text);

  G_OBJECT_CLASS (stw_person_dialog_parent_class)->finalize (object);
}

static void
stw_person_dialog_class_init (StwPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_person_dialog_dispose;
  object_class->finalize = stw_person_dialog_finalize;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = stw_person_dialog_response;
}

static void
stw_person_dialog_init (StwPersonDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->name_row = stw_ui_entry_row_new (_("Name"), &self->name_icon);
  self->email_row = stw_ui_entry_row_new (_("Email"), &self->email_icon);
  self->department_row = stw_ui_entry_row_new (_("Department"), &self->department_icon);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->email_row), GTK_INPUT_PURPOSE_EMAIL);
  gtk_list_box_append (GTK_LIST_BOX (list), self->name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->email_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->department_row);

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
 * stw_person_dialog_new:
 * @person: (nullable): the person to edit, or %NULL to add one
 */
StwPersonDialog *
stw_person_dialog_new (StwDatabase *db,
                       StwPerson   *person)
{
  StwPersonDialog *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_PERSON_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->person = stw_person_new ();

  if (person != NULL)
    {
      stw_person_set_id (self->person, stw_person_get_id (person));
      stw_person_set_uuid (self->person, stw_person_get_uuid (person));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), stw_person_get_name (person) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), stw_person_get_email (person) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->department_row),
                             stw_person_get_department (person) ?: "");
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Person"));
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add Person"));
    }

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_row, "changed", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  validate (self);

  return self;
}

/**
 * stw_person_dialog_get_field:
 * @name: “name”, “email” or “department”
 */
GtkEditable *
stw_person_dialog_get_field (StwPersonDialog *self,
                             const char      *name)
{
  g_return_val_if_fail (STW_IS_PERSON_DIALOG (self), NULL);

  if (g_strcmp0 (name, "email") == 0)
    return GTK_EDITABLE (self->email_row);
  if (g_strcmp0 (name, "department") == 0)
    return GTK_EDITABLE (self->department_row);
  return GTK_EDITABLE (self->name_row);
}

const char *
stw_person_dialog_get_error (StwPersonDialog *self)
{
  g_return_val_if_fail (STW_IS_PERSON_DIALOG (self), NULL);
  return self->error_text;
}
