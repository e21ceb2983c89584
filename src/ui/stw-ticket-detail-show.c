/* stw-ticket-detail-show.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "core/stw-time.h"
#include "stw-ticket-detail-private.h"
#include "core/stw-person.h"
#include "core/stw-validate.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"

/*
 * Showing a ticket in its detail: the values of its fields, what its
 * status can become, its priority and where that comes from, its times,
 * and its service level clocks in words, icons and colour.
 */

static gint64
usec_of (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static void
set_state_class (GtkWidget   *widget,
                 const char  *css_class)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

/* One SLA clock: an icon, a state in words and colour, and its times. */
static void
show_clock (AdwActionRow      *row,
            GtkImage          *icon,
            GtkLabel          *state,
            StwSlaCalendar    *calendar,
            gint64             target,
            GDateTime         *start,
            GArray            *pauses,
            gint64             met_usec,
            GDateTime         *now)
{
  g_autoptr(GDateTime) met = met_usec != 0 ? stw_time_from_usec (met_usec) : NULL;
  g_autofree char *due = NULL;
  g_autofree char *left = NULL;
  g_autofree char *used = NULL;
  g_autofree char *subtitle = NULL;
  const char *css_class = NULL;
  StwSlaClock clock = { 0, };

  if (target <= 0)
    {
      gtk_image_set_from_icon_name (icon, "alarm-symbolic");
      set_state_class (GTK_WIDGET (icon), "dim-label");
      set_state_class (GTK_WIDGET (state), "dim-label");
      gtk_label_set_label (state, _("No Target"));
      adw_action_row_set_subtitle (row, _("The service level sets no time for this priority."));
      return;
    }

  stw_sla_clock_compute (&clock, calendar, target, start, (const StwSlaPause *)pauses->data,
                         pauses->len, met, now);

  if (clock.due != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (clock.due);

      due = stw_format_time (usec_of (local));
    }
  left = stw_sla_format_duration (clock.left);
  used = stw_sla_format_duration (clock.elapsed);

  switch (clock.state)
    {
    case STW_SLA_STATE_RUNNING:
      /* Translators: an SLA clock: “Due 14 Mar 2026, 17:00 · 2 h 05 min left” */
      subtitle = g_strdup_printf (_("Due %s · %s left"), due ?: "—", left);
      break;
    case STW_SLA_STATE_AT_RISK:
      subtitle = g_strdup_printf (_("Due %s · %s left"), due ?: "—", left);
      css_class = "warning";
      break;
    case STW_SLA_STATE_BREACHED:
      /* Translators: a breached SLA clock: “Was due 14 Mar 2026, 17:00 · 1 h 10 min over” */
      subtitle = g_strdup_printf (_("Was due %s · %s over"), due ?: "—", left);
      css_class = "error";
      break;
    case STW_SLA_STATE_PAUSED:
      /* Translators: an SLA clock stopped while the ticket waits */
      subtitle = g_strdup_printf (_("Stopped while the ticket waits · %s left"), left);
      css_class = "dim-label";
      break;
    case STW_SLA_STATE_MET:
      /* Translators: an SLA target met: “Met after 25 min” */
      subtitle = g_strdup_printf (_("Met after %s"), used);
      css_class = "success";
      break;
    case STW_SLA_STATE_MISSED:
    default:
      /* Translators: an SLA target met late: “Met after 5 h 10 min, 1 h 10 min late” */
      subtitle = g_strdup_printf (_("Met after %s, %s late"), used, left);
      css_class = "error";
      break;
    }

  gtk_image_set_from_icon_name (icon, stw_sla_state_icon_name (clock.state));
  set_state_class (GTK_WIDGET (icon), css_class);
  set_state_class (GTK_WIDGET (state), css_class);
  gtk_label_set_label (state, stw_sla_state_label (clock.state));
  adw_action_row_set_subtitle (row, subtitle);

  stw_sla_clock_clear (&clock);
}

void
stw_ticket_detail_show_sla (StwTicketDetail *self)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GArray) pauses = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  StwSlaPolicy policy;
  gint64 id, priority;

  if (self->ticket == NULL || self->db == NULL)
    return;

  id = stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_ID);
  priority = CLAMP (stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_PRIORITY),
                    STW_PRIORITY_HIGHEST, STW_PRIORITY_LOWEST);
  calendar = stw_preferences_repo_load_sla (self->db, &policy);
  pauses = stw_ticket_repo_list_pauses (self->db, id, NULL);
  if (pauses == NULL)
    pauses = g_array_new (FALSE, TRUE, sizeof (StwSlaPause));
  start = stw_time_from_usec (stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_CREATED));

  show_clock (self->response_row, self->response_icon, self->response_state, calendar,
              policy.response[priority], start, pauses,
              stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_FIRST_RESPONSE), now);
  show_clock (self->resolution_row, self->resolution_icon, self->resolution_state, calendar,
              policy.resolution[priority], start, pauses,
              stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_RESOLVED), now);
}

