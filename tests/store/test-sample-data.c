/* test-sample-data.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-sample-data.h"
#include "store/stw-ticket-repo.h"

typedef struct
{
  gint64 assets;
  gint64 locations;
  gint64 people;
  gint64 journal;
  gint64 batches;
  gint64 fts;
  gint64 tickets;
  gint64 ticket_entries;
  gint64 ticket_assets;
  gint64 tickets_fts;
} Counts;

static Counts
count_all (Fixture *fixture)
{
  Counts counts;

  counts.assets = peek_int (fixture->path, "SELECT count(*) FROM assets");
  counts.locations = peek_int (fixture->path, "SELECT count(*) FROM locations");
  counts.people = peek_int (fixture->path, "SELECT count(*) FROM people");
  counts.journal = peek_int (fixture->path, "SELECT count(*) FROM journal");
  counts.batches = peek_int (fixture->path, "SELECT count(*) FROM batches");
  counts.fts = peek_int (fixture->path, "SELECT count(*) FROM assets_fts");
  counts.tickets = peek_int (fixture->path, "SELECT count(*) FROM tickets");
  counts.ticket_entries = peek_int (fixture->path, "SELECT count(*) FROM ticket_entries");
  counts.ticket_assets = peek_int (fixture->path, "SELECT count(*) FROM ticket_assets");
  counts.tickets_fts = peek_int (fixture->path, "SELECT count(*) FROM tickets_fts");
  return counts;
}

static void
load_sample (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_sample_data_load_sync (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_object_unref);
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;
  Counts counts;
  guint n_sites = 0;

  load_sample (fixture);

  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (counts.fts, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT status) FROM assets"), ==,
                   STW_N_ASSET_STATUSES);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT category) FROM assets"), ==,
                   STW_N_ASSET_CATEGORIES);
  g_assert_cmpint (counts.people, >=, 10);

  /* Several sites, each with buildings and rooms, and assets in them. */
  locations = stw_location_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (locations, i);

      if (stw_location_get_kind (location) == STW_LOCATION_KIND_SITE)
        n_sites++;
    }
  g_assert_cmpuint (n_sites, >=, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations WHERE kind = 'room'"),
                   >=, n_sites);
  people = stw_person_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, counts.people);

  /* One step, from the sample, that undo names. */
  g_assert_cmpint (counts.batches, ==, 1);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches WHERE origin = 'sample' "
                                            "AND description = 'Load Sample Inventory'"), ==, 1);
  g_assert_cmpint (counts.journal, ==,
                   peek_int (fixture->path, "SELECT count(*) FROM journal WHERE batch = "
                                            "(SELECT id FROM batches)"));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal WHERE op = 'insert'"),
                   ==, counts.assets + counts.locations + counts.people + counts.tickets +
                       counts.ticket_entries + counts.ticket_assets);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Load Sample Inventory");

  /* What a person could have typed: every asset passes the checks. */
  model = make_model (fixture->db);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      gint64 id = stw_asset_query_model_get_id (model, i);

      g_array_append_val (ids, id);
    }
  drop_model (&model);
  g_assert_true (stw_asset_repo_load_many (fixture->db, (gint64 *)(gpointer)ids->data, ids->len,
                                           assets, &error));
  g_assert_cmpuint (g_hash_table_size (assets), ==, STW_SAMPLE_N_ASSETS);
  g_hash_table_iter_init (&iter, assets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StwAsset *asset = value;
      StwAssetField field;

      if (!stw_asset_validate (asset, &field, &error))
        g_error ("%s: %s", stw_asset_get_tag (asset), error->message);

      /* Lost things have no place; deployed laptops have someone. */
      if (stw_asset_get_status (asset) == STW_ASSET_STATUS_LOST)
        g_assert_cmpint (stw_asset_get_location_id (asset), ==, 0);
      else
        g_assert_nonnull (stw_asset_get_location_name (asset));
      if (stw_asset_get_status (asset) == STW_ASSET_STATUS_DEPLOYED &&
          stw_asset_get_category (asset) == STW_ASSET_CATEGORY_LAPTOP)
        g_assert_nonnull (stw_asset_get_person_name (asset));
    }

  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);
}

