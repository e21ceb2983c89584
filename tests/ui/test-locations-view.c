/* test-locations-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "core/stw-location.h"
#include "store/stw-asset-repo.h"
#include "store/stw-location-repo.h"
#include "ui/stw-location-dialog.h"
#include "ui/stw-locations-view.h"
#include "ui/stw-reassign-dialog.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb        *test_db;
  StwWindow        *window;
  StwLocationsView *view;
  gint64            berlin_id;
  gint64            office_id;
  gint64            room_101_id;
  gint64            room_102_id;
  gint64            asset_ids[2];
} Fixture;

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
add_asset (StwDatabase *db,
           const char  *tag,
           gint64       location_id)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_asset_set_name (asset, "Desk Phone");
  stw_asset_set_tag (asset, tag);
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_PHONE);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_location (asset, location_id, NULL);
  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_tree = GPOINTER_TO_INT (data);
  StwDatabase *db;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;

  if (with_tree)
    {
      fixture->berlin_id = add_location (db, "Berlin", STW_LOCATION_KIND_SITE, 0);
      fixture->office_id = add_location (db, "Main Office", STW_LOCATION_KIND_BUILDING,
                                         fixture->berlin_id);
      fixture->room_101_id = add_location (db, "Room 101", STW_LOCATION_KIND_ROOM,
                                           fixture->office_id);
      fixture->room_102_id = add_location (db, "Room 102", STW_LOCATION_KIND_ROOM,
                                           fixture->office_id);
      fixture->asset_ids[0] = add_asset (db, "PH-0001", fixture->room_101_id);
      fixture->asset_ids[1] = add_asset (db, "PH-0002", fixture->room_101_id);
    }

  fixture->window = g_object_ref (stw_window_new (NULL, db));
  stw_window_show_view (fixture->window, "locations");
  fixture->view = STW_LOCATIONS_VIEW (stw_window_get_view (fixture->window, "locations"));
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

/* ------------------------------------------------------------------------ */

/* The list as it reads, one path per row, in order. */
static char *
shown_paths (Fixture *fixture)
{
  GListModel *model = stw_locations_view_get_model (fixture->view);
  g_autoptr(GString) paths = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (model, i);

      g_string_append_printf (paths, "%s%s", i > 0 ? " | " : "", stw_location_get_path (location));
    }

  return g_string_free (g_steal_pointer (&paths), FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *paths;
} PathsCondition;

static gboolean
shows_paths (gpointer data)
{
  PathsCondition *condition = data;
  g_autofree char *paths = shown_paths (condition->fixture);

  return g_strcmp0 (paths, condition->paths) == 0;
}

static void
wait_for_paths (Fixture    *fixture,
                const char *paths)
{
  PathsCondition condition = { fixture, paths };
  g_autofree char *what = g_strdup_printf ("the list to read “%s”", paths);

  stw_test_wait_for (shows_paths, &condition, what);
}

static gint64
id_of (Fixture    *fixture,
       const char *name)
{
  GListModel *model = stw_locations_view_get_model (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (model, i);

      if (g_strcmp0 (stw_location_get_name (location), name) == 0)
        return stw_location_get_id (location);
    }

  return 0;
}

static StwLocationDialog *
open_dialog (Fixture    *fixture,
             const char *action,
             gint64      id)
{
  GtkWindow *dialog;

  g_assert_null (stw_test_find_toplevel (STW_TYPE_LOCATION_DIALOG));
  if (id != 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, "x", id));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));

  dialog = stw_test_wait_for_toplevel (STW_TYPE_LOCATION_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));

  return g_object_ref (STW_LOCATION_DIALOG (dialog));
}

static gboolean
can_save (StwLocationDialog *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save");
}

/* Clicks Save and waits for the dialog to go, as it does once saved. */
static void
save_dialog (StwLocationDialog *dialog)
{
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  stw_test_wait_for_no_toplevel (STW_TYPE_LOCATION_DIALOG);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
}

static guint
n_stored_locations (Fixture *fixture)
{
  g_autoptr(GListModel) locations = stw_location_repo_list (fixture->test_db->db, NULL);

  return g_list_model_get_n_items (locations);
}

/* ------------------------------------------------------------------------ */

