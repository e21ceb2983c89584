/* stw-ticket-board.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/stw-ticket.h"
#include "store/stw-database.h"
#include "store/stw-ticket-query-model.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKET_BOARD (stw_ticket_board_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketBoard, stw_ticket_board, STW, TICKET_BOARD, GtkWidget)

GtkWidget     *stw_ticket_board_new            (StwDatabase      *db);
void           stw_ticket_board_set_ticket_type (StwTicketBoard  *self,
                                                 StwTicketType    type);
StwTicketType  stw_ticket_board_get_ticket_type (StwTicketBoard  *self);
void           stw_ticket_board_set_filters    (StwTicketBoard   *self,
                                                const char       *search,
                                                StwTicketScope    scope,
                                                const char       *queue,
                                                int               priority);
GListModel    *stw_ticket_board_get_column     (StwTicketBoard   *self,
                                                StwTicketStatus   status);
GtkWidget     *stw_ticket_board_get_column_widget (StwTicketBoard *self,
                                                   StwTicketStatus status);
gboolean       stw_ticket_board_move           (StwTicketBoard   *self,
                                                gint64            ticket_id,
                                                StwTicketStatus   status,
                                                gint64            after_id,
                                                gint64            before_id);
gboolean       stw_ticket_board_get_loading    (StwTicketBoard   *self);
void           stw_ticket_board_refresh        (StwTicketBoard   *self);

G_END_DECLS
