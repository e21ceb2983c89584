/* stw-ticket.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-error.h"
#include "stw-ticket.h"

/*
 * One ticket, as the store has it or as it is being edited: its texts
 * and its numbers, each a property named as its column. Setting impact
 * or urgency through stw_ticket_set_levels() sets the priority the
 * matrix gives; setting the priority alone overrides it, which needs a
 * reason (see stw_ticket_validate()).
 */

struct _StwTicket
{
  GObject  parent_instance;

  char    *texts[STW_N_TICKET_TEXTS];
  gint64   values[STW_N_TICKET_VALUES];
  double   rank;
};

G_DEFINE_FINAL_TYPE (StwTicket, stw_ticket, G_TYPE_OBJECT)

/* Properties: the texts first, then the values, then the rank. */
#define PROP_TEXT(t)  (1 + (t))
#define PROP_VALUE(v) (1 + STW_N_TICKET_TEXTS + (v))
#define PROP_RANK     (1 + STW_N_TICKET_TEXTS + STW_N_TICKET_VALUES)
#define N_PROPS       (PROP_RANK + 1)

static GParamSpec *properties[N_PROPS];

static const char * const text_columns[] = {
  "uuid", "title", "description", "priority_reason", "category", "queue", "tags",
  "requester_name", "assignee_name",
};
G_STATIC_ASSERT (G_N_ELEMENTS (text_columns) == STW_N_TICKET_TEXTS);

static const char * const value_columns[] = {
  "id", "type", "status", "impact", "urgency", "priority", "requester_id", "assignee_id",
  "parent_id", "problem_id", "created", "updated", "first_response", "resolved", "closed", "due",
  "sla_due", "sla_risk",
};
G_STATIC_ASSERT (G_N_ELEMENTS (value_columns) == STW_N_TICKET_VALUES);

const char *
stw_ticket_text_to_column (StwTicketText text)
{
  g_return_val_if_fail (text < STW_N_TICKET_TEXTS, NULL);
  return text_columns[text];
}

const char *
stw_ticket_value_to_column (StwTicketValue value)
{
  g_return_val_if_fail (value < STW_N_TICKET_VALUES, NULL);
  return value_columns[value];
}

