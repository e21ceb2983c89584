/* test-run.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync engine's logic against a server in memory (stw-fake-backend.c):
 * pulls, pushes, merges, conflicts, lost answers, failures half-way and
 * deletions. The real RT is exercised by the integration suite. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"
#include "stw-fake-backend.h"
#include "sync/stw-sync-engine.h"
#include "sync/stw-sync-merge.h"

typedef struct
{
  char           *dir;
  StwDatabase    *db;
  StwAccount     *account;
  StwFakeBackend *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("steward-sync-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "steward.db", NULL);
  fixture->db = stw_database_open (path, &error);
  g_assert_no_error (error);

  fixture->account = stw_account_new ();
  stw_account_set_name (fixture->account, "Helpdesk");
  stw_account_set_url (fixture->account, "https://rt.example.invalid");
  g_assert_true (stw_account_repo_save_sync (fixture->db, fixture->account, &error));
  g_assert_no_error (error);

  fixture->server = stw_fake_backend_new ();
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->account);
  g_assert_finalize_object (fixture->db);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static StwSyncStats
sync_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StwSyncStats stats;

  g_assert_true (stw_sync_run (fixture->db, fixture->account, STW_SYNC_BACKEND (fixture->server),
                               NULL, NULL, &stats, NULL, &error));
  g_assert_no_error (error);
  return stats;
}

static void
sync_fails (Fixture *fixture,
            int      code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (stw_sync_run (fixture->db, fixture->account,
                                STW_SYNC_BACKEND (fixture->server), NULL, NULL, NULL, NULL,
                                &error));
  g_assert_error (error, STW_SYNC_ERROR, code);
}

static gint64
local_id_of (Fixture    *fixture,
             const char *title)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 found = 0;

  ids = stw_ticket_repo_search_ids (fixture->db, title, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->db, id, NULL);

      if (ticket != NULL && g_strcmp0 (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), title) == 0)
        {
          g_assert_cmpint (found, ==, 0);   /* never twice */
          found = id;
        }
    }
  return found;
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
set_title (Fixture    *fixture,
           gint64      id,
           const char *title)
{
  g_autoptr(StwTicket) ticket = load (fixture, id);
  g_autoptr(GError) error = NULL;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, id);
  g_assert_no_error (error);
}

static void
set_status (Fixture         *fixture,
            gint64           id,
            StwTicketStatus  status)
{
  g_autoptr(StwTicket) ticket = load (fixture, id);
  g_autoptr(GError) error = NULL;

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, status);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), ==, id);
  g_assert_no_error (error);
}

static gint64
new_local_ticket (Fixture    *fixture,
                  const char *title,
                  const char *queue)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, queue);
  id = stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
title_of (Fixture *fixture,
          gint64   id,
          char   **out)
{
  g_autoptr(StwTicket) ticket = load (fixture, id);

  *out = g_strdup (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
  return *out;
}

/* ------------------------------------------------------------------------ */

static void
test_first_and_incremental_pull (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  StwSyncStats stats;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Server ticket %u", i);
      g_autofree char *made = stw_fake_backend_add_ticket (fixture->server, subject, "new", "General");
    }
  id = stw_fake_backend_add_ticket (fixture->server, "Mail is slow", "open", "General");
  stw_fake_backend_add_entry (fixture->server, id, "Correspond", "Looking into it");

  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pulled, ==, 6);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 6);
  ticket = load (fixture, local_id_of (fixture, "Mail is slow"));
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS), ==,
                   STW_TICKET_STATUS_ASSIGNED);
  g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_QUEUE), ==, "General");
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db,
                                                   local_id_of (fixture, "Mail is slow")), ==, 1);

  /* Nothing new: nothing read, nothing sent. */
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pulled, ==, 0);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stats.created, ==, 0);

  /* One change there comes here, and only that one. */
  stw_fake_backend_edit (fixture->server, id, "Subject", "Mail is slow again");
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pulled, ==, 1);
  g_assert_cmpint (local_id_of (fixture, "Mail is slow again"), >, 0);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 6);
  g_assert_cmpuint (stw_fake_backend_get_updates (fixture->server), ==, 0);
  (void)title;
}

