/* bench-ticket-ui.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <sys/resource.h>

#include "bench-ticket-ui.h"
#include "store/stw-ticket-query-model.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-ticket-board.h"
#include "ui/stw-tickets-view.h"
#include "ui/stw-window.h"

/*
 * The ticket list and board as a person uses them, in the real window:
 *
 *  - the list: shown to its first rows painted; searches and sorts to
 *    the new rows painted; scrolling from top to bottom, the work of
 *    each frame;
 *  - the board of incidents, whose "New" column holds the most cards:
 *    shown to all columns painted; scrolling that column; moving cards
 *    (within the column and to the next one) to both columns painted.
 */

static const char * const search_terms[] = {
  "vpn", "printer", "laptop", "password", "mail", "network", "slow", "screen", "licence",
  "server", "phone", "wifi", "backup", "access", "update", "monitor",
};

typedef struct
{
  StwWindow           *window;
  StwTicketsView      *view;
  StwTicketQueryModel *model;
  StwTicketBoard      *board;
  guint                paints;
  double               search_start;
  double               frame_start;
  GArray              *frame_work;
  guint                scroll_step;
  guint                scroll_steps;
  gboolean             scrolling;
} Ui;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  index = (guint) ceil (p * values->len);
  return g_array_index (values, double, CLAMP (index, 1, values->len) - 1);
}

static void
iterate (void)
{
  g_main_context_iteration (NULL, TRUE);
}

static void
update_cb (GdkFrameClock *clock,
           Ui            *ui)
{
  ui->frame_start = now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Ui            *ui)
{
  ui->paints++;
  if (ui->scrolling)
    {
      double work = now_ms () - ui->frame_start;

      g_array_append_val (ui->frame_work, work);
    }
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Ui             *ui)
{
  /* Replacing the text empties the entry first, which it reports at
   * once; time the search for the term. */
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    ui->search_start = now_ms ();
}

static gboolean
loading (Ui *ui)
{
  return stw_ticket_query_model_get_loading (ui->model) ||
         stw_ticket_board_get_loading (ui->board);
}

/* Waits for the queries, then for a frame painted with their rows. */
static void
wait_painted (Ui        *ui,
              GtkWidget *widget)
{
  guint paints;

  while (loading (ui))
    iterate ();

  gtk_widget_queue_draw (widget);
  paints = ui->paints;
  while (ui->paints == paints)
    iterate ();
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Ui *ui = data;
  GtkWidget *parent = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (parent));
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  ui->scroll_step++;
  gtk_adjustment_set_value (adjustment, end * ui->scroll_step / ui->scroll_steps);

  if (ui->scroll_step >= ui->scroll_steps)
    {
      ui->scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
scroll (Ui        *ui,
        GtkWidget *widget,
        guint      steps,
        double    *p50,
        double    *p95)
{
  ui->frame_work = g_array_new (FALSE, FALSE, sizeof (double));
  ui->scroll_steps = steps;
  ui->scroll_step = 0;
  ui->scrolling = TRUE;

  gtk_widget_add_tick_callback (widget, scroll_tick_cb, ui, NULL);
  while (ui->scrolling)
    iterate ();

  *p50 = percentile (ui->frame_work, 0.5);
  *p95 = percentile (ui->frame_work, 0.95);
  g_clear_pointer (&ui->frame_work, g_array_unref);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
measure_list (Ui                 *ui,
              BenchTicketResults *r)
{
  GtkWidget *column_view = find_widget (GTK_WIDGET (ui->view), GTK_TYPE_COLUMN_VIEW);
  GtkEditable *search = GTK_EDITABLE (find_widget (GTK_WIDGET (ui->view),
                                                   GTK_TYPE_SEARCH_ENTRY));
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorts = g_array_new (FALSE, FALSE, sizeof (double));
  gulong handler;

  handler = g_signal_connect (search, "search-changed", G_CALLBACK (search_changed_cb), ui);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (search_terms); i++)
      {
        double latency;

        /* Timed from the entry's search-changed, as for the assets: the
         * entry waits for typing to pause before it says so. */
        ui->search_start = 0;
        gtk_editable_set_text (search, search_terms[i]);
        while (ui->search_start == 0 ||
               g_strcmp0 (stw_ticket_query_model_get_search (ui->model), search_terms[i]) != 0)
          iterate ();
        wait_painted (ui, column_view);
        latency = now_ms () - ui->search_start;
        g_array_append_val (searches, latency);
        g_print ("  ticket search %-10s %8u rows %8.1f ms\n", search_terms[i],
                 g_list_model_get_n_items (G_LIST_MODEL (ui->model)), latency);
      }
  g_signal_handler_disconnect (search, handler);
  gtk_editable_set_text (search, "");
  while (stw_ticket_query_model_get_search (ui->model) != NULL)
    iterate ();
  wait_painted (ui, column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      double start = now_ms (), latency;

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;

      gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column,
                                      GTK_SORT_ASCENDING);
      while (!stw_ticket_query_model_get_loading (ui->model))
        iterate ();
      wait_painted (ui, column_view);
      latency = now_ms () - start;
      g_array_append_val (sorts, latency);
      g_print ("  ticket sort by %-10s %8.1f ms\n", gtk_column_view_column_get_title (column),
               latency);
    }

  r->list_search_p50_ms = percentile (searches, 0.5);
  r->list_search_p95_ms = percentile (searches, 0.95);
  r->list_sort_p50_ms = percentile (sorts, 0.5);
  r->list_sort_max_ms = percentile (sorts, 1.0);
  scroll (ui, column_view, 600, &r->list_scroll_work_p50_ms, &r->list_scroll_work_p95_ms);
}

