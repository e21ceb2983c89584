/* test-ticket-detail.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-asset.h"
#include "core/stw-person.h"
#include "core/stw-ticket.h"
#include "store/stw-asset-repo.h"
#include "store/stw-database-private.h"
#include "store/stw-person-repo.h"
#include "store/stw-ticket-repo.h"
#include "ui/stw-dnd.h"
#include "ui/stw-ticket-assets.h"
#include "ui/stw-ticket-detail.h"
#include "ui/stw-ticket-timeline-view.h"

/* The ticket's detail as a person meets it: in a window with a toast
 * overlay, showing one ticket that is being worked on. */

typedef struct
{
  StwTestDb       *test_db;
  GtkWindow       *window;
  StwTicketDetail *detail;
  gint64           anna_id;
  gint64           ben_id;
  gint64           laptop_id;
  gint64           dock_id;
  gint64           ticket_id;
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
  id = stw_asset_repo_save_sync (db, asset, STW_ASSET_FIELDS_ALL, &error);
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  StwDatabase *db;

  fixture->test_db = stw_test_db_new ();
  db = fixture->test_db->db;

  fixture->anna_id = add_person (db, "Anna Schmidt");
  fixture->ben_id = add_person (db, "Ben Okafor");
  fixture->laptop_id = add_asset (db, "Laptop Anna", "LT-0042");
  fixture->dock_id = add_asset (db, "Docking Station", "DK-0007");

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Laptop does not boot");
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, "Black screen since Monday.");
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID, fixture->anna_id);
  fixture->ticket_id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_IN_PROGRESS);
  stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 700, 900);
  fixture->detail = STW_TICKET_DETAIL (stw_ticket_detail_new (db));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->detail));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);

  g_object_set (fixture->detail, "ticket-id", fixture->ticket_id, NULL);
  stw_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer detail = fixture->detail;

  g_object_add_weak_pointer (G_OBJECT (detail), &detail);
  gtk_window_destroy (fixture->window);
  stw_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_null (detail);
  stw_test_flush ();
  stw_test_db_free (fixture->test_db);
}

/* ------------------------------------------------------------------------ */

static StwTicket *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StwTicket *ticket = stw_ticket_repo_load (fixture->test_db->db, fixture->ticket_id, &error);

  g_assert_no_error (error);
  return ticket;
}

static gint64
stored_value (Fixture        *fixture,
              StwTicketValue  value)
{
  g_autoptr(StwTicket) ticket = stored (fixture);

  return stw_ticket_get_value (ticket, value);
}

