/* test-conflicts-dialog.c
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
#include "ui/stw-asset-detail.h"
#include "ui/stw-conflict-banner.h"
#include "ui/stw-conflicts-dialog.h"
#include "ui/stw-ticket-detail.h"

/*
 * Conflicts are put in the store as the engine puts them (through the
 * store's API, in a write): the ticket holds "mine", the server had
 * "theirs", both started from "base".
 */

typedef struct
{
  StwTestDb  *test_db;
  StwAccount *account;
  gint64      ticket_id;
  gint64      asset_id;
  GtkWindow  *window;
} Fixture;

typedef struct
{
  gint64      account_id;
  const char *entity;
  gint64      local_id;
  const char *field;
  const char *base;
  const char *mine;
  const char *theirs;
} Conflict;

static gboolean
write_conflict (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  const Conflict *c = user_data;

  return stw_sync_conflict_add_in (ctx, c->account_id, c->entity, c->local_id, c->field, c->base,
                                   c->mine, c->theirs, error);
}

static void
add_conflict (Fixture    *fixture,
              const char *entity,
              gint64      local_id,
              const char *field,
              const char *base,
              const char *mine,
              const char *theirs)
{
  Conflict conflict = { stw_account_get_id (fixture->account), entity, local_id, field, base,
                        mine, theirs };
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_write_sync (fixture->test_db->db, STW_ORIGIN_SYNC, "Sync",
                                          write_conflict, &conflict, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  StwDatabase *db;
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;
  fixture->account = stw_test_add_account (db, "Service Desk", "https://rt.example.org");

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Printer jams");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, "Support");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, "Paper stuck");
  fixture->ticket_id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);

  stw_asset_set_name (asset, "ThinkPad T14");
  stw_asset_set_tag (asset, "LT-0042");
  fixture->asset_id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  add_conflict (fixture, STW_SYNC_TICKET, fixture->ticket_id, "title",
                "\"Printer\"", "\"Printer jams\"", "\"Printer is out\"");
  add_conflict (fixture, STW_SYNC_TICKET, fixture->ticket_id, "queue",
                "\"General\"", "\"Support\"", "\"Hardware\"");
  add_conflict (fixture, STW_SYNC_TICKET, fixture->ticket_id, "description",
                "null", "\"Paper stuck\"", "\"Toner empty\"");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      stw_test_flush ();
      g_assert_finalize_object (g_steal_pointer (&fixture->window));
    }

  g_clear_object (&fixture->account);
  stw_test_db_free (fixture->test_db);
}

static StwTicket *
load_ticket (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StwTicket *ticket = stw_ticket_repo_load (fixture->test_db->db, fixture->ticket_id, &error);

  g_assert_no_error (error);
  return ticket;
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GListModel) conflicts = stw_sync_conflict_list (fixture->test_db->db, NULL, 0, NULL);

  return g_list_model_get_n_items (conflicts);
}

static guint
n_shown (GtkWidget *root)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), "conflict") == 0 &&
            gtk_widget_get_visible (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += n_shown (child);
  return n;
}

