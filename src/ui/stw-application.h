/* stw-application.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_APPLICATION (stw_application_get_type ())

G_DECLARE_FINAL_TYPE (StwApplication, stw_application, STW, APPLICATION, AdwApplication)

StwApplication *stw_application_new (void);

G_END_DECLS
