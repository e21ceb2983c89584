/* stw-ticket-query-model.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-enums.h"
#include "core/stw-ticket.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* Which tickets a list or board shows, before the other filters. */
typedef enum
{
  STW_TICKET_SCOPE_OPEN,         /* not yet done */
  STW_TICKET_SCOPE_MINE,         /* open, assigned to me */
  STW_TICKET_SCOPE_UNASSIGNED,   /* open, with no assignee */
  STW_TICKET_SCOPE_AT_RISK,      /* open, breached or at risk now */
  STW_TICKET_SCOPE_ALL,          /* done ones too */
} StwTicketScope;

#define STW_N_TICKET_SCOPES (STW_TICKET_SCOPE_ALL + 1)

typedef enum
{
  STW_TICKET_SORT_UPDATED,
  STW_TICKET_SORT_ID,
  STW_TICKET_SORT_TITLE,
  STW_TICKET_SORT_PRIORITY,
  STW_TICKET_SORT_STATUS,
  STW_TICKET_SORT_SLA,           /* the next SLA due time, none last */
  STW_TICKET_SORT_ASSIGNEE,
  STW_TICKET_SORT_QUEUE,
  STW_TICKET_SORT_RANK,          /* the board's order */
} StwTicketSort;

#define STW_N_TICKET_SORTS (STW_TICKET_SORT_RANK + 1)

const char *stw_ticket_scope_label (StwTicketScope scope);

#define STW_TYPE_TICKET_QUERY_MODEL (stw_ticket_query_model_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketQueryModel, stw_ticket_query_model, STW, TICKET_QUERY_MODEL, GObject)

StwTicketQueryModel *stw_ticket_query_model_new        (StwDatabase         *db);
StwDatabase         *stw_ticket_query_model_get_database (StwTicketQueryModel *self);
const char          *stw_ticket_query_model_get_search (StwTicketQueryModel *self);
void                 stw_ticket_query_model_set_search (StwTicketQueryModel *self,
                                                        const char          *search);
void                 stw_ticket_query_model_set_scope  (StwTicketQueryModel *self,
                                                        StwTicketScope       scope);
void                 stw_ticket_query_model_set_type   (StwTicketQueryModel *self,
                                                        int                  type);
void                 stw_ticket_query_model_set_status (StwTicketQueryModel *self,
                                                        int                  status);
void                 stw_ticket_query_model_set_queue  (StwTicketQueryModel *self,
                                                        const char          *queue);
void                 stw_ticket_query_model_set_priority (StwTicketQueryModel *self,
                                                          int                  priority);
void                 stw_ticket_query_model_set_sort   (StwTicketQueryModel *self,
                                                        StwTicketSort        sort,
                                                        StwSortDirection     direction);
void                 stw_ticket_query_model_set_now    (StwTicketQueryModel *self,
                                                        gint64               now);
gboolean             stw_ticket_query_model_get_loading (StwTicketQueryModel *self);
void                 stw_ticket_query_model_refresh    (StwTicketQueryModel *self);
gint64               stw_ticket_query_model_get_id     (StwTicketQueryModel *self,
                                                        guint                position);
guint                stw_ticket_query_model_find       (StwTicketQueryModel *self,
                                                        gint64               id);
guint                stw_ticket_query_model_get_cache_size (StwTicketQueryModel *self);

G_END_DECLS
