/* stw-stats.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/stw-enums.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 n_assets;
  gint64 by_status[STW_N_ASSET_STATUSES];
  gint64 by_category[STW_N_ASSET_CATEGORIES];
  gint64 n_locations;
  gint64 n_people;
  gint64 n_changes;          /* journal rows */
  gint64 n_batches;          /* steps of work, undoable or not */
  gint64 file_size;          /* bytes, with the write-ahead log */
} StwStats;

gboolean stw_stats_read (StwDatabase  *db,
                         StwStats     *stats,
                         GError      **error);

G_END_DECLS
