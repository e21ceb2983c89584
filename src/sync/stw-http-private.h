/* stw-http-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sync/stw-http.h"

G_BEGIN_DECLS

/* Shared by stw-http.c (the requests) and stw-http-errors.c (what a
 * failure means for a person). For the sync layer only. */

struct _StwHttp
{
  GObject               parent_instance;

  SoupSession          *session;
  GUri                 *base_uri;
  char                 *base_url;
  char                 *authority;      /* host:port, for messages */

  char                 *authorization;
  char                 *secret_header;
  char                 *secret_value;
  GPtrArray            *secrets;        /* every secret string, to scrub */

  char                 *pinned;
  GTlsCertificate      *peer_certificate;
  GTlsCertificateFlags  peer_errors;    /* of the last rejected handshake */
  gboolean              pin_mismatch;

  guint                 timeout;
  guint                 max_retries;
  guint                 max_retry_after;
  guint                 retry_delay_ms;
  guint                 request_count;
};

/* What to do after one attempt that did not give a reply. */
typedef enum
{
  STW_HTTP_GIVE_UP,
  STW_HTTP_RETRY,
} StwHttpNext;

void         stw_http_scrub_error        (StwHttp       *self,
                                          GError        *error);
/* Seconds, from either form of Retry-After; -1 when absent or unreadable. */
gint64       stw_http_parse_retry_after  (const char    *value);
/* NULL with no error for an empty body. */
JsonNode    *stw_http_parse_json         (GBytes        *bytes,
                                          const char    *content_type,
                                          GError       **error);
StwHttpNext  stw_http_transport_error    (StwHttp       *self,
                                          GUri          *uri,
                                          gboolean       idempotent,
                                          const GError  *cause,
                                          GError       **error);
/* Sets @wait_ms when the server said how long to wait. */
StwHttpNext  stw_http_status_error       (StwHttp       *self,
                                          SoupMessage   *msg,
                                          GUri          *uri,
                                          gboolean       idempotent,
                                          JsonNode      *body,
                                          guint         *wait_ms,
                                          GError       **error);

G_END_DECLS