static void
show_time (AdwActionRow *row,
           gint64        usec)
{
  g_autofree char *text = stw_format_time (usec);

  adw_action_row_set_subtitle (row, text != NULL ? text : _("Not yet"));
}

/* Offers the statuses the lifecycle allows from the current one. */
static void
show_statuses (StwTicketDetail *self)
{
  StwTicketType type = stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_TYPE);
  StwTicketStatus current = stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_STATUS);
  g_autoptr(GtkStringList) labels = NULL;
  const StwTicketStatus *all;
  guint n_all, position = 0;

  if (self->statuses->len > 0 && self->statuses_from == current)
    {
      for (guint i = 0; i < self->statuses->len; i++)
        if (g_array_index (self->statuses, StwTicketStatus, i) == current)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_STATUS]), i);
      return;
    }

  labels = gtk_string_list_new (NULL);
  g_array_set_size (self->statuses, 0);
  all = stw_ticket_type_get_statuses (type, &n_all);
  for (guint i = 0; i < n_all; i++)
    if (all[i] == current || stw_ticket_transition_allowed (type, current, all[i]))
      {
        if (all[i] == current)
          position = self->statuses->len;
        g_array_append_val (self->statuses, all[i]);
        gtk_string_list_append (labels, stw_ticket_status_label (all[i]));
      }

  self->statuses_from = current;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_STATUS]), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_STATUS]), position);
}

static void
reload_people (StwTicketDetail *self)
{
  g_autoptr(GListModel) people = stw_person_repo_list_names (self->db, NULL);
  g_autoptr(StwPerson) nobody = stw_person_new ();

  stw_person_set_name (nobody, _("Nobody"));
  g_list_store_remove_all (self->people);
  g_list_store_append (self->people, nobody);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);

      g_list_store_append (self->people, person);
    }
}

static void
show_person (StwTicketDetail *self,
             Field            field,
             gint64           id)
{
  GListModel *model = G_LIST_MODEL (self->people);
  guint position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (model, i);

      if (stw_person_get_id (person) == id)
        position = i;
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[field]), position);
}

static void
show_levels (StwTicketDetail *self)
{
  StwTicket *ticket = self->ticket;
  gint64 priority = stw_ticket_get_value (ticket, STW_TICKET_VALUE_PRIORITY);
  gboolean overridden = stw_ticket_priority_is_overridden (ticket);

  adw_combo_row_set_selected (self->impact_row,
                              stw_ticket_get_value (ticket, STW_TICKET_VALUE_IMPACT));
  adw_combo_row_set_selected (self->urgency_row,
                              stw_ticket_get_value (ticket, STW_TICKET_VALUE_URGENCY));
  adw_expander_row_set_enable_expansion (self->override_row, overridden);
  adw_combo_row_set_selected (self->override_priority_row,
                              CLAMP (priority, STW_PRIORITY_HIGHEST, STW_PRIORITY_LOWEST) -
                              STW_PRIORITY_HIGHEST);
}

/* The priority as it is, and where it comes from. */
static void
show_priority (StwTicketDetail *self)
{
  gint64 priority = stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_PRIORITY);
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;

  if (priority >= STW_PRIORITY_HIGHEST && priority <= STW_PRIORITY_LOWEST)
    label = stw_ticket_priority_describe (priority);
  gtk_label_set_label (self->priority_label, label != NULL ? label : "");

  if (stw_ticket_priority_is_overridden (self->ticket))
    /* Translators: the priority was set by hand, and why */
    subtitle = g_strdup_printf (_("Set by hand: %s"),
                                stw_ticket_get_text (self->ticket,
                                                     STW_TICKET_TEXT_PRIORITY_REASON) ?: "");
  else
    subtitle = g_strdup (_("From impact and urgency"));
  adw_action_row_set_subtitle (self->priority_row, subtitle);
}

/*
 * Shows @text in @field's entry. A mark on what was typed there before
 * no longer applies to what is shown now.
 */
static void
set_entry_text (StwTicketDetail *self,
                Field            field,
                const char      *text)
{
  GtkEditable *row = GTK_EDITABLE (self->rows[field]);

  /* Only when different, so the cursor of a focused entry stays put. */
  if (g_strcmp0 (gtk_editable_get_text (row), text != NULL ? text : "") == 0)
    return;

  gtk_editable_set_text (row, text != NULL ? text : "");
  if (self->errors[field] != NULL)
    stw_ticket_detail_set_field_error (self, field, NULL);
}

