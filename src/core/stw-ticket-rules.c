/* stw-ticket-rules.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-enum-private.h"
#include "stw-error.h"
#include "stw-ticket-rules.h"

/*
 * What a ticket may be: its types, the statuses each type goes through
 * and the moves between them (its lifecycle), and its priority from
 * impact and urgency.
 *
 * Incidents and service requests: new → assigned → in progress ⇄ pending
 * → resolved → closed, and a resolved ticket can be reopened. Problems
 * add “known error” (the cause is known, a workaround exists). Changes:
 * requested → assessed → approved → scheduled → implemented → reviewed →
 * closed, or rejected on the way.
 */

static const StwEnumInfo types[] = {
  { "incident", N_("Incident") },
  { "request",  N_("Service Request") },
  { "problem",  N_("Problem") },
  { "change",   N_("Change") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (types) == STW_N_TICKET_TYPES);

static const StwEnumInfo statuses[] = {
  { "new",         N_("New") },
  { "assigned",    N_("Assigned") },
  { "in-progress", N_("In Progress") },
  { "pending",     N_("Pending") },
  { "known-error", N_("Known Error") },
  { "resolved",    N_("Resolved") },
  { "requested",   N_("Requested") },
  { "assessed",    N_("Assessed") },
  { "approved",    N_("Approved") },
  { "scheduled",   N_("Scheduled") },
  { "implemented", N_("Implemented") },
  { "reviewed",    N_("Reviewed") },
  { "rejected",    N_("Rejected") },
  { "closed",      N_("Closed") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == STW_N_TICKET_STATUSES);

static const StwEnumInfo levels[] = {
  { "low",    N_("Low") },
  { "medium", N_("Medium") },
  { "high",   N_("High") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (levels) == STW_N_LEVELS);

/* ------------------------------------------------------------------------ */
/* Lifecycles                                                               */
/* ------------------------------------------------------------------------ */

#define S(name) STW_TICKET_STATUS_##name

static const StwTicketStatus service_statuses[] = {
  S (NEW), S (ASSIGNED), S (IN_PROGRESS), S (PENDING), S (RESOLVED), S (CLOSED),
};

static const StwTicketStatus problem_statuses[] = {
  S (NEW), S (ASSIGNED), S (IN_PROGRESS), S (PENDING), S (KNOWN_ERROR), S (RESOLVED), S (CLOSED),
};

static const StwTicketStatus change_statuses[] = {
  S (REQUESTED), S (ASSESSED), S (APPROVED), S (SCHEDULED), S (IMPLEMENTED), S (REVIEWED),
  S (REJECTED), S (CLOSED),
};

typedef struct
{
  StwTicketStatus from;
  StwTicketStatus to;
} Move;

/* Incidents and service requests. */
static const Move service_moves[] = {
  { S (NEW),         S (ASSIGNED) },
  { S (NEW),         S (IN_PROGRESS) },
  { S (ASSIGNED),    S (IN_PROGRESS) },
  { S (ASSIGNED),    S (PENDING) },
  { S (IN_PROGRESS), S (ASSIGNED) },
  { S (IN_PROGRESS), S (PENDING) },
  { S (IN_PROGRESS), S (RESOLVED) },
  { S (PENDING),     S (IN_PROGRESS) },
  { S (PENDING),     S (RESOLVED) },
  { S (RESOLVED),    S (CLOSED) },
  { S (RESOLVED),    S (IN_PROGRESS) }, /* reopened */
};

static const Move problem_moves[] = {
  { S (NEW),         S (ASSIGNED) },
  { S (NEW),         S (IN_PROGRESS) },
  { S (ASSIGNED),    S (IN_PROGRESS) },
  { S (IN_PROGRESS), S (ASSIGNED) },
  { S (IN_PROGRESS), S (PENDING) },
  { S (IN_PROGRESS), S (KNOWN_ERROR) },
  { S (IN_PROGRESS), S (RESOLVED) },
  { S (PENDING),     S (IN_PROGRESS) },
  { S (KNOWN_ERROR), S (IN_PROGRESS) },
  { S (KNOWN_ERROR), S (RESOLVED) },
  { S (RESOLVED),    S (CLOSED) },
  { S (RESOLVED),    S (IN_PROGRESS) }, /* reopened */
};

static const Move change_moves[] = {
  { S (REQUESTED),   S (ASSESSED) },
  { S (REQUESTED),   S (REJECTED) },
  { S (ASSESSED),    S (APPROVED) },
  { S (ASSESSED),    S (REJECTED) },
  { S (APPROVED),    S (SCHEDULED) },
  { S (SCHEDULED),   S (IMPLEMENTED) },
  { S (SCHEDULED),   S (APPROVED) },    /* taken off the schedule */
  { S (IMPLEMENTED), S (REVIEWED) },
  { S (REVIEWED),    S (CLOSED) },
  { S (REJECTED),    S (CLOSED) },
};

#undef S

typedef struct
{
  const StwTicketStatus *statuses;
  guint                  n_statuses;
  const Move            *moves;
  guint                  n_moves;
} Lifecycle;

static const Lifecycle lifecycles[] = {
  [STW_TICKET_TYPE_INCIDENT] = { service_statuses, G_N_ELEMENTS (service_statuses),
                                 service_moves, G_N_ELEMENTS (service_moves) },
  [STW_TICKET_TYPE_REQUEST]  = { service_statuses, G_N_ELEMENTS (service_statuses),
                                 service_moves, G_N_ELEMENTS (service_moves) },
  [STW_TICKET_TYPE_PROBLEM]  = { problem_statuses, G_N_ELEMENTS (problem_statuses),
                                 problem_moves, G_N_ELEMENTS (problem_moves) },
  [STW_TICKET_TYPE_CHANGE]   = { change_statuses, G_N_ELEMENTS (change_statuses),
                                 change_moves, G_N_ELEMENTS (change_moves) },
};
G_STATIC_ASSERT (G_N_ELEMENTS (lifecycles) == STW_N_TICKET_TYPES);

/* ------------------------------------------------------------------------ */

STW_DEFINE_ENUM_KEYS (StwTicketType, stw_ticket_type, types)

STW_DEFINE_ENUM_KEYS (StwTicketStatus, stw_ticket_status, statuses)

STW_DEFINE_ENUM_KEYS (StwLevel, stw_level, levels)

/**
 * stw_ticket_type_get_statuses:
 *
 * Returns: (array length=n_statuses): the statuses of @type in the order
 *   of its lifecycle: the columns of its board
 */
const StwTicketStatus *
stw_ticket_type_get_statuses (StwTicketType  type,
                              guint         *n_statuses)
{
  g_return_val_if_fail (type < STW_N_TICKET_TYPES, NULL);

  *n_statuses = lifecycles[type].n_statuses;
  return lifecycles[type].statuses;
}

StwTicketStatus
stw_ticket_type_initial_status (StwTicketType type)
{
  g_return_val_if_fail (type < STW_N_TICKET_TYPES, STW_TICKET_STATUS_NEW);
  return lifecycles[type].statuses[0];
}

gboolean
stw_ticket_type_has_status (StwTicketType   type,
                            StwTicketStatus status)
{
  g_return_val_if_fail (type < STW_N_TICKET_TYPES, FALSE);

  for (guint i = 0; i < lifecycles[type].n_statuses; i++)
    if (lifecycles[type].statuses[i] == status)
      return TRUE;

  return FALSE;
}

/**
 * stw_ticket_transition_allowed:
 *
 * Returns: whether a ticket of @type may move from @from to @to; staying
 *   where it is always is
 */
gboolean
stw_ticket_transition_allowed (StwTicketType   type,
                               StwTicketStatus from,
                               StwTicketStatus to)
{
  const Lifecycle *lifecycle;

  g_return_val_if_fail (type < STW_N_TICKET_TYPES, FALSE);

  if (!stw_ticket_type_has_status (type, from) || !stw_ticket_type_has_status (type, to))
    return FALSE;
  if (from == to)
    return TRUE;

  lifecycle = &lifecycles[type];
  for (guint i = 0; i < lifecycle->n_moves; i++)
    if (lifecycle->moves[i].from == from && lifecycle->moves[i].to == to)
      return TRUE;

  return FALSE;
}

/**
 * stw_ticket_check_transition:
 *
 * Like stw_ticket_transition_allowed(), with a message that says why
 * not and where the ticket can go instead.
 *
 * Returns: %TRUE if allowed, or %FALSE with @error set (STW_ERROR_INVALID)
 */
gboolean
stw_ticket_check_transition (StwTicketType     type,
                             StwTicketStatus   from,
                             StwTicketStatus   to,
                             GError          **error)
{
  const Lifecycle *lifecycle;
  g_autoptr(GString) targets = NULL;

  g_return_val_if_fail (type < STW_N_TICKET_TYPES, FALSE);

  if (stw_ticket_transition_allowed (type, from, to))
    return TRUE;

  if (!stw_ticket_type_has_status (type, to) || to >= STW_N_TICKET_STATUSES)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   /* Translators: the first %s is a ticket type, the second a status. */
                   _("A ticket of type “%s” has no status “%s”."),
                   stw_ticket_type_label (type),
                   to < STW_N_TICKET_STATUSES ? stw_ticket_status_label (to) : "?");
      return FALSE;
    }

  if (!stw_ticket_type_has_status (type, from))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("A ticket of type “%s” has no status “%s”."),
                   stw_ticket_type_label (type),
                   from < STW_N_TICKET_STATUSES ? stw_ticket_status_label (from) : "?");
      return FALSE;
    }

  lifecycle = &lifecycles[type];
  targets = g_string_new (NULL);
  for (guint i = 0; i < lifecycle->n_moves; i++)
    if (lifecycle->moves[i].from == from)
      g_string_append_printf (targets, "%s“%s”", targets->len > 0 ? ", " : "",
                              stw_ticket_status_label (lifecycle->moves[i].to));

  if (targets->len == 0)
    g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                 /* Translators: “%s” are statuses, then a ticket type. */
                 _("Cannot move from “%s” to “%s”: “%s” is the last step of a "
                   "ticket of type “%s”."),
                 stw_ticket_status_label (from), stw_ticket_status_label (to),
                 stw_ticket_status_label (from), stw_ticket_type_label (type));
  else
    g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                 /* Translators: the first two %s are statuses, the third a ticket
                  * type, the last a list of statuses. */
                 _("Cannot move from “%s” to “%s”: a ticket of type “%s” can go "
                   "from there to %s."),
                 stw_ticket_status_label (from), stw_ticket_status_label (to),
                 stw_ticket_type_label (type), targets->str);

  return FALSE;
}

