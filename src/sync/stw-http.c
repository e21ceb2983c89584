/* stw-http.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-http"

#include "config.h"

#include "stw-http.h"
#include "stw-http-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * One SoupSession per server, used with libsoup's blocking calls on the
 * thread that made it. Each request is tried up to 1 + max_retries
 * times: after a refused connection, a 429 or a 503 always (the server
 * did not act on the request), and after a timeout, a broken reply or
 * another 5xx only when the method is idempotent. A POST that may have
 * reached the server is never sent twice: the engine looks for what it
 * may have made instead (see find_created in stw-sync-backend.h).
 *
 * Secrets (the Authorization value, the secret header, the password) go
 * into request headers and nowhere else: there is no SoupLogger, the
 * debug lines name the method, the path and the status, and every error
 * message is scrubbed of the secrets before it leaves, in case a server
 * echoes one back.
 */

#define DEFAULT_TIMEOUT          30
#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_MAX_RETRY_AFTER  60
#define DEFAULT_RETRY_DELAY_MS   500
#define MAX_RETRY_DELAY_MS       8000

G_DEFINE_FINAL_TYPE (StwHttp, stw_http, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */

static void
secret_free (gpointer data)
{
  char *secret = data;

  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
add_secret (StwHttp    *self,
            const char *secret)
{
  /* Very short strings would scrub innocent words from messages; real
   * tokens and passwords are longer than this. */
  if (secret != NULL && strlen (secret) >= 4)
    g_ptr_array_add (self->secrets, g_strdup (secret));
}

static gboolean
is_idempotent (const char *method)
{
  return g_ascii_strcasecmp (method, "GET") == 0
      || g_ascii_strcasecmp (method, "HEAD") == 0
      || g_ascii_strcasecmp (method, "PUT") == 0
      || g_ascii_strcasecmp (method, "DELETE") == 0
      || g_ascii_strcasecmp (method, "OPTIONS") == 0;
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* Percent-encodes what may not appear in a URI (spaces, quotes, bytes
 * past ASCII) and leaves everything else, escapes included, as it is, so
 * that a path escaped by the caller is not escaped twice. */
static char *
escape_loosely (const char *text)
{
  static const char allowed[] = "-._~:/?#[]@!$&'()*+,;=%";
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (*p < 0x80 && strchr (allowed, *p) != NULL))
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }

  return g_string_free (out, FALSE);
}

static GUri *
resolve (StwHttp     *self,
         const char  *path,
         GError     **error)
{
  g_autofree char *escaped = escape_loosely (path);
  const char *scheme = g_uri_peek_scheme (escaped);
  g_autoptr(GUri) uri = NULL;

  if (scheme != NULL)
    {
      uri = g_uri_parse (escaped, SOUP_HTTP_URI_FLAGS, NULL);
      if (uri == NULL || g_uri_get_host (uri) == NULL)
        {
          g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                       _("The server sent a link Steward cannot read."));
          return NULL;
        }

      if (g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (self->base_uri)) != 0
          || g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (self->base_uri)) != 0
          || effective_port (uri) != effective_port (self->base_uri))
        {
          /* Translators: the first %s is a host name, the second host:port. */
          g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                       _("The server sent a link to another server (%s); Steward only follows links to %s."),
                       g_uri_get_host (uri), self->authority);
          return NULL;
        }

      return g_steal_pointer (&uri);
    }

  if (path[0] != '/')
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                   _("“%s” is not a path on the server."), path);
      return NULL;
    }

  {
    g_autofree char *full = g_strconcat (self->base_url, escaped, NULL);

    uri = g_uri_parse (full, SOUP_HTTP_URI_FLAGS, NULL);
  }

  if (uri == NULL)
    g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                 _("“%s” is not a path on the server."), path);

  return g_steal_pointer (&uri);
}

static char *
strip_quotes (const char *tag)
{
  size_t len;

  if (g_str_has_prefix (tag, "W/"))
    tag += 2;

  len = strlen (tag);
  if (len >= 2 && tag[0] == '"' && tag[len - 1] == '"')
    return g_strndup (tag + 1, len - 2);

  return g_strdup (tag);
}

