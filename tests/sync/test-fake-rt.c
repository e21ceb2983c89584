/* test-fake-rt.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sync/stw-http.h"
#include "stw-fake-rt.h"
#include "stw-test-server.h"

/* The fake RT answers as NOTES.md says RT 5.0.3 does, and fails as it
 * is told to; driven through StwHttp, as the sync will. */

typedef struct
{
  StwFakeRt *rt;
  StwHttp   *http;
} Fixture;

/* ------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;

  fixture->rt = stw_fake_rt_new (NULL);
  fixture->http = stw_http_new (stw_fake_rt_get_url (fixture->rt), &error);
  g_assert_no_error (error);
  authorization = g_strconcat ("token ", stw_fake_rt_get_token (fixture->rt), NULL);
  stw_http_set_authorization (fixture->http, authorization);
  stw_http_set_max_retries (fixture->http, 0);
  stw_http_set_timeout (fixture->http, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->http);
  g_clear_pointer (&fixture->rt, stw_fake_rt_free);
}

/* The reply's body as an object; the test fails on any error. */
static JsonObject *
call (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *json,
      const char *if_match,
      guint       status,
      char      **etag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, &error) : NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  g_assert_no_error (error);
  reply = stw_http_request (fixture->http, method, path, body, if_match, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, status);
  if (etag != NULL)
    *etag = g_strdup (reply->etag);
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body))
    return NULL;

  return json_object_ref (json_node_get_object (reply->body));
}

static GError *
call_fails (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *json,
            const char *if_match)
{
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, NULL) : NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  GError *error = NULL;

  reply = stw_http_request (fixture->http, method, path, body, if_match, NULL, &error);
  g_assert_null (reply);
  g_assert_nonnull (error);

  return error;
}

static const char *
item_id (JsonObject *page,
         guint       i)
{
  JsonArray *items = json_object_get_array_member (page, "items");

  return json_object_get_string_member (json_array_get_object_element (items, i), "id");
}

/* ------------------------------------------------------------------------ */

static void
test_auth (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonObject) rt = call (fixture, "GET", "/REST/2.0/rt", NULL, NULL, 200, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) again = NULL;

  g_assert_cmpstr (json_object_get_string_member (rt, "Version"), ==, "5.0.3+fake");

  stw_http_set_authorization (fixture->http, "token 1-14-not-the-token");
  error = call_fails (fixture, "GET", "/REST/2.0/rt", NULL, NULL);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNAUTHORIZED);

  stw_http_set_basic_auth (fixture->http, "root", stw_fake_rt_get_password (fixture->rt));
  again = call (fixture, "GET", "/REST/2.0/rt", NULL, NULL, 200, NULL);
  g_assert_nonnull (again);
}

