/* stw-asset-history.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

void stw_asset_history_fill (GtkListBox  *list,
                             StwDatabase *db,
                             gint64       asset_id);

G_END_DECLS
