/* test-account-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-server.h"
#include "stw-test-sync.h"
#include "sync/stw-http.h"
#include "sync/stw-secret.h"
#include "ui/stw-account-dialog.h"

#define RT_PATH "/REST/2.0/rt"
#define RT_ANSWER "{\"Version\":\"5.0.3\",\"Plugins\":[]}"

typedef struct
{
  StwTestDb        *test_db;
  StwTestServer    *server;
  StwAccountDialog *dialog;
} Fixture;

static void
open_dialog (Fixture    *fixture,
             StwAccount *account)
{
  fixture->dialog = g_object_ref (stw_account_dialog_new (fixture->test_db->db, account));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  stw_test_flush ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->test_db = stw_test_db_new ();
  fixture->server = stw_test_server_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      stw_test_flush ();
      /* A test still running on its thread holds the dialog a moment. */
      stw_test_wait_finalized (g_steal_pointer (&fixture->dialog));
    }

  stw_test_server_free (fixture->server);
  stw_test_db_free (fixture->test_db);
}

static GtkWidget *
entry_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = stw_test_find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
type (Fixture    *fixture,
      const char *title,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, title)), text);
}

static AdwActionRow *
connection_row (Fixture *fixture)
{
  GtkWidget *spinner = stw_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SPINNER, NULL);

  return ADW_ACTION_ROW (gtk_widget_get_ancestor (spinner, ADW_TYPE_ACTION_ROW));
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
} OutcomeCondition;

static gboolean
outcome_is (gpointer data)
{
  OutcomeCondition *condition = data;

  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                      connection_row (condition->fixture))),
                    condition->title) == 0;
}

/* Clicks Test Connection and waits for the row to say @title. */
static void
test_connection (Fixture    *fixture,
                 const char *title)
{
  OutcomeCondition condition = { fixture, title };
  g_autofree char *what = g_strdup_printf ("the outcome “%s”", title);

  g_signal_emit_by_name (stw_test_find_button (GTK_WIDGET (fixture->dialog), "_Test Connection"),
                         "clicked");
  stw_test_wait_for (outcome_is, &condition, what);
}

static void
fill_in (Fixture    *fixture,
         const char *name,
         const char *url,
         const char *token)
{
  type (fixture, "Name", name);
  type (fixture, "Server Address", url);
  type (fixture, "Token", token);
}

/* ------------------------------------------------------------------------ */

static void
test_refuses_bad_input (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const bad_urls[] = {
    "ftp://rt.example.org", "rt.example.org", "https://", "mailto:it@example.org",
  };
  GtkWidget *url;
  GtkWidget *name;

  open_dialog (fixture, NULL);
  url = entry_row (fixture, "Server Address");
  name = entry_row (fixture, "Name");

  /* Nothing marked before the person asks to save. */
  g_assert_false (gtk_widget_has_css_class (url, "error"));

  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      fill_in (fixture, "Service Desk", bad_urls[i], "1-22-333token");
      gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
      stw_test_flush ();

      /* Refused on the field, said under it, nothing saved, still open. */
      g_assert_true (gtk_widget_has_css_class (url, "error"));
      g_assert_false (gtk_widget_has_css_class (name, "error"));
      g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->dialog),
                                             "starting with https:// or http://"));
      g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 0);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
    }

  /* Test Connection checks the same, and asks no server. */
  g_signal_emit_by_name (stw_test_find_button (GTK_WIDGET (fixture->dialog), "_Test Connection"),
                         "clicked");
  stw_test_flush ();
  g_assert_cmpuint (fixture->server->requests, ==, 0);

  /* Marks follow the typing now: a good address clears its mark, an
   * empty name gets one. */
  type (fixture, "Server Address", "https://rt.example.org/");
  g_assert_false (gtk_widget_has_css_class (url, "error"));
  type (fixture, "Name", "   ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
  stw_test_flush ();
  g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 0);

  /* No token: refused too. */
  type (fixture, "Name", "Service Desk");
  type (fixture, "Token", "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
  stw_test_flush ();
  g_assert_true (gtk_widget_has_css_class (entry_row (fixture, "Token"), "error"));
  g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 0);
}

