/* test-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "core/stw-person.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"
#include "ui/stw-preferences-window.h"
#include "ui/stw-sla-page.h"

/* The settings are the memory backend the test environment sets, shared
 * by the whole run: every test starts from the defaults. */

typedef struct
{
  GSettings            *settings;
  StwPreferencesWindow *window;
  GtkWidget            *currency_row;
  AdwComboRow          *style_row;
  guint                 n_changes;
} Fixture;

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     Fixture    *fixture)
{
  fixture->n_changes++;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (stw_preferences_window_new (fixture->settings, NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  stw_test_flush ();

  /* Found by their titles, as a person finds them. */
  fixture->currency_row = stw_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ENTRY_ROW,
                                                "Default Currency");
  fixture->style_row = ADW_COMBO_ROW (stw_test_find_widget (GTK_WIDGET (fixture->window),
                                                            ADW_TYPE_COMBO_ROW, "Style"));
  g_assert_nonnull (fixture->currency_row);
  g_assert_nonnull (fixture->style_row);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "default-currency");
  g_settings_reset (fixture->settings, "color-scheme");
  g_signal_connect (fixture->settings, "changed", G_CALLBACK (settings_changed_cb), fixture);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  g_signal_handlers_disconnect_by_data (fixture->settings, fixture);
  g_settings_reset (fixture->settings, "default-currency");
  g_settings_reset (fixture->settings, "color-scheme");
  g_assert_finalize_object (fixture->settings);
}

static char *
setting (Fixture    *fixture,
         const char *key)
{
  return g_settings_get_string (fixture->settings, key);
}

/* ------------------------------------------------------------------------ */

static void
test_shows_settings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "EUR");
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->style_row), ==, 0);
  /* Showing them wrote nothing back. */
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  close_window (fixture);
  g_settings_set_string (fixture->settings, "default-currency", "JPY");
  g_settings_set_string (fixture->settings, "color-scheme", "light");
  fixture->n_changes = 0;
  open_window (fixture);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "JPY");
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->style_row), ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

static void
test_currency (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *currency = NULL;

  /* Not a code: marked, and the setting keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "eu");
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (fixture->currency_row, "error"));
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  /* Nor is nothing. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "");
  g_clear_pointer (&currency, g_free);
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (fixture->currency_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "USD");
  g_clear_pointer (&currency, g_free);
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_false (gtk_widget_has_css_class (fixture->currency_row, "error"));

  /* And it is what the window shows the next time. */
  close_window (fixture);
  open_window (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "USD");
  g_assert_false (gtk_widget_has_css_class (fixture->currency_row, "error"));
}

static void
test_style (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *scheme = NULL;

  adw_combo_row_set_selected (fixture->style_row, 2);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");

  adw_combo_row_set_selected (fixture->style_row, 1);
  g_clear_pointer (&scheme, g_free);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "light");

  adw_combo_row_set_selected (fixture->style_row, 0);
  g_clear_pointer (&scheme, g_free);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "default");
}

/* ------------------------------------------------------------------------ */
/* With a database: who I am, and the service levels                        */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GSettings            *settings;
  StwTestDb            *test_db;
  StwPreferencesWindow *window;
  GtkWidget            *page;
} DbFixture;

static void
open_db_window (DbFixture *fixture)
{
  fixture->window = g_object_ref_sink (stw_preferences_window_new (fixture->settings,
                                                                   fixture->test_db->db));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = stw_test_find_widget (GTK_WIDGET (fixture->window), STW_TYPE_SLA_PAGE, NULL);
  g_assert_nonnull (fixture->page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window),
                                           ADW_PREFERENCES_PAGE (fixture->page));
  stw_test_flush ();
}

static void
close_db_window (DbFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  fixture->page = NULL;
}

static void
db_fixture_set_up (DbFixture     *fixture,
                   gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  fixture->test_db = stw_test_db_new ();
}

static void
db_fixture_tear_down (DbFixture     *fixture,
                      gconstpointer  data)
{
  if (fixture->window != NULL)
    close_db_window (fixture);

  stw_test_db_free (fixture->test_db);
  g_assert_finalize_object (fixture->settings);
}

