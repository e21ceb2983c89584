/* test-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "store/stw-asset-repo.h"
#include "store/stw-sample-data.h"
#include "ui/stw-asset-columns.h"
#include "ui/stw-asset-detail.h"
#include "ui/stw-assets-view.h"
#include "ui/stw-dnd.h"
#include "ui/stw-text-cell.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb     *test_db;
  StwWindow     *window;
  StwAssetsView *view;
} Fixture;

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

static gboolean
model_not_loading (gpointer data)
{
  Fixture *fixture = data;

  return !stw_asset_query_model_get_loading (stw_assets_view_get_model (fixture->view));
}

static guint
n_rows (Fixture *fixture)
{
  stw_test_wait_for (model_not_loading, fixture, "the asset query");
  return g_list_model_get_n_items (G_LIST_MODEL (stw_assets_view_get_model (fixture->view)));
}

typedef struct
{
  Fixture *fixture;
  guint    n_rows;
} RowsCondition;

static gboolean
has_rows (gpointer data)
{
  RowsCondition *condition = data;

  return model_not_loading (condition->fixture) &&
         g_list_model_get_n_items (G_LIST_MODEL (stw_assets_view_get_model (condition->fixture->view))) ==
         condition->n_rows;
}

/* Waits until the list shows @expected rows: the store's write, its
 * “changed” signal and the list's new query have all happened. */
static void
wait_rows (Fixture *fixture,
           guint    expected)
{
  RowsCondition condition = { fixture, expected };

  stw_test_wait_for (has_rows, &condition, "the list to show the expected rows");
}

static StwAsset *
row (Fixture *fixture,
     guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (stw_assets_view_get_model (fixture->view)), position);
}

typedef struct
{
  Fixture    *fixture;
  const char *search;
} SearchCondition;

static gboolean
search_applied (gpointer data)
{
  SearchCondition *condition = data;
  StwAssetQueryModel *model = stw_assets_view_get_model (condition->fixture->view);
  const char *search = condition->search[0] != '\0' ? condition->search : NULL;

  return g_strcmp0 (stw_asset_query_model_get_search (model), search) == 0 &&
         !stw_asset_query_model_get_loading (model);
}

/* Types @text into the search entry and waits for the list to follow. */
static void
search_for (Fixture    *fixture,
            const char *text)
{
  SearchCondition condition = { fixture, text };

  gtk_editable_set_text (stw_assets_view_get_search_entry (fixture->view), text);
  stw_test_wait_for (search_applied, &condition, "the search to apply");
}

static void
load_sample (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-sample", NULL));
  wait_rows (fixture, STW_SAMPLE_N_ASSETS);
}

/* ------------------------------------------------------------------------ */

static void
test_empty_then_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  GAction *load_sample_action;

  g_assert_cmpuint (n_rows (fixture), ==, 0);
  stw_test_flush ();
  g_assert_cmpstr (stw_assets_view_get_page (fixture->view), ==, "empty");

  load_sample (fixture);
  g_assert_cmpstr (stw_assets_view_get_page (fixture->view), ==, "list");
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, STW_SAMPLE_N_ASSETS);

  /* Offered only on an empty database. */
  load_sample_action = g_action_map_lookup_action (G_ACTION_MAP (fixture->window), "load-sample");
  g_assert_false (g_action_get_enabled (load_sample_action));

  /* One step of undo takes it all away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_rows (fixture, 0);
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, 0);
  stw_test_flush ();
  g_assert_cmpstr (stw_assets_view_get_page (fixture->view), ==, "empty");
  g_assert_true (g_action_get_enabled (load_sample_action));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  guint n;

  load_sample (fixture);

  /* A person's name finds the assets assigned to them. */
  search_for (fixture, "Schmidt");
  n = n_rows (fixture);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, STW_SAMPLE_N_ASSETS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAsset) asset = row (fixture, i);

      g_assert_cmpstr (stw_asset_get_person_name (asset), ==, "Anna Schmidt");
    }

  /* A prefix of a tag, as typed so far. */
  search_for (fixture, "SRV-00");
  n = n_rows (fixture);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAsset) asset = row (fixture, i);

      g_assert_true (g_str_has_prefix (stw_asset_get_tag (asset), "SRV-00"));
    }

  search_for (fixture, "no such thing anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  stw_test_flush ();
  g_assert_cmpstr (stw_assets_view_get_page (fixture->view), ==, "no-results");

  search_for (fixture, "");
  g_assert_cmpuint (n_rows (fixture), ==, STW_SAMPLE_N_ASSETS);
}

