/* stw-http-errors.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-http"

#include "config.h"

#include "stw-http-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * What a failed request means for a person: every GLib, TLS and libsoup
 * error and every HTTP status becomes a StwSyncError whose message says
 * what happened and what to do, and whether another attempt may help.
 */

/* libsoup 3.2 has no name for it. */
#define TOO_MANY_REQUESTS 429

static char *
replace_all (const char *text,
             const char *needle,
             const char *replacement)
{
  GString *out = g_string_new (NULL);
  size_t needle_len = strlen (needle);
  const char *p = text;
  const char *hit;

  while ((hit = strstr (p, needle)) != NULL)
    {
      g_string_append_len (out, p, hit - p);
      g_string_append (out, replacement);
      p = hit + needle_len;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

static gboolean
host_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static char *
server_message (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);

  /* RT: {"message": "…"} */
  if (json_object_has_member (object, "message")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "message")))
    {
      const char *message = json_object_get_string_member (object, "message");

      if (message != NULL && message[0] != '\0')
        return g_strdup (message);
    }

  /* Redmine: {"errors": ["…", "…"]} */
  if (json_object_has_member (object, "errors")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "errors")))
    {
      JsonArray *errors = json_object_get_array_member (object, "errors");
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (errors); i++)
        {
          JsonNode *item = json_array_get_element (errors, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_string (item) == NULL)
            continue;
          if (joined->len > 0)
            g_string_append (joined, "; ");
          g_string_append (joined, json_node_get_string (item));
        }

      if (joined->len > 0)
        return g_string_free (g_steal_pointer (&joined), FALSE);
    }

  return NULL;
}

static char *
untrusted_message (StwHttp *self)
{
  GTlsCertificateFlags flags = self->peer_errors;
  gboolean self_signed = FALSE;

  if (self->pin_mismatch)
    return g_strdup (_("The server's certificate has changed since you trusted it. If its administrator "
                       "renewed it, compare the new fingerprint with theirs before trusting it; if not, "
                       "someone may be intercepting the connection."));

  if (self->peer_certificate != NULL)
    {
      g_autofree char *subject = g_tls_certificate_get_subject_name (self->peer_certificate);
      g_autofree char *issuer = g_tls_certificate_get_issuer_name (self->peer_certificate);

      self_signed = subject != NULL && issuer != NULL && g_strcmp0 (subject, issuer) == 0;
    }

  if ((flags & G_TLS_CERTIFICATE_UNKNOWN_CA) != 0 && self_signed)
    return g_strdup (_("The server's certificate is not trusted: it is self-signed. Compare its fingerprint "
                       "with the one the server's administrator gives you, and trust it only if they match."));
  if ((flags & G_TLS_CERTIFICATE_UNKNOWN_CA) != 0)
    return g_strdup (_("The server's certificate is not trusted: no authority this computer trusts signed it. "
                       "Compare its fingerprint with the one the server's administrator gives you, and trust "
                       "it only if they match."));
  if ((flags & G_TLS_CERTIFICATE_BAD_IDENTITY) != 0)
    return g_strdup (_("The server's certificate is not trusted: it was made for another server name. "
                       "Check the server address."));
  if ((flags & G_TLS_CERTIFICATE_EXPIRED) != 0)
    return g_strdup (_("The server's certificate is not trusted: it has expired. Ask the server's "
                       "administrator to renew it, or check this computer's clock."));
  if ((flags & G_TLS_CERTIFICATE_NOT_ACTIVATED) != 0)
    return g_strdup (_("The server's certificate is not trusted: it is not valid yet. Check this "
                       "computer's clock."));
  if ((flags & G_TLS_CERTIFICATE_REVOKED) != 0)
    return g_strdup (_("The server's certificate is not trusted: it has been revoked."));
  if ((flags & G_TLS_CERTIFICATE_INSECURE) != 0)
    return g_strdup (_("The server's certificate is not trusted: it uses an insecure algorithm."));

  return g_strdup (_("The server's certificate is not trusted: it could not be verified."));
}

