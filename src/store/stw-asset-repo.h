/* stw-asset-repo.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-asset.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* A set of StwAssetField, as bits: 1 << field. */
typedef guint32 StwAssetFields;

#define STW_ASSET_FIELDS_ALL (((1u << STW_N_ASSET_FIELDS) - 1) & ~1u)
#define STW_ASSET_FIELD_BIT(f) (1u << (f))

StwAsset  *stw_asset_repo_load         (StwDatabase          *db,
                                        gint64                id,
                                        GError              **error);
gboolean   stw_asset_repo_load_many    (StwDatabase          *db,
                                        const gint64         *ids,
                                        guint                 n_ids,
                                        GHashTable           *assets,
                                        GError              **error);
gint64     stw_asset_repo_find_by_tag  (StwDatabase          *db,
                                        const char           *tag);
GArray    *stw_asset_repo_find_ids     (StwDatabase          *db,
                                        const char           *search,
                                        guint                 limit,
                                        GError              **error);
gint64     stw_asset_repo_count        (StwDatabase          *db);
gboolean   stw_asset_repo_is_empty     (StwDatabase          *db);
gboolean   stw_asset_repo_check_tag    (StwDatabase          *db,
                                        const char           *tag,
                                        gint64                except_id,
                                        GError              **error);

void       stw_asset_repo_save_async   (StwDatabase          *db,
                                        StwAsset             *asset,
                                        StwAssetFields        fields,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gint64     stw_asset_repo_save_finish  (StwDatabase          *db,
                                        GAsyncResult         *result,
                                        GError              **error);
gint64     stw_asset_repo_save_sync    (StwDatabase          *db,
                                        StwAsset             *asset,
                                        StwAssetFields        fields,
                                        GError              **error);
void       stw_asset_repo_delete_async (StwDatabase          *db,
                                        const gint64         *ids,
                                        guint                 n_ids,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean   stw_asset_repo_delete_finish (StwDatabase         *db,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean   stw_asset_repo_delete_sync  (StwDatabase          *db,
                                        const gint64         *ids,
                                        guint                 n_ids,
                                        GError              **error);

/* For other writes on the writer thread (sample data, imports). */
StwAsset  *stw_asset_repo_load_in      (StwWriteContext      *ctx,
                                        gint64                id,
                                        GError              **error);
gboolean   stw_asset_repo_insert       (StwWriteContext      *ctx,
                                        StwAsset             *asset,
                                        GError              **error);
gboolean   stw_asset_repo_update       (StwWriteContext      *ctx,
                                        StwAsset             *asset,
                                        StwAssetFields        fields,
                                        GError              **error);

G_END_DECLS
