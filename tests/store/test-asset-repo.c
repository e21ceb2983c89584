/* test-asset-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static StwAsset *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  StwAsset *asset = stw_asset_repo_load (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (asset);
  return asset;
}

typedef struct
{
  gint64 assets;
  gint64 journal;
  gint64 batches;
} Counts;

static Counts
count_all (Fixture *fixture)
{
  Counts counts;

  counts.assets = peek_int (fixture->path, "SELECT count(*) FROM assets");
  counts.journal = peek_int (fixture->path, "SELECT count(*) FROM journal");
  counts.batches = peek_int (fixture->path, "SELECT count(*) FROM batches");
  return counts;
}

/* Saving @asset fails with @code and changes nothing on disk. */
static void
assert_save_refused (Fixture   *fixture,
                     StwAsset  *asset,
                     StwError   code,
                     GError   **out_error)
{
  g_autoptr(GError) error = NULL;
  Counts before = count_all (fixture);
  Counts after;

  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error),
                   ==, 0);
  g_assert_error (error, STW_ERROR, code);

  after = count_all (fixture);
  g_assert_cmpint (before.assets, ==, after.assets);
  g_assert_cmpint (before.journal, ==, after.journal);
  g_assert_cmpint (before.batches, ==, after.batches);

  if (out_error != NULL)
    *out_error = g_steal_pointer (&error);
}

/* ------------------------------------------------------------------------ */
/* Create, read, update, delete                                             */
/* ------------------------------------------------------------------------ */

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad T14", "LT-0001");
  g_autoptr(StwAsset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time ();
  gint64 id, site, person;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  person = add_person (fixture->db, "Anna Schmidt", NULL);

  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_location (asset, site, "Berlin");
  stw_asset_set_person (asset, person, "Anna Schmidt");
  stw_asset_set_purchase_cost (asset, 0);
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2024-02-29");
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2024-02-29");
  stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, "EUR");

  id = add_asset (fixture->db, asset);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 1);

  loaded = load (fixture, id);
  g_assert_cmpint (stw_asset_get_id (loaded), ==, id);
  g_assert_true (g_uuid_string_is_valid (stw_asset_get_uuid (loaded)));
  g_assert_cmpint (stw_asset_get_created (loaded), >=, before);
  g_assert_cmpint (stw_asset_get_created (loaded), <=, g_get_real_time ());
  g_assert_cmpint (stw_asset_get_updated (loaded), ==, stw_asset_get_created (loaded));
  g_assert_cmpstr (stw_asset_get_name (loaded), ==, "ThinkPad T14");
  g_assert_cmpstr (stw_asset_get_tag (loaded), ==, "LT-0001");
  g_assert_cmpint (stw_asset_get_category (loaded), ==, STW_ASSET_CATEGORY_LAPTOP);
  g_assert_cmpint (stw_asset_get_status (loaded), ==, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpint (stw_asset_get_location_id (loaded), ==, site);
  g_assert_cmpstr (stw_asset_get_location_name (loaded), ==, "Berlin");
  g_assert_cmpint (stw_asset_get_person_id (loaded), ==, person);
  g_assert_cmpstr (stw_asset_get_person_name (loaded), ==, "Anna Schmidt");
  /* Zero is a cost; unset is not. */
  g_assert_cmpint (stw_asset_get_purchase_cost (loaded), ==, 0);
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2024-02-29");
  g_assert_null (stw_asset_get_text (loaded, STW_ASSET_FIELD_SERIAL));
  assert_assets_equal (asset, loaded);

  /* Update */
  stw_asset_set_name (loaded, "ThinkPad T14 Gen 4");
  stw_asset_set_person (loaded, 0, NULL);
  stw_asset_set_purchase_cost (loaded, STW_COST_UNSET);
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, loaded, STW_ASSET_FIELDS_ALL, &error),
                   ==, id);
  g_assert_no_error (error);
  g_clear_object (&asset);
  asset = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "ThinkPad T14 Gen 4");
  g_assert_cmpint (stw_asset_get_person_id (asset), ==, 0);
  g_assert_null (stw_asset_get_person_name (asset));
  g_assert_cmpint (stw_asset_get_purchase_cost (asset), ==, STW_COST_UNSET);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets WHERE person_id IS NULL "
                                            "AND purchase_cost IS NULL"), ==, 1);
  g_assert_cmpint (stw_asset_get_updated (asset), >=, stw_asset_get_created (asset));
  g_assert_cmpint (stw_asset_get_created (asset), ==, stw_asset_get_created (loaded));

  /* Delete */
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &id, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&asset);
  asset = stw_asset_repo_load (fixture->db, id, &error);
  g_assert_null (asset);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets_fts"), ==, 0);

  /* Saving what someone else deleted says so, and changes nothing. */
  assert_save_refused (fixture, loaded, STW_ERROR_NOT_FOUND, &error);
  g_assert_nonnull (strstr (error->message, "deleted"));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-0001");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_asset_repo_save_async (fixture->db, asset, STW_ASSET_FIELDS_ALL, NULL,
                             async_result_cb, &result);
  /* A copy is saved: the caller may go on editing. */
  stw_asset_set_name (asset, "Changed meanwhile");
  wait_for_result (&result);
  id = stw_asset_repo_save_finish (fixture->db, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&result);
  g_clear_object (&asset);
  asset = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "ThinkPad");

  /* A failure comes back through the same call. */
  {
    g_autoptr(StwAsset) twin = make_asset ("Twin", "lt-0001");

    stw_asset_repo_save_async (fixture->db, twin, STW_ASSET_FIELDS_ALL, NULL,
                               async_result_cb, &result);
    wait_for_result (&result);
    g_assert_cmpint (stw_asset_repo_save_finish (fixture->db, result, &error), ==, 0);
    g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
    g_clear_error (&error);
    g_clear_object (&result);
  }

  stw_asset_repo_delete_async (fixture->db, &id, 1, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_asset_repo_delete_finish (fixture->db, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Tags                                                                     */
/* ------------------------------------------------------------------------ */

static void
test_tag_unique (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) twin = make_asset ("Dell Latitude", "lt-0042");
  g_autoptr(StwAsset) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  first = add_simple_asset (fixture->db, "ThinkPad — Anna", "LT-0042");

  /* Another case is the same tag, and the message says who has it. */
  assert_save_refused (fixture, twin, STW_ERROR_DUPLICATE, &error);
  g_assert_nonnull (strstr (error->message, "lt-0042"));
  g_assert_nonnull (strstr (error->message, "ThinkPad — Anna"));
  g_clear_error (&error);

  /* So is the same tag with spaces around it. */
  stw_asset_set_tag (twin, " LT-0042 ");
  assert_save_refused (fixture, twin, STW_ERROR_DUPLICATE, &error);
  g_assert_nonnull (strstr (error->message, "ThinkPad — Anna"));
  g_clear_error (&error);

  /* Taking a used tag in an edit is refused the same way. */
  stw_asset_set_tag (twin, "LT-0043");
  second = add_asset (fixture->db, twin);
  other = load (fixture, second);
  stw_asset_set_tag (other, "Lt-0042");
  assert_save_refused (fixture, other, STW_ERROR_DUPLICATE, &error);
  g_assert_nonnull (strstr (error->message, "ThinkPad — Anna"));
  g_clear_error (&error);

  /* An asset may change the case of its own tag. */
  g_clear_object (&other);
  other = load (fixture, first);
  stw_asset_set_tag (other, "lt-0042");
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, other,
                                             STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_TAG), &error),
                   ==, first);
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 2);
}

