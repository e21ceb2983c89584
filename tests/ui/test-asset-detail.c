/* test-asset-detail.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "core/stw-location.h"
#include "core/stw-person.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database-private.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-asset-detail.h"
#include "ui/stw-assets-view.h"
#include "ui/stw-window.h"

/* The detail pane as a person meets it: in the window, beside the list,
 * showing the asset selected there. */

typedef struct
{
  StwTestDb      *test_db;
  StwWindow      *window;
  StwAssetsView  *view;
  StwAssetDetail *detail;
  gint64          site_id;
  gint64          building_id;
  gint64          person_id;
  gint64          asset_id;
  gint64          other_id;
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
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (asset, STW_ASSET_STATUS_IN_STOCK);
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, "SN-1");
  stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, "ThinkPad T14");
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2025-01-10");
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2027-01-10");
  stw_asset_set_purchase_cost (asset, 129900);
  stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, "EUR");
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, "old note");

  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

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

static gboolean
detail_shows_asset (gpointer data)
{
  Fixture *fixture = data;

  return stw_asset_detail_get_asset_id (fixture->detail) == fixture->asset_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwPerson) person = stw_person_new ();
  g_autoptr(GError) error = NULL;
  StwDatabase *db;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;

  fixture->site_id = add_location (db, "Berlin", STW_LOCATION_KIND_SITE, 0);
  fixture->building_id = add_location (db, "Main Office", STW_LOCATION_KIND_BUILDING,
                                       fixture->site_id);
  stw_person_set_name (person, "Anna Schmidt");
  fixture->person_id = stw_person_repo_save_sync (db, person, &error);
  g_assert_no_error (error);
  fixture->asset_id = add_asset (db, "Test Laptop", "LT-0001");
  fixture->other_id = add_asset (db, "Other Laptop", "LT-0002");

  fixture->window = g_object_ref (stw_window_new (NULL, db));
  fixture->view = STW_ASSETS_VIEW (stw_window_get_view (fixture->window, "assets"));
  fixture->detail = STW_ASSET_DETAIL (stw_assets_view_get_detail (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  stw_assets_view_select_asset (fixture->view, fixture->asset_id);
  stw_test_wait_for (detail_shows_asset, fixture, "the detail pane to show the asset");
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      stw_test_flush ();
      g_assert_finalize_object (fixture->window);
    }
  stw_test_flush ();
  stw_test_db_free (fixture->test_db);
}

/* ------------------------------------------------------------------------ */

static StwAsset *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StwAsset *asset = stw_asset_repo_load (fixture->test_db->db, fixture->asset_id, &error);

  g_assert_no_error (error);
  return asset;
}

