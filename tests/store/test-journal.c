/* test-journal.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"
#include "store/stw-journal.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static char *
journal_of_last_batch (Fixture *fixture)
{
  return peek_rows (fixture->path,
                    "SELECT entity, entity_id, op, field, old, new FROM journal "
                    "WHERE batch = (SELECT max(id) FROM batches) ORDER BY id");
}

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

static void
assert_gone (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) asset = stw_asset_repo_load (fixture->db, id, &error);

  g_assert_null (asset);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_redo_sync (fixture->db, &error));
  g_assert_no_error (error);
}

/* An asset with every field filled in, at a location and with a person. */
static StwAsset *
make_full_asset (Fixture    *fixture,
                 const char *tag)
{
  StwAsset *asset = make_asset ("ThinkPad T14 Gen 4", tag);
  gint64 site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  gint64 person = add_person (fixture->db, "Anna Schmidt", "anna.schmidt@example.org");

  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "PF4XK2Q9");
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_text (asset, STW_ASSET_FIELD_MANUFACTURER, "Lenovo");
  stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, "21HD");
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_location (asset, site, NULL);
  stw_asset_set_person (asset, person, NULL);
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2024-03-01");
  stw_asset_set_purchase_cost (asset, 134999);
  stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, "EUR");
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2027-03-01");
  stw_asset_set_text (asset, STW_ASSET_FIELD_SUPPLIER, "Bechtle");
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, "Line one\nLine two: “quoted” {\"json\": 1}");

  return asset;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* ------------------------------------------------------------------------ */
/* What the triggers write                                                  */
/* ------------------------------------------------------------------------ */

static void
test_insert_row (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(StwAsset) loaded = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  gint64 before = g_get_real_time ();
  gint64 id, after;

  id = add_asset (fixture->db, asset);
  after = g_get_real_time ();
  loaded = load (fixture, id);

  sql = g_strdup_printf ("SELECT count(*) FROM journal WHERE entity = 'asset' AND entity_id = %"
                         G_GINT64_FORMAT, id);
  g_assert_cmpint (peek_int (fixture->path, sql), ==, 1);

  rows = journal_of_last_batch (fixture);
  g_assert_true (g_str_has_prefix (rows, "asset|"));
  g_assert_nonnull (strstr (rows, "|insert|NULL|NULL|{"));

  /* The JSON is the whole row, as stored. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT json_extract (new, '$.id') || '|' || json_extract (new, '$.uuid') "
                         "|| '|' || json_extract (new, '$.name') || '|' || json_extract (new, '$.tag') "
                         "|| '|' || json_extract (new, '$.status') || '|' || "
                         "json_extract (new, '$.purchase_cost') || '|' || "
                         "json_extract (new, '$.location_id') || '|' || json_extract (new, '$.notes') "
                         "FROM journal WHERE entity = 'asset' AND entity_id = %" G_GINT64_FORMAT, id);
  json = peek_text (fixture->path, sql);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|ThinkPad T14 Gen 4|LT-0001|deployed|134999|%"
                              G_GINT64_FORMAT "|Line one\nLine two: “quoted” {\"json\": 1}",
                              id, stw_asset_get_uuid (loaded), stw_asset_get_location_id (loaded));
  g_assert_cmpstr (json, ==, expected);

  /* Each row carries its batch, time and origin; the batch who and what. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM journal j JOIN batches b ON b.id = j.batch "
                         "WHERE j.entity_id = %" G_GINT64_FORMAT " AND j.entity = 'asset' "
                         "AND j.origin = 'user' AND b.origin = 'user' AND j.time = b.time "
                         "AND j.time BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT " "
                         "AND b.description = 'Add Asset' AND b.author IS NOT NULL "
                         "AND b.state = 'done'", id, before, after);
  g_assert_cmpint (peek_int (fixture->path, sql), ==, 1);
  g_clear_pointer (&json, g_free);
  json = peek_text (fixture->path, "SELECT author FROM batches ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (json, ==, g_get_real_name ());

  /* Nothing is left pointing at a batch once the write is over. */
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal_state "
                                            "WHERE batch IS NULL AND origin IS NULL"), ==, 1);
}