/* The @n-th widget of @type under @root, depth first, from 0. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*n)-- == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
row (DbFixture  *fixture,
     const char *group,
     const char *title)
{
  GtkWidget *parent = fixture->page;
  GtkWidget *found;

  /* Targets are rows titled by priority in two groups. */
  if (group != NULL)
    {
      for (GtkWidget *g = stw_test_find_widget (parent, ADW_TYPE_PREFERENCES_GROUP, NULL);
           g != NULL;
           g = gtk_widget_get_next_sibling (g))
        if (ADW_IS_PREFERENCES_GROUP (g) &&
            g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (g)), group) == 0)
          parent = g;
      g_assert_true (parent != fixture->page);
    }

  found = stw_test_find_widget (parent, ADW_TYPE_PREFERENCES_ROW, title);
  g_assert_nonnull (found);
  return found;
}

static GtkSwitch *
day_switch (DbFixture  *fixture,
            const char *day)
{
  GtkWidget *found = stw_test_find_widget (row (fixture, NULL, day), GTK_TYPE_SWITCH, NULL);

  g_assert_nonnull (found);
  return GTK_SWITCH (found);
}

/* The start (0) or end (1) of a day, or a target's spin button (0). */
static GtkSpinButton *
spin (GtkWidget *parent,
      guint      n)
{
  GtkWidget *found = find_nth (parent, GTK_TYPE_SPIN_BUTTON, &n);

  g_assert_nonnull (found);
  return GTK_SPIN_BUTTON (found);
}

static const char *
spin_text (GtkSpinButton *spin_button)
{
  return gtk_editable_get_text (GTK_EDITABLE (spin_button));
}

static GtkWidget *
timezone_row (DbFixture *fixture)
{
  return row (fixture, NULL, "Time Zone");
}

static char *
stored_calendar (DbFixture    *fixture,
                 StwSlaPolicy *policy)
{
  StwSlaPolicy unused;
  g_autoptr(StwSlaCalendar) calendar =
    stw_preferences_repo_load_sla (fixture->test_db->db, policy != NULL ? policy : &unused);

  return stw_sla_calendar_to_string (calendar);
}

typedef struct
{
  DbFixture  *fixture;
  const char *text;
} Stored;

static gboolean
calendar_contains (gpointer data)
{
  Stored *stored = data;
  g_autofree char *calendar = stored_calendar (stored->fixture, NULL);

  return strstr (calendar, stored->text) != NULL;
}

/* Waits until the stored calendar, as text, contains @text. */
static void
wait_for_calendar (DbFixture  *fixture,
                   const char *text)
{
  Stored stored = { fixture, text };
  g_autofree char *what = g_strdup_printf ("a calendar with “%s” to be stored", text);

  stw_test_wait_for (calendar_contains, &stored, what);
}

typedef struct
{
  DbFixture *fixture;
  int        priority;
  gint64     response;
  gint64     resolution;
} StoredTargets;

static gboolean
policy_has (gpointer data)
{
  StoredTargets *targets = data;
  StwSlaPolicy policy;
  g_autofree char *unused = stored_calendar (targets->fixture, &policy);

  return policy.response[targets->priority] == targets->response &&
         policy.resolution[targets->priority] == targets->resolution;
}

/* Waits until @priority's stored targets are these, in seconds. */
static void
wait_for_policy (DbFixture *fixture,
                 int        priority,
                 gint64     response,
                 gint64     resolution)
{
  StoredTargets targets = { fixture, priority, response, resolution };

  stw_test_wait_for (policy_has, &targets, "the targets to be stored");
}

static void
save_sla (DbFixture    *fixture,
          const char   *calendar_text,
          StwSlaPolicy *policy)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;

  calendar = stw_sla_calendar_new_from_string (calendar_text, &error);
  g_assert_no_error (error);
  g_assert_true (stw_preferences_repo_save_sla_sync (fixture->test_db->db, calendar, policy,
                                                     &error));
  g_assert_no_error (error);
}

