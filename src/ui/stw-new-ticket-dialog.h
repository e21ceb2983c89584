/* stw-new-ticket-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_NEW_TICKET_DIALOG (stw_new_ticket_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwNewTicketDialog, stw_new_ticket_dialog, STW, NEW_TICKET_DIALOG,
                      AdwMessageDialog)

GtkWidget   *stw_new_ticket_dialog_new       (StwDatabase        *db);
GtkEditable *stw_new_ticket_dialog_get_title_row (StwNewTicketDialog *self);
AdwComboRow *stw_new_ticket_dialog_get_type_row  (StwNewTicketDialog *self);
const char  *stw_new_ticket_dialog_get_priority_text (StwNewTicketDialog *self);
const char  *stw_new_ticket_dialog_get_error (StwNewTicketDialog *self);

G_END_DECLS
