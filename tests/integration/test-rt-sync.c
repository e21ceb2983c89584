/* test-rt-sync.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "store/stw-asset-repo.h"
#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"
#include "sync/stw-rt-backend.h"
#include "sync/stw-sync-engine.h"
#include "stw-test-hook-backend.h"
#include "stw-test-rt.h"

/*
 * Syncing with a real Request Tracker as a person would: steward-cli
 * account add and steward-cli sync (in a child process, with the secret
 * in a throwaway keyring: see tests/sync/run-with-keyring.sh), then what
 * each side has. The conflict test runs the engine in this process, to
 * change RT between the pull and the push.
 */

#ifndef STEWARD_CLI
# error "STEWARD_CLI must name the built steward-cli"
#endif

static StwTestRt *rt;

typedef struct
{
  char        *dir;
  char        *db_path;
  char        *queue;     /* RT's queue for this test's tickets */
  StwDatabase *db;        /* open between runs of steward-cli */
  char        *out;
  char        *err;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
db_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture->db != NULL)
    return;
  fixture->db = stw_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
db_close (Fixture *fixture)
{
  g_clear_object (&fixture->db);
}

/* Runs steward-cli on the fixture's database; returns its exit code. */
static int
cli (Fixture    *fixture,
     const char *input,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  db_close (fixture);
  g_ptr_array_add (argv, (char *) STEWARD_CLI);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, fixture->db_path);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &fixture->out,
                                 &fixture->err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    g_error ("steward-cli %s died:\n%s", first, fixture->err);
  if (strstr (fixture->err, "Sanitizer") != NULL || strstr (fixture->err, "runtime error") != NULL ||
      strstr (fixture->err, "-CRITICAL") != NULL || strstr (fixture->err, "-WARNING") != NULL)
    g_error ("steward-cli %s:\n%s", first, fixture->err);
  /* The token never shows. */
  g_assert_null (strstr (fixture->out, rt->token));
  g_assert_null (strstr (fixture->err, rt->token));
  return g_subprocess_get_exit_status (process);
}

static void
sync_ok (Fixture *fixture)
{
  int status = cli (fixture, NULL, "sync", NULL);

  if (status != 0)
    g_error ("steward-cli sync: %d\n%s%s", status, fixture->out, fixture->err);
}

/* How many records the last sync said it had done of @what ("pulled"). */
static guint
said (Fixture    *fixture,
      const char *what)
{
  g_autofree char *pattern = g_strdup_printf ("(\\d+) %s", what);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, fixture->out, 0, &match))
    g_error ("no “%s” in: %s", what, fixture->out);
  number = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (number, NULL, 10);
}

static char *
rt_ticket (Fixture    *fixture,
           const char *subject,
           const char *more_json)
{
  g_autofree char *json = g_strdup_printf ("{\"Queue\":\"%s\",\"Subject\":\"%s\"%s%s}",
                                           fixture->queue, subject, more_json != NULL ? "," : "",
                                           more_json != NULL ? more_json : "");

  return stw_test_rt_create (rt, "/REST/2.0/ticket", json);
}

static void
rt_call (const char *method,
         const char *json,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
rt_call (const char *method,
         const char *json,
         const char *format,
         ...)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) reply = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  reply = stw_test_rt_call (rt, method, path, json);
}

/* The ids of RT's live tickets in the queue with @subject. */
static GPtrArray *
rt_find (Fixture    *fixture,
         const char *subject)
{
  g_autofree char *query = g_strdup_printf ("Queue = '%s' AND Subject = '%s'", fixture->queue,
                                            subject);

  return stw_test_rt_search (rt, "tickets", query);
}

static guint
rt_count (Fixture    *fixture,
          const char *subject)
{
  g_autoptr(GPtrArray) ids = rt_find (fixture, subject);

  return ids->len;
}