static void
test_sla_shows_stored (DbFixture     *fixture,
                       gconstpointer  data)
{
  GtkWidget *monday = NULL;
  StwSlaPolicy policy;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stw_sla_policy_init_default (&policy);
  policy.response[1] = 15 * 60;
  policy.resolution[1] = 2 * 3600;
  policy.response[4] = 90 * 60;
  save_sla (fixture, "tz=Europe/Berlin;mon=08:00-16:30;wed=10:00-18:00;sat=09:00-12:00;"
            "holidays=2026-12-25,2027-01-01", &policy);
  before = stored_calendar (fixture, NULL);

  open_db_window (fixture);

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (stw_test_find_widget (
    row (fixture, NULL, "Around the Clock (24×7)"), GTK_TYPE_SWITCH, NULL))));
  monday = row (fixture, NULL, "Monday");
  g_assert_true (gtk_switch_get_active (day_switch (fixture, "Monday")));
  g_assert_cmpstr (spin_text (spin (monday, 0)), ==, "08:00");
  g_assert_cmpstr (spin_text (spin (monday, 1)), ==, "16:30");
  g_assert_false (gtk_switch_get_active (day_switch (fixture, "Tuesday")));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (spin (row (fixture, NULL, "Tuesday"), 0))));
  g_assert_true (gtk_switch_get_active (day_switch (fixture, "Wednesday")));
  g_assert_cmpstr (spin_text (spin (row (fixture, NULL, "Wednesday"), 0)), ==, "10:00");
  g_assert_cmpstr (spin_text (spin (row (fixture, NULL, "Wednesday"), 1)), ==, "18:00");
  g_assert_true (gtk_switch_get_active (day_switch (fixture, "Saturday")));
  g_assert_cmpstr (spin_text (spin (row (fixture, NULL, "Saturday"), 1)), ==, "12:00");
  g_assert_false (gtk_switch_get_active (day_switch (fixture, "Sunday")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (timezone_row (fixture))), ==,
                   "Europe/Berlin");

  /* The holidays, as dates a person reads. */
  g_assert_nonnull (row (fixture, "Holidays", "Friday, 25 December 2026"));
  g_assert_nonnull (row (fixture, "Holidays", "Friday, 1 January 2027"));
  g_assert_false (gtk_widget_get_visible (row (fixture, "Holidays", "No Holidays")));

  /* Targets in hours. */
  g_assert_cmpstr (spin_text (spin (row (fixture, "Response Targets", "P1"), 0)), ==, "0.25");
  g_assert_cmpstr (spin_text (spin (row (fixture, "Resolution Targets", "P1"), 0)), ==, "2");
  g_assert_cmpstr (spin_text (spin (row (fixture, "Response Targets", "P4"), 0)), ==, "1.5");
  g_assert_cmpstr (spin_text (spin (row (fixture, "Resolution Targets", "P5"), 0)), ==, "80");

  /* Showing them changed nothing. */
  close_db_window (fixture);
  after = stored_calendar (fixture, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Around the clock: the hours wait, greyed out, should it be turned off. */
  save_sla (fixture, "always", &policy);
  open_db_window (fixture);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (stw_test_find_widget (
    row (fixture, NULL, "Around the Clock (24×7)"), GTK_TYPE_SWITCH, NULL))));
  g_assert_false (gtk_widget_get_sensitive (row (fixture, NULL, "Monday")));
  g_assert_true (gtk_switch_get_active (day_switch (fixture, "Monday")));
  g_assert_cmpstr (spin_text (spin (row (fixture, NULL, "Monday"), 0)), ==, "09:00");
}

