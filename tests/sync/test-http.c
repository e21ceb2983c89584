/* test-http.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-http-util.h"

/* StwHttp over plain HTTP against a scripted loopback server
 * (test-http-util.h): replies, retries, waits, every kind of failure and
 * what its message says, and that no secret reaches a message or the
 * log. TLS is in test-http-tls.c. */

static GMutex log_mutex;
static GString *log_text;

/* ------------------------------------------------------------------------ */

/* Every log line of the process (GLib, libsoup, ours, debug included)
 * is kept, so a test can say what never reached the log. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        {
          if (fields[i].length < 0)
            g_string_append (log_text, fields[i].value);
          else
            g_string_append_len (log_text, fields[i].value, fields[i].length);
          g_string_append_c (log_text, ' ');
        }
    }
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_mutex);

  if ((level & G_LOG_LEVEL_DEBUG) != 0)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* ------------------------------------------------------------------------ */

static void
test_ok (Fixture       *fixture,
         gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "{\"Version\":\"5.0.3\",\"Plugins\":[]}", NULL, "\"34\"" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  reply = get (fixture, "/REST/2.0/rt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (reply->etag, ==, "34");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->body));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply->body), "Version"), ==, "5.0.3");
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 1);
  g_assert_cmpstr (fixture->method, ==, "GET");
  g_assert_cmpstr (fixture->path, ==, "/REST/2.0/rt");
  g_assert_cmpstr (fixture->authorization, ==, TOKEN);
  g_assert_null (fixture->if_match);
  g_assert_null (stw_http_get_peer_certificate (fixture->http));
}

static void
test_empty_replies (Fixture       *fixture,
                    gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 204 },
    { ANSWER, 304 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) deleted = NULL;
  g_autoptr(StwHttpReply) unchanged = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  deleted = stw_http_request (fixture->http, "DELETE", "/REST/2.0/ticket/3", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->status, ==, 204);
  g_assert_null (deleted->body);
  g_assert_cmpstr (fixture->method, ==, "DELETE");

  unchanged = get (fixture, "/REST/2.0/ticket/3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unchanged->status, ==, 304);
  g_assert_null (unchanged->body);
}

static void
test_post_json (Fixture       *fixture,
                gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 201, "{\"id\":\"7\",\"type\":\"ticket\"}", NULL, NULL, "/REST/2.0/ticket/7" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) received = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Subject");
  json_builder_add_string_value (builder, "Printer on fire — “urgent”");
  json_builder_set_member_name (builder, "Priority");
  json_builder_add_int_value (builder, 5);
  json_builder_end_object (builder);
  sent = json_builder_get_root (builder);

  script (fixture, steps, G_N_ELEMENTS (steps));
  reply = stw_http_request (fixture->http, "POST", "/REST/2.0/ticket", sent, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (reply->location, ==, "/REST/2.0/ticket/7");
  g_assert_null (reply->etag);
  g_assert_cmpstr (fixture->method, ==, "POST");
  g_assert_cmpstr (fixture->content_type, ==, "application/json");
  received = json_from_string (fixture->body, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (sent, received));
}

static void
test_if_match (Fixture       *fixture,
               gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "[\"Ticket 1: Status changed from 'new' to 'open'\"]" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) first = NULL;
  g_autoptr(StwHttpReply) second = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"Status\":\"open\"}", NULL);

  script (fixture, steps, G_N_ELEMENTS (steps));
  first = stw_http_request (fixture->http, "PUT", "/REST/2.0/ticket/1", body, "34", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->if_match, ==, "\"34\"");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (first->body));

  /* A version that already has its quotes is not quoted twice. */
  second = stw_http_request (fixture->http, "PUT", "/REST/2.0/ticket/1", body, "\"35\"", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->if_match, ==, "\"35\"");
}