static gboolean
dialog_closed (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_widget_get_visible (GTK_WIDGET (fixture->dialog));
}

static gboolean
keyring_refusal_shown (gpointer data)
{
  Fixture *fixture = data;

  return stw_test_find_label (GTK_WIDGET (fixture->dialog), "keyring") != NULL;
}

static void
test_saves_account_and_secret (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  StwAccount *saved;

  open_dialog (fixture, NULL);
  fill_in (fixture, "Service Desk", "https://rt.example.org/", "1-22-333token");
  type (fixture, "Catalog for New Assets (Optional)", "IT Hardware");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);

  if (!stw_test_has_keyring ())
    {
      /* The secret comes first: without a keyring nothing is saved. */
      stw_test_wait_for (keyring_refusal_shown, fixture, "the keyring's refusal");
      g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 0);
      return;
    }

  stw_test_wait_for (dialog_closed, fixture, "the dialog to close");
  accounts = stw_account_repo_list (fixture->test_db->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  saved = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (stw_account_get_name (saved), ==, "Service Desk");
  g_assert_cmpstr (stw_account_get_url (saved), ==, "https://rt.example.org");
  g_assert_cmpint (stw_account_get_kind (saved), ==, STW_ACCOUNT_RT);
  g_assert_null (stw_account_get_user (saved));
  g_assert_null (stw_account_get_pinned_cert (saved));
  g_assert_cmpstr (stw_account_get_asset_catalog (saved), ==, "IT Hardware");

  /* The token is in the keyring, under the account. */
  secret = stw_secret_lookup_sync (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "1-22-333token");
}

static void
test_connected (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *authorization = NULL;

  stw_test_server_answer (fixture->server, RT_PATH, SOUP_STATUS_OK, RT_ANSWER);
  open_dialog (fixture, NULL);
  fill_in (fixture, "Service Desk", fixture->server->url, "1-22-333token");

  test_connection (fixture, "Connected to Request Tracker 5.0.3");
  authorization = stw_test_server_dup_authorization (fixture->server);
  g_assert_cmpstr (authorization, ==, "token 1-22-333token");
  g_assert_false (gtk_widget_get_visible (stw_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                                GTK_TYPE_SPINNER, NULL)));

  /* A test saves nothing. */
  g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 0);

  /* Changing the address makes the outcome stale. */
  type (fixture, "Server Address", "https://rt.example.org");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (connection_row (fixture))),
                   ==, "Not Tested Yet");
}

static void
test_wrong_token (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *subtitle;

  stw_test_server_answer (fixture->server, RT_PATH, SOUP_STATUS_UNAUTHORIZED,
                          "{\"message\":\"Unauthorized\"}");
  open_dialog (fixture, NULL);
  fill_in (fixture, "Service Desk", fixture->server->url, "wrong");

  test_connection (fixture, "Wrong Token");
  subtitle = adw_action_row_get_subtitle (connection_row (fixture));
  g_assert_nonnull (subtitle);
  g_assert_cmpstr (subtitle, !=, "");
  /* No certificate to trust over plain http. */
  g_assert_false (gtk_widget_is_sensitive (stw_test_find_button (GTK_WIDGET (fixture->dialog),
                                                                 "T_rust This Certificate")));

  /* The same server, signing in with a password instead. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (stw_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                                   ADW_TYPE_COMBO_ROW,
                                                                   "Sign In With")),
                              1);
  type (fixture, "User Name", "root");
  type (fixture, "Password", "wrong");
  test_connection (fixture, "Wrong User Name or Password");
}

static void
test_not_rt (Fixture       *fixture,
             gconstpointer  data)
{
  /* A web server, but not Request Tracker: nothing at the REST path. */
  stw_test_server_answer (fixture->server, "/index.html", SOUP_STATUS_OK, "{}");
  open_dialog (fixture, NULL);
  fill_in (fixture, "Service Desk", fixture->server->url, "1-22-333token");
  test_connection (fixture, "Not a Request Tracker Server");
}