static char *
stored_text (Fixture       *fixture,
             StwTicketText  text)
{
  g_autoptr(StwTicket) ticket = stored (fixture);

  return g_strdup (stw_ticket_get_text (ticket, text));
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

static GtkWidget *
row (Fixture    *fixture,
     GType       type,
     const char *title)
{
  GtkWidget *found = stw_test_find_widget (GTK_WIDGET (fixture->detail), type, title);

  if (found == NULL)
    g_error ("No row “%s”", title);
  return found;
}

static gboolean
detail_saved (gpointer data)
{
  return !stw_ticket_detail_is_saving (STW_TICKET_DETAIL (data));
}

static void
wait_saved (Fixture *fixture)
{
  stw_test_wait_for (detail_saved, fixture->detail, "the detail to save");
  stw_test_flush ();
}

/* The label of what @combo shows. */
static const char *
combo_text (GtkWidget *combo)
{
  gpointer item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Chooses the item labelled @label, as a person would in the list. */
static void
choose (GtkWidget  *combo,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *text = GTK_IS_STRING_OBJECT (item)
                         ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                         : stw_person_get_name (STW_PERSON (item));

      if (g_strcmp0 (text, label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }

  g_error ("“%s” is not offered", label);
}

static gboolean
offers (GtkWidget  *combo,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return TRUE;
    }

  return FALSE;
}

static StwTicketTimelineView *
timeline (Fixture *fixture)
{
  return STW_TICKET_TIMELINE_VIEW (stw_test_find_widget (GTK_WIDGET (fixture->detail),
                                                         STW_TYPE_TICKET_TIMELINE_VIEW, NULL));
}

static StwTicketAssets *
assets (Fixture *fixture)
{
  return STW_TICKET_ASSETS (stw_test_find_widget (GTK_WIDGET (fixture->detail),
                                                  STW_TYPE_TICKET_ASSETS, NULL));
}

/* Whether a row of @list shows @text in any of its labels or titles. */
static gboolean
list_shows (GtkListBox *list,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0)
        return TRUE;
      if (GTK_IS_LIST_BOX_ROW (child) && stw_test_find_label (child, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
timeline_shows (Fixture    *fixture,
                const char *text)
{
  return list_shows (stw_ticket_timeline_view_get_list (timeline (fixture)), text);
}

static GtkDropTarget *
drop_target (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->detail));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_error ("The detail takes no drops");
}

/* Drops records on the detail as a drag from another view would. */
static gboolean
drop (Fixture      *fixture,
      StwEntity     entity,
      const gint64 *ids,
      guint         n_ids)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, STW_TYPE_DRAG_IDS);
  g_value_take_boxed (&value, stw_drag_ids_new (entity, ids, n_ids));
  g_signal_emit_by_name (drop_target (fixture), "drop", &value, 20.0, 20.0, &accepted);
  stw_test_flush ();

  return accepted;
}

static GArray *
linked (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = stw_ticket_repo_list_asset_ids (fixture->test_db->db, fixture->ticket_id, &error);

  g_assert_no_error (error);
  return ids;
}

/* ------------------------------------------------------------------------ */

static void
test_shows_ticket (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkWidget *status = row (fixture, ADW_TYPE_COMBO_ROW, "Status");
  g_autofree char *heading = g_strdup_printf ("Incident #%" G_GINT64_FORMAT, fixture->ticket_id);

  g_assert_cmpint (stw_ticket_detail_get_ticket_id (fixture->detail), ==, fixture->ticket_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW,
                                                             "Title"))),
                   ==, "Laptop does not boot");
  g_assert_nonnull (stw_test_find_label (detail, heading));
  g_assert_cmpstr (combo_text (status), ==, "In Progress");
  g_assert_cmpstr (combo_text (row (fixture, ADW_TYPE_COMBO_ROW, "Impact")), ==, "Medium");
  g_assert_nonnull (stw_test_find_label (detail, "P3 – Medium"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture,
                                                                     ADW_TYPE_ACTION_ROW,
                                                                     "Type"))),
                   ==, "Incident");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (fixture, ADW_TYPE_COMBO_ROW,
                                                                    "Requester"))),
                    >, 0);

  /* Only where the lifecycle goes from here, and where it is. */
  g_assert_true (offers (status, "Pending"));
  g_assert_true (offers (status, "Resolved"));
  g_assert_true (offers (status, "Assigned"));
  g_assert_false (offers (status, "New"));
  g_assert_false (offers (status, "Closed"));

  /* The service level: the first response was the move to In Progress,
   * in time; the resolution clock runs. Words, not colour alone. */
  g_assert_nonnull (stw_test_find_label (detail, "Met"));
  g_assert_nonnull (stw_test_find_label (detail, "On Time"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture,
                                                                              ADW_TYPE_ACTION_ROW,
                                                                              "Resolution"))),
                            "left"));

  g_assert_true (timeline_shows (fixture, "Ticket opened"));
  g_assert_true (timeline_shows (fixture, "Status: New → In Progress"));

  /* 0 shows nothing. */
  stw_ticket_detail_set_ticket_id (fixture->detail, 0);
  g_assert_null (stw_test_find_label (detail, "Laptop does not boot"));
  g_assert_null (stw_test_find_label (detail, heading));
}

