/* test-csv-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>

#include "test-io-util.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* Writes a file of @n_rows generated assets, each with a location path,
 * a person and @notes_length characters of notes. */
static char *
write_generated (const char *dir,
                 const char *name,
                 guint       n_rows,
                 guint       notes_length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *notes = g_strnfill (notes_length, 'n');
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  fputs ("tag,name,category,status,location,person,purchase_date,purchase_cost,notes\n", out);
  for (guint i = 0; i < n_rows; i++)
    fprintf (out, "T-%06u,Laptop %u,laptop,deployed,Site %u › Building %u › Room %u,"
                  "Person %u,2024-01-%02u,%u.50,\"%s, %u\"\n",
             i, i, i % 3, i % 5, i % 7, i % 50, i % 28 + 1, i, notes, i);
  g_assert_cmpint (fclose (out), ==, 0);

  return path;
}

static char *
location_name (StwDatabase *db,
               gint64       id)
{
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return NULL;

  location = stw_location_repo_load (db, id, &error);
  g_assert_no_error (error);
  return g_strdup (stw_location_get_name (location));
}

static char *
person_name (StwDatabase *db,
             gint64       id)
{
  g_autoptr(StwPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return NULL;

  person = stw_person_repo_load (db, id, &error);
  g_assert_no_error (error);
  return g_strdup (stw_person_get_name (person));
}

typedef struct
{
  GThread      *thread;
  guint         n_notifies;
  gboolean      wrong_thread;
  double        last;
  GCancellable *cancel_on_progress;
} ProgressWatch;

static void
progress_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  ProgressWatch *watch = user_data;
  double progress = stw_csv_import_get_progress (STW_CSV_IMPORT (object));

  /* The interface listens to this: it must come on the thread that
   * started the import, whatever that thread is doing meanwhile. */
  if (g_thread_self () != watch->thread)
    watch->wrong_thread = TRUE;

  g_assert_cmpfloat (progress, >=, watch->last);
  watch->last = progress;
  watch->n_notifies++;

  if (watch->cancel_on_progress != NULL && progress < 1.0)
    g_cancellable_cancel (watch->cancel_on_progress);
}

/* ------------------------------------------------------------------------ */
/* Importing                                                                */
/* ------------------------------------------------------------------------ */