static void
test_ticket_lifecycle (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) ticket = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(StwHttpReply) put = NULL;
  g_autoptr(JsonNode) change = json_from_string ("{\"Subject\":\"Printer on fire (edited)\",\"Status\":\"open\"}", NULL);
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *subject = NULL;
  JsonArray *said;

  created = call (fixture, "POST", "/REST/2.0/ticket",
                  "{\"Queue\":\"General\",\"Subject\":\"Printer on fire\",\"Content\":\"Smoke\","
                  "\"Requestor\":\"alice@example.invalid\",\"Priority\":5}",
                  NULL, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (created, "id"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (created, "type"), ==, "ticket");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (created, "_url"), "/REST/2.0/ticket/1"));

  ticket = call (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL, 200, &etag);
  g_assert_nonnull (etag);
  g_assert_cmpint (json_object_get_int_member (ticket, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (ticket, "Subject"), ==, "Printer on fire");
  g_assert_cmpstr (json_object_get_string_member (ticket, "Status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (ticket, "Priority"), ==, "5");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ticket, "Queue"), "id"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ticket, "Owner"), "id"),
                   ==, "Nobody");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (ticket, "Requestor"), 0), "id"), ==, "alice@example.invalid");
  g_assert_cmpstr (json_object_get_string_member (ticket, "Due"), ==, "1970-01-01T00:00:00Z");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (ticket, "LastUpdated"), "Z"));
  /* The autoreply was a transaction too: the ETag is the newest. */
  g_assert_cmpuint (stw_fake_rt_count_entries (fixture->rt, 1, "EmailRecord"), ==, 1);

  put = stw_http_request (fixture->http, "PUT", "/REST/2.0/ticket/1", change, etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (put->status, ==, 200);
  said = json_node_get_array (put->body);
  g_assert_cmpuint (json_array_get_length (said), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (said, 0), ==, "Ticket 1: Status changed from 'new' to 'open'");

  after = call (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL, 200, &new_etag);
  g_assert_cmpstr (json_object_get_string_member (after, "Status"), ==, "open");
  g_assert_cmpstr (new_etag, !=, etag);

  /* The ETag the first PUT was based on is stale now. */
  g_clear_pointer (&put, stw_http_reply_free);
  put = stw_http_request (fixture->http, "PUT", "/REST/2.0/ticket/1", change, etag, NULL, &error);
  g_assert_null (put);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE);
  subject = stw_fake_rt_get_ticket_field (fixture->rt, 1, "Subject");
  g_assert_cmpstr (subject, ==, "Printer on fire (edited)");
  g_clear_error (&error);

  /* An unknown ticket, and a create without a queue. */
  g_clear_error (&error);
  error = call_fails (fixture, "GET", "/REST/2.0/ticket/99", NULL, NULL);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  error = call_fails (fixture, "POST", "/REST/2.0/ticket", "{\"Subject\":\"Nowhere\"}", NULL);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "Queue"));
  g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, NULL), ==, 1);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *since = NULL;
  g_autofree char *day = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) empty = NULL;
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) over = NULL;
  g_autoptr(JsonObject) exact = NULL;
  g_autoptr(GError) error = NULL;
  const char *next;
  JsonObject *item;

  stw_fake_rt_add_ticket (fixture->rt, "Subject", "Old", NULL);
  stw_fake_rt_advance_clock (fixture->rt, 3600);
  start = g_date_time_new_now_utc ();
  {
    g_autoptr(GDateTime) moved = g_date_time_add_seconds (start, 3600 - 1);

    since = g_date_time_format (moved, "%Y-%m-%d %H:%M:%S");
    g_autoptr(GDateTime) made = g_date_time_add_seconds (start, 3600);

    day = g_date_time_format (made, "%Y-%m-%d");
  }
  stw_fake_rt_add_ticket (fixture->rt, "Subject", "New A", "Status", "open", NULL);
  stw_fake_rt_add_ticket (fixture->rt, "Subject", "New B", NULL);
  stw_fake_rt_add_ticket (fixture->rt, "Subject", "New C", NULL);
  stw_fake_rt_edit_ticket (fixture->rt, 4, "Status", "deleted", NULL);

  /* Page 1 of the tickets changed since: deleted ones never appear. */
  path = g_strdup_printf ("/REST/2.0/tickets?query=LastUpdated >= '%s'&per_page=2&page=1"
                          "&orderby=id&order=ASC&fields=Subject,Status,Queue", since);
  first = call (fixture, "GET", path, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (first, "total"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "pages"), ==, 1);
  g_assert_cmpstr (item_id (first, 0), ==, "2");
  g_assert_cmpstr (item_id (first, 1), ==, "3");
  item = json_array_get_object_element (json_object_get_array_member (first, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "Subject"), ==, "New A");
  g_assert_cmpstr (json_object_get_string_member (item, "Status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "Queue"), "id"), ==, "1");
  g_assert_false (json_object_has_member (first, "next_page"));

  /* Every ticket, two to a page, newest first: follow next_page. */
  g_free (path);
  path = g_strdup ("/REST/2.0/tickets?query=id > 0&per_page=2&page=1&orderby=id&order=DESC");
  g_clear_pointer (&first, json_object_unref);
  first = call (fixture, "GET", path, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (first, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (first, "pages"), ==, 2);
  g_assert_cmpstr (item_id (first, 0), ==, "3");
  g_assert_false (json_object_has_member (first, "prev_page"));
  next = json_object_get_string_member (first, "next_page");
  g_assert_nonnull (strstr (next, "&=&"));
  g_assert_true (g_str_has_suffix (next, "&page=2"));
  g_assert_true (g_str_has_prefix (next, stw_fake_rt_get_url (fixture->rt)));
  second = call (fixture, "GET", next, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (second, "count"), ==, 1);
  g_assert_cmpstr (item_id (second, 0), ==, "1");
  g_assert_true (json_object_has_member (second, "prev_page"));
  g_assert_false (json_object_has_member (second, "next_page"));

  /* No query, nothing; an empty result has pages 0.0. */
  empty = call (fixture, "GET", "/REST/2.0/tickets", NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (empty, "total"), ==, 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (empty, "pages")), ==, G_TYPE_DOUBLE);

  /* AND, OR, parentheses, LIKE. */
  changed = call (fixture, "GET",
                  "/REST/2.0/tickets?query=(Subject LIKE 'new' AND Status = 'open') OR id = 1&orderby=id",
                  NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (changed, "total"), ==, 2);
  g_assert_cmpstr (item_id (changed, 0), ==, "1");
  g_assert_cmpstr (item_id (changed, 1), ==, "2");

  /* RT's 'Z' pitfall: late that day, read as that day's midnight,
   * finds the new tickets; the same time with +00:00 finds none. A "+"
   * in a query string is a space, to RT as to the fake: it goes as %2B. */
  g_free (path);
  path = g_strdup_printf ("/REST/2.0/tickets?query=LastUpdated > '%sT23:59:59Z'&orderby=id", day);
  over = call (fixture, "GET", path, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (over, "total"), >=, 2);
  g_free (path);
  path = g_strdup_printf ("/REST/2.0/tickets?query=LastUpdated > '%sT23:59:59%%2B00:00'&orderby=id", day);
  exact = call (fixture, "GET", path, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (exact, "total"), ==, 0);

  error = call_fails (fixture, "GET", "/REST/2.0/tickets?query=Frobnicate = 'x'", NULL, NULL);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "unknown field"));
}

