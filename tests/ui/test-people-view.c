/* test-people-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "core/stw-person.h"
#include "store/stw-asset-repo.h"
#include "store/stw-person-repo.h"
#include "ui/stw-people-view.h"
#include "ui/stw-person-dialog.h"
#include "ui/stw-reassign-dialog.h"
#include "ui/stw-window.h"

typedef struct
{
  StwTestDb     *test_db;
  StwWindow     *window;
  StwPeopleView *view;
  gint64         anna_id;
  gint64         ben_id;
  gint64         asset_ids[3];
} Fixture;

static gint64
add_person (StwDatabase *db,
            const char  *name,
            const char  *email)
{
  g_autoptr(StwPerson) person = stw_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_person_set_name (person, name);
  stw_person_set_email (person, email);
  stw_person_set_department (person, "IT");
  id = stw_person_repo_save_sync (db, person, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_asset (StwDatabase *db,
           const char  *tag,
           gint64       person_id)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_asset_set_name (asset, "Laptop");
  stw_asset_set_tag (asset, tag);
  stw_asset_set_category (asset, STW_ASSET_CATEGORY_LAPTOP);
  stw_asset_set_status (asset, STW_ASSET_STATUS_DEPLOYED);
  stw_asset_set_person (asset, person_id, NULL);
  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_people = GPOINTER_TO_INT (data);
  StwDatabase *db;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;

  if (with_people)
    {
      fixture->anna_id = add_person (db, "Anna Schmidt", "anna@example.org");
      fixture->ben_id = add_person (db, "Ben Okafor", NULL);
      fixture->asset_ids[0] = add_asset (db, "LT-0001", fixture->anna_id);
      fixture->asset_ids[1] = add_asset (db, "LT-0002", fixture->anna_id);
      fixture->asset_ids[2] = add_asset (db, "LT-0003", fixture->ben_id);
    }

  fixture->window = g_object_ref (stw_window_new (NULL, db));
  stw_window_show_view (fixture->window, "people");
  fixture->view = STW_PEOPLE_VIEW (stw_window_get_view (fixture->window, "people"));
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

static char *
shown_names (Fixture *fixture)
{
  GListModel *model = stw_people_view_get_model (fixture->view);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? " | " : "", stw_person_get_name (person));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *names;
} NamesCondition;

static gboolean
shows_names (gpointer data)
{
  NamesCondition *condition = data;
  g_autofree char *names = shown_names (condition->fixture);

  return g_strcmp0 (names, condition->names) == 0;
}

static void
wait_for_names (Fixture    *fixture,
                const char *names)
{
  NamesCondition condition = { fixture, names };
  g_autofree char *what = g_strdup_printf ("the list to read “%s”", names);

  stw_test_wait_for (shows_names, &condition, what);
}

static StwPersonDialog *
open_dialog (Fixture    *fixture,
             const char *action,
             gint64      id)
{
  GtkWindow *dialog;

  g_assert_null (stw_test_find_toplevel (STW_TYPE_PERSON_DIALOG));
  if (id != 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, "x", id));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));

  dialog = stw_test_wait_for_toplevel (STW_TYPE_PERSON_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));

  return g_object_ref (STW_PERSON_DIALOG (dialog));
}

static gboolean
can_save (StwPersonDialog *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save");
}

static void
type_into (StwPersonDialog *dialog,
           const char      *field,
           const char      *text)
{
  gtk_editable_set_text (stw_person_dialog_get_field (dialog, field), text);
}

static void
save_dialog (StwPersonDialog *dialog)
{
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  stw_test_wait_for_no_toplevel (STW_TYPE_PERSON_DIALOG);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
}

static gint64
stored_person_of (Fixture *fixture,
                  gint64   asset_id)
{
  g_autoptr(StwAsset) asset = stw_asset_repo_load (fixture->test_db->db, asset_id, NULL);

  g_assert_nonnull (asset);
  return stw_asset_get_person_id (asset);
}

static guint
n_stored_people (Fixture *fixture)
{
  g_autoptr(GListModel) people = stw_person_repo_list (fixture->test_db->db, NULL);

  return g_list_model_get_n_items (people);
}

/* ------------------------------------------------------------------------ */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(StwPerson) stored = NULL;
  StwPersonDialog *dialog;
  GtkWidget *email_row;

  dialog = open_dialog (fixture, "view.add", 0);
  email_row = GTK_WIDGET (stw_person_dialog_get_field (dialog, "email"));
  g_assert_false (can_save (dialog));

  type_into (dialog, "name", "Zoë Ångström");
  g_assert_true (can_save (dialog));

  /* Not an address: marked, said, and Save stays off. */
  type_into (dialog, "email", "zoe@");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_nonnull (strstr (stw_person_dialog_get_error (dialog), "not an email address"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (dialog), "not an email address"));
  g_assert_false (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_into (dialog, "email", "zoe angstrom@example.org");
  g_assert_false (can_save (dialog));

  type_into (dialog, "email", "zoe@example.org");
  type_into (dialog, "department", "Facilities");
  g_assert_true (can_save (dialog));
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_null (stw_person_dialog_get_error (dialog));
  save_dialog (dialog);

  wait_for_names (fixture, "Zoë Ångström");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->view), "Zoë Ångström"));
  people = stw_person_repo_list (fixture->test_db->db, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  stored = g_list_model_get_item (people, 0);
  g_assert_cmpstr (stw_person_get_email (stored), ==, "zoe@example.org");
  g_assert_cmpstr (stw_person_get_department (stored), ==, "Facilities");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StwPerson) stored = NULL;
  StwPersonDialog *dialog;

  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");

  dialog = open_dialog (fixture, "view.edit", fixture->anna_id);
  g_assert_cmpstr (gtk_editable_get_text (stw_person_dialog_get_field (dialog, "name")), ==,
                   "Anna Schmidt");
  g_assert_cmpstr (gtk_editable_get_text (stw_person_dialog_get_field (dialog, "email")), ==,
                   "anna@example.org");
  g_assert_true (can_save (dialog));

  type_into (dialog, "email", "anna.example.org");
  g_assert_false (can_save (dialog));
  type_into (dialog, "name", "Anna Meyer");
  g_assert_false (can_save (dialog));
  type_into (dialog, "email", "anna.meyer@example.org");
  g_assert_true (can_save (dialog));
  save_dialog (dialog);

  /* Sorted by name again. */
  wait_for_names (fixture, "Anna Meyer | Ben Okafor");
  stored = stw_person_repo_load (fixture->test_db->db, fixture->anna_id, NULL);
  g_assert_cmpstr (stw_person_get_name (stored), ==, "Anna Meyer");
  g_assert_cmpstr (stw_person_get_email (stored), ==, "anna.meyer@example.org");
  /* The department was not touched and is kept. */
  g_assert_cmpstr (stw_person_get_department (stored), ==, "IT");
}