static void
stw_ticket_finalize (GObject *object)
{
  StwTicket *self = STW_TICKET (object);

  for (guint i = 0; i < STW_N_TICKET_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (stw_ticket_parent_class)->finalize (object);
}

static void
stw_ticket_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwTicket *self = STW_TICKET (object);

  if (prop_id >= PROP_TEXT (0) && prop_id < PROP_VALUE (0))
    g_value_set_string (value, self->texts[prop_id - PROP_TEXT (0)]);
  else if (prop_id >= PROP_VALUE (0) && prop_id < PROP_RANK)
    g_value_set_int64 (value, self->values[prop_id - PROP_VALUE (0)]);
  else if (prop_id == PROP_RANK)
    g_value_set_double (value, self->rank);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
stw_ticket_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StwTicket *self = STW_TICKET (object);

  if (prop_id >= PROP_TEXT (0) && prop_id < PROP_VALUE (0))
    stw_ticket_set_text (self, prop_id - PROP_TEXT (0), g_value_get_string (value));
  else if (prop_id >= PROP_VALUE (0) && prop_id < PROP_RANK)
    stw_ticket_set_value (self, prop_id - PROP_VALUE (0), g_value_get_int64 (value));
  else if (prop_id == PROP_RANK)
    stw_ticket_set_rank (self, g_value_get_double (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
stw_ticket_class_init (StwTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_ticket_finalize;
  object_class->get_property = stw_ticket_get_property;
  object_class->set_property = stw_ticket_set_property;

  /* Property names are the column names with dashes. */
  for (guint i = 0; i < STW_N_TICKET_TEXTS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (text_columns[i]), "_", '-');

      properties[PROP_TEXT (i)] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                                       rw);
    }
  for (guint i = 0; i < STW_N_TICKET_VALUES; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (value_columns[i]), "_", '-');

      properties[PROP_VALUE (i)] = g_param_spec_int64 (g_intern_string (name), NULL, NULL,
                                                       0, G_MAXINT64, 0, rw);
    }
  properties[PROP_RANK] = g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                               rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_ticket_init (StwTicket *self)
{
  self->values[STW_TICKET_VALUE_IMPACT] = STW_LEVEL_MEDIUM;
  self->values[STW_TICKET_VALUE_URGENCY] = STW_LEVEL_MEDIUM;
  self->values[STW_TICKET_VALUE_PRIORITY] = stw_ticket_priority (STW_LEVEL_MEDIUM,
                                                                 STW_LEVEL_MEDIUM);
}

/**
 * stw_ticket_new:
 *
 * Returns: (transfer full): a new ticket of @type, in its first status,
 *   of medium impact and urgency
 */
StwTicket *
stw_ticket_new (StwTicketType type)
{
  StwTicket *self;

  g_return_val_if_fail (type < STW_N_TICKET_TYPES, NULL);

  self = g_object_new (STW_TYPE_TICKET, NULL);
  self->values[STW_TICKET_VALUE_TYPE] = type;
  self->values[STW_TICKET_VALUE_STATUS] = stw_ticket_type_initial_status (type);

  return self;
}

const char *
stw_ticket_get_text (StwTicket     *self,
                     StwTicketText  text)
{
  g_return_val_if_fail (STW_IS_TICKET (self), NULL);
  g_return_val_if_fail (text < STW_N_TICKET_TEXTS, NULL);

  return self->texts[text];
}

/* Empty texts are stored as NULL, and only texts that change notify. */
void
stw_ticket_set_text (StwTicket     *self,
                     StwTicketText  text,
                     const char    *value)
{
  g_return_if_fail (STW_IS_TICKET (self));
  g_return_if_fail (text < STW_N_TICKET_TEXTS);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->texts[text], value) == 0)
    return;

  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT (text)]);
}

gint64
stw_ticket_get_value (StwTicket      *self,
                      StwTicketValue  value)
{
  g_return_val_if_fail (STW_IS_TICKET (self), 0);
  g_return_val_if_fail (value < STW_N_TICKET_VALUES, 0);

  return self->values[value];
}

void
stw_ticket_set_value (StwTicket      *self,
                      StwTicketValue  value,
                      gint64          number)
{
  g_return_if_fail (STW_IS_TICKET (self));
  g_return_if_fail (value < STW_N_TICKET_VALUES);

  if (self->values[value] == number)
    return;

  self->values[value] = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE (value)]);
}

double
stw_ticket_get_rank (StwTicket *self)
{
  g_return_val_if_fail (STW_IS_TICKET (self), 0);
  return self->rank;
}

