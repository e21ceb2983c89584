/* stw-sync-error.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STW_SYNC_ERROR (stw_sync_error_quark ())

/* What can go wrong talking to a server, each with a message a person can
 * act on. A cancelled request is G_IO_ERROR_CANCELLED. */
typedef enum
{
  STW_SYNC_ERROR_FAILED,
  STW_SYNC_ERROR_BAD_URL,            /* not an http(s) URL */
  STW_SYNC_ERROR_OFFLINE,            /* no network at all */
  STW_SYNC_ERROR_HOST_NOT_FOUND,     /* the name does not resolve */
  STW_SYNC_ERROR_CONNECTION_REFUSED, /* nothing listens there */
  STW_SYNC_ERROR_TIMED_OUT,          /* no answer in time */
  STW_SYNC_ERROR_TLS_UNTRUSTED,      /* certificate not trusted (nor pinned) */
  STW_SYNC_ERROR_UNAUTHORIZED,       /* 401, 403: wrong token or password */
  STW_SYNC_ERROR_NOT_SERVER,         /* answers, but is not that kind of server */
  STW_SYNC_ERROR_SERVER,             /* 5xx */
  STW_SYNC_ERROR_RATE_LIMITED,       /* 429 still, after waiting as told */
  STW_SYNC_ERROR_BAD_REPLY,          /* malformed, truncated or unexpected body */
  STW_SYNC_ERROR_NOT_FOUND,          /* 404, or deleted on the server */
  STW_SYNC_ERROR_STALE,              /* 412: changed on the server since read */
  STW_SYNC_ERROR_REFUSED,            /* another 4xx: the server refused the value */
  STW_SYNC_ERROR_NO_SECRET,          /* no token or password in the keyring */
  STW_SYNC_ERROR_UNSUPPORTED,        /* a server kind this build cannot sync */
} StwSyncError;

GQuark   stw_sync_error_quark        (void);
/* TRUE for failures that may go away by themselves (network, timeouts,
 * 5xx, 429, a broken reply): the run stops, keeps every local edit, and
 * the next run tries again. */
gboolean stw_sync_error_is_transient (const GError *error);

G_END_DECLS