static void
test_sla_changes_stored (DbFixture     *fixture,
                         gconstpointer  data)
{
  g_autofree char *stored = NULL;
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GDateTime) christmas = g_date_time_new_local (2026, 12, 25, 12, 0, 0);
  g_autoptr(GDateTime) new_year = g_date_time_new_local (2027, 1, 1, 12, 0, 0);
  StwSlaPolicy policy;
  GtkSpinButton *start;
  int start_minute, end_minute;

  stw_sla_policy_init_default (&policy);
  save_sla (fixture, "tz=Europe/Berlin;mon=09:00-17:00;tue=09:00-17:00", &policy);
  open_db_window (fixture);

  /* Typed as a person types a time. */
  start = spin (row (fixture, NULL, "Monday"), 0);
  gtk_editable_set_text (GTK_EDITABLE (start), "7:45");
  gtk_spin_button_update (start);
  g_assert_cmpstr (spin_text (start), ==, "07:45");
  wait_for_calendar (fixture, "mon=07:45-17:00");

  /* A day off turned into a working day. */
  gtk_switch_set_active (day_switch (fixture, "Saturday"), TRUE);
  gtk_spin_button_set_value (spin (row (fixture, NULL, "Saturday"), 0), 10 * 60);
  gtk_spin_button_set_value (spin (row (fixture, NULL, "Saturday"), 1), 14 * 60 + 30);
  wait_for_calendar (fixture, "sat=10:00-14:30");

  /* A holiday picked in the calendar. */
  gtk_calendar_select_day (GTK_CALENDAR (stw_test_find_widget (fixture->page, GTK_TYPE_CALENDAR,
                                                              NULL)), christmas);
  g_signal_emit_by_name (stw_test_find_button (fixture->page, "_Add Holiday"), "clicked");
  g_assert_nonnull (row (fixture, "Holidays", "Friday, 25 December 2026"));
  wait_for_calendar (fixture, "holidays=2026-12-25");

  /* Another, and the first removed with its row's button. */
  gtk_calendar_select_day (GTK_CALENDAR (stw_test_find_widget (fixture->page, GTK_TYPE_CALENDAR,
                                                              NULL)), new_year);
  g_signal_emit_by_name (stw_test_find_button (fixture->page, "_Add Holiday"), "clicked");
  wait_for_calendar (fixture, "holidays=2026-12-25,2027-01-01");
  g_signal_emit_by_name (stw_test_find_widget (row (fixture, "Holidays",
                                                    "Friday, 25 December 2026"),
                                               GTK_TYPE_BUTTON, NULL), "clicked");
  wait_for_calendar (fixture, "holidays=2027-01-01");
  g_assert_null (stw_test_find_widget (fixture->page, ADW_TYPE_PREFERENCES_ROW,
                                       "Friday, 25 December 2026"));

  /* A time zone that is none is marked and not saved; a real one is. */
  gtk_editable_set_text (GTK_EDITABLE (timezone_row (fixture)), "Nowhere/Atlantis");
  g_assert_true (gtk_widget_has_css_class (timezone_row (fixture), "error"));
  gtk_editable_set_text (GTK_EDITABLE (timezone_row (fixture)), "America/New_York");
  g_assert_false (gtk_widget_has_css_class (timezone_row (fixture), "error"));
  wait_for_calendar (fixture, "tz=America/New_York");

  /* Targets: hours, in half hours. */
  gtk_spin_button_set_value (spin (row (fixture, "Response Targets", "P2"), 0), 1.5);
  gtk_spin_button_set_value (spin (row (fixture, "Resolution Targets", "P2"), 0), 6);
  close_db_window (fixture);

  /* Closing the window at once still saved the last change. */
  wait_for_policy (fixture, 2, 90 * 60, 6 * 3600);
  stored = stored_calendar (fixture, &policy);
  calendar = stw_sla_calendar_new_from_string (stored, NULL);
  g_assert_true (stw_sla_calendar_get_hours (calendar, G_DATE_MONDAY, &start_minute, &end_minute));
  g_assert_cmpint (start_minute, ==, 7 * 60 + 45);
  g_assert_cmpint (end_minute, ==, 17 * 60);
  g_assert_true (stw_sla_calendar_get_hours (calendar, G_DATE_TUESDAY, NULL, NULL));
  g_assert_false (stw_sla_calendar_get_hours (calendar, G_DATE_WEDNESDAY, NULL, NULL));
  g_assert_cmpstr (g_time_zone_get_identifier (stw_sla_calendar_get_timezone (calendar)), ==,
                   "America/New_York");
}
static gboolean
label_gone (gpointer data)
{
  StwTestLabel *label = data;

  return stw_test_find_label (label->root, label->text) == NULL;
}

static void
test_sla_refused (DbFixture     *fixture,
                  gconstpointer  data)
{
  static const char * const weekdays[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday" };
  const char *message = "no working time on any day";
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_db_window (fixture);
  before = stored_calendar (fixture, NULL);
  g_assert_true (strstr (before, "mon=09:00-17:00") != NULL);

  /* No working day left: the store refuses, and says why under the hours. */
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    gtk_switch_set_active (day_switch (fixture, weekdays[i]), FALSE);
  stw_test_wait_for_label (GTK_WIDGET (fixture->window), message);
  after = stored_calendar (fixture, NULL);
  g_assert_cmpstr (after, ==, before);

  /* One day back: saved, and the message goes. */
  gtk_switch_set_active (day_switch (fixture, "Tuesday"), TRUE);
  expected = g_strdup_printf ("%.*s;tue=09:00-17:00", (int)(strchr (before, ';') - before),
                              before);
  wait_for_calendar (fixture, expected);
  stw_test_wait_for (label_gone, &(StwTestLabel) { GTK_WIDGET (fixture->window), message },
                     "the message to go");

  /* A day that ends before it starts is marked on its row and not saved. */
  gtk_spin_button_set_value (spin (row (fixture, NULL, "Tuesday"), 1), 8 * 60);
  g_assert_true (gtk_widget_has_css_class (row (fixture, NULL, "Tuesday"), "error"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window),
                                         "must end after it starts"));
  gtk_spin_button_set_value (spin (row (fixture, NULL, "Tuesday"), 1), 12 * 60);
  g_assert_false (gtk_widget_has_css_class (row (fixture, NULL, "Tuesday"), "error"));
  wait_for_calendar (fixture, "tue=09:00-12:00");
}

