/* stw-reassign-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stw-ui-util.h"

G_BEGIN_DECLS

#define STW_TYPE_REASSIGN_DIALOG (stw_reassign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwReassignDialog, stw_reassign_dialog, STW, REASSIGN_DIALOG, AdwMessageDialog)

StwReassignDialog *stw_reassign_dialog_new        (const char        *heading,
                                                   const char        *body,
                                                   const char        *clear_label);
void               stw_reassign_dialog_add_choice (StwReassignDialog *self,
                                                   gint64             id,
                                                   const char        *label);
void               stw_reassign_dialog_select     (StwReassignDialog *self,
                                                   guint              position);
void               stw_reassign_dialog_delete_on_choice (StwReassignDialog *self,
                                                   GtkWidget         *widget,
                                                   StwDatabase       *db,
                                                   StwDeleteStart     start,
                                                   StwDeleteFinish    finish,
                                                   gint64             id,
                                                   const char        *name,
                                                   GCancellable      *cancellable);

G_END_DECLS
