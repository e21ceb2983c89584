/* stw-accounts-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_ACCOUNTS_PAGE (stw_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (StwAccountsPage, stw_accounts_page, STW, ACCOUNTS_PAGE, AdwPreferencesPage)

StwAccountsPage *stw_accounts_page_new (StwDatabase *db,
                                        GSettings   *settings);

G_END_DECLS
