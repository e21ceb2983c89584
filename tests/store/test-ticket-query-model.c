/* test-ticket-query-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-query-model.h"
#include "store/stw-ticket-repo.h"

#define S(name) STW_TICKET_STATUS_##name

static gint64
add_ticket (StwDatabase   *db,
            StwTicketType  type,
            const char    *title,
            StwLevel       impact,
            StwLevel       urgency,
            gint64         assignee,
            const char    *queue)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (type);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  stw_ticket_set_levels (ticket, impact, urgency);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, assignee);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, queue);
  id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

static void
wait_for (StwTicketQueryModel *model)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      while (stw_ticket_query_model_get_loading (model))
        g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_pending (NULL));
}

/* The model's ids, as "1,2,3". */
static char *
ids_of (StwTicketQueryModel *model)
{
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            stw_ticket_query_model_get_id (model, i));
  return g_string_free (text, FALSE);
}

static void
assert_ids (StwTicketQueryModel *model,
            const char          *expected)
{
  g_autofree char *ids = NULL;

  wait_for (model);
  ids = ids_of (model);
  g_assert_cmpstr (ids, ==, expected);
}

typedef struct
{
  guint position, removed, added, count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StwTicketQueryModel) model = NULL;
  g_autoptr(StwTicket) item = NULL;
  gint64 ada = add_person (fixture->db, "Ada Lovelace", "ada@example.org");
  gint64 grace = add_person (fixture->db, "Grace Hopper", "grace@example.org");
  gint64 vpn, printer, laptop, outage;
  g_autofree char *expected = NULL;

  vpn = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "VPN drops in Lyon",
                    STW_LEVEL_HIGH, STW_LEVEL_HIGH, ada, "Network");
  printer = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Printer jams",
                        STW_LEVEL_LOW, STW_LEVEL_LOW, 0, "Service Desk");
  laptop = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "Laptop for a new starter",
                       STW_LEVEL_MEDIUM, STW_LEVEL_MEDIUM, grace, "Workplace");
  outage = add_ticket (fixture->db, STW_TICKET_TYPE_PROBLEM, "Recurring VPN outages",
                       STW_LEVEL_HIGH, STW_LEVEL_MEDIUM, ada, "network");

  /* The queues, once each whatever their case. */
  {
    g_auto(GStrv) queues = stw_ticket_repo_list_queues (fixture->db);
    g_autofree char *joined = g_strjoinv ("|", queues);

    g_assert_cmpstr (joined, ==, "Network|Service Desk|Workplace");
  }

  model = stw_ticket_query_model_new (fixture->db);
  stw_ticket_query_model_set_sort (model, STW_TICKET_SORT_ID, STW_SORT_ASCENDING);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, vpn, printer, laptop, outage);
  assert_ids (model, expected);

  /* Items are read when asked, a page from the row asked for on, and
   * are the stored tickets. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_cmpstr (stw_ticket_get_text (item, STW_TICKET_TEXT_TITLE), ==,
                   "Laptop for a new starter");
  g_assert_cmpstr (stw_ticket_get_text (item, STW_TICKET_TEXT_ASSIGNEE_NAME), ==, "Grace Hopper");
  g_assert_cmpuint (stw_ticket_query_model_get_cache_size (model), ==, 2);

  /* Type, queue (any case), priority. */
  stw_ticket_query_model_set_type (model, STW_TICKET_TYPE_INCIDENT);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, vpn, printer);
  assert_ids (model, expected);
  stw_ticket_query_model_set_type (model, -1);
  stw_ticket_query_model_set_queue (model, "NETWORK");
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, vpn, outage);
  assert_ids (model, expected);
  stw_ticket_query_model_set_queue (model, NULL);
  stw_ticket_query_model_set_priority (model, 1);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, vpn);
  assert_ids (model, expected);
  stw_ticket_query_model_set_priority (model, 0);

  /* Search over titles and comments. */
  g_assert_cmpint (stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_COMMENT,
                                                   0, "Toner replaced, VPN unrelated", 0, NULL),
                   >, 0);
  stw_ticket_query_model_set_search (model, "vpn");
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              vpn, printer, outage);
  assert_ids (model, expected);
  stw_ticket_query_model_set_search (model, "");

  /* Unassigned; mine needs to know who I am. */
  stw_ticket_query_model_set_scope (model, STW_TICKET_SCOPE_UNASSIGNED);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, printer);
  assert_ids (model, expected);
  stw_ticket_query_model_set_scope (model, STW_TICKET_SCOPE_MINE);
  assert_ids (model, "");
  g_assert_true (stw_preferences_repo_set_me_sync (fixture->db, grace, NULL));
  stw_ticket_query_model_refresh (model);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, laptop);
  assert_ids (model, expected);

  /* Sorted by priority, highest first. */
  stw_ticket_query_model_set_scope (model, STW_TICKET_SCOPE_OPEN);
  stw_ticket_query_model_set_sort (model, STW_TICKET_SORT_PRIORITY, STW_SORT_ASCENDING);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, vpn, outage, laptop, printer);
  assert_ids (model, expected);

  /* Done tickets leave the open list, not the full one. */
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, printer, S (ASSIGNED), 0, 0, NULL));
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, printer, S (IN_PROGRESS), 0, 0, NULL));
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, printer, S (RESOLVED), 0, 0, NULL));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              vpn, outage, laptop);
  assert_ids (model, expected);
  stw_ticket_query_model_set_scope (model, STW_TICKET_SCOPE_ALL);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, vpn, outage, laptop, printer);
  assert_ids (model, expected);
}

