/* stw-time.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The store keeps times as microseconds since 1970, UTC. Both keep the
 * microseconds, so that histories merged from several tables keep the
 * order things happened in. */
GDateTime *stw_time_from_usec       (gint64 usec);
/* The same in the local time zone, for showing. */
GDateTime *stw_time_from_usec_local (gint64 usec);

G_END_DECLS
