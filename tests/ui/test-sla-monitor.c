/* test-sla-monitor.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-person.h"
#include "core/stw-ticket.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-sla-monitor.h"

/*
 * The clock runs around the clock with a response target of an hour and
 * a resolution target of four, for every priority: a new ticket is at
 * risk from 45 minutes after it was opened until the hour is up, and its
 * resolution from three hours until four.
 */

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR   (60 * MINUTE)

typedef struct
{
  StwTestDb     *test_db;
  StwSlaMonitor *monitor;
  GArray        *sent;        /* ticket ids, in the order sent */
  GArray        *withdrawn;
  GPtrArray     *bodies;
  gint64         anna_id;
  gint64         ben_id;
  gint64         anna_ticket;
  gint64         ben_ticket;
  gint64         nobodys_ticket;
  gint64         opened;      /* when Anna's ticket was opened */
} Fixture;

static gint64
add_person (StwDatabase *db,
            const char  *name)
{
  g_autoptr(StwPerson) person = stw_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_person_set_name (person, name);
  id = stw_person_repo_save_sync (db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_ticket (StwDatabase *db,
            const char  *title,
            gint64       assignee_id)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, assignee_id);
  id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (Fixture         *fixture,
      gint64           id,
      StwTicketStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->test_db->db, id, &error);

  g_assert_no_error (error);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, status);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->test_db->db, ticket, &error), ==, id);
  g_assert_no_error (error);
}

static gboolean
send_notification_cb (StwSlaMonitor *monitor,
                      gint64         ticket_id,
                      const char    *body,
                      Fixture       *fixture)
{
  g_array_append_val (fixture->sent, ticket_id);
  g_ptr_array_add (fixture->bodies, g_strdup (body));
  /* Handled: nothing goes to the desktop from a test. */
  return TRUE;
}

static gboolean
withdraw_notification_cb (StwSlaMonitor *monitor,
                          gint64         ticket_id,
                          Fixture       *fixture)
{
  g_array_append_val (fixture->withdrawn, ticket_id);
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  StwDatabase *db;
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  StwSlaPolicy policy;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;

  stw_sla_policy_init_default (&policy);
  for (int p = 1; p <= 5; p++)
    {
      policy.response[p] = 3600;
      policy.resolution[p] = 4 * 3600;
    }
  g_assert_true (stw_preferences_repo_save_sla_sync (db, always, &policy, &error));
  g_assert_no_error (error);

  fixture->anna_id = add_person (db, "Anna Schmidt");
  fixture->ben_id = add_person (db, "Ben Okafor");
  fixture->anna_ticket = add_ticket (db, "Printer on floor 2 jams", fixture->anna_id);
  fixture->ben_ticket = add_ticket (db, "VPN drops every hour", fixture->ben_id);
  fixture->nobodys_ticket = add_ticket (db, "Badge reader beeps", 0);

  ticket = stw_ticket_repo_load (db, fixture->anna_ticket, &error);
  g_assert_no_error (error);
  fixture->opened = stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED);

  fixture->sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->withdrawn = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->bodies = g_ptr_array_new_with_free_func (g_free);

  fixture->monitor = stw_sla_monitor_new (NULL, db);
  stw_sla_monitor_set_now (fixture->monitor, fixture->opened + 10 * MINUTE);
  g_signal_connect (fixture->monitor, "send-notification", G_CALLBACK (send_notification_cb),
                    fixture);
  g_signal_connect (fixture->monitor, "withdraw-notification",
                    G_CALLBACK (withdraw_notification_cb), fixture);
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->monitor));
  stw_test_db_free (fixture->test_db);
  g_array_unref (fixture->sent);
  g_array_unref (fixture->withdrawn);
  g_ptr_array_unref (fixture->bodies);
}

/* Checks at @now and asserts what was sent and withdrawn since the last
 * call, as lists of ticket ids ending in 0. */
static void
check_at (Fixture      *fixture,
          gint64        now,
          const gint64 *sent,
          const gint64 *withdrawn)
{
  guint n_sent = 0, n_withdrawn = 0;

  stw_sla_monitor_set_now (fixture->monitor, now);
  stw_sla_monitor_check (fixture->monitor);

  for (; sent[n_sent] != 0; n_sent++)
    {
      g_assert_cmpuint (n_sent, <, fixture->sent->len);
      g_assert_cmpint (g_array_index (fixture->sent, gint64, n_sent), ==, sent[n_sent]);
    }
  g_assert_cmpuint (fixture->sent->len, ==, n_sent);

  for (; withdrawn[n_withdrawn] != 0; n_withdrawn++)
    {
      g_assert_cmpuint (n_withdrawn, <, fixture->withdrawn->len);
      g_assert_cmpint (g_array_index (fixture->withdrawn, gint64, n_withdrawn), ==,
                       withdrawn[n_withdrawn]);
    }
  g_assert_cmpuint (fixture->withdrawn->len, ==, n_withdrawn);

  g_array_set_size (fixture->sent, 0);
  g_array_set_size (fixture->withdrawn, 0);
}

