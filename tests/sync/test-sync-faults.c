/* test-sync-faults.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"
#include "stw-fake-rt.h"
#include "stw-test-server.h"
#include "sync/stw-http.h"
#include "sync/stw-rt-backend.h"
#include "sync/stw-sync-engine.h"

/* The whole sync (engine, RT backend, HTTP client) against the fake RT
 * when the network or the server fails: for each fault, an edit and a
 * new ticket made here before the run are still here after the failed
 * run, and reach the server on the next run, once. */

typedef enum
{
  VIA_FAULT,        /* the fake fails the writes as told */
  VIA_CLOSED_PORT,  /* nothing listens where the run goes */
  VIA_SELF_SIGNED,  /* the server's certificate is not pinned */
} How;

typedef struct
{
  How            how;
  StwFakeRtFault fault;
  StwSyncError   code;
} Case;

typedef struct
{
  char            *dir;
  StwDatabase     *db;
  StwAccount      *account;
  StwFakeRt       *rt;
  GTlsCertificate *certificate;
  char            *fingerprint;
  guint            remote_id;
} Fixture;

#define REMOTE_TITLE "Printer on fire"
#define EDITED_TITLE "Printer on fire (edited offline)"
#define NEW_TITLE    "Made offline"

/* ------------------------------------------------------------------------ */

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

/* A backend for one run: to the fake (pinned when it speaks HTTPS and
 * @pin), or to @url. With a short @timeout, for a run meant to fail, it
 * does not try again: a retried PUT whose first reply broke would meet
 * a 412, which the engine rightly takes in its stride, and the run
 * would not fail where the test wants it to. */
static StwSyncBackend *
new_backend (Fixture    *fixture,
             const char *url,
             gboolean    pin,
             guint       timeout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttp) http = stw_http_new (url != NULL ? url : stw_fake_rt_get_url (fixture->rt), &error);
  g_autofree char *authorization = g_strconcat ("token ", stw_fake_rt_get_token (fixture->rt), NULL);

  g_assert_no_error (error);
  stw_http_set_authorization (http, authorization);
  stw_http_set_timeout (http, timeout);
  stw_http_set_max_retries (http, timeout > 1 ? 1 : 0);
  stw_http_set_retry_delay (http, 20);
  stw_http_set_max_retry_after (http, 5);
  if (pin && fixture->fingerprint != NULL)
    stw_http_set_pinned_cert (http, fixture->fingerprint);

  return stw_rt_backend_new (http, NULL);
}

static gboolean
run (Fixture         *fixture,
     StwSyncBackend  *backend,
     StwSyncStats    *stats,
     GError         **error)
{
  return stw_sync_run (fixture->db, fixture->account, backend, NULL, NULL, stats, NULL, error);
}

static StwSyncStats
run_ok (Fixture *fixture)
{
  g_autoptr(StwSyncBackend) backend = new_backend (fixture, NULL, TRUE, 5);
  g_autoptr(GError) error = NULL;
  StwSyncStats stats = { 0 };

  g_assert_true (run (fixture, backend, &stats, &error));
  g_assert_no_error (error);

  return stats;
}

/* The local ticket with @title; the test fails if there are two. */
static gint64
local_id_of (Fixture    *fixture,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = stw_ticket_repo_search_ids (fixture->db, title, &error);
  gint64 found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->db, id, NULL);

      if (ticket != NULL && g_strcmp0 (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), title) == 0)
        {
          g_assert_cmpint (found, ==, 0);
          found = id;
        }
    }

  return found;
}

static void
save (Fixture   *fixture,
      StwTicket *ticket)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Case *test = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("steward-sync-faults-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "steward.db", NULL);
  fixture->db = stw_database_open (path, &error);
  g_assert_no_error (error);

  if (test->how == VIA_SELF_SIGNED)
    {
      g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "sync", "fixtures", "self-signed.pem", NULL);

      fixture->certificate = g_tls_certificate_new_from_file (pem, &error);
      g_assert_no_error (error);
      fixture->fingerprint = stw_certificate_fingerprint (fixture->certificate);
    }
  fixture->rt = stw_fake_rt_new (fixture->certificate);

  fixture->account = stw_account_new ();
  stw_account_set_kind (fixture->account, STW_ACCOUNT_RT);
  stw_account_set_name (fixture->account, "Helpdesk");
  stw_account_set_url (fixture->account, stw_fake_rt_get_url (fixture->rt));
  stw_account_set_pinned_cert (fixture->account, fixture->fingerprint);
  g_assert_true (stw_account_repo_save_sync (fixture->db, fixture->account, &error));
  g_assert_no_error (error);

  fixture->remote_id = stw_fake_rt_add_ticket (fixture->rt, "Subject", REMOTE_TITLE,
                                               "Requestor", "alice@example.invalid", "Status", "open",
                                               NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->rt, stw_fake_rt_free);
  g_clear_object (&fixture->account);
  g_clear_object (&fixture->certificate);
  g_clear_pointer (&fixture->fingerprint, g_free);
  g_assert_finalize_object (fixture->db);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* A run that fails as @test says, leaving every local change here. */
static void
fail_run (Fixture        *fixture,
          StwSyncBackend *backend,
          const Case     *test)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (run (fixture, backend, NULL, &error));
  g_test_message ("the failed run: %s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, STW_SYNC_ERROR, (int) test->code);
  g_assert_true (stw_sync_error_is_transient (error) == (test->how != VIA_SELF_SIGNED));

  g_assert_cmpint (local_id_of (fixture, EDITED_TITLE), >, 0);
  g_assert_cmpint (local_id_of (fixture, NEW_TITLE), >, 0);
}