/* The value of @field in the store, as text, for comparing. */
static char *
stored_text (Fixture       *fixture,
             StwAssetField  field)
{
  g_autoptr(StwAsset) asset = stored (fixture);

  if (field == STW_ASSET_FIELD_PURCHASE_COST)
    return g_strdup_printf ("%" G_GINT64_FORMAT, stw_asset_get_purchase_cost (asset));

  return g_strdup (stw_asset_get_text (asset, field));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *reader = stw_database_get_reader (fixture->test_db->db);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
detail_saved (gpointer data)
{
  return !stw_asset_detail_is_saving (STW_ASSET_DETAIL (data));
}

/* Lets the typing pause pass and any write finish. */
static void
wait_saved (Fixture *fixture)
{
  stw_test_wait_for (detail_saved, fixture->detail, "the detail pane to finish saving");
  stw_test_flush ();
}

static void
type_text (Fixture       *fixture,
           StwAssetField  field,
           const char    *text)
{
  GtkWidget *row = stw_asset_detail_get_row (fixture->detail, field);

  if (field == STW_ASSET_FIELD_NOTES)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static char *
shown_text (Fixture       *fixture,
            StwAssetField  field)
{
  GtkWidget *row = stw_asset_detail_get_row (fixture->detail, field);

  if (field == STW_ASSET_FIELD_NOTES)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* A visible widget under @root whose tooltip is @text: the warning icon. */
static gboolean
has_tooltip (GtkWidget  *root,
             const char *text)
{
  if (gtk_widget_is_visible (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_tooltip (child, text))
      return TRUE;

  return FALSE;
}

/*
 * Whether @message can be read: in the warning icon of the row, and the
 * notes' message under them. The line under a group shows the first
 * problem in the group, so it is checked where it is the only one.
 */
static gboolean
error_shown (Fixture       *fixture,
             StwAssetField  field,
             const char    *message)
{
  GtkWidget *row = stw_asset_detail_get_row (fixture->detail, field);
  guint n_errors = 0;

  for (StwAssetField other = STW_ASSET_FIELD_NAME; other < STW_N_ASSET_FIELDS; other++)
    n_errors += stw_asset_detail_get_error (fixture->detail, other) != NULL;

  if (field != STW_ASSET_FIELD_NOTES && !has_tooltip (row, message))
    return FALSE;

  return n_errors > 1 || stw_test_find_label (GTK_WIDGET (fixture->detail), message) != NULL;
}

/*
 * Types @text into @field and checks that it is refused where it was
 * typed — marked red, with a message containing @message — and that
 * nothing reaches the store, even when asked to save at once.
 */
static void
assert_refused (Fixture       *fixture,
                StwAssetField  field,
                const char    *text,
                const char    *message)
{
  GtkWidget *row = stw_asset_detail_get_row (fixture->detail, field);
  g_autofree char *before = stored_text (fixture, field);
  g_autofree char *after = NULL;
  gint64 n_batches = query_int (fixture, "SELECT count(*) FROM batches");
  const char *error;

  type_text (fixture, field, text);

  error = stw_asset_detail_get_error (fixture->detail, field);
  g_assert_nonnull (error);
  if (error != NULL && strstr (error, message) == NULL)
    g_error ("“%s” was refused with “%s”, which does not say “%s”", text, error, message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (error_shown (fixture, field, error));

  stw_asset_detail_save_now (fixture->detail);
  wait_saved (fixture);

  after = stored_text (fixture, field);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, n_batches);

  /* What was typed stays, for the person to correct. */
  g_free (after);
  after = shown_text (fixture, field);
  g_assert_cmpstr (after, ==, text);
}

static void
assert_accepted (Fixture       *fixture,
                 StwAssetField  field)
{
  GtkWidget *row = stw_asset_detail_get_row (fixture->detail, field);

  g_assert_null (stw_asset_detail_get_error (fixture->detail, field));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

/* ------------------------------------------------------------------------ */

static void
test_shows_asset (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *name = shown_text (fixture, STW_ASSET_FIELD_NAME);
  g_autofree char *cost = shown_text (fixture, STW_ASSET_FIELD_PURCHASE_COST);
  g_autofree char *notes = shown_text (fixture, STW_ASSET_FIELD_NOTES);

  g_assert_cmpstr (name, ==, "Test Laptop");
  g_assert_cmpstr (cost, ==, "1299.00");
  g_assert_cmpstr (notes, ==, "old note");
  g_assert_false (stw_asset_detail_is_saving (fixture->detail));

  /* Nothing selected: the pane is empty, and shows the asset again when
   * it is selected again. */
  gtk_selection_model_unselect_all (stw_assets_view_get_selection (fixture->view));
  g_assert_cmpint (stw_asset_detail_get_asset_id (fixture->detail), ==, 0);
  stw_assets_view_select_asset (fixture->view, fixture->asset_id);
  g_assert_cmpint (stw_asset_detail_get_asset_id (fixture->detail), ==, fixture->asset_id);
}

static void
test_empty_name (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *name = NULL;

  assert_refused (fixture, STW_ASSET_FIELD_NAME, "", "cannot be empty");
  assert_refused (fixture, STW_ASSET_FIELD_NAME, "   ", "cannot be empty");
  assert_refused (fixture, STW_ASSET_FIELD_TAG, "", "cannot be empty");

  /* Correcting them clears the marks and the message, and saves. */
  type_text (fixture, STW_ASSET_FIELD_NAME, "Renamed Laptop");
  assert_accepted (fixture, STW_ASSET_FIELD_NAME);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->detail),
                                         "Asset Tag cannot be empty"));
  type_text (fixture, STW_ASSET_FIELD_TAG, "LT-0001");
  assert_accepted (fixture, STW_ASSET_FIELD_TAG);
  g_assert_null (stw_test_find_label (GTK_WIDGET (fixture->detail), "cannot be empty"));
  wait_saved (fixture);
  name = stored_text (fixture, STW_ASSET_FIELD_NAME);
  g_assert_cmpstr (name, ==, "Renamed Laptop");
}

static void
test_duplicate_tag (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *tag = NULL;

  assert_refused (fixture, STW_ASSET_FIELD_TAG, "LT-0002", "already used by “Other Laptop”");
  /* Tags are the same label whatever their case, and around spaces. */
  assert_refused (fixture, STW_ASSET_FIELD_TAG, "lt-0002", "already used by “Other Laptop”");
  assert_refused (fixture, STW_ASSET_FIELD_TAG, " Lt-0002 ", "already used by “Other Laptop”");

  /* The asset's own tag in another case is not a duplicate of itself. */
  type_text (fixture, STW_ASSET_FIELD_TAG, "lt-0001");
  assert_accepted (fixture, STW_ASSET_FIELD_TAG);
  wait_saved (fixture);
  tag = stored_text (fixture, STW_ASSET_FIELD_TAG);
  g_assert_cmpstr (tag, ==, "lt-0001");
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *purchase = NULL;
  g_autofree char *warranty = NULL;

  assert_refused (fixture, STW_ASSET_FIELD_PURCHASE_DATE, "2026-02-30",
                  "not a day in the calendar");
  assert_refused (fixture, STW_ASSET_FIELD_PURCHASE_DATE, "30.01.2026", "not a date");
  type_text (fixture, STW_ASSET_FIELD_PURCHASE_DATE, "2025-01-10");
  assert_accepted (fixture, STW_ASSET_FIELD_PURCHASE_DATE);

  assert_refused (fixture, STW_ASSET_FIELD_WARRANTY_END, "2024-12-31", "warranty cannot end");

  /* An earlier purchase date makes the warranty typed before valid: both
   * are taken, and both marks go. */
  type_text (fixture, STW_ASSET_FIELD_PURCHASE_DATE, "2024-06-01");
  assert_accepted (fixture, STW_ASSET_FIELD_PURCHASE_DATE);
  assert_accepted (fixture, STW_ASSET_FIELD_WARRANTY_END);
  wait_saved (fixture);
  purchase = stored_text (fixture, STW_ASSET_FIELD_PURCHASE_DATE);
  warranty = stored_text (fixture, STW_ASSET_FIELD_WARRANTY_END);
  g_assert_cmpstr (purchase, ==, "2024-06-01");
  g_assert_cmpstr (warranty, ==, "2024-12-31");
}

static void
test_cost_and_currency (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *cost = NULL;
  g_autofree char *currency = NULL;

  assert_refused (fixture, STW_ASSET_FIELD_PURCHASE_COST, "-5", "cannot be negative");
  assert_refused (fixture, STW_ASSET_FIELD_PURCHASE_COST, "12.345", "not a cost");
  assert_refused (fixture, STW_ASSET_FIELD_CURRENCY, "eu", "not a currency code");
  assert_refused (fixture, STW_ASSET_FIELD_CURRENCY, "EURO", "not a currency code");

  type_text (fixture, STW_ASSET_FIELD_PURCHASE_COST, "1 499,50");
  type_text (fixture, STW_ASSET_FIELD_CURRENCY, "USD");
  assert_accepted (fixture, STW_ASSET_FIELD_PURCHASE_COST);
  assert_accepted (fixture, STW_ASSET_FIELD_CURRENCY);
  wait_saved (fixture);
  cost = stored_text (fixture, STW_ASSET_FIELD_PURCHASE_COST);
  currency = stored_text (fixture, STW_ASSET_FIELD_CURRENCY);
  g_assert_cmpstr (cost, ==, "149950");
  g_assert_cmpstr (currency, ==, "USD");
}

static void
test_saved_after_pause (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-2");

  /* Not at once: the store waits for the typing pause … */
  before = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (before, ==, "SN-1");
  g_assert_true (stw_asset_detail_is_saving (fixture->detail));

  /* … and then has it, with no Save button pressed. */
  wait_saved (fixture);
  after = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (after, ==, "SN-2");
}

static gboolean
history_has (Fixture    *fixture,
             const char *title)
{
  GtkListBox *history = stw_asset_detail_get_history (fixture->detail);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (history));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;

  return FALSE;
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_true (history_has (fixture, "Created"));
  g_assert_false (history_has (fixture, "Serial Number: SN-1 → SN-2"));

  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-2");
  wait_saved (fixture);

  g_assert_true (history_has (fixture, "Serial Number: SN-1 → SN-2"));
}

static guint
position_in_combo (GtkWidget *row,
                   gint64     id)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id = STW_IS_LOCATION (item) ? stw_location_get_id (STW_LOCATION (item))
                                              : stw_person_get_id (STW_PERSON (item));

      if (item_id == id)
        return i;
    }

  g_assert_not_reached ();
}

