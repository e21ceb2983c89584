/* stw-test-web.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A web server that is not the one a backend expects. */
typedef struct _StwTestWeb StwTestWeb;

StwTestWeb *stw_test_web_start   (const char *content_type,
                                  const char *body);
const char *stw_test_web_get_url (StwTestWeb *web);
void        stw_test_web_stop    (StwTestWeb *web);

G_END_DECLS
