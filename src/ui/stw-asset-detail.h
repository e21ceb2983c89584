/* stw-asset-detail.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/stw-enums.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_ASSET_DETAIL (stw_asset_detail_get_type ())

G_DECLARE_FINAL_TYPE (StwAssetDetail, stw_asset_detail, STW, ASSET_DETAIL, GtkWidget)

void        stw_asset_detail_set_database  (StwAssetDetail *self,
                                            StwDatabase    *db);
void        stw_asset_detail_set_asset_id  (StwAssetDetail *self,
                                            gint64          id);
gint64      stw_asset_detail_get_asset_id  (StwAssetDetail *self);
GtkWidget  *stw_asset_detail_get_row       (StwAssetDetail *self,
                                            StwAssetField   field);
const char *stw_asset_detail_get_error     (StwAssetDetail *self,
                                            StwAssetField   field);
void        stw_asset_detail_save_now      (StwAssetDetail *self);
gboolean    stw_asset_detail_is_saving     (StwAssetDetail *self);
GtkListBox *stw_asset_detail_get_history   (StwAssetDetail *self);
GtkListBox *stw_asset_detail_get_tickets   (StwAssetDetail *self);

G_END_DECLS
