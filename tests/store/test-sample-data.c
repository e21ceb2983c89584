/* test-sample-data.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-sample-data.h"

typedef struct
{
  gint64 assets;
  gint64 locations;
  gint64 people;
  gint64 journal;
  gint64 batches;
  gint64 fts;
} Counts;

static Counts
count_all (Fixture *fixture)
{
  Counts counts;

  counts.assets = peek_int (fixture->path, "SELECT count(*) FROM assets");
  counts.locations = peek_int (fixture->path, "SELECT count(*) FROM locations");
  counts.people = peek_int (fixture->path, "SELECT count(*) FROM people");
  counts.journal = peek_int (fixture->path, "SELECT count(*) FROM journal");
  counts.batches = peek_int (fixture->path, "SELECT count(*) FROM batches");
  counts.fts = peek_int (fixture->path, "SELECT count(*) FROM assets_fts");
  return counts;
}

static void
load_sample (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_sample_data_load_sync (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_object_unref);
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;
  Counts counts;
  guint n_sites = 0;

  load_sample (fixture);

  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (counts.fts, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT status) FROM assets"), ==,
                   STW_N_ASSET_STATUSES);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT category) FROM assets"), ==,
                   STW_N_ASSET_CATEGORIES);
  g_assert_cmpint (counts.people, >=, 10);

  /* Several sites, each with buildings and rooms, and assets in them. */
  locations = stw_location_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (locations, i);

      if (stw_location_get_kind (location) == STW_LOCATION_KIND_SITE)
        n_sites++;
    }
  g_assert_cmpuint (n_sites, >=, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations WHERE kind = 'room'"),
                   >=, n_sites);
  people = stw_person_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, counts.people);

  /* One step, from the sample, that undo names. */
  g_assert_cmpint (counts.batches, ==, 1);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches WHERE origin = 'sample' "
                                            "AND description = 'Load Sample Inventory'"), ==, 1);
  g_assert_cmpint (counts.journal, ==, counts.assets + counts.locations + counts.people);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Load Sample Inventory");

  /* What a person could have typed: every asset passes the checks. */
  model = make_model (fixture->db);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      gint64 id = stw_asset_query_model_get_id (model, i);

      g_array_append_val (ids, id);
    }
  drop_model (&model);
  g_assert_true (stw_asset_repo_load_many (fixture->db, (gint64 *)(gpointer)ids->data, ids->len,
                                           assets, &error));
  g_assert_cmpuint (g_hash_table_size (assets), ==, STW_SAMPLE_N_ASSETS);
  g_hash_table_iter_init (&iter, assets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StwAsset *asset = value;
      StwAssetField field;

      if (!stw_asset_validate (asset, &field, &error))
        g_error ("%s: %s", stw_asset_get_tag (asset), error->message);

      /* Lost things have no place; deployed laptops have someone. */
      if (stw_asset_get_status (asset) == STW_ASSET_STATUS_LOST)
        g_assert_cmpint (stw_asset_get_location_id (asset), ==, 0);
      else
        g_assert_nonnull (stw_asset_get_location_name (asset));
      if (stw_asset_get_status (asset) == STW_ASSET_STATUS_DEPLOYED &&
          stw_asset_get_category (asset) == STW_ASSET_CATEGORY_LAPTOP)
        g_assert_nonnull (stw_asset_get_person_name (asset));
    }

  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Counts counts;

  load_sample (fixture);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, 0);
  g_assert_cmpint (counts.locations, ==, 0);
  g_assert_cmpint (counts.people, ==, 0);
  g_assert_cmpint (counts.fts, ==, 0);
  g_assert_false (stw_database_get_can_undo (fixture->db));
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Load Sample Inventory");

  g_assert_true (stw_database_redo_sync (fixture->db, &error));
  g_assert_no_error (error);
  counts = count_all (fixture);
  g_assert_cmpint (counts.assets, ==, STW_SAMPLE_N_ASSETS);
  g_assert_cmpint (counts.fts, ==, STW_SAMPLE_N_ASSETS);
  g_assert_true (stw_database_check_integrity (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_load_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tags_before = NULL;
  g_autofree char *tags_after = NULL;
  Counts before, after;
  guint changed = 0;

  load_sample (fixture);
  before = count_all (fixture);
  tags_before = peek_rows (fixture->path, "SELECT id, uuid, tag, name, location_id, person_id "
                                          "FROM assets ORDER BY id");

  g_signal_connect_swapped (fixture->db, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_false (stw_sample_data_load_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
  g_assert_cmpuint (changed, ==, 0);

  after = count_all (fixture);
  g_assert_cmpint (after.assets, ==, before.assets);
  g_assert_cmpint (after.locations, ==, before.locations);
  g_assert_cmpint (after.people, ==, before.people);
  g_assert_cmpint (after.journal, ==, before.journal);
  g_assert_cmpint (after.batches, ==, before.batches);
  g_assert_cmpint (after.fts, ==, before.fts);
  tags_after = peek_rows (fixture->path, "SELECT id, uuid, tag, name, location_id, person_id "
                                         "FROM assets ORDER BY id");
  g_assert_cmpstr (tags_before, ==, tags_after);

  /* The first load is still one step to undo. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Load Sample Inventory");
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
}

static void
test_async_and_repeatable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *sql = "SELECT a.tag, a.name, a.serial, a.status, a.purchase_cost, l.name, p.name "
                    "FROM assets a LEFT JOIN locations l ON l.id = a.location_id "
                    "LEFT JOIN people p ON p.id = a.person_id ORDER BY a.tag";

  stw_sample_data_load_async (fixture->db, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_sample_data_load_finish (fixture->db, result, &error));
  g_assert_no_error (error);

  other = stw_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (stw_sample_data_load_sync (other, &error));
  g_assert_finalize_object (g_steal_pointer (&other));

  /* The same inventory every time. */
  first = peek_rows (fixture->path, sql);
  second = peek_rows (other_path, sql);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/sample-data/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load);
  ADD ("undo", test_undo);
  ADD ("load-twice", test_load_twice);
  ADD ("async-and-repeatable", test_async_and_repeatable);

#undef ADD

  return g_test_run ();
}
