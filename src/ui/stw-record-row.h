/* stw-record-row.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STW_TYPE_RECORD_ROW (stw_record_row_get_type ())

G_DECLARE_FINAL_TYPE (StwRecordRow, stw_record_row, STW, RECORD_ROW, GtkWidget)

StwRecordRow *stw_record_row_new      (void);
void          stw_record_row_set      (StwRecordRow *self,
                                       const char   *icon_name,
                                       const char   *title,
                                       const char   *subtitle,
                                       guint         depth);
void          stw_record_row_set_menu (StwRecordRow *self,
                                       gint64        id,
                                       const char   *edit_label,
                                       const char   *edit_action,
                                       const char   *extra_label,
                                       const char   *extra_action,
                                       const char   *delete_label,
                                       const char   *delete_action);

G_END_DECLS
