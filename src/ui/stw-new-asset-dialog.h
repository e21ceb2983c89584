/* stw-new-asset-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_NEW_ASSET_DIALOG (stw_new_asset_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwNewAssetDialog, stw_new_asset_dialog, STW, NEW_ASSET_DIALOG, AdwMessageDialog)

StwNewAssetDialog *stw_new_asset_dialog_new      (StwDatabase       *db);
GtkEditable       *stw_new_asset_dialog_get_name (StwNewAssetDialog *self);
GtkEditable       *stw_new_asset_dialog_get_tag  (StwNewAssetDialog *self);
const char        *stw_new_asset_dialog_get_error (StwNewAssetDialog *self);

G_END_DECLS
