/* test-import-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "stw-test-ui.h"
#include "store/stw-asset-repo.h"
#include "store/stw-stats.h"
#include "ui/stw-assets-view.h"
#include "ui/stw-import-dialog.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb     *test_db;
  StwWindow     *window;
  StwAssetsView *view;
} Fixture;

static const char snipe_csv[] =
  "Company,Name,Asset Tag,Model,Category,Manufacturer,Serial,Purchased,Cost,Location,"
  "Checked Out To,Status,Warranty,Notes\n"
  "Acme,,A-1001,ThinkPad X1 Carbon,Laptops,Lenovo,PF3X01,2024-03-12,\"1,899.00\",Berlin HQ,"
  "Anna Schmidt,Ready to Deploy,36 months,\"Has a \"\"privacy\"\" screen\"\n"
  "Acme,web-01,A-1002,PowerEdge R650,Servers,Dell,7XK2M93,2023-11-02,6400.00,Server Room,,"
  "Deployed,60,\n"
  "Acme,,A-1003,U2723QE,Monitors,Dell,CN0XYZ,2025-13-01,589,Berlin HQ,,Deployed,,\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->test_db = stw_test_db_new ();
  fixture->window = g_object_ref (stw_window_new (NULL, fixture->test_db->db));
  fixture->view = STW_ASSETS_VIEW (stw_window_get_view (fixture->window, "assets"));
  gtk_window_present (GTK_WINDOW (fixture->window));
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (fixture->window);
  stw_test_db_free (fixture->test_db);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->test_db->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

/* Drops @file on the window, through its drop target, as a file
 * manager would. */
static void
drop_file (Fixture *fixture,
           GFile   *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GdkFileList *list;
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  list = gdk_file_list_new_from_list (files);
  g_slist_free (files);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }

  g_value_unset (&value);
  g_assert_true (dropped);
}

typedef struct
{
  StwImportDialog *dialog;
  const char      *page;
} PageCondition;

static gboolean
on_page (gpointer data)
{
  PageCondition *condition = data;

  return g_strcmp0 (stw_import_dialog_get_page (condition->dialog), condition->page) == 0;
}

static void
wait_page (StwImportDialog *dialog,
           const char      *page)
{
  PageCondition condition = { dialog, page };

  stw_test_wait_for (on_page, &condition, page);
}

static gboolean
model_has (gpointer data)
{
  Fixture *fixture = data;
  StwAssetQueryModel *model = stw_assets_view_get_model (fixture->view);

  return !stw_asset_query_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == 2;
}

