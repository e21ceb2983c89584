/* test-sync-log-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-sync.h"
#include "core/stw-asset.h"
#include "core/stw-ticket.h"
#include "store/stw-asset-repo.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-sync-log-window.h"

/*
 * Log lines are written as the engine writes them, through the store's
 * API. The window opens over a stand-in for the main window, whose
 * win.show-ticket notes the ticket it was asked to show.
 */

typedef struct
{
  StwTestDb        *test_db;
  gint64            desk_id;
  gint64            lab_id;
  gint64            ticket_id;
  gint64            asset_id;
  GtkWindow        *parent;
  StwSyncLogWindow *window;
  gint64            shown_ticket;
} Fixture;

typedef struct
{
  const char *action;
  const char *entity;
  gint64      local_id;
  const char *message;
} Line;

typedef struct
{
  gint64      account_id;
  const Line *lines;
  guint       n_lines;
} Run;

static gboolean
write_run (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  const Run *run = user_data;
  gint64 number = stw_sync_log_start_in (ctx, run->account_id, error);

  if (number == 0)
    return FALSE;

  for (guint i = 0; i < run->n_lines; i++)
    if (!stw_sync_log_add_in (ctx, run->account_id, number, run->lines[i].action,
                              run->lines[i].entity, run->lines[i].local_id, "7",
                              run->lines[i].message, error))
      return FALSE;

  return TRUE;
}

static void
log_run (Fixture    *fixture,
         gint64      account_id,
         const Line *lines,
         guint       n_lines)
{
  Run run = { account_id, lines, n_lines };
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_write_sync (fixture->test_db->db, STW_ORIGIN_SYNC, "Sync",
                                          write_run, &run, NULL, &error));
  g_assert_no_error (error);
}

static void
show_ticket_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->shown_ticket = g_variant_get_int64 (param);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const GActionEntry entries[] = { { "show-ticket", show_ticket_cb, "x" } };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(StwAccount) desk = NULL;
  g_autoptr(StwAccount) lab = NULL;
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  StwDatabase *db;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;
  desk = stw_test_add_account (db, "Service Desk", "https://rt.example.org");
  lab = stw_test_add_account (db, "Lab", "https://lab.example.org");
  fixture->desk_id = stw_account_get_id (desk);
  fixture->lab_id = stw_account_get_id (lab);

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams");
  fixture->ticket_id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  stw_asset_set_name (asset, "ThinkPad T14");
  stw_asset_set_tag (asset, "LT-0042");
  fixture->asset_id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  fixture->parent = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries),
                                   fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->parent), "win", G_ACTION_GROUP (actions));
  gtk_window_present (fixture->parent);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref (stw_sync_log_window_new (fixture->test_db->db));
  gtk_window_set_transient_for (GTK_WINDOW (fixture->window), fixture->parent);
  gtk_window_present (GTK_WINDOW (fixture->window));
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      stw_test_flush ();
      g_assert_finalize_object (g_steal_pointer (&fixture->window));
    }

  gtk_window_destroy (fixture->parent);
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->parent));
  stw_test_db_free (fixture->test_db);
}

static guint
n_lines (Fixture *fixture)
{
  return g_list_model_get_n_items (stw_sync_log_window_get_lines (fixture->window));
}

static StwSyncLogEntry *
line (Fixture *fixture,
      guint    position)
{
  return g_list_model_get_item (stw_sync_log_window_get_lines (fixture->window), position);
}

/* The drop-down under @root whose tooltip is @tooltip. */
static GtkWidget *
find_drop_down (GtkWidget  *root,
                const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drop_down (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkDropDown *
filter (Fixture    *fixture,
        const char *tooltip)
{
  GtkWidget *drop_down = find_drop_down (GTK_WIDGET (fixture->window), tooltip);

  g_assert_nonnull (drop_down);
  return GTK_DROP_DOWN (drop_down);
}

static guint
position_of (GtkDropDown *drop_down,
             const char  *item)
{
  GListModel *items = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i), item) == 0)
      return i;

  g_assert_not_reached ();
}

