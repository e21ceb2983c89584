/* test-asset.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/stw-asset.h"
#include "core/stw-core-enums.h"
#include "core/stw-enums.h"

typedef struct
{
  GPtrArray *names;
} NotifyLog;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The properties notified since the last call, sorted, joined by spaces. */
static char *
take_notified (NotifyLog *log)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_ptr_array_sort (log->names, compare_strings);

  for (guint i = 0; i < log->names->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", (const char *)log->names->pdata[i]);
  g_ptr_array_set_size (log->names, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_notified(log, expected) \
  G_STMT_START { \
    g_autofree char *__got = take_notified (log); \
    g_assert_cmpstr (__got, ==, (expected)); \
  } G_STMT_END

static void
test_defaults (void)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();

  g_assert_cmpint (stw_asset_get_id (asset), ==, 0);
  g_assert_null (stw_asset_get_uuid (asset));
  g_assert_cmpint (stw_asset_get_category (asset), ==, STW_ASSET_CATEGORY_OTHER);
  g_assert_cmpint (stw_asset_get_status (asset), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpint (stw_asset_get_purchase_cost (asset), ==, STW_COST_UNSET);
  g_assert_cmpint (stw_asset_get_location_id (asset), ==, 0);
  g_assert_null (stw_asset_get_location_name (asset));
  g_assert_cmpint (stw_asset_get_person_id (asset), ==, 0);
  g_assert_null (stw_asset_get_person_name (asset));

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (stw_asset_field_is_text (field))
      g_assert_null (stw_asset_get_text (asset, field));
}

static void
test_text_fields (void)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  NotifyLog log = { g_ptr_array_new_with_free_func (g_free) };
  guint n_text = 0;

  g_signal_connect (asset, "notify", G_CALLBACK (notify_cb), &log);

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      g_autofree char *value = NULL;
      g_autofree char *through_property = NULL;
      GParamSpec *pspec;

      if (!stw_asset_field_is_text (field))
        continue;

      n_text++;
      value = g_strdup_printf ("value of %s", stw_asset_field_to_column (field));
      stw_asset_set_text (asset, field, value);
      g_assert_cmpstr (stw_asset_get_text (asset, field), ==, value);
      g_assert_cmpuint (log.names->len, ==, 1);

      /* Each text field is a property of the same value. */
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (asset), log.names->pdata[0]);
      g_assert_nonnull (pspec);
      g_object_get (asset, pspec->name, &through_property, NULL);
      g_assert_cmpstr (through_property, ==, value);
      g_ptr_array_set_size (log.names, 0);

      /* The same value again is no change. */
      stw_asset_set_text (asset, field, value);
      g_assert_cmpuint (log.names->len, ==, 0);

      /* Empty text is no text. */
      stw_asset_set_text (asset, field, "");
      g_assert_null (stw_asset_get_text (asset, field));
      g_assert_cmpuint (log.names->len, ==, 1);
      stw_asset_set_text (asset, field, NULL);
      g_assert_cmpuint (log.names->len, ==, 1);
      g_ptr_array_set_size (log.names, 0);

      g_object_set (asset, pspec->name, "via property", NULL);
      g_assert_cmpstr (stw_asset_get_text (asset, field), ==, "via property");
      g_ptr_array_set_size (log.names, 0);
    }

  g_assert_cmpuint (n_text, ==, 10);
  g_ptr_array_unref (log.names);
}

static void
test_other_fields (void)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  NotifyLog log = { g_ptr_array_new_with_free_func (g_free) };
  StwAssetCategory category;
  StwAssetStatus status;
  gint64 cost, location_id;
  g_autofree char *location_name = NULL;

  g_signal_connect (asset, "notify", G_CALLBACK (notify_cb), &log);

  stw_asset_set_category (asset, STW_ASSET_CATEGORY_SERVER);
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_SERVER);
  assert_notified (&log, "category");
  stw_asset_set_status (asset, STW_ASSET_STATUS_LOST);
  assert_notified (&log, "status");
  stw_asset_set_purchase_cost (asset, 0);
  stw_asset_set_purchase_cost (asset, 0);
  assert_notified (&log, "purchase-cost");

  /* A place and its name change together. */
  stw_asset_set_location (asset, 7, "Server Room");
  assert_notified (&log, "location-id location-name");
  stw_asset_set_location (asset, 7, "Server Room");
  assert_notified (&log, "");
  stw_asset_set_location (asset, 7, "Rack Room");
  assert_notified (&log, "location-name");
  /* No place, no name, whatever is passed. */
  stw_asset_set_location (asset, 0, "Ghost");
  g_assert_null (stw_asset_get_location_name (asset));
  assert_notified (&log, "location-id location-name");

  stw_asset_set_person (asset, 3, "Anna Schmidt");
  assert_notified (&log, "person-id person-name");
  g_assert_cmpstr (stw_asset_get_person_name (asset), ==, "Anna Schmidt");

  stw_asset_set_times (asset, 10, 20);
  assert_notified (&log, "created updated");
  stw_asset_set_times (asset, 10, 30);
  assert_notified (&log, "updated");
  stw_asset_set_id (asset, 5);
  stw_asset_set_uuid (asset, "0b1c4fd1-3d2e-4a59-9b9e-0c7d6a3b2e11");
  assert_notified (&log, "id uuid");

  stw_asset_set_location (asset, 9, "Lab");
  g_object_get (asset,
                "category", &category,
                "status", &status,
                "purchase-cost", &cost,
                "location-id", &location_id,
                "location-name", &location_name,
                NULL);
  g_assert_cmpint (category, ==, STW_ASSET_CATEGORY_SERVER);
  g_assert_cmpint (status, ==, STW_ASSET_STATUS_LOST);
  g_assert_cmpint (cost, ==, 0);
  g_assert_cmpint (location_id, ==, 9);
  g_assert_cmpstr (location_name, ==, "Lab");

  g_ptr_array_unref (log.names);
}