static JsonObject *
rt_get (const char *kind,
        const char *id)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/%s/%s", kind, id);
  g_autoptr(JsonNode) node = stw_test_rt_call (rt, "GET", path, NULL);

  return json_node_dup_object (node);
}

/* RT's comments and replies on a ticket. */
static guint
rt_entries (const char *id)
{
  g_autoptr(StwHttp) http = stw_test_rt_http (rt, NULL);
  g_autoptr(StwSyncBackend) backend = stw_rt_backend_new (http, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = stw_sync_backend_fetch_entries (backend, id, NULL, &error);
  g_assert_no_error (error);
  return entries->len;
}

/* The local ticket titled @title (0 for none; never two). */
static gint64
local_id (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 found = 0;

  db_open (fixture);
  ids = stw_ticket_repo_search_ids (fixture->db, title, &error);
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

static StwTicket *
local_ticket (Fixture    *fixture,
              const char *title)
{
  gint64 id = local_id (fixture, title);
  g_autoptr(GError) error = NULL;
  StwTicket *ticket;

  if (id == 0)
    g_error ("no ticket “%s” here", title);
  ticket = stw_ticket_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);
  return ticket;
}

static void
local_save (Fixture   *fixture,
            StwTicket *ticket)
{
  g_autoptr(GError) error = NULL;

  db_open (fixture);
  g_assert_cmpint (stw_ticket_repo_save_sync (fixture->db, ticket, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
local_new (Fixture    *fixture,
           const char *title,
           const char *description)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  db_open (fixture);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, description);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, fixture->queue);
  id = stw_ticket_repo_save_sync (fixture->db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

static void
local_entry (Fixture            *fixture,
             gint64              id,
             StwTicketEntryKind  kind,
             const char         *body,
             int                 minutes)
{
  g_autoptr(GError) error = NULL;

  db_open (fixture);
  g_assert_cmpint (stw_ticket_repo_add_entry_sync (fixture->db, id, kind, 0, body, minutes, &error),
                   >, 0);
  g_assert_no_error (error);
}

/* The titles of the local tickets in the fixture's queue that match
 * @search. */
static GPtrArray *
local_titles (Fixture    *fixture,
              const char *search)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  db_open (fixture);
  ids = stw_ticket_repo_search_ids (fixture->db, search, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwTicket) ticket = stw_ticket_repo_load (fixture->db, g_array_index (ids, gint64, i),
                                                          NULL);

      if (ticket != NULL &&
          g_strcmp0 (stw_ticket_get_text (ticket, STW_TICKET_TEXT_QUEUE), fixture->queue) == 0)
        g_ptr_array_add (titles, g_strdup (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE)));
    }
  return titles;
}

static void
set_account_url (Fixture    *fixture,
                 const char *url)
{
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  db_open (fixture);
  account = stw_account_repo_find (fixture->db, "rt", &error);
  g_assert_no_error (error);
  stw_account_set_url (account, url);
  g_assert_true (stw_account_repo_save_sync (fixture->db, account, &error));
  g_assert_no_error (error);
}

/* The local asset named @name (0 for none; never two). */
static gint64
local_asset_id (Fixture    *fixture,
                const char *name)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 found = 0;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &conn, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, "SELECT id FROM assets WHERE name = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (found, ==, 0);
      found = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return found;
}

