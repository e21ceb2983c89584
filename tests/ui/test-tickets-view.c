/* test-tickets-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-ticket.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-new-ticket-dialog.h"
#include "ui/stw-ticket-board.h"
#include "ui/stw-tickets-view.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb      *test_db;
  StwWindow      *window;
  StwTicketsView *view;
  GSettings      *settings;
} Fixture;

static gint64
add_ticket (StwDatabase   *db,
            StwTicketType  type,
            const char    *title,
            const char    *queue)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (type);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, queue);
  id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
list_loaded (gpointer data)
{
  Fixture *fixture = data;

  return !stw_ticket_query_model_get_loading (stw_tickets_view_get_model (fixture->view)) &&
         !stw_ticket_board_get_loading (STW_TICKET_BOARD (stw_tickets_view_get_board (fixture->view)));
}

static void
wait_for_list (Fixture *fixture)
{
  stw_test_flush ();
  stw_test_wait_for (list_loaded, fixture, "the ticket list");
  stw_test_flush ();
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (stw_tickets_view_get_model (fixture->view)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "last-view");

  fixture->test_db = stw_test_db_new ();
  fixture->window = g_object_ref (stw_window_new (NULL, fixture->test_db->db));
  fixture->view = STW_TICKETS_VIEW (stw_window_get_view (fixture->window, "tickets"));
  stw_window_show_view (fixture->window, "tickets");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_list (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog = stw_test_find_toplevel (STW_TYPE_NEW_TICKET_DIALOG);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (fixture->window);
  stw_test_db_free (fixture->test_db);
  g_settings_reset (fixture->settings, "last-view");
  g_clear_object (&fixture->settings);
}

static GtkDropDown *
dropdown (Fixture    *fixture,
          const char *label)
{
  /* The drop-downs, found by their accessible purpose: the tooltip. */
  for (GtkWidget *widget = stw_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN,
                                                 NULL);
       widget != NULL; widget = gtk_widget_get_next_sibling (widget))
    if (GTK_IS_DROP_DOWN (widget) &&
        g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0)
      return GTK_DROP_DOWN (widget);

  g_assert_not_reached ();
}

