/* test-sync-status.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-sync.h"
#include "core/stw-ticket.h"
#include "store/stw-ticket-repo.h"
#include "sync/stw-sync-engine.h"
#include "ui/stw-conflicts-dialog.h"
#include "ui/stw-sync-log-window.h"
#include "ui/stw-sync-status.h"
#include "ui/stw-window.h"

/*
 * The indicator at the foot of the sidebar, in a real window, following
 * a real engine. The engine's thread gets its backends from the test: a
 * gate that holds the run as long as the test wants (to see it running)
 * and then fails as a server refusing the token would.
 */

typedef struct
{
  StwTestDb     *test_db;
  StwSyncEngine *engine;
  StwWindow     *window;
  GtkWidget     *status;

  GMutex         lock;
  GCond          cond;
  guint          calls;
  gboolean       held;       /* a run waits at the gate */
  gboolean       open;       /* the gate lets runs through */
} Fixture;

static StwSyncBackend *
gate_backend (StwAccount  *account,
              gpointer     user_data,
              GError     **error)
{
  Fixture *fixture = user_data;

  g_mutex_lock (&fixture->lock);
  fixture->calls++;
  fixture->held = TRUE;
  g_cond_broadcast (&fixture->cond);
  while (!fixture->open)
    g_cond_wait (&fixture->cond, &fixture->lock);
  fixture->held = FALSE;
  g_mutex_unlock (&fixture->lock);

  g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNAUTHORIZED,
                       "The token was refused.");
  return NULL;
}

static void
open_gate (Fixture  *fixture,
           gboolean  open)
{
  g_mutex_lock (&fixture->lock);
  fixture->open = open;
  g_cond_broadcast (&fixture->cond);
  g_mutex_unlock (&fixture->lock);
}

static gboolean
run_held (gpointer data)
{
  Fixture *fixture = data;
  gboolean held;

  g_mutex_lock (&fixture->lock);
  held = fixture->held;
  g_mutex_unlock (&fixture->lock);
  return held;
}

static guint
calls (Fixture *fixture)
{
  guint n;

  g_mutex_lock (&fixture->lock);
  n = fixture->calls;
  g_mutex_unlock (&fixture->lock);
  return n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_mutex_init (&fixture->lock);
  g_cond_init (&fixture->cond);
  fixture->test_db = stw_test_db_new ();
  fixture->engine = stw_sync_engine_new (fixture->test_db->db);
  stw_sync_engine_set_backend_func (fixture->engine, gate_backend, fixture);

  fixture->window = g_object_ref (stw_window_new (NULL, fixture->test_db->db));
  stw_window_set_sync_engine (fixture->window, fixture->engine);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->status = stw_test_find_widget (GTK_WIDGET (fixture->window), STW_TYPE_SYNC_STATUS, NULL);
  g_assert_nonnull (fixture->status);
  stw_test_flush ();
}

static gboolean
engine_not_running (gpointer data)
{
  Fixture *fixture = data;

  return stw_sync_engine_get_state (fixture->engine) != STW_SYNC_STATE_RUNNING;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A run at the gate ends, and the engine hears of it, before it goes. */
  open_gate (fixture, TRUE);
  stw_test_wait_for (engine_not_running, fixture, "the run to end");

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  stw_test_wait_finalized (g_steal_pointer (&fixture->engine));
  stw_test_db_free (fixture->test_db);
  g_mutex_clear (&fixture->lock);
  g_cond_clear (&fixture->cond);
}

