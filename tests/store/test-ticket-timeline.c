/* test-ticket-timeline.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-ticket-repo.h"
#include "store/stw-ticket-timeline.h"

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

static void
save (Fixture   *fixture,
      StwTicket *ticket)
{
  g_autoptr(GError) error = NULL;

  stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
}

static gint64
add_entry (Fixture            *fixture,
           gint64              ticket_id,
           StwTicketEntryKind  kind,
           gint64              author_id,
           const char         *body,
           int                 minutes)
{
  g_autoptr(GError) error = NULL;
  gint64 id = stw_ticket_repo_add_entry_sync (fixture->db, ticket_id, kind, author_id, body,
                                              minutes, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GListModel *
timeline (Fixture *fixture,
          gint64   ticket_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *items = stw_ticket_timeline_list (fixture->db, ticket_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* One line per item, for comparing whole timelines:
 * "kind|author|text-or-change|minutes". */
static char *
describe (GListModel *items)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char * const kinds[] = {
    "comment", "internal", "work", "change", "linked", "unlinked",
  };

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwTimelineItem) item = g_list_model_get_item (items, i);
      StwChange *change = stw_timeline_item_get_change (item);

      g_string_append_printf (out, "%s|%s|", kinds[stw_timeline_item_get_kind (item)],
                              stw_timeline_item_get_author (item) ?: "");
      if (change == NULL)
        g_string_append (out, stw_timeline_item_get_text (item));
      else if (stw_change_get_kind (change) == STW_CHANGE_CREATED)
        g_string_append (out, "created");
      else
        g_string_append_printf (out, "%s: %s -> %s", stw_change_get_field (change),
                                stw_change_get_old_value (change) ?: "-",
                                stw_change_get_new_value (change) ?: "-");
      g_string_append_printf (out, "|%d\n", stw_timeline_item_get_minutes (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */

static void
test_merged (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 anna = add_person (fixture->db, "Anna Weber", NULL);
  gint64 ben = add_person (fixture->db, "Ben Okafor", NULL);
  gint64 laptop = add_simple_asset (fixture->db, "Laptop Anna", "LT-0042");
  gint64 id = add_ticket (fixture->db, "Laptop does not boot");
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *me = g_get_real_name ();

  add_entry (fixture, id, STW_TICKET_ENTRY_COMMENT, anna, "We are looking into it.", 0);

  ticket = load (fixture, id);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_IN_PROGRESS);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, ben);
  save (fixture, ticket);

  add_entry (fixture, id, STW_TICKET_ENTRY_INTERNAL, ben, "Probably the SSD.", 0);
  add_entry (fixture, id, STW_TICKET_ENTRY_WORK, ben, "Swapped the SSD.", 45);

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY, 1);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, "The CEO's laptop");
  save (fixture, ticket);

  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, id, laptop, &error));
  g_assert_no_error (error);
  g_assert_true (stw_ticket_repo_unlink_asset_sync (fixture->db, id, laptop, &error));
  g_assert_no_error (error);

  /* Oldest first; the first response the comment set is not a line of
   * its own, nor is the time the status stamped. */
  items = timeline (fixture, id);
  text = describe (items);
  expected = g_strdup_printf ("change|%1$s|created|0\n"
                              "comment|Anna Weber|We are looking into it.|0\n"
                              "change|%1$s|Status: New -> In Progress|0\n"
                              "change|%1$s|Assignee: - -> Ben Okafor|0\n"
                              "internal|Ben Okafor|Probably the SSD.|0\n"
                              "work|Ben Okafor|Swapped the SSD.|45\n"
                              "change|%1$s|Priority: P3 – Medium -> P1 – Critical|0\n"
                              "change|%1$s|Priority Reason: - -> The CEO's laptop|0\n"
                              "linked|%1$s|LT-0042 · Laptop Anna|0\n"
                              "unlinked|%1$s|LT-0042 · Laptop Anna|0\n",
                              me);
  g_assert_cmpstr (text, ==, expected);

  /* In time order, each item no earlier than the one before. */
  for (guint i = 1; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwTimelineItem) before = g_list_model_get_item (items, i - 1);
      g_autoptr(StwTimelineItem) after = g_list_model_get_item (items, i);

      g_assert_cmpint (g_date_time_compare (stw_timeline_item_get_time (before),
                                            stw_timeline_item_get_time (after)), <=, 0);
    }
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = add_ticket (fixture->db, "Printer jams");
  g_autoptr(GDateTime) due = g_date_time_new_local (2030, 5, 17, 16, 30, 0);
  g_autoptr(StwTicket) ticket = load (fixture, id);
  g_autoptr(GListModel) items = NULL;
  g_autofree char *text = NULL;

  stw_ticket_set_levels (ticket, STW_LEVEL_HIGH, STW_LEVEL_MEDIUM);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, g_date_time_to_unix (due) * G_USEC_PER_SEC);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, "Service Desk");
  save (fixture, ticket);

  /* Ticket statuses, levels and times read as in the detail, not as
   * the keys the store keeps (an asset's status labels would not do). */
  items = timeline (fixture, id);
  text = describe (items);
  g_assert_nonnull (strstr (text, "Impact: Medium -> High"));
  g_assert_nonnull (strstr (text, "Priority: P3 – Medium -> P2 – High"));
  g_assert_nonnull (strstr (text, "Due: - -> 17 May 2030, 16:30"));
  g_assert_nonnull (strstr (text, "Queue: - -> Service Desk"));
  g_assert_null (strstr (text, "Urgency"));
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = add_ticket (fixture->db, "VPN drops");
  gint64 phone = add_simple_asset (fixture->db, "Phone", "PH-0001");
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  add_entry (fixture, id, STW_TICKET_ENTRY_COMMENT, 0, "Which network?", 0);
  before = timeline (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);

  /* An undone comment is no longer on the ticket. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  after = timeline (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);

  /* An undone link is an unlink, made by undo. */
  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, id, phone, &error));
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = timeline (fixture, id);
  text = describe (after);
  g_assert_nonnull (strstr (text, "\nlinked|"));
  g_assert_nonnull (strstr (text, "\nunlinked|"));

  {
    g_autoptr(StwTimelineItem) last = g_list_model_get_item (after, 2);

    g_assert_cmpint (stw_timeline_item_get_kind (last), ==, STW_TIMELINE_UNLINKED);
    g_assert_cmpint (stw_timeline_item_get_origin (last), ==, STW_ORIGIN_UNDO);
    g_assert_cmpint (stw_timeline_item_get_id (last), ==, phone);
  }
}

