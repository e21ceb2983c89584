/* stw-http.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sync/stw-sync-error.h"

G_BEGIN_DECLS

#define STW_TYPE_HTTP (stw_http_get_type ())

G_DECLARE_FINAL_TYPE (StwHttp, stw_http, STW, HTTP, GObject)

/* A blocking JSON-over-HTTP client for one server, for the sync thread:
 * it is made, used and dropped on one thread (libsoup's rule). It
 *
 * - verifies TLS certificates against the system's authorities; a
 *   certificate no authority vouches for is accepted only when its
 *   SHA-256 fingerprint is the pinned one;
 * - gives up on a request after the timeout;
 * - on 429 waits as long as Retry-After says (at most the cap) and on
 *   5xx, a timeout or a refused connection waits a little, then tries
 *   again, up to max-retries times;
 * - turns every failure into a StwSyncError with a message for a person;
 * - never writes the Authorization header, the body of a request or
 *   anything secret to a log or a message. */

typedef struct
{
  guint       status;
  char       *etag;        /* without quotes, or NULL */
  char       *location;    /* the Location header, or NULL */
  JsonNode   *body;        /* NULL for an empty body or a 304 */
} StwHttpReply;

void          stw_http_reply_free           (StwHttpReply   *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwHttpReply, stw_http_reply_free)

/* @base_url: http:// or https://, no trailing API path. */
StwHttp      *stw_http_new                  (const char     *base_url,
                                             GError        **error);
const char   *stw_http_get_base_url         (StwHttp        *self);
/* The value of the Authorization header ("token …", "Basic …"). */
void          stw_http_set_authorization    (StwHttp        *self,
                                             const char     *value);
void          stw_http_set_basic_auth       (StwHttp        *self,
                                             const char     *user,
                                             const char     *password);
/* Extra header (e.g. X-Redmine-API-Key); the value is kept as secret. */
void          stw_http_set_secret_header    (StwHttp        *self,
                                             const char     *name,
                                             const char     *value);
void          stw_http_set_pinned_cert      (StwHttp        *self,
                                             const char     *sha256_hex);
void          stw_http_set_timeout          (StwHttp        *self,
                                             guint           seconds);
void          stw_http_set_max_retries      (StwHttp        *self,
                                             guint           retries);
/* Longest wait for one Retry-After, in seconds; longer asks fail with
 * STW_SYNC_ERROR_RATE_LIMITED. */
void          stw_http_set_max_retry_after  (StwHttp        *self,
                                             guint           seconds);
/* The first pause before trying again after a failure (500 ms); each
 * further one doubles, up to 8 s. Retry-After overrides it. */
void          stw_http_set_retry_delay      (StwHttp        *self,
                                             guint           milliseconds);

/* @path: "/REST/2.0/tickets?query=…" (relative to the base URL) or an
 * absolute URL on the same scheme, host and port (a next_page link); any
 * other host is refused. @body: a JSON body to send, or NULL. @if_match:
 * the version the change is based on (without quotes), or NULL. 2xx and
 * 304 return a reply; anything else an error (404 NOT_FOUND, 412 STALE,
 * 401/403 UNAUTHORIZED, other 4xx REFUSED with the server's message,
 * 5xx SERVER). A body that is not JSON (when there is one) is BAD_REPLY. */
StwHttpReply *stw_http_request              (StwHttp        *self,
                                             const char     *method,
                                             const char     *path,
                                             JsonNode       *body,
                                             const char     *if_match,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* Requests sent (retries included), for the benchmark and the log. */
guint         stw_http_get_request_count    (StwHttp        *self);
/* The certificate the server last showed, or NULL (plain http, or no
 * TLS handshake yet): after STW_SYNC_ERROR_TLS_UNTRUSTED, what the user
 * is asked to trust. */
GTlsCertificate *stw_http_get_peer_certificate (StwHttp     *self);

/* Lower-case hex SHA-256 of the certificate's DER bytes. */
char         *stw_certificate_fingerprint   (GTlsCertificate *certificate);
/* "AB:CD:…" groups, for showing. */
char         *stw_certificate_format_fingerprint (const char *sha256_hex);

G_END_DECLS
