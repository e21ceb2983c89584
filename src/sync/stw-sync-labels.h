/* stw-sync-labels.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *stw_sync_field_label (const char *entity,
                                  const char *field);

G_END_DECLS
