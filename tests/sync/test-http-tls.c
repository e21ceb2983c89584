/* test-http-tls.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-http-util.h"

/* StwHttp over HTTPS, against a loopback server with the committed
 * test-only self-signed certificate (fixtures/self-signed.pem): refused
 * and shown to the user, trusted once pinned, refused again when the pin
 * is another certificate's. */

static GTlsCertificate *
load_certificate (char **pem_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "fixtures", "self-signed.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, pem_out, NULL, &error);
  g_assert_no_error (error);

  return certificate;
}

/* The fingerprint, computed without GTlsCertificate: SHA-256 of the
 * DER bytes inside the PEM's first CERTIFICATE block. */
static char *
pem_fingerprint (const char *pem)
{
  const char *begin = strstr (pem, "-----BEGIN CERTIFICATE-----");
  const char *end = strstr (pem, "-----END CERTIFICATE-----");
  g_autofree char *base64 = NULL;
  g_autofree guchar *der = NULL;
  gsize len = 0;

  g_assert_nonnull (begin);
  g_assert_nonnull (end);
  begin += strlen ("-----BEGIN CERTIFICATE-----");
  base64 = g_strndup (begin, end - begin);
  g_strdelimit (base64, "\r\n", ' ');
  g_strstrip (base64);
  {
    /* g_base64_decode() wants no whitespace. */
    GString *clean = g_string_new (NULL);

    for (const char *p = base64; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (clean, *p);
    der = g_base64_decode (clean->str, &len);
    g_string_free (clean, TRUE);
  }

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der, len);
}

static void
tls_server_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char body[] = "{\"Version\":\"5.0.3\"}";

  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
  soup_server_message_set_status (msg, 200, NULL);
}

static void
test_tls (void)
{
  g_autofree char *pem = NULL;
  g_autoptr(GTlsCertificate) certificate = load_certificate (&pem);
  g_autoptr(StwTestServer) server = stw_test_server_new (certificate, tls_server_cb, NULL);
  g_autofree char *expected = pem_fingerprint (pem);
  g_autofree char *shown = stw_certificate_format_fingerprint (expected);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttp) http = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  GTlsCertificate *peer;

  g_assert_true (g_str_has_prefix (stw_test_server_get_url (server), "https://"));

  /* Not signed by any authority: refused, and the certificate is there
   * for the user to look at. */
  http = new_client (stw_test_server_get_url (server));
  reply = stw_http_request (http, "GET", "/REST/2.0/rt", NULL, NULL, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TLS_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "self-signed"));
  g_assert_false (stw_sync_error_is_transient (error));
  g_assert_cmpuint (stw_http_get_request_count (http), ==, 1);
  peer = stw_http_get_peer_certificate (http);
  g_assert_nonnull (peer);
  fingerprint = stw_certificate_fingerprint (peer);
  g_assert_cmpstr (fingerprint, ==, expected);
  g_assert_cmpuint (strlen (fingerprint), ==, 64);
  g_assert_cmpuint (strlen (shown), ==, 32 * 3 - 1);
  g_assert_cmpuint (shown[2], ==, ':');
  g_clear_error (&error);
  g_clear_object (&http);

  /* Pinned (as shown, with colons and capitals): trusted. */
  http = new_client (stw_test_server_get_url (server));
  stw_http_set_pinned_cert (http, shown);
  reply = stw_http_request (http, "GET", "/REST/2.0/rt", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (stw_http_get_peer_certificate (http));
  g_clear_pointer (&reply, stw_http_reply_free);
  g_clear_object (&http);

  /* Another pin: the certificate changed. */
  http = new_client (stw_test_server_get_url (server));
  stw_http_set_pinned_cert (http, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  reply = stw_http_request (http, "GET", "/REST/2.0/rt", NULL, NULL, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TLS_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_object (&http);
}

static void
test_http_to_https_port (void)
{
  g_autofree char *pem = NULL;
  g_autoptr(GTlsCertificate) certificate = load_certificate (&pem);
  g_autoptr(StwTestServer) server = stw_test_server_new (certificate, tls_server_cb, NULL);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", stw_test_server_get_port (server));
  g_autoptr(StwHttp) http = new_client (url);
  g_autoptr(GError) error = NULL;
  g_autoptr(StwHttpReply) reply = NULL;

  /* Plain HTTP to an HTTPS port: some error a person can read, quickly. */
  stw_http_set_timeout (http, 5);
  stw_http_set_max_retries (http, 0);
  reply = stw_http_request (http, "GET", "/REST/2.0/rt", NULL, NULL, NULL, &error);
  g_assert_null (reply);
  g_assert_nonnull (error);
  g_assert_true (error->domain == STW_SYNC_ERROR);
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/sync/http-tls/untrusted-pinned-changed", test_tls);
  g_test_add_func ("/steward/sync/http-tls/http-to-https-port", test_http_to_https_port);

  status = g_test_run ();
  stw_test_stop_pool_threads ();

  return status;
}
