/* stw-test-hook-backend.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/stw-sync-backend.h"
#include "stw-test-rt.h"

G_BEGIN_DECLS

#define STW_TYPE_TEST_HOOK_BACKEND (stw_test_hook_backend_get_type ())

G_DECLARE_FINAL_TYPE (StwTestHookBackend, stw_test_hook_backend, STW, TEST_HOOK_BACKEND, GObject)

/* A backend that passes every call to @inner, but first sends PUT @path
 * with @json to RT before the first update: a change made on the server
 * between the engine's pull and its push. */
StwTestHookBackend *stw_test_hook_backend_new       (StwSyncBackend     *inner,
                                                     StwTestRt          *rt,
                                                     const char         *path,
                                                     const char         *json);
/* How many updates RT refused as stale (412). */
guint               stw_test_hook_backend_get_stale (StwTestHookBackend *self);

G_END_DECLS
