/* test-asset-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "test-io-util.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"

#define HEADER "tag,name,serial,category,status,manufacturer,model,location,person," \
               "purchase_date,purchase_cost,currency,warranty_end,supplier,notes,uuid\r\n"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static gint64
add_location (StwDatabase     *db,
              const char      *name,
              StwLocationKind  kind,
              gint64           parent_id)
{
  g_autoptr(StwLocation) location = stw_location_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_location_set_name (location, name);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, parent_id);
  id = stw_location_repo_save_sync (db, location, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (StwDatabase *db,
            const char  *name)
{
  g_autoptr(StwPerson) person = stw_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_person_set_name (person, name);
  id = stw_person_repo_save_sync (db, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
save (StwDatabase *db,
      StwAsset    *asset)
{
  g_autoptr(GError) error = NULL;

  stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);
}

/* Assets with everything an export must carry: every field, Unicode,
 * delimiters, quotes and line breaks in values, empty fields, locations
 * at each depth and people. */
static void
add_rich_assets (StwDatabase *db)
{
  gint64 berlin = add_location (db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  gint64 hq = add_location (db, "HQ, Tower \"A\"", STW_LOCATION_KIND_BUILDING, berlin);
  gint64 room = add_location (db, "Raum 101 — Süd", STW_LOCATION_KIND_ROOM, hq);
  gint64 remote = add_location (db, "Remote", STW_LOCATION_KIND_SITE, 0);
  gint64 zoe = add_person (db, "Zoë Ärger");
  gint64 bob = add_person (db, "Bob \"the builder\" Smith");
  g_autoptr(StwAsset) full = stw_asset_new ();
  g_autoptr(StwAsset) minimal = stw_asset_new ();
  g_autoptr(StwAsset) building = stw_asset_new ();
  g_autoptr(StwAsset) spaces = stw_asset_new ();

  stw_asset_set_tag (full, "LT-0001");
  stw_asset_set_name (full, "Ünïcödé laptop, 日本語");
  stw_asset_set_text (full, STW_ASSET_FIELD_SERIAL, "PF-3X;9");
  stw_asset_set_category (full, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (full, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_text (full, STW_ASSET_FIELD_MANUFACTURER, "Lenovo");
  stw_asset_set_text (full, STW_ASSET_FIELD_MODEL, "ThinkPad X1 \"Carbon\"");
  stw_asset_set_location (full, room, NULL);
  stw_asset_set_person (full, zoe, NULL);
  stw_asset_set_text (full, STW_ASSET_FIELD_PURCHASE_DATE, "2024-01-15");
  stw_asset_set_purchase_cost (full, 129999);
  stw_asset_set_text (full, STW_ASSET_FIELD_CURRENCY, "EUR");
  stw_asset_set_text (full, STW_ASSET_FIELD_WARRANTY_END, "2027-01-15");
  stw_asset_set_text (full, STW_ASSET_FIELD_SUPPLIER, "Shop, Inc.");
  stw_asset_set_text (full, STW_ASSET_FIELD_NOTES,
                      "Line one, with a comma\nLine \"two\"\nthird; semi\ttab 🙂");
  save (db, full);

  stw_asset_set_tag (minimal, "MIN-1");
  stw_asset_set_name (minimal, "Minimal");
  save (db, minimal);

  stw_asset_set_tag (building, "SW-0001");
  stw_asset_set_name (building, "Core switch");
  stw_asset_set_category (building, STW_ASSET_CATEGORY_NETWORK);
  stw_asset_set_status (building, STW_ASSET_STATUS_LOST);
  stw_asset_set_location (building, hq, NULL);
  stw_asset_set_person (building, bob, NULL);
  stw_asset_set_purchase_cost (building, 0);
  save (db, building);

  stw_asset_set_tag (spaces, "PH-0001");
  stw_asset_set_name (spaces, "Phone");
  stw_asset_set_category (spaces, STW_ASSET_CATEGORY_PHONE);
  stw_asset_set_status (spaces, STW_ASSET_STATUS_IN_REPAIR);
  stw_asset_set_location (spaces, remote, NULL);
  stw_asset_set_text (spaces, STW_ASSET_FIELD_NOTES, "  indented\nand a last line break\n");
  save (db, spaces);
}

/* Adds @n plain assets, named so the default sort puts them in order. */
static void
add_many_assets (Fixture *fixture,
                 guint    n)
{
  g_autofree char *path = g_build_filename (fixture->dir, "many.csv", NULL);
  g_autoptr(StwImportReport) report = NULL;
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  fputs ("tag,name,model,notes\n", out);
  for (guint i = 0; i < n; i++)
    fprintf (out, "M-%06u,Asset %06u,Model %u,\"Some notes, to make the rows longer: %u\"\n",
             i, i, i % 17, i);
  fclose (out);

  report = import_file (fixture->db, path);
  g_assert_cmpuint (report->n_created, ==, n);
  g_unlink (path);
}

/* The first field of every line of a CSV export after the header. */
static char *
first_column (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  GString *out = g_string_new (NULL);

  g_assert_cmpstr (lines[0], ==, "tag,name,serial,category,status,manufacturer,model,location,"
                                 "person,purchase_date,purchase_cost,currency,warranty_end,"
                                 "supplier,notes,uuid");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *comma = strchr (lines[i], ',');

      g_string_append_printf (out, "%s%.*s", out->len > 0 ? " " : "",
                              (int)(comma - lines[i]), lines[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
export_tags (StwDatabase *db,
             const char  *search,
             int          status,
             int          category,
             StwAssetField sort,
             StwSortDirection direction)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (db);
  g_autoptr(GBytes) bytes = NULL;

  stw_asset_query_set_search (query, search);
  stw_asset_query_set_status (query, status);
  stw_asset_query_set_category (query, category);
  stw_asset_query_set_sort (query, sort, direction);
  bytes = export_bytes (query, STW_EXPORT_CSV);

  return first_column (bytes);
}

typedef struct
{
  GThread      *thread;
  guint         n_notifies;
  gboolean      wrong_thread;
  GCancellable *cancel_on_progress;
} ProgressWatch;

static void
progress_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  ProgressWatch *watch = user_data;

  if (g_thread_self () != watch->thread)
    watch->wrong_thread = TRUE;
  watch->n_notifies++;

  if (watch->cancel_on_progress != NULL &&
      stw_asset_export_get_progress (STW_ASSET_EXPORT (object)) < 1.0)
    g_cancellable_cancel (watch->cancel_on_progress);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StwAsset) full = NULL;
  g_autoptr(StwAsset) minimal = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  add_rich_assets (fixture->db);
  full = load_by_tag (fixture->db, "LT-0001");
  minimal = load_by_tag (fixture->db, "MIN-1");

  stw_asset_query_set_search (query, "laptop");
  bytes = export_bytes (query, STW_EXPORT_CSV);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Quoted where needed, quotes doubled, the location as its path. */
  expected = g_strdup_printf (HEADER
                              "LT-0001,\"Ünïcödé laptop, 日本語\",\"PF-3X;9\",laptop,deployed,"
                              "Lenovo,\"ThinkPad X1 \"\"Carbon\"\"\","
                              "\"Berlin › HQ, Tower \"\"A\"\" › Raum 101 — Süd\",Zoë Ärger,"
                              "2024-01-15,1299.99,EUR,2027-01-15,\"Shop, Inc.\","
                              "\"Line one, with a comma\nLine \"\"two\"\"\nthird; semi\ttab 🙂\","
                              "%s\r\n", stw_asset_get_uuid (full));
  g_assert_cmpstr (text, ==, expected);

  /* Empty fields are empty. */
  stw_asset_query_set_search (query, "minimal");
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  bytes = export_bytes (query, STW_EXPORT_CSV);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  expected = g_strdup_printf (HEADER "MIN-1,Minimal,,other,in-stock,,,,,,,,,,,%s\r\n",
                              stw_asset_get_uuid (minimal));
  g_assert_cmpstr (text, ==, expected);

  /* Nothing found: the header alone. */
  stw_asset_query_set_search (query, "nothing-like-this");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_bytes (query, STW_EXPORT_CSV);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   HEADER, strlen (HEADER));
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *by_tag = NULL;
  g_autofree char *by_tag_down = NULL;
  g_autofree char *searched = NULL;
  g_autofree char *by_status = NULL;
  g_autofree char *by_category = NULL;
  g_autofree char *by_cost = NULL;

  add_rich_assets (fixture->db);

  /* The list's order: by name unless told otherwise. */
  all = export_tags (fixture->db, NULL, STW_FILTER_ANY, STW_FILTER_ANY, STW_ASSET_FIELD_NAME,
                     STW_SORT_ASCENDING);
  g_assert_cmpstr (all, ==, "SW-0001 MIN-1 PH-0001 LT-0001");

  by_tag = export_tags (fixture->db, NULL, STW_FILTER_ANY, STW_FILTER_ANY, STW_ASSET_FIELD_TAG,
                        STW_SORT_ASCENDING);
  g_assert_cmpstr (by_tag, ==, "LT-0001 MIN-1 PH-0001 SW-0001");
  by_tag_down = export_tags (fixture->db, NULL, STW_FILTER_ANY, STW_FILTER_ANY,
                             STW_ASSET_FIELD_TAG, STW_SORT_DESCENDING);
  g_assert_cmpstr (by_tag_down, ==, "SW-0001 PH-0001 MIN-1 LT-0001");

  /* Costs: none last, whichever way. */
  by_cost = export_tags (fixture->db, NULL, STW_FILTER_ANY, STW_FILTER_ANY,
                         STW_ASSET_FIELD_PURCHASE_COST, STW_SORT_DESCENDING);
  g_assert_true (g_str_has_prefix (by_cost, "LT-0001 SW-0001 "));

  searched = export_tags (fixture->db, "ph", STW_FILTER_ANY, STW_FILTER_ANY, STW_ASSET_FIELD_TAG,
                          STW_SORT_ASCENDING);
  g_assert_cmpstr (searched, ==, "PH-0001");

  by_status = export_tags (fixture->db, NULL, STW_ASSET_STATUS_LOST, STW_FILTER_ANY,
                           STW_ASSET_FIELD_TAG, STW_SORT_ASCENDING);
  g_assert_cmpstr (by_status, ==, "SW-0001");

  by_category = export_tags (fixture->db, NULL, STW_FILTER_ANY, STW_ASSET_CATEGORY_OTHER,
                             STW_ASSET_FIELD_TAG, STW_SORT_ASCENDING);
  g_assert_cmpstr (by_category, ==, "MIN-1");
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const keys[] = {
    "tag", "name", "serial", "category", "status", "manufacturer", "model", "location",
    "person", "purchase_date", "purchase_cost", "currency", "warranty_end", "supplier", "notes",
    "uuid",
  };
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) full = NULL;
  JsonArray *array;
  JsonObject *object;

  add_rich_assets (fixture->db);
  full = load_by_tag (fixture->db, "LT-0001");
  stw_asset_query_set_sort (query, STW_ASSET_FIELD_TAG, STW_SORT_ASCENDING);
  bytes = export_bytes (query, STW_EXPORT_JSON);

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 4);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_nonnull (object);
      g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (keys));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (object, keys[k]));
    }

  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "tag"), ==, "LT-0001");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Ünïcödé laptop, 日本語");
  g_assert_cmpstr (json_object_get_string_member (object, "location"), ==,
                   "Berlin › HQ, Tower \"A\" › Raum 101 — Süd");
  g_assert_cmpstr (json_object_get_string_member (object, "person"), ==, "Zoë Ärger");
  g_assert_cmpstr (json_object_get_string_member (object, "purchase_cost"), ==, "1299.99");
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==,
                   "Line one, with a comma\nLine \"two\"\nthird; semi\ttab 🙂");
  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, stw_asset_get_uuid (full));

  /* Empty is null, and a cost of nothing is not a cost of zero. */
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "tag"), ==, "MIN-1");
  g_assert_true (json_object_get_null_member (object, "serial"));
  g_assert_true (json_object_get_null_member (object, "location"));
  g_assert_true (json_object_get_null_member (object, "purchase_cost"));
  object = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "tag"), ==, "SW-0001");
  g_assert_cmpstr (json_object_get_string_member (object, "purchase_cost"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (object, "location"), ==,
                   "Berlin › HQ, Tower \"A\"");

  /* No assets: an empty array. */
  stw_asset_query_set_search (query, "nothing-like-this");
  empty = export_bytes (query, STW_EXPORT_JSON);
  json_parser_load_from_data (parser, g_bytes_get_data (empty, NULL), g_bytes_get_size (empty),
                              &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 0);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autoptr(StwAssetQuery) second_query = NULL;
  g_autoptr(StwDatabase) second = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *csv_path = NULL;
  g_autofree char *first_snapshot = NULL;
  g_autofree char *second_snapshot = NULL;

  add_rich_assets (fixture->db);
  first_bytes = export_bytes (query, STW_EXPORT_CSV);
  csv_path = write_file (fixture->dir, "export.csv", g_bytes_get_data (first_bytes, NULL),
                         g_bytes_get_size (first_bytes));

  second = stw_database_open (second_path, &error);
  g_assert_no_error (error);
  report = import_file (second, csv_path);
  g_assert_cmpuint (report->n_created, ==, 4);
  g_assert_cmpuint (report->n_problems, ==, 0);

  /* The same bytes, and the same store: UUIDs, locations, people. */
  second_query = stw_asset_query_new (second);
  second_bytes = export_bytes (second_query, STW_EXPORT_CSV);
  g_assert_cmpmem (g_bytes_get_data (second_bytes, NULL), g_bytes_get_size (second_bytes),
                   g_bytes_get_data (first_bytes, NULL), g_bytes_get_size (first_bytes));

  first_snapshot = store_snapshot (fixture->db, FALSE);
  second_snapshot = store_snapshot (second, FALSE);
  g_assert_cmpstr (second_snapshot, ==, first_snapshot);

  /* Importing it again changes nothing but makes no duplicates. */
  g_clear_pointer (&report, stw_import_report_free);
  report = import_file (second, csv_path);
  g_assert_cmpuint (report->n_updated, ==, 4);
  g_assert_cmpuint (report->n_created, ==, 0);
  g_clear_pointer (&second_snapshot, g_free);
  second_snapshot = store_snapshot (second, FALSE);
  g_assert_cmpstr (second_snapshot, ==, first_snapshot);

  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
test_run_async (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autoptr(StwAssetExport) export = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "assets.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  ProgressWatch watch = { g_thread_self (), 0, FALSE, NULL };
  gsize length;

  add_rich_assets (fixture->db);
  expected = export_bytes (query, STW_EXPORT_CSV);

  export = stw_asset_export_new (query, STW_EXPORT_CSV);
  g_signal_connect (export, "notify::progress", G_CALLBACK (progress_notify_cb), &watch);
  stw_asset_export_run_async (export, file, NULL, async_result_cb, &result);

  /* Nobody iterates this thread's context while the export runs: its
   * progress must still come here, not on the worker. */
  g_usleep (G_USEC_PER_SEC / 2);

  g_assert_cmpint (stw_asset_export_run_finish (export, wait_for_result (&result), &error), ==, 4);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (watch.wrong_thread);
  g_assert_cmpuint (watch.n_notifies, >=, 1);
  g_assert_cmpfloat (stw_asset_export_get_progress (export), ==, 1.0);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length,
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autofree char *path = write_file (fixture->dir, "assets.json", "[\"the old export\"]\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean cancelled = FALSE;
  guint n_files;

  add_many_assets (fixture, 5000);
  n_files = count_files (fixture->dir);

  /* Cancelled at its first progress report. The export may in theory be
   * done before the cancel lands; then try again. */
  for (guint attempt = 0; attempt < 5 && !cancelled; attempt++)
    {
      g_autoptr(StwAssetExport) export = stw_asset_export_new (query, STW_EXPORT_JSON);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      ProgressWatch watch = { g_thread_self (), 0, FALSE, cancellable };
      gint64 n_rows;

      g_signal_connect (export, "notify::progress", G_CALLBACK (progress_notify_cb), &watch);
      stw_asset_export_run_async (export, file, cancellable, async_result_cb, &result);
      n_rows = stw_asset_export_run_finish (export, wait_for_result (&result), &error);

      if (n_rows >= 0)
        {
          g_test_message ("The export finished before the cancel; again");
          g_file_set_contents (path, "[\"the old export\"]\n", -1, NULL);
          continue;
        }

      cancelled = TRUE;
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      /* The old file as it was, and no temporary file beside it. */
      contents = read_file (path);
      g_assert_cmpstr (contents, ==, "[\"the old export\"]\n");
      g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
    }

  g_assert_true (cancelled);
}

static void
test_failure_keeps_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = NULL;
  g_autoptr(StwAssetExport) export = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture->dir, "assets.csv", "old,contents\r\n", -1);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = NULL;
  guint n_files;

  add_rich_assets (fixture->db);
  query = stw_asset_query_new (fixture->db);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  /* The database is gone by the time the export reads it. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

    g_unlink (fixture->path);
    g_unlink (wal);
    g_unlink (shm);
  }
  n_files = count_files (fixture->dir);

  export = stw_asset_export_new (query, STW_EXPORT_CSV);
  stw_asset_export_run_async (export, file, NULL, async_result_cb, &result);
  g_assert_cmpint (stw_asset_export_run_finish (export, wait_for_result (&result), &error), ==, -1);
  g_assert_nonnull (error);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "old,contents\r\n");
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);

  /* A folder that does not exist: a clear error. */
  g_clear_object (&result);
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no", "such", "folder", "x.csv",
                                                 NULL);

    missing = g_file_new_for_path (nowhere);
  }
  stw_asset_export_run_async (export, missing, NULL, async_result_cb, &result);
  g_assert_cmpint (stw_asset_export_run_finish (export, wait_for_result (&result), &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add ("/steward/io/asset-export/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  add_test ("csv", test_csv);
  add_test ("query", test_query);
  add_test ("json", test_json);
  add_test ("round-trip", test_round_trip);
  add_test ("run-async", test_run_async);
  add_test ("cancel", test_cancel);
  add_test ("failure-keeps-file", test_failure_keeps_file);

#undef add_test

  return g_test_run ();
}