static GtkColumnViewColumn *
find_column (Fixture    *fixture,
             const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (stw_assets_view_get_column_view (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static void
test_sort_by_column (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkColumnView *view = stw_assets_view_get_column_view (fixture->view);
  StwAssetQueryModel *model = stw_assets_view_get_model (fixture->view);
  g_autoptr(StwAsset) first = NULL;
  g_autoptr(StwAsset) last = NULL;
  guint n;

  load_sample (fixture);

  /* What a click on the “Asset Tag” header does, then a second click. */
  gtk_column_view_sort_by_column (view, find_column (fixture, "Asset Tag"), GTK_SORT_ASCENDING);
  stw_test_flush ();
  n = n_rows (fixture);
  g_assert_cmpint (stw_asset_query_model_get_sort_field (model), ==, STW_ASSET_FIELD_TAG);
  g_assert_cmpint (stw_asset_query_model_get_sort_direction (model), ==, STW_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(StwAsset) a = row (fixture, i - 1);
      g_autoptr(StwAsset) b = row (fixture, i);

      g_assert_cmpint (g_ascii_strcasecmp (stw_asset_get_tag (a), stw_asset_get_tag (b)), <, 0);
    }

  gtk_column_view_sort_by_column (view, find_column (fixture, "Asset Tag"), GTK_SORT_DESCENDING);
  stw_test_flush ();
  n = n_rows (fixture);
  g_assert_cmpint (stw_asset_query_model_get_sort_direction (model), ==, STW_SORT_DESCENDING);
  first = row (fixture, 0);
  last = row (fixture, n - 1);
  g_assert_cmpint (g_ascii_strcasecmp (stw_asset_get_tag (first), stw_asset_get_tag (last)), >, 0);

  /* A column sorted by something else than its text: the location's name. */
  gtk_column_view_sort_by_column (view, find_column (fixture, "Location"), GTK_SORT_ASCENDING);
  stw_test_flush ();
  n_rows (fixture);
  g_assert_cmpint (stw_asset_query_model_get_sort_field (model), ==, STW_ASSET_FIELD_LOCATION);
}

static gboolean
detail_saved (gpointer data)
{
  return !stw_asset_detail_is_saving (STW_ASSET_DETAIL (data));
}

static void
test_edit_delete_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = stw_assets_view_get_selection (fixture->view);
  StwAssetDetail *detail = STW_ASSET_DETAIL (stw_assets_view_get_detail (fixture->view));
  g_autoptr(StwAsset) chosen = NULL;
  g_autoptr(StwAsset) stored = NULL;
  g_autofree char *old_serial = NULL;
  GtkWidget *serial_row;
  gint64 id;

  load_sample (fixture);

  gtk_selection_model_select_item (selection, 3, TRUE);
  chosen = row (fixture, 3);
  id = stw_asset_get_id (chosen);
  old_serial = g_strdup (stw_asset_get_text (chosen, STW_ASSET_FIELD_SERIAL));
  g_assert_cmpint (stw_asset_detail_get_asset_id (detail), ==, id);

  /* Typing a new serial saves it, with no Save button. */
  serial_row = stw_asset_detail_get_row (detail, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (serial_row)), ==,
                   stw_asset_get_text (chosen, STW_ASSET_FIELD_SERIAL));
  gtk_editable_set_text (GTK_EDITABLE (serial_row), "SN-Ünïcødé-42");
  stw_test_wait_for (detail_saved, detail, "the serial to be saved");
  stored = stw_asset_repo_load (fixture->test_db->db, id, NULL);
  g_assert_cmpstr (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), ==, "SN-Ünïcødé-42");
  /* The list row shows it too: the same object, updated in place. */
  stw_test_flush ();
  g_assert_cmpstr (stw_asset_get_text (chosen, STW_ASSET_FIELD_SERIAL), ==, "SN-Ünïcødé-42");

  /* Delete the selection, then undo it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", NULL));
  wait_rows (fixture, STW_SAMPLE_N_ASSETS - 1);
  g_assert_cmpint (stw_asset_repo_count (fixture->test_db->db), ==, STW_SAMPLE_N_ASSETS - 1);
  g_assert_cmpint (stw_asset_query_model_find (stw_assets_view_get_model (fixture->view), id), ==,
                   G_MAXUINT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_rows (fixture, STW_SAMPLE_N_ASSETS);
  g_clear_object (&stored);
  stored = stw_asset_repo_load (fixture->test_db->db, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), ==, "SN-Ünïcødé-42");

  /* Undo again reverts the serial, in the store and in the detail pane
   * showing the asset; redo brings it back. */
  stw_assets_view_select_asset (fixture->view, id);
  g_assert_cmpint (stw_asset_detail_get_asset_id (detail), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  do
    {
      g_clear_object (&stored);
      g_main_context_iteration (NULL, TRUE);
      stored = stw_asset_repo_load (fixture->test_db->db, id, NULL);
    }
  while (g_strcmp0 (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), "SN-Ünïcødé-42") == 0);
  g_assert_cmpstr (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), ==, old_serial);
  stw_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (serial_row)), ==, old_serial);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  do
    {
      g_clear_object (&stored);
      g_main_context_iteration (NULL, TRUE);
      stored = stw_asset_repo_load (fixture->test_db->db, id, NULL);
    }
  while (g_strcmp0 (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), old_serial) == 0);
  g_assert_cmpstr (stw_asset_get_text (stored, STW_ASSET_FIELD_SERIAL), ==, "SN-Ünïcødé-42");
}