/* The conflict row whose heading is @field_label. */
static GtkWidget *
conflict_row (GtkWidget  *root,
              const char *field_label)
{
  if (g_strcmp0 (gtk_widget_get_name (root), "conflict") == 0)
    {
      GtkWidget *heading = stw_test_find_widget (root, GTK_TYPE_LABEL, NULL);

      return g_strcmp0 (gtk_label_get_text (GTK_LABEL (heading)), field_label) == 0 ? root : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = conflict_row (child, field_label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = stw_test_find_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  GtkWidget *root;
  guint      n;
} ShownCondition;

static gboolean
shows_n (gpointer data)
{
  ShownCondition *condition = data;

  return n_shown (condition->root) == condition->n;
}

static void
wait_shown (GtkWidget *root,
            guint      n)
{
  ShownCondition condition = { root, n };

  stw_test_wait_for (shows_n, &condition, "the list to follow the store");
}

/* ------------------------------------------------------------------------ */

static void
test_resolve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = NULL;
  GtkWidget *dialog;
  GtkWidget *description;
  GtkWidget *entry;
  g_autofree char *record = g_strdup_printf ("Ticket #%" G_GINT64_FORMAT " · Printer jams",
                                             fixture->ticket_id);

  fixture->window = g_object_ref (GTK_WINDOW (stw_conflicts_dialog_new (fixture->test_db->db,
                                                                        NULL, 0)));
  dialog = GTK_WIDGET (fixture->window);
  gtk_window_present (fixture->window);
  stw_test_flush ();

  /* One group for the ticket, a card per field: the values as a person
   * reads them, the quotes gone and nothing said as such. */
  g_assert_cmpuint (n_shown (dialog), ==, 3);
  g_assert_nonnull (stw_test_find_label (dialog, record));
  g_assert_nonnull (stw_test_find_label (dialog, "On “Service Desk”"));
  g_assert_nonnull (stw_test_find_label (conflict_row (dialog, "Title"), "Printer is out"));
  g_assert_null (stw_test_find_label (conflict_row (dialog, "Title"), "\"Printer"));
  g_assert_nonnull (stw_test_find_label (conflict_row (dialog, "Queue"), "Hardware"));
  description = conflict_row (dialog, "Description");
  g_assert_nonnull (stw_test_find_label (description, "(empty)"));
  g_assert_nonnull (stw_test_find_label (description, "Toner empty"));

  /* Keep Mine: the ticket keeps its title, the conflict goes. */
  click (conflict_row (dialog, "Title"), "Keep _Mine");
  wait_shown (dialog, 2);
  g_assert_cmpuint (n_stored (fixture), ==, 2);
  g_assert_null (conflict_row (dialog, "Title"));
  ticket = load_ticket (fixture);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), ==, "Printer jams");
  stw_test_wait_for_label (dialog, "Title settled");

  /* Take Theirs: the server's queue is written here. */
  click (conflict_row (dialog, "Queue"), "Take _Theirs");
  wait_shown (dialog, 1);
  g_clear_object (&ticket);
  ticket = load_ticket (fixture);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_QUEUE), ==, "Hardware");

  /* Edit…: a third value, typed from mine. */
  description = conflict_row (dialog, "Description");
  click (description, "_Edit…");
  entry = stw_test_find_widget (description, GTK_TYPE_ENTRY, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (entry,
                                                                 GTK_TYPE_REVEALER))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Paper stuck");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Paper stuck and \"toner\" empty");
  click (description, "_Use This Value");
  wait_shown (dialog, 0);
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_clear_object (&ticket);
  ticket = load_ticket (fixture);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_DESCRIPTION), ==,
                   "Paper stuck and \"toner\" empty");

  /* Nothing left: the dialog says so. */
  g_assert_nonnull (stw_test_find_label (dialog, "No Conflicts"));
}

static void
test_one_record (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog;

  add_conflict (fixture, STW_SYNC_ASSET, fixture->asset_id, "name",
                "\"ThinkPad\"", "\"ThinkPad T14\"", "\"ThinkPad T14s\"");

  /* Opened for the asset, it lists the asset's conflict only. */
  fixture->window = g_object_ref (GTK_WINDOW (stw_conflicts_dialog_new (fixture->test_db->db,
                                                                        STW_SYNC_ASSET,
                                                                        fixture->asset_id)));
  dialog = GTK_WIDGET (fixture->window);
  gtk_window_present (fixture->window);
  stw_test_flush ();

  g_assert_cmpuint (n_shown (dialog), ==, 1);
  g_assert_nonnull (stw_test_find_label (dialog, "Asset LT-0042 · ThinkPad T14"));
  g_assert_nonnull (stw_test_find_label (conflict_row (dialog, "Name"), "ThinkPad T14s"));

  /* Enter in the edit uses the value. */
  click (conflict_row (dialog, "Name"), "_Edit…");
  gtk_editable_set_text (GTK_EDITABLE (stw_test_find_widget (dialog, GTK_TYPE_ENTRY, NULL)),
                         "ThinkPad T14 Gen 3");
  g_signal_emit_by_name (stw_test_find_widget (dialog, GTK_TYPE_ENTRY, NULL), "activate");
  wait_shown (dialog, 0);
  g_assert_cmpuint (n_stored (fixture), ==, 3);
}

