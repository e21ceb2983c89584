/* test-rt-backend.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/stw-rt-backend.h"
#include "stw-test-rt.h"

G_BEGIN_DECLS

/* What the two files of the RT backend's test share: the server, and
 * helpers that make data through RT's own REST2. */

extern StwTestRt *rt;

#define field stw_test_field
#define number stw_test_number
#define fetch stw_test_fetch
#define assert_not_found stw_test_assert_not_found

StwSyncBackend *backend_new   (const char *catalog);
/* Requests the backend's client has sent. */
guint        requests         (StwSyncBackend *backend);
JsonObject  *object           (const char     *json);
char        *make_ticket      (const char     *json);
char        *make_asset       (const char     *json);
void         put              (const char     *path,
                               const char     *json);
void         put_ticket       (const char     *id,
                               const char     *json);
char        *ticket_etag      (const char     *id);
void         delete_ticket    (const char     *id);
/* How many records a TicketSQL (AssetSQL) query finds. */
guint        count            (const char     *collection,
                               const char     *query);
const char  *entry_field      (GPtrArray      *entries,
                               guint           index,
                               const char     *name);

/* test-rt-backend-write.c: creates, updates and removes. */
void         add_write_tests  (void);

G_END_DECLS
