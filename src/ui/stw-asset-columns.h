/* stw-asset-columns.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stw-slot-model.h"

#include "core/stw-enums.h"

G_BEGIN_DECLS

#define STW_TYPE_ASSET_COLUMNS (stw_asset_columns_get_type ())

G_DECLARE_FINAL_TYPE (StwAssetColumns, stw_asset_columns, STW, ASSET_COLUMNS, GObject)

StwAssetColumns *stw_asset_columns_new         (GtkColumnView    *view,
                                                GSettings        *settings);
GMenuModel      *stw_asset_columns_get_menu    (StwAssetColumns  *self);
GActionGroup    *stw_asset_columns_get_actions (StwAssetColumns  *self);
StwSlot         *stw_asset_columns_slot_at    (StwAssetColumns  *self,
                                               double            x,
                                               double            y);
void             stw_asset_columns_get_sort    (StwAssetColumns  *self,
                                                StwAssetField    *field,
                                                StwSortDirection *direction);

G_END_DECLS
