/* test-new-asset-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "store/stw-asset-repo.h"
#include "ui/stw-asset-detail.h"
#include "ui/stw-assets-view.h"
#include "ui/stw-new-asset-dialog.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb         *test_db;
  StwWindow         *window;
  StwAssetsView     *view;
  StwNewAssetDialog *dialog;
  GSettings         *settings;
} Fixture;

static gint64
add_asset (StwDatabase *db,
           const char  *name,
           const char  *tag)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_asset_set_name (asset, name);
  stw_asset_set_tag (asset, tag);
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_MONITOR);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  return id;
}

static gboolean
list_loaded (gpointer data)
{
  Fixture *fixture = data;

  return !stw_asset_query_model_get_loading (stw_assets_view_get_model (fixture->view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "default-currency");
  g_settings_reset (fixture->settings, "last-view");

  fixture->test_db = stw_test_db_new ();
  add_asset (fixture->test_db->db, "Existing Monitor", "MON-0001");

  fixture->window = g_object_ref (stw_window_new (NULL, fixture->test_db->db));
  fixture->view = STW_ASSETS_VIEW (stw_window_get_view (fixture->window, "assets"));
  gtk_window_present (GTK_WINDOW (fixture->window));
  stw_test_wait_for (list_loaded, fixture, "the asset list");
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      if (stw_test_find_toplevel (STW_TYPE_NEW_ASSET_DIALOG) != NULL)
        gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      stw_test_flush ();
      g_assert_finalize_object (fixture->dialog);
    }

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (fixture->window);
  stw_test_db_free (fixture->test_db);
  g_settings_reset (fixture->settings, "default-currency");
  g_clear_object (&fixture->settings);
}

/* Ctrl+N in the assets view. */
static void
open_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  g_assert_cmpstr (stw_window_get_view_name (fixture->window), ==, "assets");
  g_assert_null (stw_test_find_toplevel (STW_TYPE_NEW_ASSET_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add", NULL));

  dialog = stw_test_wait_for_toplevel (STW_TYPE_NEW_ASSET_DIALOG);
  fixture->dialog = g_object_ref (STW_NEW_ASSET_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

static gboolean
can_add (Fixture *fixture)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (fixture->dialog), "add");
}

static void
fill (Fixture    *fixture,
      const char *name,
      const char *tag)
{
  gtk_editable_set_text (stw_new_asset_dialog_get_name (fixture->dialog), name);
  gtk_editable_set_text (stw_new_asset_dialog_get_tag (fixture->dialog), tag);
}

typedef struct
{
  Fixture *fixture;
  gint64   id;
} Shown;

static gboolean
selected_and_shown (gpointer data)
{
  Shown *shown = data;
  GtkSelectionModel *selection = stw_assets_view_get_selection (shown->fixture->view);
  StwAssetQueryModel *model = stw_assets_view_get_model (shown->fixture->view);
  StwAssetDetail *detail = STW_ASSET_DETAIL (stw_assets_view_get_detail (shown->fixture->view));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

  return gtk_bitset_get_size (selected) == 1 &&
         stw_asset_query_model_get_id (model, gtk_bitset_get_nth (selected, 0)) == shown->id &&
         stw_asset_detail_get_asset_id (detail) == shown->id;
}

typedef struct
{
  StwDatabase *db;
  const char  *tag;
} Stored;

static gboolean
tag_stored (gpointer data)
{
  Stored *stored = data;

  return stw_asset_repo_find_by_tag (stored->db, stored->tag) != 0;
}

/* Waits for the asset tagged @tag to be added, selected and shown. */
static gint64
wait_added (Fixture    *fixture,
            const char *tag)
{
  Stored stored = { fixture->test_db->db, tag };
  Shown shown = { fixture, 0 };

  stw_test_wait_for (tag_stored, &stored, "the new asset to be stored");
  shown.id = stw_asset_repo_find_by_tag (fixture->test_db->db, tag);
  stw_test_wait_for (selected_and_shown, &shown, "the new asset to be selected and shown");

  return shown.id;
}

/* ------------------------------------------------------------------------ */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(StwAsset) asset = NULL;
  GtkWidget *name_row;
  GtkWidget *tag_row;
  gint64 id;

  open_dialog (fixture);

  /* Nothing to add before both are typed; no complaint either. */
  g_assert_false (can_add (fixture));
  g_assert_null (stw_new_asset_dialog_get_error (fixture->dialog));
  gtk_editable_set_text (stw_new_asset_dialog_get_name (fixture->dialog), "New Laptop");
  g_assert_false (can_add (fixture));
  g_assert_null (stw_new_asset_dialog_get_error (fixture->dialog));

  /* A tag in use, in any case, cannot be added, and says by what. */
  gtk_editable_set_text (stw_new_asset_dialog_get_tag (fixture->dialog), "mon-0001");
  g_assert_false (can_add (fixture));
  g_assert_nonnull (strstr (stw_new_asset_dialog_get_error (fixture->dialog),
                            "already used by “Existing Monitor”"));
  tag_row = GTK_WIDGET (stw_new_asset_dialog_get_tag (fixture->dialog));
  g_assert_true (gtk_widget_has_css_class (tag_row, "error"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->dialog), "already used by"));
  /* The button cannot be clicked either. */
  g_assert_false (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "add"));

  /* A blank name is refused as well. */
  name_row = GTK_WIDGET (stw_new_asset_dialog_get_name (fixture->dialog));
  fill (fixture, "   ", "LT-0100");
  g_assert_false (can_add (fixture));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  fill (fixture, "  New Laptop ", " LT-0100 ");
  g_assert_true (can_add (fixture));
  g_assert_null (stw_new_asset_dialog_get_error (fixture->dialog));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_null (stw_test_find_label (GTK_WIDGET (fixture->dialog), "already used by"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (fixture->dialog), "add");
  id = wait_added (fixture, "LT-0100");
  stw_test_wait_for_no_toplevel (STW_TYPE_NEW_ASSET_DIALOG);

  asset = stw_asset_repo_load (fixture->test_db->db, id, NULL);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "New Laptop");
  g_assert_cmpstr (stw_asset_get_tag (asset), ==, "LT-0100");
  g_assert_cmpint (stw_asset_get_category (asset), ==, STW_ASSET_CATEGORY_LAPTOP);
  g_assert_cmpint (stw_asset_get_status (asset), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_CURRENCY), ==, "EUR");
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 2);

  /* One step of undo takes it away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  while (stw_asset_repo_count (fixture->test_db->db) != 1)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_default_currency (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(StwAsset) asset = NULL;
  gint64 id;

  g_settings_set_string (fixture->settings, "default-currency", "CHF");

  open_dialog (fixture);
  fill (fixture, "Swiss Phone", "PH-0001");
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "add"));
  id = wait_added (fixture, "PH-0001");

  asset = stw_asset_repo_load (fixture->test_db->db, id, NULL);
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_CURRENCY), ==, "CHF");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  open_dialog (fixture);
  fill (fixture, "Never Added", "NA-0001");
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "cancel"));
  stw_test_wait_for_no_toplevel (STW_TYPE_NEW_ASSET_DIALOG);
  stw_test_flush ();

  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 1);
  g_assert_cmpint (stw_asset_repo_find_by_tag (fixture->test_db->db, "NA-0001"), ==, 0);

  /* Escape closes it the same way. */
  g_assert_finalize_object (g_steal_pointer (&fixture->dialog));
  open_dialog (fixture);
  fill (fixture, "Never Added", "NA-0001");
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  stw_test_wait_for_no_toplevel (STW_TYPE_NEW_ASSET_DIALOG);
  stw_test_flush ();
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 1);
}

static gboolean
dialog_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_tag_taken_meanwhile (Fixture       *fixture,
                          gconstpointer  data)
{
  open_dialog (fixture);
  fill (fixture, "Second Printer", "PR-0001");
  g_assert_true (can_add (fixture));

  /* Another window adds the same tag after it was checked. */
  add_asset (fixture->test_db->db, "First Printer", "PR-0001");

  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (fixture->dialog), "add"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));

  /* The dialog comes back with what was typed and why it was not added. */
  stw_test_wait_for (dialog_visible, fixture->dialog, "the dialog to come back");
  g_assert_nonnull (stw_new_asset_dialog_get_error (fixture->dialog));
  g_assert_nonnull (strstr (stw_new_asset_dialog_get_error (fixture->dialog), "First Printer"));
  g_assert_cmpstr (gtk_editable_get_text (stw_new_asset_dialog_get_name (fixture->dialog)), ==,
                   "Second Printer");
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/new-asset-dialog/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("add", test_add);
  ADD ("default-currency", test_default_currency);
  ADD ("cancel", test_cancel);
  ADD ("tag-taken-meanwhile", test_tag_taken_meanwhile);

#undef ADD

  return g_test_run ();
}
