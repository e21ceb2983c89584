/* stw-asset-query.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-enums.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* No filter on status or category. */
#define STW_FILTER_ANY (-1)

/* What a list of assets shows: a search, filters and a sort. A copy can
 * run on any thread; it opens its own read connection. */
typedef struct _StwAssetQuery StwAssetQuery;
typedef struct _StwQueryConnection StwQueryConnection;

/* One asset as text, in the order of stw_asset_csv_target_header(): the
 * form exports write. Strings are NULL when empty. */
typedef struct
{
  const char *values[17];   /* indexed by StwAssetField; [16] is the UUID */
  gint64      purchase_cost; /* STW_COST_UNSET when none */
} StwAssetRow;

#define STW_ASSET_ROW_UUID 16

typedef gboolean (*StwAssetRowFunc) (const StwAssetRow  *row,
                                     gpointer            user_data,
                                     GError            **error);

GType          stw_asset_query_get_type     (void) G_GNUC_CONST;
StwAssetQuery *stw_asset_query_new          (StwDatabase         *db);
StwAssetQuery *stw_asset_query_copy         (const StwAssetQuery *self);
void           stw_asset_query_free         (StwAssetQuery       *self);
void           stw_asset_query_set_search   (StwAssetQuery       *self,
                                             const char          *search);
void           stw_asset_query_set_status   (StwAssetQuery       *self,
                                             int                  status);
void           stw_asset_query_set_category (StwAssetQuery       *self,
                                             int                  category);
void           stw_asset_query_set_sort     (StwAssetQuery       *self,
                                             StwAssetField        field,
                                             StwSortDirection     direction);
GArray        *stw_asset_query_run_ids      (const StwAssetQuery *self,
                                             StwQueryConnection  *connection,
                                             GCancellable        *cancellable,
                                             GError             **error);
GArray        *stw_asset_query_run_first_ids (const StwAssetQuery *self,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean       stw_asset_query_has_search   (const StwAssetQuery *self);
GArray        *stw_asset_query_filter_ids   (const StwAssetQuery *self,
                                             const GArray        *base,
                                             StwQueryConnection  *connection,
                                             GCancellable        *cancellable,
                                             GError             **error);
StwQueryConnection *stw_query_connection_new   (StwDatabase        *db);
StwQueryConnection *stw_query_connection_ref   (StwQueryConnection *self);
void                stw_query_connection_unref (StwQueryConnection *self);
gint64         stw_asset_query_count        (const StwAssetQuery *self,
                                             GCancellable        *cancellable,
                                             GError             **error);
gboolean       stw_asset_query_foreach_row  (const StwAssetQuery *self,
                                             StwAssetRowFunc      func,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* Builds the FTS5 query for what a person typed: every word must match
 * as a prefix. Returns NULL when there is nothing to search. */
char          *stw_asset_query_build_match  (const char          *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwAssetQuery, stw_asset_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwQueryConnection, stw_query_connection_unref)

G_END_DECLS
