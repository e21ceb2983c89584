/* stw-asset.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/stw-enums.h"

G_BEGIN_DECLS

/* A purchase cost that was never entered. Costs are whole minor units
 * (cents) so sums and comparisons are exact. */
#define STW_COST_UNSET G_MININT64

#define STW_TYPE_ASSET (stw_asset_get_type ())

G_DECLARE_FINAL_TYPE (StwAsset, stw_asset, STW, ASSET, GObject)

StwAsset         *stw_asset_new               (void);
StwAsset         *stw_asset_dup               (StwAsset         *self);
void              stw_asset_update_from       (StwAsset         *self,
                                               StwAsset         *other);
gboolean          stw_asset_field_equal       (StwAsset         *self,
                                               StwAsset         *other,
                                               StwAssetField     field);

gint64            stw_asset_get_id            (StwAsset         *self);
void              stw_asset_set_id            (StwAsset         *self,
                                               gint64            id);
const char       *stw_asset_get_uuid          (StwAsset         *self);
void              stw_asset_set_uuid          (StwAsset         *self,
                                               const char       *uuid);
gint64            stw_asset_get_created       (StwAsset         *self);
gint64            stw_asset_get_updated       (StwAsset         *self);
void              stw_asset_set_times         (StwAsset         *self,
                                               gint64            created,
                                               gint64            updated);

/* The text fields: name, tag, serial, manufacturer, model, purchase date,
 * currency, warranty end, supplier and notes. Empty text is stored as NULL. */
const char       *stw_asset_get_text          (StwAsset         *self,
                                               StwAssetField     field);
void              stw_asset_set_text          (StwAsset         *self,
                                               StwAssetField     field,
                                               const char       *text);
gboolean          stw_asset_field_is_text     (StwAssetField     field);

const char       *stw_asset_get_name          (StwAsset         *self);
void              stw_asset_set_name          (StwAsset         *self,
                                               const char       *name);
const char       *stw_asset_get_tag           (StwAsset         *self);
void              stw_asset_set_tag           (StwAsset         *self,
                                               const char       *tag);

StwAssetCategory  stw_asset_get_category      (StwAsset         *self);
void              stw_asset_set_category      (StwAsset         *self,
                                               StwAssetCategory  category);
StwAssetStatus    stw_asset_get_status        (StwAsset         *self);
void              stw_asset_set_status        (StwAsset         *self,
                                               StwAssetStatus    status);

gint64            stw_asset_get_location_id   (StwAsset         *self);
const char       *stw_asset_get_location_name (StwAsset         *self);
void              stw_asset_set_location      (StwAsset         *self,
                                               gint64            location_id,
                                               const char       *location_name);
gint64            stw_asset_get_person_id     (StwAsset         *self);
const char       *stw_asset_get_person_name   (StwAsset         *self);
void              stw_asset_set_person        (StwAsset         *self,
                                               gint64            person_id,
                                               const char       *person_name);

gint64            stw_asset_get_purchase_cost (StwAsset         *self);
void              stw_asset_set_purchase_cost (StwAsset         *self,
                                               gint64            cost);

G_END_DECLS
