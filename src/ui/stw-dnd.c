/* stw-dnd.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Drags between Steward's views carry a StwDragIds: the kind of record
 * and their ids, so a drop never has to guess from text. A drag may
 * also offer plain text (asset tags, ticket titles) for other
 * applications.
 */

#include "config.h"

#include "stw-dnd.h"

G_DEFINE_BOXED_TYPE (StwDragIds, stw_drag_ids, stw_drag_ids_copy, stw_drag_ids_free)

StwDragIds *
stw_drag_ids_new (StwEntity     entity,
                  const gint64 *ids,
                  guint         n_ids)
{
  StwDragIds *self = g_new0 (StwDragIds, 1);

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self->entity = entity;
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
  return self;
}

StwDragIds *
stw_drag_ids_copy (const StwDragIds *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return stw_drag_ids_new (self->entity, (const gint64 *) self->ids->data, self->ids->len);
}

void
stw_drag_ids_free (StwDragIds *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->ids);
  g_free (self);
}

/**
 * stw_drag_ids_to_content:
 * @text: (nullable): the same records as text, for other applications
 *
 * Returns: (transfer full): what a drag source offers
 */
GdkContentProvider *
stw_drag_ids_to_content (const StwDragIds *self,
                         const char       *text)
{
  GdkContentProvider *providers[2];
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);

  providers[n++] = gdk_content_provider_new_typed (STW_TYPE_DRAG_IDS, self);
  if (text != NULL)
    providers[n++] = gdk_content_provider_new_typed (G_TYPE_STRING, text);

  return gdk_content_provider_new_union (providers, n);
}

/**
 * stw_drag_ids_from_value:
 * @entity: the kind of record the drop takes
 *
 * Returns: (transfer none) (nullable): the ids a drop brought, or %NULL
 *   when it brought something else or records of another kind
 */
const StwDragIds *
stw_drag_ids_from_value (const GValue *value,
                         StwEntity     entity)
{
  const StwDragIds *ids;

  g_return_val_if_fail (value != NULL, NULL);

  if (!G_VALUE_HOLDS (value, STW_TYPE_DRAG_IDS))
    return NULL;

  ids = g_value_get_boxed (value);
  if (ids == NULL || ids->entity != entity || ids->ids->len == 0)
    return NULL;

  return ids;
}

/**
 * stw_drag_ids_drop_target_new:
 *
 * Returns: (transfer full): a drop target for Steward's records
 */
GtkDropTarget *
stw_drag_ids_drop_target_new (GdkDragAction actions)
{
  return gtk_drop_target_new (STW_TYPE_DRAG_IDS, actions);
}