static void
test_offline_edits_pushed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "VPN down", "new", "General");
  gint64 local_id;
  StwSyncStats stats;

  sync_ok (fixture);
  local_id = local_id_of (fixture, "VPN down");

  /* Edited with no network: the run fails and keeps the edit. */
  set_title (fixture, local_id, "VPN down in Leeds");
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_OFFLINE, 0);
  sync_fails (fixture, STW_SYNC_ERROR_CONNECTION_REFUSED);
  g_assert_cmpint (local_id_of (fixture, "VPN down in Leeds"), ==, local_id);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "VPN down");

  /* Back online: it reaches the server, once. */
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_NONE, 0);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "VPN down in Leeds");
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stw_fake_backend_get_updates (fixture->server), ==, 1);

  /* A status step within RT's "open" is nothing to send. */
  set_status (fixture, local_id, STW_TICKET_STATUS_ASSIGNED);
  sync_ok (fixture);
  set_status (fixture, local_id, STW_TICKET_STATUS_IN_PROGRESS);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Status"), ==, "open");
  {
    g_autoptr(StwTicket) ticket = load (fixture, local_id);

    g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS), ==,
                     STW_TICKET_STATUS_IN_PROGRESS);
  }
}

static void
test_lossy_values_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Fan noise", "new", "General");
  gint64 local_id;

  /* 42 there reads as P3 here, which would go back as 50. */
  stw_fake_backend_edit_int (fixture->server, id, "Priority", 42);
  sync_ok (fixture);
  local_id = local_id_of (fixture, "Fan noise");
  {
    g_autoptr(StwTicket) ticket = load (fixture, local_id);

    g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_PRIORITY), ==, 3);
  }

  /* An edit of another field sends that field only. */
  set_title (fixture, local_id, "Fan noise in rack 3");
  sync_ok (fixture);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Fan noise in rack 3");
  g_assert_cmpint (stw_fake_backend_get_int (fixture->server, id, "Priority"), ==, 42);

  /* A change there to another value that reads the same here is no
   * conflict with an edit here of another field. */
  stw_fake_backend_edit_int (fixture->server, id, "Priority", 55);
  set_title (fixture, local_id, "Fan noise in rack 4");
  sync_ok (fixture);
  g_assert_cmpuint (stw_sync_conflict_count (fixture->db), ==, 0);
  g_assert_cmpint (stw_fake_backend_get_int (fixture->server, id, "Priority"), ==, 55);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Fan noise in rack 4");

  /* A real change here is sent. */
  {
    g_autoptr(StwTicket) ticket = load (fixture, local_id);
    g_autoptr(GError) error = NULL;

    stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY, 1);
    stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, "Rack overheats");
    stw_ticket_repo_save_sync (fixture->db, ticket, &error);
    g_assert_no_error (error);
  }
  sync_ok (fixture);
  g_assert_cmpint (stw_fake_backend_get_int (fixture->server, id, "Priority"), ==, 100);
}

static void
test_opened_long_ago (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Overdue", "open", "General");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) opened = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, -1);
  g_autofree char *opened_text = g_date_time_format (opened, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(StwTicket) ticket = NULL;
  StwSyncStats stats;

  /* Due before now, which a ticket opened here now could not be. */
  stw_fake_backend_edit (fixture->server, id, "Created", opened_text);
  stw_fake_backend_edit (fixture->server, id, "Due", due_text);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.refused, ==, 0);

  ticket = load (fixture, local_id_of (fixture, "Overdue"));
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED), ==,
                   g_date_time_to_unix (opened) * G_USEC_PER_SEC);
  g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_DUE), ==,
                   g_date_time_to_unix (due) * G_USEC_PER_SEC);
}

static void
test_local_create (Fixture       *fixture,
                   gconstpointer  data)
{
  StwSyncStats stats;

  new_local_ticket (fixture, "New laptop for Ana", "General");
  new_local_ticket (fixture, "Kept here", "Not on the server");

  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.created, ==, 1);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "New laptop for Ana"), ==, 1);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "Kept here"), ==, 0);

  /* The next runs see it as synced, not as new. */
  stats = sync_ok (fixture);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.created, ==, 0);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "New laptop for Ana"), ==, 1);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 2);
}

static void
test_lost_create_answer (Fixture       *fixture,
                         gconstpointer  data)
{
  StwSyncStats stats;

  new_local_ticket (fixture, "Printer toner", "General");
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_LOSE_CREATE, 0);
  sync_fails (fixture, STW_SYNC_ERROR_TIMED_OUT);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "Printer toner"), ==, 1);

  /* The retry finds what the lost create made instead of making another;
   * the pull may meet it first and must not copy it either. */
  stats = sync_ok (fixture);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "Printer toner"), ==, 1);
  g_assert_cmpuint (stw_fake_backend_get_creates (fixture->server), ==, 1);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 1);
  (void)stats;
  sync_ok (fixture);
  g_assert_cmpuint (stw_fake_backend_count (fixture->server), ==, 1);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 1);
}

