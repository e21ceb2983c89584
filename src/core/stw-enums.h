/* stw-enums.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STW_ASSET_CATEGORY_LAPTOP,
  STW_ASSET_CATEGORY_DESKTOP,
  STW_ASSET_CATEGORY_SERVER,
  STW_ASSET_CATEGORY_NETWORK,
  STW_ASSET_CATEGORY_MONITOR,
  STW_ASSET_CATEGORY_PHONE,
  STW_ASSET_CATEGORY_PRINTER,
  STW_ASSET_CATEGORY_PERIPHERAL,
  STW_ASSET_CATEGORY_OTHER,
} StwAssetCategory;

#define STW_N_ASSET_CATEGORIES (STW_ASSET_CATEGORY_OTHER + 1)

typedef enum
{
  STW_ASSET_STATUS_IN_STOCK,
  STW_ASSET_STATUS_DEPLOYED,
  STW_ASSET_STATUS_IN_REPAIR,
  STW_ASSET_STATUS_RETIRED,
  STW_ASSET_STATUS_LOST,
} StwAssetStatus;

#define STW_N_ASSET_STATUSES (STW_ASSET_STATUS_LOST + 1)

typedef enum
{
  STW_LOCATION_KIND_SITE,
  STW_LOCATION_KIND_BUILDING,
  STW_LOCATION_KIND_ROOM,
} StwLocationKind;

#define STW_N_LOCATION_KINDS (STW_LOCATION_KIND_ROOM + 1)

/* The fields of an asset a person edits. The order is the order of the
 * detail pane; the column names are the database's and the journal's. */
typedef enum
{
  STW_ASSET_FIELD_NONE,
  STW_ASSET_FIELD_NAME,
  STW_ASSET_FIELD_TAG,
  STW_ASSET_FIELD_SERIAL,
  STW_ASSET_FIELD_CATEGORY,
  STW_ASSET_FIELD_MANUFACTURER,
  STW_ASSET_FIELD_MODEL,
  STW_ASSET_FIELD_STATUS,
  STW_ASSET_FIELD_LOCATION,
  STW_ASSET_FIELD_PERSON,
  STW_ASSET_FIELD_PURCHASE_DATE,
  STW_ASSET_FIELD_PURCHASE_COST,
  STW_ASSET_FIELD_CURRENCY,
  STW_ASSET_FIELD_WARRANTY_END,
  STW_ASSET_FIELD_SUPPLIER,
  STW_ASSET_FIELD_NOTES,
} StwAssetField;

#define STW_N_ASSET_FIELDS (STW_ASSET_FIELD_NOTES + 1)

typedef enum
{
  STW_SORT_ASCENDING,
  STW_SORT_DESCENDING,
} StwSortDirection;

/* What a change touched; the store's "changed" signal carries these. */
typedef enum /*< flags >*/
{
  STW_ENTITY_NONE     = 0,
  STW_ENTITY_ASSET    = 1 << 0,
  STW_ENTITY_LOCATION = 1 << 1,
  STW_ENTITY_PERSON   = 1 << 2,
  /* A ticket, its linked assets, its comments and work log. */
  STW_ENTITY_TICKET   = 1 << 3,
  /* Accounts, sync conflicts and the sync log (not journaled). */
  STW_ENTITY_SYNC     = 1 << 4,
} StwEntity;

/* Where a batch of changes came from. */
typedef enum
{
  STW_ORIGIN_USER,
  STW_ORIGIN_IMPORT,
  STW_ORIGIN_SYNC,
  STW_ORIGIN_SAMPLE,
  STW_ORIGIN_UNDO,
  STW_ORIGIN_REDO,
} StwOrigin;

#define STW_N_ORIGINS (STW_ORIGIN_REDO + 1)

/* The stable key stored in the database and in exports; never translated. */
const char       *stw_asset_category_to_key   (StwAssetCategory  category);
gboolean          stw_asset_category_from_key (const char       *key,
                                               StwAssetCategory *category);
/* The label a person reads, translated. */
const char       *stw_asset_category_label    (StwAssetCategory  category);

const char       *stw_asset_status_to_key     (StwAssetStatus    status);
gboolean          stw_asset_status_from_key   (const char       *key,
                                               StwAssetStatus   *status);
const char       *stw_asset_status_label      (StwAssetStatus    status);

const char       *stw_location_kind_to_key    (StwLocationKind   kind);
gboolean          stw_location_kind_from_key  (const char       *key,
                                               StwLocationKind  *kind);
const char       *stw_location_kind_label     (StwLocationKind   kind);

const char       *stw_origin_to_key           (StwOrigin         origin);
StwOrigin         stw_origin_from_key         (const char       *key);
StwEntity         stw_entity_from_key         (const char       *key);
const char       *stw_entity_to_key           (StwEntity         entity);

const char       *stw_asset_field_to_column   (StwAssetField     field);
StwAssetField     stw_asset_field_from_column (const char       *column);
const char       *stw_asset_field_label       (StwAssetField     field);

G_END_DECLS
