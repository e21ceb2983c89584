/* test-ticket-board.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-ticket.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-dnd.h"
#include "ui/stw-ticket-board.h"
#include "ui/stw-ticket-card.h"

#define S(name) STW_TICKET_STATUS_##name

typedef struct
{
  StwTestDb      *test_db;
  GtkWidget      *window;
  StwTicketBoard *board;
  gint64          ids[3];
} Fixture;

static gint64
add_ticket (StwDatabase *db,
            const char  *title)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

static StwTicketStatus
stored_status (Fixture *fixture,
               gint64   id)
{
  g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->test_db->db, id, NULL);

  return stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS);
}

static gboolean
board_loaded (gpointer data)
{
  Fixture *fixture = data;

  return !stw_ticket_board_get_loading (fixture->board);
}

static void
wait_for_board (Fixture *fixture)
{
  stw_test_flush ();
  stw_test_wait_for (board_loaded, fixture, "the board's columns");
  stw_test_flush ();
}

static guint
n_cards (Fixture         *fixture,
         StwTicketStatus  status)
{
  return g_list_model_get_n_items (stw_ticket_board_get_column (fixture->board, status));
}

static gint64
card_id (Fixture         *fixture,
         StwTicketStatus  status,
         guint            position)
{
  GListModel *column = stw_ticket_board_get_column (fixture->board, status);

  return stw_ticket_query_model_get_id (STW_TICKET_QUERY_MODEL (column), position);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->test_db = stw_test_db_new ();
  fixture->ids[0] = add_ticket (fixture->test_db->db, "VPN drops every ten minutes");
  fixture->ids[1] = add_ticket (fixture->test_db->db, "Printer on floor 2 jams");
  fixture->ids[2] = add_ticket (fixture->test_db->db, "Projector in room 4 flickers");

  fixture->window = g_object_ref_sink (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 700);
  fixture->board = STW_TICKET_BOARD (stw_ticket_board_new (fixture->test_db->db));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->board));
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_board (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (fixture->window);
  stw_test_db_free (fixture->test_db);
}

/* Drops ticket @id on the column of @status at (@x, @y) of the column,
 * as GTK does when a drag ends there. */
static gboolean
drop_on (Fixture         *fixture,
         StwTicketStatus  status,
         gint64           id,
         double           x,
         double           y)
{
  GtkWidget *column = stw_ticket_board_get_column_widget (fixture->board, status);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (column);
  g_autoptr(StwDragIds) ids = stw_drag_ids_new (STW_ENTITY_TICKET, &id, 1);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, STW_TYPE_DRAG_IDS);
  g_value_set_boxed (&value, ids);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, x, y, &accepted);
          wait_for_board (fixture);
          return accepted;
        }
    }

  g_assert_not_reached ();
}

