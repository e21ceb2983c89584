/* bench-data.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

/* Realistic assets for the benchmarks, the same every time for a seed:
 * one row's values, regenerated on demand so a million rows need no
 * memory. */

#define BENCH_N_PEOPLE 2000

typedef struct
{
  char   name[64];
  char   tag[32];
  char   serial[24];
  char   category[16];
  char   manufacturer[24];
  char   model[48];
  char   status[16];
  char   location[96];
  char   person[64];
  char   purchase_date[16];
  gint64 cost;               /* cents */
  char   currency[4];
  char   warranty_end[16];
  char   supplier[24];
  char   notes[96];
  guint  location_index;     /* into bench_location_path() */
  int    person_index;       /* into bench_person_name(), or -1 */
} BenchRow;

void        bench_row_make        (guint64     index,
                                   BenchRow   *row);
const char *bench_location_path   (guint       index);
guint       bench_n_locations     (void);
void        bench_person_name     (guint       index,
                                   char       *buffer,
                                   gsize       size);
gboolean    bench_write_csv       (const char *path,
                                   guint64     n_rows,
                                   GError    **error);
const char *bench_search_term     (guint       index);
guint       bench_n_search_terms  (void);

/* Tickets, written straight into a Steward database inside a write the
 * caller has begun (journal triggers on, so the journal batch must be
 * set). One ticket in ten is an incident in “new”: the board column a
 * benchmark measures. */

#define BENCH_BOARD_TYPE   "incident"
#define BENCH_BOARD_STATUS "new"

typedef struct
{
  guint64 tickets;
  guint64 entries;
  guint64 links;
  guint64 board;             /* tickets in the board column */
} BenchTicketCounts;

gboolean    bench_write_tickets            (sqlite3            *db,
                                            guint64             n_tickets,
                                            gint64              now,
                                            BenchTicketCounts  *counts,
                                            GError            **error);
const char *bench_ticket_search_term       (guint               index);
guint       bench_n_ticket_search_terms    (void);
