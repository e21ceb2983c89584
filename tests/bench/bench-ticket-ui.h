/* bench-ticket-ui.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* The ticket list and board in the real window, on a database that has
 * its tickets already. A figure not measured is NaN. */
typedef struct
{
  guint64 tickets;
  double  list_first_ms;          /* view shown to its first rows painted */
  double  list_search_p50_ms;
  double  list_search_p95_ms;
  double  list_sort_p50_ms;
  double  list_sort_max_ms;
  double  list_scroll_work_p50_ms;
  double  list_scroll_work_p95_ms;
  guint   board_column_cards;     /* the cards of the longest column */
  double  board_open_ms;          /* to the board's columns painted */
  double  board_scroll_work_p50_ms;
  double  board_scroll_work_p95_ms;
  double  board_move_p50_ms;      /* a card moved, to both columns painted */
  double  board_move_p95_ms;
  double  peak_rss_mb;
} BenchTicketResults;

void bench_ticket_ui_measure (const char         *path,
                              BenchTicketResults *results);