static void
test_sla_targets_refused (DbFixture     *fixture,
                          gconstpointer  data)
{
  GtkWidget *p3 = NULL;

  open_db_window (fixture);
  p3 = row (fixture, "Resolution Targets", "P3");

  /* Resolving sooner than responding makes no sense: marked, not saved. */
  gtk_spin_button_set_value (spin (row (fixture, "Response Targets", "P3"), 0), 30);
  g_assert_true (gtk_widget_has_css_class (p3, "error"));
  g_assert_nonnull (stw_test_find_label (GTK_WIDGET (fixture->window), "P3: the time to resolve"));

  gtk_spin_button_set_value (spin (p3, 0), 32);
  g_assert_false (gtk_widget_has_css_class (p3, "error"));
  wait_for_policy (fixture, 3, 30 * 3600, 32 * 3600);
}

static void
test_me (DbFixture     *fixture,
         gconstpointer  data)
{
  StwDatabase *db = fixture->test_db->db;
  g_autoptr(StwPerson) anna = stw_person_new ();
  g_autoptr(StwPerson) ben = stw_person_new ();
  g_autoptr(StwPerson) shown = NULL;
  AdwComboRow *me_row = NULL;
  gint64 ben_id;

  stw_person_set_name (anna, "Anna Schmidt");
  stw_person_set_name (ben, "Ben Okafor");
  g_assert_cmpint (stw_person_repo_save_sync (db, anna, NULL), >, 0);
  ben_id = stw_person_repo_save_sync (db, ben, NULL);
  g_assert_cmpint (ben_id, >, 0);

  open_db_window (fixture);
  me_row = ADW_COMBO_ROW (stw_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_COMBO_ROW,
                                                "Your Name Among the People"));
  g_assert_nonnull (me_row);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (me_row),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));

  /* None, then the people by name. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (me_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 0);
  g_assert_cmpint (stw_preferences_repo_get_me (db), ==, 0);

  adw_combo_row_set_selected (me_row, 2);
  shown = adw_combo_row_get_selected_item (me_row) != NULL
          ? g_object_ref (adw_combo_row_get_selected_item (me_row)) : NULL;
  g_assert_cmpstr (stw_person_get_name (shown), ==, "Ben Okafor");
  g_assert_cmpint (stw_preferences_repo_get_me (db), ==, ben_id);

  /* Shown as chosen the next time. */
  close_db_window (fixture);
  open_db_window (fixture);
  me_row = ADW_COMBO_ROW (stw_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_COMBO_ROW,
                                                "Your Name Among the People"));
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 2);

  adw_combo_row_set_selected (me_row, 0);
  g_assert_cmpint (stw_preferences_repo_get_me (db), ==, 0);
}

static void
test_no_database (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Without a database there is nothing of its own to show. */
  g_assert_null (stw_test_find_widget (GTK_WIDGET (fixture->window), STW_TYPE_SLA_PAGE, NULL));
  g_assert_false (gtk_widget_get_visible (
    gtk_widget_get_ancestor (stw_test_find_widget (GTK_WIDGET (fixture->window),
                                                   ADW_TYPE_COMBO_ROW,
                                                   "Your Name Among the People"),
                             ADW_TYPE_PREFERENCES_GROUP)));
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/preferences-window/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("shows-settings", test_shows_settings);
  ADD ("currency", test_currency);
  ADD ("style", test_style);
  ADD ("no-database", test_no_database);

#undef ADD

#define ADD_DB(path, func) \
  g_test_add ("/steward/ui/preferences-window/" path, DbFixture, NULL, db_fixture_set_up, func, \
              db_fixture_tear_down)

  ADD_DB ("sla/shows-stored", test_sla_shows_stored);
  ADD_DB ("sla/changes-stored", test_sla_changes_stored);
  ADD_DB ("sla/refused", test_sla_refused);
  ADD_DB ("sla/targets-refused", test_sla_targets_refused);
  ADD_DB ("me", test_me);

#undef ADD_DB

  return g_test_run ();
}