static void
test_at_risk (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(StwTicketQueryModel) model = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  g_autofree char *expected = NULL;
  StwSlaPolicy policy;
  gint64 id, created;

  stw_sla_policy_init_default (&policy);
  for (int p = 1; p <= 5; p++)
    policy.response[p] = 3600, policy.resolution[p] = 4 * 3600;
  g_assert_true (stw_preferences_repo_save_sla_sync (fixture->db, always, &policy, NULL));

  id = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Mail server slow",
                   STW_LEVEL_MEDIUM, STW_LEVEL_MEDIUM, 0, NULL);
  ticket = stw_ticket_repo_load (fixture->db, id, NULL);
  created = stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED);

  model = stw_ticket_query_model_new (fixture->db);
  stw_ticket_query_model_set_scope (model, STW_TICKET_SCOPE_AT_RISK);
  stw_ticket_query_model_set_now (model, created + 10 * G_USEC_PER_SEC);
  assert_ids (model, "");

  /* At risk after ¾ of the hour, and still listed once breached. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  stw_ticket_query_model_set_now (model, created + (gint64) 2700 * G_USEC_PER_SEC);
  assert_ids (model, expected);
  stw_ticket_query_model_set_now (model, created + (gint64) 9000 * G_USEC_PER_SEC);
  assert_ids (model, expected);
}

static void
test_board_moves (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwTicketQueryModel) new_column = NULL;
  g_autoptr(StwTicketQueryModel) assigned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Change change = { 0, };
  gint64 a, b, c;

  a = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "A", STW_LEVEL_LOW, STW_LEVEL_LOW, 0,
                  NULL);
  b = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "B", STW_LEVEL_LOW, STW_LEVEL_LOW, 0,
                  NULL);
  c = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "C", STW_LEVEL_LOW, STW_LEVEL_LOW, 0,
                  NULL);

  new_column = stw_ticket_query_model_new (fixture->db);
  stw_ticket_query_model_set_type (new_column, STW_TICKET_TYPE_INCIDENT);
  stw_ticket_query_model_set_status (new_column, S (NEW));
  stw_ticket_query_model_set_sort (new_column, STW_TICKET_SORT_RANK, STW_SORT_ASCENDING);
  assigned = stw_ticket_query_model_new (fixture->db);
  stw_ticket_query_model_set_type (assigned, STW_TICKET_TYPE_INCIDENT);
  stw_ticket_query_model_set_status (assigned, S (ASSIGNED));
  stw_ticket_query_model_set_sort (assigned, STW_TICKET_SORT_RANK, STW_SORT_ASCENDING);

  /* New cards went to the end, in order. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              a, b, c);
  assert_ids (new_column, expected);
  assert_ids (assigned, "");

  /* Within the column: C between A and B. The model tells of the rows
   * that changed only. */
  g_signal_connect (new_column, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, c, S (NEW), a, b, &error));
  g_assert_no_error (error);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              a, c, b);
  assert_ids (new_column, expected);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 2);

  /* To the top. */
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, b, S (NEW), 0, a, NULL));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              b, a, c);
  assert_ids (new_column, expected);

  /* Across columns: one row leaves, one arrives. */
  change.count = 0;
  g_assert_true (stw_ticket_repo_move_sync (fixture->db, a, S (ASSIGNED), 0, 0, NULL));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, b, c);
  assert_ids (new_column, expected);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  assert_ids (assigned, expected);

  /* A move the lifecycle refuses changes nothing, and says why. */
  g_assert_false (stw_ticket_repo_move_sync (fixture->db, b, S (CLOSED), 0, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Closed"));
  g_clear_error (&error);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, b, c);
  assert_ids (new_column, expected);

  /* One undo step per move. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Move Ticket");
  g_assert_true (stw_database_undo_sync (fixture->db, NULL));
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              b, a, c);
  assert_ids (new_column, expected);
  assert_ids (assigned, "");

  /* No query may still hold the store when the test ends. */
  wait_for (new_column);
  wait_for (assigned);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/ticket-query-model/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("filters", test_filters);
  ADD ("at-risk", test_at_risk);
  ADD ("board-moves", test_board_moves);

#undef ADD

  return g_test_run ();
}
