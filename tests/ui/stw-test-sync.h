/* stw-test-sync.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stw-test-ui.h"
#include "core/stw-account.h"
#include "store/stw-sync-store.h"

/* Shared by the sync widget tests: accounts in the scratch database, and
 * whether run-under-display.sh started a keyring for them. */

static inline gboolean
stw_test_has_keyring (void)
{
  return g_strcmp0 (g_getenv ("STW_TEST_KEYRING"), "1") == 0;
}

/* Saves an RT account called @name at @url; returns it with its id. */
static inline StwAccount *
stw_test_add_account (StwDatabase *db,
                      const char  *name,
                      const char  *url)
{
  g_autoptr(GError) error = NULL;
  StwAccount *account = stw_account_new ();

  stw_account_set_kind (account, STW_ACCOUNT_RT);
  stw_account_set_name (account, name);
  stw_account_set_url (account, url);
  g_assert_true (stw_account_repo_save_sync (db, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_account_get_id (account), >, 0);
  return account;
}

static inline guint
stw_test_count_accounts (StwDatabase *db)
{
  g_autoptr(GPtrArray) accounts = stw_account_repo_list (db, NULL);

  g_assert_nonnull (accounts);
  return accounts->len;
}

/* A preferences row's subtitle, or "" for a row that has none. */
static inline const char *
stw_test_row_subtitle (GtkWidget *row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL ? subtitle : "";
}
