/* stw-new-ticket-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-new-ticket-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-new-ticket-dialog.h"
#include "stw-ui-util.h"
#include "core/stw-person.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"

/*
 * Opens a ticket with what triage needs: its type, a title, impact and
 * urgency (the priority they give is shown as they change), who asked
 * and who works on it, and its queue. The rest is filled in afterwards,
 * in the detail.
 */

struct _StwNewTicketDialog
{
  AdwMessageDialog  parent_instance;

  StwDatabase      *db;
  GListModel       *people;     /* StwPerson, from row 1 on */
  char             *error_text;

  GtkWidget        *type_row;
  GtkWidget        *title_row;
  GtkWidget        *title_icon;
  GtkWidget        *impact_row;
  GtkWidget        *urgency_row;
  GtkWidget        *priority_row;
  GtkWidget        *requester_row;
  GtkWidget        *assignee_row;
  GtkWidget        *queue_row;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (StwNewTicketDialog, stw_new_ticket_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static void
show_error (StwNewTicketDialog *self,
            const GError       *error)
{
  g_free (self->error_text);
  self->error_text = error != NULL ? g_strdup (error->message) : NULL;
  gtk_label_set_label (self->message, self->error_text != NULL ? self->error_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), self->error_text != NULL);
}

static void
levels_changed_cb (StwNewTicketDialog *self)
{
  int priority = stw_ticket_priority (adw_combo_row_get_selected (ADW_COMBO_ROW (self->impact_row)),
                                      adw_combo_row_get_selected (ADW_COMBO_ROW (self->urgency_row)));
  g_autofree char *label = stw_ticket_priority_label (priority);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->priority_row), label);
}

static void
title_changed_cb (StwNewTicketDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           stripped[0] != '\0');
  show_error (self, NULL);
}

/* Person @row (0: nobody). */
static gint64
person_id (StwNewTicketDialog *self,
           GtkWidget          *row)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  g_autoptr(StwPerson) person = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->people == NULL)
    return 0;

  person = g_list_model_get_item (self->people, selected - 1);
  return person != NULL ? stw_person_get_id (person) : 0;
}

static void
stw_new_ticket_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  StwNewTicketDialog *self = STW_NEW_TICKET_DIALOG (dialog);
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "create") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  ticket = stw_ticket_new (adw_combo_row_get_selected (ADW_COMBO_ROW (self->type_row)));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE,
                       gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  stw_ticket_set_levels (ticket, adw_combo_row_get_selected (ADW_COMBO_ROW (self->impact_row)),
                         adw_combo_row_get_selected (ADW_COMBO_ROW (self->urgency_row)));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID,
                        person_id (self, self->requester_row));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID,
                        person_id (self, self->assignee_row));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE,
                       gtk_editable_get_text (GTK_EDITABLE (self->queue_row)));

  id = stw_ticket_repo_save_sync (self->db, ticket, &error);
  if (id == 0)
    {
      /* Keep what was typed and say why it was not opened. */
      show_error (self, error);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */

static GtkWidget *
combo_row_new (const char        *title,
               const char *const *labels,
               guint              n_labels,
               guint              selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static void
stw_new_ticket_dialog_finalize (GObject *object)
{
  StwNewTicketDialog *self = (StwNewTicketDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->people);
  g_free (self->error_text);

  G_OBJECT_CLASS (stw_new_ticket_dialog_parent_class)->finalize (object);
}

static void
stw_new_ticket_dialog_class_init (StwNewTicketDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = stw_new_ticket_dialog_finalize;
  dialog_class->response = stw_new_ticket_dialog_response;

  /**
   * StwNewTicketDialog::created:
   * @id: the new ticket
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
stw_new_ticket_dialog_init (StwNewTicketDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *types[STW_N_TICKET_TYPES];
  const char *levels[STW_N_LEVELS];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  adw_message_dialog_set_heading (dialog, _("New Ticket"));
  adw_message_dialog_set_body (dialog, _("Say what happened or what is needed, and how much "
                                         "it matters. You can add the details afterwards."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("_Create"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < STW_N_TICKET_TYPES; i++)
    types[i] = stw_ticket_type_label (i);
  for (guint i = 0; i < STW_N_LEVELS; i++)
    levels[i] = stw_level_label (i);

  self->type_row = combo_row_new (_("Type"), types, STW_N_TICKET_TYPES,
                                  STW_TICKET_TYPE_INCIDENT);
  self->title_row = stw_ui_entry_row_new (_("Title"), &self->title_icon);
  self->impact_row = combo_row_new (_("Impact"), levels, STW_N_LEVELS, STW_LEVEL_MEDIUM);
  self->urgency_row = combo_row_new (_("Urgency"), levels, STW_N_LEVELS, STW_LEVEL_MEDIUM);
  self->priority_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->priority_row), _("Priority"));
  self->requester_row = combo_row_new (_("Requester"), NULL, 0, 0);
  self->assignee_row = combo_row_new (_("Assignee"), NULL, 0, 0);
  self->queue_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->queue_row), _("Queue"));

  gtk_list_box_append (GTK_LIST_BOX (list), self->type_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->title_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->impact_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->urgency_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->priority_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->requester_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->assignee_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->queue_row);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Type it at once: incidents, the usual kind, are already chosen. */
  gtk_window_set_focus (GTK_WINDOW (self), self->title_row);
  g_signal_connect_object (self->impact_row, "notify::selected", G_CALLBACK (levels_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->urgency_row, "notify::selected", G_CALLBACK (levels_changed_cb),
                           self, G_CONNECT_SWAPPED);
  levels_changed_cb (self);
}

/* ------------------------------------------------------------------------ */

/**
 * stw_new_ticket_dialog_new:
 *
 * Returns: (transfer floating): the dialog; "created" tells the new
 *   ticket's id
 */
GtkWidget *
stw_new_ticket_dialog_new (StwDatabase *db)
{
  StwNewTicketDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 me;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_NEW_TICKET_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->people = stw_person_repo_list_names (db, NULL);
  me = stw_preferences_repo_get_me (db);

  gtk_string_list_append (names, _("Nobody"));
  for (guint i = 0; self->people != NULL && i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (self->people, i);

      gtk_string_list_append (names, stw_person_get_name (person));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->requester_row), G_LIST_MODEL (names));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->assignee_row), G_LIST_MODEL (names));

  /* A ticket I open, I usually take. */
  for (guint i = 0; me != 0 && self->people != NULL &&
                    i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (self->people, i);

      if (stw_person_get_id (person) == me)
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->assignee_row), i + 1);
    }

  return GTK_WIDGET (self);
}

GtkEditable *
stw_new_ticket_dialog_get_title_row (StwNewTicketDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_TICKET_DIALOG (self), NULL);
  return GTK_EDITABLE (self->title_row);
}

AdwComboRow *
stw_new_ticket_dialog_get_type_row (StwNewTicketDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_TICKET_DIALOG (self), NULL);
  return ADW_COMBO_ROW (self->type_row);
}

/**
 * stw_new_ticket_dialog_get_priority_text:
 *
 * Returns: the priority shown, as impact and urgency give it
 */
const char *
stw_new_ticket_dialog_get_priority_text (StwNewTicketDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_TICKET_DIALOG (self), NULL);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->priority_row));
}

/**
 * stw_new_ticket_dialog_get_error:
 *
 * Returns: (nullable): the message shown in the dialog, if any
 */
const char *
stw_new_ticket_dialog_get_error (StwNewTicketDialog *self)
{
  g_return_val_if_fail (STW_IS_NEW_TICKET_DIALOG (self), NULL);
  return self->error_text;
}