static void
test_update_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  id = add_asset (fixture->db, asset);

  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "NEW-SERIAL");
  stw_asset_set_purchase_cost (asset, 99);
  /* All fields are written, but only what differs is journaled. */
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error),
                   ==, id);
  g_assert_no_error (error);

  rows = journal_of_last_batch (fixture);
  expected = g_strdup_printf ("asset|%" G_GINT64_FORMAT "|update|serial|PF4XK2Q9|NEW-SERIAL\n"
                              "asset|%" G_GINT64_FORMAT "|update|purchase_cost|134999|99\n",
                              id, id);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpint (peek_int (fixture->path, "SELECT typeof (old) = 'integer' FROM journal "
                                            "WHERE field = 'purchase_cost'"), ==, 1);

  /* Clearing a value journals NULL. */
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, NULL);
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES), &error);
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&expected, g_free);
  rows = journal_of_last_batch (fixture);
  expected = g_strdup_printf ("asset|%" G_GINT64_FORMAT "|update|notes|Line one\nLine two: "
                              "“quoted” {\"json\": 1}|NULL\n", id);
  g_assert_cmpstr (rows, ==, expected);

  /* Saving without a change writes no row and no undo step. */
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Change Notes");
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches WHERE description = "
                                            "'Edit Asset'"), ==, 1);
}

static void
test_delete_row (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  id = add_asset (fixture->db, asset);
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &id, 1, &error));
  g_assert_no_error (error);

  rows = journal_of_last_batch (fixture);
  g_assert_true (g_str_has_prefix (rows, "asset|"));
  g_assert_nonnull (strstr (rows, "|delete|NULL|{"));
  g_assert_true (g_str_has_suffix (rows, "}|NULL\n"));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal "
                                            "WHERE batch = (SELECT max(id) FROM batches)"), ==, 1);

  name = peek_text (fixture->path, "SELECT json_extract (old, '$.name') || '/' || "
                                   "json_extract (old, '$.serial') FROM journal WHERE op = 'delete'");
  g_assert_cmpstr (name, ==, "ThinkPad T14 Gen 4/PF4XK2Q9");
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete 1 Asset");
}

/* ------------------------------------------------------------------------ */
/* Undo and redo                                                            */
/* ------------------------------------------------------------------------ */

static void
test_undo_insert (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(StwAsset) before = NULL;
  g_autoptr(StwAsset) after = NULL;
  gint64 id;

  id = add_asset (fixture->db, asset);
  before = load (fixture, id);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");

  undo (fixture);
  assert_gone (fixture, id);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets_fts"), ==, 0);
  /* The location and person were added in steps of their own. */
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 1);
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Add Asset");

  redo (fixture);
  after = load (fixture, id);
  assert_assets_equal (before, after);
  g_assert_cmpint (stw_asset_get_updated (before), ==, stw_asset_get_updated (after));
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "lt-0001"), ==, id);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets_fts"), ==, 1);
}