static void
test_edit_saved (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *title = row (fixture, ADW_TYPE_ENTRY_ROW, "Title");
  g_autofree char *text = NULL;
  gint64 batches = query_int (fixture, "SELECT count(*) FROM batches");

  gtk_editable_set_text (GTK_EDITABLE (title), "Laptop does not boot after update");

  /* Saved after the typing pause, as one journaled, undoable edit. */
  text = stored_text (fixture, STW_TICKET_TEXT_TITLE);
  g_assert_cmpstr (text, ==, "Laptop does not boot");
  wait_saved (fixture);
  g_free (text);
  text = stored_text (fixture, STW_TICKET_TEXT_TITLE);
  g_assert_cmpstr (text, ==, "Laptop does not boot after update");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, batches + 1);
  g_assert_true (timeline_shows (fixture, "Title: Laptop does not boot → "
                                          "Laptop does not boot after update"));

  /* A choice is saved at once; the priority follows impact and urgency. */
  choose (row (fixture, ADW_TYPE_COMBO_ROW, "Impact"), "High");
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_IMPACT), ==, STW_LEVEL_HIGH);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PRIORITY), ==, 2);
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->detail), "P2 – High"));

  choose (row (fixture, ADW_TYPE_COMBO_ROW, "Assignee"), "Ben Okafor");
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_ASSIGNEE_ID), ==, fixture->ben_id);

  gtk_editable_set_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW, "Queue")),
                         " Service Desk ");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW, "Due")),
                         "2099-12-31 17:00");
  stw_ticket_detail_save_now (fixture->detail);
  g_free (text);
  text = stored_text (fixture, STW_TICKET_TEXT_QUEUE);
  g_assert_cmpstr (text, ==, "Service Desk");
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_DUE), >, 0);

  /* Undo takes the last edit back, and the detail shows it. */
  g_assert_true (stw_database_undo_sync (fixture->test_db->db, NULL));
  stw_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW,
                                                             "Queue"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW,
                                                             "Due"))), ==, "");
}

static void
test_refused_status (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *status = row (fixture, ADW_TYPE_COMBO_ROW, "Status");
  g_autoptr(StwDatabase) other = NULL;
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;

  /* Another Steward on the same file resolves the ticket; this one has
   * not heard of it and still offers “Pending”. */
  other = stw_database_open (fixture->test_db->path, &error);
  g_assert_no_error (error);
  ticket = stw_ticket_repo_load (other, fixture->ticket_id, &error);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_RESOLVED);
  stw_ticket_repo_save_sync (other, ticket, &error);
  g_assert_no_error (error);
  g_assert_true (offers (status, "Pending"));

  choose (status, "Pending");
  wait_saved (fixture);

  /* The store's reason is shown, and what it keeps is what is shown. */
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->detail),
                                         "Cannot move from “Resolved” to “Pending”"));
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "can go from there to");
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_STATUS), ==,
                   STW_TICKET_STATUS_RESOLVED);
  g_assert_cmpstr (combo_text (status), ==, "Resolved");
  g_assert_true (offers (status, "Closed"));
  g_assert_false (offers (status, "Pending"));
  g_assert_true (gtk_widget_has_css_class (status, "error"));

  stw_test_wait_finalized (g_steal_pointer (&other));
}

