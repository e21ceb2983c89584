/* test-ticket-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"

#define S(name) STW_TICKET_STATUS_##name

static StwTicket *
make_ticket (StwTicketType  type,
             const char    *title)
{
  StwTicket *ticket = stw_ticket_new (type);

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  return ticket;
}

static gint64
add_ticket (StwDatabase   *db,
            StwTicketType  type,
            const char    *title)
{
  g_autoptr(StwTicket) ticket = make_ticket (type, title);
  g_autoptr(GError) error = NULL;
  gint64 id = stw_ticket_repo_save_sync (db, ticket, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static StwTicket *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  StwTicket *ticket = stw_ticket_repo_load (fixture->db, id, &error);

  g_assert_no_error (error);
  return ticket;
}

/* Moves ticket @id to @status; returns whether the store took it. */
static gboolean
move (Fixture          *fixture,
      gint64            id,
      StwTicketStatus   status,
      GError          **error)
{
  g_autoptr(StwTicket) ticket = load (fixture, id);

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, status);
  return stw_ticket_repo_save_sync (fixture->db, ticket, error) == id;
}

static gint64
value (Fixture        *fixture,
       gint64          id,
       StwTicketValue  field)
{
  g_autoptr(StwTicket) ticket = load (fixture, id);

  return stw_ticket_get_value (ticket, field);
}