static void
test_undo_update (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(StwAsset) before = NULL;
  g_autoptr(StwAsset) edited = NULL;
  g_autoptr(StwAsset) undone = NULL;
  g_autoptr(StwAsset) redone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, room;

  id = add_asset (fixture->db, asset);
  before = load (fixture, id);

  room = add_location (fixture->db, "Lisbon", STW_LOCATION_KIND_SITE, 0);
  stw_asset_set_name (asset, "Renamed");
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, NULL);
  stw_asset_set_status (asset, STW_ASSET_STATUS_IN_REPAIR);
  stw_asset_set_location (asset, room, NULL);
  stw_asset_set_person (asset, 0, NULL);
  stw_asset_set_purchase_cost (asset, STW_COST_UNSET);
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, "Other notes");
  g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error),
                   ==, id);
  g_assert_no_error (error);
  edited = load (fixture, id);
  g_assert_cmpstr (stw_asset_get_location_name (edited), ==, "Lisbon");
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Edit Asset");

  undo (fixture);
  undone = load (fixture, id);
  assert_assets_equal (before, undone);

  redo (fixture);
  redone = load (fixture, id);
  assert_assets_equal (edited, redone);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_full_asset (fixture, "LT-0001");
  g_autoptr(StwAsset) before = NULL;
  g_autoptr(StwAsset) restored = NULL;
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  ids[0] = add_asset (fixture->db, asset);
  ids[1] = add_simple_asset (fixture->db, "Dell Latitude", "LT-0002");
  ids[2] = add_simple_asset (fixture->db, "iPhone 15", "PH-0001");
  before = load (fixture, ids[0]);

  g_assert_true (stw_asset_repo_delete_sync (fixture->db, ids, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 0);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete 3 Assets");

  /* One step brings all three back, as they were. */
  undo (fixture);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 3);
  restored = load (fixture, ids[0]);
  assert_assets_equal (before, restored);
  g_assert_cmpint (stw_asset_get_updated (before), ==, stw_asset_get_updated (restored));
  g_assert_cmpstr (stw_asset_get_location_name (restored), ==, "Berlin");
  g_assert_cmpstr (stw_asset_get_person_name (restored), ==, "Anna Schmidt");

  /* And they are found again. */
  model = stw_asset_query_model_new (fixture->db);
  stw_asset_query_model_set_search (model, "PF4XK");
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  drop_model (&model);

  redo (fixture);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 0);
}

static void
test_undo_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = add_simple_asset (fixture->db, "First", "A-1");
  b = add_simple_asset (fixture->db, "Second", "B-1");
  asset = load (fixture, a);
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "SN-A");
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_SERIAL), &error);
  g_assert_no_error (error);
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &b, 1, &error));

  /* Last in, first out. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete 1 Asset");
  undo (fixture);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 2);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Change Serial Number");
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Delete 1 Asset");

  undo (fixture);
  g_clear_object (&asset);
  asset = load (fixture, a);
  g_assert_null (stw_asset_get_text (asset, STW_ASSET_FIELD_SERIAL));
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Change Serial Number");

  undo (fixture);
  assert_gone (fixture, b);
  undo (fixture);
  assert_gone (fixture, a);
  g_assert_false (stw_database_get_can_undo (fixture->db));
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM assets"), ==, 0);

  /* Redo walks forward in the order things happened. */
  redo (fixture);
  g_assert_cmpint (stw_asset_repo_count (fixture->db), ==, 1);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "A-1"), ==, a);
  redo (fixture);
  redo (fixture);
  g_clear_object (&asset);
  asset = load (fixture, a);
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_SERIAL), ==, "SN-A");
  redo (fixture);
  assert_gone (fixture, b);
  g_assert_false (stw_database_get_can_redo (fixture->db));

  g_assert_false (stw_database_redo_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO);
}