/*
 * Shows what the working copy holds in everything but the fields typed
 * into (@with_texts: in those too, except fields with edits not saved).
 */
void
stw_ticket_detail_show_values (StwTicketDetail *self,
                               gboolean         with_texts)
{
  StwTicket *ticket = self->ticket;
  gboolean was_loading = self->loading;
  g_autofree char *heading = NULL;
  g_autofree char *id_text = NULL;
  StwTicketType type;

  if (ticket == NULL)
    return;

  self->loading = TRUE;

  type = stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, stw_ticket_get_value (ticket,
                                                                        STW_TICKET_VALUE_ID));
  /* Translators: a ticket's heading: its type and number, as in “Incident #42” */
  heading = g_strdup_printf (_("%s #%s"), stw_ticket_type_label (type), id_text);
  adw_preferences_group_set_title (self->ticket_group, heading);
  adw_action_row_set_subtitle (self->type_row, stw_ticket_type_label (type));

  if (!(self->dirty & FIELD_BIT (FIELD_STATUS)))
    show_statuses (self);
  if (!(self->dirty & FIELD_BIT (FIELD_LEVELS)))
    show_levels (self);
  if (self->people_stale)
    {
      self->people_stale = FALSE;
      reload_people (self);
    }
  if (!(self->dirty & FIELD_BIT (FIELD_REQUESTER)))
    show_person (self, FIELD_REQUESTER,
                 stw_ticket_get_value (ticket, STW_TICKET_VALUE_REQUESTER_ID));
  if (!(self->dirty & FIELD_BIT (FIELD_ASSIGNEE)))
    show_person (self, FIELD_ASSIGNEE, stw_ticket_get_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID));

  if (with_texts)
    {
      static const struct
      {
        Field         field;
        StwTicketText text;
      } texts[] = {
        { FIELD_TITLE,    STW_TICKET_TEXT_TITLE },
        { FIELD_CATEGORY, STW_TICKET_TEXT_CATEGORY },
        { FIELD_QUEUE,    STW_TICKET_TEXT_QUEUE },
        { FIELD_TAGS,     STW_TICKET_TEXT_TAGS },
      };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (!(self->dirty & FIELD_BIT (texts[i].field)))
          set_entry_text (self, texts[i].field, stw_ticket_get_text (ticket, texts[i].text));

      if (!(self->dirty & FIELD_BIT (FIELD_LEVELS)))
        {
          const char *reason = stw_ticket_get_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON);
          GtkEditable *reason_row = GTK_EDITABLE (self->rows[FIELD_LEVELS]);

          if (g_strcmp0 (gtk_editable_get_text (reason_row), reason ?: "") != 0)
            {
              gtk_editable_set_text (reason_row, reason ?: "");
              if (self->errors[FIELD_LEVELS] != NULL)
                stw_ticket_detail_set_field_error (self, FIELD_LEVELS, NULL);
            }
        }

      for (Field field = FIELD_PARENT; field <= FIELD_PROBLEM; field++)
        if (!(self->dirty & FIELD_BIT (field)))
          {
            gint64 linked = stw_ticket_get_value (ticket, field == FIELD_PARENT
                                                          ? STW_TICKET_VALUE_PARENT_ID
                                                          : STW_TICKET_VALUE_PROBLEM_ID);
            g_autofree char *number = linked != 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT,
                                                                     linked)
                                                  : NULL;

            set_entry_text (self, field, number);
          }

      if (!(self->dirty & FIELD_BIT (FIELD_DUE)))
        {
          g_autofree char *due = NULL;

          due = stw_format_time_entry (stw_ticket_get_value (ticket, STW_TICKET_VALUE_DUE));
          set_entry_text (self, FIELD_DUE, due);
        }

      if (!(self->dirty & FIELD_BIT (FIELD_DESCRIPTION)))
        {
          g_autofree char *shown = stw_ticket_detail_description_text (self);
          const char *stored = stw_ticket_get_text (ticket, STW_TICKET_TEXT_DESCRIPTION);

          if (g_strcmp0 (shown, stored ?: "") != 0)
            {
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                        stored ?: "", -1);
              if (self->errors[FIELD_DESCRIPTION] != NULL)
                stw_ticket_detail_set_field_error (self, FIELD_DESCRIPTION, NULL);
            }
        }
    }

  show_priority (self);
  show_time (self->created_row, stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED));
  show_time (self->updated_row, stw_ticket_get_value (ticket, STW_TICKET_VALUE_UPDATED));
  show_time (self->first_response_row,
             stw_ticket_get_value (ticket, STW_TICKET_VALUE_FIRST_RESPONSE));
  show_time (self->resolved_row, stw_ticket_get_value (ticket, STW_TICKET_VALUE_RESOLVED));
  show_time (self->closed_row, stw_ticket_get_value (ticket, STW_TICKET_VALUE_CLOSED));
  stw_ticket_detail_show_sla (self);
  stw_ticket_detail_show_related (self);
  /* Only incidents have a problem. */
  gtk_widget_set_visible (self->rows[FIELD_PROBLEM], type == STW_TICKET_TYPE_INCIDENT ||
                          stw_ticket_get_value (ticket, STW_TICKET_VALUE_PROBLEM_ID) != 0);

  self->loading = was_loading;
}