/*
 * Waits for @check to hold in the store without running the main loop:
 * the typing pause is a main loop timeout, so a value that arrives
 * regardless was saved at once.
 */
static gboolean
arrives_without_main_loop (Fixture  *fixture,
                           gboolean (*check) (StwAsset *asset, gint64 id),
                           gint64    id)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(StwAsset) asset = stored (fixture);

      if (check (asset, id))
        return TRUE;
      g_usleep (10 * 1000);
    }

  return FALSE;
}

static gboolean
has_location (StwAsset *asset,
              gint64    id)
{
  return stw_asset_get_location_id (asset) == id;
}

static gboolean
has_person (StwAsset *asset,
            gint64    id)
{
  return stw_asset_get_person_id (asset) == id;
}

static void
test_choices_save_at_once (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *location_row = stw_asset_detail_get_row (fixture->detail, STW_ASSET_FIELD_LOCATION);
  GtkWidget *person_row = stw_asset_detail_get_row (fixture->detail, STW_ASSET_FIELD_PERSON);
  g_autoptr(StwAsset) asset = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (location_row),
                              position_in_combo (location_row, fixture->building_id));
  g_assert_true (arrives_without_main_loop (fixture, has_location, fixture->building_id));
  wait_saved (fixture);

  adw_combo_row_set_selected (ADW_COMBO_ROW (person_row),
                              position_in_combo (person_row, fixture->person_id));
  g_assert_true (arrives_without_main_loop (fixture, has_person, fixture->person_id));
  wait_saved (fixture);

  asset = stored (fixture);
  g_assert_cmpstr (stw_asset_get_location_name (asset), ==, "Main Office");
  g_assert_cmpstr (stw_asset_get_person_name (asset), ==, "Anna Schmidt");

  /* The first choice takes them away again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (person_row), 0);
  g_assert_true (arrives_without_main_loop (fixture, has_person, 0));
  wait_saved (fixture);
}

static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *too_long = NULL;
  g_autofree char *serial = NULL;

  /* The limit counts characters, not bytes: 255 two-byte ones fit. */
  for (guint i = 0; i < 255; i++)
    g_string_append (longest, "é");
  too_long = g_strconcat (longest->str, "x", NULL);

  assert_refused (fixture, STW_ASSET_FIELD_SERIAL, too_long, "longer than 255");
  assert_refused (fixture, STW_ASSET_FIELD_NAME, too_long, "longer than 255");
  assert_refused (fixture, STW_ASSET_FIELD_SERIAL, "two\nlines", "single line");

  type_text (fixture, STW_ASSET_FIELD_SERIAL, longest->str);
  assert_accepted (fixture, STW_ASSET_FIELD_SERIAL);
  wait_saved (fixture);
  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, longest->str);
}

