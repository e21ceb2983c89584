/* steward-bench.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-data.h"
#include "bench-ticket-ui.h"
#include "io/stw-csv-import.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database-private.h"
#include "store/stw-repo-private.h"
#include "store/stw-ticket-query-model.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-asset-detail.h"
#include "ui/stw-assets-view.h"
#include "ui/stw-window.h"

/*
 * Measures Steward on a large inventory (default 1,000,000 assets) and
 * prints a table and a JSON file:
 *
 *  1. importing N rows from CSV through Steward's import, against the
 *     physical limit: the same rows, already parsed, inserted with plain
 *     SQLite into the same tables, indexes and full-text index (one
 *     prepared statement, one transaction);
 *  2. process start to the first rows painted in the real window;
 *  3. search: from the search entry's search-changed to the new rows
 *     painted, median and 95th percentile over many terms;
 *  4. sort: re-sorting by another column, to the rows painted;
 *  5. scrolling the column view from top to bottom: frame times;
 *  6. peak resident memory with the list open;
 *  7. tickets (default 100,000, after the assets, in the same database):
 *     writing them in one write as a bulk insert, the SLA times of them
 *     all, and the store's ticket queries through StwTicketQueryModel,
 *     as the lists and boards will run them: all tickets by last update
 *     and by priority, the open ones, a board column of 10,000 cards,
 *     and searches of the tickets and their comments.
 *
 * Needs a display (run it under Xvfb: `ninja -C _build bench`). With
 * --keep, the database with assets and tickets stays for --reuse.
 */

typedef struct
{
  guint64 rows;
  double  csv_write_s;
  double  validate_s;
  double  import_s;
  double  limit_s;
  double  first_rows_s;
  double  search_p50_ms;
  double  search_p95_ms;
  double  search_max_ms;
  double  sort_p50_ms;
  double  sort_max_ms;
  double  scroll_work_p50_ms;
  double  scroll_work_p95_ms;
  double  scroll_interval_p50_ms;
  double  scroll_interval_p95_ms;
  double  peak_rss_mb;
  double  window_rss_mb;
  guint64 tickets;
  guint64 ticket_entries;
  guint64 ticket_links;
  double  tickets_write_s;          /* the rows and their full-text index */
  double  tickets_sla_s;            /* the SLA times of every open ticket */
  double  tickets_generate_s;       /* the whole write, to its commit */
  guint   list_all_rows;
  double  list_updated_p50_ms;
  double  list_updated_p95_ms;
  double  list_priority_p50_ms;
  double  list_priority_p95_ms;
  guint   list_open_rows;
  double  list_open_p50_ms;
  double  list_open_p95_ms;
  guint   board_rows;
  double  board_p50_ms;
  double  board_p95_ms;
  BenchTicketResults ui;            /* the ticket list and board, in the window */
  double  ticket_search_p50_ms;
  double  ticket_search_p95_ms;
  double  ticket_search_max_ms;
} Results;