static void
test_refused_values (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *due = row (fixture, ADW_TYPE_ENTRY_ROW, "Due");
  GtkWidget *title = row (fixture, ADW_TYPE_ENTRY_ROW, "Title");
  GtkWidget *reason = row (fixture, ADW_TYPE_ENTRY_ROW, "Reason");
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  g_autofree char *text = NULL;

  /* A due time before the ticket was opened, and a date that is none. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2001-01-01 10:00");
  g_assert_nonnull (stw_test_find_label (detail, "The due time is before the ticket was opened."));
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-02-30");
  g_assert_nonnull (stw_test_find_label (detail, "is not a time"));
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_DUE), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-02-30");

  /* An empty title. */
  gtk_editable_set_text (GTK_EDITABLE (title), "   ");
  g_assert_nonnull (stw_test_find_label (detail, "Title cannot be empty."));
  wait_saved (fixture);
  text = stored_text (fixture, STW_TICKET_TEXT_TITLE);
  g_assert_cmpstr (text, ==, "Laptop does not boot");

  /* A priority set by hand needs a reason; with one, it is saved. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row (fixture, ADW_TYPE_EXPANDER_ROW,
                                                                "Override Priority")),
                                         TRUE);
  choose (row (fixture, ADW_TYPE_COMBO_ROW, "Set Priority"), "P1 – Critical");
  wait_saved (fixture);
  g_assert_nonnull (stw_test_find_label (detail, "Say why this ticket is P1 instead."));
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PRIORITY), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (reason), "The CEO's laptop");
  g_assert_false (gtk_widget_has_css_class (reason, "error"));
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PRIORITY), ==, 1);
  g_free (text);
  text = stored_text (fixture, STW_TICKET_TEXT_PRIORITY_REASON);
  g_assert_cmpstr (text, ==, "The CEO's laptop");
  g_assert_nonnull (stw_test_find_label (detail, "P1 – Critical"));
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  StwTicketTimelineView *view = timeline (fixture);
  GtkTextView *composer = GTK_TEXT_VIEW (stw_test_find_widget (GTK_WIDGET (view),
                                                               GTK_TYPE_TEXT_VIEW, NULL));
  GtkDropDown *kind = GTK_DROP_DOWN (stw_test_find_widget (GTK_WIDGET (view),
                                                           GTK_TYPE_DROP_DOWN, NULL));
  GtkSpinButton *minutes = GTK_SPIN_BUTTON (stw_test_find_widget (GTK_WIDGET (view),
                                                                  GTK_TYPE_SPIN_BUTTON, NULL));
  GtkWidget *add = stw_test_find_button (GTK_WIDGET (view), "_Add");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (composer);
  g_autofree char *text = NULL;

  g_assert_nonnull (add);
  g_assert_false (timeline_shows (fixture, "We are on it."));

  /* A public comment. */
  gtk_text_buffer_set_text (buffer, "We are on it.", -1);
  g_signal_emit_by_name (add, "clicked");
  stw_test_flush ();
  g_assert_true (timeline_shows (fixture, "We are on it."));
  g_assert_true (timeline_shows (fixture, "Public comment"));
  g_assert_cmpint (stw_ticket_repo_count_entries (fixture->test_db->db, fixture->ticket_id), ==,
                   1);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "");

  /* Work needs the time spent; the composer says so and keeps the text. */
  gtk_drop_down_set_selected (kind, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (minutes)));
  gtk_text_buffer_set_text (buffer, "Replaced the SSD.", -1);
  g_signal_emit_by_name (add, "clicked");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (view), "needs the time spent"));
  g_assert_false (timeline_shows (fixture, "Replaced the SSD."));

  gtk_spin_button_set_value (minutes, 45);
  g_signal_emit_by_name (add, "clicked");
  stw_test_flush ();
  g_assert_true (timeline_shows (fixture, "Replaced the SSD."));
  g_assert_true (timeline_shows (fixture, "Work logged: 45 min"));
  g_assert_null (stw_test_find_label (GTK_WIDGET (view), "needs the time spent"));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (view)), ==,
                   "Time worked: 45 min");

  /* An empty entry is refused where it was typed. */
  gtk_drop_down_set_selected (kind, 1);
  g_signal_emit_by_name (add, "clicked");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (view), "Write something first."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (composer), "error"));
  g_assert_cmpint (stw_ticket_repo_count_entries (fixture->test_db->db, fixture->ticket_id), ==,
                   2);
}

