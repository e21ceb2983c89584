/* stw-bulk-writer.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/stw-asset.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

typedef struct _StwBulkWriter StwBulkWriter;

StwBulkWriter *stw_bulk_writer_new           (StwWriteContext  *ctx,
                                              GError          **error);
void           stw_bulk_writer_free          (StwBulkWriter    *self);
gint64         stw_bulk_writer_find_location (StwBulkWriter    *self,
                                              const char       *path,
                                              GError          **error);
gint64         stw_bulk_writer_find_person   (StwBulkWriter    *self,
                                              const char       *name,
                                              GError          **error);
gboolean       stw_bulk_writer_save_asset    (StwBulkWriter    *self,
                                              StwAsset         *asset,
                                              StwAssetFields    fields,
                                              gboolean         *updated,
                                              GError          **error);
gboolean       stw_bulk_writer_begin_row     (StwBulkWriter    *self,
                                              GError          **error);
gboolean       stw_bulk_writer_end_row       (StwBulkWriter    *self,
                                              gboolean          keep,
                                              GError          **error);
gboolean       stw_bulk_writer_finish        (StwBulkWriter    *self,
                                              GError          **error);
gboolean       stw_bulk_writer_is_fatal      (const GError     *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwBulkWriter, stw_bulk_writer_free)

G_END_DECLS