static void
measure_board (Ui                 *ui,
               BenchTicketResults *r)
{
  GListModel *new_cards, *assigned;
  GtkWidget *column, *list;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  double start = now_ms ();

  stw_tickets_view_show_board (ui->view, TRUE);
  wait_painted (ui, GTK_WIDGET (ui->board));
  r->board_open_ms = now_ms () - start;

  new_cards = stw_ticket_board_get_column (ui->board, STW_TICKET_STATUS_NEW);
  assigned = stw_ticket_board_get_column (ui->board, STW_TICKET_STATUS_ASSIGNED);
  r->board_column_cards = g_list_model_get_n_items (new_cards);
  g_print ("  board: %u cards in New, shown in %.1f ms\n", r->board_column_cards,
           r->board_open_ms);

  column = stw_ticket_board_get_column_widget (ui->board, STW_TICKET_STATUS_NEW);
  list = find_widget (column, GTK_TYPE_LIST_VIEW);
  scroll (ui, list, 600, &r->board_scroll_work_p50_ms, &r->board_scroll_work_p95_ms);

  /* Moves: the fifth card to the top, and the first to the next column. */
  for (guint i = 0; i < 40 && g_list_model_get_n_items (new_cards) > 6; i++)
    {
      StwTicketQueryModel *from = STW_TICKET_QUERY_MODEL (new_cards);
      double latency;

      start = now_ms ();
      if (i % 2 == 0)
        stw_ticket_board_move (ui->board, stw_ticket_query_model_get_id (from, 5),
                               STW_TICKET_STATUS_NEW, 0, stw_ticket_query_model_get_id (from, 0));
      else
        stw_ticket_board_move (ui->board, stw_ticket_query_model_get_id (from, 0),
                               STW_TICKET_STATUS_ASSIGNED, 0,
                               stw_ticket_query_model_get_id (STW_TICKET_QUERY_MODEL (assigned),
                                                              0));
      while (!stw_ticket_board_get_loading (ui->board))
        iterate ();
      wait_painted (ui, GTK_WIDGET (ui->board));
      latency = now_ms () - start;
      g_array_append_val (moves, latency);
    }

  r->board_move_p50_ms = percentile (moves, 0.5);
  r->board_move_p95_ms = percentile (moves, 0.95);
}

/**
 * bench_ticket_ui_measure:
 *
 * Opens the window on @path, shows the tickets and measures them; the
 * database stays as the moves left it.
 */
void
bench_ticket_ui_measure (const char         *path,
                         BenchTicketResults *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  GdkFrameClock *clock;
  struct rusage usage;
  Ui ui = { 0 };
  double start;

  db = stw_database_open (path, &error);
  g_assert_no_error (error);
  r->tickets = stw_ticket_repo_count (db);

  ui.window = stw_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (ui.window), 1280, 800);
  ui.view = STW_TICKETS_VIEW (stw_window_get_view (ui.window, "tickets"));
  ui.model = stw_tickets_view_get_model (ui.view);
  ui.board = STW_TICKET_BOARD (stw_tickets_view_get_board (ui.view));
  gtk_window_present (GTK_WINDOW (ui.window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (ui.window)))
    iterate ();

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (ui.window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &ui);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &ui);

  start = now_ms ();
  stw_window_show_view (ui.window, "tickets");
  wait_painted (&ui, GTK_WIDGET (ui.view));
  r->list_first_ms = now_ms () - start;
  g_print ("  ticket list: %" G_GUINT64_FORMAT " tickets, %u open, first rows in %.1f ms\n",
           r->tickets, g_list_model_get_n_items (G_LIST_MODEL (ui.model)), r->list_first_ms);

  measure_list (&ui, r);
  measure_board (&ui, r);

  getrusage (RUSAGE_SELF, &usage);
  r->peak_rss_mb = usage.ru_maxrss / 1024.0;

  g_signal_handlers_disconnect_by_data (clock, &ui);
  gtk_window_destroy (GTK_WINDOW (ui.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
