/* stw-asset-export.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-asset-query.h"

G_BEGIN_DECLS

typedef enum
{
  STW_EXPORT_CSV,
  STW_EXPORT_JSON,
} StwExportFormat;

#define STW_TYPE_ASSET_EXPORT (stw_asset_export_get_type ())

G_DECLARE_FINAL_TYPE (StwAssetExport, stw_asset_export, STW, ASSET_EXPORT, GObject)

StwAssetExport *stw_asset_export_new          (const StwAssetQuery  *query,
                                               StwExportFormat       format);
double          stw_asset_export_get_progress (StwAssetExport       *self);
void            stw_asset_export_run_async    (StwAssetExport       *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gint64          stw_asset_export_run_finish   (StwAssetExport       *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gint64          stw_asset_export_to_stream    (StwAssetExport       *self,
                                               GOutputStream        *stream,
                                               GCancellable         *cancellable,
                                               GError              **error);

G_END_DECLS
