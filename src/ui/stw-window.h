/* stw-window.h
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

#define STW_TYPE_WINDOW (stw_window_get_type ())

G_DECLARE_FINAL_TYPE (StwWindow, stw_window, STW, WINDOW, AdwApplicationWindow)

StwWindow   *stw_window_new           (GtkApplication *application,
                                       StwDatabase    *db);
StwDatabase *stw_window_get_database  (StwWindow      *self);
void         stw_window_show_view     (StwWindow      *self,
                                       const char     *name);
const char  *stw_window_get_view_name (StwWindow      *self);
GtkWidget   *stw_window_get_view      (StwWindow      *self,
                                       const char     *name);
AdwToastOverlay *stw_window_get_toast_overlay (StwWindow *self);
void         stw_window_set_sync_engine (StwWindow      *self,
                                         StwSyncEngine  *engine);
GtkWindow   *stw_window_open_import   (StwWindow      *self,
                                       GFile          *file);
void         stw_window_export        (StwWindow      *self,
                                       GFile          *file);

G_END_DECLS
