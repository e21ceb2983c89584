/* stw-sample-data.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

/* How many assets the sample inventory has. */
#define STW_SAMPLE_N_ASSETS 320

/* How many tickets its service desk has. */
#define STW_SAMPLE_N_TICKETS 62

void     stw_sample_data_load_async  (StwDatabase          *db,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean stw_sample_data_load_finish (StwDatabase          *db,
                                      GAsyncResult         *result,
                                      GError              **error);
gboolean stw_sample_data_load_sync   (StwDatabase          *db,
                                      GError              **error);

G_END_DECLS