static void
test_new_edit_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a;

  a = add_simple_asset (fixture->db, "First", "A-1");
  add_simple_asset (fixture->db, "Second", "B-1");
  undo (fixture);
  g_assert_true (stw_database_get_can_redo (fixture->db));

  /* A new edit of the person's ends what could be redone. */
  {
    g_autoptr(StwAsset) asset = load (fixture, a);

    stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, "From the server");
    g_assert_cmpint (stw_asset_repo_save_sync (fixture->db, asset,
                                               STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES),
                                               &error), ==, a);
  }
  g_assert_false (stw_database_get_can_redo (fixture->db));
  g_assert_null (stw_database_get_redo_description (fixture->db));

  g_assert_false (stw_database_redo_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "B-1"), ==, 0);

  /* Undo goes on with what is still done. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Change Notes");
  undo (fixture);
  undo (fixture);
  assert_gone (fixture, a);
  g_assert_false (stw_database_get_can_undo (fixture->db));
}

static gboolean
sync_note_func (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, "UPDATE assets SET notes = 'Synced'", error);

  return stmt != NULL && stw_sql_step (stmt, error);
}

static void
test_not_undoable_origins (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_simple_asset (fixture->db, "First", "A-1");
  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_SYNC, "Sync", sync_note_func,
                                          NULL, NULL, &error));
  g_assert_no_error (error);

  /* Undo is for the person's own steps; the synced note stays. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM journal WHERE origin = 'sync'"),
                   ==, 1);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_text = NULL;
  guint can_undo = 0, can_redo = 0, undo_desc = 0, redo_desc = 0;
  gboolean value;

  g_signal_connect (fixture->db, "notify::can-undo", G_CALLBACK (notify_cb), &can_undo);
  g_signal_connect (fixture->db, "notify::can-redo", G_CALLBACK (notify_cb), &can_redo);
  g_signal_connect (fixture->db, "notify::undo-description", G_CALLBACK (notify_cb), &undo_desc);
  g_signal_connect (fixture->db, "notify::redo-description", G_CALLBACK (notify_cb), &redo_desc);

  g_assert_false (stw_database_undo_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_cmpuint (can_undo + can_redo + undo_desc + redo_desc, ==, 0);

  add_simple_asset (fixture->db, "First", "A-1");
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (undo_desc, ==, 1);
  g_object_get (fixture->db, "can-undo", &value, "undo-description", &undo_text, NULL);
  g_assert_true (value);
  g_assert_cmpstr (undo_text, ==, "Add Asset");

  /* Same flag, new words: only the description changes. */
  add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (undo_desc, ==, 2);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Location");

  undo (fixture);
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpuint (redo_desc, ==, 1);
  g_object_get (fixture->db, "can-redo", &value, NULL);
  g_assert_true (value);
  g_assert_cmpstr (stw_database_get_redo_description (fixture->db), ==, "Add Location");

  undo (fixture);
  g_assert_cmpuint (can_undo, ==, 2);
  g_object_get (fixture->db, "can-undo", &value, NULL);
  g_assert_false (value);
  g_assert_null (stw_database_get_undo_description (fixture->db));

  g_assert_false (stw_database_undo_sync (fixture->db, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO);
}

