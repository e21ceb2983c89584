/* stw-tickets-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"
#include "store/stw-ticket-query-model.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKETS_VIEW (stw_tickets_view_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketsView, stw_tickets_view, STW, TICKETS_VIEW, GtkWidget)

StwTicketsView      *stw_tickets_view_new         (StwDatabase    *db);
StwTicketQueryModel *stw_tickets_view_get_model   (StwTicketsView *self);
GtkWidget           *stw_tickets_view_get_board   (StwTicketsView *self);
void                 stw_tickets_view_show_board  (StwTicketsView *self,
                                                   gboolean        board);
void                 stw_tickets_view_show_ticket (StwTicketsView *self,
                                                   gint64          id);
gint64               stw_tickets_view_get_shown_ticket (StwTicketsView *self);

G_END_DECLS