static void
test_snipe_it (Fixture       *fixture,
               gconstpointer  data)
{
  const char *csv =
    "Company,Name,Asset Tag,Model,Category,Manufacturer,Serial,Purchased,Purchase Cost,"
    "Supplier,Location,Status,Checked Out To,Warranty,Notes\r\n"
    "Acme,Anna's laptop,LT-0001,MacBook Pro 14,Laptops,Apple,C02XK1,15/01/2024,\"2,499.00\","
    "Gravis,Berlin HQ,Deployed,Anna Schmidt,36 months,\"Keyboard replaced, 2025\"\r\n"
    "Acme,,SW-0001,Catalyst 9200,Switches,Cisco,FOC123,31/12/2023,899.00,,Server Room,"
    "Ready to Deploy,,,\r\n"
    "Acme,Spare phone,PH-0001,Pixel 8,Mobile Phones,Google,,01/02/2024,699,,berlin hq,"
    "Out for Repair,anna schmidt,2 years,\r\n";
  g_autofree char *path = write_file (fixture->dir, "snipe-it.csv", csv, -1);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(StwAsset) laptop = NULL;
  g_autoptr(StwAsset) sw = NULL;
  g_autoptr(StwAsset) phone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *laptop_location = NULL;
  g_autofree char *sw_location = NULL;
  g_autofree char *laptop_person = NULL;
  const StwAssetCsvMapping *mapping;
  StwStats stats;

  /* What the import guessed before anything is written. */
  g_assert_cmpuint (stw_csv_import_get_header (import)->len, ==, 15);
  g_assert_cmpuint (stw_csv_import_get_n_preview (import), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (stw_csv_import_get_preview (import, 1), 2), ==, "SW-0001");
  g_assert_cmpint (stw_csv_import_get_format (import)->delimiter, ==, ',');
  mapping = stw_csv_import_get_mapping (import);
  g_assert_cmpint (mapping->date_format, ==, STW_DATE_FORMAT_DMY);
  g_assert_cmpint (stw_csv_import_get_target (import, 0), ==, STW_ASSET_FIELD_NONE);
  g_assert_cmpint (stw_csv_import_get_target (import, 2), ==, STW_ASSET_FIELD_TAG);
  g_assert_cmpint (stw_csv_import_get_target (import, 12), ==, STW_ASSET_FIELD_PERSON);
  g_assert_true (stw_csv_import_check_mapping (import, &error));
  g_assert_no_error (error);

  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_rows, ==, 3);
  g_assert_cmpuint (report->n_good, ==, 3);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (report->n_updated, ==, 0);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);

  laptop = load_by_tag (fixture->db, "LT-0001");
  g_assert_cmpstr (stw_asset_get_name (laptop), ==, "Anna's laptop");
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_MODEL), ==, "MacBook Pro 14");
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_MANUFACTURER), ==, "Apple");
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_SERIAL), ==, "C02XK1");
  g_assert_cmpint (stw_asset_get_category (laptop), ==, STW_ASSET_CATEGORY_LAPTOP);
  g_assert_cmpint (stw_asset_get_status (laptop), ==, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2024-01-15");
  g_assert_cmpint (stw_asset_get_purchase_cost (laptop), ==, 249900);
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_WARRANTY_END), ==, "2027-01-15");
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_SUPPLIER), ==, "Gravis");
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_NOTES), ==,
                   "Keyboard replaced, 2025");
  g_assert_nonnull (stw_asset_get_uuid (laptop));
  laptop_location = location_name (fixture->db, stw_asset_get_location_id (laptop));
  g_assert_cmpstr (laptop_location, ==, "Berlin HQ");
  laptop_person = person_name (fixture->db, stw_asset_get_person_id (laptop));
  g_assert_cmpstr (laptop_person, ==, "Anna Schmidt");

  /* No name: named after the model. */
  sw = load_by_tag (fixture->db, "SW-0001");
  g_assert_cmpstr (stw_asset_get_name (sw), ==, "Catalyst 9200");
  g_assert_cmpint (stw_asset_get_category (sw), ==, STW_ASSET_CATEGORY_NETWORK);
  g_assert_cmpint (stw_asset_get_status (sw), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpstr (stw_asset_get_text (sw, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2023-12-31");
  g_assert_cmpint (stw_asset_get_purchase_cost (sw), ==, 89900);
  g_assert_null (stw_asset_get_text (sw, STW_ASSET_FIELD_WARRANTY_END));
  g_assert_cmpint (stw_asset_get_person_id (sw), ==, 0);
  sw_location = location_name (fixture->db, stw_asset_get_location_id (sw));
  g_assert_cmpstr (sw_location, ==, "Server Room");

  /* The same place and the same person, whatever their case. */
  phone = load_by_tag (fixture->db, "PH-0001");
  g_assert_cmpint (stw_asset_get_category (phone), ==, STW_ASSET_CATEGORY_PHONE);
  g_assert_cmpint (stw_asset_get_status (phone), ==, STW_ASSET_STATUS_IN_REPAIR);
  g_assert_cmpstr (stw_asset_get_text (phone, STW_ASSET_FIELD_WARRANTY_END), ==, "2026-02-01");
  g_assert_cmpint (stw_asset_get_location_id (phone), ==, stw_asset_get_location_id (laptop));
  g_assert_cmpint (stw_asset_get_person_id (phone), ==, stw_asset_get_person_id (laptop));

  stats = read_stats (fixture->db);
  g_assert_cmpint (stats.n_assets, ==, 3);
  g_assert_cmpint (stats.n_locations, ==, 2);
  g_assert_cmpint (stats.n_people, ==, 1);
  g_assert_cmpint (stats.n_batches, ==, 1);
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Import “snipe-it.csv”");
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  const char *csv =
    "tag,name,status,purchase_date,purchase_cost\n"   /* 1 */
    "A1,Good one,deployed,2024-01-01,100\n"           /* 2 */
    "A2,Ragged,deployed\n"                            /* 3 */
    "A3,Bad date,deployed,2024-13-45,100\n"           /* 4 */
    "A4,Bad status,Frobnicated,2024-01-01,100\n"      /* 5 */
    "A5,Negative,deployed,2024-01-01,-5\n"            /* 6 */
    "a1,Duplicate,deployed,2024-01-01,1\n"            /* 7 */
    ",No tag,deployed,2024-01-01,1\n"                 /* 8 */
    "A6,\"Two\n"                                      /* 9 */
    "lines\",deployed,2024-01-01,1\n"                 /* 10 */
    "\n"                                              /* 11 */
    "A7,\"Bad\" quote,deployed,,\n"                   /* 12 */
    "A8,Good two,in stock,,\n";                       /* 13 */
  g_autofree char *path = write_file (fixture->dir, "problems.csv", csv, -1);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(StwImportReport) checked = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *checked_problems = NULL;
  g_auto(GStrv) lines = NULL;
  static const struct { guint line; const char *words; } expected[] = {
    { 3, "has 3 fields, but the header has 5" },
    { 4, "2024-13-45" },
    { 5, "Frobnicated" },
    { 6, "negative" },
    { 7, "already on line 2" },
    { 8, "Asset Tag cannot be empty" },
    { 9, "single line" },
    { 12, "quote" },
  };

  /* The check lists what the run will refuse, and writes nothing. */
  checked = stw_csv_import_validate_sync (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checked->n_rows, ==, 10);
  g_assert_cmpuint (checked->n_good, ==, 2);
  g_assert_cmpuint (checked->n_created, ==, 0);
  g_assert_cmpint (read_stats (fixture->db).n_assets, ==, 0);
  g_assert_cmpint (read_stats (fixture->db).n_batches, ==, 0);

  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 10);
  g_assert_cmpuint (report->n_good, ==, 2);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_problems, ==, G_N_ELEMENTS (expected));

  problems = report_problems (report);
  checked_problems = report_problems (checked);
  g_assert_cmpstr (problems, ==, checked_problems);
  g_test_message ("%s", problems);

  lines = g_strsplit (problems, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%u: Line %u: ",
                                                 expected[i].line, expected[i].line);

      if (!g_str_has_prefix (lines[i], prefix) || strstr (lines[i], expected[i].words) == NULL)
        g_error ("Problem %u is “%s”, expected line %u and “%s”", i, lines[i], expected[i].line,
                 expected[i].words);
    }

  /* The good rows, and only they, are in. */
  g_assert_cmpint (read_stats (fixture->db).n_assets, ==, 2);
  {
    g_autoptr(StwAsset) a1 = load_by_tag (fixture->db, "A1");
    g_autoptr(StwAsset) a8 = load_by_tag (fixture->db, "A8");

    g_assert_cmpstr (stw_asset_get_name (a1), ==, "Good one");
    g_assert_cmpstr (stw_asset_get_name (a8), ==, "Good two");
    g_assert_cmpint (stw_asset_get_status (a8), ==, STW_ASSET_STATUS_IN_STOCK);
  }
}