static void
test_entries (Fixture       *fixture,
              gconstpointer  data)
{
  guint id = stw_fake_rt_add_ticket (fixture->rt, "Subject", "Noisy fan", "Status", "resolved", NULL);
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%u", id);
  g_autofree char *comment = g_strconcat (path, "/comment", NULL);
  g_autofree char *reply = g_strconcat (path, "/correspond", NULL);
  g_autofree char *history = g_strconcat (path, "/history?fields=Type,Field,OldValue,NewValue,Created", NULL);
  g_autofree char *status = NULL;
  g_autofree char *worked = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(JsonObject) attachments = NULL;
  g_autofree char *transactions_path = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonObject) found = NULL;
  JsonObject *comment_txn;
  JsonObject *attachment;
  JsonArray *items;
  JsonObject *last;

  call (fixture, "POST", comment, "{\"Content\":\"Cleaned it\",\"ContentType\":\"text/plain\",\"TimeTaken\":15}",
        NULL, 201, NULL);
  status = stw_fake_rt_get_ticket_field (fixture->rt, id, "Status");
  worked = stw_fake_rt_get_ticket_field (fixture->rt, id, "TimeWorked");
  g_assert_cmpstr (status, ==, "resolved");
  g_assert_cmpstr (worked, ==, "15");

  /* A reply reopens the ticket. */
  call (fixture, "POST", reply, "{\"Content\":\"Is it quiet now?\"}", NULL, 201, NULL);
  g_free (status);
  status = stw_fake_rt_get_ticket_field (fixture->rt, id, "Status");
  g_assert_cmpstr (status, ==, "open");
  g_assert_cmpuint (stw_fake_rt_count_entries (fixture->rt, id, "Comment"), ==, 1);
  g_assert_cmpuint (stw_fake_rt_count_entries (fixture->rt, id, "Correspond"), ==, 1);

  page = call (fixture, "GET", history, NULL, NULL, 200, NULL);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "Type"), ==, "Create");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "Type"), ==, "Comment");
  last = json_array_get_object_element (items, 3);
  g_assert_cmpstr (json_object_get_string_member (last, "Type"), ==, "Status");
  g_assert_cmpstr (json_object_get_string_member (last, "OldValue"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (last, "NewValue"), ==, "open");

  /* The comment's text, found the way the RT backend looks: the
   * transactions of a type, then their attachments in one search. */
  transactions_path = g_strdup_printf ("/REST/2.0/transactions?query=ObjectType = 'RT::Ticket' AND ObjectId = %u"
                                       " AND (Type = 'Comment' OR Type = 'Correspond')"
                                       "&fields=Type,Creator,Created,TimeTaken&orderby=id", id);
  found = call (fixture, "GET", transactions_path, NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (found, "total"), ==, 2);
  comment_txn = json_array_get_object_element (json_object_get_array_member (found, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (comment_txn, "Type"), ==, "Comment");
  g_assert_cmpstr (json_object_get_string_member (comment_txn, "TimeTaken"), ==, "15");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (comment_txn, "Creator"), "id"),
                   ==, "root");

  query = g_strdup_printf ("[{\"field\":\"TransactionId\",\"operator\":\"IN\",\"value\":[%s]},"
                           "{\"field\":\"id\",\"operator\":\">\",\"value\":0}]",
                           json_object_get_string_member (comment_txn, "id"));
  attachments = call (fixture, "POST", "/REST/2.0/attachments?fields=TransactionId,ContentType,Content,Subject",
                      query, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (attachments, "total"), ==, 1);
  attachment = json_array_get_object_element (json_object_get_array_member (attachments, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (attachment, "Content"), ==, "Cleaned it");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (attachment, "TransactionId"),
                                                  "id"),
                   ==, json_object_get_string_member (comment_txn, "id"));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  guint id = stw_fake_rt_add_ticket (fixture->rt, "Subject", "Duplicate", NULL);
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(JsonObject) search = NULL;

  g_assert_null (call (fixture, "DELETE", "/REST/2.0/ticket/1", NULL, NULL, 204, NULL));
  gone = call (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (gone, "Status"), ==, "deleted");
  search = call (fixture, "GET", "/REST/2.0/tickets?query=id = 1", NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (search, "total"), ==, 0);
  g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, "Duplicate"), ==, 0);
  g_assert_cmpuint (id, ==, 1);
}