static double
seconds (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0.0;

  g_array_sort (values, compare_doubles);
  index = (guint)(p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

/* The peak resident size since reset_peak_rss(), from /proc. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    return g_ascii_strtod (line + 6, NULL) / 1024.0;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The import ran in this process too: start counting the peak anew
 * before the window opens (Linux: “5” to clear_refs resets VmHWM). */
static void
reset_peak_rss (void)
{
  /* Written in place: g_file_set_contents() would write a new file and
   * rename it, which /proc refuses. */
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

/* ------------------------------------------------------------------------ */
/* 1. Import against plain SQLite                                           */
/* ------------------------------------------------------------------------ */

static void
measure_import (const char *csv,
                const char *path,
                Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(StwCsvImport) import = stw_csv_import_new (file);
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwImportReport) check = NULL;
  g_autoptr(StwImportReport) report = NULL;
  double start;

  db = stw_database_open (path, &error);
  g_assert_no_error (error);

  start = seconds ();
  g_assert_true (stw_csv_import_load (import, NULL, &error));
  check = stw_csv_import_validate_sync (import, NULL, &error);
  g_assert_no_error (error);
  results->validate_s = seconds () - start;

  start = seconds ();
  report = stw_csv_import_run_sync (import, db, &error);
  g_assert_no_error (error);
  results->import_s = seconds () - start;

  g_assert_cmpuint (report->n_created, ==, results->rows);
  g_assert_cmpuint (report->n_problems, ==, 0);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
measure_limit (const char *path,
               Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) created = NULL;
  gint64 location_ids[128] = { 0 };
  gint64 person_ids[BENCH_N_PEOPLE];
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  BenchRow row;
  double start;

  /* The same schema, made by Steward, then used without Steward: no
   * journal, no parsing, no validation. The full-text index is filled
   * the fastest way SQLite offers: one statement after the rows, in the
   * same transaction (from a trigger, row by row, it is far slower). */
  created = stw_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&created);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                   "DROP TRIGGER assets_journal_insert; DROP TRIGGER assets_journal_update;"
                   "DROP TRIGGER assets_journal_delete; DROP TRIGGER locations_journal_insert;"
                   "DROP TRIGGER people_journal_insert; DROP TRIGGER assets_fts_insert;");

  exec_or_die (db, "BEGIN");
  for (guint i = 0; i < bench_n_locations (); i++)
    {
      g_auto(GStrv) parts = g_strsplit (bench_location_path (i), " › ", 3);
      gint64 site, building;
      char sql[512];

      sqlite3_snprintf (sizeof sql, sql,
                        "INSERT OR IGNORE INTO locations (id, uuid, name, kind, parent_id, created, updated) "
                        "VALUES (%d, '%q', '%q', 'site', NULL, 0, 0)", 1000 + i / 10, parts[0],
                        parts[0]);
      exec_or_die (db, sql);
      site = 1000 + i / 10;
      sqlite3_snprintf (sizeof sql, sql,
                        "INSERT OR IGNORE INTO locations (id, uuid, name, kind, parent_id, created, updated) "
                        "VALUES (%d, '%q-b', '%q', 'building', %lld, 0, 0)", 2000 + i / 10,
                        parts[0], parts[1], (long long)site);
      exec_or_die (db, sql);
      building = 2000 + i / 10;
      sqlite3_snprintf (sizeof sql, sql,
                        "INSERT INTO locations (id, uuid, name, kind, parent_id, created, updated) "
                        "VALUES (%d, 'room-%d', '%q', 'room', %lld, 0, 0)", 3000 + i, i, parts[2],
                        (long long)building);
      exec_or_die (db, sql);
      location_ids[i] = 3000 + i;
    }
  for (guint i = 0; i < BENCH_N_PEOPLE; i++)
    {
      char name[64], sql[256];

      bench_person_name (i, name, sizeof name);
      sqlite3_snprintf (sizeof sql, sql, "INSERT INTO people (id, uuid, name, created, updated) "
                        "VALUES (%d, 'person-%d', '%q', 0, 0)", i + 1, i, name);
      exec_or_die (db, sql);
      person_ids[i] = i + 1;
    }
  exec_or_die (db, "COMMIT");

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO assets (uuid, name, tag, serial, category, "
                                       "manufacturer, model, status, location_id, person_id, "
                                       "purchase_date, purchase_cost, currency, warranty_end, "
                                       "supplier, notes, created, updated) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  start = seconds ();
  exec_or_die (db, "BEGIN");
  for (guint64 i = 0; i < results->rows; i++)
    {
      char uuid[40];
      gint64 now = g_get_real_time ();
      guint64 r = g_random_int ();

      bench_row_make (i, &row);
      g_snprintf (uuid, sizeof uuid, "%08x-0000-4000-8000-%012" G_GINT64_MODIFIER "x",
                  (guint)r, (guint64)i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row.name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, row.tag, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, row.serial, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, row.category, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, row.manufacturer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, row.model, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, row.status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, location_ids[row.location_index]);
      if (row.person_index >= 0)
        sqlite3_bind_int64 (stmt, 10, person_ids[row.person_index]);
      else
        sqlite3_bind_null (stmt, 10);
      sqlite3_bind_text (stmt, 11, row.purchase_date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 12, row.cost);
      sqlite3_bind_text (stmt, 13, row.currency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, row.warranty_end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, row.supplier, -1, SQLITE_STATIC);
      if (row.notes[0] != '\0')
        sqlite3_bind_text (stmt, 16, row.notes, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 16);
      sqlite3_bind_int64 (stmt, 17, now);
      sqlite3_bind_int64 (stmt, 18, now);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("Plain insert failed: %s", sqlite3_errmsg (db));
    }
  exec_or_die (db, "INSERT INTO assets_fts (rowid, name, tag, serial, model, manufacturer, notes, "
                   "person, location) "
                   "SELECT a.id, a.name, a.tag, a.serial, a.model, a.manufacturer, a.notes, "
                   "p.name, l.name FROM assets a LEFT JOIN people p ON p.id = a.person_id "
                   "LEFT JOIN locations l ON l.id = a.location_id");
  exec_or_die (db, "COMMIT");
  results->limit_s = seconds () - start;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------------ */
/* 2. Start to first rows                                                   */
/* ------------------------------------------------------------------------ */

static void
measure_first_rows (const char *steward,
                    const char *path,
                    Results    *results)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  double start;

  g_subprocess_launcher_setenv (launcher, "STEWARD_BENCH_FIRST_ROWS", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  start = seconds ();
  process = g_subprocess_launcher_spawn (launcher, &error, steward, "--database", path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "first-rows-painted"))
        break;
      g_clear_pointer (&line, g_free);
    }
  results->first_rows_s = seconds () - start;

  if (line == NULL)
    g_error ("steward exited without painting rows: %s", error ? error->message : "no output");

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* 3–6. In the real window                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  StwWindow          *window;
  StwAssetsView      *view;
  StwAssetQueryModel *model;
  GdkFrameClock      *clock;
  guint               paints;
  double              search_start;
  double              frame_start;
  GArray             *frame_work;
  GArray             *frame_interval;
  gint64              last_frame_time;
  guint               scroll_step;
  guint               scroll_steps;
  gboolean            scrolling;
} Ui;

