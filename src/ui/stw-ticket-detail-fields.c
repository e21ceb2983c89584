/* stw-ticket-detail-fields.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-ticket-detail-private.h"
#include "stw-ui-util.h"
#include "core/stw-error.h"
#include "core/stw-person.h"
#include "core/stw-validate.h"

/*
 * The fields of the ticket's detail: which widget edits which field,
 * where its problem is shown, and what its widgets hold, checked as the
 * store would check it.
 */

Field
stw_ticket_detail_field_of (StwTicketDetail *self,
                            GtkWidget       *widget)
{
  if (widget == GTK_WIDGET (self->impact_row) || widget == GTK_WIDGET (self->urgency_row) ||
      widget == GTK_WIDGET (self->override_priority_row))
    return FIELD_LEVELS;

  for (Field field = 0; field < N_FIELDS; field++)
    if (self->rows[field] == widget)
      return field;

  return N_FIELDS;
}

static GtkLabel *
message_label_for (StwTicketDetail *self,
                   Field            field)
{
  switch (field)
    {
    case FIELD_DESCRIPTION:
      return self->description_message;
    case FIELD_LEVELS:
      return self->priority_message;
    case FIELD_REQUESTER:
    case FIELD_ASSIGNEE:
      return self->people_message;
    case FIELD_DUE:
      return self->sla_message;
    case FIELD_PARENT:
    case FIELD_PROBLEM:
      return self->links_message;
    case FIELD_TITLE:
    case FIELD_STATUS:
    case FIELD_CATEGORY:
    case FIELD_QUEUE:
    case FIELD_TAGS:
    case N_FIELDS:
    default:
      return self->ticket_message;
    }
}

/* Shows the first problem of each group under it. */
static void
update_messages (StwTicketDetail *self)
{
  GtkLabel *labels[] = { self->ticket_message, self->description_message,
                         self->priority_message, self->people_message, self->links_message,
                         self->sla_message };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *message = NULL;

      for (Field field = 0; field < N_FIELDS && message == NULL; field++)
        if (self->errors[field] != NULL && message_label_for (self, field) == labels[i])
          message = self->errors[field];

      gtk_label_set_label (labels[i], message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), message != NULL);
    }
}

void
stw_ticket_detail_set_field_error (StwTicketDetail *self,
                                   Field            field,
                                   const GError    *error)
{
  GtkWidget *row = self->rows[field];

  g_clear_pointer (&self->errors[field], g_free);
  if (error != NULL)
    self->errors[field] = g_strdup (error->message);

  if (self->icons[field] != NULL)
    {
      stw_ui_set_row_error (row, self->icons[field], error);
    }
  else if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  update_messages (self);
}

void
stw_ticket_detail_clear_errors (StwTicketDetail *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->errors[field] != NULL)
      stw_ticket_detail_set_field_error (self, field, NULL);
}

StwTicket *
stw_ticket_detail_copy_ticket (StwTicket *ticket)
{
  StwTicket *copy = stw_ticket_new (stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE));

  stw_ticket_update_from (copy, ticket);
  return copy;
}

/* Copies what @field covers from @src to @dst. */
void
stw_ticket_detail_copy_field (StwTicket *dst,
                              StwTicket *src,
                              Field      field)
{
#define COPY_TEXT(t) \
  stw_ticket_set_text (dst, STW_TICKET_TEXT_##t, stw_ticket_get_text (src, STW_TICKET_TEXT_##t))
#define COPY_VALUE(v) \
  stw_ticket_set_value (dst, STW_TICKET_VALUE_##v, stw_ticket_get_value (src, STW_TICKET_VALUE_##v))
  switch (field)
    {
    case FIELD_TITLE:
      COPY_TEXT (TITLE);
      break;
    case FIELD_STATUS:
      COPY_VALUE (STATUS);
      break;
    case FIELD_CATEGORY:
      COPY_TEXT (CATEGORY);
      break;
    case FIELD_QUEUE:
      COPY_TEXT (QUEUE);
      break;
    case FIELD_TAGS:
      COPY_TEXT (TAGS);
      break;
    case FIELD_DESCRIPTION:
      COPY_TEXT (DESCRIPTION);
      break;
    case FIELD_LEVELS:
      COPY_VALUE (IMPACT);
      COPY_VALUE (URGENCY);
      COPY_VALUE (PRIORITY);
      COPY_TEXT (PRIORITY_REASON);
      break;
    case FIELD_REQUESTER:
      COPY_VALUE (REQUESTER_ID);
      COPY_TEXT (REQUESTER_NAME);
      break;
    case FIELD_ASSIGNEE:
      COPY_VALUE (ASSIGNEE_ID);
      COPY_TEXT (ASSIGNEE_NAME);
      break;
    case FIELD_DUE:
      COPY_VALUE (DUE);
      break;
    case FIELD_PARENT:
      COPY_VALUE (PARENT_ID);
      break;
    case FIELD_PROBLEM:
      COPY_VALUE (PROBLEM_ID);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
#undef COPY_TEXT
#undef COPY_VALUE
}

char *
stw_ticket_detail_description_text (StwTicketDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* One line of text, checked and trimmed. */
static gboolean
read_line (StwTicketDetail  *self,
           Field             field,
           const char       *label,
           gboolean          required,
           char            **text,
           GError          **error)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));

  if (!stw_validate_line (typed, label, required, error))
    return FALSE;

  *text = g_strstrip (g_strdup (typed));
  return TRUE;
}

static gpointer
selected_item (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);

  if (model == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (model, selected);
}

/* "#42", "42" or nothing (none). */
static gboolean
parse_ticket_number (const char  *text,
                     gint64      *id,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *digits = stripped[0] == '#' ? stripped + 1 : stripped;
  guint64 number = 0;

  *id = 0;
  if (stripped[0] == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a ticket number. Enter one such as #42, or nothing."),
                   stripped);
      return FALSE;
    }

  *id = (gint64) number;
  return TRUE;
}