static void
test_update_existing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(StwAsset) after = NULL;
  g_autoptr(StwAsset) other = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  stw_asset_set_tag (asset, "LT-0001");
  stw_asset_set_name (asset, "Anna's laptop");
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "C02XK1");
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, "Keep these notes");
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_purchase_cost (asset, 129900);
  id = stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (stw_asset_get_uuid (asset));
  add_asset (fixture->db, "SW-0001", "Core switch");

  /* Tag in another case, a new serial and model, an empty status cell:
   * no name, notes or cost columns. */
  path = write_file (fixture->dir, "update.csv",
                     "Asset Tag;Serial;Model;Status;Category\n"
                     "lt-0001;NEW-SERIAL;ThinkPad X1;;\n"
                     "NEW-0001;S2;ThinkPad T14;retired;laptop\n", -1);
  report = import_file (fixture->db, path);
  g_assert_cmpuint (report->n_good, ==, 2);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_problems, ==, 0);

  g_assert_cmpint (read_stats (fixture->db).n_assets, ==, 3);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "LT-0001"), ==, id);

  after = stw_asset_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_uuid (after), ==, uuid);
  g_assert_cmpstr (stw_asset_get_text (after, STW_ASSET_FIELD_SERIAL), ==, "NEW-SERIAL");
  g_assert_cmpstr (stw_asset_get_text (after, STW_ASSET_FIELD_MODEL), ==, "ThinkPad X1");
  /* What the file does not say stays as it was. */
  g_assert_cmpstr (stw_asset_get_name (after), ==, "Anna's laptop");
  g_assert_cmpstr (stw_asset_get_text (after, STW_ASSET_FIELD_NOTES), ==, "Keep these notes");
  g_assert_cmpint (stw_asset_get_purchase_cost (after), ==, 129900);
  g_assert_cmpint (stw_asset_get_status (after), ==, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpint (stw_asset_get_category (after), ==, STW_ASSET_CATEGORY_LAPTOP);

  /* A new asset gets the model as its name, and the file's status. */
  other = load_by_tag (fixture->db, "NEW-0001");
  g_assert_cmpstr (stw_asset_get_name (other), ==, "ThinkPad T14");
  g_assert_cmpint (stw_asset_get_status (other), ==, STW_ASSET_STATUS_RETIRED);
}