static void
after_paint_cb (GdkFrameClock *clock,
                Ui            *ui)
{
  ui->paints++;

  if (ui->scrolling)
    {
      double work = (seconds () - ui->frame_start) * 1000.0;
      gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

      g_array_append_val (ui->frame_work, work);
      if (ui->last_frame_time != 0)
        {
          double interval = (frame_time - ui->last_frame_time) / 1000.0;

          g_array_append_val (ui->frame_interval, interval);
        }
      ui->last_frame_time = frame_time;
    }
}

static void
before_update_cb (GdkFrameClock *clock,
                  Ui            *ui)
{
  ui->frame_start = seconds ();
}

static void
iterate (void)
{
  g_main_context_iteration (NULL, TRUE);
}

/* Waits for the list to finish its query, then for a frame with it. */
static void
wait_painted (Ui *ui)
{
  guint paints;

  while (stw_asset_query_model_get_loading (ui->model))
    iterate ();

  gtk_widget_queue_draw (GTK_WIDGET (stw_assets_view_get_column_view (ui->view)));
  paints = ui->paints;
  while (ui->paints == paints)
    iterate ();
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Ui             *ui)
{
  /* Replacing the text clears the entry first, and a search entry
   * reports an empty text at once; time the search for the term. */
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    ui->search_start = seconds ();
}

static void
measure_search (Ui      *ui,
                Results *results)
{
  GtkEditable *entry = stw_assets_view_get_search_entry (ui->view);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  gulong handler;

  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), ui);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < bench_n_search_terms (); i++)
      {
        double latency;

        ui->search_start = 0;
        gtk_editable_set_text (entry, bench_search_term (i));
        while (ui->search_start == 0)
          iterate ();
        wait_painted (ui);
        latency = (seconds () - ui->search_start) * 1000.0;
        g_array_append_val (latencies, latency);
        g_print ("  search %-14s %8u rows %8.1f ms\n", bench_search_term (i),
                 g_list_model_get_n_items (G_LIST_MODEL (ui->model)), latency);
      }

  g_signal_handler_disconnect (entry, handler);
  gtk_editable_set_text (entry, "");
  while (stw_asset_query_model_get_search (ui->model) != NULL)
    iterate ();
  wait_painted (ui);

  results->search_p50_ms = percentile (latencies, 0.5);
  results->search_p95_ms = percentile (latencies, 0.95);
  results->search_max_ms = percentile (latencies, 1.0);
}

static void
measure_sort (Ui      *ui,
              Results *results)
{
  /* The columns shown at first, each one sort read from an index. */
  static const char * const titles[] = { "Asset Tag", "Status", "Location", "Assigned To",
                                         "Model", "Category", "Name" };
  GtkColumnView *view = stw_assets_view_get_column_view (ui->view);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        double start, latency;

        if (g_strcmp0 (gtk_column_view_column_get_title (column), titles[t]) != 0)
          continue;

        double listed;

        start = seconds ();
        gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
        while (!stw_asset_query_model_get_loading (ui->model))
          iterate ();
        while (stw_asset_query_model_get_loading (ui->model))
          iterate ();
        listed = (seconds () - start) * 1000.0;
        wait_painted (ui);
        latency = (seconds () - start) * 1000.0;
        g_array_append_val (latencies, latency);
        g_print ("  sort by %-14s %8.1f ms (list updated after %.1f ms)\n", titles[t], latency,
                 listed);
      }

  results->sort_p50_ms = percentile (latencies, 0.5);
  results->sort_max_ms = percentile (latencies, 1.0);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Ui *ui = data;
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (widget));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
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
measure_scroll (Ui      *ui,
                Results *results)
{
  GtkWidget *view = GTK_WIDGET (stw_assets_view_get_column_view (ui->view));

  ui->frame_work = g_array_new (FALSE, FALSE, sizeof (double));
  ui->frame_interval = g_array_new (FALSE, FALSE, sizeof (double));
  ui->scroll_steps = 1000;
  ui->scroll_step = 0;
  ui->scrolling = TRUE;

  gtk_widget_add_tick_callback (view, scroll_tick_cb, ui, NULL);
  while (ui->scrolling)
    iterate ();

  results->scroll_work_p50_ms = percentile (ui->frame_work, 0.5);
  results->scroll_work_p95_ms = percentile (ui->frame_work, 0.95);
  results->scroll_interval_p50_ms = percentile (ui->frame_interval, 0.5);
  results->scroll_interval_p95_ms = percentile (ui->frame_interval, 0.95);
  g_array_unref (ui->frame_work);
  g_array_unref (ui->frame_interval);
}

