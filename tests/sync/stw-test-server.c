/* stw-test-server.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-test-server"

#include "config.h"

#include "stw-test-server.h"

#include <string.h>

struct _StwTestServer
{
  GThread            *thread;
  GMainContext       *context;
  GMainLoop          *loop;
  SoupServer         *server;
  GTlsCertificate    *tls;
  SoupServerCallback  callback;
  gpointer            user_data;

  GMutex              mutex;
  GCond               cond;
  gboolean            ready;
  GError             *error;

  char               *url;
  guint               port;
  GPtrArray          *held;      /* GIOStream of hung requests; server thread */
};

struct _StwTestClosedPort
{
  GSocket *socket;
  guint    port;
};

/* ------------------------------------------------------------------------ */

static void
close_stream (gpointer data)
{
  GIOStream *stream = data;

  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static gboolean
quit_cb (gpointer data)
{
  StwTestServer *self = data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static void
request_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  StwTestServer *self = data;

  self->callback (server, msg, path, query, self->user_data);
}

static gpointer
server_thread (gpointer data)
{
  StwTestServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  SoupServerListenOptions options = self->tls != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  if (self->tls != NULL)
    self->server = soup_server_new ("tls-certificate", self->tls, NULL);
  else
    self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, request_cb, self, NULL);

  if (soup_server_listen (self->server, address, options, &error))
    {
      uris = soup_server_get_uris (self->server);
      self->port = g_uri_get_port (uris->data);
      self->url = g_strdup_printf ("%s://127.0.0.1:%u", self->tls != NULL ? "https" : "http", self->port);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&self->mutex);
  self->ready = TRUE;
  self->error = g_steal_pointer (&error);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (self->url != NULL)
    g_main_loop_run (self->loop);

  g_ptr_array_set_size (self->held, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  /* Let the closed connections finish their business on this context. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/* ------------------------------------------------------------------------ */

StwTestServer *
stw_test_server_new (GTlsCertificate    *tls,
                     SoupServerCallback  callback,
                     gpointer            user_data)
{
  StwTestServer *self = g_new0 (StwTestServer, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->tls = tls != NULL ? g_object_ref (tls) : NULL;
  self->callback = callback;
  self->user_data = user_data;
  self->held = g_ptr_array_new_with_free_func (close_stream);

  self->thread = g_thread_new ("test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  g_assert_no_error (self->error);
  g_assert_nonnull (self->url);

  return self;
}

void
stw_test_server_free (StwTestServer *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self);
  g_thread_join (self->thread);

  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->tls);
  g_clear_error (&self->error);
  g_free (self->url);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
stw_test_server_get_url (StwTestServer *self)
{
  return self->url;
}

guint
stw_test_server_get_port (StwTestServer *self)
{
  return self->port;
}

void
stw_test_server_reply_raw (StwTestServer     *self,
                           SoupServerMessage *msg,
                           const char        *raw)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  /* The client may have gone already; that is its business. */
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), raw, strlen (raw), NULL, NULL, NULL);
  g_output_stream_flush (g_io_stream_get_output_stream (stream), NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

void
stw_test_server_close (StwTestServer     *self,
                       SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
}

void
stw_test_server_hang (StwTestServer     *self,
                      SoupServerMessage *msg)
{
  g_ptr_array_add (self->held, soup_server_message_steal_connection (msg));
}

StwTestClosedPort *
stw_test_closed_port_new (void)
{
  StwTestClosedPort *self = g_new0 (StwTestClosedPort, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  /* Bound but not listening: the port stays ours, and a connection to
   * it is refused. */
  self->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (self->socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (self->socket, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  return self;
}

guint
stw_test_closed_port_get (StwTestClosedPort *self)
{
  return self->port;
}

void
stw_test_closed_port_free (StwTestClosedPort *self)
{
  if (self == NULL)
    return;

  g_socket_close (self->socket, NULL);
  g_object_unref (self->socket);
  g_free (self);
}

static guint
count_pool_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", name, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_has_prefix (comm, "pool-"))
        count++;
    }

  return count;
}

void
stw_test_stop_pool_threads (void)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* An idle pool thread waits half a second for more work, then goes to
   * the unused threads, which may now keep none. */
  g_thread_pool_set_max_unused_threads (0);
  g_thread_pool_stop_unused_threads ();
  while (count_pool_threads () > 0 && g_get_monotonic_time () < deadline)
    {
      g_usleep (20 * 1000);
      g_thread_pool_stop_unused_threads ();
    }
}