/* What redo must bring back as it was; the time of the last update is
 * that of the redo. */
#define TICKET_ROWS_SQL \
  "SELECT id, uuid, title, type, status, priority, priority_reason, requester_id, assignee_id, " \
  "queue, category, tags, parent_id, problem_id, rank, created, first_response, resolved, " \
  "closed, due FROM tickets ORDER BY id"
#define ENTRY_ROWS_SQL \
  "SELECT id, ticket_id, kind, author_id, body, minutes, created FROM ticket_entries " \
  "ORDER BY id"

/* The ids @sql lists. */
static GArray *
peek_ids (const char *path,
          const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ids;
}

static gint64
count_status (Fixture         *fixture,
              StwTicketType    type,
              StwTicketStatus  status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tickets WHERE type = '%s' "
                                          "AND status = '%s'", stw_ticket_type_to_key (type),
                                          stw_ticket_status_to_key (status));

  return peek_int (fixture->path, sql);
}

static void
test_tickets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) at_risk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint states[STW_SLA_STATE_MISSED + 1] = { 0 };
  gint64 now;

  load_sample (fixture);
  now = g_get_real_time ();

  /* A service desk's worth, of every type, in every status of its
   * type's lifecycle: each column of each board has cards. */
  g_assert_cmpint (STW_SAMPLE_N_TICKETS, >=, 40);
  g_assert_cmpint (STW_SAMPLE_N_TICKETS, <=, 80);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, STW_SAMPLE_N_TICKETS);
  for (StwTicketType type = 0; type < STW_N_TICKET_TYPES; type++)
    {
      guint n_statuses;
      const StwTicketStatus *statuses = stw_ticket_type_get_statuses (type, &n_statuses);
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM tickets "
                                                    "WHERE type = '%s'",
                                                    stw_ticket_type_to_key (type));

      g_assert_cmpint (peek_int (fixture->path, count_sql), >=, n_statuses);
      for (guint i = 0; i < n_statuses; i++)
        if (count_status (fixture, type, statuses[i]) == 0)
          g_error ("No %s is %s", stw_ticket_type_to_key (type),
                   stw_ticket_status_to_key (statuses[i]));
    }
  g_assert_cmpint (count_status (fixture, STW_TICKET_TYPE_INCIDENT, STW_TICKET_STATUS_NEW), >=, 3);

  /* A problem behind several incidents, a change with its parts. */
  g_assert_cmpint (peek_int (fixture->path,
                             "SELECT max (n) FROM (SELECT count(*) AS n FROM tickets i "
                             "JOIN tickets p ON p.id = i.problem_id WHERE i.type = 'incident' "
                             "AND p.type = 'problem' GROUP BY p.id)"), >=, 3);
  g_assert_cmpint (peek_int (fixture->path,
                             "SELECT max (n) FROM (SELECT count(*) AS n FROM tickets c "
                             "JOIN tickets p ON p.id = c.parent_id WHERE p.type = 'change' "
                             "GROUP BY p.id)"), >=, 2);
  g_assert_cmpint (peek_int (fixture->path,
                             "SELECT count(*) FROM tickets WHERE problem_id IN "
                             "(SELECT id FROM tickets WHERE type <> 'problem')"), ==, 0);

  /* Linked assets, and the three kinds of entries. */
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT ticket_id) "
                                            "FROM ticket_assets"), >=, 10);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT kind) FROM ticket_entries"),
                   ==, STW_N_TICKET_ENTRY_KINDS);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM ticket_entries "
                                            "WHERE kind = 'work' AND minutes > 0"), >=, 5);
  sql = g_strdup_printf ("SELECT count(*) FROM ticket_entries e "
                         "JOIN tickets t ON t.id = e.ticket_id "
                         "WHERE e.created < t.created OR e.created > %" G_GINT64_FORMAT, now);
  g_assert_cmpint (peek_int (fixture->path, sql), ==, 0);

  /* Queues, categories, tags, due times; a priority set by hand, with
   * its reason; everyone who asked is someone of the company, and every
   * ticket past its first step has someone on it. */
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT queue) FROM tickets"), >=, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT category) FROM tickets"),
                   >=, 5);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM tickets WHERE tags IS NULL "
                                            "OR queue IS NULL OR category IS NULL "
                                            "OR requester_id IS NULL"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM tickets "
                                            "WHERE due IS NOT NULL"), >=, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM tickets "
                                            "WHERE priority_reason IS NOT NULL"), >=, 1);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM tickets WHERE assignee_id IS "
                                            "NULL AND status NOT IN ('new', 'requested')"), ==, 0);

  /* A board column is in order of priority, with room between cards. */
  g_assert_cmpint (peek_int (fixture->path,
                             "SELECT count(*) FROM tickets a JOIN tickets b "
                             "ON a.type = b.type AND a.status = b.status AND a.id <> b.id "
                             "WHERE a.rank = b.rank OR (a.priority < b.priority "
                             "AND a.rank > b.rank)"), ==, 0);

  /* Some open tickets are on time, at least one is at risk and one is
   * breached, as a person loading the sample would see them now. */
  ids = peek_ids (fixture->path, "SELECT id FROM tickets ORDER BY id");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->db,
                                                          g_array_index (ids, gint64, i),
                                                          &error);

      g_assert_no_error (error);
      if (!stw_ticket_validate (ticket, &error))
        g_error ("%s: %s", stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), error->message);
      states[stw_ticket_get_sla_state (ticket, now)]++;
    }
  g_assert_cmpuint (states[STW_SLA_STATE_AT_RISK], >=, 1);
  g_assert_cmpuint (states[STW_SLA_STATE_BREACHED], >=, 1);
  g_assert_cmpuint (states[STW_SLA_STATE_PAUSED], >=, 1);
  g_assert_cmpuint (states[STW_SLA_STATE_RUNNING], >, states[STW_SLA_STATE_BREACHED]);
  at_risk = stw_ticket_repo_list_at_risk (fixture->db, 0, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_risk->len, >=, 1);

  /* The tickets are found by their text and by their comments. */
  g_clear_pointer (&ids, g_array_unref);
  ids = stw_ticket_repo_search_ids (fixture->db, "vpn", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 4);
  g_clear_pointer (&ids, g_array_unref);
  ids = stw_ticket_repo_search_ids (fixture->db, "technician", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
}

