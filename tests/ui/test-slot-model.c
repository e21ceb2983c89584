/* test-slot-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "ui/stw-slot-model.h"

typedef struct
{
  GListStore   *store;
  StwSlotModel *slots;
  /* What the slot model told its views, as "position-removed-added;". */
  GString      *changes;
  guint         contents_changed;
  guint         last_contents_position;
} Fixture;

static GObject *
named (const char *name)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (object, "name", g_strdup (name), g_free);
  return object;
}

static const char *
name_of (gpointer object)
{
  return object != NULL ? g_object_get_data (object, "name") : NULL;
}

static void
fill (Fixture     *fixture,
      guint        position,
      guint        removed,
      const char  *prefix,
      guint        added)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (objects, named (name));
    }

  g_list_store_splice (fixture->store, position, removed, objects->pdata, objects->len);
}

static void
items_changed_cb (Fixture    *fixture,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  g_string_append_printf (fixture->changes, "%u-%u-%u;", position, removed, added);
}

static void
contents_changed_cb (StwSlotModel *slots,
                     guint         position,
                     Fixture      *fixture)
{
  fixture->contents_changed++;
  fixture->last_contents_position = position;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (G_TYPE_OBJECT);
  fill (fixture, 0, 0, "a", 1000);
  fixture->slots = stw_slot_model_new (G_LIST_MODEL (fixture->store));
  fixture->changes = g_string_new (NULL);
  g_signal_connect_swapped (fixture->slots, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->slots, "contents-changed", G_CALLBACK (contents_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->slots);
  g_assert_finalize_object (fixture->store);
  g_string_free (fixture->changes, TRUE);
}

static void
count_cb (StwSlot *slot,
          guint   *count)
{
  (*count)++;
}

static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->slots);
  g_autoptr(StwSlot) first = NULL;
  g_autoptr(StwSlot) again = NULL;
  g_autoptr(StwSlot) last = NULL;

  g_assert_true (g_list_model_get_item_type (model) == STW_TYPE_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_true (stw_slot_model_get_model (fixture->slots) == G_LIST_MODEL (fixture->store));

  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, 999);
  g_assert_cmpstr (name_of (stw_slot_get_item (first)), ==, "a0");
  g_assert_cmpstr (name_of (stw_slot_get_item (last)), ==, "a999");
  g_assert_cmpuint (stw_slot_get_position (last), ==, 999);
  g_assert_null (g_list_model_get_item (model, 1000));

  /* A position has one slot while anyone holds it. */
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == first);
}

static void
test_replace_all (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->slots);
  g_autoptr(StwSlot) slot = g_list_model_get_item (model, 5);
  guint changed = 0;

  g_signal_connect (slot, "changed", G_CALLBACK (count_cb), &changed);

  /* Every item replaced, as a new search does: the views hear of nothing
   * but the new number of items at the end, and the slot they hold has
   * its new item. */
  fill (fixture, 0, 1000, "b", 600);
  g_assert_cmpstr (fixture->changes->str, ==, "600-400-0;");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 600);
  g_assert_cmpstr (name_of (stw_slot_get_item (slot)), ==, "b5");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (fixture->contents_changed, ==, 1);
  g_assert_cmpuint (fixture->last_contents_position, ==, 0);

  /* More items than before: added at the end. */
  g_string_truncate (fixture->changes, 0);
  fill (fixture, 0, 600, "c", 2000);
  g_assert_cmpstr (fixture->changes->str, ==, "600-0-1400;");
  g_assert_cmpstr (name_of (stw_slot_get_item (slot)), ==, "c5");
  g_assert_cmpuint (changed, ==, 2);

  /* The same number: nothing for the views but new contents. */
  g_string_truncate (fixture->changes, 0);
  fill (fixture, 0, 2000, "d", 2000);
  g_assert_cmpstr (fixture->changes->str, ==, "");
  g_assert_cmpstr (name_of (stw_slot_get_item (slot)), ==, "d5");
  g_assert_cmpuint (fixture->contents_changed, ==, 3);

  g_signal_handlers_disconnect_by_func (slot, count_cb, &changed);
}

