/* stw-ticket-assets.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_TICKET_ASSETS (stw_ticket_assets_get_type ())

G_DECLARE_FINAL_TYPE (StwTicketAssets, stw_ticket_assets, STW, TICKET_ASSETS, AdwPreferencesGroup)

void        stw_ticket_assets_set_ticket  (StwTicketAssets *self,
                                           StwDatabase     *db,
                                           gint64           ticket_id);
void        stw_ticket_assets_reload      (StwTicketAssets *self);
gboolean    stw_ticket_assets_link        (StwTicketAssets *self,
                                           const gint64    *asset_ids,
                                           guint            n_ids);
GtkListBox *stw_ticket_assets_get_list    (StwTicketAssets *self);

G_END_DECLS
