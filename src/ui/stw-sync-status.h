/* stw-sync-status.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"
#include "sync/stw-sync-engine.h"

G_BEGIN_DECLS

#define STW_TYPE_SYNC_STATUS (stw_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (StwSyncStatus, stw_sync_status, STW, SYNC_STATUS, GtkWidget)

GtkWidget     *stw_sync_status_new          (void);
StwDatabase   *stw_sync_status_get_database (StwSyncStatus *self);
void           stw_sync_status_set_database (StwSyncStatus *self,
                                             StwDatabase   *db);
StwSyncEngine *stw_sync_status_get_engine   (StwSyncStatus *self);
void           stw_sync_status_set_engine   (StwSyncStatus *self,
                                             StwSyncEngine *engine);
void           stw_sync_status_add_actions  (StwSyncStatus *self,
                                             GActionMap    *map);

G_END_DECLS
