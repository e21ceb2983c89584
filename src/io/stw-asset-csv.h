/* stw-asset-csv.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/stw-asset.h"

G_BEGIN_DECLS

/* How day, month and year are written in a file. */
typedef enum
{
  STW_DATE_FORMAT_ISO,   /* 2026-03-31 */
  STW_DATE_FORMAT_DMY,   /* 31/03/2026, 31.03.2026 */
  STW_DATE_FORMAT_MDY,   /* 03/31/2026 */
} StwDateFormat;

#define STW_N_DATE_FORMATS (STW_DATE_FORMAT_MDY + 1)

/* Besides the asset fields, a column can carry the asset's UUID, so an
 * export imports back as the very same records. */
#define STW_IMPORT_UUID STW_N_ASSET_FIELDS
#define STW_N_IMPORT_TARGETS (STW_N_ASSET_FIELDS + 1)

typedef struct
{
  /* The file column of each target, or -1. */
  int            columns[STW_N_IMPORT_TARGETS];
  StwDateFormat  date_format;
} StwAssetCsvMapping;

/* A row of a file, turned into what the store needs to save it. */
typedef struct
{
  StwAsset       *asset;
  guint32         fields;          /* StwAssetFields the file sets */
  char           *location_path;   /* “Berlin › HQ › Room 1”, or NULL */
  char           *person_name;
} StwAssetCsvRow;

int            stw_asset_csv_guess_target       (const char               *header);
void           stw_asset_csv_mapping_guess      (StwAssetCsvMapping       *mapping,
                                                 GPtrArray                *header,
                                                 GPtrArray               **sample_rows,
                                                 guint                     n_sample_rows);
StwDateFormat  stw_asset_csv_guess_date_format  (GPtrArray               **rows,
                                                 guint                     n_rows,
                                                 int                       column);
const char    *stw_asset_csv_target_header      (int                       target);
const char    *stw_asset_csv_target_label       (int                       target);
const char    *stw_date_format_label            (StwDateFormat             format);

gboolean       stw_asset_csv_parse_category     (const char               *text,
                                                 StwAssetCategory         *category);
gboolean       stw_asset_csv_parse_status       (const char               *text,
                                                 StwAssetStatus           *status);
gboolean       stw_asset_csv_parse_date         (const char               *text,
                                                 StwDateFormat             format,
                                                 char                    **iso_date,
                                                 GError                  **error);
gboolean       stw_asset_csv_convert            (const StwAssetCsvMapping *mapping,
                                                 GPtrArray                *record,
                                                 guint                     n_columns,
                                                 StwAssetCsvRow           *row,
                                                 GError                  **error);
void           stw_asset_csv_row_clear          (StwAssetCsvRow           *row);

G_END_DECLS
