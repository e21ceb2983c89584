/* stw-preferences-window.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_PREFERENCES_WINDOW (stw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (StwPreferencesWindow, stw_preferences_window, STW, PREFERENCES_WINDOW, AdwPreferencesWindow)

StwPreferencesWindow *stw_preferences_window_new (GSettings   *settings,
                                                  StwDatabase *db);

G_END_DECLS
