/* stw-dnd.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/stw-enums.h"

G_BEGIN_DECLS

/* What a drag within Steward carries: records of one kind, by id. */
typedef struct
{
  StwEntity  entity;
  GArray    *ids;     /* gint64 */
} StwDragIds;

#define STW_TYPE_DRAG_IDS (stw_drag_ids_get_type ())

GType               stw_drag_ids_get_type   (void) G_GNUC_CONST;
StwDragIds         *stw_drag_ids_new        (StwEntity          entity,
                                             const gint64      *ids,
                                             guint              n_ids);
StwDragIds         *stw_drag_ids_copy       (const StwDragIds  *self);
void                stw_drag_ids_free       (StwDragIds        *self);
GdkContentProvider *stw_drag_ids_to_content (const StwDragIds  *self,
                                             const char        *text);
const StwDragIds   *stw_drag_ids_from_value (const GValue      *value,
                                             StwEntity          entity);
GtkDropTarget      *stw_drag_ids_drop_target_new (GdkDragAction actions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwDragIds, stw_drag_ids_free)

G_END_DECLS