static void
test_create_and_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = make_ticket (STW_TICKET_TYPE_INCIDENT, "  Printer on 3rd floor jams ");
  g_autoptr(StwTicket) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anna = add_person (fixture->db, "Anna Weber", NULL);
  gint64 ben = add_person (fixture->db, "Ben Okafor", NULL);
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, "Every second page.");
  stw_ticket_set_levels (ticket, STW_LEVEL_HIGH, STW_LEVEL_MEDIUM);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID, anna);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, ben);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, "Service Desk");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TAGS, "printer floor-3");

  id = stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID), ==, id);
  g_assert_nonnull (stw_ticket_get_text (ticket, STW_TICKET_TEXT_UUID));
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED), >, 0);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 1);

  loaded = load (fixture, id);
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_TITLE), ==, "Printer on 3rd floor jams");
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_DESCRIPTION), ==, "Every second page.");
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_UUID), ==,
                   stw_ticket_get_text (ticket, STW_TICKET_TEXT_UUID));
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_TYPE), ==, STW_TICKET_TYPE_INCIDENT);
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_STATUS), ==, S (NEW));
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_IMPACT), ==, STW_LEVEL_HIGH);
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_URGENCY), ==, STW_LEVEL_MEDIUM);
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_PRIORITY), ==, 2);
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_REQUESTER_NAME), ==, "Anna Weber");
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_ASSIGNEE_NAME), ==, "Ben Okafor");
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_QUEUE), ==, "Service Desk");
  g_assert_cmpstr (stw_ticket_get_text (loaded, STW_TICKET_TEXT_TAGS), ==, "printer floor-3");
  g_assert_cmpint (stw_ticket_get_value (loaded, STW_TICKET_VALUE_FIRST_RESPONSE), ==, 0);

  g_assert_null (stw_ticket_repo_load (fixture->db, id + 100, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwTicket) untitled = make_ticket (STW_TICKET_TYPE_REQUEST, "   ");
  g_autoptr(StwTicket) overridden = make_ticket (STW_TICKET_TYPE_INCIDENT, "CEO cannot log in");
  g_autoptr(StwTicket) stored = NULL;
  gint64 id;

  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, untitled, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Medium and medium make P3; P1 needs a reason. */
  stw_ticket_set_value (overridden, STW_TICKET_VALUE_PRIORITY, 1);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, overridden, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "P3"));
  g_assert_nonnull (strstr (error->message, "P1"));
  g_clear_error (&error);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 0);

  stw_ticket_set_text (overridden, STW_TICKET_TEXT_PRIORITY_REASON, "Board meeting at 10");
  id = stw_ticket_repo_save_sync (fixture->db, overridden, &error);
  g_assert_no_error (error);
  stored = load (fixture, id);
  g_assert_cmpint (stw_ticket_get_value (stored, STW_TICKET_VALUE_PRIORITY), ==, 1);
  g_assert_cmpstr (stw_ticket_get_text (stored, STW_TICKET_TEXT_PRIORITY_REASON), ==,
                   "Board meeting at 10");

  /* Due before it was opened. */
  stw_ticket_set_value (stored, STW_TICKET_VALUE_DUE,
                        stw_ticket_get_value (stored, STW_TICKET_VALUE_CREATED) - G_USEC_PER_SEC);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, stored, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "due"));
  g_clear_error (&error);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_DUE), ==, 0);

  /* A type never changes. */
  g_clear_object (&stored);
  stored = load (fixture, id);
  stw_ticket_set_value (stored, STW_TICKET_VALUE_TYPE, STW_TICKET_TYPE_PROBLEM);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, stored, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  /* Back to the matrix: the reason goes. */
  g_clear_object (&stored);
  stored = load (fixture, id);
  stw_ticket_set_levels (stored, STW_LEVEL_LOW, STW_LEVEL_LOW);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, stored, &error), ==, id);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_PRIORITY), ==, 5);
  g_clear_object (&stored);
  stored = load (fixture, id);
  g_assert_null (stw_ticket_get_text (stored, STW_TICKET_TEXT_PRIORITY_REASON));
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "VPN drops every hour");

  /* Skipping to closed is refused, with where it can go; nothing changes. */
  g_assert_false (move (fixture, id, S (CLOSED), &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Assigned”"));
  g_clear_error (&error);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_STATUS), ==, S (NEW));

  /* The first move is the first response. */
  g_assert_true (move (fixture, id, S (ASSIGNED), &error));
  g_assert_no_error (error);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_FIRST_RESPONSE), >, 0);

  g_assert_true (move (fixture, id, S (IN_PROGRESS), NULL));
  g_assert_true (move (fixture, id, S (PENDING), NULL));
  g_assert_true (move (fixture, id, S (RESOLVED), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_RESOLVED), >, 0);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_CLOSED), ==, 0);

  /* Reopened: no longer resolved. */
  g_assert_true (move (fixture, id, S (IN_PROGRESS), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_RESOLVED), ==, 0);

  g_assert_true (move (fixture, id, S (RESOLVED), NULL));
  g_assert_true (move (fixture, id, S (CLOSED), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_CLOSED), >, 0);

  /* Closed is the end. */
  g_assert_false (move (fixture, id, S (IN_PROGRESS), &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "last step"));
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) assets = NULL;
  g_autoptr(GArray) tickets = NULL;
  gint64 ticket = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Switch reboots");
  gint64 other = add_ticket (fixture->db, STW_TICKET_TYPE_PROBLEM, "Firmware crashes switches");
  gint64 sw1 = add_simple_asset (fixture->db, "Core switch", "NET-0002");
  gint64 sw2 = add_simple_asset (fixture->db, "Edge switch", "NET-0001");

  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, ticket, sw1, &error));
  g_assert_no_error (error);
  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, ticket, sw2, NULL));
  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, other, sw1, NULL));

  g_assert_false (stw_ticket_repo_link_asset_sync (fixture->db, ticket, sw1, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (stw_ticket_repo_link_asset_sync (fixture->db, ticket, sw1 + 100, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Both ways: a ticket's assets by tag, an asset's tickets newest first. */
  assets = stw_ticket_repo_list_asset_ids (fixture->db, ticket, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assets->len, ==, 2);
  g_assert_cmpint (g_array_index (assets, gint64, 0), ==, sw2);
  g_assert_cmpint (g_array_index (assets, gint64, 1), ==, sw1);
  tickets = stw_ticket_repo_list_for_asset (fixture->db, sw1, &error);
  g_assert_cmpuint (tickets->len, ==, 2);
  g_assert_cmpint (g_array_index (tickets, gint64, 0), ==, other);

  /* An asset tickets refer to is not deleted from under them. */
  {
    gint64 ids[] = { sw1 };

    g_assert_false (stw_asset_repo_delete_sync (fixture->db, ids, 1, &error));
    g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
    g_assert_nonnull (strstr (error->message, "“NET-0002” is linked to 2 tickets"));
    g_clear_error (&error);
    g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 2);
  }

  g_assert_true (stw_ticket_repo_unlink_asset_sync (fixture->db, ticket, sw1, &error));
  g_assert_no_error (error);
  g_assert_false (stw_ticket_repo_unlink_asset_sync (fixture->db, ticket, sw1, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&assets, g_array_unref);
  assets = stw_ticket_repo_list_asset_ids (fixture->db, ticket, NULL);
  g_assert_cmpuint (assets->len, ==, 1);
}

static void
test_entries_and_search (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 anna = add_person (fixture->db, "Anna Weber", NULL);
  gint64 printer = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Printer jams");
  gint64 laptop = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "New laptop for Jörg");
  gint64 entry;

  /* An internal note is no answer to the requester; a comment is. */
  entry = stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_INTERNAL, anna,
                                          "Fuser unit worn out, ordered a spare", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, >, 0);
  g_assert_cmpint (value (fixture, printer, STW_TICKET_VALUE_FIRST_RESPONSE), ==, 0);
  stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_COMMENT, anna,
                                  "We are on it.", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (value (fixture, printer, STW_TICKET_VALUE_FIRST_RESPONSE), >, 0);
  stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_WORK, anna,
                                  "Replaced the fuser", 45, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, printer), ==, 3);

  /* Bad entries: nothing stored. */
  g_assert_cmpint (stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_WORK,
                                                   anna, "Cleaned it", 0, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (stw_ticket_repo_add_entry_sync (fixture->db, printer, STW_TICKET_ENTRY_COMMENT,
                                                   anna, "  \n ", 0, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (stw_ticket_repo_add_entry_sync (fixture->db, printer + 100,
                                                   STW_TICKET_ENTRY_COMMENT, anna, "Hello", 0,
                                                   &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, printer), ==, 3);

  /* By the ticket's own text, by a comment, without accents. */
  found = stw_ticket_repo_search_ids (fixture->db, "jams", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, printer);
  g_clear_pointer (&found, g_array_unref);

  found = stw_ticket_repo_search_ids (fixture->db, "fuser", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, printer);
  g_clear_pointer (&found, g_array_unref);

  found = stw_ticket_repo_search_ids (fixture->db, "jorg", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, laptop);
  g_clear_pointer (&found, g_array_unref);

  found = stw_ticket_repo_search_ids (fixture->db, "\"--", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* The author of a ticket's entries stays while the ticket does. */
  g_assert_false (stw_person_repo_delete_sync (fixture->db, anna, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Anna Weber is named on 1 ticket"));
  g_clear_error (&error);
  {
    g_autoptr(StwPerson) kept = stw_person_repo_load (fixture->db, anna, NULL);

    g_assert_nonnull (kept);
  }
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GArray) assets = NULL;
  gint64 id = add_ticket (fixture->db, STW_TICKET_TYPE_CHANGE, "Upgrade the mail server");
  gint64 server = add_simple_asset (fixture->db, "Mail server", "SRV-0001");

  /* An edit and its undo. */
  ticket = load (fixture, id);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Upgrade both mail servers");
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, id);
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&ticket);
  ticket = load (fixture, id);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), ==, "Upgrade the mail server");

  /* A deleted ticket comes back whole. */
  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, id, server, NULL));
  stw_ticket_repo_add_entry_sync (fixture->db, id, STW_TICKET_ENTRY_COMMENT, 0, "Planned for Sunday",
                                  0, &error);
  g_assert_no_error (error);
  g_assert_true (stw_ticket_repo_delete_sync (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 0);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, id), ==, 0);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 1);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, id), ==, 1);
  assets = stw_ticket_repo_list_asset_ids (fixture->db, id, NULL);
  g_assert_cmpuint (assets->len, ==, 1);

  /* Redo deletes it again. */
  g_assert_true (stw_database_redo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 0);

  g_assert_false (stw_ticket_repo_delete_sync (fixture->db, id, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
test_pauses (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pauses = NULL;
  gint64 id = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Laptop screen flickers");
  StwSlaPause *first, *second;

  pauses = stw_ticket_repo_list_pauses (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pauses->len, ==, 0);
  g_clear_pointer (&pauses, g_array_unref);

  /* Waits on the requester, works again, waits again. */
  g_assert_true (move (fixture, id, S (IN_PROGRESS), NULL));
  g_assert_true (move (fixture, id, S (PENDING), NULL));
  g_assert_true (move (fixture, id, S (IN_PROGRESS), NULL));
  g_assert_true (move (fixture, id, S (PENDING), NULL));

  pauses = stw_ticket_repo_list_pauses (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pauses->len, ==, 2);
  first = &g_array_index (pauses, StwSlaPause, 0);
  second = &g_array_index (pauses, StwSlaPause, 1);
  g_assert_nonnull (first->end);
  g_assert_cmpint (g_date_time_compare (first->start, first->end), <=, 0);
  g_assert_cmpint (g_date_time_compare (first->end, second->start), <=, 0);
  g_assert_null (second->end);
  g_clear_pointer (&pauses, g_array_unref);

  /* Undoing the last wait ends it. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  pauses = stw_ticket_repo_list_pauses (fixture->db, id, &error);
  g_assert_cmpuint (pauses->len, ==, 2);
  g_assert_nonnull (g_array_index (pauses, StwSlaPause, 1).end);
}

static void
test_related (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  gint64 problem, incident, request, change, task, subtask;

  problem = add_ticket (fixture->db, STW_TICKET_TYPE_PROBLEM, "VPN keeps dropping");
  incident = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "VPN dropped in Lyon");
  request = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "VPN access for a contractor");
  change = add_ticket (fixture->db, STW_TICKET_TYPE_CHANGE, "Replace the VPN gateway");
  task = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "Order the new gateway");
  subtask = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "Rack the new gateway");

  /* An incident to its problem. */
  ticket = load (fixture, incident);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, problem);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, incident);
  g_assert_no_error (error);
  ids = stw_ticket_repo_list_incidents (fixture->db, problem, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, incident);
  g_clear_pointer (&ids, g_array_unref);

  /* Not to a request, not from a request, not to a ticket that is gone. */
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, request);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a problem"));
  g_clear_error (&error);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, problem + 1000);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&ticket);
  ticket = load (fixture, request);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, problem);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&ticket);

  /* Parents and children, two levels deep. */
  ticket = load (fixture, task);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID, change);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, NULL), ==, task);
  g_clear_object (&ticket);
  ticket = load (fixture, subtask);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID, task);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, NULL), ==, subtask);
  g_clear_object (&ticket);
  ids = stw_ticket_repo_list_children (fixture->db, change, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, task);
  g_clear_pointer (&ids, g_array_unref);

  /* A loop is refused and changes nothing. */
  ticket = load (fixture, change);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID, subtask);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, 0);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "part of this ticket"));
  g_clear_error (&error);
  g_assert_cmpint (value (fixture, change, STW_TICKET_VALUE_PARENT_ID), ==, 0);
}