static void
test_path_escaping (Fixture       *fixture,
                    gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "{\"items\":[]}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *query = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  reply = get (fixture, "/REST/2.0/tickets?query=Subject = 'a b' AND id > 3&orderby=id", &error);
  g_assert_no_error (error);

  query = g_uri_unescape_string (fixture->query, NULL);
  g_assert_cmpstr (query, ==, "query=Subject = 'a b' AND id > 3&orderby=id");
  g_assert_cmpstr (fixture->path, ==, "/REST/2.0/tickets");
}

static void
test_base_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttp) http = NULL;

  http = stw_http_new ("  https://rt.example.org/rt/  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_http_get_base_url (http), ==, "https://rt.example.org/rt");
  g_clear_object (&http);

  http = stw_http_new ("http://127.0.0.1:8080", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_http_get_base_url (http), ==, "http://127.0.0.1:8080");
}

static void
test_bad_url (void)
{
  static const char *const urls[] = {
    "",
    "rt.example.org",
    "ftp://rt.example.org",
    "https://",
    "https://rt.example.org/?token=abc",
    "https://root:hunter2-secret@rt.example.org",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StwHttp) http = stw_http_new (urls[i], &error);

      g_test_message ("%s", urls[i]);
      g_assert_null (http);
      g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL);
      g_assert_null (strstr (error->message, "hunter2"));
    }
}

static void
test_next_page (Fixture       *fixture,
                gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "{\"items\":[]}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *same = NULL;
  g_autofree char *other_port = NULL;
  g_autofree char *other_scheme = NULL;
  const char *others[3];

  script (fixture, steps, G_N_ELEMENTS (steps));

  same = g_strdup_printf ("%s/REST/2.0/tickets?query=id>0&per_page=2&=&page=2",
                          stw_test_server_get_url (fixture->server));
  reply = get (fixture, same, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->path, ==, "/REST/2.0/tickets");
  g_assert_true (g_str_has_suffix (fixture->query, "page=2"));
  g_assert_cmpuint (served (fixture), ==, 1);

  other_port = g_strdup_printf ("http://127.0.0.1:%u/REST/2.0/tickets?page=2",
                                stw_test_server_get_port (fixture->server) == 1
                                ? 2 : stw_test_server_get_port (fixture->server) - 1);
  other_scheme = g_strdup_printf ("https://127.0.0.1:%u/REST/2.0/tickets?page=2",
                                  stw_test_server_get_port (fixture->server));
  others[0] = "http://attacker.invalid/REST/2.0/tickets?page=2";
  others[1] = other_port;
  others[2] = other_scheme;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(StwHttpReply) refused = get (fixture, others[i], &local_error);

      g_test_message ("%s", others[i]);
      g_assert_null (refused);
      g_assert_error (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL);
    }

  /* Nothing was sent anywhere for the refused links. */
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 1);
  g_assert_cmpuint (served (fixture), ==, 1);
}

static void
test_refused (void)
{
  g_autoptr(StwTestClosedPort) port = stw_test_closed_port_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", stw_test_closed_port_get (port));
  g_autoptr(StwHttp) http = new_client (url);
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  stw_http_set_max_retries (http, 2);
  reply = stw_http_request (http, "POST", "/REST/2.0/ticket", NULL, NULL, NULL, &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_CONNECTION_REFUSED);
  g_assert_true (stw_sync_error_is_transient (error));
  /* Even a POST is tried again: a refused connection reached nobody. */
  g_assert_cmpuint (stw_http_get_request_count (http), ==, 3);
  g_assert_nonnull (strstr (error->message, url + strlen ("http://")));
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  static const Step steps[] = {
    { HANG },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  gint64 start;
  double elapsed;

  script (fixture, steps, G_N_ELEMENTS (steps));
  stw_http_set_timeout (fixture->http, 1);
  stw_http_set_max_retries (fixture->http, 1);

  start = g_get_monotonic_time ();
  reply = get (fixture, "/REST/2.0/rt", &error);
  elapsed = seconds_since (start);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TIMED_OUT);
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 2);
  g_assert_cmpuint (served (fixture), ==, 2);
  g_assert_cmpfloat (elapsed, >=, 1.8);
  g_assert_cmpfloat (elapsed, <, 15.0);
}

