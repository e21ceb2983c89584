/* stw-locations-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_LOCATIONS_VIEW (stw_locations_view_get_type ())

G_DECLARE_FINAL_TYPE (StwLocationsView, stw_locations_view, STW, LOCATIONS_VIEW, GtkWidget)

StwLocationsView *stw_locations_view_new       (StwDatabase      *db);
GListModel       *stw_locations_view_get_model (StwLocationsView *self);

G_END_DECLS