static void
test_total_minutes (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = add_ticket (fixture->db, "Onboarding Carla");
  gint64 other = add_ticket (fixture->db, "Other");

  g_assert_cmpint (stw_ticket_timeline_total_minutes (fixture->db, id), ==, 0);

  add_entry (fixture, id, STW_TICKET_ENTRY_WORK, 0, "Set up the laptop", 90);
  add_entry (fixture, id, STW_TICKET_ENTRY_WORK, 0, "Accounts", 25);
  add_entry (fixture, id, STW_TICKET_ENTRY_COMMENT, 0, "Done soon", 0);
  add_entry (fixture, other, STW_TICKET_ENTRY_WORK, 0, "Elsewhere", 600);

  g_assert_cmpint (stw_ticket_timeline_total_minutes (fixture->db, id), ==, 115);
  g_assert_cmpint (stw_ticket_timeline_total_minutes (fixture->db, other), ==, 600);
}

static void
test_link_many (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 id = add_ticket (fixture->db, "Meeting room kit");
  gint64 a = add_simple_asset (fixture->db, "Projector", "PR-0001");
  gint64 b = add_simple_asset (fixture->db, "Speaker", "SP-0001");
  gint64 c = add_simple_asset (fixture->db, "Camera", "CA-0001");
  gint64 gone = c + 100;
  gint64 ids[] = { a, b, c, gone };
  g_autoptr(GArray) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batches = NULL;
  gint64 n_batches;
  guint n = 99;

  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->db, id, b, &error));
  n_batches = peek_int (fixture->path, "SELECT count(*) FROM batches");

  /* The one linked already and the one that does not exist are left out. */
  g_assert_true (stw_ticket_repo_link_assets_sync (fixture->db, id, ids, G_N_ELEMENTS (ids), &n,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  linked = stw_ticket_repo_list_asset_ids (fixture->db, id, &error);
  g_assert_cmpuint (linked->len, ==, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, n_batches + 1);

  /* One write, one undo. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_clear_pointer (&linked, g_array_unref);
  linked = stw_ticket_repo_list_asset_ids (fixture->db, id, &error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (g_array_index (linked, gint64, 0), ==, b);

  /* Nothing new to link: no step on the undo stack. */
  n_batches = peek_int (fixture->path, "SELECT count(*) FROM batches");
  g_assert_true (stw_ticket_repo_link_assets_sync (fixture->db, id, &b, 1, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, n_batches);

  g_assert_false (stw_ticket_repo_link_assets_sync (fixture->db, id + 100, ids, 2, &n, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
test_find_assets (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 thinkpad = add_simple_asset (fixture->db, "ThinkPad Anna", "LT-0001");
  gint64 tagged = add_simple_asset (fixture->db, "Dock", "thinkpad");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  add_simple_asset (fixture->db, "Monitor", "MO-0001");

  /* A tag typed in full comes first, then the words' matches. */
  ids = stw_asset_repo_find_ids (fixture->db, " ThinkPad ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, tagged);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, thinkpad);

  g_clear_pointer (&ids, g_array_unref);
  ids = stw_asset_repo_find_ids (fixture->db, "anna think", 10, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, thinkpad);

  g_clear_pointer (&ids, g_array_unref);
  ids = stw_asset_repo_find_ids (fixture->db, "thinkpad", 1, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  g_clear_pointer (&ids, g_array_unref);
  ids = stw_asset_repo_find_ids (fixture->db, "  ", 10, &error);
  g_assert_cmpuint (ids->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/ticket-timeline/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("merged", test_merged);
  ADD ("labels", test_labels);
  ADD ("undo", test_undo);
  ADD ("total-minutes", test_total_minutes);
  ADD ("link-many", test_link_many);
  ADD ("find-assets", test_find_assets);

#undef ADD

  return g_test_run ();
}
