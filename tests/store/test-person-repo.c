/* test-person-repo.c
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

static StwPerson *
make_person (const char *name,
             const char *email,
             const char *department)
{
  StwPerson *person = stw_person_new ();

  stw_person_set_name (person, name);
  stw_person_set_email (person, email);
  stw_person_set_department (person, department);
  return person;
}

static void
assert_save_refused (Fixture    *fixture,
                     StwPerson  *person,
                     StwError    code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  gint64 people = peek_int (fixture->path, "SELECT count(*) FROM people");
  gint64 batches = peek_int (fixture->path, "SELECT count(*) FROM batches");

  g_assert_cmpint (stw_person_repo_save_sync (fixture->db, person, &error), ==, 0);
  g_assert_error (error, STW_ERROR, code);

  /* The same answer as the person types, before saving. */
  if (code != STW_ERROR_NOT_FOUND)
    {
      g_assert_false (stw_person_repo_validate (person, &validate_error));
      g_assert_error (validate_error, STW_ERROR, code);
    }

  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM people"), ==, people);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM batches"), ==, batches);
}

static gint64
add_asset_for (Fixture    *fixture,
               const char *tag,
               gint64      person_id)
{
  g_autoptr(StwAsset) asset = make_asset ("ThinkPad", tag);

  stw_asset_set_person (asset, person_id, NULL);
  return add_asset (fixture->db, asset);
}

