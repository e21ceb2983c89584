/* test-location-repo.c
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

static StwLocation *
make_location (const char      *name,
               StwLocationKind  kind,
               gint64           parent_id)
{
  StwLocation *location = stw_location_new ();

  stw_location_set_name (location, name);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, parent_id);
  return location;
}

/* Saving @location fails with @code and leaves no location or batch. */
static void
assert_save_refused (Fixture      *fixture,
                     StwLocation  *location,
                     StwError      code,
                     const char   *message)
{
  g_autoptr(GError) error = NULL;
  gint64 locations = peek_int (fixture->path, "SELECT count(*) FROM locations");
  gint64 batches = peek_int (fixture->path, "SELECT count(*) FROM batches");

  g_assert_cmpint (stw_location_repo_save_sync (fixture->db, location, &error), ==, 0);
  g_assert_error (error, STW_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);

  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, locations);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, batches);
}

static gint64
add_asset_at (Fixture    *fixture,
              const char *tag,
              gint64      location_id)
{
  g_autoptr(StwAsset) asset = make_asset ("Dell OptiPlex", tag);

  stw_asset_set_location (asset, location_id, NULL);
  return add_asset (fixture->db, asset);
}

static gint64
location_of (Fixture *fixture,
             gint64   asset_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) asset = stw_asset_repo_load (fixture->db, asset_id, &error);

  g_assert_no_error (error);
  return stw_asset_get_location_id (asset);
}

/* "path (count)" of every location, one a line, in list order. */
static char *
describe_list (GListModel *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s (%u)\n", stw_location_get_path (location),
                              stw_location_get_asset_count (location));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */
