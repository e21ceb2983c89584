/* stw-assets-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stw-asset-columns.h"
#include "store/stw-asset-query-model.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_ASSETS_VIEW (stw_assets_view_get_type ())

G_DECLARE_FINAL_TYPE (StwAssetsView, stw_assets_view, STW, ASSETS_VIEW, GtkWidget)

StwAssetsView      *stw_assets_view_new           (StwDatabase   *db);
StwAssetQueryModel *stw_assets_view_get_model     (StwAssetsView *self);
GtkSelectionModel  *stw_assets_view_get_selection (StwAssetsView *self);
void                stw_assets_view_select_asset  (StwAssetsView *self,
                                                   gint64         id);
const char         *stw_assets_view_get_page      (StwAssetsView *self);
GtkColumnView      *stw_assets_view_get_column_view (StwAssetsView *self);
GtkWidget          *stw_assets_view_get_detail    (StwAssetsView *self);
GtkEditable        *stw_assets_view_get_search_entry (StwAssetsView *self);

StwAssetColumns    *stw_assets_view_get_columns (StwAssetsView *self);

G_END_DECLS