static gint64
person_of (Fixture *fixture,
           gint64   asset_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) asset = stw_asset_repo_load (fixture->db, asset_id, &error);

  g_assert_no_error (error);
  return stw_asset_get_person_id (asset);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StwPerson) person = make_person ("  Anna Schmidt ", "anna.schmidt@example.org",
                                             "Finance");
  g_autoptr(StwPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = stw_person_repo_save_sync (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Person");

  loaded = stw_person_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_person_get_id (loaded), ==, id);
  g_assert_true (g_uuid_string_is_valid (stw_person_get_uuid (loaded)));
  g_assert_cmpstr (stw_person_get_name (loaded), ==, "Anna Schmidt");
  g_assert_cmpstr (stw_person_get_email (loaded), ==, "anna.schmidt@example.org");
  g_assert_cmpstr (stw_person_get_department (loaded), ==, "Finance");
  g_assert_cmpuint (stw_person_get_asset_count (loaded), ==, 0);

  stw_person_set_department (loaded, NULL);
  stw_person_set_name (loaded, "Anna Schmidt-Weber");
  g_assert_cmpint (stw_person_repo_save_sync (fixture->db, loaded, &error), ==, id);
  g_assert_no_error (error);
  g_clear_object (&person);
  person = stw_person_repo_load (fixture->db, id, &error);
  g_assert_cmpstr (stw_person_get_name (person), ==, "Anna Schmidt-Weber");
  g_assert_null (stw_person_get_department (person));
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Edit Person");

  g_assert_true (stw_person_repo_delete_sync (fixture->db, id, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&person);
  person = stw_person_repo_load (fixture->db, id, &error);
  g_assert_null (person);
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving someone who was deleted meanwhile. */
  assert_save_refused (fixture, loaded, STW_ERROR_NOT_FOUND);

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_clear_object (&person);
  person = stw_person_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_person_get_name (person), ==, "Anna Schmidt-Weber");
  g_assert_cmpstr (stw_person_get_uuid (person), ==, stw_person_get_uuid (loaded));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwPerson) person = make_person ("", NULL, NULL);
  g_autoptr(GError) error = NULL;

  assert_save_refused (fixture, person, STW_ERROR_REQUIRED);

  stw_person_set_name (person, "Anna Schmidt");
  stw_person_set_email (person, "anna at example");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);
  stw_person_set_email (person, "@example.org");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);
  stw_person_set_email (person, "anna@");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);
  stw_person_set_email (person, "anna@exa@mple.org");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);
  stw_person_set_email (person, "anna@example.org\n");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);

  stw_person_set_email (person, "anna@example.org");
  stw_person_set_department (person, "Fin\nance");
  assert_save_refused (fixture, person, STW_ERROR_INVALID);

  /* No email is fine; names in any script are. */
  stw_person_set_email (person, NULL);
  stw_person_set_department (person, NULL);
  stw_person_set_name (person, "محمد خان");
  g_assert_true (stw_person_repo_validate (person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stw_person_repo_save_sync (fixture->db, person, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 anna, zoe;

  zoe = add_person (fixture->db, "Zoë Müller", NULL);
  add_person (fixture->db, "jonas Weber", NULL);
  anna = add_person (fixture->db, "Anna Schmidt", NULL);
  add_asset_for (fixture, "LT-1", anna);
  add_asset_for (fixture, "LT-2", anna);
  add_asset_for (fixture, "PH-1", zoe);

  list = stw_person_repo_list (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s (%u)\n", stw_person_get_name (person),
                              stw_person_get_asset_count (person));
    }
  /* By name, whatever the case. */
  g_assert_cmpstr (text->str, ==, "Anna Schmidt (2)\njonas Weber (0)\nZoë Müller (1)\n");
  g_assert_cmpuint (stw_person_repo_count_assets (fixture->db, anna), ==, 2);
  g_assert_cmpuint (stw_person_repo_count_assets (fixture->db, zoe), ==, 1);
}

static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 anna, a;

  anna = add_person (fixture->db, "Anna Schmidt", NULL);
  a = add_asset_for (fixture, "LT-1", anna);

  g_assert_false (stw_person_repo_delete_sync (fixture->db, anna, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Anna Schmidt"));
  g_assert_nonnull (strstr (error->message, "1 asset"));
  g_clear_error (&error);

  g_assert_false (stw_person_repo_delete_sync (fixture->db, anna, anna, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_IN_USE);
  g_clear_error (&error);

  /* The person chosen to take them was deleted meanwhile. */
  g_assert_false (stw_person_repo_delete_sync (fixture->db, anna, 4242, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (person_of (fixture, a), ==, anna);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM people"), ==, 1);

  g_assert_false (stw_person_repo_delete_sync (fixture->db, 4242, 0, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_NOT_FOUND);
}

static void
test_delete_reassign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) asset = NULL;
  gint64 anna, jonas, a, b;

  anna = add_person (fixture->db, "Anna Schmidt", NULL);
  jonas = add_person (fixture->db, "Jonas Weber", NULL);
  a = add_asset_for (fixture, "LT-1", anna);
  b = add_asset_for (fixture, "PH-1", anna);

  g_assert_true (stw_person_repo_delete_sync (fixture->db, anna, jonas, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_of (fixture, a), ==, jonas);
  g_assert_cmpint (person_of (fixture, b), ==, jonas);
  asset = stw_asset_repo_load (fixture->db, a, &error);
  g_assert_cmpstr (stw_asset_get_person_name (asset), ==, "Jonas Weber");
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Delete Person");

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_of (fixture, a), ==, anna);
  g_assert_cmpint (person_of (fixture, b), ==, anna);

  g_assert_true (stw_person_repo_delete_sync (fixture->db, anna, STW_REASSIGN_CLEAR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_of (fixture, a), ==, 0);
  g_assert_cmpint (person_of (fixture, b), ==, 0);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(StwPerson) person = make_person ("Lea Fischer", "lea@example.org", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_person_repo_save_async (fixture->db, person, NULL, async_result_cb, &result);
  stw_person_set_name (person, "Changed meanwhile");
  wait_for_result (&result);
  id = stw_person_repo_save_finish (fixture->db, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_object (&person);
  person = stw_person_repo_load (fixture->db, id, &error);
  g_assert_cmpstr (stw_person_get_name (person), ==, "Lea Fischer");

  stw_person_repo_delete_async (fixture->db, id, 0, NULL, async_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (stw_person_repo_delete_finish (fixture->db, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (peek_int (fixture->path, "SELECT count(*) FROM people"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/person-repo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("crud", test_crud);
  ADD ("validation", test_validation);
  ADD ("list", test_list);
  ADD ("delete-in-use", test_delete_in_use);
  ADD ("delete-reassign", test_delete_reassign);
  ADD ("async", test_async);

#undef ADD

  return g_test_run ();
}
