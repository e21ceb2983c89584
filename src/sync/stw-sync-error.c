/* stw-sync-error.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-sync-error.h"

G_DEFINE_QUARK (stw-sync-error-quark, stw_sync_error)

gboolean
stw_sync_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != STW_SYNC_ERROR)
    return FALSE;

  switch ((StwSyncError) error->code)
    {
    case STW_SYNC_ERROR_OFFLINE:
    case STW_SYNC_ERROR_HOST_NOT_FOUND:
    case STW_SYNC_ERROR_CONNECTION_REFUSED:
    case STW_SYNC_ERROR_TIMED_OUT:
    case STW_SYNC_ERROR_SERVER:
    case STW_SYNC_ERROR_RATE_LIMITED:
    case STW_SYNC_ERROR_BAD_REPLY:
      return TRUE;

    case STW_SYNC_ERROR_FAILED:
    case STW_SYNC_ERROR_BAD_URL:
    case STW_SYNC_ERROR_TLS_UNTRUSTED:
    case STW_SYNC_ERROR_UNAUTHORIZED:
    case STW_SYNC_ERROR_NOT_SERVER:
    case STW_SYNC_ERROR_NOT_FOUND:
    case STW_SYNC_ERROR_STALE:
    case STW_SYNC_ERROR_REFUSED:
    case STW_SYNC_ERROR_NO_SECRET:
    case STW_SYNC_ERROR_UNSUPPORTED:
    default:
      return FALSE;
    }
}