/**
 * stw_ticket_status_pauses_sla:
 *
 * Returns: whether the SLA clock stops in @status: the ticket waits for
 *   someone outside the team
 */
gboolean
stw_ticket_status_pauses_sla (StwTicketStatus status)
{
  return status == STW_TICKET_STATUS_PENDING;
}

/**
 * stw_ticket_status_is_done:
 *
 * Returns: whether a ticket of @type in @status has met its resolution
 *   target: it is resolved (or rejected, implemented) or closed
 */
gboolean
stw_ticket_status_is_done (StwTicketType   type,
                           StwTicketStatus status)
{
  switch (status)
    {
    case STW_TICKET_STATUS_RESOLVED:
    case STW_TICKET_STATUS_CLOSED:
    case STW_TICKET_STATUS_REJECTED:
    case STW_TICKET_STATUS_IMPLEMENTED:
    case STW_TICKET_STATUS_REVIEWED:
      return stw_ticket_type_has_status (type, status);

    case STW_TICKET_STATUS_NEW:
    case STW_TICKET_STATUS_ASSIGNED:
    case STW_TICKET_STATUS_IN_PROGRESS:
    case STW_TICKET_STATUS_PENDING:
    case STW_TICKET_STATUS_KNOWN_ERROR:
    case STW_TICKET_STATUS_REQUESTED:
    case STW_TICKET_STATUS_ASSESSED:
    case STW_TICKET_STATUS_APPROVED:
    case STW_TICKET_STATUS_SCHEDULED:
    default:
      return FALSE;
    }
}