#define IDS(...) ((const gint64[]) { __VA_ARGS__, 0 })
#define NONE     ((const gint64[]) { 0 })

/* ------------------------------------------------------------------------ */

static void
test_once_per_episode (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 opened = fixture->opened;

  /* Nothing at risk at first; the check on opening told nothing. */
  g_assert_cmpuint (fixture->sent->len, ==, 0);
  check_at (fixture, opened + 10 * MINUTE, NONE, NONE);

  /* With no one chosen as me, every assigned ticket, once; never the
   * unassigned one. */
  check_at (fixture, opened + 50 * MINUTE + 20 * G_USEC_PER_SEC,
            IDS (fixture->anna_ticket, fixture->ben_ticket), NONE);
  /* The time left in whole minutes, rounded up. */
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->bodies, 0), "Printer on floor 2 jams"));
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->bodies, 0), " 10 min"));
  check_at (fixture, opened + 55 * MINUTE, NONE, NONE);
  check_at (fixture, opened + 56 * MINUTE, NONE, NONE);

  /* Breached: no longer something a reminder can save. */
  check_at (fixture, opened + 61 * MINUTE, NONE, IDS (fixture->anna_ticket, fixture->ben_ticket));
}

static void
test_only_mine (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 opened = fixture->opened;
  g_autoptr(GError) error = NULL;

  check_at (fixture, opened + 50 * MINUTE, IDS (fixture->anna_ticket, fixture->ben_ticket), NONE);

  /* Once Anna is me, Ben's ticket is none of my business: withdrawn at
   * the change, without waiting for the next minute. */
  g_assert_true (stw_preferences_repo_set_me_sync (fixture->test_db->db, fixture->anna_id,
                                                   &error));
  g_assert_no_error (error);
  stw_test_flush ();
  g_assert_cmpuint (fixture->withdrawn->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->withdrawn, gint64, 0), ==, fixture->ben_ticket);
  g_assert_cmpuint (fixture->sent->len, ==, 0);
  g_array_set_size (fixture->withdrawn, 0);

  check_at (fixture, opened + 52 * MINUTE, NONE, NONE);

  /* Both answered, both later at risk of missing the resolution: only
   * mine is told. */
  move (fixture, fixture->anna_ticket, STW_TICKET_STATUS_IN_PROGRESS);
  move (fixture, fixture->ben_ticket, STW_TICKET_STATUS_IN_PROGRESS);
  stw_test_flush ();
  g_array_set_size (fixture->withdrawn, 0);
  check_at (fixture, opened + 3 * HOUR + 10 * MINUTE, IDS (fixture->anna_ticket), NONE);
}

static void
test_again_after_leaving_risk (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 opened = fixture->opened;

  g_assert_true (stw_preferences_repo_set_me_sync (fixture->test_db->db, fixture->anna_id, NULL));
  check_at (fixture, opened + 50 * MINUTE, IDS (fixture->anna_ticket), NONE);

  /* Answered: the response is met, and the ticket is out of risk. */
  move (fixture, fixture->anna_ticket, STW_TICKET_STATUS_IN_PROGRESS);
  check_at (fixture, opened + 50 * MINUTE, NONE, IDS (fixture->anna_ticket));

  /* Its resolution turns at risk later: a new episode, told again. */
  check_at (fixture, opened + 2 * HOUR, NONE, NONE);
  check_at (fixture, opened + 3 * HOUR + 30 * MINUTE, IDS (fixture->anna_ticket), NONE);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->bodies, 1), "30 min"));
  check_at (fixture, opened + 3 * HOUR + 40 * MINUTE, NONE, NONE);
}

static void
test_withdraw_when_resolved (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 opened = fixture->opened;

  check_at (fixture, opened + 50 * MINUTE, IDS (fixture->anna_ticket, fixture->ben_ticket), NONE);
  stw_sla_monitor_set_now (fixture->monitor, opened + 50 * MINUTE);

  /* Resolved: its notification goes as soon as the store says so. */
  move (fixture, fixture->ben_ticket, STW_TICKET_STATUS_IN_PROGRESS);
  move (fixture, fixture->ben_ticket, STW_TICKET_STATUS_RESOLVED);
  stw_test_flush ();
  g_assert_cmpuint (fixture->withdrawn->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->withdrawn, gint64, 0), ==, fixture->ben_ticket);
  g_array_set_size (fixture->withdrawn, 0);

  /* The other one stays told, and is not told twice. */
  check_at (fixture, opened + 55 * MINUTE, NONE, NONE);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/sla-monitor/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("once-per-episode", test_once_per_episode);
  ADD ("only-mine", test_only_mine);
  ADD ("again-after-leaving-risk", test_again_after_leaving_risk);
  ADD ("withdraw-when-resolved", test_withdraw_when_resolved);

#undef ADD

  return g_test_run ();
}