void
stw_ticket_set_rank (StwTicket *self,
                     double     rank)
{
  g_return_if_fail (STW_IS_TICKET (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

/**
 * stw_ticket_set_levels:
 *
 * Sets impact and urgency, and the priority they give, clearing any
 * override and its reason.
 */
void
stw_ticket_set_levels (StwTicket *self,
                       StwLevel   impact,
                       StwLevel   urgency)
{
  g_return_if_fail (STW_IS_TICKET (self));
  g_return_if_fail (impact < STW_N_LEVELS && urgency < STW_N_LEVELS);

  g_object_freeze_notify (G_OBJECT (self));
  stw_ticket_set_value (self, STW_TICKET_VALUE_IMPACT, impact);
  stw_ticket_set_value (self, STW_TICKET_VALUE_URGENCY, urgency);
  stw_ticket_set_value (self, STW_TICKET_VALUE_PRIORITY, stw_ticket_priority (impact, urgency));
  stw_ticket_set_text (self, STW_TICKET_TEXT_PRIORITY_REASON, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * stw_ticket_priority_is_overridden:
 *
 * Returns: whether the priority is not the one impact and urgency give
 */
gboolean
stw_ticket_priority_is_overridden (StwTicket *self)
{
  g_return_val_if_fail (STW_IS_TICKET (self), FALSE);

  return self->values[STW_TICKET_VALUE_PRIORITY] !=
         stw_ticket_priority (self->values[STW_TICKET_VALUE_IMPACT],
                              self->values[STW_TICKET_VALUE_URGENCY]);
}

/**
 * stw_ticket_update_from:
 *
 * Copies every value of @other into @self, notifying only those that
 * differ: a view showing @self follows an edit made elsewhere.
 */
void
stw_ticket_update_from (StwTicket *self,
                        StwTicket *other)
{
  g_return_if_fail (STW_IS_TICKET (self));
  g_return_if_fail (STW_IS_TICKET (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < STW_N_TICKET_TEXTS; i++)
    stw_ticket_set_text (self, i, other->texts[i]);
  for (guint i = 0; i < STW_N_TICKET_VALUES; i++)
    stw_ticket_set_value (self, i, other->values[i]);
  stw_ticket_set_rank (self, other->rank);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * stw_ticket_get_sla_state:
 * @now: the time to judge at, in µs since 1970 UTC
 *
 * The state of the ticket's service level, from the due and risk times
 * the store keeps: breached once a clock is past due (even while
 * waiting), paused while waiting, at risk once a quarter of the working
 * time or less is left, met once done.
 *
 * Returns: the state; %STW_SLA_STATE_MET also for a ticket with no clock
 */
StwSlaState
stw_ticket_get_sla_state (StwTicket *self,
                          gint64     now)
{
  StwTicketType type;
  StwTicketStatus status;
  gint64 due, risk;

  g_return_val_if_fail (STW_IS_TICKET (self), STW_SLA_STATE_MET);

  type = stw_ticket_get_value (self, STW_TICKET_VALUE_TYPE);
  status = stw_ticket_get_value (self, STW_TICKET_VALUE_STATUS);
  due = stw_ticket_get_value (self, STW_TICKET_VALUE_SLA_DUE);
  risk = stw_ticket_get_value (self, STW_TICKET_VALUE_SLA_RISK);

  if (due != 0 && now >= due)
    return STW_SLA_STATE_BREACHED;
  if (stw_ticket_status_pauses_sla (status))
    return STW_SLA_STATE_PAUSED;
  if (due == 0 || stw_ticket_status_is_done (type, status))
    return STW_SLA_STATE_MET;
  if (risk != 0 && now >= risk)
    return STW_SLA_STATE_AT_RISK;
  return STW_SLA_STATE_RUNNING;
}

/* A wall-clock span: days beyond two of them, as a calendar reads. */
static char *
format_span (gint64 seconds)
{
  gint64 hours = ABS (seconds) / 3600;

  if (hours < 48)
    return stw_sla_format_duration (seconds);

  /* Translators: a span of days and hours, “3 d 8 h” */
  return g_strdup_printf (_("%d d %d h"), (int)(hours / 24), (int)(hours % 24));
}

/**
 * stw_ticket_describe_sla:
 * @now: the time to judge at, in µs since 1970 UTC
 * @state: (out) (optional): the state, as stw_ticket_get_sla_state()
 *
 * The service level in a few words for a list cell or a board card:
 * "At Risk · 40 min left", "Breached · 2 h 10 min ago", "Paused".
 *
 * Returns: (transfer full): the text; empty for a done ticket
 */
char *
stw_ticket_describe_sla (StwTicket   *self,
                         gint64       now,
                         StwSlaState *state)
{
  StwSlaState current;
  gint64 due;
  g_autofree char *span = NULL;

  g_return_val_if_fail (STW_IS_TICKET (self), NULL);

  current = stw_ticket_get_sla_state (self, now);
  if (state != NULL)
    *state = current;

  due = stw_ticket_get_value (self, STW_TICKET_VALUE_SLA_DUE);
  switch (current)
    {
    case STW_SLA_STATE_RUNNING:
    case STW_SLA_STATE_AT_RISK:
      span = format_span ((due - now) / G_USEC_PER_SEC);
      /* Translators: an SLA state and the time left, “At Risk · 40 min left” */
      return g_strdup_printf (_("%s · %s left"), stw_sla_state_label (current), span);

    case STW_SLA_STATE_BREACHED:
      span = format_span ((now - due) / G_USEC_PER_SEC);
      /* Translators: an SLA state and how long ago, “Breached · 2 h 10 min ago” */
      return g_strdup_printf (_("%s · %s ago"), stw_sla_state_label (current), span);

    case STW_SLA_STATE_PAUSED:
      return g_strdup (stw_sla_state_label (current));

    case STW_SLA_STATE_MET:
    case STW_SLA_STATE_MISSED:
    default:
      return g_strdup ("");
    }
}

/**
 * stw_ticket_validate:
 *
 * What a ticket needs before it is stored, whatever its past: a title,
 * a status of its type, levels and a priority in range, a reason for an
 * overridden priority, and a due time not before it was opened.
 *
 * Returns: %TRUE, or %FALSE with @error set (STW_ERROR_REQUIRED or
 *   STW_ERROR_INVALID) saying what to fix
 */
gboolean
stw_ticket_validate (StwTicket  *self,
                     GError    **error)
{
  g_autofree char *trimmed = NULL;
  gint64 *v;
  gint64 id;
  const char *title;

  g_return_val_if_fail (STW_IS_TICKET (self), FALSE);

  v = self->values;
  title = self->texts[STW_TICKET_TEXT_TITLE];

  trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_REQUIRED, _("A ticket needs a title."));
      return FALSE;
    }

  if (v[STW_TICKET_VALUE_TYPE] >= STW_N_TICKET_TYPES ||
      v[STW_TICKET_VALUE_STATUS] >= STW_N_TICKET_STATUSES ||
      !stw_ticket_type_has_status (v[STW_TICKET_VALUE_TYPE], v[STW_TICKET_VALUE_STATUS]))
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                           _("The status does not belong to the ticket's type."));
      return FALSE;
    }

  if (v[STW_TICKET_VALUE_IMPACT] >= STW_N_LEVELS || v[STW_TICKET_VALUE_URGENCY] >= STW_N_LEVELS ||
      v[STW_TICKET_VALUE_PRIORITY] < STW_PRIORITY_HIGHEST ||
      v[STW_TICKET_VALUE_PRIORITY] > STW_PRIORITY_LOWEST)
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                           _("Impact, urgency and priority must be in range (priority P1 to P5)."));
      return FALSE;
    }

  if (stw_ticket_priority_is_overridden (self) &&
      self->texts[STW_TICKET_TEXT_PRIORITY_REASON] == NULL)
    {
      int from_matrix = stw_ticket_priority (v[STW_TICKET_VALUE_IMPACT],
                                             v[STW_TICKET_VALUE_URGENCY]);
      g_autofree char *given = stw_ticket_priority_label (v[STW_TICKET_VALUE_PRIORITY]);
      g_autofree char *matrix = stw_ticket_priority_label (from_matrix);

      g_set_error (error, STW_ERROR, STW_ERROR_REQUIRED,
                   /* Translators: the %s are priorities such as P2. */
                   _("Impact and urgency give %s. Say why this ticket is %s instead."),
                   matrix, given);
      return FALSE;
    }

  if (v[STW_TICKET_VALUE_DUE] != 0 && v[STW_TICKET_VALUE_CREATED] != 0 &&
      v[STW_TICKET_VALUE_DUE] < v[STW_TICKET_VALUE_CREATED])
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                           _("The due time is before the ticket was opened."));
      return FALSE;
    }

  id = v[STW_TICKET_VALUE_ID];
  if ((v[STW_TICKET_VALUE_PARENT_ID] != 0 && v[STW_TICKET_VALUE_PARENT_ID] == id) ||
      (v[STW_TICKET_VALUE_PROBLEM_ID] != 0 && v[STW_TICKET_VALUE_PROBLEM_ID] == id))
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                           _("A ticket cannot be its own parent or problem."));
      return FALSE;
    }

  return TRUE;
}