/* The card on screen showing ticket @id, if any. */
static StwTicketCard *
find_card (GtkWidget *root,
           gint64     id)
{
  if (STW_IS_TICKET_CARD (root) && gtk_widget_get_mapped (root))
    {
      StwTicket *ticket = stw_ticket_card_get_ticket (STW_TICKET_CARD (root));

      if (ticket != NULL && stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID) == id)
        return STW_TICKET_CARD (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      StwTicketCard *found = find_card (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_columns (Fixture       *fixture,
              gconstpointer  data)
{
  guint n_statuses;
  const StwTicketStatus *statuses = stw_ticket_type_get_statuses (STW_TICKET_TYPE_INCIDENT,
                                                                  &n_statuses);

  for (guint i = 0; i < n_statuses; i++)
    g_assert_nonnull (stw_ticket_board_get_column_widget (fixture->board, statuses[i]));
  g_assert_null (stw_ticket_board_get_column (fixture->board, S (APPROVED)));

  /* New cards at the end of their column, in the order they came. */
  g_assert_cmpuint (n_cards (fixture, S (NEW)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (card_id (fixture, S (NEW), i), ==, fixture->ids[i]);
  {
    StwTicketCard *card = find_card (GTK_WIDGET (fixture->board), fixture->ids[1]);

    g_assert_nonnull (card);
    g_assert_cmpstr (stw_ticket_get_text (stw_ticket_card_get_ticket (card),
                                          STW_TICKET_TEXT_TITLE), ==, "Printer on floor 2 jams");
    /* The SLA in words, as the card draws it. */
    g_assert_nonnull (strstr (stw_ticket_card_get_sla_text (card), "left"));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (card)), >, 40);
  }

  /* A change board: its own columns. */
  stw_ticket_board_set_ticket_type (fixture->board, STW_TICKET_TYPE_CHANGE);
  wait_for_board (fixture);
  g_assert_nonnull (stw_ticket_board_get_column (fixture->board, S (APPROVED)));
  g_assert_null (stw_ticket_board_get_column (fixture->board, S (NEW)));
  g_assert_cmpuint (n_cards (fixture, S (REQUESTED)), ==, 0);
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 printer = fixture->ids[1];

  /* Onto another column (its header): to the end of it. */
  g_assert_true (drop_on (fixture, S (ASSIGNED), printer, 20, 10));
  g_assert_cmpint (stored_status (fixture, printer), ==, S (ASSIGNED));
  g_assert_cmpuint (n_cards (fixture, S (NEW)), ==, 2);
  g_assert_cmpuint (n_cards (fixture, S (ASSIGNED)), ==, 1);
  g_assert_cmpint (card_id (fixture, S (ASSIGNED), 0), ==, printer);

  /* One undo step. */
  g_assert_true (stw_database_undo_sync (fixture->test_db->db, NULL));
  wait_for_board (fixture);
  g_assert_cmpint (stored_status (fixture, printer), ==, S (NEW));
  g_assert_cmpuint (n_cards (fixture, S (NEW)), ==, 3);
}

static void
test_refused_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 vpn = fixture->ids[0];

  /* New to Closed skips the work: refused, with the reason, and the card
   * stays where it was. */
  g_assert_false (drop_on (fixture, S (CLOSED), vpn, 20, 10));
  g_assert_cmpint (stored_status (fixture, vpn), ==, S (NEW));
  g_assert_cmpuint (n_cards (fixture, S (NEW)), ==, 3);
  g_assert_cmpuint (n_cards (fixture, S (CLOSED)), ==, 0);
  g_assert_cmpint (card_id (fixture, S (NEW), 0), ==, vpn);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->test_db->db), ==,
                   "New Ticket");

  /* The toast says why. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stw_ticket_check_transition (STW_TICKET_TYPE_INCIDENT, S (NEW), S (CLOSED),
                                                 &error));
    stw_test_wait_for_label (fixture->window, error->message);
  }
}

/* The card widget showing position 0 of the column of @status. */
static GtkWidget *
first_card (Fixture         *fixture,
            StwTicketStatus  status)
{
  GtkWidget *column = stw_ticket_board_get_column_widget (fixture->board, status);
  GtkWidget *list = stw_test_find_widget (column, GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *best = NULL;
  double best_y = G_MAXDOUBLE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      double x, y;

      if (!gtk_widget_get_mapped (row) ||
          !gtk_widget_translate_coordinates (row, column, 0, 0, &x, &y))
        continue;
      if (y < best_y)
        {
          best_y = y;
          best = row;
        }
    }

  g_assert_nonnull (best);
  return best;
}

static void
test_reorder_by_drop (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *column = stw_ticket_board_get_column_widget (fixture->board, S (NEW));
  GtkWidget *card = first_card (fixture, S (NEW));
  double x, y;

  /* The projector onto the top half of the first card: before it. */
  g_assert_true (gtk_widget_translate_coordinates (card, column, 10, 5, &x, &y));
  g_assert_true (drop_on (fixture, S (NEW), fixture->ids[2], x, y));
  g_assert_cmpint (card_id (fixture, S (NEW), 0), ==, fixture->ids[2]);
  g_assert_cmpint (card_id (fixture, S (NEW), 1), ==, fixture->ids[0]);
  g_assert_cmpint (card_id (fixture, S (NEW), 2), ==, fixture->ids[1]);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *column, *list;
  gint64 vpn = fixture->ids[0];
  g_autoptr(GVariant) target = NULL;

  /* The card's menu: Move To → Assigned. */
  target = g_variant_ref_sink (g_variant_new ("(xs)", vpn, "assigned"));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->board),
                                                     "board.move-to", target));
  wait_for_board (fixture);
  g_assert_cmpint (stored_status (fixture, vpn), ==, S (ASSIGNED));

  /* …and a move the lifecycle refuses, from the menu too: it stays. */
  g_clear_pointer (&target, g_variant_unref);
  target = g_variant_ref_sink (g_variant_new ("(xs)", vpn, "closed"));
  gtk_widget_activate_action_variant (GTK_WIDGET (fixture->board), "board.move-to", target);
  wait_for_board (fixture);
  g_assert_cmpint (stored_status (fixture, vpn), ==, S (ASSIGNED));

  /* Move Down within the column. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-down", "x",
                              fixture->ids[1]);
  wait_for_board (fixture);
  g_assert_cmpint (card_id (fixture, S (NEW), 0), ==, fixture->ids[2]);
  g_assert_cmpint (card_id (fixture, S (NEW), 1), ==, fixture->ids[1]);

  /* Ctrl+→ on the selected card of the focused column: the next one. */
  column = stw_ticket_board_get_column_widget (fixture->board, S (NEW));
  list = stw_test_find_widget (column, GTK_TYPE_LIST_VIEW, NULL);
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), 0, TRUE);
  gtk_widget_grab_focus (list);
  stw_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board),
                                             "board.selected-next", NULL));
  wait_for_board (fixture);
  g_assert_cmpint (stored_status (fixture, fixture->ids[2]), ==, S (ASSIGNED));
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/ticket-board/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("columns", test_columns);
  ADD ("drop", test_drop);
  ADD ("refused-drop", test_refused_drop);
  ADD ("reorder-by-drop", test_reorder_by_drop);
  ADD ("keyboard", test_keyboard);

#undef ADD

  return g_test_run ();
}
