/* stw-conflicts-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_CONFLICTS_DIALOG (stw_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwConflictsDialog, stw_conflicts_dialog, STW, CONFLICTS_DIALOG, AdwWindow)

StwConflictsDialog *stw_conflicts_dialog_new (StwDatabase *db,
                                              const char  *entity,
                                              gint64       local_id);

G_END_DECLS