static void
test_header_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "header.csv", "tag,name\n\n\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StwCsvImport) import = stw_csv_import_new (file);
  g_autoptr(StwCsvImport) later = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = store_snapshot (fixture->db, TRUE);
  g_autofree char *after = NULL;

  g_assert_true (stw_csv_import_get_file (import) == file);
  g_assert_false (stw_csv_import_load (import, NULL, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_NO_ROWS);
  g_clear_error (&error);

  /* Rows when loaded, none left when run. */
  g_file_set_contents (path, "tag,name\nA1,x\n", -1, &error);
  g_assert_no_error (error);
  later = load_import (path);
  g_file_set_contents (path, "tag,name\n", -1, &error);
  g_assert_no_error (error);
  report = stw_csv_import_run_sync (later, fixture->db, &error);
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_NO_ROWS);
  g_assert_null (report);

  after = store_snapshot (fixture->db, TRUE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_empty_and_binary (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *empty = write_file (fixture->dir, "empty.csv", "", 0);
  g_autofree char *binary = write_file (fixture->dir, "photo.csv",
                                        "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GFile) binary_file = g_file_new_for_path (binary);
  g_autoptr(StwCsvImport) empty_import = stw_csv_import_new (empty_file);
  g_autoptr(StwCsvImport) binary_import = stw_csv_import_new (binary_file);
  g_autoptr(GError) error = NULL;

  g_assert_false (stw_csv_import_load (empty_import, NULL, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (stw_csv_import_load (binary_import, NULL, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_BINARY);
}

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "latin1.csv",
                                      "Asset Tag;Name;Price;Notes\r\n"
                                      "LT-1;Caf\xE9-Laptop;1.299,00 \x80;M\xFCller\r\n", -1);
  g_autoptr(StwImportReport) report = import_file (fixture->db, path);
  g_autoptr(StwAsset) asset = load_by_tag (fixture->db, "LT-1");

  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "Café-Laptop");
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES), ==, "Müller");
  g_assert_cmpint (stw_asset_get_purchase_cost (asset), ==, 129900);
}

