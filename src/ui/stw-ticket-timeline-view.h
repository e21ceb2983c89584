/* stw-ticket-timeline-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKET_TIMELINE_VIEW (stw_ticket_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketTimelineView, stw_ticket_timeline_view, STW, TICKET_TIMELINE_VIEW,
                      AdwPreferencesGroup)

void        stw_ticket_timeline_view_set_ticket (StwTicketTimelineView *self,
                                                 StwDatabase           *db,
                                                 gint64                 ticket_id);
void        stw_ticket_timeline_view_reload     (StwTicketTimelineView *self);
GtkListBox *stw_ticket_timeline_view_get_list   (StwTicketTimelineView *self);

G_END_DECLS