static void
test_link_by_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkListBox *list = stw_ticket_assets_get_list (assets (fixture));
  gint64 ids[] = { fixture->laptop_id, fixture->dock_id };
  gint64 batches = query_int (fixture, "SELECT count(*) FROM batches");
  g_autoptr(GArray) after_drop = NULL;
  g_autoptr(GArray) after_unlink = NULL;

  /* Records that are not assets are not taken. */
  g_assert_false (drop (fixture, STW_ENTITY_PERSON, &fixture->anna_id, 1));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, batches);

  /* Two assets: both linked, in one undo step, and said so. */
  g_assert_true (drop (fixture, STW_ENTITY_ASSET, ids, G_N_ELEMENTS (ids)));
  after_drop = linked (fixture);
  g_assert_cmpuint (after_drop->len, ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM batches"), ==, batches + 1);
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "Linked 2 assets");
  g_assert_true (list_shows (list, "Laptop Anna"));
  g_assert_true (list_shows (list, "Docking Station"));
  g_assert_true (timeline_shows (fixture, "Linked LT-0042 · Laptop Anna"));

  /* The unlink action of a row unlinks that asset. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assets (fixture)), "ticket.unlink-asset",
                                             "x", fixture->laptop_id));
  stw_test_flush ();
  after_unlink = linked (fixture);
  g_assert_cmpuint (after_unlink->len, ==, 1);
  g_assert_cmpint (g_array_index (after_unlink, gint64, 0), ==, fixture->dock_id);
  g_assert_false (list_shows (list, "Laptop Anna"));
  g_assert_true (timeline_shows (fixture, "Unlinked LT-0042 · Laptop Anna"));
}

static void
test_unlink_button (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkListBox *list = stw_ticket_assets_get_list (assets (fixture));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *button;

  g_assert_true (stw_ticket_repo_link_asset_sync (fixture->test_db->db, fixture->ticket_id,
                                                  fixture->dock_id, &error));
  stw_test_flush ();
  g_assert_true (list_shows (list, "Docking Station"));

  /* Clicked as a person would, found by its row. */
  button = stw_test_find_widget (GTK_WIDGET (list), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  stw_test_flush ();

  ids = linked (fixture);
  g_assert_cmpuint (ids->len, ==, 0);
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "Unlinked “DK-0007 · Docking Station”");
}

static gboolean
has_results (gpointer data)
{
  GtkWidget *results = data;

  return gtk_widget_get_first_child (results) != NULL;
}

static void
test_link_by_search (Fixture       *fixture,
                     gconstpointer  data)
{
  StwTicketAssets *group = assets (fixture);
  GtkMenuButton *button = GTK_MENU_BUTTON (stw_test_find_widget (GTK_WIDGET (group),
                                                                 GTK_TYPE_MENU_BUTTON, NULL));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *entry = stw_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *results = stw_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL);
  g_autoptr(GArray) ids = NULL;

  /* The keyboard's way: type, Enter. (Not popped up: popovers on the
   * test's X server have no monitor to place them on.) */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "DK-0007");
  stw_test_wait_for (has_results, results, "assets found");
  g_signal_emit_by_name (entry, "activate");
  stw_test_flush ();

  ids = linked (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->dock_id);
  g_assert_true (list_shows (stw_ticket_assets_get_list (group), "Docking Station"));
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "Linked “DK-0007 · Docking Station”");
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StwTicket) ticket = stored (fixture);
  g_autoptr(GError) error = NULL;

  /* Saved elsewhere (the board, another view): shown here at once. */
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, "Laptop boots again");
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, STW_TICKET_STATUS_PENDING);
  stw_ticket_repo_save_sync (fixture->test_db->db, ticket, &error);
  g_assert_no_error (error);
  stw_test_flush ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, ADW_TYPE_ENTRY_ROW,
                                                             "Title"))),
                   ==, "Laptop boots again");
  g_assert_cmpstr (combo_text (row (fixture, ADW_TYPE_COMBO_ROW, "Status")), ==, "Pending");
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->detail), "Paused"));

  /* Deleted elsewhere: nothing left to show. */
  g_assert_true (stw_ticket_repo_delete_sync (fixture->test_db->db, fixture->ticket_id, &error));
  stw_test_flush ();
  g_assert_null (stw_test_find_label (GTK_WIDGET (fixture->detail), "Laptop boots again"));
}

