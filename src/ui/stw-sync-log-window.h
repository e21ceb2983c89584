/* stw-sync-log-window.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_SYNC_LOG_WINDOW (stw_sync_log_window_get_type ())

G_DECLARE_FINAL_TYPE (StwSyncLogWindow, stw_sync_log_window, STW, SYNC_LOG_WINDOW, AdwWindow)

StwSyncLogWindow *stw_sync_log_window_new       (StwDatabase      *db);
GListModel       *stw_sync_log_window_get_lines (StwSyncLogWindow *self);

G_END_DECLS