/*
 * The working copy takes what is stored, except in fields with edits
 * not saved yet.
 */
gboolean
stw_ticket_detail_refresh_from_store (StwTicketDetail *self)
{
  g_autoptr(StwTicket) stored = NULL;

  stored = stw_ticket_repo_load (self->db, stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_ID),
                                 NULL);
  if (stored == NULL)
    return FALSE;

  for (Field field = 0; field < N_FIELDS; field++)
    if (self->dirty & FIELD_BIT (field))
      stw_ticket_detail_copy_field (stored, self->ticket, field);
  stw_ticket_update_from (self->ticket, stored);
  return TRUE;
}


/* ------------------------------------------------------------------------ */
/* Related tickets                                                          */
/* ------------------------------------------------------------------------ */

#define RELATED_SHOWN 64

static GtkWidget *
related_row_new (StwTicket  *ticket,
                 const char *relation)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", id,
                                            stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
  g_autofree char *subtitle = NULL;

  if (relation != NULL)
    /* Translators: how a ticket is related, its type and its status, as in
     * “Part · Service Request · Assigned” */
    subtitle = g_strdup_printf (_("%s · %s · %s"), relation,
                                stw_ticket_type_label (stw_ticket_get_value (ticket,
                                                                             STW_TICKET_VALUE_TYPE)),
                                stw_ticket_status_label (stw_ticket_get_value (ticket,
                                                                               STW_TICKET_VALUE_STATUS)));
  else
    /* Translators: a ticket's type and status, as in “Incident · Closed” */
    subtitle = g_strdup_printf (_("%s · %s"),
                                stw_ticket_type_label (stw_ticket_get_value (ticket,
                                                                             STW_TICKET_VALUE_TYPE)),
                                stw_ticket_status_label (stw_ticket_get_value (ticket,
                                                                               STW_TICKET_VALUE_STATUS)));
  /* Titles are plain text: “R&D” is no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-ticket");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
  return row;
}

static void
append_related (StwTicketDetail *self,
                GArray          *ids,
                const char      *relation,
                guint           *shown)
{
  g_autoptr(GPtrArray) tickets = NULL;
  guint n;

  if (ids == NULL || ids->len == 0 || *shown >= RELATED_SHOWN)
    return;

  n = MIN (ids->len, RELATED_SHOWN - *shown);
  tickets = stw_ticket_repo_load_many (self->db, (const gint64 *)(gpointer) ids->data, n, NULL);
  for (guint i = 0; tickets != NULL && i < tickets->len; i++)
    gtk_list_box_append (self->related_list, related_row_new (g_ptr_array_index (tickets, i),
                                                              relation));
  *shown += n;
}

/**
 * stw_ticket_detail_show_related:
 *
 * Lists the ticket's parts (the tickets it is the parent of) and, for a
 * problem, its incidents; each opens its ticket.
 */
void
stw_ticket_detail_show_related (StwTicketDetail *self)
{
  g_autoptr(GArray) children = NULL;
  g_autoptr(GArray) incidents = NULL;
  guint shown = 0, total;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_list))) != NULL)
    gtk_list_box_remove (self->related_list, child);
  if (self->ticket == NULL || self->db == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->related_list), FALSE);
      return;
    }

  children = stw_ticket_repo_list_children (self->db, self->ticket_id, NULL);
  if (stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_TYPE) == STW_TICKET_TYPE_PROBLEM)
    incidents = stw_ticket_repo_list_incidents (self->db, self->ticket_id, NULL);

  /* Translators: a ticket that is part of this one */
  append_related (self, children, C_("related ticket", "Part"), &shown);
  /* A problem's incidents say what they are by their type. */
  append_related (self, incidents, NULL, &shown);

  total = (children != NULL ? children->len : 0) + (incidents != NULL ? incidents->len : 0);
  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more ticket",
                                                            "and %u more tickets",
                                                            total - shown),
                                               total - shown);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->related_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->related_list), total > 0);
}
