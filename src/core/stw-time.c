/* stw-time.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-time.h"

/**
 * stw_time_from_usec:
 *
 * Returns: (transfer full): @usec microseconds after 1970, in UTC
 */
GDateTime *
stw_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) second = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (second, usec % G_USEC_PER_SEC);
}

/**
 * stw_time_from_usec_local:
 *
 * Returns: (transfer full): @usec microseconds after 1970, in local time
 */
GDateTime *
stw_time_from_usec_local (gint64 usec)
{
  g_autoptr(GDateTime) second = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return g_date_time_add (second, usec % G_USEC_PER_SEC);
}