static void
test_merge_different_fields (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Disk full", "new", "General");
  g_autofree char *title = NULL;
  gint64 local_id;
  StwSyncStats stats;

  sync_ok (fixture);
  local_id = local_id_of (fixture, "Disk full");

  set_title (fixture, local_id, "Disk full on fs01");
  stw_fake_backend_edit (fixture->server, id, "Status", "stalled");
  stw_fake_backend_edit (fixture->server, id, "Status", "pending");

  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.merged, ==, 1);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpstr (title_of (fixture, local_id, &title), ==, "Disk full on fs01");
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Disk full on fs01");
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Status"), ==, "pending");
  {
    g_autoptr(StwTicket) ticket = load (fixture, local_id);

    g_assert_cmpint (stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS), ==,
                     STW_TICKET_STATUS_PENDING);
  }
}

static StwSyncConflict *
only_conflict (Fixture *fixture,
               gint64   local_id)
{
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  conflicts = stw_sync_conflict_list (fixture->db, STW_SYNC_TICKET, local_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  return g_list_model_get_item (conflicts, 0);
}

static void
test_conflict_kept_until_chosen (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Wi-Fi", "new", "General");
  g_autoptr(StwSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 local_id;
  StwSyncStats stats;

  sync_ok (fixture);
  local_id = local_id_of (fixture, "Wi-Fi");

  set_title (fixture, local_id, "Wi-Fi drops in room 4");
  stw_fake_backend_edit (fixture->server, id, "Subject", "Wi-Fi slow");

  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  conflict = only_conflict (fixture, local_id);
  g_assert_cmpstr (stw_sync_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (stw_sync_conflict_get_mine (conflict), ==, "\"Wi-Fi drops in room 4\"");
  g_assert_cmpstr (stw_sync_conflict_get_theirs (conflict), ==, "\"Wi-Fi slow\"");
  g_assert_cmpstr (stw_sync_conflict_get_base (conflict), ==, "\"Wi-Fi\"");
  g_assert_cmpuint (stw_sync_conflict_count (fixture->db), ==, 1);

  /* Neither value is lost, and neither side wins by itself. */
  stats = sync_ok (fixture);
  g_assert_cmpstr (title_of (fixture, local_id, &title), ==, "Wi-Fi drops in room 4");
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Wi-Fi slow");
  g_assert_cmpuint (stw_fake_backend_get_updates (fixture->server), ==, 0);

  /* Mine: it goes to the server. */
  g_assert_true (stw_sync_conflict_resolve_sync (fixture->db, stw_sync_conflict_get_id (conflict),
                                                 STW_SYNC_KEEP_MINE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stw_sync_conflict_count (fixture->db), ==, 0);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Wi-Fi drops in room 4");
}

static void
test_conflict_take_theirs_and_edit (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Phones", "new", "General");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 local_id;

  sync_ok (fixture);
  local_id = local_id_of (fixture, "Phones");

  /* Theirs: written here, nothing sent. */
  set_title (fixture, local_id, "Phones (mine)");
  stw_fake_backend_edit (fixture->server, id, "Subject", "Phones (theirs)");
  sync_ok (fixture);
  {
    g_autoptr(StwSyncConflict) conflict = only_conflict (fixture, local_id);

    g_assert_true (stw_sync_conflict_resolve_sync (fixture->db,
                                                   stw_sync_conflict_get_id (conflict),
                                                   STW_SYNC_TAKE_THEIRS, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (title_of (fixture, local_id, &title), ==, "Phones (theirs)");
  sync_ok (fixture);
  g_assert_cmpuint (stw_fake_backend_get_updates (fixture->server), ==, 0);

  /* An edit: written here and sent. */
  set_title (fixture, local_id, "Phones (mine again)");
  stw_fake_backend_edit (fixture->server, id, "Subject", "Phones (theirs again)");
  sync_ok (fixture);
  {
    g_autoptr(StwSyncConflict) conflict = only_conflict (fixture, local_id);

    g_assert_true (stw_sync_conflict_resolve_sync (fixture->db,
                                                   stw_sync_conflict_get_id (conflict),
                                                   STW_SYNC_USE_VALUE, "\"Phones (agreed)\"",
                                                   &error));
    g_assert_no_error (error);
  }
  sync_ok (fixture);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Phones (agreed)");
  g_clear_pointer (&title, g_free);
  g_assert_cmpstr (title_of (fixture, local_id, &title), ==, "Phones (agreed)");
}

static void
test_stale_update_merged_and_retried (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Badge reader", "new", "General");
  gint64 local_id;
  StwSyncStats stats;

  sync_ok (fixture);
  local_id = local_id_of (fixture, "Badge reader");
  set_title (fixture, local_id, "Badge reader at door 2");

  /* Someone changes the owner between our read and our write: the write
   * is refused (412), theirs is merged, ours sent again. */
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_RACE_UPDATE, 0);
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Subject"), ==, "Badge reader at door 2");
  g_assert_cmpstr (stw_fake_backend_get (fixture->server, id, "Owner"), ==, "racer");
  {
    g_autoptr(StwTicket) ticket = load (fixture, local_id);

    g_assert_cmpstr (stw_ticket_get_text (ticket, STW_TICKET_TEXT_ASSIGNEE_NAME), ==, "racer");
  }
}

static void
test_failure_half_way_resumes (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 local_id;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Batch %u", i);
      g_autofree char *made = stw_fake_backend_add_ticket (fixture->server, subject, "new", "General");
    }
  local_id = new_local_ticket (fixture, "Made here meanwhile", "General");

  /* The fake lists two a page: the first page is stored whole, the
   * second fails on its second record and is stored not at all. */
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_FAIL_AFTER, 3);
  sync_fails (fixture, STW_SYNC_ERROR_TIMED_OUT);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 3);
  g_assert_cmpint (local_id_of (fixture, "Made here meanwhile"), ==, local_id);

  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_NONE, 0);
  sync_ok (fixture);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 8);
  g_assert_cmpuint (stw_fake_backend_count (fixture->server), ==, 8);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Batch %u", i);

      g_assert_cmpint (local_id_of (fixture, subject), >, 0);
      g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, subject), ==, 1);
    }
}