/* Every second counts, with short targets: the times are exact. */
static void
use_round_the_clock (Fixture *fixture,
                     gint64   response,
                     gint64   resolution)
{
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(GError) error = NULL;
  StwSlaPolicy policy;

  stw_sla_policy_init_default (&policy);
  for (int p = 1; p <= 5; p++)
    {
      policy.response[p] = response;
      policy.resolution[p] = resolution;
    }
  g_assert_true (stw_preferences_repo_save_sla_sync (fixture->db, always, &policy, &error));
  g_assert_no_error (error);
}

static void
test_sla_times (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = NULL;
  gint64 id, created;
  const gint64 hour = G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;

  use_round_the_clock (fixture, 3600, 4 * 3600);
  id = add_ticket (fixture->db, STW_TICKET_TYPE_INCIDENT, "Printer on floor 2 jams");
  created = value (fixture, id, STW_TICKET_VALUE_CREATED);

  /* Unanswered: the response is due first, at risk after ¾ of it. */
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), ==, created + hour);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_RISK), ==, created + hour * 3 / 4);

  ticket = load (fixture, id);
  g_assert_cmpint (stw_ticket_get_sla_state (ticket, created), ==, STW_SLA_STATE_RUNNING);
  g_assert_cmpint (stw_ticket_get_sla_state (ticket, created + hour * 3 / 4), ==,
                   STW_SLA_STATE_AT_RISK);
  g_assert_cmpint (stw_ticket_get_sla_state (ticket, created + hour), ==, STW_SLA_STATE_BREACHED);

  /* In words too, never by colour alone. */
  {
    g_autofree char *running = stw_ticket_describe_sla (ticket, created, NULL);
    g_autofree char *risk = stw_ticket_describe_sla (ticket, created + hour * 3 / 4, NULL);
    g_autofree char *late = stw_ticket_describe_sla (ticket, created + 75 * hour, NULL);

    g_assert_cmpstr (running, ==, "On Time · 1 h 00 min left");
    g_assert_cmpstr (risk, ==, "At Risk · 15 min left");
    g_assert_cmpstr (late, ==, "Breached · 3 d 2 h ago");
  }
  g_clear_object (&ticket);

  /* Reminders: only assigned tickets, between risk and breach. */
  {
    g_autoptr(GArray) ids = NULL;
    gint64 person = add_person (fixture->db, "Grace Hopper", "grace@example.org");

    ids = stw_ticket_repo_list_at_risk (fixture->db, 0, created + hour * 3 / 4, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);

    ticket = load (fixture, id);
    stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, person);
    g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, NULL), ==, id);
    g_clear_object (&ticket);

    ids = stw_ticket_repo_list_at_risk (fixture->db, 0, created + hour * 3 / 4, NULL);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
    g_clear_pointer (&ids, g_array_unref);
    ids = stw_ticket_repo_list_at_risk (fixture->db, person, created + hour / 2, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    ids = stw_ticket_repo_list_at_risk (fixture->db, person, created + hour, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    ids = stw_ticket_repo_list_at_risk (fixture->db, person + 1, created + hour * 3 / 4, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* Answered: only the resolution runs. */
  g_assert_true (move (fixture, id, S (IN_PROGRESS), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), ==, created + 4 * hour);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_RISK), ==, created + 3 * hour);

  /* Waiting with time left stops the clock: no due time. */
  g_assert_true (move (fixture, id, S (PENDING), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), ==, 0);
  ticket = load (fixture, id);
  g_assert_cmpint (stw_ticket_get_sla_state (ticket, created + 10 * hour), ==,
                   STW_SLA_STATE_PAUSED);
  g_clear_object (&ticket);

  /* Undo brings the running clock back. */
  g_assert_true (stw_database_undo_sync (fixture->db, NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), >=, created + 4 * hour);

  /* Resolved: nothing runs. */
  g_assert_true (move (fixture, id, S (RESOLVED), NULL));
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), ==, 0);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_RISK), ==, 0);
  ticket = load (fixture, id);
  g_assert_cmpint (stw_ticket_get_sla_state (ticket, created + 10 * hour), ==, STW_SLA_STATE_MET);
}