static gint64
add_ticket (StwDatabase   *db,
            StwTicketType  type,
            const char    *title)
{
  g_autoptr(StwTicket) ticket = stw_ticket_new (type);
  g_autoptr(GError) error = NULL;
  gint64 id;

  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, title);
  id = stw_ticket_repo_save_sync (db, ticket, &error);
  g_assert_no_error (error);
  return id;
}

/* The problem and the parent by number; the store's rules on the field. */
static void
test_related (Fixture       *fixture,
              gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkWidget *problem_row = row (fixture, ADW_TYPE_ENTRY_ROW, "Problem");
  GtkWidget *parent_row = row (fixture, ADW_TYPE_ENTRY_ROW, "Part Of");
  g_autofree char *number = NULL;
  gint64 problem, request, child;

  problem = add_ticket (db, STW_TICKET_TYPE_PROBLEM, "Laptops of one batch fail to boot");
  request = add_ticket (db, STW_TICKET_TYPE_REQUEST, "New laptop for Anna");
  child = add_ticket (db, STW_TICKET_TYPE_REQUEST, "Copy Anna's files");

  /* Not a number: said on the field, nothing stored. */
  gtk_editable_set_text (GTK_EDITABLE (problem_row), "the batch one");
  g_assert_nonnull (stw_test_find_label (detail, "is not a ticket number"));
  g_assert_true (gtk_widget_has_css_class (problem_row, "error"));
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PROBLEM_ID), ==, 0);

  /* Not a problem: the store refuses, and says why. */
  number = g_strdup_printf ("#%" G_GINT64_FORMAT, request);
  gtk_editable_set_text (GTK_EDITABLE (problem_row), number);
  wait_saved (fixture);
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "is not a problem");
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PROBLEM_ID), ==, 0);

  /* The problem: stored. */
  g_free (number);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, problem);
  gtk_editable_set_text (GTK_EDITABLE (problem_row), number);
  wait_saved (fixture);
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PROBLEM_ID), ==, problem);

  /* A part of this ticket, made elsewhere, is listed and opens. */
  {
    g_autoptr(StwTicket) part = stw_ticket_repo_load (db, child, NULL);
    g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT " Copy Anna's files", child);

    stw_ticket_set_value (part, STW_TICKET_VALUE_PARENT_ID, fixture->ticket_id);
    g_assert_cmpint (stw_ticket_repo_save_sync (db, part, NULL), ==, child);
    stw_test_flush ();
    g_assert_nonnull (stw_test_find_widget (detail, ADW_TYPE_ACTION_ROW, title));
    g_assert_cmpstr (gtk_actionable_get_action_name (
                       GTK_ACTIONABLE (stw_test_find_widget (detail, ADW_TYPE_ACTION_ROW, title))),
                     ==, "win.show-ticket");
  }

  /* …and cannot be its parent too: a loop. */
  g_free (number);
  number = g_strdup_printf ("#%" G_GINT64_FORMAT, child);
  gtk_editable_set_text (GTK_EDITABLE (parent_row), number);
  wait_saved (fixture);
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), "part of this ticket already");
  g_assert_cmpint (stored_value (fixture, STW_TICKET_VALUE_PARENT_ID), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/ticket-detail/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("shows-ticket", test_shows_ticket);
  ADD ("edit-saved", test_edit_saved);
  ADD ("refused-status", test_refused_status);
  ADD ("refused-values", test_refused_values);
  ADD ("timeline", test_timeline);
  ADD ("link-by-drop", test_link_by_drop);
  ADD ("unlink-button", test_unlink_button);
  ADD ("link-by-search", test_link_by_search);
  ADD ("follows-changes", test_follows_changes);
  ADD ("related", test_related);

#undef ADD

  return g_test_run ();
}