/* ------------------------------------------------------------------------ */
/* Fixture                                                                  */
/* ------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue_json = NULL;
  g_autofree char *queue_id = NULL;

  fixture->dir = g_dir_make_tmp ("steward-rt-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "steward.db", NULL);
  fixture->queue = g_strdup_printf ("Queue %u %s", ++counter, (const char *) data);
  queue_json = g_strdup_printf ("{\"Name\":\"%s\"}", fixture->queue);
  queue_id = stw_test_rt_create (rt, "/REST/2.0/queue", queue_json);

  /* The account, as a person adds it: the token on standard input. */
  g_assert_cmpint (cli (fixture, rt->token, "account", "add", "--kind", "rt", "--name", "rt",
                        "--url", rt->url, "--catalog", "General assets", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "Request Tracker 5.0.3"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  db_close (fixture);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->queue);
  g_free (fixture->out);
  g_free (fixture->err);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_first_and_incremental (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *alpha = rt_ticket (fixture, "Alpha", "\"Content\":\"The printer is on fire\","
                                      "\"Requestor\":\"frank@example.invalid\",\"Owner\":\"root\","
                                      "\"Priority\":75,\"Due\":\"2030-06-01 08:00:00\"");
  g_autofree char *beta = rt_ticket (fixture, "Beta", NULL);
  g_autofree char *gamma = NULL;
  g_autofree char *asset = stw_test_rt_create (rt, "/REST/2.0/asset",
                                               "{\"Name\":\"Sync laptop\",\"Catalog\":\"General assets\"}");
  g_autoptr(StwTicket) first = NULL;
  g_autoptr(StwTicket) second = NULL;

  rt_call ("POST", "{\"Content\":\"Unplugged it\",\"ContentType\":\"text/plain\"}",
           "/REST/2.0/ticket/%s/comment", alpha);
  rt_call ("POST", "{\"Content\":\"Call the fire brigade\",\"ContentType\":\"text/plain\"}",
           "/REST/2.0/ticket/%s/correspond", alpha);
  rt_call ("POST", "{\"Content\":\"Aired the room\",\"ContentType\":\"text/plain\",\"TimeTaken\":20}",
           "/REST/2.0/ticket/%s/comment", alpha);
  rt_call ("PUT", "{\"Status\":\"stalled\"}", "/REST/2.0/ticket/%s", beta);

  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "pulled"), >=, 3);
  first = local_ticket (fixture, "Alpha");
  g_assert_cmpstr (stw_ticket_get_text (first, STW_TICKET_TEXT_DESCRIPTION), ==,
                   "The printer is on fire");
  g_assert_cmpstr (stw_ticket_get_text (first, STW_TICKET_TEXT_QUEUE), ==, fixture->queue);
  g_assert_cmpint (stw_ticket_get_value (first, STW_TICKET_VALUE_PRIORITY), ==, 2);
  g_assert_cmpint (stw_ticket_get_value (first, STW_TICKET_VALUE_STATUS), ==, STW_TICKET_STATUS_NEW);
  g_assert_cmpint (stw_ticket_get_value (first, STW_TICKET_VALUE_DUE), >, 0);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, local_id (fixture, "Alpha")), ==, 3);
  second = local_ticket (fixture, "Beta");
  g_assert_cmpint (stw_ticket_get_value (second, STW_TICKET_VALUE_STATUS), ==,
                   STW_TICKET_STATUS_PENDING);
  g_assert_nonnull (asset);

  /* Changed there since: only that comes. */
  rt_call ("PUT", "{\"Subject\":\"Alpha, again\"}", "/REST/2.0/ticket/%s", alpha);
  rt_call ("POST", "{\"Content\":\"Still stalled\",\"ContentType\":\"text/plain\"}",
           "/REST/2.0/ticket/%s/comment", beta);
  gamma = rt_ticket (fixture, "Gamma", NULL);
  sync_ok (fixture);
  /* Beta's comment is an entry: its ticket is read, and is the same. */
  g_assert_cmpuint (said (fixture, "pulled"), ==, 2);
  g_assert_cmpint (local_id (fixture, "Alpha"), ==, 0);
  g_assert_cmpint (local_id (fixture, "Alpha, again"), !=, 0);
  g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, local_id (fixture, "Beta")), ==, 1);
  g_assert_cmpint (local_id (fixture, "Gamma"), !=, 0);

  /* Nothing changed: nothing moves either way. */
  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "pulled"), ==, 0);
  g_assert_cmpuint (said (fixture, "pushed"), ==, 0);
  g_assert_cmpuint (said (fixture, "created"), ==, 0);
}