/* ------------------------------------------------------------------------ */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  StwNewTicketDialog *dialog;
  g_autoptr(StwTicket) ticket = NULL;
  gint64 id;

  /* An empty store says what to do. */
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->view), "No Tickets"));

  /* The + button in the tickets view opens a ticket. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL));
  dialog = STW_NEW_TICKET_DIALOG (stw_test_wait_for_toplevel (STW_TYPE_NEW_TICKET_DIALOG));

  /* The title takes what is typed first. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         GTK_WIDGET (stw_new_ticket_dialog_get_title_row (dialog))) ||
                 gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (stw_new_ticket_dialog_get_title_row (dialog)));

  /* No title, no ticket. */
  g_assert_false (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "create"));

  gtk_editable_set_text (stw_new_ticket_dialog_get_title_row (dialog),
                         "  Mail server rejects attachments  ");
  adw_combo_row_set_selected (stw_new_ticket_dialog_get_type_row (dialog),
                              STW_TICKET_TYPE_INCIDENT);
  g_assert_cmpstr (stw_new_ticket_dialog_get_priority_text (dialog), ==, "P3");
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "create"));
  stw_test_wait_for_no_toplevel (STW_TYPE_NEW_TICKET_DIALOG);
  wait_for_list (fixture);

  /* Stored, listed, and shown. */
  g_assert_cmpint (stw_ticket_repo_count (fixture->test_db->db), ==, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  id = stw_ticket_query_model_get_id (stw_tickets_view_get_model (fixture->view), 0);
  ticket = stw_ticket_repo_load (fixture->test_db->db, id, NULL);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), ==,
                   "Mail server rejects attachments");
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS), ==,
                   STW_TICKET_STATUS_NEW);
  g_assert_cmpint (stw_tickets_view_get_shown_ticket (fixture->view), ==, id);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;

  add_ticket (db, STW_TICKET_TYPE_INCIDENT, "VPN drops in Lyon", "Network");
  add_ticket (db, STW_TICKET_TYPE_REQUEST, "Laptop for a new starter", "Workplace");
  add_ticket (db, STW_TICKET_TYPE_CHANGE, "Upgrade the core switch", "Network");
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  /* By type: "All Types" is item 0. */
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this type"),
                              STW_TICKET_TYPE_CHANGE + 1);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this type"), 0);

  /* By queue: the queues in the store, alphabetically. */
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this queue"), 1);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this queue"), 0);

  /* Unassigned: all three; mine: none, until I am someone. */
  gtk_drop_down_set_selected (dropdown (fixture, "Which tickets to show"),
                              STW_TICKET_SCOPE_UNASSIGNED);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  gtk_drop_down_set_selected (dropdown (fixture, "Which tickets to show"),
                              STW_TICKET_SCOPE_MINE);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->view), "No Matching Tickets"));

  /* Search. */
  gtk_drop_down_set_selected (dropdown (fixture, "Which tickets to show"),
                              STW_TICKET_SCOPE_OPEN);
  gtk_editable_set_text (GTK_EDITABLE (stw_test_find_widget (GTK_WIDGET (fixture->view),
                                                             GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "laptop");
  stw_test_wait_for ((StwTestCondition) list_loaded, fixture, "the search");
  while (n_rows (fixture) != 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

static void
test_show_ticket_and_board (Fixture       *fixture,
                            gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  GtkWidget *status;
  gint64 change;

  add_ticket (db, STW_TICKET_TYPE_INCIDENT, "Printer jams", NULL);
  change = add_ticket (db, STW_TICKET_TYPE_CHANGE, "Upgrade the core switch", NULL);
  stw_window_show_view (fixture->window, "assets");

  /* From a notification or an asset: the ticket, in the tickets view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-ticket",
                                             "x", change));
  wait_for_list (fixture);
  g_assert_cmpstr (stw_window_get_view_name (fixture->window), ==, "tickets");
  g_assert_cmpint (stw_tickets_view_get_shown_ticket (fixture->view), ==, change);

  /* The board of the chosen type, without a status filter. */
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this type"),
                              STW_TICKET_TYPE_CHANGE + 1);
  stw_tickets_view_show_board (fixture->view, TRUE);
  wait_for_list (fixture);
  status = GTK_WIDGET (dropdown (fixture, "Show tickets with this status"));
  g_assert_false (gtk_widget_get_visible (status));
  g_assert_cmpint (stw_ticket_board_get_ticket_type (
                     STW_TICKET_BOARD (stw_tickets_view_get_board (fixture->view))),
                   ==, STW_TICKET_TYPE_CHANGE);
  g_assert_cmpuint (g_list_model_get_n_items (stw_ticket_board_get_column (
                      STW_TICKET_BOARD (stw_tickets_view_get_board (fixture->view)),
                      STW_TICKET_STATUS_REQUESTED)), ==, 1);

  /* "All types" is no board: it stays on a type. */
  gtk_drop_down_set_selected (dropdown (fixture, "Show tickets of this type"), 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown (fixture, "Show tickets of this type")),
                    ==, STW_TICKET_TYPE_CHANGE + 1);

  stw_tickets_view_show_board (fixture->view, FALSE);
  g_assert_true (gtk_widget_get_visible (status));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && GTK_IS_LIST_BOX_ROW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
tickets_shown (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (stw_window_get_view_name (fixture->window), "tickets") == 0;
}

/* A drag that rests on "Tickets" in the sidebar opens the tickets, so
 * assets dragged from their list can reach a ticket. */
static void
test_drag_opens_view (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *row = find_named (GTK_WIDGET (fixture->window), "tickets");
  g_autoptr(GListModel) controllers = NULL;

  g_assert_nonnull (row);
  stw_window_show_view (fixture->window, "assets");
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "enter", 5.0, 5.0);
    }

  g_assert_cmpstr (stw_window_get_view_name (fixture->window), ==, "assets");
  stw_test_wait_for (tickets_shown, fixture, "the tickets view to open");
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/tickets-view/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("create", test_create);
  ADD ("filters", test_filters);
  ADD ("show-ticket-and-board", test_show_ticket_and_board);
  ADD ("drag-opens-view", test_drag_opens_view);

#undef ADD

  return g_test_run ();
}