/* Sleeps, but wakes at once when @cancellable is cancelled. */
static gboolean
wait_for (guint          milliseconds,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) milliseconds * 1000;
  GPollFD pollfd;
  gboolean have_fd;
  gboolean ok = TRUE;

  have_fd = cancellable != NULL && g_cancellable_make_pollfd (cancellable, &pollfd);

  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (left <= 0)
        break;

      if (have_fd)
        g_poll (&pollfd, 1, (int) MIN ((left + 999) / 1000, G_MAXINT));
      else
        g_usleep ((gulong) left);
    }

  if (have_fd)
    g_cancellable_release_fd (cancellable);

  return ok;
}

static guint
backoff (StwHttp *self,
         guint    attempt)
{
  guint64 delay = (guint64) self->retry_delay_ms << MIN (attempt, 10);

  return (guint) MIN (delay, (guint64) MAX (MAX_RETRY_DELAY_MS, self->retry_delay_ms));
}

/* Whether the body is shorter than its Content-Length. libsoup takes the
 * end of a "Connection: close" reply (RT's Starlet sends it always) as
 * the end of the body, so a reply cut short would pass for a whole one.
 * A compressed body is measured after decoding, so it is not checked. */
static gboolean
body_cut_short (SoupMessage *msg,
                GBytes      *bytes)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  guint status = soup_message_get_status (msg);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

  if (g_ascii_strcasecmp (soup_message_get_method (msg), "HEAD") == 0
      || status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_NOT_MODIFIED
      || (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0)
      || soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;

  return (goffset) (bytes != NULL ? g_bytes_get_size (bytes) : 0)
         < soup_message_headers_get_content_length (headers);
}

/* ------------------------------------------------------------------------ */

static gboolean
message_accept_certificate_cb (SoupMessage          *msg,
                               GTlsCertificate      *certificate,
                               GTlsCertificateFlags  errors,
                               gpointer              user_data)
{
  StwHttp *self = user_data;
  g_autofree char *fingerprint = stw_certificate_fingerprint (certificate);

  g_set_object (&self->peer_certificate, certificate);
  self->peer_errors = errors;

  if (self->pinned != NULL && fingerprint != NULL && g_str_equal (fingerprint, self->pinned))
    {
      g_debug ("accepting the pinned certificate of %s", self->authority);
      self->peer_errors = 0;
      return TRUE;
    }

  self->pin_mismatch = self->pinned != NULL;
  return FALSE;
}

/* One request on the wire. Returns the reply, or NULL with @error set
 * and @next saying whether another attempt may help (after @wait_ms). */
static StwHttpReply *
send_once (StwHttp       *self,
           const char    *method,
           GUri          *uri,
           GBytes        *payload,
           const char    *if_match,
           guint          attempt,
           StwHttpNext   *next,
           guint         *wait_ms,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri (method, uri);
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers;
  gboolean idempotent = is_idempotent (method);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  GTlsCertificate *certificate;
  const char *etag;
  guint status;

  *next = STW_HTTP_GIVE_UP;
  *wait_ms = backoff (self, attempt);

  /* A redirect could carry the Authorization header to another host. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (request_headers, "Accept", "application/json");
  if (self->authorization != NULL)
    soup_message_headers_replace (request_headers, "Authorization", self->authorization);
  if (self->secret_header != NULL && self->secret_value != NULL)
    soup_message_headers_replace (request_headers, self->secret_header, self->secret_value);
  if (if_match != NULL)
    {
      g_autofree char *bare = strip_quotes (if_match);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", bare);

      soup_message_headers_replace (request_headers, "If-Match", quoted);
    }
  if (payload != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", payload);

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (message_accept_certificate_cb), self);
  self->peer_errors = 0;
  self->pin_mismatch = FALSE;

  self->request_count++;
  bytes = soup_session_send_and_read (self->session, msg, cancellable, &local_error);

  certificate = soup_message_get_tls_peer_certificate (msg);
  if (certificate != NULL)
    g_set_object (&self->peer_certificate, certificate);

  if (local_error != NULL)
    {
      g_debug ("%s %s: %s", method, g_uri_get_path (uri), local_error->message);
      *next = stw_http_transport_error (self, uri, idempotent, local_error, error);
      return NULL;
    }

  status = soup_message_get_status (msg);
  response_headers = soup_message_get_response_headers (msg);
  g_debug ("%s %s: HTTP %u", method, g_uri_get_path (uri), status);

  if (body_cut_short (msg, bytes))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
                   _("The connection to %s closed before the server's reply was complete."),
                   self->authority);
      *next = idempotent ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
      return NULL;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NOT_MODIFIED)
    {
      if (status != SOUP_STATUS_NOT_MODIFIED)
        {
          const char *content_type = soup_message_headers_get_content_type (response_headers, NULL);

          body = stw_http_parse_json (bytes, content_type, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              *next = idempotent ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
              return NULL;
            }
        }

      reply = g_new0 (StwHttpReply, 1);
      reply->status = status;
      reply->body = g_steal_pointer (&body);
      etag = soup_message_headers_get_one (response_headers, "ETag");
      if (etag != NULL)
        reply->etag = strip_quotes (etag);
      reply->location = g_strdup (soup_message_headers_get_one (response_headers, "Location"));

      return g_steal_pointer (&reply);
    }

  /* An error's body is read only for the server's message. */
  body = stw_http_parse_json (bytes, NULL, NULL);
  *next = stw_http_status_error (self, msg, uri, idempotent, body, wait_ms, error);
  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
stw_http_finalize (GObject *object)
{
  StwHttp *self = (StwHttp *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->peer_certificate);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->authorization, secret_free);
  g_clear_pointer (&self->secret_header, g_free);
  g_clear_pointer (&self->secret_value, secret_free);
  g_clear_pointer (&self->secrets, g_ptr_array_unref);
  g_clear_pointer (&self->pinned, g_free);

  G_OBJECT_CLASS (stw_http_parent_class)->finalize (object);
}