static void
test_offline_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *delta = rt_ticket (fixture, "Delta", NULL);
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(JsonObject) now = NULL;
  gint64 epsilon;

  sync_ok (fixture);

  /* No server: every edit waits here. */
  set_account_url (fixture, "http://127.0.0.1:9");
  ticket = local_ticket (fixture, "Delta");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Delta, edited offline");
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_IN_PROGRESS);
  local_save (fixture, ticket);
  local_entry (fixture, stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID),
               STW_TICKET_ENTRY_COMMENT, "Written on the train", 0);
  epsilon = local_new (fixture, "Epsilon", "Made offline");
  local_entry (fixture, epsilon, STW_TICKET_ENTRY_WORK, "Half an hour of it", 30);

  g_assert_cmpint (cli (fixture, NULL, "sync", NULL), ==, 1);
  g_assert_cmpuint (rt_count (fixture, "Epsilon"), ==, 0);

  /* Back online: all of it goes, once. */
  set_account_url (fixture, rt->url);
  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "created"), >=, 1);
  now = rt_get ("ticket", delta);
  g_assert_cmpstr (json_object_get_string_member (now, "Subject"), ==, "Delta, edited offline");
  g_assert_cmpstr (json_object_get_string_member (now, "Status"), ==, "open");
  g_assert_cmpuint (rt_entries (delta), ==, 1);
  made = rt_find (fixture, "Epsilon");
  g_assert_cmpuint (made->len, ==, 1);
  g_assert_cmpuint (rt_entries (g_ptr_array_index (made, 0)), ==, 1);
  {
    g_autoptr(JsonObject) record = rt_get ("ticket", g_ptr_array_index (made, 0));

    g_assert_cmpstr (json_object_get_string_member (record, "TimeWorked"), ==, "30");
  }

  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "created"), ==, 0);
  g_assert_cmpuint (said (fixture, "pushed"), ==, 0);
}

static void
test_merge_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *zeta = rt_ticket (fixture, "Zeta", NULL);
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(StwTicket) merged = NULL;
  g_autoptr(JsonObject) now = NULL;

  sync_ok (fixture);
  rt_call ("PUT", "{\"Priority\":100}", "/REST/2.0/ticket/%s", zeta);
  ticket = local_ticket (fixture, "Zeta");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Zeta, renamed here");
  local_save (fixture, ticket);

  sync_ok (fixture);
  now = rt_get ("ticket", zeta);
  g_assert_cmpstr (json_object_get_string_member (now, "Subject"), ==, "Zeta, renamed here");
  g_assert_cmpstr (json_object_get_string_member (now, "Priority"), ==, "100");
  merged = local_ticket (fixture, "Zeta, renamed here");
  g_assert_cmpint (stw_ticket_get_value (merged, STW_TICKET_VALUE_PRIORITY), ==, 1);
  g_assert_cmpuint (stw_sync_conflict_count (fixture->db), ==, 0);
}