static StwAsset *
make_full_asset (void)
{
  StwAsset *asset = stw_asset_new ();

  stw_asset_set_id (asset, 42);
  stw_asset_set_uuid (asset, "0b1c4fd1-3d2e-4a59-9b9e-0c7d6a3b2e11");
  stw_asset_set_times (asset, 1000, 2000);
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (stw_asset_field_is_text (field))
      stw_asset_set_text (asset, field, stw_asset_field_to_column (field));
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_location (asset, 3, "Berlin");
  stw_asset_set_person (asset, 4, "Anna");
  stw_asset_set_purchase_cost (asset, 129900);

  return asset;
}

static void
test_dup (void)
{
  g_autoptr(StwAsset) asset = make_full_asset ();
  g_autoptr(StwAsset) copy = stw_asset_dup (asset);

  g_assert_true (copy != asset);
  g_assert_cmpint (stw_asset_get_id (copy), ==, 42);
  g_assert_cmpstr (stw_asset_get_uuid (copy), ==, stw_asset_get_uuid (asset));
  g_assert_cmpint (stw_asset_get_created (copy), ==, 1000);
  g_assert_cmpint (stw_asset_get_updated (copy), ==, 2000);
  g_assert_cmpstr (stw_asset_get_location_name (copy), ==, "Berlin");
  g_assert_cmpstr (stw_asset_get_person_name (copy), ==, "Anna");

  for (StwAssetField field = STW_ASSET_FIELD_NONE; field < STW_N_ASSET_FIELDS; field++)
    g_assert_true (stw_asset_field_equal (asset, copy, field));

  /* A copy is independent. */
  stw_asset_set_text (copy, STW_ASSET_FIELD_NOTES, "changed");
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES), ==, "notes");
}

static void
test_field_equal (void)
{
  g_autoptr(StwAsset) a = make_full_asset ();

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      g_autoptr(StwAsset) b = stw_asset_dup (a);

      /* Change exactly one field; only that one differs. */
      if (stw_asset_field_is_text (field))
        stw_asset_set_text (b, field, "other");
      else if (field == STW_ASSET_FIELD_CATEGORY)
        stw_asset_set_category (b, STW_ASSET_CATEGORY_PHONE);
      else if (field == STW_ASSET_FIELD_STATUS)
        stw_asset_set_status (b, STW_ASSET_STATUS_RETIRED);
      else if (field == STW_ASSET_FIELD_LOCATION)
        stw_asset_set_location (b, 99, "Berlin");
      else if (field == STW_ASSET_FIELD_PERSON)
        stw_asset_set_person (b, 99, "Anna");
      else if (field == STW_ASSET_FIELD_PURCHASE_COST)
        stw_asset_set_purchase_cost (b, STW_COST_UNSET);
      else
        g_assert_not_reached ();

      for (StwAssetField other = STW_ASSET_FIELD_NAME; other < STW_N_ASSET_FIELDS; other++)
        g_assert_true (stw_asset_field_equal (a, b, other) == (other != field));
    }
}