/*
 * Puts what @field's widgets hold into @ticket, or says why it cannot
 * be: the same checks, with the same messages, as the store's.
 */
gboolean
stw_ticket_detail_read_field (StwTicketDetail  *self,
                              Field             field,
                              StwTicket        *ticket,
                              GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(StwPerson) person = NULL;
  guint selected;
  gint64 due;

  switch (field)
    {
    case FIELD_TITLE:
      if (!read_line (self, field, _("Title"), TRUE, &text, error))
        return FALSE;
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, text);
      break;

    case FIELD_CATEGORY:
      if (!read_line (self, field, _("Category"), FALSE, &text, error))
        return FALSE;
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_CATEGORY, text);
      break;

    case FIELD_QUEUE:
      if (!read_line (self, field, _("Queue"), FALSE, &text, error))
        return FALSE;
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, text);
      break;

    case FIELD_TAGS:
      if (!read_line (self, field, _("Tags"), FALSE, &text, error))
        return FALSE;
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_TAGS, text);
      break;

    case FIELD_DESCRIPTION:
      text = stw_ticket_detail_description_text (self);
      if (g_utf8_strlen (text, -1) > STW_MAX_NOTES_LENGTH)
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                       _("The description is longer than %d characters."), STW_MAX_NOTES_LENGTH);
          return FALSE;
        }
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, text);
      break;

    case FIELD_STATUS:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[field]));
      if (selected >= self->statuses->len)
        return TRUE;
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS,
                            g_array_index (self->statuses, StwTicketStatus, selected));
      break;

    case FIELD_LEVELS:
      stw_ticket_set_levels (ticket, adw_combo_row_get_selected (self->impact_row) % STW_N_LEVELS,
                             adw_combo_row_get_selected (self->urgency_row) % STW_N_LEVELS);
      if (adw_expander_row_get_enable_expansion (self->override_row))
        {
          if (!read_line (self, field, _("Reason"), FALSE, &text, error))
            return FALSE;
          stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY,
                                STW_PRIORITY_HIGHEST +
                                adw_combo_row_get_selected (self->override_priority_row) %
                                (STW_PRIORITY_LOWEST - STW_PRIORITY_HIGHEST + 1));
          stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, text);
        }
      break;

    case FIELD_REQUESTER:
    case FIELD_ASSIGNEE:
      person = selected_item (ADW_COMBO_ROW (self->rows[field]));
      if (person == NULL)
        return TRUE;
      stw_ticket_set_value (ticket, field == FIELD_REQUESTER ? STW_TICKET_VALUE_REQUESTER_ID
                                                             : STW_TICKET_VALUE_ASSIGNEE_ID,
                            stw_person_get_id (person));
      stw_ticket_set_text (ticket, field == FIELD_REQUESTER ? STW_TICKET_TEXT_REQUESTER_NAME
                                                            : STW_TICKET_TEXT_ASSIGNEE_NAME,
                           stw_person_get_id (person) != 0 ? stw_person_get_name (person) : NULL);
      break;

    case FIELD_DUE:
      if (!stw_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])), &due, error))
        return FALSE;
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, due);
      break;

    case FIELD_PARENT:
    case FIELD_PROBLEM:
      {
        gint64 linked;

        if (!parse_ticket_number (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])),
                                  &linked, error))
          return FALSE;
        if (linked != 0 && linked == stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID))
          {
            g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                                 _("A ticket cannot be linked to itself."));
            return FALSE;
          }
        stw_ticket_set_value (ticket, field == FIELD_PARENT ? STW_TICKET_VALUE_PARENT_ID
                                                            : STW_TICKET_VALUE_PROBLEM_ID,
                              linked);
      }
      break;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