static void
test_assets_and_queues (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) asset = NULL;
  g_autoptr(JsonObject) found = NULL;
  g_autoptr(JsonObject) queues = NULL;
  g_autoptr(JsonObject) queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  created = call (fixture, "POST", "/REST/2.0/asset",
                  "{\"Name\":\"Laptop-001\",\"Catalog\":\"General assets\",\"Description\":\"Test laptop\"}",
                  NULL, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (created, "type"), ==, "asset");
  asset = call (fixture, "GET", "/REST/2.0/asset/1", NULL, NULL, 200, &etag);
  g_assert_cmpstr (json_object_get_string_member (asset, "Name"), ==, "Laptop-001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (asset, "Catalog"), "id"), ==, "1");

  found = call (fixture, "GET", "/REST/2.0/assets?query=Catalog = 'General assets' AND Name = 'Laptop-001'",
                NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (found, "total"), ==, 1);

  call (fixture, "PUT", "/REST/2.0/asset/1", "{\"Status\":\"in-use\"}", etag, 200, NULL);
  error = call_fails (fixture, "PUT", "/REST/2.0/asset/1", "{\"Status\":\"recycled\"}", etag);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE);

  stw_fake_rt_add_queue (fixture->rt, "Hardware");
  queues = call (fixture, "GET", "/REST/2.0/queues/all", NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (queues, "total"), ==, 2);
  queue = call (fixture, "GET", "/REST/2.0/queue/Hardware", NULL, NULL, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (queue, "id"), ==, 2);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  static const char create[] = "{\"Queue\":\"General\",\"Subject\":\"Once\"}";
  static const struct {
    StwFakeRtFault fault;
    StwSyncError   code;
    gboolean       applied;
  } cases[] = {
    { STW_FAKE_RT_FAULT_500, STW_SYNC_ERROR_SERVER, FALSE },
    { STW_FAKE_RT_FAULT_429, STW_SYNC_ERROR_RATE_LIMITED, FALSE },
    { STW_FAKE_RT_FAULT_MALFORMED, STW_SYNC_ERROR_BAD_REPLY, TRUE },
    { STW_FAKE_RT_FAULT_TRUNCATED, STW_SYNC_ERROR_BAD_REPLY, TRUE },
    { STW_FAKE_RT_FAULT_HANG, STW_SYNC_ERROR_TIMED_OUT, FALSE },
    { STW_FAKE_RT_FAULT_CLOSE, STW_SYNC_ERROR_BAD_REPLY, FALSE },
    { STW_FAKE_RT_FAULT_DROP_REPLY, STW_SYNC_ERROR_BAD_REPLY, TRUE },
  };
  guint expected = 0;

  stw_http_set_max_retry_after (fixture->http, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) rt = NULL;

      g_test_message ("fault %u", cases[i].fault);
      stw_fake_rt_fail_next_full (fixture->rt, "POST", "/REST/2.0/ticket", cases[i].fault, 1, 5);

      /* Other requests are not touched. */
      rt = call (fixture, "GET", "/REST/2.0/rt", NULL, NULL, 200, NULL);

      error = call_fails (fixture, "POST", "/REST/2.0/ticket", create, NULL);
      g_assert_error (error, STW_SYNC_ERROR, (int) cases[i].code);
      if (cases[i].applied)
        expected++;
      g_assert_cmpuint (stw_fake_rt_count_tickets (fixture->rt, "Once"), ==, expected);
    }
}

