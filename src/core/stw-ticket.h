/* stw-ticket.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/stw-sla.h"
#include "core/stw-ticket-rules.h"

G_BEGIN_DECLS

/* The text of a ticket; NULL when empty. */
typedef enum
{
  STW_TICKET_TEXT_UUID,
  STW_TICKET_TEXT_TITLE,
  STW_TICKET_TEXT_DESCRIPTION,
  STW_TICKET_TEXT_PRIORITY_REASON,
  STW_TICKET_TEXT_CATEGORY,
  STW_TICKET_TEXT_QUEUE,
  STW_TICKET_TEXT_TAGS,
  STW_TICKET_TEXT_REQUESTER_NAME,   /* read from the store */
  STW_TICKET_TEXT_ASSIGNEE_NAME,    /* read from the store */
} StwTicketText;

#define STW_N_TICKET_TEXTS (STW_TICKET_TEXT_ASSIGNEE_NAME + 1)

/* The numbers of a ticket. Ids are 0 and times (µs since 1970 UTC) are 0
 * when not set. */
typedef enum
{
  STW_TICKET_VALUE_ID,
  STW_TICKET_VALUE_TYPE,            /* StwTicketType */
  STW_TICKET_VALUE_STATUS,          /* StwTicketStatus */
  STW_TICKET_VALUE_IMPACT,          /* StwLevel */
  STW_TICKET_VALUE_URGENCY,         /* StwLevel */
  STW_TICKET_VALUE_PRIORITY,        /* 1–5 */
  STW_TICKET_VALUE_REQUESTER_ID,
  STW_TICKET_VALUE_ASSIGNEE_ID,
  STW_TICKET_VALUE_PARENT_ID,
  STW_TICKET_VALUE_PROBLEM_ID,
  STW_TICKET_VALUE_CREATED,
  STW_TICKET_VALUE_UPDATED,
  STW_TICKET_VALUE_FIRST_RESPONSE,
  STW_TICKET_VALUE_RESOLVED,
  STW_TICKET_VALUE_CLOSED,
  STW_TICKET_VALUE_DUE,
  STW_TICKET_VALUE_SLA_DUE,         /* read from the store: the next SLA due time */
  STW_TICKET_VALUE_SLA_RISK,        /* read from the store: when it turns at risk */
} StwTicketValue;

#define STW_N_TICKET_VALUES (STW_TICKET_VALUE_SLA_RISK + 1)

#define STW_TYPE_TICKET (stw_ticket_get_type ())

G_DECLARE_FINAL_TYPE (StwTicket, stw_ticket, STW, TICKET, GObject)

StwTicket  *stw_ticket_new          (StwTicketType   type);
const char *stw_ticket_get_text     (StwTicket      *self,
                                     StwTicketText   text);
void        stw_ticket_set_text     (StwTicket      *self,
                                     StwTicketText   text,
                                     const char     *value);
gint64      stw_ticket_get_value    (StwTicket      *self,
                                     StwTicketValue  value);
void        stw_ticket_set_value    (StwTicket      *self,
                                     StwTicketValue  value,
                                     gint64          number);
double      stw_ticket_get_rank     (StwTicket      *self);
void        stw_ticket_set_rank     (StwTicket      *self,
                                     double          rank);
void        stw_ticket_set_levels   (StwTicket      *self,
                                     StwLevel        impact,
                                     StwLevel        urgency);
gboolean    stw_ticket_priority_is_overridden (StwTicket *self);
void        stw_ticket_update_from  (StwTicket      *self,
                                     StwTicket      *other);
gboolean    stw_ticket_validate     (StwTicket      *self,
                                     GError        **error);
StwSlaState stw_ticket_get_sla_state (StwTicket     *self,
                                      gint64         now);
char       *stw_ticket_describe_sla  (StwTicket     *self,
                                      gint64         now,
                                      StwSlaState   *state);
const char *stw_ticket_text_to_column  (StwTicketText  text);
const char *stw_ticket_value_to_column (StwTicketValue value);

G_END_DECLS
