/* stw-validate.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/stw-asset.h"

G_BEGIN_DECLS

/* Longest single-line value and longest note, in characters. */
#define STW_MAX_LINE_LENGTH 255
#define STW_MAX_NOTES_LENGTH 20000

gboolean stw_validate_line      (const char     *text,
                                 const char     *label,
                                 gboolean        required,
                                 GError        **error);
gboolean stw_validate_notes     (const char     *text,
                                 GError        **error);
gboolean stw_parse_date         (const char     *text,
                                 char          **iso_date,
                                 GError        **error);
gboolean stw_parse_cost         (const char     *text,
                                 gint64         *cost,
                                 GError        **error);
char    *stw_format_cost        (gint64          cost);
char    *stw_format_time        (gint64          usec);
char    *stw_format_time_entry  (gint64          usec);
gboolean stw_parse_time         (const char     *text,
                                 gint64         *usec,
                                 GError        **error);
gboolean stw_validate_currency  (const char     *text,
                                 GError        **error);
gboolean stw_validate_email     (const char     *text,
                                 GError        **error);
gboolean stw_asset_validate     (StwAsset       *asset,
                                 StwAssetField  *bad_field,
                                 GError        **error);

G_END_DECLS