static void
test_find_and_check_tag (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_simple_asset (fixture->db, "Pixel 8", "PH-0007");

  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "PH-0007"), ==, id);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "ph-0007"), ==, id);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, " ph-0007 "), ==, id);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "PH-000"), ==, 0);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "PH-00070"), ==, 0);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, ""), ==, 0);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, NULL), ==, 0);

  g_assert_true (stw_asset_repo_check_tag (fixture->db, "PH-0008", 0, &error));
  g_assert_no_error (error);
  g_assert_true (stw_asset_repo_check_tag (fixture->db, "ph-0007", id, &error));
  g_assert_no_error (error);
  g_assert_false (stw_asset_repo_check_tag (fixture->db, "ph-0007", 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Pixel 8"));
  g_clear_error (&error);
  g_assert_false (stw_asset_repo_check_tag (fixture->db, "PH-0007 ", id + 1, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_DUPLICATE);
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */
/* ------------------------------------------------------------------------ */

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("   ", "LT-1");
  g_autoptr(StwAsset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  assert_save_refused (fixture, asset, STW_ERROR_REQUIRED, &error);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);

  stw_asset_set_name (asset, "ThinkPad");
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2026-05-01");
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2025-05-01");
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, &error);
  g_assert_nonnull (strstr (error->message, "2025-05-01"));
  g_clear_error (&error);

  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, NULL);
  stw_asset_set_purchase_cost (asset, -100);
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, NULL);

  stw_asset_set_purchase_cost (asset, 100);
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2026-02-30");
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, NULL);

  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2026-02-28");
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "two\nlines");
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, NULL);

  /* What the checks accept after trimming is stored trimmed, so the
   * database's own checks accept it too. */
  stw_asset_set_name (asset, "  ThinkPad  ");
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "  ");
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, " 2026-02-28 ");
  stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, " T14  ");
  id = add_asset (fixture->db, asset);
  loaded = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_name (loaded), ==, "ThinkPad");
  g_assert_null (stw_asset_get_text (loaded, STW_ASSET_FIELD_SERIAL));
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2026-02-28");
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_MODEL), ==, "T14");

  /* An edit is checked the same way. */
  stw_asset_set_name (loaded, "");
  assert_save_refused (fixture, loaded, STW_ERROR_REQUIRED, NULL);
  g_clear_object (&asset);
  asset = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "ThinkPad");
}

