/* stw-test-web.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "stw-test-web.h"

/* A loopback web server on a thread of its own that answers every
 * request with 200 and one body. */

struct _StwTestWeb
{
  GMutex        lock;
  GCond         ready;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  char         *url;
  char         *type;
  char         *body;
};

static void
answer_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  StwTestWeb *web = data;

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, web->type, SOUP_MEMORY_COPY, web->body,
                                    strlen (web->body));
}

static gpointer
serve (gpointer data)
{
  StwTestWeb *web = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (web->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, answer_cb, web, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&web->lock);
  web->url = g_uri_to_string (uris->data);
  g_cond_signal (&web->ready);
  g_mutex_unlock (&web->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (web->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (web->context);
  return NULL;
}

StwTestWeb *
stw_test_web_start (const char *type,
                    const char *body)
{
  StwTestWeb *web = g_new0 (StwTestWeb, 1);

  g_mutex_init (&web->lock);
  g_cond_init (&web->ready);
  web->type = g_strdup (type);
  web->body = g_strdup (body);
  web->context = g_main_context_new ();
  web->loop = g_main_loop_new (web->context, FALSE);
  web->thread = g_thread_new ("web", serve, web);
  g_mutex_lock (&web->lock);
  while (web->url == NULL)
    g_cond_wait (&web->ready, &web->lock);
  g_mutex_unlock (&web->lock);
  return web;
}

const char *
stw_test_web_get_url (StwTestWeb *web)
{
  return web->url;
}

void
stw_test_web_stop (StwTestWeb *web)
{
  g_main_loop_quit (web->loop);
  g_thread_join (web->thread);
  g_main_loop_unref (web->loop);
  g_main_context_unref (web->context);
  g_mutex_clear (&web->lock);
  g_cond_clear (&web->ready);
  g_free (web->url);
  g_free (web->type);
  g_free (web->body);
  g_free (web);
}