static void
test_record_steward_cannot_store (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *bad = stw_fake_backend_add_ticket (fixture->server, "Odd one", "weird", "General");
  g_autofree char *good = stw_fake_backend_add_ticket (fixture->server, "Fine one", "new", "General");
  g_autoptr(GListModel) log = NULL;
  gboolean logged = FALSE;
  StwSyncStats stats;

  /* Left out with a reason; the rest of its page goes in. */
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.refused, ==, 1);
  g_assert_cmpint (local_id_of (fixture, "Fine one"), >, 0);
  g_assert_cmpint (local_id_of (fixture, "Odd one"), ==, 0);

  log = stw_sync_log_list (fixture->db, 0, 100, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(StwSyncLogEntry) entry = g_list_model_get_item (log, i);

      if (g_str_equal (stw_sync_log_entry_get_action (entry), "refused"))
        {
          g_assert_cmpstr (stw_sync_log_entry_get_remote_id (entry), ==, bad);
          g_assert_nonnull (strstr (stw_sync_log_entry_get_message (entry), "weird"));
          logged = TRUE;
        }
    }
  g_assert_true (logged);

  /* Mended on the server: it comes in. */
  stw_fake_backend_edit (fixture->server, bad, "Status", "new");
  sync_ok (fixture);
  g_assert_cmpint (local_id_of (fixture, "Odd one"), >, 0);
}

static void
test_deletions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *gone = stw_fake_backend_add_ticket (fixture->server, "Old request", "new", "General");
  g_autofree char *kept = stw_fake_backend_add_ticket (fixture->server, "Still wanted", "new", "General");
  g_autofree char *mine = stw_fake_backend_add_ticket (fixture->server, "Delete me here", "new", "General");
  g_autoptr(GError) error = NULL;
  gint64 kept_id;
  StwSyncStats stats;

  sync_ok (fixture);
  kept_id = local_id_of (fixture, "Still wanted");

  /* Deleted there, untouched here: deleted here. */
  stw_fake_backend_delete (fixture->server, gone);
  /* Deleted there, changed here: the person decides. */
  stw_fake_backend_delete (fixture->server, kept);
  set_title (fixture, kept_id, "Still wanted, really");
  /* Deleted here: deleted there. */
  g_assert_true (stw_ticket_repo_delete_sync (fixture->db, local_id_of (fixture, "Delete me here"),
                                              &error));
  g_assert_no_error (error);

  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.deleted, ==, 2);
  g_assert_cmpint (local_id_of (fixture, "Old request"), ==, 0);
  g_assert_null (stw_fake_backend_get (fixture->server, mine, "Subject"));
  g_assert_cmpint (local_id_of (fixture, "Still wanted, really"), ==, kept_id);
  {
    g_autoptr(StwSyncConflict) conflict = only_conflict (fixture, kept_id);

    g_assert_cmpstr (stw_sync_conflict_get_field (conflict), ==, "*");
    /* Keep mine: it goes to the server as a new ticket. */
    g_assert_true (stw_sync_conflict_resolve_sync (fixture->db,
                                                   stw_sync_conflict_get_id (conflict),
                                                   STW_SYNC_KEEP_MINE, NULL, &error));
    g_assert_no_error (error);
  }
  stats = sync_ok (fixture);
  g_assert_cmpuint (stats.created, ==, 1);
  g_assert_cmpuint (stw_fake_backend_count_subject (fixture->server, "Still wanted, really"), ==, 1);
  sync_ok (fixture);
  g_assert_cmpuint (stw_fake_backend_count (fixture->server), ==, 1);
  g_assert_cmpint (stw_ticket_repo_count (fixture->db), ==, 1);
}