/**
 * stw_ticket_priority:
 *
 * The usual ITIL matrix: high impact and high urgency is P1, low and low
 * is P5, and each step down in either adds one.
 *
 * Returns: the priority, 1 (P1, most urgent) to 5
 */
int
stw_ticket_priority (StwLevel impact,
                     StwLevel urgency)
{
  g_return_val_if_fail (impact < STW_N_LEVELS && urgency < STW_N_LEVELS, STW_PRIORITY_LOWEST);

  return STW_PRIORITY_HIGHEST + (STW_LEVEL_HIGH - impact) + (STW_LEVEL_HIGH - urgency);
}

/**
 * stw_ticket_priority_label:
 *
 * Returns: (transfer full): “P1” to “P5”
 */
char *
stw_ticket_priority_label (int priority)
{
  g_return_val_if_fail (priority >= STW_PRIORITY_HIGHEST && priority <= STW_PRIORITY_LOWEST, NULL);

  /* Translators: a ticket's priority, P1 (most urgent) to P5. */
  return g_strdup_printf (_("P%d"), priority);
}

/**
 * stw_ticket_priority_describe:
 *
 * Returns: (transfer full): the priority with its name, “P2 – High”
 */
char *
stw_ticket_priority_describe (int priority)
{
  static const char * const names[] = {
    N_("Critical"), N_("High"), N_("Medium"), N_("Low"), N_("Planning"),
  };
  g_autofree char *label = NULL;

  g_return_val_if_fail (priority >= STW_PRIORITY_HIGHEST && priority <= STW_PRIORITY_LOWEST, NULL);

  label = stw_ticket_priority_label (priority);
  /* Translators: a priority and its name, as in “P2 – High” */
  return g_strdup_printf (_("%s – %s"), label, _(names[priority - STW_PRIORITY_HIGHEST]));
}