static void
test_edit_keeps_secret (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(StwAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *secret = NULL;

  if (!stw_test_has_keyring ())
    {
      g_test_skip ("No keyring to keep the secret in");
      return;
    }

  stw_test_server_answer (fixture->server, RT_PATH, SOUP_STATUS_OK, RT_ANSWER);
  account = stw_test_add_account (fixture->test_db->db, "Service Desk", fixture->server->url);
  g_assert_true (stw_secret_store_sync (account, "kept-token", NULL, &error));
  g_assert_no_error (error);

  open_dialog (fixture, account);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, "Server Address"))),
                   ==, fixture->server->url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, "Token"))), ==, "");

  /* Tested with the token in the keyring, which is never shown. */
  test_connection (fixture, "Connected to Request Tracker 5.0.3");
  authorization = stw_test_server_dup_authorization (fixture->server);
  g_assert_cmpstr (authorization, ==, "token kept-token");

  /* Renamed and saved, the token left empty: the keyring keeps it. */
  type (fixture, "Name", "Help Desk");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
  stw_test_wait_for (dialog_closed, fixture, "the dialog to close");
  stored = stw_account_repo_load (fixture->test_db->db, stw_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_account_get_name (stored), ==, "Help Desk");
  g_assert_cmpuint (stw_test_count_accounts (fixture->test_db->db), ==, 1);
  secret = stw_secret_lookup_sync (stored, NULL, &error);
  g_assert_cmpstr (secret, ==, "kept-token");
}

static gboolean
trust_offered (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *trust = stw_test_find_button (GTK_WIDGET (fixture->dialog), "T_rust This Certificate");

  return gtk_widget_get_mapped (trust) && gtk_widget_is_sensitive (trust);
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "fixtures", "self-signed.pem",
                                                 NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(StwAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  gint64 id = 0;

  /* The same server, over HTTPS with the tests' self-signed certificate. */
  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  g_object_get (certificate, "certificate", &der, NULL);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  shown = stw_certificate_format_fingerprint (expected);
  stw_test_server_free (fixture->server);
  fixture->server = stw_test_server_new_full (certificate);
  stw_test_server_answer (fixture->server, RT_PATH, SOUP_STATUS_OK, RT_ANSWER);

  /* Not trusted: said, with the fingerprint to compare and a way to trust it. */
  open_dialog (fixture, NULL);
  fill_in (fixture, "Service Desk", fixture->server->url, "1-22-333token");
  test_connection (fixture, "Certificate Not Trusted");
  g_assert_true (trust_offered (fixture));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->dialog), shown));

  /* Saved like this, the account stays untrusted. */
  if (stw_test_has_keyring ())
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
      stw_test_wait_for (dialog_closed, fixture, "the dialog to close");
      stored = stw_account_repo_find (fixture->test_db->db, "Service Desk", &error);
      g_assert_no_error (error);
      g_assert_null (stw_account_get_pinned_cert (stored));
      id = stw_account_get_id (stored);

      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      stw_test_wait_finalized (g_steal_pointer (&fixture->dialog));
      open_dialog (fixture, stored);
      test_connection (fixture, "Certificate Not Trusted");
    }

  /* Trusted: tested again at once, and it connects. */
  g_signal_emit_by_name (stw_test_find_button (GTK_WIDGET (fixture->dialog),
                                               "T_rust This Certificate"),
                         "clicked");
  stw_test_wait_for (outcome_is,
                     &(OutcomeCondition) { fixture, "Connected to Request Tracker 5.0.3" },
                     "the connection to a trusted certificate");
  g_assert_false (trust_offered (fixture));

  /* Saved, the account trusts this one certificate. */
  if (stw_test_has_keyring ())
    {
      g_clear_object (&stored);
      gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "account.save", NULL);
      stw_test_wait_for (dialog_closed, fixture, "the dialog to close");
      stored = stw_account_repo_load (fixture->test_db->db, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (stw_account_get_pinned_cert (stored), ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/account-dialog/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("refuses-bad-input", test_refuses_bad_input);
  ADD ("saves-account-and-secret", test_saves_account_and_secret);
  ADD ("connected", test_connected);
  ADD ("wrong-token", test_wrong_token);
  ADD ("not-rt", test_not_rt);
  ADD ("edit-keeps-secret", test_edit_keeps_secret);
  ADD ("untrusted-certificate", test_untrusted_certificate);

#undef ADD

  return g_test_run ();
}