/* The same field on both sides, RT's change landing between the engine's
 * pull and its push: the push gets 412, and the person chooses. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *eta = rt_ticket (fixture, "Eta", NULL);
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(StwSyncBackend) inner = NULL;
  g_autoptr(StwTestHookBackend) hook = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(StwSyncConflict) conflict = NULL;
  g_autoptr(JsonObject) now = NULL;
  g_autoptr(GError) error = NULL;
  StwSyncStats stats = { 0 };
  gint64 id;

  sync_ok (fixture);
  ticket = local_ticket (fixture, "Eta");
  id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Eta, mine");
  local_save (fixture, ticket);

  account = stw_account_repo_find (fixture->db, "rt", &error);
  g_assert_no_error (error);
  inner = stw_sync_backend_new_for_account (account, rt->token, &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("/REST/2.0/ticket/%s", eta);
  hook = stw_test_hook_backend_new (inner, rt, path, "{\"Subject\":\"Eta, theirs\"}");

  g_assert_true (stw_sync_run (fixture->db, account, STW_SYNC_BACKEND (hook), NULL, NULL, &stats,
                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stw_test_hook_backend_get_stale (hook), ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 1);

  conflicts = stw_sync_conflict_list (fixture->db, STW_SYNC_TICKET, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (stw_sync_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (stw_sync_conflict_get_mine (conflict), ==, "\"Eta, mine\"");
  g_assert_cmpstr (stw_sync_conflict_get_theirs (conflict), ==, "\"Eta, theirs\"");
  g_assert_cmpstr (stw_sync_conflict_get_base (conflict), ==, "\"Eta\"");

  /* Neither side's value is lost: RT keeps its own until the person
   * chooses, and so does Steward. */
  now = rt_get ("ticket", eta);
  g_assert_cmpstr (json_object_get_string_member (now, "Subject"), ==, "Eta, theirs");
  g_assert_cmpint (local_id (fixture, "Eta, mine"), ==, id);
}

static void
test_deletes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *theta = rt_ticket (fixture, "Theta", NULL);
  g_autofree char *iota = rt_ticket (fixture, "Iota", NULL);
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(GError) error = NULL;

  sync_ok (fixture);
  g_assert_cmpint (local_id (fixture, "Theta"), !=, 0);

  /* Deleted there: gone here. */
  rt_call ("DELETE", NULL, "/REST/2.0/ticket/%s", theta);
  sync_ok (fixture);
  g_assert_cmpint (local_id (fixture, "Theta"), ==, 0);
  g_assert_cmpuint (said (fixture, "deleted"), ==, 1);

  /* Deleted here: gone there. */
  db_open (fixture);
  g_assert_true (stw_ticket_repo_delete_sync (fixture->db, local_id (fixture, "Iota"), &error));
  g_assert_no_error (error);
  sync_ok (fixture);
  g_assert_cmpuint (rt_count (fixture, "Iota"), ==, 0);
  gone = rt_get ("ticket", iota);
  g_assert_cmpstr (json_object_get_string_member (gone, "Status"), ==, "deleted");
}

/* Assets both ways: RT's come here with their status and description,
 * an edit here goes there, and one made here is made, once, in the
 * account's catalog. */