static void
test_drop_and_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "snipe-it.csv", snipe_csv, -1);
  g_autoptr(StwAsset) laptop = NULL;
  StwImportDialog *dialog;
  const StwImportReport *report;

  drop_file (fixture, file);
  dialog = STW_IMPORT_DIALOG (stw_test_wait_for_toplevel (STW_TYPE_IMPORT_DIALOG));
  g_object_ref (dialog);

  /* The preview guessed the columns from Snipe-IT's headers. */
  g_assert_cmpstr (stw_import_dialog_get_page (dialog), ==, "setup");
  g_assert_cmpint (stw_csv_import_get_target (stw_import_dialog_get_import (dialog), 2), ==,
                   STW_ASSET_FIELD_TAG);
  g_assert_cmpint (stw_csv_import_get_target (stw_import_dialog_get_import (dialog), 10), ==,
                   STW_ASSET_FIELD_PERSON);
  g_assert_cmpint (stw_csv_import_get_target (stw_import_dialog_get_import (dialog), 0), ==,
                   STW_ASSET_FIELD_NONE);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog), "ThinkPad X1 Carbon"));
  g_assert_true (stw_import_dialog_get_can_go_next (dialog));

  /* Check: the impossible date is listed with its line. */
  stw_import_dialog_next (dialog);
  wait_page (dialog, "report");
  report = stw_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->n_good, ==, 2);
  g_assert_cmpuint (report->n_problems, ==, 1);
  g_assert_cmpuint (g_array_index (report->problems, StwImportProblem, 0).line, ==, 4);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog),
                                         g_array_index (report->problems, StwImportProblem, 0).message));
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 0);

  /* Import: the dialog closes and the list shows the rows. */
  stw_import_dialog_next (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_IMPORT_DIALOG);
  stw_test_wait_for (model_has, fixture, "the imported rows in the list");

  laptop = stw_asset_repo_load (fixture->test_db->db,
                                stw_asset_repo_find_by_tag (fixture->test_db->db, "A-1001"), NULL);
  g_assert_cmpstr (stw_asset_get_person_name (laptop), ==, "Anna Schmidt");
  g_assert_cmpstr (stw_asset_get_location_name (laptop), ==, "Berlin HQ");
  g_assert_cmpint (stw_asset_get_purchase_cost (laptop), ==, 189900);
  g_assert_cmpstr (stw_asset_get_text (laptop, STW_ASSET_FIELD_WARRANTY_END), ==, "2027-03-12");

  /* One step of undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  while (stw_asset_repo_count (fixture->test_db->db) != 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_finalize_object (dialog);
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  static const char binary[] = { 'P', 'K', 3, 4, 0, 0, 0, 1, 2 };
  g_autoptr(GFile) file = write_file (fixture, "sheet.xlsx", binary, sizeof binary);
  StwImportDialog *dialog;

  dialog = STW_IMPORT_DIALOG (stw_window_open_import (fixture->window, file));
  g_object_ref (dialog);

  g_assert_cmpstr (stw_import_dialog_get_page (dialog), ==, "error");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog),
                                         "The file is not a CSV text file: it contains binary data."));
  g_assert_false (stw_import_dialog_get_can_go_next (dialog));

  stw_import_dialog_cancel (dialog);
  stw_test_wait_for_no_toplevel (STW_TYPE_IMPORT_DIALOG);
  g_assert_finalize_object (dialog);
}

static gboolean
running (gpointer data)
{
  return g_strcmp0 (stw_import_dialog_get_page (data), "progress") == 0;
}

static void
test_cancel_leaves_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("tag,name,location,person\n");
  g_autoptr(GFile) file = NULL;
  StwImportDialog *dialog;
  StwStats before, after;

  g_assert_true (stw_stats_read (fixture->test_db->db, &before, NULL));

  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (csv, "T-%06u,Asset %u,Site %u,Person %u\n", i, i, i % 40, i % 300);
  file = write_file (fixture, "big.csv", csv->str, csv->len);

  dialog = STW_IMPORT_DIALOG (stw_window_open_import (fixture->window, file));
  g_object_ref (dialog);
  stw_import_dialog_next (dialog);
  wait_page (dialog, "report");

  /* Cancel while the import runs. */
  stw_import_dialog_next (dialog);
  g_assert_true (running (dialog));
  while (stw_csv_import_get_progress (stw_import_dialog_get_import (dialog)) <= 0.0 &&
         running (dialog))
    g_main_context_iteration (NULL, TRUE);
  stw_import_dialog_cancel (dialog);
  wait_page (dialog, "report");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog),
                                         "The import was cancelled. Nothing was changed."));

  /* Nothing at all was written: no assets, places, people or history. */
  g_assert_true (stw_stats_read (fixture->test_db->db, &after, NULL));
  g_assert_cmpint (after.n_assets, ==, before.n_assets);
  g_assert_cmpint (after.n_locations, ==, before.n_locations);
  g_assert_cmpint (after.n_people, ==, before.n_people);
  g_assert_cmpint (after.n_changes, ==, before.n_changes);
  g_assert_cmpint (after.n_batches, ==, before.n_batches);

  gtk_window_close (GTK_WINDOW (dialog));
  stw_test_wait_for_no_toplevel (STW_TYPE_IMPORT_DIALOG);
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

  g_test_add ("/steward/ui/import-dialog/drop-and-import", Fixture, NULL,
              fixture_set_up, test_drop_and_import, fixture_tear_down);
  g_test_add ("/steward/ui/import-dialog/bad-file", Fixture, NULL,
              fixture_set_up, test_bad_file, fixture_tear_down);
  g_test_add ("/steward/ui/import-dialog/cancel-leaves-nothing", Fixture, NULL,
              fixture_set_up, test_cancel_leaves_nothing, fixture_tear_down);

  return g_test_run ();
}