static void
test_unicode (Fixture       *fixture,
              gconstpointer  data)
{
  static const char name[] = "Laptop 💻 שלום مرحبا 中文 ノート 👩🏽‍💻";
  static const char tag[] = "资产-０４２";
  static const char notes[] = "Zeile 1: Größe ✓\nسطر ٢\n第三行 🚀\n\tindented";
  g_autoptr(StwAsset) asset = NULL;
  g_autofree char *shown = NULL;

  type_text (fixture, STW_ASSET_FIELD_NAME, name);
  type_text (fixture, STW_ASSET_FIELD_TAG, tag);
  type_text (fixture, STW_ASSET_FIELD_NOTES, notes);
  assert_accepted (fixture, STW_ASSET_FIELD_NAME);
  assert_accepted (fixture, STW_ASSET_FIELD_TAG);
  wait_saved (fixture);

  asset = stored (fixture);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, name);
  g_assert_cmpstr (stw_asset_get_tag (asset), ==, tag);
  g_assert_cmpstr (stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES), ==, notes);

  /* And read back the same when the asset is shown again. */
  gtk_selection_model_unselect_all (stw_assets_view_get_selection (fixture->view));
  stw_assets_view_select_asset (fixture->view, fixture->asset_id);
  shown = shown_text (fixture, STW_ASSET_FIELD_NAME);
  g_assert_cmpstr (shown, ==, name);
}

