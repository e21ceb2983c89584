/* stw-test-server.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A loopback SoupServer on a thread of its own, with its own main
 * context, for tests whose client blocks the test's thread. The
 * callback runs on the server's thread: what it shares with the test
 * must be locked. */
typedef struct _StwTestServer StwTestServer;

/* Listens on 127.0.0.1 on a free port; with @tls (certificate and
 * key), speaks HTTPS. Returns once the server accepts connections. */
StwTestServer *stw_test_server_new          (GTlsCertificate    *tls,
                                             SoupServerCallback  callback,
                                             gpointer            user_data);
void           stw_test_server_free         (StwTestServer      *self);
/* "http://127.0.0.1:PORT" (or https://), without a trailing slash. */
const char    *stw_test_server_get_url      (StwTestServer      *self);
guint          stw_test_server_get_port     (StwTestServer      *self);

/* Answers a request the way a broken server or network would; for the
 * callback, instead of setting a status. */
/* Writes @raw (status line, headers, body) as it is, then closes. */
void           stw_test_server_reply_raw    (StwTestServer      *self,
                                             SoupServerMessage  *msg,
                                             const char         *raw);
/* Closes the connection without a word. */
void           stw_test_server_close        (StwTestServer      *self,
                                             SoupServerMessage  *msg);
/* Keeps the connection open and never answers (until the server is
 * freed). */
void           stw_test_server_hang         (StwTestServer      *self,
                                             SoupServerMessage  *msg);

/* A port on 127.0.0.1 where nothing listens, kept so until
 * stw_test_closed_port_free(). */
typedef struct _StwTestClosedPort StwTestClosedPort;
StwTestClosedPort *stw_test_closed_port_new  (void);
guint              stw_test_closed_port_get  (StwTestClosedPort *self);
void               stw_test_closed_port_free (StwTestClosedPort *self);

/* Ends GLib's idle pool threads; call at the end of main(). The TLS
 * handshakes of the server run on them (glib-networking), and with the
 * gnutls thread-local state they leave behind, LeakSanitizer's exit scan
 * of a live one crashes (a known LSan flaw with dynamic TLS). */
void               stw_test_stop_pool_threads (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwTestServer, stw_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwTestClosedPort, stw_test_closed_port_free)

G_END_DECLS