static void
measure_window (const char *path,
                Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  Ui ui = { 0 };

  reset_peak_rss ();

  db = stw_database_open (path, &error);
  g_assert_no_error (error);

  ui.window = stw_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (ui.window), 1280, 800);
  ui.view = STW_ASSETS_VIEW (stw_window_get_view (ui.window, "assets"));
  ui.model = stw_assets_view_get_model (ui.view);
  gtk_window_present (GTK_WINDOW (ui.window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (ui.window)))
    iterate ();
  ui.clock = gtk_widget_get_frame_clock (GTK_WIDGET (ui.window));
  g_signal_connect (ui.clock, "after-paint", G_CALLBACK (after_paint_cb), &ui);
  g_signal_connect (ui.clock, "update", G_CALLBACK (before_update_cb), &ui);

  while (g_list_model_get_n_items (G_LIST_MODEL (ui.model)) < results->rows)
    iterate ();
  wait_painted (&ui);

  measure_search (&ui, results);
  measure_sort (&ui, results);
  measure_scroll (&ui, results);

  results->window_rss_mb = peak_rss_mb ();

  g_signal_handlers_disconnect_by_data (ui.clock, &ui);
  gtk_window_destroy (GTK_WINDOW (ui.window));
}

/*
 * The window in a process of its own, as a person starts Steward: the
 * import earlier in this process leaves its heap behind, which would
 * count as the window's memory and slow its allocations.
 */
static void
measure_window_apart (const char *self_path,
                      const char *path,
                      Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json_path = g_strconcat (path, ".window.json", NULL);
  JsonObject *object;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--reuse", path,
                              "--window-only", "--output", json_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  g_unlink (json_path);

  object = json_node_get_object (json_parser_get_root (parser));
#define GET(field, name) results->field = json_object_get_double_member (object, name)
  GET (search_p50_ms, "search_p50_ms");
  GET (search_p95_ms, "search_p95_ms");
  GET (search_max_ms, "search_max_ms");
  GET (sort_p50_ms, "sort_p50_ms");
  GET (sort_max_ms, "sort_max_ms");
  GET (scroll_work_p50_ms, "scroll_frame_work_p50_ms");
  GET (scroll_work_p95_ms, "scroll_frame_work_p95_ms");
  GET (scroll_interval_p50_ms, "scroll_frame_interval_p50_ms");
  GET (scroll_interval_p95_ms, "scroll_frame_interval_p95_ms");
  GET (window_rss_mb, "peak_rss_mb");
#undef GET
}

/* ------------------------------------------------------------------------ */
/* 7. Tickets                                                               */
/* ------------------------------------------------------------------------ */

typedef struct
{
  guint64            n_tickets;
  BenchTicketCounts  counts;
  double             write_s;
  double             sla_s;
} TicketJob;

static gboolean
write_tickets_func (StwWriteContext  *ctx,
                    gpointer          user_data,
                    GError          **error)
{
  TicketJob *job = user_data;
  double start = seconds ();

  if (!bench_write_tickets (stw_write_context_get_db (ctx), job->n_tickets,
                            stw_write_context_get_time (ctx), &job->counts, error))
    return FALSE;
  job->write_s = seconds () - start;

  /* As the store does after a change of the SLA settings: every open
   * ticket, in the same write. */
  start = seconds ();
  if (!stw_ticket_repo_refresh_sla_in (ctx, 0, error))
    return FALSE;
  job->sla_s = seconds () - start;

  return TRUE;
}

/* Adds the tickets to the database at @path, in one write and one undo
 * step, as an import would. */
static void
generate_tickets (const char *path,
                  guint64     n_tickets,
                  Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = stw_database_open (path, &error);
  TicketJob job = { n_tickets, };
  double start;

  g_assert_no_error (error);

  start = seconds ();
  stw_database_write_sync (db, STW_ORIGIN_IMPORT, "Generate Tickets", write_tickets_func, &job,
                           NULL, &error);
  g_assert_no_error (error);
  results->tickets_generate_s = seconds () - start;
  results->tickets_write_s = job.write_s;
  results->tickets_sla_s = job.sla_s;

  g_print ("  %" G_GUINT64_FORMAT " tickets, %" G_GUINT64_FORMAT " comments and work log "
           "entries, %" G_GUINT64_FORMAT " asset links, %" G_GUINT64_FORMAT " on the board "
           "column\n", job.counts.tickets, job.counts.entries, job.counts.links,
           job.counts.board);
}

#define QUERY_RUNS 11

static void
wait_ticket_model (StwTicketQueryModel *model)
{
  while (stw_ticket_query_model_get_loading (model))
    iterate ();
}

/* The query is done and the first page read, as a list needs to show
 * anything. */
static double
finish_query (StwTicketQueryModel *model,
              double               start)
{
  g_autoptr(GObject) first = NULL;

  wait_ticket_model (model);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return (seconds () - start) * 1000.0;
}

/* Times the query the model was just set to, then the same again: the
 * first run is that of a change of sort or filter, the others those of
 * a change in the store. */
static guint
time_ticket_query (StwTicketQueryModel *model,
                   const char          *label,
                   double               start,
                   double              *p50,
                   double              *p95)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double first = finish_query (model, start);
  guint rows = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_array_append_val (times, first);
  for (guint i = 1; i < QUERY_RUNS; i++)
    {
      double time;

      start = seconds ();
      stw_ticket_query_model_refresh (model);
      time = finish_query (model, start);
      g_array_append_val (times, time);
    }

  *p50 = percentile (times, 0.5);
  *p95 = percentile (times, 0.95);
  g_print ("  %-34s %8u rows  first %7.1f ms  median %7.1f ms  p95 %7.1f ms\n", label, rows,
           first, *p50, *p95);
  return rows;
}