/* Sets a connection setting on the store's writer, between writes. */
static void
exec_on_writer (Fixture    *fixture,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_database_exec_on_writer (fixture->test_db->db, sql, &error));
  g_assert_no_error (error);
}

static void
fill_disk (Fixture *fixture)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         query_int (fixture, "PRAGMA page_count"));
  exec_on_writer (fixture, sql);
}

static char *
long_note (void)
{
  g_autoptr(GString) note = g_string_new (NULL);

  /* Distinct words, so the text and its search index need new pages. */
  for (guint i = 0; note->len < 16000; i++)
    g_string_append_printf (note, "word%u line %u of a long note\n", i, i * 7919);

  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *note = long_note ();
  g_autofree char *shown = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *journal_sql = NULL;
  gint64 n_batches, n_journal;
  const char *error;

  journal_sql = g_strdup_printf ("SELECT count(*) FROM journal WHERE entity = 'asset' "
                                 "AND entity_id = %" G_GINT64_FORMAT, fixture->asset_id);
  n_batches = query_int (fixture, "SELECT count(*) FROM batches");
  n_journal = query_int (fixture, journal_sql);

  fill_disk (fixture);
  type_text (fixture, STW_ASSET_FIELD_NOTES, note);
  wait_saved (fixture);

  /* Said where it was typed, in words about the disk … */
  error = stw_asset_detail_get_error (fixture->detail, STW_ASSET_FIELD_NOTES);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error != NULL ? error : "", "disk"));
  g_assert_true (gtk_widget_has_css_class (stw_asset_detail_get_row (fixture->detail,
                                                                     STW_ASSET_FIELD_NOTES),
                                           "error"));
  /* … with the text kept, and nothing of it in the store. */
  shown = shown_text (fixture, STW_ASSET_FIELD_NOTES);
  g_assert_cmpstr (shown, ==, note);
  notes = stored_text (fixture, STW_ASSET_FIELD_NOTES);
  g_assert_cmpstr (notes, ==, "old note");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, n_batches);
  g_assert_cmpint (query_int (fixture, journal_sql), ==, n_journal);

  /* A single-line field fails the same way while the disk is full. */
  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-while-full");
  wait_saved (fixture);
  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, "SN-1");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, n_batches);

  /* Once there is space, the next edit saves what was kept, and the
   * messages about the disk go. */
  exec_on_writer (fixture, "PRAGMA max_page_count = 1073741823");
  type_text (fixture, STW_ASSET_FIELD_MODEL, "ThinkPad T16");
  wait_saved (fixture);

  g_clear_pointer (&notes, g_free);
  g_clear_pointer (&serial, g_free);
  notes = stored_text (fixture, STW_ASSET_FIELD_NOTES);
  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (notes, ==, note);
  g_assert_cmpstr (serial, ==, "SN-while-full");
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    g_assert_null (stw_asset_detail_get_error (fixture->detail, field));
  g_assert_false (gtk_widget_has_css_class (stw_asset_detail_get_row (fixture->detail,
                                                                      STW_ASSET_FIELD_NOTES),
                                            "error"));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *serial = NULL;
  g_autofree char *shown = NULL;
  gint64 n_batches = query_int (fixture, "SELECT count(*) FROM batches");
  const char *error;

  exec_on_writer (fixture, "PRAGMA query_only = 1");
  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-read-only");
  wait_saved (fixture);

  error = stw_asset_detail_get_error (fixture->detail, STW_ASSET_FIELD_SERIAL);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error != NULL ? error : "", "cannot be written"));
  g_assert_true (gtk_widget_has_css_class (stw_asset_detail_get_row (fixture->detail,
                                                                     STW_ASSET_FIELD_SERIAL),
                                           "error"));
  shown = shown_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (shown, ==, "SN-read-only");
  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, "SN-1");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, n_batches);

  exec_on_writer (fixture, "PRAGMA query_only = 0");
  type_text (fixture, STW_ASSET_FIELD_NOTES, "writable again");
  wait_saved (fixture);
  g_clear_pointer (&serial, g_free);
  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, "SN-read-only");
  g_assert_null (stw_asset_detail_get_error (fixture->detail, STW_ASSET_FIELD_SERIAL));
}

