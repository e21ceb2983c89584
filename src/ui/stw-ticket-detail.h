/* stw-ticket-detail.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKET_DETAIL (stw_ticket_detail_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketDetail, stw_ticket_detail, STW, TICKET_DETAIL, GtkWidget)

GtkWidget   *stw_ticket_detail_new           (StwDatabase     *db);
StwDatabase *stw_ticket_detail_get_database  (StwTicketDetail *self);
void         stw_ticket_detail_set_database  (StwTicketDetail *self,
                                              StwDatabase     *db);
gint64       stw_ticket_detail_get_ticket_id (StwTicketDetail *self);
void         stw_ticket_detail_set_ticket_id (StwTicketDetail *self,
                                              gint64           id);
void         stw_ticket_detail_save_now      (StwTicketDetail *self);
gboolean     stw_ticket_detail_is_saving     (StwTicketDetail *self);

G_END_DECLS