static void
test_undo_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a;

  a = add_simple_asset (fixture->db, "First", "A-1");

  stw_database_undo_async (fixture->db, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_database_undo_finish (fixture->db, result, &error));
  g_assert_no_error (error);
  assert_gone (fixture, a);
  g_assert_true (stw_database_get_can_redo (fixture->db));
  g_clear_object (&result);

  stw_database_redo_async (fixture->db, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_database_undo_finish (fixture->db, result, &error));
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "A-1"), ==, a);
  g_clear_object (&result);

  stw_database_redo_async (fixture->db, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_false (stw_database_undo_finish (fixture->db, result, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO);
}

/* ------------------------------------------------------------------------ */
/* History                                                                  */
/* ------------------------------------------------------------------------ */

static StwChange *
change_at (GListModel *list,
           guint       position)
{
  StwChange *change = g_list_model_get_item (list, position);

  g_assert_nonnull (change);
  /* The list holds its own reference. */
  g_object_unref (change);
  return change;
}

static void
test_list_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-0001");
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  StwChange *change;
  gint64 id, site, building, room;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  building = add_location (fixture->db, "Headquarters", STW_LOCATION_KIND_BUILDING, site);
  room = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, building);

  id = add_asset (fixture->db, asset);
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "SN-1");
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_SERIAL), &error);
  g_assert_no_error (error);
  stw_asset_set_location (asset, room, NULL);
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_LOCATION),
                            &error);
  g_assert_no_error (error);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_purchase_cost (asset, 129900);
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  changes = stw_journal_list_changes (fixture->db, STW_ENTITY_ASSET, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 5);

  /* Newest first; within one step, as written. */
  change = change_at (changes, 0);
  g_assert_cmpint (stw_change_get_kind (change), ==, STW_CHANGE_UPDATED);
  g_assert_cmpstr (stw_change_get_field (change), ==, "Purchase Cost");
  g_assert_null (stw_change_get_old_value (change));
  g_assert_cmpstr (stw_change_get_new_value (change), ==, "1299.00");

  change = change_at (changes, 1);
  g_assert_cmpstr (stw_change_get_field (change), ==, "Status");
  g_assert_cmpstr (stw_change_get_old_value (change), ==, "In Stock");
  g_assert_cmpstr (stw_change_get_new_value (change), ==, "Deployed");

  change = change_at (changes, 2);
  g_assert_cmpstr (stw_change_get_field (change), ==, "Location");
  g_assert_null (stw_change_get_old_value (change));
  g_assert_cmpstr (stw_change_get_new_value (change), ==, "Server Room");

  change = change_at (changes, 3);
  g_assert_cmpstr (stw_change_get_field (change), ==, "Serial Number");
  g_assert_null (stw_change_get_old_value (change));
  g_assert_cmpstr (stw_change_get_new_value (change), ==, "SN-1");

  change = change_at (changes, 4);
  g_assert_cmpint (stw_change_get_kind (change), ==, STW_CHANGE_CREATED);
  g_assert_null (stw_change_get_field (change));
  g_assert_cmpint (stw_change_get_origin (change), ==, STW_ORIGIN_USER);
  g_assert_cmpstr (stw_change_get_author (change), ==, g_get_real_name ());
  g_assert_cmpint (ABS (g_date_time_difference (stw_change_get_time (change), now)), <,
                   60 * G_TIME_SPAN_SECOND);

  /* Undo shows as changes of their own, marked as such. */
  undo (fixture);
  g_clear_object (&changes);
  changes = stw_journal_list_changes (fixture->db, STW_ENTITY_ASSET, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 7);
  change = change_at (changes, 0);
  g_assert_cmpint (stw_change_get_origin (change), ==, STW_ORIGIN_UNDO);

  /* A location's own history names its parent. */
  g_clear_object (&changes);
  changes = stw_journal_list_changes (fixture->db, STW_ENTITY_LOCATION, room, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = change_at (changes, 0);
  g_assert_cmpint (stw_change_get_kind (change), ==, STW_CHANGE_CREATED);

  /* An asset nobody touched has no history. */
  g_clear_object (&changes);
  changes = stw_journal_list_changes (fixture->db, STW_ENTITY_ASSET, id + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
}

static void
test_list_changes_deleted_reference (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", "LT-0001");
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  StwChange *change;
  gint64 id, person, other;

  person = add_person (fixture->db, "Felix Schäfer", NULL);
  other = add_person (fixture->db, "Anna Schmidt", NULL);
  stw_asset_set_person (asset, person, NULL);
  id = add_asset (fixture->db, asset);
  stw_asset_set_person (asset, other, NULL);
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_PERSON), &error);
  g_assert_no_error (error);
  g_assert_true (stw_person_repo_delete_sync (fixture->db, person, 0, &error));
  g_assert_no_error (error);

  changes = stw_journal_list_changes (fixture->db, STW_ENTITY_ASSET, id, &error);
  g_assert_no_error (error);
  change = change_at (changes, 0);
  g_assert_cmpstr (stw_change_get_field (change), ==, "Assigned To");
  g_assert_cmpstr (stw_change_get_old_value (change), ==, "(deleted)");
  g_assert_cmpstr (stw_change_get_new_value (change), ==, "Anna Schmidt");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/journal/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("insert-row", test_insert_row);
  ADD ("update-rows", test_update_rows);
  ADD ("delete-row", test_delete_row);
  ADD ("undo-insert", test_undo_insert);
  ADD ("undo-update", test_undo_update);
  ADD ("undo-delete", test_undo_delete);
  ADD ("undo-order", test_undo_order);
  ADD ("new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("not-undoable-origins", test_not_undoable_origins);
  ADD ("properties", test_properties);
  ADD ("undo-async", test_undo_async);
  ADD ("list-changes", test_list_changes);
  ADD ("list-changes-deleted-reference", test_list_changes_deleted_reference);

#undef ADD

  return g_test_run ();
}