static void
test_saved_on_close (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *serial = NULL;

  /* Closing the window inside the typing pause keeps the edit. */
  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-closing");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  stw_test_flush ();

  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, "SN-closing");
}

static void
test_saved_on_switch (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StwAsset) other = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *shown = NULL;

  /* Choosing another asset inside the typing pause saves the edit to the
   * asset it was made on, and to no other. */
  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-switching");
  stw_assets_view_select_asset (fixture->view, fixture->other_id);
  g_assert_cmpint (stw_asset_detail_get_asset_id (fixture->detail), ==, fixture->other_id);
  wait_saved (fixture);

  serial = stored_text (fixture, STW_ASSET_FIELD_SERIAL);
  g_assert_cmpstr (serial, ==, "SN-switching");
  other = stw_asset_repo_load (fixture->test_db->db, fixture->other_id, NULL);
  g_assert_cmpstr (stw_asset_get_text (other, STW_ASSET_FIELD_SERIAL), ==, "SN-1");
  shown = shown_text (fixture, STW_ASSET_FIELD_NAME);
  g_assert_cmpstr (shown, ==, "Other Laptop");

  /* A refused value is not carried over to the next asset either. */
  type_text (fixture, STW_ASSET_FIELD_NAME, "");
  stw_assets_view_select_asset (fixture->view, fixture->asset_id);
  wait_saved (fixture);
  g_clear_object (&other);
  other = stw_asset_repo_load (fixture->test_db->db, fixture->other_id, NULL);
  g_assert_cmpstr (stw_asset_get_name (other), ==, "Other Laptop");
  assert_accepted (fixture, STW_ASSET_FIELD_NAME);
}