/* ------------------------------------------------------------------------ */

/* The last line of defence: whatever built the message, no secret
 * leaves in it. */
void
stw_http_scrub_error (StwHttp *self,
                      GError  *error)
{
  if (error == NULL || error->message == NULL)
    return;

  for (guint i = 0; i < self->secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (self->secrets, i);

      if (strstr (error->message, secret) != NULL)
        {
          char *clean = replace_all (error->message, secret, "…");

          g_free (error->message);
          error->message = clean;
        }
    }
}

/* Seconds to wait, from a Retry-After of either form; -1 when there is
 * none or it cannot be read. */
gint64
stw_http_parse_retry_after (const char *value)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 diff;

  if (value == NULL)
    return -1;

  text = g_strstrip (g_strdup (value));
  if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text))
    {
      guint64 seconds = g_ascii_strtoull (text, NULL, 10);

      return (gint64) MIN (seconds, (guint64) G_MAXINT32);
    }

  when = soup_date_time_new_from_http_string (text);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  diff = g_date_time_difference (when, now);
  if (diff <= 0)
    return 0;

  return (diff + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

JsonNode *
stw_http_parse_json (GBytes      *bytes,
                     const char  *content_type,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (size == 0)
    return NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      if (content_type != NULL && g_str_has_prefix (content_type, "text/html"))
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
                     _("The server answered with a web page instead of data. Check the server address."));
      else
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
                     _("The server's reply is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* Turns a failure of the connection (no HTTP status) into the error the
 * user sees, and says whether trying again may help. */
StwHttpNext
stw_http_transport_error (StwHttp      *self,
                          GUri         *uri,
                          gboolean      idempotent,
                          const GError *cause,
                          GError      **error)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (cause));
      return STW_HTTP_GIVE_UP;
    }

  if (cause->domain == G_TLS_ERROR)
    {
      if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) || self->peer_errors != 0)
        {
          g_autofree char *message = untrusted_message (self);

          g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TLS_UNTRUSTED, message);
          return STW_HTTP_GIVE_UP;
        }
      if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
        {
          g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_SERVER,
                       _("The server at %s does not speak HTTPS on this port. Check the address "
                         "(https:// or http://) and the port."),
                       self->authority);
          return STW_HTTP_GIVE_UP;
        }
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_FAILED,
                   _("The secure connection to %s failed: %s"), self->authority, cause->message);
      return STW_HTTP_GIVE_UP;
    }

  /* A name that does not resolve, or a network that is not there: when
   * the whole computer is offline, say that rather than blame the
   * server. Loopback servers are reachable without a network. */
  if (!host_is_loopback (uri)
      && !g_network_monitor_get_network_available (monitor)
      && !g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_OFFLINE,
                   _("There is no network connection. Steward will sync when the network is back."));
      return STW_HTTP_GIVE_UP;
    }

  if (cause->domain == G_RESOLVER_ERROR
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_HOST_NOT_FOUND,
                   _("The server name “%s” could not be found. Check the address and the network connection."),
                   g_uri_get_host (uri));
      return STW_HTTP_GIVE_UP;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_OFFLINE,
                   _("The network is unreachable from this computer. Check the network connection."));
      return STW_HTTP_GIVE_UP;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_CONNECTION_REFUSED,
                   _("The server at %s refused the connection: it may be down, or the address or port "
                     "may be wrong."),
                   self->authority);
      return STW_HTTP_RETRY;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_CONNECTION_REFUSED,
                   _("The server at %s cannot be reached. Check the address and the network connection."),
                   self->authority);
      return STW_HTTP_RETRY;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TIMED_OUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The server at %s did not answer within %u second.",
                                "The server at %s did not answer within %u seconds.",
                                self->timeout),
                   self->authority, self->timeout);
      return idempotent ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED)
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CLOSED))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
                   _("The connection to %s closed before the server's reply was complete."),
                   self->authority);
      return idempotent ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
    }

  if (cause->domain == SOUP_SESSION_ERROR)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
                   _("The server's reply could not be read: %s"), cause->message);
      return idempotent ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
    }

  if (cause->domain == G_IO_ERROR
      && (cause->code == G_IO_ERROR_PROXY_FAILED
          || cause->code == G_IO_ERROR_PROXY_AUTH_FAILED
          || cause->code == G_IO_ERROR_PROXY_NEED_AUTH
          || cause->code == G_IO_ERROR_PROXY_NOT_ALLOWED))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_FAILED,
                   _("The proxy did not let Steward reach %s: %s"), self->authority, cause->message);
      return STW_HTTP_GIVE_UP;
    }

  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_FAILED,
               _("Could not talk to the server at %s: %s"), self->authority, cause->message);
  return STW_HTTP_GIVE_UP;
}