/* The texts of every cell the column view has made, drawn or not. */
static void
collect_cell_texts (GtkWidget  *widget,
                    GHashTable *texts)
{
  if (STW_IS_TEXT_CELL (widget))
    g_hash_table_add (texts, g_strdup (stw_text_cell_get_text (STW_TEXT_CELL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

static gboolean
shows_text (Fixture    *fixture,
            const char *text)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stw_test_flush ();
  collect_cell_texts (GTK_WIDGET (stw_assets_view_get_column_view (fixture->view)), texts);
  return g_hash_table_contains (texts, text);
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} TextCondition;

static gboolean
text_shown (gpointer data)
{
  TextCondition *condition = data;

  return shows_text (condition->fixture, condition->text);
}

/* An edit made elsewhere reaches the cells on screen. */
static void
test_cells_follow_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(StwAsset) first = NULL;
  g_autoptr(StwAsset) stored = NULL;
  g_autoptr(GError) error = NULL;
  /* A name that sorts first, so its row stays among those the list keeps. */
  TextCondition condition = { fixture, "AAA renamed from elsewhere" };

  load_sample (fixture);
  first = row (fixture, 0);
  g_assert_true (shows_text (fixture, stw_asset_get_name (first)));
  g_assert_false (shows_text (fixture, condition.text));

  stored = stw_asset_repo_load (fixture->test_db->db, stw_asset_get_id (first), &error);
  g_assert_no_error (error);
  stw_asset_set_name (stored, condition.text);
  stw_asset_repo_save_sync (fixture->test_db->db, stored, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NAME),
                            &error);
  g_assert_no_error (error);

  stw_test_wait_for (text_shown, &condition, "the new name in the list");
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ticked_enough (gpointer data)
{
  guint *ticks = data;

  return ticks[0] >= ticks[1];
}

/* Lets @widget draw @n frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint ticks[2] = { 0, n };
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, ticks, NULL);

  stw_test_wait_for (ticked_enough, ticks, "frames");
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
can_scroll (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment);
}

static guint
selected_position (Fixture *fixture)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (stw_assets_view_get_selection (fixture->view));

  if (gtk_bitset_get_size (set) != 1)
    return G_MAXUINT;
  return gtk_bitset_get_nth (set, 0);
}

static void
test_rows_follow_the_results (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkColumnView *view = stw_assets_view_get_column_view (fixture->view);
  StwAssetQueryModel *model = stw_assets_view_get_model (fixture->view);
  StwAssetDetail *detail = STW_ASSET_DETAIL (stw_assets_view_get_detail (fixture->view));
  GtkAdjustment *adjustment;
  g_autoptr(StwAsset) chosen = NULL;
  g_autoptr(StwAsset) top = NULL;
  g_autofree char *tag = NULL;
  gint64 id;

  load_sample (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 500);
  stw_test_flush ();

  /* The cells show the rows' values. */
  top = row (fixture, 0);
  g_assert_true (shows_text (fixture, stw_asset_get_tag (top)));

  chosen = row (fixture, 10);
  id = stw_asset_get_id (chosen);
  tag = g_strdup (stw_asset_get_tag (chosen));
  gtk_selection_model_select_item (stw_assets_view_get_selection (fixture->view), 10, TRUE);
  g_assert_cmpint (stw_asset_detail_get_asset_id (detail), ==, id);

  /* A re-sort moves the asset; the selection goes with it. */
  gtk_column_view_sort_by_column (view, find_column (fixture, "Asset Tag"), GTK_SORT_DESCENDING);
  stw_test_flush ();
  n_rows (fixture);
  g_assert_cmpuint (selected_position (fixture), ==, stw_asset_query_model_find (model, id));
  g_assert_cmpuint (selected_position (fixture), !=, 10);
  g_assert_cmpint (stw_asset_detail_get_asset_id (detail), ==, id);

  /* A search that finds it keeps it selected, and the rows show what the
   * search found. */
  search_for (fixture, tag);
  g_assert_cmpuint (n_rows (fixture), >=, 1);
  g_assert_cmpuint (selected_position (fixture), ==, stw_asset_query_model_find (model, id));
  g_assert_true (shows_text (fixture, tag));

  /* One that does not find it lets go of it. */
  search_for (fixture, "no such thing anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpuint (selected_position (fixture), ==, G_MAXUINT);
  g_assert_cmpint (stw_asset_detail_get_asset_id (detail), ==, 0);

  /* Scrolled down, a new search shows its results from the top; one
   * that finds nothing has nowhere to scroll (no warning either). */
  search_for (fixture, "no such thing anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  search_for (fixture, "");
  g_assert_cmpuint (n_rows (fixture), ==, STW_SAMPLE_N_ASSETS);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  stw_test_wait_for (can_scroll, adjustment, "the list to be laid out");
  wait_frames (GTK_WIDGET (view), 3);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment));
  stw_test_flush ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  search_for (fixture, "SRV");
  g_assert_cmpuint (n_rows (fixture), >, 0);
  stw_test_flush ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_clear_object (&top);
  top = row (fixture, 0);
  g_assert_true (shows_text (fixture, stw_asset_get_tag (top)));
}

/* The titles of the columns shown, in order, joined by “|”. */
static char *
column_titles (Fixture *fixture)
{
  GListModel *columns = gtk_column_view_get_columns (stw_assets_view_get_column_view (fixture->view));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (titles, "%s%s", i ? "|" : "", gtk_column_view_column_get_title (column));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_columns (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkColumnView *column_view = stw_assets_view_get_column_view (fixture->view);
  StwAssetQueryModel *model = stw_assets_view_get_model (fixture->view);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) saved = NULL;
  g_autofree char *titles = NULL;
  GActionGroup *group;
  g_autoptr(GVariant) state = NULL;

  load_sample (fixture);

  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Asset Tag|Name|Category|Status|Model|Location|Assigned To");
  g_clear_pointer (&titles, g_free);

  /* Shown from the menu, in its usual place, and kept in the settings. */
  g_assert_true (gtk_widget_activate_action (view, "columns.serial", NULL));
  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Asset Tag|Name|Category|Status|Model|Serial Number|Location|Assigned To");
  g_clear_pointer (&titles, g_free);
  saved = g_settings_get_strv (settings, "asset-columns");
  g_assert_true (g_strv_contains ((const char * const *)saved, "serial"));
  group = stw_asset_columns_get_actions (stw_assets_view_get_columns (fixture->view));
  state = g_action_group_get_action_state (group, "serial");
  g_assert_true (g_variant_get_boolean (state));

  /* Hiding the column the list sorts by sorts by name. */
  gtk_column_view_sort_by_column (column_view, find_column (fixture, "Serial Number"),
                                  GTK_SORT_DESCENDING);
  stw_test_flush ();
  g_assert_cmpint (stw_asset_query_model_get_sort_field (model), ==, STW_ASSET_FIELD_SERIAL);
  g_assert_true (gtk_widget_activate_action (view, "columns.serial", NULL));
  stw_test_flush ();
  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Asset Tag|Name|Category|Status|Model|Location|Assigned To");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpint (stw_asset_query_model_get_sort_field (model), ==, STW_ASSET_FIELD_NAME);

  /* The last column shown stays. */
  for (const char * const *id = (const char *[]) { "tag", "category", "status", "model", "location",
                                                   "person", NULL }; *id != NULL; id++)
    {
      g_autofree char *action = g_strconcat ("columns.", *id, NULL);

      g_assert_true (gtk_widget_activate_action (view, action, NULL));
    }
  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Name");
  g_assert_false (g_action_group_get_action_enabled (group, "name"));
  g_assert_true (g_action_group_get_action_enabled (group, "tag"));

  g_settings_reset (settings, "asset-columns");
}

/* The topmost text cell on screen in the column view, and where it is. */
static GtkWidget *
top_cell (GtkWidget *root,
          GtkWidget *view,
          double    *top)
{
  GtkWidget *best = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      double x, y;

      if (STW_IS_TEXT_CELL (child) && gtk_widget_get_mapped (child) &&
          gtk_widget_translate_coordinates (child, view, 2, 2, &x, &y) && y > 0 && y < *top)
        {
          *top = y;
          best = child;
        }

      found = top_cell (child, view, top);
      if (found != NULL)
        best = found;
    }

  return best;
}