static void
test_undo_clears_marks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *shown = NULL;

  type_text (fixture, STW_ASSET_FIELD_SERIAL, "SN-2");
  wait_saved (fixture);
  assert_refused (fixture, STW_ASSET_FIELD_NAME, "", "cannot be empty");

  /* An undo replaces what the pane shows with what is stored; a mark on
   * text that is no longer there would be a lie. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  while (g_strcmp0 (shown, "SN-1") != 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_free (shown);
      shown = shown_text (fixture, STW_ASSET_FIELD_SERIAL);
    }
  stw_test_flush ();

  g_free (shown);
  shown = shown_text (fixture, STW_ASSET_FIELD_NAME);
  g_assert_cmpstr (shown, ==, "Test Laptop");
  assert_accepted (fixture, STW_ASSET_FIELD_NAME);
}

static gint64
add_ticket (Fixture    *fixture,
            const char *title)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  id = stw_ticket_repo_save_sync (fixture->test_db->db, ticket, &error);
  g_assert_no_error (error);
  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->test_db->db, id, fixture->asset_id,
                                                  &error));
  g_assert_no_error (error);

  return id;
}

static GtkListBoxRow *
ticket_row (Fixture    *fixture,
            const char *title)
{
  GtkListBox *tickets = stw_asset_detail_get_tickets (fixture->detail);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (tickets));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

static void
show_ticket_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  *(gint64 *)user_data = g_variant_get_int64 (parameter);
}

static void
test_tickets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSimpleAction) show_ticket = g_simple_action_new ("show-ticket", G_VARIANT_TYPE_INT64);
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  gint64 shown = 0;
  gint64 id;

  g_assert_null (ticket_row (fixture, "Screen flickers"));

  /* A ticket linked elsewhere shows here, with its status and priority. */
  id = add_ticket (fixture, "Screen flickers");
  stw_test_flush ();
  row = ticket_row (fixture, "Screen flickers");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Incident · New · P3 – Medium");

  ticket = stw_ticket_repo_load (fixture->test_db->db, id, &error);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_IN_PROGRESS);
  stw_ticket_set_levels (ticket, STW_LEVEL_HIGH, STW_LEVEL_HIGH);
  stw_ticket_repo_save_sync (fixture->test_db->db, ticket, &error);
  g_assert_no_error (error);
  stw_test_flush ();
  row = ticket_row (fixture, "Screen flickers");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Incident · In Progress · P1 – Critical");

  /* Activating it asks the window to show the ticket; a window that
   * cannot yet is no reason to fail. */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_signal_connect (show_ticket, "activate", G_CALLBACK (show_ticket_cb), &shown);
  g_action_map_add_action (G_ACTION_MAP (fixture->window), G_ACTION (show_ticket));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_cmpint (shown, ==, id);

  /* Unlinked, it goes. */
  g_assert_true (stw_ticket_repo_unlink_asset_sync (fixture->test_db->db, id, fixture->asset_id,
                                                    &error));
  stw_test_flush ();
  g_assert_null (ticket_row (fixture, "Screen flickers"));
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/asset-detail/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("shows-asset", test_shows_asset);
  ADD ("empty-name", test_empty_name);
  ADD ("duplicate-tag", test_duplicate_tag);
  ADD ("dates", test_dates);
  ADD ("cost-and-currency", test_cost_and_currency);
  ADD ("saved-after-pause", test_saved_after_pause);
  ADD ("history", test_history);
  ADD ("choices-save-at-once", test_choices_save_at_once);
  ADD ("long-text", test_long_text);
  ADD ("unicode", test_unicode);
  ADD ("disk-full", test_disk_full);
  ADD ("read-only", test_read_only);
  ADD ("saved-on-close", test_saved_on_close);
  ADD ("saved-on-switch", test_saved_on_switch);
  ADD ("undo-clears-marks", test_undo_clears_marks);
  ADD ("tickets", test_tickets);

#undef ADD

  return g_test_run ();
}
