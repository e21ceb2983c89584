/* test-accounts-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-sync.h"
#include "sync/stw-secret.h"
#include "ui/stw-account-dialog.h"
#include "ui/stw-accounts-page.h"
#include "ui/stw-preferences-window.h"

typedef struct
{
  GSettings            *settings;
  StwTestDb            *test_db;
  StwPreferencesWindow *window;
  GtkWidget            *page;
} Fixture;

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (stw_preferences_window_new (fixture->settings,
                                                                   fixture->test_db->db));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = stw_test_find_widget (GTK_WIDGET (fixture->window), STW_TYPE_ACCOUNTS_PAGE,
                                        NULL);
  g_assert_nonnull (fixture->page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window),
                                           ADW_PREFERENCES_PAGE (fixture->page));
  stw_test_flush ();
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  fixture->page = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "sync-interval");
  fixture->test_db = stw_test_db_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  stw_test_db_free (fixture->test_db);
  g_settings_reset (fixture->settings, "sync-interval");
  g_assert_finalize_object (fixture->settings);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  return stw_test_find_widget (fixture->page, ADW_TYPE_ACTION_ROW, title);
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
  gboolean    present;
} RowCondition;

static gboolean
row_shown (gpointer data)
{
  RowCondition *condition = data;
  GtkWidget *found = row (condition->fixture, condition->title);

  return (found != NULL && gtk_widget_get_visible (found)) == condition->present;
}

/* Waits for the page to follow the store, which tells it after a write. */
static void
wait_for_row (Fixture    *fixture,
              const char *title,
              gboolean    present)
{
  RowCondition condition = { fixture, title, present };

  stw_test_wait_for (row_shown, &condition, present ? "the row to show" : "the row to go");
}

/* The button under @root whose tooltip is @tooltip: an icon button. */
static GtkWidget *
find_tooltip_button (GtkWidget  *root,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
test_empty_then_listed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;
  GtkWidget *listed;

  open_window (fixture);

  /* Nothing yet: the page says what to do. */
  g_assert_true (gtk_widget_get_visible (row (fixture, "No Accounts")));
  g_assert_nonnull (strstr (stw_test_row_subtitle (row (fixture, "No Accounts")), "Add Account"));

  /* Added elsewhere (the dialog, the command line): listed at once. */
  account = stw_test_add_account (fixture->test_db->db, "Service Desk", "https://rt.example.org");
  wait_for_row (fixture, "Service Desk", TRUE);
  g_assert_false (gtk_widget_get_visible (row (fixture, "No Accounts")));

  listed = row (fixture, "Service Desk");
  g_assert_nonnull (strstr (stw_test_row_subtitle (listed),
                            "Request Tracker · https://rt.example.org"));
  g_assert_nonnull (strstr (stw_test_row_subtitle (listed), "Not synced yet"));
}

static void
test_last_sync_shown (Fixture       *fixture,
                      gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  g_autoptr(StwAccount) good = stw_test_add_account (db, "Office <RT>", "https://rt.example.org");
  g_autoptr(StwAccount) bad = stw_test_add_account (db, "Lab", "http://10.0.0.5:8080");
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_account_repo_set_result_sync (db, stw_account_get_id (good),
                                                   g_get_real_time () - 3 * 60 * G_USEC_PER_SEC,
                                                   NULL, &error));
  g_assert_true (stw_account_repo_set_result_sync (db, stw_account_get_id (bad),
                                                   g_get_real_time (),
                                                   "The token was refused.", &error));
  g_assert_no_error (error);

  open_window (fixture);

  /* Names are text: the angle brackets are shown, not taken as markup. */
  g_assert_nonnull (row (fixture, "Office <RT>"));
  g_assert_nonnull (strstr (stw_test_row_subtitle (row (fixture, "Office <RT>")),
                            "Synced 3 minutes ago"));
  g_assert_nonnull (strstr (stw_test_row_subtitle (row (fixture, "Lab")),
                            "Last sync failed: The token was refused."));
  g_assert_nonnull (strstr (stw_test_row_subtitle (row (fixture, "Lab")),
                            "http://10.0.0.5:8080"));
  g_assert_false (gtk_widget_get_visible (row (fixture, "No Accounts")));
}