/* ------------------------------------------------------------------------ */

static void
test_fault (Fixture       *fixture,
            gconstpointer  data)
{
  const Case *test = data;
  g_autoptr(StwTestClosedPort) closed = NULL;
  g_autoptr(StwSyncBackend) failing = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(StwTicket) made = NULL;
  g_autoptr(StwTicket) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *url = NULL;
  StwSyncStats stats;
  gint64 local;
  gint64 local_new;

  /* A first run brings the server's ticket here. */
  stats = run_ok (fixture);
  g_assert_cmpuint (stats.pulled, >=, 1);
  local = local_id_of (fixture, REMOTE_TITLE);
  g_assert_cmpint (local, >, 0);

  /* Offline work: an edit and a new ticket. */
  ticket = stw_ticket_repo_load (fixture->db, local, &error);
  g_assert_no_error (error);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, EDITED_TITLE);
  save (fixture, ticket);
  made = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  stw_ticket_set_text (made, STW_TICKET_TEXT_TITLE, NEW_TITLE);
  stw_ticket_set_text (made, STW_TICKET_TEXT_QUEUE, "General");
  save (fixture, made);

  /* The failed runs: with a fault, one that fails at the edit's PUT,
   * then one that gets past it and fails at the new ticket's POST. */
  switch (test->how)
    {
    case VIA_CLOSED_PORT:
      closed = stw_test_closed_port_new ();
      url = g_strdup_printf ("http://127.0.0.1:%u", stw_test_closed_port_get (closed));
      failing = new_backend (fixture, url, TRUE, 1);
      fail_run (fixture, failing, test);
      break;
    case VIA_SELF_SIGNED:
      failing = new_backend (fixture, NULL, FALSE, 1);
      fail_run (fixture, failing, test);
      break;
    case VIA_FAULT:
    default:
      /* Enough for every attempt of the run. */
      stw_fake_rt_fail_next_full (fixture->rt, "PUT", "/REST/2.0/ticket/*", test->fault, 100, 30);
      failing = new_backend (fixture, NULL, TRUE, 1);
      fail_run (fixture, failing, test);
      g_assert_cmpuint (stw_fake_rt_count_requests (fixture->rt, "PUT", "/REST/2.0/ticket/*"), >, 0);

      stw_fake_rt_clear_faults (fixture->rt);
      stw_fake_rt_fail_next_full (fixture->rt, "POST", "/REST/2.0/ticket", test->fault, 100, 30);
      g_clear_object (&failing);
      failing = new_backend (fixture, NULL, TRUE, 1);
      fail_run (fixture, failing, test);
      g_assert_cmpuint (stw_fake_rt_count_requests (fixture->rt, "POST", "/REST/2.0/ticket"), >, 0);
      break;
    }

  /* Nothing made here was lost. */
  g_assert_cmpint (local_id_of (fixture, EDITED_TITLE), ==, local);
  local_new = local_id_of (fixture, NEW_TITLE);
  g_assert_cmpint (local_new, >, 0);

  /* The next run carries both, once. */
  stw_fake_rt_clear_faults (fixture->rt);
  run_ok (fixture);

  subject = stw_fake_rt_get_ticket_field (fixture->rt, fixture->remote_id, "Subject");
  g_assert_cmpstr (subject, ==, EDITED_TITLE);
  g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, NEW_TITLE), ==, 1);
  g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, NULL), ==, 2);
  g_assert_cmpint (local_id_of (fixture, NEW_TITLE), ==, local_new);
  after = stw_ticket_repo_load (fixture->db, local, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_ticket_get_text (after, STW_TICKET_TEXT_TITLE), ==, EDITED_TITLE);

  /* And a run after that has nothing left to send. */
  stats = run_ok (fixture);
  g_assert_cmpuint (stats.created, ==, 0);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    Case        test;
  } cases[] = {
    { "connection-refused", { VIA_CLOSED_PORT, 0, STW_SYNC_ERROR_CONNECTION_REFUSED } },
    { "timeout", { VIA_FAULT, STW_FAKE_RT_FAULT_HANG, STW_SYNC_ERROR_TIMED_OUT } },
    { "server-error", { VIA_FAULT, STW_FAKE_RT_FAULT_500, STW_SYNC_ERROR_SERVER } },
    { "retry-after", { VIA_FAULT, STW_FAKE_RT_FAULT_429, STW_SYNC_ERROR_RATE_LIMITED } },
    { "malformed-json", { VIA_FAULT, STW_FAKE_RT_FAULT_MALFORMED, STW_SYNC_ERROR_BAD_REPLY } },
    { "truncated-json", { VIA_FAULT, STW_FAKE_RT_FAULT_TRUNCATED, STW_SYNC_ERROR_BAD_REPLY } },
    { "connection-closed", { VIA_FAULT, STW_FAKE_RT_FAULT_CLOSE, STW_SYNC_ERROR_BAD_REPLY } },
    { "reply-dropped", { VIA_FAULT, STW_FAKE_RT_FAULT_DROP_REPLY, STW_SYNC_ERROR_BAD_REPLY } },
    { "self-signed", { VIA_SELF_SIGNED, 0, STW_SYNC_ERROR_TLS_UNTRUSTED } },
  };
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/steward/sync/faults/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i].test, fixture_set_up, test_fault, fixture_tear_down);
    }

  status = g_test_run ();
  stw_test_stop_pool_threads ();

  return status;
}