/* The log's list, not one of the drop-downs' popovers. */
static GtkWidget *
find_log_list (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "sync-log"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_log_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
test_lists_lines (Fixture       *fixture,
                  gconstpointer  data)
{
  const Line desk_run[] = {
    { "pulled", STW_SYNC_TICKET, fixture->ticket_id, "Changed on the server" },
    { "conflict", STW_SYNC_TICKET, fixture->ticket_id, "Title changed on both sides" },
    { "error", NULL, 0, "Connection refused" },
  };
  const Line lab_run[] = {
    { "pushed", STW_SYNC_ASSET, fixture->asset_id, NULL },
    { "deleted", STW_SYNC_TICKET, 999, "Deleted on the server" },
  };
  g_autoptr(StwSyncLogEntry) newest = NULL;
  g_autofree char *pulled = g_strdup_printf ("Pulled · Ticket #%" G_GINT64_FORMAT " · Printer jams",
                                             fixture->ticket_id);

  log_run (fixture, fixture->desk_id, desk_run, G_N_ELEMENTS (desk_run));
  log_run (fixture, fixture->lab_id, lab_run, G_N_ELEMENTS (lab_run));
  open_window (fixture);

  /* Every line, newest first, each run with its start. */
  g_assert_cmpuint (n_lines (fixture), ==, 7);
  newest = line (fixture, 0);
  g_assert_cmpstr (stw_sync_log_entry_get_action (newest), ==, "deleted");

  /* What a person reads: the action in words, the record, the account,
   * the message. */
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), pulled));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window),
                                         "Service Desk · Changed on the server"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window),
                                         "Pushed · Asset LT-0042 · ThinkPad T14"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), "Deleted · Ticket #999"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), "Connection refused"));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  const Line desk_run[] = {
    { "pulled", STW_SYNC_TICKET, fixture->ticket_id, NULL },
    { "conflict", STW_SYNC_TICKET, fixture->ticket_id, "Title" },
    { "pulled", STW_SYNC_ASSET, fixture->asset_id, NULL },
  };
  const Line lab_run[] = {
    { "pushed", STW_SYNC_ASSET, fixture->asset_id, NULL },
  };
  GtkDropDown *accounts;
  GtkDropDown *actions;

  log_run (fixture, fixture->desk_id, desk_run, G_N_ELEMENTS (desk_run));
  log_run (fixture, fixture->lab_id, lab_run, G_N_ELEMENTS (lab_run));
  open_window (fixture);
  g_assert_cmpuint (n_lines (fixture), ==, 6);

  accounts = filter (fixture, "Show one account only");
  actions = filter (fixture, "Show one kind of line only");

  gtk_drop_down_set_selected (actions, position_of (actions, "Pulled"));
  g_assert_cmpuint (n_lines (fixture), ==, 2);

  gtk_drop_down_set_selected (accounts, position_of (accounts, "Lab"));
  g_assert_cmpuint (n_lines (fixture), ==, 0);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), "No Matching Lines"));

  gtk_drop_down_set_selected (actions, position_of (actions, "All Lines"));
  g_assert_cmpuint (n_lines (fixture), ==, 2);

  gtk_drop_down_set_selected (accounts, position_of (accounts, "Service Desk"));
  gtk_drop_down_set_selected (actions, position_of (actions, "Conflict"));
  g_assert_cmpuint (n_lines (fixture), ==, 1);
}

static void
test_opens_ticket (Fixture       *fixture,
                   gconstpointer  data)
{
  const Line run[] = {
    { "pulled", STW_SYNC_TICKET, fixture->ticket_id, NULL },
    { "deleted", STW_SYNC_TICKET, 999, NULL },
  };
  GtkWidget *list;

  log_run (fixture, fixture->desk_id, run, G_N_ELEMENTS (run));
  open_window (fixture);
  list = find_log_list (GTK_WIDGET (fixture->window));

  /* A ticket that is not here (deleted) opens nothing. */
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpint (fixture->shown_ticket, ==, 0);

  /* One that is opens in the main window. */
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpint (fixture->shown_ticket, ==, fixture->ticket_id);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  open_window (fixture);
  g_assert_cmpuint (n_lines (fixture), ==, 0);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), "Nothing Synced Yet"));
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/sync-log-window/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("lists-lines", test_lists_lines);
  ADD ("filters", test_filters);
  ADD ("opens-ticket", test_opens_ticket);
  ADD ("empty", test_empty);

#undef ADD

  return g_test_run ();
}
