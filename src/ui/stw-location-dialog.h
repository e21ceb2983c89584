/* stw-location-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/stw-location.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_LOCATION_DIALOG (stw_location_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwLocationDialog, stw_location_dialog, STW, LOCATION_DIALOG, AdwMessageDialog)

StwLocationDialog *stw_location_dialog_new       (StwDatabase       *db,
                                                  StwLocation       *location);
GtkEditable       *stw_location_dialog_get_name  (StwLocationDialog *self);
void               stw_location_dialog_set_kind  (StwLocationDialog *self,
                                                  StwLocationKind    kind);
gboolean           stw_location_dialog_set_parent (StwLocationDialog *self,
                                                  gint64             parent_id);
const char        *stw_location_dialog_get_error (StwLocationDialog *self);

G_END_DECLS
