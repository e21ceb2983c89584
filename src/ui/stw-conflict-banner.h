/* stw-conflict-banner.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_CONFLICT_BANNER (stw_conflict_banner_get_type ())

G_DECLARE_FINAL_TYPE (StwConflictBanner, stw_conflict_banner, STW, CONFLICT_BANNER, AdwPreferencesGroup)

GtkWidget *stw_conflict_banner_new        (void);
void       stw_conflict_banner_set_record (StwConflictBanner *self,
                                           StwDatabase       *db,
                                           const char        *entity,
                                           gint64             local_id);

G_END_DECLS
