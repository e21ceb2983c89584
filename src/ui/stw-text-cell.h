/* stw-text-cell.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STW_TYPE_TEXT_CELL (stw_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (StwTextCell, stw_text_cell, STW, TEXT_CELL, GtkWidget)

GtkWidget  *stw_text_cell_new        (void);
const char *stw_text_cell_get_text   (StwTextCell *self);
void        stw_text_cell_set_text   (StwTextCell *self,
                                      const char  *text);
float       stw_text_cell_get_xalign (StwTextCell *self);
void        stw_text_cell_set_xalign (StwTextCell *self,
                                      float        xalign);

G_END_DECLS