/*
 * Every ticket went through its lifecycle one allowed move at a time,
 * and its times agree with its history: opened in its type's first
 * status, answered by the time it left it, resolved when it was last
 * done, closed when closed, all before now.
 */
static void
test_ticket_history (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db;
  sqlite3_stmt *tickets = NULL;
  sqlite3_stmt *moves = NULL;
  guint n_tickets = 0, n_moves = 0;
  gint64 now;

  load_sample (fixture);
  now = g_get_real_time ();

  db = peek_open (fixture->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, type, status, created, first_response, "
                                           "resolved, closed, updated FROM tickets",
                                       -1, &tickets, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT op, old, CASE op WHEN 'insert' THEN "
                                           "json_extract (new, '$.status') ELSE new END, time "
                                           "FROM journal WHERE entity = 'ticket' "
                                           "AND entity_id = ? "
                                           "AND (op = 'insert' OR field = 'status') ORDER BY id",
                                       -1, &moves, NULL), ==, SQLITE_OK);

  while (sqlite3_step (tickets) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (tickets, 0);
      gint64 created = sqlite3_column_int64 (tickets, 3);
      gint64 first_response = sqlite3_column_int64 (tickets, 4);
      gint64 left_first = 0, resolved = 0, closed = 0, last = 0;
      StwTicketType type;
      StwTicketStatus stored, status = STW_N_TICKET_STATUSES;

      g_assert_true (stw_ticket_type_from_key ((const char *)sqlite3_column_text (tickets, 1),
                                               &type));
      g_assert_true (stw_ticket_status_from_key ((const char *)sqlite3_column_text (tickets, 2),
                                                 &stored));

      sqlite3_bind_int64 (moves, 1, id);
      while (sqlite3_step (moves) == SQLITE_ROW)
        {
          const char *op = (const char *)sqlite3_column_text (moves, 0);
          gint64 time = sqlite3_column_int64 (moves, 3);
          StwTicketStatus from, to;

          g_assert_true (stw_ticket_status_from_key ((const char *)sqlite3_column_text (moves, 2),
                                                     &to));
          if (status == STW_N_TICKET_STATUSES)
            {
              g_assert_cmpstr (op, ==, "insert");
              g_assert_cmpint (to, ==, stw_ticket_type_initial_status (type));
              g_assert_cmpint (time, ==, created);
            }
          else
            {
              g_assert_cmpstr (op, ==, "update");
              g_assert_true (stw_ticket_status_from_key (
                               (const char *)sqlite3_column_text (moves, 1), &from));
              g_assert_cmpint (from, ==, status);
              if (!stw_ticket_transition_allowed (type, from, to))
                g_error ("Ticket %" G_GINT64_FORMAT " went from %s to %s", id,
                         stw_ticket_status_to_key (from), stw_ticket_status_to_key (to));
              g_assert_cmpint (time, >=, last);

              if (left_first == 0)
                left_first = time;
              if (!stw_ticket_status_is_done (type, to))
                resolved = 0;
              else if (!stw_ticket_status_is_done (type, from))
                resolved = time;
              closed = to == STW_TICKET_STATUS_CLOSED ? time : 0;
              n_moves++;
            }

          status = to;
          last = time;
        }
      sqlite3_reset (moves);

      g_assert_cmpint (status, ==, stored);
      g_assert_cmpint (last, <=, now);
      g_assert_cmpint (sqlite3_column_int64 (tickets, 7), >=, last);
      g_assert_cmpint (sqlite3_column_int64 (tickets, 7), <=, now);
      g_assert_cmpint (sqlite3_column_int64 (tickets, 5), ==, resolved);
      g_assert_cmpint (sqlite3_column_int64 (tickets, 6), ==, closed);

      /* A public comment may have answered it before it moved. */
      if (left_first != 0)
        g_assert_cmpint (first_response, !=, 0);
      if (first_response != 0)
        {
          g_assert_cmpint (first_response, >=, created);
          g_assert_cmpint (first_response, <=, left_first != 0 ? left_first : now);
        }

      n_tickets++;
    }

  sqlite3_finalize (moves);
  sqlite3_finalize (tickets);
  sqlite3_close (db);

  g_assert_cmpuint (n_tickets, ==, STW_SAMPLE_N_TICKETS);
  g_assert_cmpuint (n_moves, >, STW_SAMPLE_N_TICKETS);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tickets_before = NULL;
  g_autofree char *tickets_after = NULL;
  g_autofree char *entries_before = NULL;
  g_autofree char *entries_after = NULL;
  Counts counts, loaded;

  load_sample (fixture);
  loaded = count_all (fixture);
  tickets_before = peek_rows (fixture->path, TICKET_ROWS_SQL);
  entries_before = peek_rows (fixture->path, ENTRY_ROWS_SQL);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, 0);
  g_assert_cmpint (counts.locations, ==, 0);
  g_assert_cmpint (counts.people, ==, 0);
  g_assert_cmpint (counts.fts, ==, 0);
  g_assert_cmpint (counts.tickets, ==, 0);
  g_assert_cmpint (counts.ticket_entries, ==, 0);
  g_assert_cmpint (counts.ticket_assets, ==, 0);
  g_assert_cmpint (counts.tickets_fts, ==, 0);
  g_assert_false (stw_database_get_can_undo (fixture->db));
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Load Sample Inventory");

  g_assert_true (stw_database_redo_sync (fixture->db, &error));
  g_assert_no_error (error);
  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (counts.fts, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (counts.tickets, ==, STW_SAMPLE_N_TICKETS);
  g_assert_cmpint (counts.tickets_fts, ==, STW_SAMPLE_N_TICKETS);
  g_assert_cmpint (counts.ticket_entries, ==, loaded.ticket_entries);
  g_assert_cmpint (counts.ticket_assets, ==, loaded.ticket_assets);

  /* The tickets come back with the times of their made-up past. */
  tickets_after = peek_rows (fixture->path, TICKET_ROWS_SQL);
  entries_after = peek_rows (fixture->path, ENTRY_ROWS_SQL);
  g_assert_cmpstr (tickets_after, ==, tickets_before);
  g_assert_cmpstr (entries_after, ==, entries_before);

  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_load_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tags_before = NULL;
  g_autofree char *tags_after = NULL;
  Counts before, after;
  guint changed = 0;

  load_sample (fixture);
  before = count_all (fixture);
  tags_before = peek_rows (fixture->path, "SELECT id, uuid, tag, name, location_id, person_id "
                                          "FROM assets ORDER BY id");

  g_signal_connect_swapped (fixture->db, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_false (stw_sample_data_load_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
  g_assert_cmpuint (changed, ==, 0);

  after = count_all (fixture);
  g_assert_cmpint (after.assets, ==, before.assets);
  g_assert_cmpint (after.locations, ==, before.locations);
  g_assert_cmpint (after.people, ==, before.people);
  g_assert_cmpint (after.journal, ==, before.journal);
  g_assert_cmpint (after.batches, ==, before.batches);
  g_assert_cmpint (after.fts, ==, before.fts);
  g_assert_cmpint (after.tickets, ==, before.tickets);
  g_assert_cmpint (after.ticket_entries, ==, before.ticket_entries);
  tags_after = peek_rows (fixture->path, "SELECT id, uuid, tag, name, location_id, person_id "
                                         "FROM assets ORDER BY id");
  g_assert_cmpstr (tags_before, ==, tags_after);

  /* The first load is still one step to undo. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Load Sample Inventory");
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
}

static void
test_async_and_repeatable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_tickets = NULL;
  g_autofree char *second_tickets = NULL;
  const char *sql = "SELECT a.tag, a.name, a.serial, a.status, a.purchase_cost, l.name, p.name "
                    "FROM assets a LEFT JOIN locations l ON l.id = a.location_id "
                    "LEFT JOIN people p ON p.id = a.person_id ORDER BY a.tag";
  /* Their times follow the time of loading, the rest does not. */
  const char *tickets_sql = "SELECT t.title, t.type, t.status, t.priority, t.queue, t.rank, "
                            "r.name, a.name, pa.title, pr.title, "
                            "(SELECT group_concat (s.tag) FROM ticket_assets l "
                            " JOIN assets s ON s.id = l.asset_id WHERE l.ticket_id = t.id), "
                            "(SELECT group_concat (e.body, '/') FROM ticket_entries e "
                            " WHERE e.ticket_id = t.id) "
                            "FROM tickets t LEFT JOIN people r ON r.id = t.requester_id "
                            "LEFT JOIN people a ON a.id = t.assignee_id "
                            "LEFT JOIN tickets pa ON pa.id = t.parent_id "
                            "LEFT JOIN tickets pr ON pr.id = t.problem_id ORDER BY t.title";

  stw_sample_data_load_async (fixture->db, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_sample_data_load_finish (fixture->db, result, &error));
  g_assert_no_error (error);

  other = stw_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (stw_sample_data_load_sync (other, &error));
  g_assert_finalize_object (g_steal_pointer (&other));

  /* The same inventory every time. */
  first = peek_rows (fixture->path, sql);
  second = peek_rows (other_path, sql);
  g_assert_cmpstr (first, ==, second);
  first_tickets = peek_rows (fixture->path, tickets_sql);
  second_tickets = peek_rows (other_path, tickets_sql);
  g_assert_cmpstr (first_tickets, ==, second_tickets);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/sample-data/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load);
  ADD ("tickets", test_tickets);
  ADD ("ticket-history", test_ticket_history);
  ADD ("undo", test_undo);
  ADD ("load-twice", test_load_twice);
  ADD ("async-and-repeatable", test_async_and_repeatable);

#undef ADD

  return g_test_run ();
}
