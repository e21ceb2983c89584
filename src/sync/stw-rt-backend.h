/* stw-rt-backend.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/stw-sync-backend.h"

G_BEGIN_DECLS

#define STW_TYPE_RT_BACKEND (stw_rt_backend_get_type ())

G_DECLARE_FINAL_TYPE (StwRtBackend, stw_rt_backend, STW, RT_BACKEND, GObject)

/* Request Tracker 5 through REST2 (/REST/2.0/). Takes a reference on
 * @http, which carries the URL, the authorization and the pinned
 * certificate. Assets created here go to @asset_catalog (a catalog's
 * name); with NULL, local assets stay local and only RT's are synced. */
StwSyncBackend *stw_rt_backend_new (StwHttp    *http,
                                    const char *asset_catalog);

G_END_DECLS
