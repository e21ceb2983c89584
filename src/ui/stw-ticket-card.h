/* stw-ticket-card.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/stw-ticket.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKET_CARD (stw_ticket_card_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketCard, stw_ticket_card, STW, TICKET_CARD, GtkWidget)

GtkWidget  *stw_ticket_card_new            (void);
StwTicket  *stw_ticket_card_get_ticket     (StwTicketCard *self);
void        stw_ticket_card_set_ticket     (StwTicketCard *self,
                                            StwTicket     *ticket);
void        stw_ticket_card_update         (StwTicketCard *self);
const char *stw_ticket_card_get_sla_text   (StwTicketCard *self);
void        stw_ticket_card_get_menu_area  (StwTicketCard *self,
                                            graphene_rect_t *area);

G_END_DECLS
