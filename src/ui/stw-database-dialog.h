/* stw-database-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_DATABASE_DIALOG (stw_database_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwDatabaseDialog, stw_database_dialog, STW, DATABASE_DIALOG, AdwMessageDialog)

StwDatabaseDialog *stw_database_dialog_new          (const char        *path,
                                                     const GError      *error);
const char        *stw_database_dialog_get_new_path (StwDatabaseDialog *self);

G_END_DECLS