/* Starts a drag at the first row, as a press and a move there would. */
static StwDragIds *
drag_first_row (Fixture *fixture)
{
  GtkWidget *view = stw_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  double top = G_MAXDOUBLE, x, y;
  GtkWidget *cell = top_cell (view, view, &top);

  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_translate_coordinates (cell, view, 4, 4, &x, &y));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && content == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        g_signal_emit_by_name (controller, "prepare", x, y, &content);
    }

  g_assert_nonnull (content);
  g_value_init (&value, STW_TYPE_DRAG_IDS);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  return g_value_dup_boxed (&value);
}

static void
test_asset_drag (Fixture       *fixture,
                 gconstpointer  data)
{
  StwAssetQueryModel *model;
  g_autoptr(StwDragIds) one = NULL;
  g_autoptr(StwDragIds) three = NULL;
  GtkSelectionModel *selection;
  GtkWidget *view;

  load_sample (fixture);
  stw_test_flush ();
  model = stw_assets_view_get_model (fixture->view);

  /* An unselected row: that asset. */
  one = drag_first_row (fixture);
  g_assert_cmpint (one->entity, ==, STW_ENTITY_ASSET);
  g_assert_cmpuint (one->ids->len, ==, 1);
  g_assert_cmpint (g_array_index (one->ids, gint64, 0), ==,
                   stw_asset_query_model_get_id (model, 0));

  /* A selected row: the whole selection. */
  view = stw_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  stw_test_flush ();
  three = drag_first_row (fixture);
  g_assert_cmpuint (three->ids->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

  g_test_add ("/steward/ui/window/empty-then-sample", Fixture, NULL,
              fixture_set_up, test_empty_then_sample, fixture_tear_down);
  g_test_add ("/steward/ui/window/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/steward/ui/window/sort-by-column", Fixture, NULL,
              fixture_set_up, test_sort_by_column, fixture_tear_down);
  g_test_add ("/steward/ui/window/rows-follow-the-results", Fixture, NULL,
              fixture_set_up, test_rows_follow_the_results, fixture_tear_down);
  g_test_add ("/steward/ui/window/cells-follow-edits", Fixture, NULL,
              fixture_set_up, test_cells_follow_edits, fixture_tear_down);
  g_test_add ("/steward/ui/window/asset-drag", Fixture, NULL,
              fixture_set_up, test_asset_drag, fixture_tear_down);
  g_test_add ("/steward/ui/window/columns", Fixture, NULL,
              fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/steward/ui/window/edit-delete-undo", Fixture, NULL,
              fixture_set_up, test_edit_delete_undo, fixture_tear_down);

  return g_test_run ();
}