static void
test_mapping_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "odd.csv",
                                      "Code|Bezeichnung,Kaufdatum\n"
                                      "A1|Laptop,03/04/2024\n", -1);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  StwCsvFormat format = *stw_csv_import_get_format (import);

  /* Nothing is the tag: the run says what to do. */
  g_assert_false (stw_csv_import_check_mapping (import, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);
  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "asset tag"));
  g_assert_null (report);
  g_clear_error (&error);

  /* Another delimiter reads the header again. */
  g_assert_cmpint (format.delimiter, ==, ',');
  format.delimiter = '|';
  g_assert_true (stw_csv_import_set_format (import, &format, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stw_csv_import_get_header (import)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (stw_csv_import_get_header (import), 1), ==,
                   "Bezeichnung,Kaufdatum");
  format.delimiter = ',';
  g_assert_true (stw_csv_import_set_format (import, &format, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stw_csv_import_get_header (import)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (stw_csv_import_get_header (import), 1), ==, "Kaufdatum");

  stw_csv_import_set_target (import, 0, STW_ASSET_FIELD_TAG);
  stw_csv_import_set_target (import, 1, STW_ASSET_FIELD_PURCHASE_DATE);
  g_assert_cmpint (stw_csv_import_get_target (import, 0), ==, STW_ASSET_FIELD_TAG);
  /* A field comes from one column: choosing it again moves it. */
  stw_csv_import_set_target (import, 1, STW_ASSET_FIELD_TAG);
  g_assert_cmpint (stw_csv_import_get_target (import, 0), ==, STW_ASSET_FIELD_NONE);
  stw_csv_import_set_target (import, 0, STW_ASSET_FIELD_TAG);
  stw_csv_import_set_target (import, 1, STW_ASSET_FIELD_PURCHASE_DATE);
  stw_csv_import_set_date_format (import, STW_DATE_FORMAT_MDY);

  g_clear_pointer (&report, stw_import_report_free);
  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 1);

  asset = load_by_tag (fixture->db, "A1|Laptop");
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2024-03-04");
}

/* ------------------------------------------------------------------------ */
/* One write, one undo step                                                 */
/* ------------------------------------------------------------------------ */

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *after_import = NULL;
  g_autofree char *after_redo = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  StwStats stats_before, stats;

  add_asset (fixture->db, "LT-0001", "Anna's laptop");
  add_asset (fixture->db, "LT-0002", "Ben's laptop");
  before = store_snapshot (fixture->db, FALSE);
  stats_before = read_stats (fixture->db);

  path = write_file (fixture->dir, "inventory.csv",
                     "tag,name,location,person,notes\n"
                     "LT-0001,Anna's new laptop,Berlin › HQ › Room 1,Anna,\n"
                     "NEW-1,Monitor,Berlin › HQ › Room 2,Ben,\"with, notes\"\n"
                     "NEW-2,Dock,Hamburg,,\n", -1);
  report = import_file (fixture->db, path);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_updated, ==, 1);
  after_import = store_snapshot (fixture->db, FALSE);

  stats = read_stats (fixture->db);
  g_assert_cmpint (stats.n_assets, ==, 4);
  g_assert_cmpint (stats.n_locations, ==, 5);
  g_assert_cmpint (stats.n_people, ==, 2);
  /* One step, whatever the import touched. */
  g_assert_cmpint (stats.n_batches, ==, stats_before.n_batches + 1);
  g_assert_true (stw_database_get_can_undo (fixture->db));
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Import “inventory.csv”");

  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  g_assert_no_error (error);

  /* Everything added is gone; the updated asset has its old values. */
  after_undo = store_snapshot (fixture->db, FALSE);
  g_assert_cmpstr (after_undo, ==, before);
  {
    g_autoptr(StwAsset) asset = load_by_tag (fixture->db, "LT-0001");

    g_assert_cmpstr (stw_asset_get_name (asset), ==, "Anna's laptop");
    g_assert_cmpint (stw_asset_get_location_id (asset), ==, 0);
  }
  g_assert_cmpstr (stw_database_get_undo_description (fixture->db), ==, "Add Asset");

  /* And it comes back as one step too. */
  g_assert_true (stw_database_redo_sync (fixture->db, &error));
  g_assert_no_error (error);
  after_redo = store_snapshot (fixture->db, FALSE);
  g_assert_cmpstr (after_redo, ==, after_import);
}

/* ------------------------------------------------------------------------ */
/* In the background                                                        */
/* ------------------------------------------------------------------------ */

