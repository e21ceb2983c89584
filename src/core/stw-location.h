/* stw-location.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/stw-enums.h"

G_BEGIN_DECLS

#define STW_TYPE_LOCATION (stw_location_get_type ())

G_DECLARE_FINAL_TYPE (StwLocation, stw_location, STW, LOCATION, GObject)

StwLocation     *stw_location_new             (void);
gint64           stw_location_get_id          (StwLocation     *self);
void             stw_location_set_id          (StwLocation     *self,
                                               gint64           id);
const char      *stw_location_get_uuid        (StwLocation     *self);
void             stw_location_set_uuid        (StwLocation     *self,
                                               const char      *uuid);
const char      *stw_location_get_name        (StwLocation     *self);
void             stw_location_set_name        (StwLocation     *self,
                                               const char      *name);
StwLocationKind  stw_location_get_kind        (StwLocation     *self);
void             stw_location_set_kind        (StwLocation     *self,
                                               StwLocationKind  kind);
gint64           stw_location_get_parent_id   (StwLocation     *self);
void             stw_location_set_parent_id   (StwLocation     *self,
                                               gint64           parent_id);
/* Filled in by the store when it loads the location: how many assets are
 * here, and the path from the site down ("Berlin › HQ › Room 101"). */
guint            stw_location_get_asset_count (StwLocation     *self);
void             stw_location_set_asset_count (StwLocation     *self,
                                               guint            count);
const char      *stw_location_get_path        (StwLocation     *self);
void             stw_location_set_path        (StwLocation     *self,
                                               const char      *path);

G_END_DECLS
