/* stw-slot-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-slot-model"

#include "config.h"

#include "stw-slot-model.h"

/*
 * A list of slots, one per position of another list, each holding that
 * list's item at its position.
 *
 * GTK 4.8's list widgets destroy the row widgets of every item a change
 * removes and build new ones for the items it adds: a new search over a
 * million assets replaces every row widget, a few thousand cells. Shown
 * through slots, the same change keeps the rows: the slots on screen take
 * their new items and say so ("changed"), and the list widget hears only
 * of rows added or removed at the end, when the number of items changes.
 *
 * Positions therefore keep no identity across a change: a view that
 * tracks a selection of items re-selects them after "contents-changed".
 *
 * A slot takes its item from the list only when asked for it
 * (stw_slot_get_item()): a list widget keeps many more rows than it
 * shows, and a view that reads its rows' items when it draws them reads
 * only those on screen.
 */

/* Slots nobody else holds are dropped once there are this many. */
#define SLOT_LIMIT 400

struct _StwSlotModel;

struct _StwSlot
{
  GObject   parent_instance;

  /* The model while the slot is one of its positions; NULL after. */
  struct _StwSlotModel *model;
  gpointer  item;
  gulong    notify_handler;
  guint     position;
  gboolean  loaded;
};

G_DEFINE_FINAL_TYPE (StwSlot, stw_slot, G_TYPE_OBJECT)

enum {
  SLOT_CHANGED,
  N_SLOT_SIGNALS
};

static guint slot_signals[N_SLOT_SIGNALS];

static void
item_notify_cb (StwSlot *self)
{
  g_signal_emit (self, slot_signals[SLOT_CHANGED], 0);
}

static void
slot_drop_item (StwSlot *self)
{
  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->item);
      g_clear_object (&self->item);
    }
}

/* The list has another item at the slot's position: read it when asked. */
static void
slot_reset (StwSlot *self)
{
  slot_drop_item (self);
  self->loaded = FALSE;
  g_signal_emit (self, slot_signals[SLOT_CHANGED], 0);
}

static void
stw_slot_dispose (GObject *object)
{
  StwSlot *self = STW_SLOT (object);

  slot_drop_item (self);

  G_OBJECT_CLASS (stw_slot_parent_class)->dispose (object);
}

static void
stw_slot_class_init (StwSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_slot_dispose;

  /**
   * StwSlot::changed:
   *
   * The slot holds another item, or its item changed.
   */
  slot_signals[SLOT_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stw_slot_init (StwSlot *self)
{
}

static GListModel *slot_model_get_list (struct _StwSlotModel *model);

/**
 * stw_slot_get_item:
 *
 * Reads the item from the list the first time. Reading it is no change:
 * "changed" is not emitted.
 *
 * Returns: (transfer none) (nullable): the item at the slot's position,
 *   or %NULL for a slot past the end of the list
 */
gpointer
stw_slot_get_item (StwSlot *self)
{
  g_return_val_if_fail (STW_IS_SLOT (self), NULL);

  if (!self->loaded && self->model != NULL)
    {
      self->loaded = TRUE;
      self->item = g_list_model_get_item (slot_model_get_list (self->model), self->position);
      if (self->item != NULL)
        self->notify_handler = g_signal_connect_swapped (self->item, "notify",
                                                         G_CALLBACK (item_notify_cb), self);
    }

  return self->item;
}

guint
stw_slot_get_position (StwSlot *self)
{
  g_return_val_if_fail (STW_IS_SLOT (self), 0);
  return self->position;
}

/* ------------------------------------------------------------------------ */

struct _StwSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  /* Position → StwSlot, for the positions asked for. */
  GHashTable *slots;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwSlotModel, stw_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CONTENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
slot_model_get_list (StwSlotModel *self)
{
  return self->model;
}

/* Slots nobody else holds go; they are no position of the model's any
 * longer. */
static gboolean
is_unused (gpointer key,
           gpointer value,
           gpointer user_data)
{
  StwSlot *slot = value;

  if (G_OBJECT (slot)->ref_count != 1)
    return FALSE;

  slot->model = NULL;
  return TRUE;
}

static void
model_items_changed_cb (StwSlotModel *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer key, value;

  /* The slots from @position on have new items, read when asked for;
   * those past the new end keep theirs until the list widget lets go of
   * them. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      StwSlot *slot = value;
      guint at = GPOINTER_TO_UINT (key);

      if (at >= new_n)
        {
          slot->model = NULL;
          g_hash_table_iter_remove (&iter);
        }
      else if (at >= position)
        {
          slot_reset (slot);
        }
    }

  self->n_items = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);

  g_signal_emit (self, signals[CONTENTS_CHANGED], 0, position);
}

static GType
stw_slot_model_get_item_type (GListModel *model)
{
  return STW_TYPE_SLOT;
}

static guint
stw_slot_model_get_n_items (GListModel *model)
{
  return STW_SLOT_MODEL (model)->n_items;
}

static gpointer
stw_slot_model_get_item (GListModel *model,
                         guint       position)
{
  StwSlotModel *self = STW_SLOT_MODEL (model);
  StwSlot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot == NULL)
    {
      if (g_hash_table_size (self->slots) >= SLOT_LIMIT)
        g_hash_table_foreach_remove (self->slots, is_unused, NULL);

      slot = g_object_new (STW_TYPE_SLOT, NULL);
      slot->position = position;
      slot->model = self;
      g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);
    }

  return g_object_ref (slot);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stw_slot_model_get_item_type;
  iface->get_n_items = stw_slot_model_get_n_items;
  iface->get_item = stw_slot_model_get_item;
}

static void
detach_slot (gpointer key,
             gpointer value,
             gpointer user_data)
{
  STW_SLOT (value)->model = NULL;
}

static void
stw_slot_model_dispose (GObject *object)
{
  StwSlotModel *self = STW_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_hash_table_foreach (self->slots, detach_slot, NULL);
  g_hash_table_remove_all (self->slots);

  G_OBJECT_CLASS (stw_slot_model_parent_class)->dispose (object);
}

static void
stw_slot_model_finalize (GObject *object)
{
  StwSlotModel *self = STW_SLOT_MODEL (object);

  g_hash_table_unref (self->slots);

  G_OBJECT_CLASS (stw_slot_model_parent_class)->finalize (object);
}

static void
stw_slot_model_class_init (StwSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_slot_model_dispose;
  object_class->finalize = stw_slot_model_finalize;

  /**
   * StwSlotModel::contents-changed:
   * @position: the first position whose item may be another
   *
   * The model followed a change of its list: the slots hold their new
   * items, and any change of the number of items has been told.
   */
  signals[CONTENTS_CHANGED] =
    g_signal_new ("contents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
stw_slot_model_init (StwSlotModel *self)
{
  self->slots = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/**
 * stw_slot_model_new:
 * @model: the list to follow
 *
 * Returns: (transfer full): a list of slots over @model
 */
StwSlotModel *
stw_slot_model_new (GListModel *model)
{
  StwSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (STW_TYPE_SLOT_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * stw_slot_model_get_model:
 *
 * Returns: (transfer none): the list the slots follow
 */
GListModel *
stw_slot_model_get_model (StwSlotModel *self)
{
  g_return_val_if_fail (STW_IS_SLOT_MODEL (self), NULL);
  return self->model;
}