static void
test_entries_both_ways (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Scanner", "new", "General");
  g_autoptr(GError) error = NULL;
  gint64 local_id;

  stw_fake_backend_add_entry (fixture->server, id, "Correspond", "Which floor?");
  sync_ok (fixture);
  local_id = local_id_of (fixture, "Scanner");
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, local_id), ==, 1);

  stw_ticket_repo_add_entry_sync (fixture->db, local_id, STW_TICKET_ENTRY_COMMENT, 0,
                                  "Third floor", 0, &error);
  g_assert_no_error (error);
  stw_ticket_repo_add_entry_sync (fixture->db, local_id, STW_TICKET_ENTRY_INTERNAL, 0,
                                  "Driver issue, I think", 0, &error);
  g_assert_no_error (error);
  sync_ok (fixture);
  g_assert_cmpuint (stw_fake_backend_count_entries (fixture->server, id), ==, 3);

  /* No echo: what went there does not come back as new. */
  sync_ok (fixture);
  sync_ok (fixture);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, local_id), ==, 3);
  g_assert_cmpuint (stw_fake_backend_count_entries (fixture->server, id), ==, 3);
}

static void
test_log_and_account (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "Logged", "new", "General");
  g_autoptr(GListModel) log = NULL;
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_pulled = FALSE, saw_done = FALSE;

  sync_ok (fixture);
  log = stw_sync_log_list (fixture->db, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(StwSyncLogEntry) entry = g_list_model_get_item (log, i);

      if (g_str_equal (stw_sync_log_entry_get_action (entry), "pulled"))
        {
          saw_pulled = TRUE;
          g_assert_cmpstr (stw_sync_log_entry_get_message (entry), ==, "Logged");
          g_assert_cmpstr (stw_sync_log_entry_get_remote_id (entry), ==, id);
        }
      if (g_str_equal (stw_sync_log_entry_get_action (entry), "done"))
        {
          saw_done = TRUE;
          /* Newest first. */
          g_assert_cmpuint (i, ==, 0);
        }
    }
  g_assert_true (saw_pulled);
  g_assert_true (saw_done);

  account = stw_account_repo_load (fixture->db, stw_account_get_id (fixture->account), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_account_get_last_sync (account), >, 0);
  g_assert_null (stw_account_get_last_error (account));

  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_OFFLINE, 0);
  sync_fails (fixture, STW_SYNC_ERROR_CONNECTION_REFUSED);
  g_clear_object (&account);
  account = stw_account_repo_load (fixture->db, stw_account_get_id (fixture->account), &error);
  g_assert_cmpstr (stw_account_get_last_error (account), ==, "Could not connect to the fake server.");
}

/* ------------------------------------------------------------------------ */
/* The engine: runs in the background, reports on the main thread           */
/* ------------------------------------------------------------------------ */

static StwSyncBackend *
fake_for_account (StwAccount  *account,
                  gpointer     user_data,
                  GError     **error)
{
  return g_object_ref (STW_SYNC_BACKEND (user_data));
}

static void
finished_cb (StwSyncEngine *engine,
             gint64         account_id,
             gboolean       ok,
             const char    *message,
             gpointer       user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_strdup (ok ? "ok" : message));
}