static void
test_run_async (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = write_generated (fixture->dir, "generated.csv", 2000, 10);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StwImportReport) check_report = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ProgressWatch watch = { g_thread_self (), 0, FALSE, 0.0, NULL };
  StwStats stats;

  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_notify_cb), &watch);

  stw_csv_import_validate_async (import, NULL, async_result_cb, &checked);
  check_report = stw_csv_import_validate_finish (import, wait_for_result (&checked), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_report->n_good, ==, 2000);
  g_assert_cmpint (read_stats (fixture->db).n_assets, ==, 0);

  watch.last = 0.0;
  stw_csv_import_run_async (import, fixture->db, NULL, async_result_cb, &result);
  report = stw_csv_import_run_finish (import, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 2000);
  g_assert_cmpuint (report->n_problems, ==, 0);

  /* Progress updates already on their way arrive before long. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (watch.n_notifies, >=, 1);
  g_assert_cmpfloat (stw_csv_import_get_progress (import), ==, 1.0);
  g_assert_false (watch.wrong_thread);

  stats = read_stats (fixture->db);
  g_assert_cmpint (stats.n_assets, ==, 2000);
  g_assert_cmpint (stats.n_locations, ==, 3 + 3 * 5 + 3 * 5 * 7);
  g_assert_cmpint (stats.n_people, ==, 50);
  g_assert_cmpint (stats.n_batches, ==, 1);
}

static void
test_progress_thread (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_generated (fixture->dir, "generated.csv", 600, 10);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ProgressWatch watch = { g_thread_self (), 0, FALSE, 0.0, NULL };

  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_notify_cb), &watch);

  /* While this thread waits, nobody iterates its main context: progress
   * must still not be reported from the writer thread. */
  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 600);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (watch.wrong_thread);
  g_assert_cmpuint (watch.n_notifies, >=, 1);
  g_assert_cmpfloat (stw_csv_import_get_progress (import), ==, 1.0);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *small = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(StwCsvImport) import = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(StwImportReport) first = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressWatch watch = { g_thread_self (), 0, FALSE, 0.0, cancellable };

  /* Something to leave alone, with history. */
  small = write_generated (fixture->dir, "small.csv", 20, 5);
  first = import_file (fixture->db, small);
  before = store_snapshot (fixture->db, TRUE);

  path = write_generated (fixture->dir, "generated.csv", 50000, 20);
  import = load_import (path);
  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_notify_cb), &watch);

  /* Cancelled at its first progress report, well inside the file. */
  stw_csv_import_run_async (import, fixture->db, cancellable, async_result_cb, &result);
  report = stw_csv_import_run_finish (import, wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpuint (watch.n_notifies, >=, 1);
  g_assert_cmpfloat (watch.last, <, 0.5);

  after = store_snapshot (fixture->db, TRUE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *small = write_generated (fixture->dir, "small.csv", 20, 5);
  g_autofree char *path = write_generated (fixture->dir, "generated.csv", 3000, 100);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autoptr(StwImportReport) first = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(StwImportReport) again = NULL;
  g_autoptr(StwCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pages;

  first = import_file (fixture->db, small);
  before = store_snapshot (fixture->db, TRUE);

  /* A few pages to spare: the import runs out part of the way in. */
  pages = peek_int (fixture->path, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 8);
  g_assert_true (stw_database_exec_on_writer (fixture->db, limit, &error));
  g_assert_no_error (error);

  import = load_import (path);
  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_error (error, STW_ERROR, STW_ERROR_DISK_FULL);
  g_assert_null (report);

  after = store_snapshot (fixture->db, TRUE);
  g_assert_cmpstr (after, ==, before);

  /* With room again, the same import goes through. */
  g_clear_error (&error);
  g_assert_true (stw_database_exec_on_writer (fixture->db, "PRAGMA max_page_count = 1073741823",
                                              &error));
  g_assert_no_error (error);
  again = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_created, ==, 3000 - 20);
  g_assert_cmpuint (again->n_updated, ==, 20);
}

static void
test_file_deleted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_generated (fixture->dir, "vanishing.csv", 10, 5);
  g_autoptr(StwCsvImport) import = load_import (path);
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(StwImportReport) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = store_snapshot (fixture->db, TRUE);
  g_autofree char *after = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);

  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "vanishing.csv"));
  g_assert_null (report);
  g_clear_error (&error);

  checked = stw_csv_import_validate_sync (import, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (checked);

  after = store_snapshot (fixture->db, TRUE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_duplicate_uuid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StwAsset) existing = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *problems = NULL;

  add_asset (fixture->db, "LT-0001", "Anna's laptop");
  existing = load_by_tag (fixture->db, "LT-0001");

  /* Another tag with the UUID of an asset in the store: that row cannot
   * be, and the others are imported. */
  csv = g_strdup_printf ("tag,name,location,uuid\n"
                         "NEW-1,Clash,Lonely Room,%s\n"
                         "NEW-2,Fine,,\n", stw_asset_get_uuid (existing));
  path = write_file (fixture->dir, "uuids.csv", csv, -1);
  report = import_file (fixture->db, path);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_problems, ==, 1);
  problems = report_problems (report);
  g_test_message ("%s", problems);
  g_assert_true (g_str_has_prefix (problems, "2: Line 2: "));
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "NEW-1"), ==, 0);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->db, "NEW-2"), >, 0);

  /* Nothing of the refused row stays, not even the room it named, and
   * the message says what clashed. */
  g_assert_cmpint (read_stats (fixture->db).n_locations, ==, 0);
  g_assert_nonnull (strstr (problems, "UUID"));
  g_assert_nonnull (strstr (problems, "Anna's laptop"));
  g_assert_null (strstr (problems, "already used"));
}