static void
test_add_tree (Fixture       *fixture,
               gconstpointer  data)
{
  StwLocationDialog *dialog;
  gint64 berlin_id, office_id;

  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->view), "No Locations Yet"));

  /* A site. */
  dialog = open_dialog (fixture, "view.add", 0);
  g_assert_false (can_save (dialog));
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Berlin");
  g_assert_true (can_save (dialog));
  save_dialog (dialog);
  wait_for_paths (fixture, "Berlin");
  g_assert_null (stw_test_find_label (GTK_WIDGET (fixture->view), "No Locations Yet"));
  berlin_id = id_of (fixture, "Berlin");

  /* A building in it, from the site's own menu: kind and place are set. */
  dialog = open_dialog (fixture, "view.add-inside", berlin_id);
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Main Office");
  g_assert_true (can_save (dialog));
  save_dialog (dialog);
  wait_for_paths (fixture, "Berlin | Berlin › Main Office");
  office_id = id_of (fixture, "Main Office");

  /* A room, chosen by hand: it needs a building to be in … */
  dialog = open_dialog (fixture, "view.add", 0);
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Room 101");
  stw_location_dialog_set_kind (dialog, STW_LOCATION_KIND_ROOM);
  /* … and a site is not one. */
  g_assert_false (stw_location_dialog_set_parent (dialog, berlin_id));
  g_assert_true (stw_location_dialog_set_parent (dialog, office_id));
  g_assert_true (can_save (dialog));
  save_dialog (dialog);

  /* Sites whose names begin alike sort as sites, not between the rows
   * of the other's tree. */
  dialog = open_dialog (fixture, "view.add", 0);
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Berlin Office");
  save_dialog (dialog);
  dialog = open_dialog (fixture, "view.add", 0);
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Aachen");
  save_dialog (dialog);

  wait_for_paths (fixture, "Aachen | Berlin | Berlin › Main Office | "
                           "Berlin › Main Office › Room 101 | Berlin Office");
  g_assert_cmpuint (n_stored_locations (fixture), ==, 5);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->view), "Room 101"));
}

static void
test_dialog_refuses (Fixture       *fixture,
                     gconstpointer  data)
{
  StwLocationDialog *dialog = open_dialog (fixture, "view.add", 0);

  /* A room with nowhere to be. */
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "Lost Room");
  stw_location_dialog_set_kind (dialog, STW_LOCATION_KIND_BUILDING);
  g_assert_false (can_save (dialog));
  g_assert_nonnull (stw_location_dialog_get_error (dialog));
  g_assert_false (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* A blank name. */
  stw_location_dialog_set_kind (dialog, STW_LOCATION_KIND_SITE);
  g_assert_true (can_save (dialog));
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "   ");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (stw_location_dialog_get_name (dialog)),
                                           "error"));

  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  stw_test_wait_for_no_toplevel (STW_TYPE_LOCATION_DIALOG);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_stored_locations (fixture), ==, 0);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  StwLocationDialog *dialog;
  g_autoptr(StwLocation) stored = NULL;

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");

  dialog = open_dialog (fixture, "view.edit", fixture->office_id);
  g_assert_cmpstr (gtk_editable_get_text (stw_location_dialog_get_name (dialog)), ==,
                   "Main Office");
  g_assert_true (can_save (dialog));
  gtk_editable_set_text (stw_location_dialog_get_name (dialog), "HQ");
  save_dialog (dialog);

  /* The rows inside it follow. */
  wait_for_paths (fixture, "Berlin | Berlin › HQ | Berlin › HQ › Room 101 | "
                           "Berlin › HQ › Room 102");
  stored = stw_location_repo_load (fixture->test_db->db, fixture->office_id, NULL);
  g_assert_cmpstr (stw_location_get_name (stored), ==, "HQ");
  g_assert_cmpint (stw_location_get_kind (stored), ==, STW_LOCATION_KIND_BUILDING);
  g_assert_cmpint (stw_location_get_parent_id (stored), ==, fixture->berlin_id);
}

static StwReassignDialog *
wait_for_reassign_dialog (void)
{
  GtkWindow *dialog = stw_test_wait_for_toplevel (STW_TYPE_REASSIGN_DIALOG);

  return g_object_ref (STW_REASSIGN_DIALOG (dialog));
}

static guint
choice_position (StwReassignDialog *dialog,
                 const char        *label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (stw_test_find_widget (GTK_WIDGET (dialog),
                                                               GTK_TYPE_DROP_DOWN, NULL));
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), label) == 0)
      return i;

  g_error ("“%s” is not offered", label);
}