static void
measure_tickets (const char *path,
                 Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = stw_database_open (path, &error);
  g_autoptr(StwTicketQueryModel) list = NULL;
  g_autoptr(StwTicketQueryModel) board = NULL;
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  double start;

  g_assert_no_error (error);
  results->tickets = (guint64)stw_ticket_repo_count (db);

  /* Each model opens its connection, as a view would, and its first
   * query is not timed: the lists below are changes of a list on show. */
  list = stw_ticket_query_model_new (db);
  wait_ticket_model (list);

  start = seconds ();
  stw_ticket_query_model_set_scope (list, STW_TICKET_SCOPE_ALL);
  results->list_all_rows = time_ticket_query (list, "all, by last update", start,
                                              &results->list_updated_p50_ms,
                                              &results->list_updated_p95_ms);

  start = seconds ();
  stw_ticket_query_model_set_sort (list, STW_TICKET_SORT_PRIORITY, STW_SORT_ASCENDING);
  time_ticket_query (list, "all, by priority", start, &results->list_priority_p50_ms,
                     &results->list_priority_p95_ms);

  start = seconds ();
  stw_ticket_query_model_set_scope (list, STW_TICKET_SCOPE_OPEN);
  stw_ticket_query_model_set_sort (list, STW_TICKET_SORT_UPDATED, STW_SORT_DESCENDING);
  results->list_open_rows = time_ticket_query (list, "open, by last update", start,
                                               &results->list_open_p50_ms,
                                               &results->list_open_p95_ms);

  board = stw_ticket_query_model_new (db);
  wait_ticket_model (board);
  start = seconds ();
  stw_ticket_query_model_set_scope (board, STW_TICKET_SCOPE_ALL);
  stw_ticket_query_model_set_type (board, STW_TICKET_TYPE_INCIDENT);
  stw_ticket_query_model_set_status (board, STW_TICKET_STATUS_NEW);
  stw_ticket_query_model_set_sort (board, STW_TICKET_SORT_RANK, STW_SORT_ASCENDING);
  results->board_rows = time_ticket_query (board, "board column " BENCH_BOARD_TYPE " "
                                           BENCH_BOARD_STATUS ", by rank", start,
                                           &results->board_p50_ms, &results->board_p95_ms);

  /* Searches of all tickets, the last updated first, as a person types
   * them in the list. */
  stw_ticket_query_model_set_scope (list, STW_TICKET_SCOPE_ALL);
  wait_ticket_model (list);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < bench_n_ticket_search_terms (); i++)
      {
        double time;

        start = seconds ();
        stw_ticket_query_model_set_search (list, bench_ticket_search_term (i));
        time = finish_query (list, start);
        g_array_append_val (searches, time);
        if (round == 1)
          g_print ("  search %-14s %8u rows %8.1f ms\n", bench_ticket_search_term (i),
                   g_list_model_get_n_items (G_LIST_MODEL (list)), time);
      }
  results->ticket_search_p50_ms = percentile (searches, 0.5);
  results->ticket_search_p95_ms = percentile (searches, 0.95);
  results->ticket_search_max_ms = percentile (searches, 1.0);

  stw_sql_query_int (stw_database_get_reader (db), "SELECT count(*) FROM ticket_entries",
                     (gint64 *)&results->ticket_entries, NULL);
  stw_sql_query_int (stw_database_get_reader (db), "SELECT count(*) FROM ticket_assets",
                     (gint64 *)&results->ticket_links, NULL);
}

/* The fields of the ticket window's figures, in their JSON names. */
#define TICKET_UI_FIELDS(X) \
  X (list_first_ms, "ticket_ui_list_first_painted_ms") \
  X (list_search_p50_ms, "ticket_ui_search_p50_ms") \
  X (list_search_p95_ms, "ticket_ui_search_p95_ms") \
  X (list_sort_p50_ms, "ticket_ui_sort_p50_ms") \
  X (list_sort_max_ms, "ticket_ui_sort_max_ms") \
  X (list_scroll_work_p50_ms, "ticket_ui_list_scroll_work_p50_ms") \
  X (list_scroll_work_p95_ms, "ticket_ui_list_scroll_work_p95_ms") \
  X (board_open_ms, "ticket_ui_board_painted_ms") \
  X (board_scroll_work_p50_ms, "ticket_ui_board_scroll_work_p50_ms") \
  X (board_scroll_work_p95_ms, "ticket_ui_board_scroll_work_p95_ms") \
  X (board_move_p50_ms, "ticket_ui_board_move_p50_ms") \
  X (board_move_p95_ms, "ticket_ui_board_move_p95_ms") \
  X (peak_rss_mb, "ticket_ui_peak_rss_mb")

