/* stw-secret.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-account.h"

G_BEGIN_DECLS

/* An account's token or password, in the Secret Service (the keyring),
 * found by the account's uuid. Never in the database, settings or logs. */

gboolean  stw_secret_store_sync   (StwAccount          *account,
                                   const char          *secret,
                                   GCancellable        *cancellable,
                                   GError             **error);
/* NULL with no error when the keyring holds nothing for the account. */
char     *stw_secret_lookup_sync  (StwAccount          *account,
                                   GCancellable        *cancellable,
                                   GError             **error);
gboolean  stw_secret_clear_sync   (StwAccount          *account,
                                   GCancellable        *cancellable,
                                   GError             **error);

void      stw_secret_store        (StwAccount          *account,
                                   const char          *secret,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  stw_secret_store_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
