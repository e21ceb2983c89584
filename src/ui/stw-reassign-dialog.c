/* stw-reassign-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-reassign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-reassign-dialog.h"
#include "store/stw-reassign.h"

/*
 * Deleting a location or a person that assets still point at: asks where
 * those assets go — somewhere else, or nowhere — before deleting.
 */

struct _StwReassignDialog
{
  AdwMessageDialog  parent_instance;

  GtkStringList    *labels;
  GArray           *ids;
  GtkDropDown      *dropdown;

  /* What to delete once a choice is made, if the dialog does it. */
  GtkWidget        *widget;
  StwDatabase      *db;
  GCancellable     *cancellable;
  StwDeleteStart    start;
  StwDeleteFinish   finish;
  gint64            id;
  char             *name;
};

G_DEFINE_FINAL_TYPE (StwReassignDialog, stw_reassign_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stw_reassign_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  StwReassignDialog *self = STW_REASSIGN_DIALOG (dialog);
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  gint64 target;

  if (g_strcmp0 (response, "delete") != 0 || selected >= self->ids->len)
    return;

  target = g_array_index (self->ids, gint64, selected);
  g_signal_emit (self, signals[CHOSEN], 0, target);

  if (self->start != NULL)
    stw_ui_delete_record (self->widget, self->db, self->start, self->finish, self->id, target,
                          self->name, self->cancellable);
}

static void
stw_reassign_dialog_finalize (GObject *object)
{
  StwReassignDialog *self = (StwReassignDialog *)object;

  g_clear_object (&self->labels);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->widget);
  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  g_free (self->name);

  G_OBJECT_CLASS (stw_reassign_dialog_parent_class)->finalize (object);
}

static void
stw_reassign_dialog_class_init (StwReassignDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_reassign_dialog_finalize;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = stw_reassign_dialog_response;

  /**
   * StwReassignDialog::chosen:
   * @target: where the assets go: an id, or %STW_REASSIGN_CLEAR
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
stw_reassign_dialog_init (StwReassignDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->labels = gtk_string_list_new (NULL);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->labels)),
                                                     NULL));
  gtk_drop_down_set_enable_search (self->dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move the assets to"), -1);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (self->dropdown));
}

/**
 * stw_reassign_dialog_new:
 * @clear_label: the first choice, to leave the assets without one
 */
StwReassignDialog *
stw_reassign_dialog_new (const char *heading,
                         const char *body,
                         const char *clear_label)
{
  StwReassignDialog *self = g_object_new (STW_TYPE_REASSIGN_DIALOG,
                                          "heading", heading,
                                          "body", body,
                                          NULL);

  stw_reassign_dialog_add_choice (self, STW_REASSIGN_CLEAR, clear_label);
  return self;
}

void
stw_reassign_dialog_add_choice (StwReassignDialog *self,
                                gint64             id,
                                const char        *label)
{
  g_return_if_fail (STW_IS_REASSIGN_DIALOG (self));

  g_array_append_val (self->ids, id);
  gtk_string_list_append (self->labels, label);
}

void
stw_reassign_dialog_select (StwReassignDialog *self,
                            guint              position)
{
  g_return_if_fail (STW_IS_REASSIGN_DIALOG (self));
  gtk_drop_down_set_selected (self->dropdown, position);
}

/**
 * stw_reassign_dialog_delete_on_choice:
 * @widget: the view, for the toast that follows
 *
 * Makes the “Delete” response delete record @id, moving its assets to the
 * choice made, with stw_ui_delete_record().
 */
void
stw_reassign_dialog_delete_on_choice (StwReassignDialog *self,
                                      GtkWidget         *widget,
                                      StwDatabase       *db,
                                      StwDeleteStart     start,
                                      StwDeleteFinish    finish,
                                      gint64             id,
                                      const char        *name,
                                      GCancellable      *cancellable)
{
  g_return_if_fail (STW_IS_REASSIGN_DIALOG (self));

  g_set_object (&self->widget, widget);
  g_set_object (&self->db, db);
  g_set_object (&self->cancellable, cancellable);
  self->start = start;
  self->finish = finish;
  self->id = id;
  g_free (self->name);
  self->name = g_strdup (name);
}
