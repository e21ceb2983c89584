/* stw-account-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/stw-account.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_ACCOUNT_DIALOG (stw_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwAccountDialog, stw_account_dialog, STW, ACCOUNT_DIALOG, AdwWindow)

StwAccountDialog *stw_account_dialog_new (StwDatabase *db,
                                          StwAccount  *account);

G_END_DECLS