static gint64
stored_location_of (Fixture *fixture,
                    gint64   asset_id)
{
  g_autoptr(StwAsset) asset = stw_asset_repo_load (fixture->test_db->db, asset_id, NULL);

  g_assert_nonnull (asset);
  return stw_asset_get_location_id (asset);
}

static void
test_delete_reassigns (Fixture       *fixture,
                       gconstpointer  data)
{
  StwReassignDialog *dialog;

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");

  /* Room 101 has assets: where do they go? */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->room_101_id));
  dialog = wait_for_reassign_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "Room 101"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 assets"));
  /* Not into itself. */
  g_assert_cmpuint (choice_position (dialog, "No location"), ==, 0);
  stw_reassign_dialog_select (dialog, choice_position (dialog, "Berlin › Main Office › Room 102"));
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "delete"));
  stw_test_wait_for_no_toplevel (STW_TYPE_REASSIGN_DIALOG);

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 102");
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "“Room 101” deleted");
  g_assert_cmpint (stw_location_repo_count_children (fixture->test_db->db, fixture->office_id),
                   ==, 1);
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[0]), ==, fixture->room_102_id);
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[1]), ==, fixture->room_102_id);
  stw_test_flush ();
  g_assert_finalize_object (dialog);

  /* Undo brings the room back, with its assets in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[0]), ==, fixture->room_101_id);
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[1]), ==, fixture->room_101_id);
}

static void
test_delete_clears (Fixture       *fixture,
                    gconstpointer  data)
{
  StwReassignDialog *dialog;

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->room_101_id));
  dialog = wait_for_reassign_dialog ();

  /* Cancelling deletes nothing. */
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  stw_test_wait_for_no_toplevel (STW_TYPE_REASSIGN_DIALOG);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (n_stored_locations (fixture), ==, 4);
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[0]), ==, fixture->room_101_id);

  /* “No location” leaves the assets nowhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->room_101_id));
  dialog = wait_for_reassign_dialog ();
  stw_reassign_dialog_select (dialog, choice_position (dialog, "No location"));
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "delete"));
  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 102");
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[0]), ==, 0);
  g_assert_cmpint (stored_location_of (fixture, fixture->asset_ids[1]), ==, 0);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
}

static void
test_delete_with_children_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *undo = g_strdup (stw_database_get_undo_description (fixture->test_db->db));

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");

  /* The building holds no asset itself, but rooms. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->office_id));
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "contains 2 other locations");
  stw_test_flush ();

  g_assert_null (stw_test_find_toplevel (STW_TYPE_REASSIGN_DIALOG));
  g_assert_cmpuint (n_stored_locations (fixture), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (stw_locations_view_get_model (fixture->view)), ==, 4);
  /* Nothing happened, so there is nothing new to undo. */
  g_assert_cmpstr (stw_database_get_undo_description (fixture->test_db->db), ==, undo);
}

static void
test_delete_empty_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(StwLocation) restored = NULL;

  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");

  /* Nothing is in Room 102: no question, a toast with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->room_102_id));
  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101");
  g_assert_null (stw_test_find_toplevel (STW_TYPE_REASSIGN_DIALOG));
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "“Room 102” deleted");
  g_assert_nonnull (stw_test_find_button (GTK_WIDGET (fixture->window), "_Undo"));
  g_assert_cmpuint (n_stored_locations (fixture), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_paths (fixture, "Berlin | Berlin › Main Office | Berlin › Main Office › Room 101 | "
                           "Berlin › Main Office › Room 102");
  restored = stw_location_repo_load (fixture->test_db->db, fixture->room_102_id, NULL);
  g_assert_nonnull (restored);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, with_tree, func) \
  g_test_add ("/steward/ui/locations-view/" path, Fixture, GINT_TO_POINTER (with_tree), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("add-tree", FALSE, test_add_tree);
  ADD ("dialog-refuses", FALSE, test_dialog_refuses);
  ADD ("rename", TRUE, test_rename);
  ADD ("delete-reassigns", TRUE, test_delete_reassigns);
  ADD ("delete-clears", TRUE, test_delete_clears);
  ADD ("delete-with-children-refused", TRUE, test_delete_with_children_refused);
  ADD ("delete-empty-undo", TRUE, test_delete_empty_undo);

#undef ADD

  return g_test_run ();
}