static void
test_edit_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StwPerson) stored = NULL;
  StwPersonDialog *dialog;

  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");
  dialog = open_dialog (fixture, "view.edit", fixture->ben_id);
  type_into (dialog, "name", "Benjamin Okafor");
  gtk_window_close (GTK_WINDOW (dialog));
  stw_test_wait_for_no_toplevel (STW_TYPE_PERSON_DIALOG);
  stw_test_flush ();
  g_assert_finalize_object (dialog);

  stored = stw_person_repo_load (fixture->test_db->db, fixture->ben_id, NULL);
  g_assert_cmpstr (stw_person_get_name (stored), ==, "Ben Okafor");
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

static void
test_delete_to_nobody (Fixture       *fixture,
                       gconstpointer  data)
{
  StwReassignDialog *dialog;

  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->anna_id));
  dialog = wait_for_reassign_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "Anna Schmidt"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 assets"));
  /* Anyone but her, or nobody. */
  choice_position (dialog, "Ben Okafor");
  stw_reassign_dialog_select (dialog, choice_position (dialog, "Ben Okafor"));
  stw_reassign_dialog_select (dialog, choice_position (dialog, "Nobody"));
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "delete"));

  wait_for_names (fixture, "Ben Okafor");
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "“Anna Schmidt” deleted");
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[0]), ==, 0);
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[1]), ==, 0);
  /* Ben's are his still. */
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[2]), ==, fixture->ben_id);
  stw_test_flush ();
  g_assert_finalize_object (dialog);

  /* Undo: Anna is back, and has her laptops again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[0]), ==, fixture->anna_id);
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[1]), ==, fixture->anna_id);
}

static void
test_delete_to_other (Fixture       *fixture,
                      gconstpointer  data)
{
  StwReassignDialog *dialog;

  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             fixture->ben_id));
  dialog = wait_for_reassign_dialog ();
  stw_reassign_dialog_select (dialog, choice_position (dialog, "Anna Schmidt"));
  g_assert_true (stw_test_click_response (ADW_MESSAGE_DIALOG (dialog), "delete"));

  wait_for_names (fixture, "Anna Schmidt");
  g_assert_cmpint (stored_person_of (fixture, fixture->asset_ids[2]), ==, fixture->anna_id);
  g_assert_cmpuint (n_stored_people (fixture), ==, 1);
  stw_test_flush ();
  g_assert_finalize_object (dialog);
}

static void
test_delete_without_assets (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 carla_id;

  carla_id = add_person (fixture->test_db->db, "Carla Rossi", NULL);
  wait_for_names (fixture, "Anna Schmidt | Ben Okafor | Carla Rossi");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x",
                                             carla_id));
  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");
  g_assert_null (stw_test_find_toplevel (STW_TYPE_REASSIGN_DIALOG));
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "“Carla Rossi” deleted");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_names (fixture, "Anna Schmidt | Ben Okafor | Carla Rossi");
  g_assert_cmpuint (n_stored_people (fixture), ==, 3);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Out of sight the list is not refreshed (counting every asset after
 * each edit); it is when shown again. */
static void
test_refresh_when_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *names = NULL;

  wait_for_names (fixture, "Anna Schmidt | Ben Okafor");

  stw_window_show_view (fixture->window, "assets");
  stw_test_wait_for (is_unmapped, fixture->view, "the people view to be out of sight");
  add_person (fixture->test_db->db, "Carla Rossi", NULL);
  stw_test_flush ();
  names = shown_names (fixture);
  g_assert_cmpstr (names, ==, "Anna Schmidt | Ben Okafor");

  stw_window_show_view (fixture->window, "people");
  wait_for_names (fixture, "Anna Schmidt | Ben Okafor | Carla Rossi");
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, with_people, func) \
  g_test_add ("/steward/ui/people-view/" path, Fixture, GINT_TO_POINTER (with_people), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("add", FALSE, test_add);
  ADD ("edit", TRUE, test_edit);
  ADD ("edit-cancel", TRUE, test_edit_cancel);
  ADD ("delete-to-nobody", TRUE, test_delete_to_nobody);
  ADD ("delete-to-other", TRUE, test_delete_to_other);
  ADD ("delete-without-assets", TRUE, test_delete_without_assets);
  ADD ("refresh-when-shown", TRUE, test_refresh_when_shown);

#undef ADD

  return g_test_run ();
}