/* --ticket-window-only: the ticket window's figures, as JSON to @json_path. */
static void
write_ticket_window (const char *path,
                     const char *json_path)
{
  BenchTicketResults ui = { 0, };
  g_autoptr(GString) json = g_string_new ("{\n");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bench_ticket_ui_measure (path, &ui);
#define WRITE(field, name) \
  g_string_append_printf (json, "  \"%s\": %s,\n", name, \
                          isfinite (ui.field) ? g_ascii_formatd (buffer, sizeof buffer, "%.3f", \
                                                                 ui.field) : "null");
  TICKET_UI_FIELDS (WRITE)
#undef WRITE
  g_string_append_printf (json, "  \"ticket_ui_board_column_cards\": %u\n}\n",
                          ui.board_column_cards);
  if (!g_file_set_contents (json_path, json->str, json->len, NULL))
    g_error ("Cannot write %s", json_path);
}

/* The ticket list and board in a process of their own, as the assets'
 * window (see measure_window_apart()). */
static void
measure_ticket_window_apart (const char *self_path,
                             const char *path,
                             Results    *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json_path = g_strconcat (path, ".tickets.json", NULL);
  JsonObject *object;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--reuse", path,
                              "--ticket-window-only", "--output", json_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  g_unlink (json_path);

  object = json_node_get_object (json_parser_get_root (parser));
#define READ(field, name) \
  results->ui.field = json_object_get_null_member (object, name) \
                      ? NAN : json_object_get_double_member (object, name);
  TICKET_UI_FIELDS (READ)
#undef READ
  results->ui.board_column_cards = json_object_get_int_member (object,
                                                               "ticket_ui_board_column_cards");
}

/* ------------------------------------------------------------------------ */

