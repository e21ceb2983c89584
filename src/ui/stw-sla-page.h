/* stw-sla-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_SLA_PAGE (stw_sla_page_get_type ())

G_DECLARE_FINAL_TYPE (StwSlaPage, stw_sla_page, STW, SLA_PAGE, AdwPreferencesPage)

StwSlaPage *stw_sla_page_new (StwDatabase *db);

G_END_DECLS
