/* stw-io-progress.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How often a long import or export reports its progress. */
#define STW_PROGRESS_INTERVAL_USEC (100 * 1000)

typedef void (*StwProgressSetter) (GObject *object,
                                   double   progress);

void stw_io_post_progress (GMainContext      *context,
                           GObject           *object,
                           StwProgressSetter  setter,
                           double             progress);

G_END_DECLS
