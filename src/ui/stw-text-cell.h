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

/* The colour of the text, from the theme's named colours. */
typedef enum
{
  STW_TEXT_CELL_TONE_DEFAULT,
  STW_TEXT_CELL_TONE_ACCENT,
  STW_TEXT_CELL_TONE_SUCCESS,
  STW_TEXT_CELL_TONE_WARNING,
  STW_TEXT_CELL_TONE_ERROR,
  STW_TEXT_CELL_TONE_DIM,
} StwTextCellTone;

/* Gives the cell's text (transfer full, nullable) and its tone. */
typedef char *(*StwTextCellFunc) (StwTextCell     *cell,
                                  gpointer         data,
                                  StwTextCellTone *tone);

/* Layouts shared by the cells of one column. */
typedef struct _StwTextLayouts StwTextLayouts;

StwTextLayouts *stw_text_layouts_new   (void);
StwTextLayouts *stw_text_layouts_ref   (StwTextLayouts *self);
void            stw_text_layouts_unref (StwTextLayouts *self);
guint           stw_text_layouts_get_size (StwTextLayouts *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwTextLayouts, stw_text_layouts_unref)

GtkWidget  *stw_text_cell_new        (void);
void        stw_text_cell_share_layouts (StwTextCell    *self,
                                         StwTextLayouts *layouts);
const char *stw_text_cell_get_text   (StwTextCell *self);
void        stw_text_cell_set_text   (StwTextCell *self,
                                      const char  *text);
void        stw_text_cell_set_func   (StwTextCell     *self,
                                      StwTextCellFunc  func,
                                      gpointer         data);
void        stw_text_cell_invalidate (StwTextCell     *self);
StwTextCellTone stw_text_cell_get_tone (StwTextCell   *self);
void        stw_text_cell_set_icon_name (StwTextCell *self,
                                         const char  *icon_name);
const char *stw_text_cell_get_icon_name (StwTextCell *self);
float       stw_text_cell_get_xalign (StwTextCell *self);
void        stw_text_cell_set_xalign (StwTextCell *self,
                                      float        xalign);

G_END_DECLS