/* Turns an HTTP status that is not a success into the error the user
 * sees; @wait_ms is how long to wait before trying again. */
StwHttpNext
stw_http_status_error (StwHttp      *self,
                       SoupMessage  *msg,
                       GUri         *uri,
                       gboolean      idempotent,
                       JsonNode     *body,
                       guint        *wait_ms,
                       GError      **error)
{
  guint status = soup_message_get_status (msg);
  const char *reason = soup_message_get_reason_phrase (msg);
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  g_autofree char *message = server_message (body);

  if (reason == NULL)
    reason = "";

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNAUTHORIZED,
                   _("The server refused the token or password (HTTP %u). Check them in the account's settings."),
                   status);
      return STW_HTTP_GIVE_UP;
    }

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND,
                   _("The server has nothing at %s (HTTP %u): the record may have been deleted, or the "
                     "address may be wrong."),
                   g_uri_get_path (uri), status);
      return STW_HTTP_GIVE_UP;
    }

  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE,
                   _("The record changed on the server since Steward last read it (HTTP 412)."));
      return STW_HTTP_GIVE_UP;
    }

  if (status == TOO_MANY_REQUESTS)
    {
      gint64 seconds = stw_http_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

      if (seconds > (gint64) self->max_retry_after)
        {
          g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_RATE_LIMITED,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The server is busy and asks Steward to wait %u second; Steward will "
                                    "try again later.",
                                    "The server is busy and asks Steward to wait %u seconds; Steward will "
                                    "try again later.",
                                    (gulong) seconds),
                       (guint) seconds);
          return STW_HTTP_GIVE_UP;
        }

      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_RATE_LIMITED,
                   _("The server is busy and refuses more requests for now (HTTP 429); Steward will try "
                     "again later."));
      if (seconds >= 0)
        *wait_ms = (guint) seconds * 1000;
      return STW_HTTP_RETRY;
    }

  if (status >= 500 && status < 600)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_SERVER,
                   _("The server had a problem (HTTP %u %s). Steward will try again later; if this goes "
                     "on, tell the server's administrator."),
                   status, reason);
      /* 503 means the server did not act on the request. */
      return idempotent || status == SOUP_STATUS_SERVICE_UNAVAILABLE ? STW_HTTP_RETRY : STW_HTTP_GIVE_UP;
    }

  if (status >= 400 && status < 500)
    {
      if (message != NULL)
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
                     _("The server refused the request (HTTP %u): %s"), status, message);
      else
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
                     _("The server refused the request (HTTP %u %s)."), status, reason);
      return STW_HTTP_GIVE_UP;
    }

  if (status >= 300 && status < 400)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");

      if (location != NULL)
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                     _("The server sends Steward to another address (%s). Use that address for the account."),
                     location);
      else
        g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_URL,
                     _("The server sends Steward to another address (HTTP %u). Check the server address."),
                     status);
      return STW_HTTP_GIVE_UP;
    }

  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
               _("The server gave an unexpected answer (HTTP %u %s)."), status, reason);
  return STW_HTTP_GIVE_UP;
}