/* The indicator's one line of state. */
static const char *
state_text (Fixture *fixture)
{
  GtkWidget *label = stw_test_find_widget (fixture->status, GTK_TYPE_LABEL, NULL);

  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
progress_bar (Fixture *fixture)
{
  return stw_test_find_widget (fixture->status, GTK_TYPE_PROGRESS_BAR, NULL);
}

/* Sync Now: the first button, beside the state. */
static GtkWidget *
sync_button (Fixture *fixture)
{
  GtkWidget *button = stw_test_find_widget (fixture->status, GTK_TYPE_BUTTON, NULL);

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.sync-now");
  return button;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} TextCondition;

static gboolean
state_says (gpointer data)
{
  TextCondition *condition = data;

  return gtk_widget_get_visible (condition->fixture->status) &&
         strstr (state_text (condition->fixture), condition->text) != NULL;
}

static void
wait_for_state (Fixture    *fixture,
                const char *text)
{
  TextCondition condition = { fixture, text };
  g_autofree char *what = g_strdup_printf ("the indicator to say “%s”", text);

  stw_test_wait_for (state_says, &condition, what);
}

static gboolean
status_hidden (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_widget_get_visible (fixture->status);
}

/* ------------------------------------------------------------------------ */

static void
test_hidden_without_accounts (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  /* No account: nothing to say, and Sync Now asks no server. */
  g_assert_false (gtk_widget_get_visible (fixture->status));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync-now", NULL);
  stw_test_flush ();
  g_assert_cmpuint (calls (fixture), ==, 0);

  account = stw_test_add_account (fixture->test_db->db, "Service Desk", "https://rt.example.org");
  wait_for_state (fixture, "Not synced yet");
  g_assert_false (gtk_widget_get_visible (progress_bar (fixture)));

  /* The account's last sync, as time goes by. */
  g_assert_true (stw_account_repo_set_result_sync (fixture->test_db->db,
                                                   stw_account_get_id (account),
                                                   g_get_real_time () - 3 * 60 * G_USEC_PER_SEC,
                                                   NULL, &error));
  g_assert_no_error (error);
  wait_for_state (fixture, "Synced 3 minutes ago");

  /* Removed: hidden again; and with no engine at all. */
  g_assert_true (stw_account_repo_delete_sync (fixture->test_db->db, stw_account_get_id (account),
                                               &error));
  stw_test_wait_for (status_hidden, fixture, "the indicator to hide");
  g_clear_object (&account);
  account = stw_test_add_account (fixture->test_db->db, "Lab", "https://lab.example.org");
  wait_for_state (fixture, "Not synced yet");
  stw_window_set_sync_engine (fixture->window, NULL);
  g_assert_false (gtk_widget_get_visible (fixture->status));
  stw_window_set_sync_engine (fixture->window, fixture->engine);
  g_assert_true (gtk_widget_get_visible (fixture->status));
}

/* Whether the window has a shortcut @trigger for @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (shortcut_action) && g_strcmp0 (text, trigger) == 0 &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)),
                         action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_running_then_failed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;

  account = stw_test_add_account (fixture->test_db->db, "Service Desk", "https://rt.example.org");
  wait_for_state (fixture, "Not synced yet");
  g_assert_true (has_shortcut (GTK_WIDGET (fixture->window), "F5", "win.sync-now"));

  /* Sync Now (F5): running, with its progress, and not asked twice. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync-now", NULL);
  stw_test_wait_for (run_held, fixture, "the run to start");
  wait_for_state (fixture, "Syncing…");
  g_assert_true (gtk_widget_get_visible (progress_bar (fixture)));
  g_assert_false (gtk_widget_get_sensitive (sync_button (fixture)));

  /* The server refuses: said, with the server's words. */
  open_gate (fixture, TRUE);
  wait_for_state (fixture, "Sync failed");
  g_assert_nonnull (strstr (state_text (fixture), "The token was refused."));
  g_assert_false (gtk_widget_get_visible (progress_bar (fixture)));
  g_assert_true (gtk_widget_get_sensitive (sync_button (fixture)));
  g_assert_cmpuint (calls (fixture), ==, 1);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StwAccount) account = NULL;
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  account = stw_test_add_account (fixture->test_db->db, "Service Desk", "https://rt.example.org");
  wait_for_state (fixture, "Not synced yet");

  /* The network goes: the edits wait, and the indicator says so. */
  g_signal_emit_by_name (monitor, "network-changed", FALSE);
  wait_for_state (fixture, "Offline — changes are kept and sent later");

  /* It comes back: what waited is sent. */
  open_gate (fixture, TRUE);
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  wait_for_state (fixture, "Sync failed");
  g_assert_cmpuint (calls (fixture), ==, 1);
}

static gboolean
write_conflict (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  gint64 *ids = user_data;

  return stw_sync_conflict_add_in (ctx, ids[0], STW_SYNC_TICKET, ids[1], "title",
                                   "\"Printer\"", "\"Printer jams\"", "\"Printer is out\"", error);
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  g_autoptr(StwAccount) account = stw_test_add_account (db, "Service Desk", "https://rt.example.org");
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  GtkWidget *conflicts_button;
  GtkWindow *dialog;
  gint64 ids[2];

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams");
  ids[0] = stw_account_get_id (account);
  ids[1] = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);

  wait_for_state (fixture, "Not synced yet");
  conflicts_button = stw_test_find_widget (fixture->status, ADW_TYPE_BUTTON_CONTENT, NULL);
  conflicts_button = gtk_widget_get_ancestor (conflicts_button, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_get_visible (conflicts_button));

  g_assert_true (stw_database_write_sync (db, STW_ORIGIN_SYNC, "conflict", write_conflict, ids,
                                          NULL, &error));
  g_assert_no_error (error);
  stw_test_wait_for_label (fixture->status, "1 Conflict");
  g_assert_true (gtk_widget_get_visible (conflicts_button));

  /* The button opens the conflicts, over the window. */
  g_signal_emit_by_name (conflicts_button, "clicked");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_CONFLICTS_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_CONFLICTS_DIALOG);

  /* And the log, from the same place. */
  g_signal_emit_by_name (stw_test_find_button (fixture->status, "Sync _Log"), "clicked");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_SYNC_LOG_WINDOW);
  gtk_window_destroy (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_SYNC_LOG_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  /* The network is there, whatever the machine running the tests has;
   * the tests take it away by telling the engine so. */
  g_setenv ("GIO_USE_NETWORK_MONITOR", "base", TRUE);
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/sync-status/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("hidden-without-accounts", test_hidden_without_accounts);
  ADD ("running-then-failed", test_running_then_failed);
  ADD ("offline", test_offline);
  ADD ("conflicts", test_conflicts);

#undef ADD

  return g_test_run ();
}
