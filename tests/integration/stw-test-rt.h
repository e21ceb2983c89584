/* stw-test-rt.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sync/stw-http.h"
#include "sync/stw-sync-backend.h"

G_BEGIN_DECLS

/* A throwaway Request Tracker for one test program, from
 * tests/servers/rt-server.sh: installed when missing, started in a new
 * directory, stopped and removed when the program ends — also when it
 * fails or is killed, through a watchdog process. */
typedef struct
{
  char *dir;
  char *url;
  char *token;      /* never printed */
  char *user;
  char *password;   /* never printed */
} StwTestRt;

/* Starts the server. When RT's packages are missing and cannot be
 * installed (not root, no sudo), marks the whole program skipped and
 * returns NULL; any other failure fails. Call before g_test_run(). */
StwTestRt  *stw_test_rt_start        (void);
void        stw_test_rt_stop         (StwTestRt    *rt);

/* A client with the server's token (or @token instead). */
StwHttp    *stw_test_rt_http         (StwTestRt    *rt,
                                      const char   *token);
/* RT's REST2 with @json_body (or none): the reply's body; fails the
 * test on an error. */
JsonNode   *stw_test_rt_call         (StwTestRt    *rt,
                                      const char   *method,
                                      const char   *path,
                                      const char   *json_body);
/* The id of a record made by POST @path. */
char       *stw_test_rt_create       (StwTestRt    *rt,
                                      const char   *path,
                                      const char   *json_body);
/* The ETag of GET @path. */
char       *stw_test_rt_etag         (StwTestRt    *rt,
                                      const char   *path);
/* The ids TicketSQL (or AssetSQL) @query finds, in id order. */
GPtrArray  *stw_test_rt_search       (StwTestRt    *rt,
                                      const char   *collection,
                                      const char   *query);
/* Runs Perl with RT loaded and configured for this instance
 * (RT::LoadConfig and RT::Init done; RT->SystemUser at hand). */
void        stw_test_rt_perl         (StwTestRt    *rt,
                                      const char   *code);
/* Turns RT's scrips (notifications, autoreplies, reopen on reply) off
 * or on: creating many tickets goes ten times faster without them. */
void        stw_test_rt_set_scrips   (StwTestRt    *rt,
                                      gboolean      enabled);

/* A field of a record the backend read (NULL for null; the test fails
 * when it is missing). */
const char *stw_test_field           (StwRemoteRecord *record,
                                      const char      *name);
gint64      stw_test_number          (StwRemoteRecord *record,
                                      const char      *name);
/* fetch(), which must succeed, or fail with NOT_FOUND. */
StwRemoteRecord *stw_test_fetch      (StwSyncBackend  *backend,
                                      const char      *entity,
                                      const char      *id);
void        stw_test_assert_not_found (StwSyncBackend *backend,
                                       const char     *entity,
                                       const char     *id);

G_END_DECLS
