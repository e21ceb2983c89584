/* test-secret.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "core/stw-account.h"
#include "sync/stw-secret.h"
#include "sync/stw-sync-error.h"

/* Runs under run-with-keyring.sh: a private bus and a throwaway, unlocked
 * gnome-keyring, so these tests never see the user's own keyring. */

static StwAccount *
new_account (const char *uuid,
             const char *name)
{
  StwAccount *account = stw_account_new ();

  stw_account_set_uuid (account, uuid);
  stw_account_set_name (account, name);
  stw_account_set_url (account, "https://rt.example.org");
  stw_account_set_kind (account, STW_ACCOUNT_RT);

  return account;
}

/* What the keyring holds, asked without Steward's code: the item's label
 * and secret for the uuid, through libsecret's item search. */
static char *
keyring_label (const char  *uuid,
               char       **secret_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items;
  char *label = NULL;

  g_hash_table_insert (attributes, (gpointer) "uuid", (gpointer) uuid);
  items = secret_service_search_sync (NULL, NULL, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);

  if (items != NULL)
    {
      SecretItem *item = items->data;
      g_autoptr(SecretValue) value = secret_item_get_secret (item);
      g_autofree char *schema = secret_item_get_schema_name (item);

      g_assert_null (items->next);
      g_assert_cmpstr (schema, ==, "io.github.steward.Steward.Account");
      label = secret_item_get_label (item);
      if (secret_out != NULL)
        *secret_out = g_strdup (secret_value_get_text (value));
    }

  g_list_free_full (items, g_object_unref);
  return label;
}

static void
test_store_lookup (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-000000000001", "Helpdesk RT");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *label = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (stw_secret_store_sync (account, "1-14-0123456789abcdef", NULL, &error));
  g_assert_no_error (error);

  secret = stw_secret_lookup_sync (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "1-14-0123456789abcdef");

  label = keyring_label (stw_account_get_uuid (account), &stored);
  g_assert_cmpstr (label, ==, "Steward: Helpdesk RT");
  g_assert_cmpstr (stored, ==, "1-14-0123456789abcdef");

  g_assert_true (stw_secret_clear_sync (account, NULL, &error));
  g_assert_no_error (error);
}

static void
test_overwrite (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-000000000002", "Lab");
  g_autoptr(StwAccount) other = new_account ("6a1f3c2e-0000-4000-8000-000000000003", "Office");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *other_secret = NULL;
  g_autofree char *label = NULL;

  g_assert_true (stw_secret_store_sync (account, "first", NULL, &error));
  g_assert_true (stw_secret_store_sync (other, "someone else's", NULL, &error));
  stw_account_set_name (account, "Lab (renamed)");
  g_assert_true (stw_secret_store_sync (account, "second", NULL, &error));
  g_assert_no_error (error);

  /* One item per account, holding the latest secret and name. */
  secret = stw_secret_lookup_sync (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "second");
  label = keyring_label (stw_account_get_uuid (account), NULL);
  g_assert_cmpstr (label, ==, "Steward: Lab (renamed)");

  other_secret = stw_secret_lookup_sync (other, NULL, &error);
  g_assert_cmpstr (other_secret, ==, "someone else's");

  g_assert_true (stw_secret_clear_sync (account, NULL, &error));
  g_assert_true (stw_secret_clear_sync (other, NULL, &error));
  g_assert_no_error (error);
}

static void
test_clear (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-000000000004", "Gone");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *label = NULL;

  g_assert_true (stw_secret_store_sync (account, "short-lived", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (stw_secret_clear_sync (account, NULL, &error));
  g_assert_no_error (error);

  secret = stw_secret_lookup_sync (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  label = keyring_label (stw_account_get_uuid (account), NULL);
  g_assert_null (label);

  /* Clearing what is not there is no error. */
  g_assert_true (stw_secret_clear_sync (account, NULL, &error));
  g_assert_no_error (error);
}

static void
test_unknown (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-0000000000ff", "Never stored");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = stw_secret_lookup_sync (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_store_async (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-000000000005", "Async");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  stw_secret_store (account, "from the main loop", NULL, store_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (stw_secret_store_finish (result, &error));
  g_assert_no_error (error);

  secret = stw_secret_lookup_sync (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "from the main loop");

  g_assert_true (stw_secret_clear_sync (account, NULL, &error));
}

static void
test_cancelled (void)
{
  g_autoptr(StwAccount) account = new_account ("6a1f3c2e-0000-4000-8000-000000000006", "Cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (stw_secret_store_sync (account, "never", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/sync/secret/store-lookup", test_store_lookup);
  g_test_add_func ("/steward/sync/secret/overwrite", test_overwrite);
  g_test_add_func ("/steward/sync/secret/clear", test_clear);
  g_test_add_func ("/steward/sync/secret/unknown", test_unknown);
  g_test_add_func ("/steward/sync/secret/store-async", test_store_async);
  g_test_add_func ("/steward/sync/secret/cancelled", test_cancelled);

  return g_test_run ();
}
