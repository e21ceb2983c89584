/* stw-ticket-timeline.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-database.h"
#include "store/stw-journal.h"
#include "store/stw-ticket-repo.h"

G_BEGIN_DECLS

/* What happened on a ticket: something written on it, or a change. */
typedef enum
{
  STW_TIMELINE_COMMENT,     /* a public comment */
  STW_TIMELINE_INTERNAL,    /* a note for the team */
  STW_TIMELINE_WORK,        /* work logged, with the minutes spent */
  STW_TIMELINE_CHANGE,      /* the ticket opened, or a field changed */
  STW_TIMELINE_LINKED,      /* an asset linked */
  STW_TIMELINE_UNLINKED,    /* an asset unlinked */
} StwTimelineKind;

#define STW_TYPE_TIMELINE_ITEM (stw_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (StwTimelineItem, stw_timeline_item, STW, TIMELINE_ITEM, GObject)

StwTimelineKind  stw_timeline_item_get_kind     (StwTimelineItem *self);
GDateTime       *stw_timeline_item_get_time     (StwTimelineItem *self);
const char      *stw_timeline_item_get_author   (StwTimelineItem *self);
StwOrigin        stw_timeline_item_get_origin   (StwTimelineItem *self);
const char      *stw_timeline_item_get_text     (StwTimelineItem *self);
int              stw_timeline_item_get_minutes  (StwTimelineItem *self);
gint64           stw_timeline_item_get_id       (StwTimelineItem *self);
StwChange       *stw_timeline_item_get_change   (StwTimelineItem *self);

GListModel      *stw_ticket_timeline_list       (StwDatabase     *db,
                                                 gint64           ticket_id,
                                                 GError         **error);
gint64           stw_ticket_timeline_total_minutes (StwDatabase  *db,
                                                    gint64        ticket_id);

G_END_DECLS
