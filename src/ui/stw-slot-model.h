/* stw-slot-model.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STW_TYPE_SLOT (stw_slot_get_type ())

G_DECLARE_FINAL_TYPE (StwSlot, stw_slot, STW, SLOT, GObject)

gpointer stw_slot_get_item     (StwSlot *self);
guint    stw_slot_get_position (StwSlot *self);

#define STW_TYPE_SLOT_MODEL (stw_slot_model_get_type ())

G_DECLARE_FINAL_TYPE (StwSlotModel, stw_slot_model, STW, SLOT_MODEL, GObject)

StwSlotModel *stw_slot_model_new       (GListModel   *model);
GListModel   *stw_slot_model_get_model (StwSlotModel *self);

G_END_DECLS
