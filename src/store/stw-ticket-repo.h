/* stw-ticket-repo.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-sla-calendar.h"
#include "core/stw-ticket.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

typedef enum
{
  STW_TICKET_ENTRY_COMMENT,    /* public: the requester sees it */
  STW_TICKET_ENTRY_INTERNAL,   /* for the team only */
  STW_TICKET_ENTRY_WORK,       /* work log, with the time spent */
} StwTicketEntryKind;

#define STW_N_TICKET_ENTRY_KINDS (STW_TICKET_ENTRY_WORK + 1)

const char *stw_ticket_entry_kind_to_key (StwTicketEntryKind kind);

StwTicket *stw_ticket_repo_load             (StwDatabase         *db,
                                             gint64               id,
                                             GError             **error);
GPtrArray *stw_ticket_repo_load_many        (StwDatabase         *db,
                                             const gint64        *ids,
                                             guint                n_ids,
                                             GError             **error);
gint64     stw_ticket_repo_count            (StwDatabase         *db);
gint64     stw_ticket_repo_save_sync        (StwDatabase         *db,
                                             StwTicket           *ticket,
                                             GError             **error);
gboolean   stw_ticket_repo_move_sync        (StwDatabase         *db,
                                             gint64               ticket_id,
                                             StwTicketStatus      status,
                                             gint64               after_id,
                                             gint64               before_id,
                                             GError             **error);
gboolean   stw_ticket_repo_delete_sync      (StwDatabase         *db,
                                             gint64               id,
                                             GError             **error);
gboolean   stw_ticket_repo_link_asset_sync  (StwDatabase         *db,
                                             gint64               ticket_id,
                                             gint64               asset_id,
                                             GError             **error);
gboolean   stw_ticket_repo_unlink_asset_sync (StwDatabase        *db,
                                              gint64              ticket_id,
                                              gint64              asset_id,
                                              GError            **error);
gboolean   stw_ticket_repo_link_assets_sync (StwDatabase         *db,
                                             gint64               ticket_id,
                                             const gint64        *asset_ids,
                                             guint                n_ids,
                                             guint               *n_linked,
                                             GError             **error);
GArray    *stw_ticket_repo_list_asset_ids   (StwDatabase         *db,
                                             gint64               ticket_id,
                                             GError             **error);
GArray    *stw_ticket_repo_list_for_asset   (StwDatabase         *db,
                                             gint64               asset_id,
                                             GError             **error);
gint64     stw_ticket_repo_add_entry_sync   (StwDatabase         *db,
                                             gint64               ticket_id,
                                             StwTicketEntryKind   kind,
                                             gint64               author_id,
                                             const char          *body,
                                             int                  minutes,
                                             GError             **error);
guint      stw_ticket_repo_count_entries    (StwDatabase         *db,
                                             gint64               ticket_id);
GArray    *stw_ticket_repo_list_pauses      (StwDatabase         *db,
                                             gint64               ticket_id,
                                             GError             **error);
GArray    *stw_ticket_repo_list_children    (StwDatabase         *db,
                                             gint64               id,
                                             GError             **error);
GArray    *stw_ticket_repo_list_incidents   (StwDatabase         *db,
                                             gint64               id,
                                             GError             **error);
GStrv      stw_ticket_repo_list_queues      (StwDatabase         *db);
GArray    *stw_ticket_repo_list_at_risk     (StwDatabase         *db,
                                             gint64               assignee_id,
                                             gint64               now,
                                             GError             **error);
GArray    *stw_ticket_repo_search_ids       (StwDatabase         *db,
                                             const char          *search,
                                             GError             **error);

/* For other writes on the writer thread (sample data, sync). */
StwTicket *stw_ticket_repo_load_in          (StwWriteContext     *ctx,
                                             gint64               id,
                                             GError             **error);
gboolean   stw_ticket_repo_delete_in        (StwWriteContext     *ctx,
                                             gint64               id,
                                             GError             **error);
gboolean   stw_ticket_repo_save_in          (StwWriteContext     *ctx,
                                             StwTicket           *ticket,
                                             GError             **error);
gboolean   stw_ticket_repo_link_asset_in    (StwWriteContext     *ctx,
                                             gint64               ticket_id,
                                             gint64               asset_id,
                                             GError             **error);
gint64     stw_ticket_repo_add_entry_in     (StwWriteContext     *ctx,
                                             gint64               ticket_id,
                                             StwTicketEntryKind   kind,
                                             gint64               author_id,
                                             const char          *body,
                                             int                  minutes,
                                             GError             **error);

G_END_DECLS
