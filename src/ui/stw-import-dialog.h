/* stw-import-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "io/stw-csv-import.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_IMPORT_DIALOG (stw_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwImportDialog, stw_import_dialog, STW, IMPORT_DIALOG, AdwWindow)

StwImportDialog *stw_import_dialog_new         (StwDatabase     *db,
                                                GFile           *file);
StwCsvImport    *stw_import_dialog_get_import  (StwImportDialog *self);
const char      *stw_import_dialog_get_page    (StwImportDialog *self);
const StwImportReport *stw_import_dialog_get_report (StwImportDialog *self);
void             stw_import_dialog_next        (StwImportDialog *self);
void             stw_import_dialog_cancel      (StwImportDialog *self);
gboolean         stw_import_dialog_get_can_go_next (StwImportDialog *self);

G_END_DECLS