static void
stw_http_class_init (StwHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_http_finalize;
}

static void
stw_http_init (StwHttp *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->max_retry_after = DEFAULT_MAX_RETRY_AFTER;
  self->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
  self->secrets = g_ptr_array_new_with_free_func (secret_free);
}

/* ------------------------------------------------------------------------ */

void
stw_http_reply_free (StwHttpReply *reply)
{
  if (reply == NULL)
    return;

  g_free (reply->etag);
  g_free (reply->location);
  g_clear_pointer (&reply->body, json_node_unref);
  g_free (reply);
}

StwHttp *
stw_http_new (const char  *base_url,
              GError     **error)
{
  g_autoptr(StwHttp) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  const char *scheme;
  size_t len;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_strstrip (g_strdup (base_url));
  uri = g_uri_parse (text, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  /* The address is never repeated in these messages: it could hold a
   * password. */
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                   _("The server address must start with https:// or http://."));
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                   _("The server address has no server name."));
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                   _("Write the user name and the password in their own fields, not in the server address."));
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                   _("The server address cannot have a query (?…) or a fragment (#…)."));
      return NULL;
    }

  self = g_object_new (STW_TYPE_HTTP, NULL);

  normal = g_uri_to_string (uri);
  len = strlen (normal);
  while (len > 0 && normal[len - 1] == '/')
    normal[--len] = '\0';
  self->base_url = g_steal_pointer (&normal);
  self->base_uri = g_uri_parse (self->base_url, SOUP_HTTP_URI_FLAGS, NULL);
  g_assert (self->base_uri != NULL);
  self->authority = g_strdup_printf ("%s:%d", g_uri_get_host (uri), effective_port (uri));

  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "user-agent", "Steward/" PACKAGE_VERSION " ",
                                                 NULL);
  /* Credentials are set by hand on each message; nothing may cache them
   * or answer a challenge with them. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_AUTH_MANAGER);

  return g_steal_pointer (&self);
}

const char *
stw_http_get_base_url (StwHttp *self)
{
  g_return_val_if_fail (STW_IS_HTTP (self), NULL);

  return self->base_url;
}

void
stw_http_set_authorization (StwHttp    *self,
                            const char *value)
{
  const char *space;

  g_return_if_fail (STW_IS_HTTP (self));

  g_clear_pointer (&self->authorization, secret_free);
  if (value == NULL || value[0] == '\0')
    return;

  self->authorization = g_strdup (value);
  add_secret (self, value);

  /* "token 1-14-…", "Basic …": the credential alone is secret too. */
  space = strchr (value, ' ');
  if (space != NULL)
    {
      while (*space == ' ')
        space++;
      add_secret (self, space);
    }
}

