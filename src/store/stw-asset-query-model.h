/* stw-asset-query-model.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-asset.h"
#include "store/stw-asset-query.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_ASSET_QUERY_MODEL (stw_asset_query_model_get_type ())

G_DECLARE_FINAL_TYPE (StwAssetQueryModel, stw_asset_query_model, STW, ASSET_QUERY_MODEL, GObject)


StwAssetQueryModel *stw_asset_query_model_new                (StwDatabase        *db);
StwDatabase        *stw_asset_query_model_get_database       (StwAssetQueryModel *self);
const char         *stw_asset_query_model_get_search         (StwAssetQueryModel *self);
void                stw_asset_query_model_set_search         (StwAssetQueryModel *self,
                                                              const char         *search);
int                 stw_asset_query_model_get_status_filter  (StwAssetQueryModel *self);
void                stw_asset_query_model_set_status_filter  (StwAssetQueryModel *self,
                                                              int                 status);
int                 stw_asset_query_model_get_category_filter (StwAssetQueryModel *self);
void                stw_asset_query_model_set_category_filter (StwAssetQueryModel *self,
                                                              int                 category);
void                stw_asset_query_model_set_sort           (StwAssetQueryModel *self,
                                                              StwAssetField       field,
                                                              StwSortDirection    direction);
StwAssetField       stw_asset_query_model_get_sort_field     (StwAssetQueryModel *self);
StwSortDirection    stw_asset_query_model_get_sort_direction (StwAssetQueryModel *self);
gboolean            stw_asset_query_model_get_loading        (StwAssetQueryModel *self);
void                stw_asset_query_model_refresh            (StwAssetQueryModel *self);
guint               stw_asset_query_model_find               (StwAssetQueryModel *self,
                                                              gint64              id);
gint64              stw_asset_query_model_get_id             (StwAssetQueryModel *self,
                                                              guint               position);

/* For tests and benchmarks: how many asset objects are alive in the
 * model's cache, which must stay small whatever the number of rows. */
guint               stw_asset_query_model_get_cache_size     (StwAssetQueryModel *self);

StwAssetQuery      *stw_asset_query_model_dup_query          (StwAssetQueryModel *self);

G_END_DECLS