static void
test_sla_settings (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(StwSlaCalendar) empty = NULL;
  g_autoptr(StwSlaCalendar) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StwSlaPolicy policy, read;
  gint64 id, created, person;

  /* Office hours by default. */
  calendar = stw_preferences_repo_load_sla (fixture->db, &policy);
  g_assert_false (stw_sla_calendar_is_always (calendar));
  g_assert_true (stw_sla_calendar_get_hours (calendar, G_DATE_MONDAY, NULL, NULL));
  g_assert_false (stw_sla_calendar_get_hours (calendar, G_DATE_SUNDAY, NULL, NULL));
  before = stw_sla_calendar_to_string (calendar);

  id = add_ticket (fixture->db, STW_TICKET_TYPE_REQUEST, "New starter needs a laptop");
  created = value (fixture, id, STW_TICKET_VALUE_CREATED);

  /* A calendar with no working hours is refused; nothing changes. */
  empty = stw_sla_calendar_new (NULL);
  g_assert_false (stw_preferences_repo_save_sla_sync (fixture->db, empty, &policy, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&loaded, stw_sla_calendar_unref);
  loaded = stw_preferences_repo_load_sla (fixture->db, &read);
  after = stw_sla_calendar_to_string (loaded);
  g_assert_cmpstr (before, ==, after);

  /* A new policy measures the open tickets again, without an undo step. */
  use_round_the_clock (fixture, 60, 120);
  g_assert_cmpint (value (fixture, id, STW_TICKET_VALUE_SLA_DUE), ==,
                   created + 60 * G_USEC_PER_SEC);
  g_clear_pointer (&loaded, stw_sla_calendar_unref);
  loaded = stw_preferences_repo_load_sla (fixture->db, &read);
  g_assert_true (stw_sla_calendar_is_always (loaded));
  g_assert_cmpint (read.response[1], ==, 60);
  g_assert_cmpint (read.resolution[5], ==, 120);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "New Ticket");

  /* Who I am. */
  g_assert_cmpint (stw_preferences_repo_get_me (fixture->db), ==, 0);
  person = add_person (fixture->db, "Ada Lovelace", "ada@example.org");
  g_assert_true (stw_preferences_repo_set_me_sync (fixture->db, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_preferences_repo_get_me (fixture->db), ==, person);
  g_assert_false (stw_preferences_repo_set_me_sync (fixture->db, person + 100, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_assert_cmpint (stw_preferences_repo_get_me (fixture->db), ==, person);
  g_assert_true (stw_preferences_repo_set_me_sync (fixture->db, 0, NULL));
  g_assert_cmpint (stw_preferences_repo_get_me (fixture->db), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/ticket-repo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-load", test_create_and_load);
  ADD ("bad-input", test_bad_input);
  ADD ("lifecycle", test_lifecycle);
  ADD ("links", test_links);
  ADD ("entries-and-search", test_entries_and_search);
  ADD ("undo", test_undo);
  ADD ("pauses", test_pauses);
  ADD ("sla-times", test_sla_times);
  ADD ("related", test_related);
  ADD ("sla-settings", test_sla_settings);

#undef ADD

  return g_test_run ();
}