void
stw_http_set_basic_auth (StwHttp    *self,
                         const char *user,
                         const char *password)
{
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *value = NULL;

  g_return_if_fail (STW_IS_HTTP (self));
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  pair = g_strconcat (user, ":", password, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  value = g_strconcat ("Basic ", encoded, NULL);

  add_secret (self, password);
  stw_http_set_authorization (self, value);

  memset (pair, 0, strlen (pair));
  memset (value, 0, strlen (value));
}

void
stw_http_set_secret_header (StwHttp    *self,
                            const char *name,
                            const char *value)
{
  g_return_if_fail (STW_IS_HTTP (self));
  g_return_if_fail (name != NULL);

  g_clear_pointer (&self->secret_header, g_free);
  g_clear_pointer (&self->secret_value, secret_free);
  if (value == NULL)
    return;

  self->secret_header = g_strdup (name);
  self->secret_value = g_strdup (value);
  add_secret (self, value);
}

void
stw_http_set_pinned_cert (StwHttp    *self,
                          const char *sha256_hex)
{
  GString *normal;

  g_return_if_fail (STW_IS_HTTP (self));

  g_clear_pointer (&self->pinned, g_free);
  if (sha256_hex == NULL)
    return;

  /* Accept the fingerprint as shown ("AB:CD:…") as well as bare hex. */
  normal = g_string_new (NULL);
  for (const char *p = sha256_hex; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (normal, g_ascii_tolower (*p));
    }

  if (normal->len > 0)
    self->pinned = g_string_free (normal, FALSE);
  else
    g_string_free (normal, TRUE);
}

void
stw_http_set_timeout (StwHttp *self,
                      guint    seconds)
{
  g_return_if_fail (STW_IS_HTTP (self));

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

void
stw_http_set_max_retries (StwHttp *self,
                          guint    retries)
{
  g_return_if_fail (STW_IS_HTTP (self));

  self->max_retries = retries;
}

void
stw_http_set_max_retry_after (StwHttp *self,
                              guint    seconds)
{
  g_return_if_fail (STW_IS_HTTP (self));

  self->max_retry_after = seconds;
}

void
stw_http_set_retry_delay (StwHttp *self,
                          guint    milliseconds)
{
  g_return_if_fail (STW_IS_HTTP (self));

  self->retry_delay_ms = milliseconds;
}

StwHttpReply *
stw_http_request (StwHttp       *self,
                  const char    *method,
                  const char    *path,
                  JsonNode      *body,
                  const char    *if_match,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) payload = NULL;

  g_return_val_if_fail (STW_IS_HTTP (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = resolve (self, path, error);
  if (uri == NULL)
    return NULL;

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      payload = g_bytes_new_take (text, strlen (text));
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      StwHttpReply *reply;
      guint wait_ms = 0;
      StwHttpNext next = STW_HTTP_GIVE_UP;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      reply = send_once (self, method, uri, payload, if_match, attempt,
                         &next, &wait_ms, cancellable, &local_error);
      if (reply != NULL)
        return reply;

      g_assert (local_error != NULL);
      stw_http_scrub_error (self, local_error);

      if (next == STW_HTTP_GIVE_UP || attempt >= self->max_retries)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_debug ("%s %s: trying again in %u ms", method, g_uri_get_path (uri), wait_ms);
      if (!wait_for (wait_ms, cancellable, error))
        return NULL;
    }
}

guint
stw_http_get_request_count (StwHttp *self)
{
  g_return_val_if_fail (STW_IS_HTTP (self), 0);

  return self->request_count;
}

GTlsCertificate *
stw_http_get_peer_certificate (StwHttp *self)
{
  g_return_val_if_fail (STW_IS_HTTP (self), NULL);

  return self->peer_certificate;
}

char *
stw_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}

char *
stw_certificate_format_fingerprint (const char *sha256_hex)
{
  GString *out;
  guint digits = 0;

  g_return_val_if_fail (sha256_hex != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = sha256_hex; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        continue;
      if (digits > 0 && digits % 2 == 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (*p));
      digits++;
    }

  return g_string_free (out, FALSE);
}
