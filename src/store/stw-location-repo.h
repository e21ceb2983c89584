/* stw-location-repo.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-location.h"
#include "store/stw-database.h"
#include "store/stw-reassign.h"

G_BEGIN_DECLS

GListModel  *stw_location_repo_list_names      (StwDatabase          *db,
                                               GError              **error);
GListModel  *stw_location_repo_list            (StwDatabase          *db,
                                                GError              **error);
GListModel  *stw_location_repo_list_children   (StwDatabase          *db,
                                                gint64                parent_id,
                                                GError              **error);
StwLocation *stw_location_repo_load            (StwDatabase          *db,
                                                gint64                id,
                                                GError              **error);
gboolean     stw_location_repo_validate        (StwDatabase          *db,
                                                StwLocation          *location,
                                                GError              **error);
guint        stw_location_repo_count_assets    (StwDatabase          *db,
                                                gint64                id);
guint        stw_location_repo_count_children  (StwDatabase          *db,
                                                gint64                id);
void         stw_location_repo_save_async      (StwDatabase          *db,
                                                StwLocation          *location,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gint64       stw_location_repo_save_finish     (StwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);
gint64       stw_location_repo_save_sync       (StwDatabase          *db,
                                                StwLocation          *location,
                                                GError              **error);
void         stw_location_repo_delete_async    (StwDatabase          *db,
                                                gint64                id,
                                                gint64                reassign_to,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     stw_location_repo_delete_finish   (StwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean     stw_location_repo_delete_sync     (StwDatabase          *db,
                                                gint64                id,
                                                gint64                reassign_to,
                                                GError              **error);

/* For other writes on the writer thread (sample data, imports). */
gboolean     stw_location_repo_insert          (StwWriteContext      *ctx,
                                                StwLocation          *location,
                                                GError              **error);

G_END_DECLS