static gboolean
raw_insert_func (StwWriteContext  *ctx,
                 gpointer          user_data,
                 GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, user_data, error);

  return stmt != NULL && stw_sql_step (stmt, error);
}

/* What gets past the checks in C is still refused by the table. */
static void
test_check_constraints (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const bad[] = {
    "INSERT INTO assets (uuid, name, tag, category, status, created, updated) "
    "VALUES ('u1', 'X', 'T1', 'spaceship', 'in-stock', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, created, updated) "
    "VALUES ('u1', 'X', 'T1', 'laptop', 'borrowed', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, created, updated) "
    "VALUES ('u1', '   ', 'T1', 'laptop', 'in-stock', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, created, updated) "
    "VALUES ('u1', 'X', '', 'laptop', 'in-stock', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, purchase_cost, created, updated) "
    "VALUES ('u1', 'X', 'T1', 'laptop', 'in-stock', -1, 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, purchase_date, created, updated) "
    "VALUES ('u1', 'X', 'T1', 'laptop', 'in-stock', '2024-02-30', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, purchase_date, created, updated) "
    "VALUES ('u1', 'X', 'T1', 'laptop', 'in-stock', '1.3.2024', 0, 0)",
    "INSERT INTO assets (uuid, name, tag, category, status, purchase_date, warranty_end, "
    "created, updated) VALUES ('u1', 'X', 'T1', 'laptop', 'in-stock', '2024-03-01', "
    "'2024-02-01', 0, 0)",
    "INSERT INTO locations (uuid, name, kind, created, updated) "
    "VALUES ('u2', 'Moon', 'planet', 0, 0)",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (stw_database_write_sync (fixture->db, STW_ORIGIN_USER, NULL, raw_insert_func,
                                               (gpointer)bad[i], NULL, &error));
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal"), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Saving some fields                                                       */
/* ------------------------------------------------------------------------ */

static void
test_field_mask (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) mine = NULL;
  g_autoptr(StwAsset) theirs = NULL;
  g_autoptr(StwAsset) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 id;

  id = add_simple_asset (fixture->db, "ThinkPad", "LT-1");

  /* Two windows open the same asset. */
  mine = load (fixture, id);
  theirs = load (fixture, id);

  stw_asset_set_text (theirs, STW_ASSET_FIELD_NOTES, "Battery replaced.");
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, theirs,
                                             STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES), &error),
                   ==, id);
  g_assert_no_error (error);

  /* Mine still has no notes, but saves only the serial and status. */
  stw_asset_set_text (mine, STW_ASSET_FIELD_SERIAL, "SN-42");
  stw_asset_set_status (mine, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_name (mine, "Not saved");
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, mine,
                                             STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_SERIAL) |
                                             STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_STATUS),
                                             &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Edit Asset");

  result = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_text (result, STW_ASSET_FIELD_NOTES), ==, "Battery replaced.");
  g_assert_cmpstr (stw_asset_get_text (result, STW_ASSET_FIELD_SERIAL), ==, "SN-42");
  g_assert_cmpint (stw_asset_get_status (result), ==, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpstr (stw_asset_get_name (result), ==, "ThinkPad");

  rows = peek_rows (fixture->path, "SELECT field FROM journal WHERE batch = "
                                   "(SELECT max(id) FROM batches) ORDER BY id");
  g_assert_cmpstr (rows, ==, "serial\nstatus\n");
}

static void
test_delete_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *tag = g_strdup_printf ("MN-%04u", i);

      ids[i] = add_simple_asset (fixture->db, "Dell UltraSharp", tag);
    }

  g_assert_true (stw_asset_repo_delete_sync (fixture->db, ids + 1, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 2);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "MN-0000"), ==, ids[0]);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "MN-0004"), ==, ids[4]);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete 3 Assets");
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(DISTINCT batch) FROM journal "
                                            "WHERE op = 'delete'"), ==, 1);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 5);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */
/* ------------------------------------------------------------------------ */