static gboolean
toast_says_removed (gpointer data)
{
  Fixture *fixture = data;

  return stw_test_find_label (GTK_WIDGET (fixture->window), "removed") != NULL;
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  g_autoptr(StwAccount) account = stw_test_add_account (db, "Service Desk", "https://rt.example.org");
  g_autoptr(StwAccount) other = stw_test_add_account (db, "Lab", "https://lab.example.org");
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  AdwMessageDialog *dialog;

  if (stw_test_has_keyring ())
    {
      g_assert_true (stw_secret_store_sync (account, "1-22-333token", NULL, &error));
      g_assert_no_error (error);
    }

  open_window (fixture);

  /* The remove button asks first; Cancel keeps the account. */
  g_signal_emit_by_name (find_tooltip_button (row (fixture, "Service Desk"), "Remove"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (stw_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Service Desk"));
  g_assert_true (stw_test_click_response (dialog, "cancel"));
  stw_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  stw_test_flush ();
  g_assert_cmpuint (stw_test_count_accounts (db), ==, 2);
  g_assert_nonnull (row (fixture, "Service Desk"));

  /* Removed: gone from the store and the page, the other one stays. */
  gtk_widget_activate_action (fixture->page, "accounts.remove", "x", stw_account_get_id (account));
  dialog = ADW_MESSAGE_DIALOG (stw_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (stw_test_click_response (dialog, "remove"));
  wait_for_row (fixture, "Service Desk", FALSE);
  g_assert_cmpuint (stw_test_count_accounts (db), ==, 1);
  g_assert_nonnull (row (fixture, "Lab"));
  stw_test_wait_for (toast_says_removed, fixture, "the toast");

  /* And its token is no longer in the keyring. */
  if (stw_test_has_keyring ())
    {
      secret = stw_secret_lookup_sync (account, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (secret);
    }
  else
    {
      g_test_message ("No keyring: the secret was not checked");
    }
}

static void
test_interval (Fixture       *fixture,
               gconstpointer  data)
{
  AdwComboRow *interval;
  GListModel *labels;

  open_window (fixture);
  interval = ADW_COMBO_ROW (stw_test_find_widget (fixture->page, ADW_TYPE_COMBO_ROW,
                                                  "Sync Automatically"));
  g_assert_nonnull (interval);
  labels = adw_combo_row_get_model (interval);

  /* Off, 5, 15, 30, 60 minutes; 15 by default. */
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 5);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval"), ==, 15);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels),
                                               adw_combo_row_get_selected (interval)),
                   ==, "Every 15 Minutes");

  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval"), ==, 0);
  adw_combo_row_set_selected (interval, 4);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval"), ==, 60);

  /* Set elsewhere: followed, and a value not listed is shown as it is. */
  g_settings_set_uint (fixture->settings, "sync-interval", 5);
  labels = adw_combo_row_get_model (interval);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels),
                                               adw_combo_row_get_selected (interval)),
                   ==, "Every 5 Minutes");
  g_settings_set_uint (fixture->settings, "sync-interval", 10);
  labels = adw_combo_row_get_model (interval);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels),
                                               adw_combo_row_get_selected (interval)),
                   ==, "Every 10 Minutes");
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval"), ==, 10);
}

static void
test_add_and_edit_open_dialog (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;
  GtkWindow *dialog;
  GtkWidget *name_row;

  open_window (fixture);

  g_signal_emit_by_name (stw_test_find_button (fixture->page, "_Add Account…"), "clicked");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_ACCOUNT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  name_row = stw_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  gtk_window_destroy (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_ACCOUNT_DIALOG);

  /* Activating an account's row edits it. */
  account = stw_test_add_account (fixture->test_db->db, "Service Desk", "https://rt.example.org");
  wait_for_row (fixture, "Service Desk", TRUE);
  g_signal_emit_by_name (row (fixture, "Service Desk"), "activate");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_ACCOUNT_DIALOG);
  name_row = stw_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Service Desk");
  gtk_window_destroy (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_ACCOUNT_DIALOG);
}

static void
sync_now_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  (*(guint *)user_data)++;
}

static gboolean
dialog_gone (gpointer data)
{
  return stw_test_find_toplevel (STW_TYPE_ACCOUNT_DIALOG) == NULL;
}

static void
test_saved_account_syncs (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GtkWindow) main_window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  GActionEntry entries[] = { { "sync-now", sync_now_cb } };
  guint syncs = 0;
  GtkWindow *dialog;

  if (!stw_test_has_keyring ())
    {
      g_test_skip ("No keyring to keep the token in");
      gtk_window_destroy (main_window);
      return;
    }

  /* The preferences over a main window that counts its Sync Now. */
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries),
                                   &syncs);
  gtk_widget_insert_action_group (GTK_WIDGET (main_window), "win", G_ACTION_GROUP (actions));
  gtk_window_present (main_window);
  open_window (fixture);
  gtk_window_set_transient_for (GTK_WINDOW (fixture->window), main_window);

  g_signal_emit_by_name (stw_test_find_button (fixture->page, "_Add Account…"), "clicked");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_ACCOUNT_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (stw_test_find_widget (GTK_WIDGET (dialog),
                                                             ADW_TYPE_ENTRY_ROW, "Name")),
                         "Service Desk");
  gtk_editable_set_text (GTK_EDITABLE (stw_test_find_widget (GTK_WIDGET (dialog),
                                                             ADW_TYPE_ENTRY_ROW,
                                                             "Server Address")),
                         "https://rt.example.org");
  gtk_editable_set_text (GTK_EDITABLE (stw_test_find_widget (GTK_WIDGET (dialog),
                                                             ADW_TYPE_ENTRY_ROW, "Token")),
                         "1-22-333token");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  stw_test_wait_for (dialog_gone, NULL, "the dialog to close");

  /* Listed, and synced at once. */
  wait_for_row (fixture, "Service Desk", TRUE);
  g_assert_cmpuint (syncs, ==, 1);

  /* Removed: synced again, so what the window says is about the
   * accounts left. */
  g_signal_emit_by_name (find_tooltip_button (row (fixture, "Service Desk"), "Remove"), "clicked");
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (
    stw_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "remove"));
  wait_for_row (fixture, "Service Desk", FALSE);
  g_assert_cmpuint (syncs, ==, 2);
  stw_test_wait_for (toast_says_removed, fixture, "the toast");

  close_window (fixture);
  gtk_window_destroy (main_window);
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&main_window));
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/accounts-page/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("empty-then-listed", test_empty_then_listed);
  ADD ("last-sync-shown", test_last_sync_shown);
  ADD ("remove", test_remove);
  ADD ("interval", test_interval);
  ADD ("add-and-edit-open-dialog", test_add_and_edit_open_dialog);
  ADD ("saved-account-syncs", test_saved_account_syncs);

#undef ADD

  return g_test_run ();
}
