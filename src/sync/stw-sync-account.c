/* stw-sync-account.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/stw-sync-store.h"
#include "stw-rt-backend.h"
#include "stw-secret.h"
#include "stw-sync-backend.h"

/**
 * stw_sync_backend_new_for_account:
 * @secret: the account's token, or its password when it has a user
 *
 * Returns: (transfer full): the backend of the account's kind, or %NULL
 *   with @error set
 */
StwSyncBackend *
stw_sync_backend_new_for_account (StwAccount  *account,
                                  const char  *secret,
                                  GError     **error)
{
  g_autoptr(StwHttp) http = NULL;

  g_return_val_if_fail (STW_IS_ACCOUNT (account), NULL);

  if (secret == NULL || *secret == '\0')
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                   _("The keyring holds no token or password for “%s”. Open the account in "
                     "Preferences and enter it again."),
                   stw_account_get_name (account));
      return NULL;
    }

  http = stw_http_new (stw_account_get_url (account), error);
  if (http == NULL)
    return NULL;
  stw_http_set_pinned_cert (http, stw_account_get_pinned_cert (account));

  switch (stw_account_get_kind (account))
    {
    case STW_ACCOUNT_RT:
      if (stw_account_get_user (account) != NULL)
        stw_http_set_basic_auth (http, stw_account_get_user (account), secret);
      else
        {
          g_autofree char *value = g_strconcat ("token ", secret, NULL);

          stw_http_set_authorization (http, value);
        }
      return stw_rt_backend_new (http, stw_account_get_asset_catalog (account));

    case STW_ACCOUNT_REDMINE:
    default:
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                   _("Steward cannot sync with %s servers yet."),
                   stw_account_kind_label (stw_account_get_kind (account)));
      return NULL;
    }
}

/**
 * stw_sync_backend_open:
 *
 * Returns: (transfer full): the account's backend, or %NULL with @error
 *   set (and the account's last error too)
 */
StwSyncBackend *
stw_sync_backend_open (StwDatabase   *db,
                       StwAccount    *account,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *secret = NULL;
  StwSyncBackend *backend = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (STW_IS_ACCOUNT (account), NULL);

  secret = stw_secret_lookup_sync (account, cancellable, &local_error);
  if (local_error == NULL)
    backend = stw_sync_backend_new_for_account (account, secret, &local_error);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (backend == NULL)
    {
      stw_account_repo_set_result_sync (db, stw_account_get_id (account), 0,
                                        local_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return backend;
}