static void
test_partial_change (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->slots);
  g_autoptr(StwSlot) before = g_list_model_get_item (model, 9);
  g_autoptr(StwSlot) after = g_list_model_get_item (model, 11);
  guint before_changed = 0, after_changed = 0;

  g_signal_connect (before, "changed", G_CALLBACK (count_cb), &before_changed);
  g_signal_connect (after, "changed", G_CALLBACK (count_cb), &after_changed);

  /* Item 10 removed: slots before it keep their items, slots after it
   * move up by one. */
  g_list_store_remove (fixture->store, 10);
  g_assert_cmpstr (fixture->changes->str, ==, "999-1-0;");
  g_assert_cmpuint (fixture->last_contents_position, ==, 10);
  g_assert_cmpstr (name_of (stw_slot_get_item (before)), ==, "a9");
  g_assert_cmpuint (before_changed, ==, 0);
  g_assert_cmpstr (name_of (stw_slot_get_item (after)), ==, "a12");
  g_assert_cmpuint (after_changed, ==, 1);

  g_signal_handlers_disconnect_by_func (before, count_cb, &before_changed);
  g_signal_handlers_disconnect_by_func (after, count_cb, &after_changed);
}

static void
test_item_notify (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwSlot) slot = g_list_model_get_item (G_LIST_MODEL (fixture->slots), 3);
  g_autoptr(GtkStringObject) item = NULL;
  g_autoptr(GListStore) strings = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(StwSlotModel) slots = NULL;
  g_autoptr(StwSlot) string_slot = NULL;
  guint changed = 0;

  /* An item that changes in place, once read, changes its slot. */
  g_list_store_append (strings, gtk_string_object_new ("x"));
  slots = stw_slot_model_new (G_LIST_MODEL (strings));
  string_slot = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  g_signal_connect (string_slot, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_nonnull (stw_slot_get_item (string_slot));
  g_assert_cmpuint (changed, ==, 0);
  item = g_list_model_get_item (G_LIST_MODEL (strings), 0);
  g_object_notify (G_OBJECT (item), "string");
  g_assert_cmpuint (changed, ==, 1);

  /* A slot past the new end is left alone, and let go of. */
  g_assert_cmpstr (name_of (stw_slot_get_item (slot)), ==, "a3");
  g_list_store_remove_all (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->slots)), ==, 0);
  g_assert_cmpstr (name_of (stw_slot_get_item (slot)), ==, "a3");
  g_assert_cmpint (G_OBJECT (slot)->ref_count, ==, 1);

  g_signal_handlers_disconnect_by_func (string_slot, count_cb, &changed);
}

/* A list that counts the items asked of it. */
static guint n_asked;

static gpointer
counting_get_item (GListModel *model,
                   guint       position)
{
  n_asked++;
  return g_list_model_get_item (g_object_get_data (G_OBJECT (model), "inner"), position);
}

static guint
counting_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (g_object_get_data (G_OBJECT (model), "inner"));
}

static GType
counting_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static void
counting_iface_init (GListModelInterface *iface)
{
  iface->get_item = counting_get_item;
  iface->get_n_items = counting_get_n_items;
  iface->get_item_type = counting_get_item_type;
}

typedef GObject TestCounting;
typedef GObjectClass TestCountingClass;
GType test_counting_get_type (void);
G_DEFINE_TYPE_WITH_CODE (TestCounting, test_counting, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, counting_iface_init))

static void
test_counting_class_init (TestCountingClass *klass)
{
}

static void
test_counting_init (TestCounting *self)
{
}

static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GObject) counting = g_object_new (test_counting_get_type (), NULL);
  g_autoptr(StwSlotModel) slots = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  g_object_set_data (counting, "inner", fixture->store);
  slots = stw_slot_model_new (G_LIST_MODEL (counting));
  n_asked = 0;

  /* A list widget takes 200 rows; it draws, and so reads, three. */
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));
  g_assert_cmpuint (n_asked, ==, 0);

  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (stw_slot_get_item (g_ptr_array_index (held, i)));
  g_assert_cmpstr (name_of (stw_slot_get_item (g_ptr_array_index (held, 2))), ==, "a2");
  g_assert_cmpuint (n_asked, ==, 3);

  /* New contents are not read until asked for either. */
  fill (fixture, 0, 1000, "z", 1000);
  g_list_model_items_changed (G_LIST_MODEL (counting), 0, 1000, 1000);
  g_assert_cmpuint (n_asked, ==, 3);
  g_assert_cmpstr (name_of (stw_slot_get_item (g_ptr_array_index (held, 2))), ==, "z2");
  g_assert_cmpuint (n_asked, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/slot-model/items", test_items);
  ADD ("/slot-model/replace-all", test_replace_all);
  ADD ("/slot-model/partial-change", test_partial_change);
  ADD ("/slot-model/item-notify", test_item_notify);
  ADD ("/slot-model/lazy", test_lazy);

  return g_test_run ();
}
