/* stw-test-server.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <string.h>

/*
 * A loopback HTTP server for widget tests, on a thread and main context
 * of its own, so the interface's main loop and the sync's blocking
 * client never wait for each other. It answers one path with a status
 * and a JSON body set by the test (anything else is a 404), and notes
 * the Authorization header it was sent.
 */

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GTlsCertificate *certificate;   /* HTTPS with it, or plain HTTP */
  char         *url;

  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  char         *path;
  guint         status;
  char         *body;
  char         *authorization;
  guint         requests;
} StwTestServer;

static inline void
stw_test_server_handle (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  StwTestServer *test_server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *body;

  g_mutex_lock (&test_server->lock);
  test_server->requests++;
  g_free (test_server->authorization);
  test_server->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));

  if (g_strcmp0 (path, test_server->path) == 0)
    {
      soup_server_message_set_status (msg, test_server->status, NULL);
      body = test_server->body;
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      body = "{\"message\":\"Not Found\"}";
    }
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
  g_mutex_unlock (&test_server->lock);
}

static inline gpointer
stw_test_server_thread (gpointer data)
{
  StwTestServer *test_server = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (test_server->context);

  test_server->server = soup_server_new ("tls-certificate", test_server->certificate, NULL);
  soup_server_add_handler (test_server->server, NULL, stw_test_server_handle, test_server, NULL);
  soup_server_listen_local (test_server->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (test_server->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (test_server->server);
  g_assert_nonnull (uris);
  /* The base URL, without the slash the path starts with. */
  test_server->url = g_strdup_printf ("%s://127.0.0.1:%d",
                                      test_server->certificate != NULL ? "https" : "http",
                                      g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&test_server->lock);
  test_server->ready = TRUE;
  g_cond_signal (&test_server->cond);
  g_mutex_unlock (&test_server->lock);

  g_main_loop_run (test_server->loop);

  soup_server_disconnect (test_server->server);
  g_clear_object (&test_server->server);
  g_main_context_pop_thread_default (test_server->context);
  return NULL;
}

/* @certificate: (nullable): serve HTTPS with it (and its key) */
static inline StwTestServer *
stw_test_server_new_full (GTlsCertificate *certificate)
{
  StwTestServer *test_server = g_new0 (StwTestServer, 1);

  test_server->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;

  g_mutex_init (&test_server->lock);
  g_cond_init (&test_server->cond);
  test_server->context = g_main_context_new ();
  test_server->loop = g_main_loop_new (test_server->context, FALSE);
  test_server->status = SOUP_STATUS_OK;
  test_server->path = g_strdup ("/");
  test_server->body = g_strdup ("{}");
  test_server->thread = g_thread_new ("test-server", stw_test_server_thread, test_server);

  g_mutex_lock (&test_server->lock);
  while (!test_server->ready)
    g_cond_wait (&test_server->cond, &test_server->lock);
  g_mutex_unlock (&test_server->lock);

  return test_server;
}

static inline StwTestServer *
stw_test_server_new (void)
{
  return stw_test_server_new_full (NULL);
}

/* From now on, @path answers @status with @body. */
static inline void
stw_test_server_answer (StwTestServer *test_server,
                        const char    *path,
                        guint          status,
                        const char    *body)
{
  g_mutex_lock (&test_server->lock);
  g_free (test_server->path);
  g_free (test_server->body);
  test_server->path = g_strdup (path);
  test_server->status = status;
  test_server->body = g_strdup (body);
  g_mutex_unlock (&test_server->lock);
}

/* The Authorization header of the last request, or NULL. */
static inline char *
stw_test_server_dup_authorization (StwTestServer *test_server)
{
  char *authorization;

  g_mutex_lock (&test_server->lock);
  authorization = g_strdup (test_server->authorization);
  g_mutex_unlock (&test_server->lock);
  return authorization;
}

static inline gboolean
stw_test_server_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static inline void
stw_test_server_free (StwTestServer *test_server)
{
  g_main_context_invoke (test_server->context, stw_test_server_quit_cb, test_server->loop);
  g_thread_join (test_server->thread);
  g_main_loop_unref (test_server->loop);
  g_main_context_unref (test_server->context);
  g_mutex_clear (&test_server->lock);
  g_cond_clear (&test_server->cond);
  g_clear_object (&test_server->certificate);
  g_free (test_server->url);
  g_free (test_server->path);
  g_free (test_server->body);
  g_free (test_server->authorization);
  g_free (test_server);
}
