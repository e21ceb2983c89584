/* test-http-util.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the HTTP client's tests share: a scripted loopback server (each
 * request gets the next step of the script, the last one repeats, and
 * the server remembers what it was sent) and a client for it.
 * Header-only, so each test stays one file. */

#pragma once

#include <string.h>

#include "sync/stw-http.h"
#include "stw-test-server.h"

#define TOKEN        "token 1-14-5f0e7d8c9b2a41e3a6c7d8e9f0a1b2c3"
#define TOKEN_SECRET "1-14-5f0e7d8c9b2a41e3a6c7d8e9f0a1b2c3"

typedef enum
{
  ANSWER,
  RAW,
  CLOSE,
  HANG,
} StepKind;

typedef struct
{
  StepKind    kind;
  guint       status;
  const char *body;          /* NULL: none */
  const char *retry_after;
  const char *etag;
  const char *location;
  const char *content_type;  /* NULL: application/json */
} Step;

typedef struct
{
  StwTestServer *server;
  StwHttp       *http;

  GMutex         mutex;
  const Step    *steps;
  guint          n_steps;
  guint          served;
  char          *method;
  char          *path;
  char          *query;
  char          *if_match;
  char          *authorization;
  char          *content_type;
  char          *body;
} Fixture;

static inline void
script (Fixture    *fixture,
        const Step *steps,
        guint       n_steps)
{
  g_mutex_lock (&fixture->mutex);
  fixture->steps = steps;
  fixture->n_steps = n_steps;
  fixture->served = 0;
  g_mutex_unlock (&fixture->mutex);
}

static inline guint
served (Fixture *fixture)
{
  guint n;

  g_mutex_lock (&fixture->mutex);
  n = fixture->served;
  g_mutex_unlock (&fixture->mutex);

  return n;
}

static inline void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  Step step;

  g_mutex_lock (&fixture->mutex);
  g_assert_cmpuint (fixture->n_steps, >, 0);
  step = fixture->steps[MIN (fixture->served, fixture->n_steps - 1)];
  fixture->served++;
  g_free (fixture->method);
  fixture->method = g_strdup (soup_server_message_get_method (msg));
  g_free (fixture->path);
  fixture->path = g_strdup (path);
  g_free (fixture->query);
  fixture->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  g_free (fixture->if_match);
  fixture->if_match = g_strdup (soup_message_headers_get_one (request, "If-Match"));
  g_free (fixture->authorization);
  fixture->authorization = g_strdup (soup_message_headers_get_one (request, "Authorization"));
  g_free (fixture->content_type);
  fixture->content_type = g_strdup (soup_message_headers_get_content_type (request, NULL));
  g_free (fixture->body);
  fixture->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_mutex_unlock (&fixture->mutex);

  switch (step.kind)
    {
    case RAW:
      stw_test_server_reply_raw (fixture->server, msg, step.body);
      return;
    case CLOSE:
      stw_test_server_close (fixture->server, msg);
      return;
    case HANG:
      stw_test_server_hang (fixture->server, msg);
      return;
    case ANSWER:
    default:
      break;
    }

  if (step.retry_after != NULL)
    soup_message_headers_replace (response, "Retry-After", step.retry_after);
  if (step.etag != NULL)
    soup_message_headers_replace (response, "ETag", step.etag);
  if (step.location != NULL)
    soup_message_headers_replace (response, "Location", step.location);
  if (step.body != NULL)
    soup_server_message_set_response (msg, step.content_type ? step.content_type : "application/json",
                                      SOUP_MEMORY_STATIC, step.body, strlen (step.body));
  soup_server_message_set_status (msg, step.status, NULL);
}

static inline StwHttp *
new_client (const char *url)
{
  g_autoptr(GError) error = NULL;
  StwHttp *http = stw_http_new (url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (http);
  stw_http_set_authorization (http, TOKEN);
  stw_http_set_retry_delay (http, 20);

  return http;
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_mutex_init (&fixture->mutex);
  fixture->server = stw_test_server_new (NULL, server_cb, fixture);
  fixture->http = new_client (stw_test_server_get_url (fixture->server));
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->http);
  g_clear_pointer (&fixture->server, stw_test_server_free);
  g_free (fixture->method);
  g_free (fixture->path);
  g_free (fixture->query);
  g_free (fixture->if_match);
  g_free (fixture->authorization);
  g_free (fixture->content_type);
  g_free (fixture->body);
  g_mutex_clear (&fixture->mutex);
}

static inline StwHttpReply *
get (Fixture     *fixture,
     const char  *path,
     GError     **error)
{
  return stw_http_request (fixture->http, "GET", path, NULL, NULL, NULL, error);
}

static inline double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