static void
test_update_from (void)
{
  g_autoptr(StwAsset) shown = make_full_asset ();
  g_autoptr(StwAsset) fresh = stw_asset_dup (shown);
  NotifyLog log = { g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (shown, "notify", G_CALLBACK (notify_cb), &log);

  /* Nothing new: nothing redraws. */
  stw_asset_update_from (shown, fresh);
  assert_notified (&log, "");

  stw_asset_set_text (fresh, STW_ASSET_FIELD_SERIAL, "SN-2");
  stw_asset_set_status (fresh, STW_ASSET_STATUS_IN_REPAIR);
  stw_asset_set_location (fresh, 3, "Berlin Mitte");
  stw_asset_set_times (fresh, 1000, 3000);
  stw_asset_update_from (shown, fresh);
  /* Each changed property once, the others not at all. */
  assert_notified (&log, "location-name serial status updated");
  for (StwAssetField field = STW_ASSET_FIELD_NONE; field < STW_N_ASSET_FIELDS; field++)
    g_assert_true (stw_asset_field_equal (shown, fresh, field));
  g_assert_cmpstr (stw_asset_get_location_name (shown), ==, "Berlin Mitte");

  g_ptr_array_unref (log.names);
}

static void
test_fields_and_enums (void)
{
  g_autoptr(GEnumClass) field_class = g_type_class_ref (STW_TYPE_ASSET_FIELD);

  /* Every field has a column, a label and a property; the column reads back. */
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      const char *column = stw_asset_field_to_column (field);

      g_assert_nonnull (column);
      g_assert_nonnull (stw_asset_field_label (field));
      g_assert_cmpint (stw_asset_field_from_column (column), ==, field);
    }
  g_assert_cmpint (stw_asset_field_from_column ("updated"), ==, STW_ASSET_FIELD_NONE);
  g_assert_cmpint (stw_asset_field_from_column (NULL), ==, STW_ASSET_FIELD_NONE);
  g_assert_cmpstr (stw_asset_field_label (STW_ASSET_FIELD_SERIAL), ==, "Serial Number");
  g_assert_cmpstr (stw_asset_field_label (STW_ASSET_FIELD_PERSON), ==, "Assigned To");
  g_assert_cmpuint (field_class->n_values, ==, STW_N_ASSET_FIELDS);

  for (StwAssetCategory c = 0; c < STW_N_ASSET_CATEGORIES; c++)
    {
      StwAssetCategory back = STW_N_ASSET_CATEGORIES;

      g_assert_true (stw_asset_category_from_key (stw_asset_category_to_key (c), &back));
      g_assert_cmpint (back, ==, c);
      g_assert_nonnull (stw_asset_category_label (c));
    }
  for (StwAssetStatus s = 0; s < STW_N_ASSET_STATUSES; s++)
    {
      StwAssetStatus back = STW_N_ASSET_STATUSES;

      g_assert_true (stw_asset_status_from_key (stw_asset_status_to_key (s), &back));
      g_assert_cmpint (back, ==, s);
    }
  for (StwLocationKind k = 0; k < STW_N_LOCATION_KINDS; k++)
    {
      StwLocationKind back = STW_N_LOCATION_KINDS;

      g_assert_true (stw_location_kind_from_key (stw_location_kind_to_key (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  for (StwOrigin o = 0; o < STW_N_ORIGINS; o++)
    g_assert_cmpint (stw_origin_from_key (stw_origin_to_key (o)), ==, o);

  {
    StwAssetStatus status = STW_ASSET_STATUS_RETIRED;
    StwAssetCategory category = STW_ASSET_CATEGORY_PHONE;

    /* Unknown keys leave the value alone. */
    g_assert_false (stw_asset_status_from_key ("Deployed", &status));
    g_assert_false (stw_asset_status_from_key (NULL, &status));
    g_assert_cmpint (status, ==, STW_ASSET_STATUS_RETIRED);
    g_assert_false (stw_asset_category_from_key ("tablet", &category));
    g_assert_cmpint (category, ==, STW_ASSET_CATEGORY_PHONE);
  }

  g_assert_cmpstr (stw_asset_status_label (STW_ASSET_STATUS_DEPLOYED), ==, "Deployed");
  g_assert_cmpstr (stw_asset_status_to_key (STW_ASSET_STATUS_IN_STOCK), ==, "in-stock");
  g_assert_cmpstr (stw_asset_category_label (STW_ASSET_CATEGORY_NETWORK), ==, "Network Device");
  g_assert_cmpint (stw_entity_from_key ("location"), ==, STW_ENTITY_LOCATION);
  g_assert_cmpint (stw_entity_from_key ("ticket-entry"), ==, STW_ENTITY_TICKET);
  g_assert_cmpint (stw_entity_from_key ("invoice"), ==, STW_ENTITY_NONE);
  g_assert_cmpstr (stw_entity_to_key (STW_ENTITY_PERSON), ==, "person");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/core/asset/defaults", test_defaults);
  g_test_add_func ("/steward/core/asset/text-fields", test_text_fields);
  g_test_add_func ("/steward/core/asset/other-fields", test_other_fields);
  g_test_add_func ("/steward/core/asset/dup", test_dup);
  g_test_add_func ("/steward/core/asset/field-equal", test_field_equal);
  g_test_add_func ("/steward/core/asset/update-from", test_update_from);
  g_test_add_func ("/steward/core/asset/fields-and-enums", test_fields_and_enums);

  return g_test_run ();
}