static void
wait_for_results (GPtrArray *results,
                  guint      n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (results->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (results->len, ==, n);
}

static void
test_engine (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(StwSyncEngine) engine = stw_sync_engine_new (fixture->db);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = stw_fake_backend_add_ticket (fixture->server, "In the background", "new",
                                                     "General");
  gint64 local_id;

  g_assert_true (stw_sync_engine_has_accounts (engine));
  stw_sync_engine_set_backend_func (engine, fake_for_account, fixture->server);
  g_signal_connect (engine, "finished", G_CALLBACK (finished_cb), results);

  /* Asked twice while running: one more run, not two. */
  stw_sync_engine_sync_now (engine);
  g_assert_cmpint (stw_sync_engine_get_state (engine), ==, STW_SYNC_STATE_RUNNING);
  stw_sync_engine_sync_now (engine);
  stw_sync_engine_sync_now (engine);
  wait_for_results (results, 2);
  g_assert_cmpstr (g_ptr_array_index (results, 0), ==, "ok");
  g_assert_cmpstr (g_ptr_array_index (results, 1), ==, "ok");
  g_assert_cmpint (stw_sync_engine_get_state (engine), ==, STW_SYNC_STATE_IDLE);
  g_assert_cmpint (stw_sync_engine_get_last_sync (engine), >, 0);
  local_id = local_id_of (fixture, "In the background");
  g_assert_cmpint (local_id, >, 0);

  /* A conflict shows in the count. */
  set_title (fixture, local_id, "Here");
  stw_fake_backend_edit (fixture->server, id, "Subject", "There");
  stw_sync_engine_sync_now (engine);
  wait_for_results (results, 3);
  g_assert_cmpuint (stw_sync_engine_get_conflicts (engine), ==, 1);

  /* A failure is reported with its reason. */
  stw_fake_backend_set_fault (fixture->server, STW_FAKE_FAULT_OFFLINE, 0);
  stw_sync_engine_sync_now (engine);
  wait_for_results (results, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (results, 3), "Could not connect"));
  g_assert_cmpint (stw_sync_engine_get_state (engine), !=, STW_SYNC_STATE_IDLE);
  g_assert_cmpint (stw_sync_engine_get_state (engine), !=, STW_SYNC_STATE_RUNNING);
  g_assert_nonnull (stw_sync_engine_get_message (engine));
}

static void
test_merge_function (void)
{
  g_autoptr(JsonObject) base = stw_json_object_parse ("{\"a\":1,\"b\":\"x\",\"c\":null,\"d\":5}");
  g_autoptr(JsonObject) mine = stw_json_object_parse ("{\"a\":2,\"b\":\"x\",\"c\":\"m\",\"d\":5.0}");
  g_autoptr(JsonObject) theirs = stw_json_object_parse ("{\"a\":1,\"b\":\"y\",\"c\":\"t\",\"d\":5}");
  g_autoptr(JsonObject) take = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) out = NULL;
  g_autofree char *text = NULL;
  gboolean changed;

  stw_sync_merge (base, mine, theirs, &take, &conflicts, &changed);
  text = stw_json_object_to_text (take);
  g_assert_cmpstr (text, ==, "{\"b\":\"y\"}");
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==, "c");
  g_assert_true (changed);

  out = stw_sync_merge_outgoing (base, mine, NULL);
  g_clear_pointer (&text, g_free);
  text = stw_json_object_to_text (out);
  g_assert_cmpstr (text, ==, "{\"a\":2,\"c\":\"m\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/sync/merge", test_merge_function);
  ADD ("/sync/run/pull", test_first_and_incremental_pull);
  ADD ("/sync/run/offline-edits", test_offline_edits_pushed);
  ADD ("/sync/run/create", test_local_create);
  ADD ("/sync/run/lossy", test_lossy_values_kept);
  ADD ("/sync/run/opened-long-ago", test_opened_long_ago);
  ADD ("/sync/run/lost-create-answer", test_lost_create_answer);
  ADD ("/sync/run/merge", test_merge_different_fields);
  ADD ("/sync/run/conflict-mine", test_conflict_kept_until_chosen);
  ADD ("/sync/run/conflict-theirs-edit", test_conflict_take_theirs_and_edit);
  ADD ("/sync/run/stale", test_stale_update_merged_and_retried);
  ADD ("/sync/run/resume", test_failure_half_way_resumes);
  ADD ("/sync/run/deletions", test_deletions);
  ADD ("/sync/run/cannot-store", test_record_steward_cannot_store);
  ADD ("/sync/run/entries", test_entries_both_ways);
  ADD ("/sync/run/log", test_log_and_account);
  ADD ("/sync/engine", test_engine);

  return g_test_run ();
}