static void
print_results (const Results *r,
               const char    *json_path)
{
  g_autoptr(GString) json = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

#define ROW(label, value, unit, target) \
  g_print ("  %-44s %10.2f %-3s %s\n", label, value, unit, target)

  g_print ("\nSteward benchmark, %" G_GUINT64_FORMAT " assets, %" G_GUINT64_FORMAT
           " tickets\n\n", r->rows, r->tickets);
  ROW ("import through Steward (CSV → store)", r->import_s, "s", "");
  ROW ("physical limit (plain SQLite, same tables)", r->limit_s, "s", "");
  ROW ("import / limit", r->import_s / r->limit_s, "×", "target ≤ 2");
  ROW ("check of every row before import", r->validate_s, "s", "");
  ROW ("process start to first rows painted", r->first_rows_s, "s", "target ≤ 0.5");
  ROW ("search to rows painted, median", r->search_p50_ms, "ms", "");
  ROW ("search to rows painted, 95th percentile", r->search_p95_ms, "ms", "target ≤ 50");
  ROW ("search to rows painted, slowest", r->search_max_ms, "ms", "");
  ROW ("re-sort to rows painted, median", r->sort_p50_ms, "ms", "");
  ROW ("re-sort to rows painted, slowest", r->sort_max_ms, "ms", "target ≤ 500");
  ROW ("scroll frame work, median", r->scroll_work_p50_ms, "ms", "");
  ROW ("scroll frame work, 95th percentile", r->scroll_work_p95_ms, "ms", "target ≤ 16");
  ROW ("scroll frame interval, median", r->scroll_interval_p50_ms, "ms", "");
  ROW ("scroll frame interval, 95th percentile", r->scroll_interval_p95_ms, "ms", "");
  ROW ("peak resident memory with the list open", r->window_rss_mb, "MB", "target ≤ 250");

  if (r->tickets > 0)
    {
      g_print ("\n  %" G_GUINT64_FORMAT " tickets, %" G_GUINT64_FORMAT " entries, "
               "%" G_GUINT64_FORMAT " asset links; queries to ids and first page read\n\n",
               r->tickets, r->ticket_entries, r->ticket_links);
      if (r->tickets_generate_s > 0)
        {
          ROW ("write the tickets, one write in all", r->tickets_generate_s, "s", "");
          ROW ("  of which rows, journal and full-text index", r->tickets_write_s, "s", "");
          ROW ("  of which SLA times of all open tickets", r->tickets_sla_s, "s", "");
        }
      ROW ("all tickets by last update, median", r->list_updated_p50_ms, "ms", "");
      ROW ("all tickets by last update, 95th percentile", r->list_updated_p95_ms, "ms", "");
      ROW ("all tickets by priority, median", r->list_priority_p50_ms, "ms", "");
      ROW ("all tickets by priority, 95th percentile", r->list_priority_p95_ms, "ms", "");
      ROW ("open tickets by last update, median", r->list_open_p50_ms, "ms", "");
      ROW ("open tickets by last update, 95th percentile", r->list_open_p95_ms, "ms", "");
      ROW ("board column by rank, median", r->board_p50_ms, "ms", "");
      ROW ("board column by rank, 95th percentile", r->board_p95_ms, "ms", "");
      ROW ("ticket and comment search, median", r->ticket_search_p50_ms, "ms", "");
      ROW ("ticket and comment search, 95th percentile", r->ticket_search_p95_ms, "ms", "");
      ROW ("ticket and comment search, slowest", r->ticket_search_max_ms, "ms", "");
      if (r->ui.board_column_cards > 0)
        {
          g_print ("\n  In the window: the ticket list, and a board whose longest column "
                   "has %u cards\n\n", r->ui.board_column_cards);
          ROW ("list shown to first rows painted", r->ui.list_first_ms, "ms", "");
          ROW ("search to rows painted, median", r->ui.list_search_p50_ms, "ms", "");
          ROW ("search to rows painted, 95th percentile", r->ui.list_search_p95_ms, "ms", "");
          ROW ("re-sort to rows painted, median", r->ui.list_sort_p50_ms, "ms", "");
          ROW ("re-sort to rows painted, slowest", r->ui.list_sort_max_ms, "ms", "");
          ROW ("list scroll frame work, median", r->ui.list_scroll_work_p50_ms, "ms", "");
          ROW ("list scroll frame work, 95th percentile", r->ui.list_scroll_work_p95_ms, "ms",
               "");
          ROW ("board shown to columns painted", r->ui.board_open_ms, "ms", "");
          ROW ("board column scroll frame work, median", r->ui.board_scroll_work_p50_ms, "ms",
               "");
          ROW ("board column scroll frame work, 95th pct.", r->ui.board_scroll_work_p95_ms,
               "ms", "");
          ROW ("card moved to both columns painted, median", r->ui.board_move_p50_ms, "ms", "");
          ROW ("card moved to both columns painted, 95th pct.", r->ui.board_move_p95_ms, "ms",
               "");
          ROW ("peak resident memory, ticket window", r->ui.peak_rss_mb, "MB", "");
        }
    }
#undef ROW

  /* A figure not measured in this run (0 / 0) is null. */
#define FIELD(name, value) \
  g_string_append_printf (json, "%s  \"%s\": %s", json->len > 2 ? ",\n" : "", name, \
                          isfinite (value) ? g_ascii_formatd (buffer, sizeof buffer, "%.3f", value) \
                                           : "null")

  g_string_append (json, "{\n");
  FIELD ("rows", (double)r->rows);
  FIELD ("import_s", r->import_s);
  FIELD ("plain_sqlite_limit_s", r->limit_s);
  FIELD ("import_over_limit", r->import_s / r->limit_s);
  FIELD ("validate_s", r->validate_s);
  FIELD ("first_rows_painted_s", r->first_rows_s);
  FIELD ("search_p50_ms", r->search_p50_ms);
  FIELD ("search_p95_ms", r->search_p95_ms);
  FIELD ("search_max_ms", r->search_max_ms);
  FIELD ("sort_p50_ms", r->sort_p50_ms);
  FIELD ("sort_max_ms", r->sort_max_ms);
  FIELD ("scroll_frame_work_p50_ms", r->scroll_work_p50_ms);
  FIELD ("scroll_frame_work_p95_ms", r->scroll_work_p95_ms);
  FIELD ("scroll_frame_interval_p50_ms", r->scroll_interval_p50_ms);
  FIELD ("scroll_frame_interval_p95_ms", r->scroll_interval_p95_ms);
  FIELD ("peak_rss_mb", r->window_rss_mb);
  FIELD ("tickets", (double)r->tickets);
  FIELD ("ticket_entries", (double)r->ticket_entries);
  FIELD ("ticket_asset_links", (double)r->ticket_links);
  FIELD ("tickets_generate_s", r->tickets_generate_s > 0 ? r->tickets_generate_s : NAN);
  FIELD ("tickets_write_s", r->tickets_generate_s > 0 ? r->tickets_write_s : NAN);
  FIELD ("tickets_sla_refresh_s", r->tickets_generate_s > 0 ? r->tickets_sla_s : NAN);
#define TICKET_FIELD(name, value) FIELD (name, r->tickets > 0 ? (double)(value) : NAN)
  TICKET_FIELD ("ticket_list_rows", r->list_all_rows);
  TICKET_FIELD ("ticket_list_updated_p50_ms", r->list_updated_p50_ms);
  TICKET_FIELD ("ticket_list_updated_p95_ms", r->list_updated_p95_ms);
  TICKET_FIELD ("ticket_list_priority_p50_ms", r->list_priority_p50_ms);
  TICKET_FIELD ("ticket_list_priority_p95_ms", r->list_priority_p95_ms);
  TICKET_FIELD ("ticket_list_open_rows", r->list_open_rows);
  TICKET_FIELD ("ticket_list_open_p50_ms", r->list_open_p50_ms);
  TICKET_FIELD ("ticket_list_open_p95_ms", r->list_open_p95_ms);
  TICKET_FIELD ("ticket_board_rows", r->board_rows);
  TICKET_FIELD ("ticket_board_p50_ms", r->board_p50_ms);
  TICKET_FIELD ("ticket_board_p95_ms", r->board_p95_ms);
  TICKET_FIELD ("ticket_search_p50_ms", r->ticket_search_p50_ms);
  TICKET_FIELD ("ticket_search_p95_ms", r->ticket_search_p95_ms);
  TICKET_FIELD ("ticket_search_max_ms", r->ticket_search_max_ms);
#define UI_FIELD(field, name) \
  FIELD (name, r->ui.board_column_cards > 0 ? r->ui.field : NAN);
  TICKET_UI_FIELDS (UI_FIELD)
#undef UI_FIELD
  TICKET_FIELD ("ticket_ui_board_column_cards", r->ui.board_column_cards);
#undef TICKET_FIELD
  g_string_append (json, "\n}\n");
#undef FIELD

  if (!g_file_set_contents (json_path, json->str, json->len, NULL))
    g_printerr ("Cannot write %s\n", json_path);
  else
    g_print ("\nWritten to %s\n", json_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure Steward on a large inventory");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *limit_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *steward = NULL;
  g_autofree char *self_path = NULL;
  gint64 rows = 1000000;
  gint64 tickets = 100000;
  gboolean keep = FALSE;
  gboolean window_only = FALSE;
  gboolean ticket_window_only = FALSE;
  g_autofree char *reuse = NULL;
  Results results = { 0 };
  double start;
  const GOptionEntry options[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT64, &rows, "How many assets (default 1,000,000)", "N" },
    { "tickets", 't', 0, G_OPTION_ARG_INT64, &tickets,
      "How many tickets (default 100,000; 0 for none)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &json_path, "The JSON file to write", "FILE" },
    { "steward", 0, 0, G_OPTION_ARG_FILENAME, &steward, "The steward binary to start", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the databases and the CSV file", NULL },
    { "reuse", 0, 0, G_OPTION_ARG_FILENAME, &reuse,
      "Measure only the window, and its tickets' queries if it has tickets, on a database "
      "kept from an earlier run", "DB" },
    { "window-only", 0, 0, G_OPTION_ARG_NONE, &window_only,
      "With --reuse: skip the start-up time", NULL },
    { "ticket-window-only", 0, 0, G_OPTION_ARG_NONE, &ticket_window_only,
      "With --reuse: only the ticket list and board in the window", NULL },
    { NULL }
  };

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();

  if (json_path == NULL)
    json_path = g_strdup ("steward-bench.json");
  if (steward == NULL)
    steward = g_strdup (STEWARD_BINARY);

  if (reuse != NULL && ticket_window_only)
    {
      write_ticket_window (reuse, json_path);
      return 0;
    }

  if (reuse != NULL)
    {
      g_autoptr(StwDatabase) db = stw_database_open (reuse, &error);
      gint64 n_tickets;

      g_assert_no_error (error);
      results.rows = (guint64)stw_asset_repo_count (db);
      n_tickets = stw_ticket_repo_count (db);
      g_clear_object (&db);
      if (!window_only)
        measure_first_rows (steward, reuse, &results);
      measure_window (reuse, &results);
      if (!window_only && n_tickets > 0)
        {
          g_print ("Measuring the ticket queries…\n");
          measure_tickets (reuse, &results);
          g_print ("Measuring the ticket list and board…\n");
          measure_ticket_window_apart (self_path, reuse, &results);
        }
      print_results (&results, json_path);
      return 0;
    }

  results.rows = (guint64)rows;
  dir = g_dir_make_tmp ("steward-bench-XXXXXX", &error);
  g_assert_no_error (error);
  csv = g_build_filename (dir, "assets.csv", NULL);
  path = g_build_filename (dir, "steward.db", NULL);
  limit_path = g_build_filename (dir, "plain.db", NULL);

  g_print ("Writing %" G_GINT64_FORMAT " rows to %s…\n", rows, csv);
  start = seconds ();
  g_assert_true (bench_write_csv (csv, results.rows, &error));
  results.csv_write_s = seconds () - start;

  g_print ("Importing through Steward…\n");
  measure_import (csv, path, &results);
  g_print ("Inserting with plain SQLite…\n");
  measure_limit (limit_path, &results);
  g_unlink (limit_path);

  /* The imports above leave gigabytes of written pages for the kernel to
   * write back; measure the window on a settled system, as a person
   * would start Steward after an import, not during its write-back. */
  g_print ("Writing back to disk…\n");
  sync ();

  g_print ("Starting %s…\n", steward);
  measure_first_rows (steward, path, &results);
  g_print ("Measuring the window…\n");
  measure_window_apart (self_path, path, &results);

  /* After the window, so that its figures stay those of assets alone. */
  if (tickets > 0)
    {
      g_print ("Writing %" G_GINT64_FORMAT " tickets…\n", tickets);
      generate_tickets (path, (guint64)tickets, &results);
      g_print ("Measuring the ticket queries…\n");
      measure_tickets (path, &results);
      g_print ("Measuring the ticket list and board…\n");
      measure_ticket_window_apart (self_path, path, &results);
    }

  print_results (&results, json_path);

  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autofree char *limit_wal = g_strconcat (limit_path, "-wal", NULL);
      g_autofree char *limit_shm = g_strconcat (limit_path, "-shm", NULL);

      g_unlink (csv);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (limit_wal);
      g_unlink (limit_shm);
      g_rmdir (dir);
    }
  else
    {
      g_print ("Kept %s\n", dir);
    }

  return 0;
}