static void
test_unicode (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *name = "Łódź 東京 🖥️";
  static const char *notes = "ملاحظة: الجهاز في غرفة الخوادم\nשורה שנייה — עברית";
  g_autoptr(StwAsset) asset = make_asset (name, "ÜÖ-ß-1");
  g_autoptr(StwAsset) loaded = NULL;
  g_autoptr(StwAssetQueryModel) model = NULL;
  gint64 id;

  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, notes);
  stw_asset_set_text (asset, STW_ASSET_FIELD_SUPPLIER, "Société Générale");
  id = add_asset (fixture->db, asset);

  loaded = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_name (loaded), ==, name);
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_NOTES), ==, notes);
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_SUPPLIER), ==, "Société Générale");
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "ÜÖ-ß-1"), ==, id);

  model = make_model (fixture->db);
  stw_asset_query_model_set_search (model, "東京");
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  stw_asset_query_model_set_search (model, "Łód");
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  stw_asset_query_model_set_search (model, "الخوادم");
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (stw_asset_query_model_get_id (model, 0), ==, id);
  drop_model (&model);
}

static void
test_long_notes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("Server", "SRV-1");
  g_autoptr(StwAsset) loaded = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strnfill (STW_MAX_LINE_LENGTH, 'x');
  gint64 id;

  /* The limit is in characters, two bytes each here. */
  for (guint i = 0; i < STW_MAX_NOTES_LENGTH; i++)
    g_string_append (notes, i % 80 == 79 ? "\n" : "é");
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, notes->str);
  stw_asset_set_name (asset, line);
  id = add_asset (fixture->db, asset);
  loaded = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_text (loaded, STW_ASSET_FIELD_NOTES), ==, notes->str);
  g_assert_cmpint (g_utf8_strlen (stw_asset_get_text (loaded, STW_ASSET_FIELD_NOTES), -1), ==,
                   STW_MAX_NOTES_LENGTH);
  g_assert_cmpstr (stw_asset_get_name (loaded), ==, line);

  g_string_append (notes, "é");
  stw_asset_set_text (loaded, STW_ASSET_FIELD_NOTES, notes->str);
  assert_save_refused (fixture, loaded, STW_ERROR_INVALID, &error);
  g_assert_nonnull (strstr (error->message, "20000"));
  g_clear_error (&error);

  g_clear_object (&asset);
  asset = make_asset ("New", "SRV-2");
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, notes->str);
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, NULL);

  g_clear_object (&asset);
  g_clear_pointer (&line, g_free);
  line = g_strnfill (STW_MAX_LINE_LENGTH + 1, 'x');
  asset = make_asset (line, "SRV-3");
  assert_save_refused (fixture, asset, STW_ERROR_INVALID, NULL);

  g_clear_object (&asset);
  asset = load (fixture, id);
  g_assert_cmpint (g_utf8_strlen (stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES), -1), ==,
                   STW_MAX_NOTES_LENGTH);
}

/* ------------------------------------------------------------------------ */
/* Loading many                                                             */
/* ------------------------------------------------------------------------ */

static void
test_load_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 ids[4];
  gint64 wanted[5];
  StwAsset *asset;

  ids[0] = add_simple_asset (fixture->db, "Zero", "T-0");
  ids[1] = add_simple_asset (fixture->db, "One", "T-1");
  ids[2] = add_simple_asset (fixture->db, "Two", "T-2");
  ids[3] = add_simple_asset (fixture->db, "Three", "T-3");
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &ids[2], 1, &error));

  wanted[0] = ids[3];
  wanted[1] = ids[2];    /* deleted: skipped */
  wanted[2] = ids[0];
  wanted[3] = 9999;      /* never was */
  wanted[4] = ids[3];    /* twice */

  g_assert_true (stw_asset_repo_load_many (fixture->db, wanted, G_N_ELEMENTS (wanted), assets,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (assets), ==, 2);
  asset = g_hash_table_lookup (assets, &ids[0]);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "Zero");
  asset = g_hash_table_lookup (assets, &ids[3]);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "Three");
  g_assert_cmpint (stw_asset_get_id (asset), ==, ids[3]);
  g_assert_null (g_hash_table_lookup (assets, &ids[1]));

  g_assert_true (stw_asset_repo_load_many (fixture->db, NULL, 0, assets, &error));
  g_assert_cmpuint (g_hash_table_size (assets), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/asset-repo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("crud", test_crud);
  ADD ("async", test_async);
  ADD ("tag-unique", test_tag_unique);
  ADD ("find-and-check-tag", test_find_and_check_tag);
  ADD ("validation", test_validation);
  ADD ("check-constraints", test_check_constraints);
  ADD ("field-mask", test_field_mask);
  ADD ("delete-many", test_delete_many);
  ADD ("unicode", test_unicode);
  ADD ("long-notes", test_long_notes);
  ADD ("load-many", test_load_many);

#undef ADD

  return g_test_run ();
}