/* The tree                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_tree_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  gint64 site, building, room;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  building = add_location (fixture->db, "Headquarters", STW_LOCATION_KIND_BUILDING, site);
  room = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, building);
  g_assert_cmpint (room, >, building);

  location = make_location ("Moon Base", STW_LOCATION_KIND_SITE, site);
  assert_save_refused (fixture, location, STW_ERROR_INVALID,
                       "A site is at the top of the tree and cannot be inside another location.");
  g_clear_object (&location);

  location = make_location ("Annex", STW_LOCATION_KIND_BUILDING, 0);
  assert_save_refused (fixture, location, STW_ERROR_INVALID,
                       "Choose the site this building belongs to.");
  stw_location_set_parent_id (location, building);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, "A building must be inside a site.");
  stw_location_set_parent_id (location, room);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, "A building must be inside a site.");
  stw_location_set_parent_id (location, 4242);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, NULL);
  g_clear_object (&location);

  location = make_location ("Closet", STW_LOCATION_KIND_ROOM, 0);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, "Choose the building this room is in.");
  stw_location_set_parent_id (location, site);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, "A room must be inside a building.");
  stw_location_set_parent_id (location, room);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, "A room must be inside a building.");

  /* The same rules, checked as the person types. */
  g_assert_false (stw_location_repo_validate (fixture->db, location, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);
  stw_location_set_parent_id (location, building);
  g_assert_true (stw_location_repo_validate (fixture->db, location, &error));
  g_assert_no_error (error);
  g_clear_object (&location);

  location = make_location ("   ", STW_LOCATION_KIND_SITE, 0);
  assert_save_refused (fixture, location, STW_ERROR_REQUIRED, NULL);
  g_clear_object (&location);

  g_assert_cmpint (stw_location_repo_count_children (fixture->db, site), ==, 1);
  g_assert_cmpint (stw_location_repo_count_children (fixture->db, building), ==, 1);
  g_assert_cmpint (stw_location_repo_count_children (fixture->db, room), ==, 0);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  gint64 berlin, london, building, room;

  berlin = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  london = add_location (fixture->db, "London", STW_LOCATION_KIND_SITE, 0);
  building = add_location (fixture->db, "  Headquarters ", STW_LOCATION_KIND_BUILDING, berlin);
  room = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, building);

  location = stw_location_repo_load (fixture->db, building, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_location_get_name (location), ==, "Headquarters");
  g_assert_true (g_uuid_string_is_valid (stw_location_get_uuid (location)));
  g_assert_cmpint (stw_location_get_kind (location), ==, STW_LOCATION_KIND_BUILDING);
  g_assert_cmpint (stw_location_get_parent_id (location), ==, berlin);

  /* A building with rooms keeps its kind. */
  stw_location_set_kind (location, STW_LOCATION_KIND_SITE);
  stw_location_set_parent_id (location, 0);
  assert_save_refused (fixture, location, STW_ERROR_INVALID, NULL);

  /* But it may move to another site, rooms and all. */
  stw_location_set_kind (location, STW_LOCATION_KIND_BUILDING);
  stw_location_set_parent_id (location, london);
  stw_location_set_name (location, "Shoreditch Office");
  g_assert_cmpint (stw_location_repo_save_sync (fixture->db, location, &error), ==, building);
  g_assert_no_error (error);
  g_clear_object (&location);

  location = stw_location_repo_load (fixture->db, room, &error);
  g_assert_cmpstr (stw_location_get_path (location), ==, "London › Shoreditch Office › Server Room");
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Edit Location");
  g_clear_object (&location);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  location = stw_location_repo_load (fixture->db, room, &error);
  g_assert_cmpstr (stw_location_get_path (location), ==, "Berlin › Headquarters › Server Room");
  g_clear_object (&location);

  /* What someone deleted cannot be saved. */
  location = make_location ("Ghost", STW_LOCATION_KIND_SITE, 0);
  stw_location_set_id (location, 4242);
  assert_save_refused (fixture, location, STW_ERROR_NOT_FOUND, NULL);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 berlin, office, hq, server, storage, lisbon;

  /* Added out of order, with a site whose name starts like another's. */
  lisbon = add_location (fixture->db, "Lisbon", STW_LOCATION_KIND_SITE, 0);
  office = add_location (fixture->db, "Berlin Office", STW_LOCATION_KIND_SITE, 0);
  berlin = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  hq = add_location (fixture->db, "Headquarters", STW_LOCATION_KIND_BUILDING, berlin);
  storage = add_location (fixture->db, "it storage", STW_LOCATION_KIND_ROOM, hq);
  server = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, hq);
  add_location (fixture->db, "Annex", STW_LOCATION_KIND_BUILDING, office);

  add_asset_at (fixture, "A-1", server);
  add_asset_at (fixture, "A-2", server);
  add_asset_at (fixture, "A-3", storage);
  add_asset_at (fixture, "A-4", berlin);

  list = stw_location_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  text = describe_list (list);
  /* Tree order: each place right after the one it is in; a count takes
   * in the places inside. */
  g_assert_cmpstr (text, ==,
                   "Berlin (4)\n"
                   "Berlin › Headquarters (3)\n"
                   "Berlin › Headquarters › it storage (1)\n"
                   "Berlin › Headquarters › Server Room (2)\n"
                   "Berlin Office (0)\n"
                   "Berlin Office › Annex (0)\n"
                   "Lisbon (0)\n");
  g_clear_object (&list);
  g_clear_pointer (&text, g_free);

  list = stw_location_repo_list_children (fixture->db, 0, &error);
  text = describe_list (list);
  g_assert_cmpstr (text, ==, "Berlin (4)\nBerlin Office (0)\nLisbon (0)\n");
  g_clear_object (&list);
  g_clear_pointer (&text, g_free);

  list = stw_location_repo_list_children (fixture->db, hq, &error);
  text = describe_list (list);
  g_assert_cmpstr (text, ==, "Berlin › Headquarters › it storage (1)\n"
                             "Berlin › Headquarters › Server Room (2)\n");
  g_clear_object (&list);

  location = stw_location_repo_load (fixture->db, server, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_location_get_name (location), ==, "Server Room");
  g_assert_cmpstr (stw_location_get_path (location), ==, "Berlin › Headquarters › Server Room");
  g_assert_cmpuint (stw_location_get_asset_count (location), ==, 2);
  g_assert_cmpint (stw_location_get_parent_id (location), ==, hq);
  g_assert_cmpuint (stw_location_repo_count_assets (fixture->db, server), ==, 2);
  g_assert_cmpuint (stw_location_repo_count_assets (fixture->db, lisbon), ==, 0);
  g_clear_object (&location);

  location = stw_location_repo_load (fixture->db, 4242, &error);
  g_assert_null (location);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 site, building, room, other, a, b;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  building = add_location (fixture->db, "Headquarters", STW_LOCATION_KIND_BUILDING, site);
  room = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, building);
  other = add_location (fixture->db, "IT Storage", STW_LOCATION_KIND_ROOM, building);
  a = add_asset_at (fixture, "SRV-1", room);
  b = add_asset_at (fixture, "SRV-2", room);

  g_assert_false (stw_location_repo_delete_sync (fixture->db, room, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Server Room"));
  g_assert_nonnull (strstr (error->message, "2 assets"));
  g_clear_error (&error);

  /* Onto itself is no new place either. */
  g_assert_false (stw_location_repo_delete_sync (fixture->db, room, room, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_clear_error (&error);

  /* A place that holds other places goes only when they are gone. */
  g_assert_false (stw_location_repo_delete_sync (fixture->db, building, STW_REASSIGN_CLEAR, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Headquarters"));
  g_assert_nonnull (strstr (error->message, "2 other locations"));
  g_clear_error (&error);

  /* Nothing moved. */
  g_assert_cmpint (location_of (fixture, a), ==, room);
  g_assert_cmpint (location_of (fixture, b), ==, room);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 4);

  /* A place someone else deleted. */
  g_assert_true (stw_location_repo_delete_sync (fixture->db, other, 0, &error));
  g_assert_no_error (error);
  g_assert_false (stw_location_repo_delete_sync (fixture->db, other, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
test_delete_reassign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAssetQueryModel) model = NULL;
  gint64 site, building, room, storage, a, b, c;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  building = add_location (fixture->db, "Headquarters", STW_LOCATION_KIND_BUILDING, site);
  room = add_location (fixture->db, "Server Room", STW_LOCATION_KIND_ROOM, building);
  storage = add_location (fixture->db, "IT Storage", STW_LOCATION_KIND_ROOM, building);
  a = add_asset_at (fixture, "SRV-1", room);
  b = add_asset_at (fixture, "SRV-2", room);
  c = add_asset_at (fixture, "SRV-3", storage);

  g_assert_true (stw_location_repo_delete_sync (fixture->db, room, storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (location_of (fixture, a), ==, storage);
  g_assert_cmpint (location_of (fixture, b), ==, storage);
  g_assert_cmpint (location_of (fixture, c), ==, storage);
  g_assert_cmpuint (stw_location_repo_count_assets (fixture->db, storage), ==, 3);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 3);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete Location");

  /* Search follows the move. */
  model = stw_asset_query_model_new (fixture->db);
  stw_asset_query_model_set_search (model, "storage");
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* One step undoes the move and the delete. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  wait_for_model (model);
  g_assert_cmpint (location_of (fixture, a), ==, room);
  g_assert_cmpint (location_of (fixture, b), ==, room);
  g_assert_cmpint (location_of (fixture, c), ==, storage);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  drop_model (&model);

  /* Clearing leaves the assets without a place. */
  g_assert_true (stw_location_repo_delete_sync (fixture->db, room, STW_REASSIGN_CLEAR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (location_of (fixture, a), ==, 0);
  g_assert_cmpint (location_of (fixture, b), ==, 0);
  g_assert_cmpint (location_of (fixture, c), ==, storage);
}

static void
test_delete_reassign_missing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 site, a;

  site = add_location (fixture->db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  a = add_asset_at (fixture, "SRV-1", site);

  /* The place chosen was deleted meanwhile: say so, change nothing. */
  g_assert_false (stw_location_repo_delete_sync (fixture->db, site, 4242, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_assert_cmpint (location_of (fixture, a), ==, site);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 1);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(StwLocation) location = make_location ("Lisbon", STW_LOCATION_KIND_SITE, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_location_repo_save_async (fixture->db, location, NULL, async_result_cb, &result);
  stw_location_set_name (location, "Changed meanwhile");
  wait_for_result (&result);
  id = stw_location_repo_save_finish (fixture->db, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&result);
  g_clear_object (&location);

  location = stw_location_repo_load (fixture->db, id, &error);
  g_assert_cmpstr (stw_location_get_name (location), ==, "Lisbon");

  stw_location_repo_delete_async (fixture->db, id, 0, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_location_repo_delete_finish (fixture->db, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM locations"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/location-repo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tree-rules", test_tree_rules);
  ADD ("edit", test_edit);
  ADD ("list", test_list);
  ADD ("delete-in-use", test_delete_in_use);
  ADD ("delete-reassign", test_delete_reassign);
  ADD ("delete-reassign-missing", test_delete_reassign_missing);
  ADD ("async", test_async);

#undef ADD

  return g_test_run ();
}