static void
test_large_file_memory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(StwCsvImport) import = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  long before_kb, after_kb;
  GStatBuf buf;

  /* 200,000 rows, about 60 MB. */
  path = write_generated (fixture->dir, "large.csv", 200000, 200);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 50 * 1000 * 1000);

  import = load_import (path);
  getrusage (RUSAGE_SELF, &usage);
  before_kb = usage.ru_maxrss;

  /* The check reads and converts every row as the run does. */
  report = stw_csv_import_validate_sync (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 200000);
  g_assert_cmpuint (report->n_good, ==, 200000);

  getrusage (RUSAGE_SELF, &usage);
  after_kb = usage.ru_maxrss;
  g_test_message ("Peak resident set %ld kB before, %ld kB after", before_kb, after_kb);

#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed memory in quarantine. */
  (void)after_kb;
#else
  /* The tags it has seen, to find duplicates, but not the file. */
  g_assert_cmpint (after_kb - before_kb, <, 32 * 1024);
#endif
}

static void
test_large_import (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(StwCsvImport) import = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  long before_kb, after_kb;

  /* About 25 s: the store writes some 10,000 rows a second. */
  if (!g_test_slow ())
    {
      g_test_skip ("A real import of 200,000 rows runs with -m slow");
      return;
    }

  path = write_generated (fixture->dir, "large.csv", 200000, 200);
  import = load_import (path);
  getrusage (RUSAGE_SELF, &usage);
  before_kb = usage.ru_maxrss;

  report = stw_csv_import_run_sync (import, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 200000);
  g_assert_cmpint (read_stats (fixture->db).n_assets, ==, 200000);

  getrusage (RUSAGE_SELF, &usage);
  after_kb = usage.ru_maxrss;
  g_test_message ("Peak resident set %ld kB before, %ld kB after", before_kb, after_kb);

#if defined(__SANITIZE_ADDRESS__)
  (void)after_kb;
#else
  g_assert_cmpint (after_kb - before_kb, <, 64 * 1024);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add ("/steward/io/csv-import/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  add_test ("snipe-it", test_snipe_it);
  add_test ("problems", test_problems);
  add_test ("update-existing", test_update_existing);
  add_test ("header-only", test_header_only);
  add_test ("empty-and-binary", test_empty_and_binary);
  add_test ("windows-1252", test_windows_1252);
  add_test ("mapping-changes", test_mapping_changes);
  add_test ("undo", test_undo);
  add_test ("run-async", test_run_async);
  add_test ("progress-thread", test_progress_thread);
  add_test ("cancel", test_cancel);
  add_test ("disk-full", test_disk_full);
  add_test ("file-deleted", test_file_deleted);
  add_test ("duplicate-uuid", test_duplicate_uuid);
  add_test ("large-file-memory", test_large_file_memory);
  add_test ("large-import", test_large_import);

#undef add_test

  return g_test_run ();
}
