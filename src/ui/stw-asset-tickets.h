/* stw-asset-tickets.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

void   stw_asset_tickets_fill   (GtkListBox    *list,
                                 StwDatabase   *db,
                                 gint64         asset_id);
gint64 stw_asset_tickets_get_id (GtkListBoxRow *row);

G_END_DECLS
