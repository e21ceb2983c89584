/* stw-ticket-rules.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STW_TICKET_TYPE_INCIDENT,
  STW_TICKET_TYPE_REQUEST,
  STW_TICKET_TYPE_PROBLEM,
  STW_TICKET_TYPE_CHANGE,
} StwTicketType;

#define STW_N_TICKET_TYPES (STW_TICKET_TYPE_CHANGE + 1)

/* Every status of every type; each type uses some of them, in the order
 * stw_ticket_type_get_statuses() gives. */
typedef enum
{
  STW_TICKET_STATUS_NEW,
  STW_TICKET_STATUS_ASSIGNED,
  STW_TICKET_STATUS_IN_PROGRESS,
  STW_TICKET_STATUS_PENDING,
  STW_TICKET_STATUS_KNOWN_ERROR,
  STW_TICKET_STATUS_RESOLVED,
  STW_TICKET_STATUS_REQUESTED,
  STW_TICKET_STATUS_ASSESSED,
  STW_TICKET_STATUS_APPROVED,
  STW_TICKET_STATUS_SCHEDULED,
  STW_TICKET_STATUS_IMPLEMENTED,
  STW_TICKET_STATUS_REVIEWED,
  STW_TICKET_STATUS_REJECTED,
  STW_TICKET_STATUS_CLOSED,
} StwTicketStatus;

#define STW_N_TICKET_STATUSES (STW_TICKET_STATUS_CLOSED + 1)

/* Impact and urgency. */
typedef enum
{
  STW_LEVEL_LOW,
  STW_LEVEL_MEDIUM,
  STW_LEVEL_HIGH,
} StwLevel;

#define STW_N_LEVELS (STW_LEVEL_HIGH + 1)

/* P1 (most urgent) to P5. */
#define STW_PRIORITY_HIGHEST 1
#define STW_PRIORITY_LOWEST  5

const char      *stw_ticket_type_to_key           (StwTicketType    type);
gboolean         stw_ticket_type_from_key         (const char      *key,
                                                   StwTicketType   *type);
const char      *stw_ticket_type_label            (StwTicketType    type);

const char      *stw_ticket_status_to_key         (StwTicketStatus  status);
gboolean         stw_ticket_status_from_key       (const char      *key,
                                                   StwTicketStatus *status);
const char      *stw_ticket_status_label          (StwTicketStatus  status);

const char      *stw_level_to_key                 (StwLevel         level);
gboolean         stw_level_from_key               (const char      *key,
                                                   StwLevel        *level);
const char      *stw_level_label                  (StwLevel         level);

const StwTicketStatus *stw_ticket_type_get_statuses (StwTicketType  type,
                                                     guint         *n_statuses);
StwTicketStatus  stw_ticket_type_initial_status   (StwTicketType    type);
gboolean         stw_ticket_type_has_status       (StwTicketType    type,
                                                   StwTicketStatus  status);
gboolean         stw_ticket_transition_allowed    (StwTicketType    type,
                                                   StwTicketStatus  from,
                                                   StwTicketStatus  to);
gboolean         stw_ticket_check_transition      (StwTicketType    type,
                                                   StwTicketStatus  from,
                                                   StwTicketStatus  to,
                                                   GError         **error);

gboolean         stw_ticket_status_pauses_sla     (StwTicketStatus  status);
gboolean         stw_ticket_status_is_done        (StwTicketType    type,
                                                   StwTicketStatus  status);

int              stw_ticket_priority              (StwLevel         impact,
                                                   StwLevel         urgency);
char            *stw_ticket_priority_label        (int              priority);
char            *stw_ticket_priority_describe     (int              priority);

G_END_DECLS
