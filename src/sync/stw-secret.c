/* stw-secret.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-secret"

#include "config.h"

#include "stw-secret.h"
#include "sync/stw-sync-error.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

/*
 * Each account's secret is one item of the user's default keyring,
 * found by the schema and the account's uuid, so renaming the account or
 * changing its URL keeps it. The keyring may be locked, missing (no
 * Secret Service on the bus) or refuse: each becomes a
 * STW_SYNC_ERROR_NO_SECRET a person can act on; a cancelled call stays
 * G_IO_ERROR_CANCELLED.
 */

typedef enum
{
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
} Op;

/* ------------------------------------------------------------------------ */

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    "io.github.steward.Steward.Account", SECRET_SCHEMA_NONE,
    {
      { "uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static char *
item_label (StwAccount *account)
{
  const char *name = stw_account_get_name (account);

  if (name == NULL || name[0] == '\0')
    name = stw_account_get_url (account);
  if (name == NULL)
    name = stw_account_get_uuid (account);

  /* Translators: the label of the keyring item that holds an account's
   * token or password, as the keyring's own application shows it; %s is
   * the account's name. */
  return g_strdup_printf (_("Steward: %s"), name);
}

/* Takes @cause; returns the error for a person. */
static GError *
keyring_error (GError *cause,
               Op      op)
{
  GError *error;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return cause;

  /* The cause is technical (a D-Bus name, a libsecret message) and
   * never holds the secret; it goes to the debug log, not to the user. */
  g_debug ("keyring: %s", cause->message);

  if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    error = g_error_new_literal (STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                                 _("The keyring is locked. Unlock it, then try again."));
  else if (op == OP_STORE)
    error = g_error_new_literal (STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                                 _("The token or password could not be saved: the keyring is locked or not "
                                   "running."));
  else if (op == OP_LOOKUP)
    error = g_error_new_literal (STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                                 _("The token or password could not be read: the keyring is locked or not "
                                   "running."));
  else
    error = g_error_new_literal (STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                                 _("The token or password could not be removed: the keyring is locked or not "
                                   "running."));

  g_error_free (cause);
  return error;
}

/* ------------------------------------------------------------------------ */

static void
password_store_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, keyring_error (error, OP_STORE));
}

/* ------------------------------------------------------------------------ */

gboolean
stw_secret_store_sync (StwAccount    *account,
                       const char    *secret,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (STW_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (stw_account_get_uuid (account) != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  label = item_label (account);
  if (!secret_password_store_sync (account_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local_error,
                                   "uuid", stw_account_get_uuid (account),
                                   NULL))
    {
      g_propagate_error (error, keyring_error (local_error, OP_STORE));
      return FALSE;
    }

  return TRUE;
}

char *
stw_secret_lookup_sync (StwAccount    *account,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GError *local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (STW_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (stw_account_get_uuid (account) != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  secret = secret_password_lookup_sync (account_schema (), cancellable, &local_error,
                                        "uuid", stw_account_get_uuid (account),
                                        NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, keyring_error (local_error, OP_LOOKUP));
      return NULL;
    }
  if (secret == NULL)
    return NULL;

  /* libsecret's copy lives in non-pageable memory and is freed with its
   * own call; callers free ours with g_free(). */
  copy = g_strdup (secret);
  secret_password_free (secret);

  return copy;
}

gboolean
stw_secret_clear_sync (StwAccount    *account,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (STW_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (stw_account_get_uuid (account) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* FALSE with no error only says there was nothing to remove. */
  secret_password_clear_sync (account_schema (), cancellable, &local_error,
                              "uuid", stw_account_get_uuid (account),
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, keyring_error (local_error, OP_CLEAR));
      return FALSE;
    }

  return TRUE;
}

void
stw_secret_store (StwAccount          *account,
                  const char          *secret,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (STW_IS_ACCOUNT (account));
  g_return_if_fail (stw_account_get_uuid (account) != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_secret_store);

  label = item_label (account);
  secret_password_store (account_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, password_store_cb, g_steal_pointer (&task),
                         "uuid", stw_account_get_uuid (account),
                         NULL);
}

gboolean
stw_secret_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == stw_secret_store, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