static void
test_fault_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;
  g_autoptr(JsonObject) third = NULL;

  stw_fake_rt_add_ticket (fixture->rt, "Subject", "Counted", NULL);
  stw_fake_rt_fail_next (fixture->rt, "GET", "/REST/2.0/ticket/*", STW_FAKE_RT_FAULT_500, 2);

  first = call_fails (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL);
  second = call_fails (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL);
  third = call (fixture, "GET", "/REST/2.0/ticket/1", NULL, NULL, 200, NULL);
  g_assert_error (first, STW_SYNC_ERROR, STW_SYNC_ERROR_SERVER);
  g_assert_error (second, STW_SYNC_ERROR, STW_SYNC_ERROR_SERVER);

  g_assert_cmpuint (stw_fake_rt_get_request_count (fixture->rt), ==, 3);
  g_assert_cmpuint (stw_fake_rt_count_requests (fixture->rt, "GET", "/REST/2.0/ticket/*"), ==, 3);
  g_assert_cmpuint (stw_fake_rt_count_requests (fixture->rt, "POST", "*"), ==, 0);
}

static void
test_tls (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "fixtures", "self-signed.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (path, &error);
  g_autoptr(StwFakeRt) rt = NULL;
  g_autoptr(StwHttp) http = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  g_assert_no_error (error);
  rt = stw_fake_rt_new (certificate);
  g_assert_true (g_str_has_prefix (stw_fake_rt_get_url (rt), "https://"));

  http = stw_http_new (stw_fake_rt_get_url (rt), &error);
  g_assert_no_error (error);
  reply = stw_http_request (http, "GET", "/REST/2.0/rt", NULL, NULL, NULL, &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TLS_UNTRUSTED);
  g_assert_cmpuint (stw_fake_rt_get_request_count (rt), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/sync/fake-rt/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("auth", test_auth);
  ADD ("ticket-lifecycle", test_ticket_lifecycle);
  ADD ("search", test_search);
  ADD ("entries", test_entries);
  ADD ("delete", test_delete);
  ADD ("assets-and-queues", test_assets_and_queues);
  ADD ("faults", test_faults);
  ADD ("fault-rules", test_fault_rules);
#undef ADD
  g_test_add_func ("/steward/sync/fake-rt/tls", test_tls);

  status = g_test_run ();
  stw_test_stop_pool_threads ();

  return status;
}