static void
test_retry_5xx (Fixture       *fixture,
                gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 500, "{\"message\":\"Internal Server Error\"}" },
    { ANSWER, 200, "{\"ok\":true}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  reply = get (fixture, "/REST/2.0/ticket/1", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 2);
  g_assert_cmpuint (served (fixture), ==, 2);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 500, "{\"message\":\"Internal Server Error\"}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  stw_http_set_max_retries (fixture->http, 2);
  reply = get (fixture, "/REST/2.0/ticket/1", &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 3);
  g_assert_cmpuint (served (fixture), ==, 3);
}

static void
test_post_not_repeated (Fixture       *fixture,
                        gconstpointer  data)
{
  static const Step fails[] = {
    { ANSWER, 500 },
    { ANSWER, 201, "{\"id\":\"8\"}" },
  };
  static const Step busy[] = {
    { ANSWER, 503 },
    { ANSWER, 201, "{\"id\":\"9\"}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"Subject\":\"once\"}", NULL);

  /* The 500 may have come after the ticket was made: never send it
   * twice. */
  script (fixture, fails, G_N_ELEMENTS (fails));
  reply = stw_http_request (fixture->http, "POST", "/REST/2.0/ticket", body, NULL, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_SERVER);
  g_assert_cmpuint (served (fixture), ==, 1);
  g_clear_error (&error);

  /* 503 says the server did nothing with it. */
  script (fixture, busy, G_N_ELEMENTS (busy));
  reply = stw_http_request (fixture->http, "POST", "/REST/2.0/ticket", body, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpuint (served (fixture), ==, 2);
}

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 429, "{\"message\":\"Too Many Requests\"}", "1" },
    { ANSWER, 200, "{\"ok\":true}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  gint64 start;

  script (fixture, steps, G_N_ELEMENTS (steps));
  start = g_get_monotonic_time ();
  reply = get (fixture, "/REST/2.0/rt", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 2);
  g_assert_cmpfloat (seconds_since (start), >=, 0.95);
}

static void
test_retry_after_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 2);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  g_autofree char *soon_text = soup_date_time_to_string (soon, SOUP_DATE_HTTP);
  g_autofree char *later_text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  Step steps[] = {
    { ANSWER, 429, NULL, soon_text },
    { ANSWER, 200, "{\"ok\":true}" },
  };
  Step far[] = {
    { ANSWER, 429, NULL, later_text },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  gint64 start;

  script (fixture, steps, G_N_ELEMENTS (steps));
  start = g_get_monotonic_time ();
  reply = get (fixture, "/REST/2.0/rt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 200);
  /* An HTTP-date has whole seconds: "in 2 s" is between 1 and 2 s. */
  g_assert_cmpfloat (seconds_since (start), >=, 0.9);
  g_assert_cmpuint (served (fixture), ==, 2);

  script (fixture, far, G_N_ELEMENTS (far));
  g_clear_pointer (&reply, stw_http_reply_free);
  start = g_get_monotonic_time ();
  reply = get (fixture, "/REST/2.0/rt", &error);
  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_RATE_LIMITED);
  g_assert_cmpuint (served (fixture), ==, 1);
  g_assert_cmpfloat (seconds_since (start), <, 1.0);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 429, NULL, "120" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  gint64 start;

  script (fixture, steps, G_N_ELEMENTS (steps));
  stw_http_set_max_retry_after (fixture->http, 60);
  start = g_get_monotonic_time ();
  reply = get (fixture, "/REST/2.0/rt", &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "120"));
  g_assert_cmpuint (stw_http_get_request_count (fixture->http), ==, 1);
  g_assert_cmpfloat (seconds_since (start), <, 1.0);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel_wait (Fixture       *fixture,
                  gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 429, NULL, "30" },
    { ANSWER, 200, "{\"ok\":true}" },
  };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  GThread *canceller;
  gint64 start;

  script (fixture, steps, G_N_ELEMENTS (steps));
  start = g_get_monotonic_time ();
  canceller = g_thread_new ("cancel", cancel_later, cancellable);
  reply = stw_http_request (fixture->http, "GET", "/REST/2.0/rt", NULL, NULL, cancellable, &error);
  g_thread_join (canceller);

  g_assert_null (reply);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds_since (start), <, 3.0);
  g_assert_cmpuint (served (fixture), ==, 1);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "{\"items\": [{\"id\": \"1\"}, {\"id\": " },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  stw_http_set_max_retries (fixture->http, 0);
  reply = get (fixture, "/REST/2.0/tickets?query=id>0", &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY);
  g_assert_true (stw_sync_error_is_transient (error));
}