static void
test_edit_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = NULL;
  GtkWidget *dialog;
  GtkWidget *status;
  GtkWidget *entry;

  add_conflict (fixture, STW_SYNC_TICKET, fixture->ticket_id, "status",
                "\"new\"", "\"assigned\"", "\"pending\"");
  fixture->window = g_object_ref (GTK_WINDOW (stw_conflicts_dialog_new (fixture->test_db->db,
                                                                        NULL, 0)));
  dialog = GTK_WIDGET (fixture->window);
  gtk_window_present (fixture->window);
  stw_test_flush ();

  /* Statuses read as the rest of Steward says them, and are typed so. */
  status = conflict_row (dialog, "Status");
  g_assert_nonnull (stw_test_find_label (status, "Assigned"));
  g_assert_nonnull (stw_test_find_label (status, "Pending"));
  click (status, "_Edit…");
  entry = stw_test_find_widget (status, GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Assigned");
  gtk_editable_set_text (GTK_EDITABLE (entry), "in progress");
  click (status, "_Use This Value");
  wait_shown (dialog, 3);

  ticket = load_ticket (fixture);
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS), ==,
                   STW_TICKET_STATUS_IN_PROGRESS);
}

static GtkWidget *
banner_row (GtkWidget *detail)
{
  GtkWidget *banner = stw_test_find_widget (detail, STW_TYPE_CONFLICT_BANNER, NULL);

  g_assert_nonnull (banner);
  return stw_test_find_widget (banner, ADW_TYPE_ACTION_ROW, "Changed here and on the server");
}

static gboolean
banner_hidden (gpointer data)
{
  return !gtk_widget_get_visible (gtk_widget_get_ancestor (data, STW_TYPE_CONFLICT_BANNER));
}

static void
test_ticket_banner (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *detail = stw_ticket_detail_new (fixture->test_db->db);
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *row;

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 700, 900);
  gtk_window_set_child (fixture->window, detail);
  gtk_window_present (fixture->window);
  stw_ticket_detail_set_ticket_id (STW_TICKET_DETAIL (detail), fixture->ticket_id);
  stw_test_flush ();

  /* Which fields, in the order the conflicts came. */
  row = banner_row (detail);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row, STW_TYPE_CONFLICT_BANNER)));
  g_assert_cmpstr (stw_test_row_subtitle (row), ==, "Title, Queue, Description");

  /* Settled elsewhere: the banner follows. */
  conflicts = stw_sync_conflict_list (fixture->test_db->db, STW_SYNC_TICKET, fixture->ticket_id,
                                      NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(StwSyncConflict) conflict = g_list_model_get_item (conflicts, i);

      g_assert_true (stw_sync_conflict_resolve_sync (fixture->test_db->db,
                                                     stw_sync_conflict_get_id (conflict),
                                                     STW_SYNC_KEEP_MINE, NULL, &error));
      g_assert_no_error (error);
    }
  stw_test_wait_for_label (detail, "Description");
  g_assert_cmpstr (stw_test_row_subtitle (row), ==, "Description");

  /* Resolve… opens the dialog for this ticket only. */
  click (row, "_Resolve…");
  dialog = stw_test_wait_for_toplevel (STW_TYPE_CONFLICTS_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  g_assert_cmpuint (n_shown (GTK_WIDGET (dialog)), ==, 1);
  click (GTK_WIDGET (dialog), "Take _Theirs");
  stw_test_wait_for (banner_hidden, row, "the banner to hide");
  gtk_window_destroy (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_CONFLICTS_DIALOG);

  /* Another ticket, without conflicts: no banner. */
  stw_ticket_detail_set_ticket_id (STW_TICKET_DETAIL (detail), 0);
  g_assert_true (banner_hidden (row));
}

static void
test_asset_banner (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *detail = g_object_new (STW_TYPE_ASSET_DETAIL, NULL);
  GtkWidget *row;

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 700, 900);
  gtk_window_set_child (fixture->window, detail);
  gtk_window_present (fixture->window);
  stw_asset_detail_set_database (STW_ASSET_DETAIL (detail), fixture->test_db->db);
  stw_asset_detail_set_asset_id (STW_ASSET_DETAIL (detail), fixture->asset_id);
  stw_test_flush ();

  /* No conflicts on the asset yet. */
  row = banner_row (detail);
  g_assert_true (banner_hidden (row));

  add_conflict (fixture, STW_SYNC_ASSET, fixture->asset_id, "person",
                "null", "\"Anna Schmidt\"", "\"Ben Okafor\"");
  stw_test_wait_for_label (detail, "Assigned To");
  g_assert_cmpstr (stw_test_row_subtitle (row), ==, "Assigned To");
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/conflicts-dialog/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("resolve", test_resolve);
  ADD ("one-record", test_one_record);
  ADD ("edit-status", test_edit_status);
  ADD ("ticket-banner", test_ticket_banner);
  ADD ("asset-banner", test_asset_banner);

#undef ADD

  return g_test_run ();
}