static void
test_assets (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("Dock for %s", fixture->queue);
  g_autofree char *made = g_strdup_printf ("Monitor for %s", fixture->queue);
  g_autofree char *tag = g_strdup_printf ("MON-%s", fixture->queue);
  g_autofree char *json = g_strdup_printf ("{\"Name\":\"%s\",\"Catalog\":\"General assets\","
                                           "\"Description\":\"On desk 4\",\"Status\":\"new\"}",
                                           name);
  g_autofree char *id = stw_test_rt_create (rt, "/REST/2.0/asset", json);
  g_autofree char *path = g_strdup_printf ("/REST/2.0/asset/%s", id);
  g_autofree char *query = g_strdup_printf ("Name = '%s'", made);
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(StwAsset) monitor = stw_asset_new ();
  g_autoptr(JsonNode) there = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 asset_id;

  sync_ok (fixture);
  asset_id = local_asset_id (fixture, name);
  g_assert_cmpint (asset_id, >, 0);
  db_open (fixture);
  asset = stw_asset_repo_load (fixture->db, asset_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_get_status (asset), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES), ==, "On desk 4");

  /* Deployed here: in use there. */
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset,
                                             STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_STATUS), &error),
                   ==, asset_id);
  g_assert_no_error (error);

  /* Made here: made there. */
  stw_asset_set_name (monitor, made);
  stw_asset_set_tag (monitor, tag);
  stw_asset_set_category (monitor, STW_ASSET_CATEGORY_MONITOR);
  stw_asset_set_status (monitor, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, monitor, 0, &error), >, 0);
  g_assert_no_error (error);

  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "created"), ==, 1);
  there = stw_test_rt_call (rt, "GET", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (there), "Status"), ==,
                   "in-use");
  found = stw_test_rt_search (rt, "assets", query);
  g_assert_cmpuint (found->len, ==, 1);

  /* And no echo: nothing comes back as new, nothing goes twice. */
  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "created"), ==, 0);
  g_assert_cmpuint (said (fixture, "pushed"), ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = stw_test_rt_search (rt, "assets", query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (local_asset_id (fixture, made), >, 0);
}

/* steward-cli sync killed at random moments, again and again, then left
 * to finish: nothing lost, nothing twice, on either side. */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autofree char *query = NULL;
  guint killed = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Kill %02u", i);
      gint64 id = local_new (fixture, title, "Made before the kills");

      local_entry (fixture, id, i % 2 ? STW_TICKET_ENTRY_INTERNAL : STW_TICKET_ENTRY_COMMENT,
                   "A note", 0);
    }

  for (guint round = 0; round < 8; round++)
    {
      const char *argv[] = { STEWARD_CLI, "sync", "--database", fixture->db_path, NULL };
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Kill late %u", round);
      gint64 id;

      db_close (fixture);
      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                   G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (30, 1200) * 1000);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (process))
        killed++;
      {
        g_autofree char *queue = g_strdup_printf ("Queue = '%s'", fixture->queue);
        g_autoptr(GPtrArray) made = stw_test_rt_search (rt, "tickets", queue);

        g_test_message ("round %u: %s, %u tickets in RT", round,
                        g_subprocess_get_if_signaled (process) ? "killed" : "finished",
                        made->len);
      }

      /* More work arrives between the attempts. */
      id = local_new (fixture, title, NULL);
      local_entry (fixture, id, STW_TICKET_ENTRY_WORK, "Counted", 5);
    }
  /* Most attempts must have died mid-run to test anything. */
  g_assert_cmpuint (killed, >=, 4);

  sync_ok (fixture);
  sync_ok (fixture);
  g_assert_cmpuint (said (fixture, "created"), ==, 0);

  titles = local_titles (fixture, "Kill");
  g_assert_cmpuint (titles->len, ==, 28);
  query = g_strdup_printf ("Queue = '%s'", fixture->queue);
  there = stw_test_rt_search (rt, "tickets", query);
  g_assert_cmpuint (there->len, ==, titles->len);
  for (guint i = 0; i < titles->len; i++)
    {
      const char *title = g_ptr_array_index (titles, i);
      g_autoptr(GPtrArray) found = rt_find (fixture, title);
      gint64 id = local_id (fixture, title);

      if (found->len != 1)
        g_error ("“%s” is %u times in RT", title, found->len);
      g_assert_cmpuint (rt_entries (g_ptr_array_index (found, 0)), ==,
                        stw_ticket_repo_count_entries (fixture->db, id));
      g_assert_cmpuint (stw_ticket_repo_count_entries (fixture->db, id), ==, 1);
    }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  rt = stw_test_rt_start ();
  if (rt == NULL)
    {
      g_print ("1..0 # SKIP Request Tracker is not installed, and this user cannot install it\n");
      return 0;
    }
  /* RT's mail scrips make each create ten times slower; what they do
   * to tickets is tested in test-rt-backend. */
  stw_test_rt_set_scrips (rt, FALSE);

#define ADD(path, func) \
  g_test_add ("/steward/integration/rt-sync/" path, Fixture, path, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("first-and-incremental", test_first_and_incremental);
  ADD ("offline-edits", test_offline_edits);
  ADD ("merge-fields", test_merge_fields);
  ADD ("conflict", test_conflict);
  ADD ("deletes", test_deletes);
  ADD ("assets", test_assets);
  ADD ("killed", test_killed);
#undef ADD

  status = g_test_run ();
  stw_test_rt_stop (rt);
  return status;
}