static void
test_web_page (Fixture       *fixture,
               gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 200, "<html><body>Login</body></html>", NULL, NULL, NULL, "text/html" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  script (fixture, steps, G_N_ELEMENTS (steps));
  stw_http_set_max_retries (fixture->http, 0);
  reply = get (fixture, "/REST/2.0/rt", &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "web page"));
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  /* Cut short of its Content-Length, then closed; the second is valid
   * JSON as far as it goes, and says "Connection: close" as RT's
   * Starlet always does, which libsoup takes as the end of the body. */
  static const Step steps[] = {
    { RAW, 0, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
              "{\"items\": [{\"id\": \"1\"}" },
    { RAW, 0, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
              "Connection: close\r\n\r\n{\"items\": []}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StwHttpReply) reply = NULL;

      script (fixture, &steps[i], 1);
      stw_http_set_max_retries (fixture->http, 1);
      reply = get (fixture, "/REST/2.0/tickets?query=id>0", &error);

      g_assert_null (reply);
      g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY);
      g_assert_nonnull (strstr (error->message, "closed before"));
      /* A GET is safe to try again. */
      g_assert_cmpuint (served (fixture), ==, 2);
    }
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  static const Step steps[] = {
    { CLOSE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"Subject\":\"once\"}", NULL);

  script (fixture, steps, G_N_ELEMENTS (steps));
  reply = stw_http_request (fixture->http, "POST", "/REST/2.0/ticket", body, NULL, NULL, &error);

  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY);
  g_assert_true (stw_sync_error_is_transient (error));
  /* The create may have happened: it is not sent again. */
  g_assert_cmpuint (served (fixture), ==, 1);
}

static void
test_statuses (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    Step         step;
    StwSyncError code;
    const char  *says;
  } cases[] = {
    { { ANSWER, 401, "{\"message\":\"Unauthorized\"}" }, STW_SYNC_ERROR_UNAUTHORIZED, "token or password" },
    { { ANSWER, 403, "{\"message\":\"Forbidden\"}" }, STW_SYNC_ERROR_UNAUTHORIZED, "token or password" },
    { { ANSWER, 404, "{\"message\":\"Not Found\"}" }, STW_SYNC_ERROR_NOT_FOUND, "/REST/2.0/ticket/999" },
    { { ANSWER, 412, "{\"message\":\"Precondition Failed\"}" }, STW_SYNC_ERROR_STALE, "412" },
    { { ANSWER, 422, "{\"message\":\"Bad value\"}" }, STW_SYNC_ERROR_REFUSED, "Bad value" },
    { { ANSWER, 422, "{\"errors\":[\"Subject cannot be blank\",\"Tracker is invalid\"]}" },
      STW_SYNC_ERROR_REFUSED, "Subject cannot be blank; Tracker is invalid" },
    { { ANSWER, 400, "not json" }, STW_SYNC_ERROR_REFUSED, "400" },
    { { ANSWER, 302, NULL, NULL, NULL, "https://rt.example.org/" }, STW_SYNC_ERROR_BAD_URL, "https://rt.example.org/" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StwHttpReply) reply = NULL;

      script (fixture, &cases[i].step, 1);
      reply = get (fixture, "/REST/2.0/ticket/999", &error);

      g_test_message ("HTTP %u: %s", cases[i].step.status, error ? error->message : "(none)");
      g_assert_null (reply);
      g_assert_error (error, STW_SYNC_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      /* None of these is worth a second try. */
      g_assert_cmpuint (served (fixture), ==, 1);
    }
}

static void
test_secrets_hidden (Fixture       *fixture,
                     gconstpointer  data)
{
  static const Step steps[] = {
    { ANSWER, 422, "{\"message\":\"Bad header Authorization: " TOKEN " and hunter2-secret\"}" },
    { ANSWER, 401, "{\"message\":\"" TOKEN_SECRET "\"}" },
    { ANSWER, 500, "{\"message\":\"" TOKEN_SECRET "\"}" },
    { HANG },
  };
  const char *secrets[] = { TOKEN_SECRET, "hunter2-secret", "X-Key-Value-42" };
  g_autofree char *basic = g_base64_encode ((const guchar *) "root:hunter2-secret", strlen ("root:hunter2-secret"));
  g_autofree char *captured = NULL;

  stw_http_set_max_retries (fixture->http, 0);
  stw_http_set_timeout (fixture->http, 1);
  stw_http_set_secret_header (fixture->http, "X-Redmine-API-Key", "X-Key-Value-42");
  g_log_set_debug_enabled (TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StwHttpReply) reply = NULL;

      /* Basic auth for half the requests, the token for the others. */
      if (i % 2 == 0)
        stw_http_set_basic_auth (fixture->http, "root", "hunter2-secret");
      else
        stw_http_set_authorization (fixture->http, TOKEN);

      script (fixture, &steps[i], 1);
      reply = get (fixture, "/REST/2.0/rt", &error);

      g_assert_null (reply);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
        g_assert_null (strstr (error->message, secrets[j]));
      g_assert_null (strstr (error->message, basic));
    }

  /* The requests did carry the secrets, and the log saw the requests. */
  g_assert_cmpstr (fixture->authorization, ==, TOKEN);
  g_mutex_lock (&log_mutex);
  captured = g_strdup (log_text->str);
  g_mutex_unlock (&log_mutex);
  g_log_set_debug_enabled (FALSE);

  g_assert_nonnull (strstr (captured, "/REST/2.0/rt: HTTP 422"));
  for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
    g_assert_null (strstr (captured, secrets[j]));
  g_assert_null (strstr (captured, basic));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/sync/http/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ok", test_ok);
  ADD ("empty-replies", test_empty_replies);
  ADD ("post-json", test_post_json);
  ADD ("if-match", test_if_match);
  ADD ("path-escaping", test_path_escaping);
  ADD ("next-page", test_next_page);
  ADD ("timeout", test_timeout);
  ADD ("retry-5xx", test_retry_5xx);
  ADD ("server-error", test_server_error);
  ADD ("post-not-repeated", test_post_not_repeated);
  ADD ("retry-after", test_retry_after);
  ADD ("retry-after-date", test_retry_after_date);
  ADD ("rate-limited", test_rate_limited);
  ADD ("cancel-wait", test_cancel_wait);
  ADD ("malformed", test_malformed);
  ADD ("web-page", test_web_page);
  ADD ("truncated", test_truncated);
  ADD ("closed", test_closed);
  ADD ("statuses", test_statuses);
  ADD ("secrets-hidden", test_secrets_hidden);
#undef ADD

  g_test_add_func ("/steward/sync/http/base-path", test_base_path);
  g_test_add_func ("/steward/sync/http/bad-url", test_bad_url);
  g_test_add_func ("/steward/sync/http/refused", test_refused);

  status = g_test_run ();
  stw_test_stop_pool_threads ();

  return status;
}
