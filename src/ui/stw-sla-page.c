/* stw-sla-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sla-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "stw-sla-page.h"
#include "stw-ui-util.h"
#include "core/stw-error.h"
#include "core/stw-sla.h"
#include "core/stw-sla-calendar.h"
#include "core/stw-ticket-rules.h"
#include "store/stw-preferences-repo.h"

/*
 * The service levels the tickets are measured by: the working hours (or
 * around the clock), the time zone and holidays they are in, and the
 * response and resolution targets of each priority. Changes are saved a
 * moment after the last one, so a spin button held down saves once; a
 * value that is not valid is marked on its row and never saved, and a
 * calendar the store refuses is explained under the hours.
 */

#define SAVE_DELAY_MS 400
#define DAY_MINUTES   (24 * 60)

struct _StwSlaPage
{
  AdwPreferencesPage   parent_instance;

  StwDatabase         *db;
  GCancellable        *cancellable;
  GTimeZone           *loaded_tz;
  GArray              *holidays;      /* Julian day numbers, sorted */
  GPtrArray           *holiday_rows;
  char                *store_problem;
  char                *toasted_problem;
  guint                save_source;
  gboolean             loading;
  gboolean             saving;
  gboolean             save_again;

  AdwPreferencesGroup *hours_group;
  GtkSwitch           *always_switch;
  GtkLabel            *hours_message;
  AdwPreferencesGroup *holidays_group;
  GtkWidget           *no_holidays_row;
  GtkMenuButton       *add_holiday_button;
  GtkCalendar         *holiday_calendar;
  AdwPreferencesGroup *response_group;
  AdwPreferencesGroup *resolution_group;
  GtkLabel            *targets_message;

  /* Indexed by GDateWeekday, 1 (Monday) to 7. */
  GtkWidget           *day_rows[8];
  GtkWidget           *day_errors[8];
  GtkSwitch           *day_switches[8];
  GtkSpinButton       *day_starts[8];
  GtkSpinButton       *day_ends[8];
  GtkWidget           *timezone_row;
  GtkWidget           *timezone_error;

  /* Indexed by priority, 1 to 5. */
  GtkSpinButton       *responses[6];
  GtkSpinButton       *resolutions[6];
  GtkWidget           *resolution_rows[6];
  GtkWidget           *resolution_errors[6];
};

G_DEFINE_FINAL_TYPE (StwSlaPage, stw_sla_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const day_names[8] = {
  NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

/* ------------------------------------------------------------------------ */
/* Spin buttons                                                             */
/* ------------------------------------------------------------------------ */

/*
 * A page of spin buttons is scrolled with the wheel, and a spin button
 * under the pointer would take the scroll and change its value (and so
 * the stored service levels) by accident. The wheel scrolls the page;
 * the buttons, the arrow keys and typing change the value.
 */
static void
pass_scrolls_on (GtkWidget *spin)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (spin);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

/* Times of day are minutes after midnight, shown as 24-hour clock times. */
static gboolean
time_output_cb (GtkSpinButton *spin)
{
  int minutes = (int)gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Reads “9”, “9:30” or “09:30”. */
static int
time_input_cb (GtkSpinButton *spin,
               double        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 hours, minutes = 0;
  guint n_parts = g_strv_length (parts);

  if (n_parts < 1 || n_parts > 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &hours, NULL) ||
      (n_parts == 2 && !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL)) ||
      hours * 60 + minutes > DAY_MINUTES)
    return GTK_INPUT_ERROR;

  *value = (double)(hours * 60 + minutes);
  return TRUE;
}

static GtkSpinButton *
time_spin_new (const char *accessible_label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (9 * 60, 0, DAY_MINUTES, 15, 60, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);

  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  pass_scrolls_on (spin);
  g_signal_connect (spin, "output", G_CALLBACK (time_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (time_input_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return GTK_SPIN_BUTTON (spin);
}

/* Hours with no more decimals than they need: “4”, “0.5”, “0.25”. */
static gboolean
hours_output_cb (GtkSpinButton *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  int decimals = 2;
  g_autofree char *text = NULL;

  if (fabs (value - round (value)) < 0.005)
    decimals = 0;
  else if (fabs (value * 2 - round (value * 2)) < 0.01)
    decimals = 1;

  text = g_strdup_printf ("%.*f", decimals, value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
hours_spin_new (const char *accessible_label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (1, 0.25, 24 * 365, 0.5, 8, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 2);

  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_editable_set_alignment (GTK_EDITABLE (spin), 1.0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  pass_scrolls_on (spin);
  g_signal_connect (spin, "output", G_CALLBACK (hours_output_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return GTK_SPIN_BUTTON (spin);
}

static int
spin_minutes (GtkSpinButton *spin)
{
  return (int)round (gtk_spin_button_get_value (spin));
}

/* A target in whole minutes, as the store keeps it. */
static gint64
spin_target (GtkSpinButton *spin)
{
  return (gint64)round (gtk_spin_button_get_value (spin) * 60) * 60;
}

static GtkWidget *
error_icon_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "error");
  return icon;
}

/* ------------------------------------------------------------------------ */
/* Reading the controls                                                     */
/* ------------------------------------------------------------------------ */

static void
set_message (GtkLabel   *label,
             const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The time zone typed, or %NULL with @error set. */
static GTimeZone *
read_timezone (StwSlaPage  *self,
               GError     **error)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->timezone_row));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  GTimeZone *tz = NULL;

  /* The zone shown at first is kept as it was read, whatever its name. */
  if (self->loaded_tz != NULL &&
      g_strcmp0 (text, g_time_zone_get_identifier (self->loaded_tz)) == 0)
    return g_time_zone_ref (self->loaded_tz);

  if (text[0] != '\0')
    tz = g_time_zone_new_identifier (text);
  if (tz == NULL)
    g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                 _("“%s” is not a time zone. Enter one such as Europe/Berlin, America/New_York "
                   "or UTC."), text);
  return tz;
}

/*
 * Reads the controls into a calendar and a policy, marking each value
 * that cannot be saved on its row and under its group.
 *
 * Returns: whether everything can be saved
 */
static gboolean
collect (StwSlaPage      *self,
         StwSlaCalendar **calendar_out,
         StwSlaPolicy    *policy)
{
  gboolean always = gtk_switch_get_active (self->always_switch);
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GError) tz_error = NULL;
  const char *hours_problem = NULL;
  const char *targets_problem = NULL;
  g_autofree char *targets_text = NULL;
  g_autofree char *tz_text = NULL;

  tz = read_timezone (self, &tz_error);
  stw_ui_set_row_error (self->timezone_row, self->timezone_error, always ? NULL : tz_error);
  if (!always && tz_error != NULL)
    hours_problem = tz_text = g_strdup (tz_error->message);

  calendar = always ? stw_sla_calendar_new_always () : stw_sla_calendar_new (tz);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      int start = spin_minutes (self->day_starts[day]);
      int end = spin_minutes (self->day_ends[day]);
      g_autoptr(GError) error = NULL;

      if (!always && gtk_switch_get_active (self->day_switches[day]))
        {
          if (end > start)
            stw_sla_calendar_set_hours (calendar, day, start, end);
          else
            g_set_error_literal (&error, STW_ERROR, STW_ERROR_INVALID,
                                 _("A working day must end after it starts."));
        }

      stw_ui_set_row_error (self->day_rows[day], self->day_errors[day], error);
      if (error != NULL && hours_problem == NULL)
        hours_problem = _("A working day must end after it starts.");
    }

  for (guint i = 0; i < self->holidays->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (self->holidays, guint32, i));
      stw_sla_calendar_add_holiday (calendar, &date);
    }

  stw_sla_policy_init_default (policy);
  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    {
      g_autoptr(GError) error = NULL;

      policy->response[p] = spin_target (self->responses[p]);
      policy->resolution[p] = spin_target (self->resolutions[p]);

      if (policy->resolution[p] < policy->response[p])
        {
          g_autofree char *label = stw_ticket_priority_label (p);

          g_set_error (&error, STW_ERROR, STW_ERROR_INVALID,
                       _("%s: the time to resolve a ticket cannot be shorter than the time to "
                         "respond."), label);
          if (targets_problem == NULL)
            targets_problem = targets_text = g_strdup (error->message);
        }
      stw_ui_set_row_error (self->resolution_rows[p], self->resolution_errors[p], error);
    }

  set_message (self->hours_message, hours_problem != NULL ? hours_problem : self->store_problem);
  set_message (self->targets_message, targets_problem);

  if (hours_problem != NULL || targets_problem != NULL)
    return FALSE;

  *calendar_out = g_steal_pointer (&calendar);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

static void save (StwSlaPage *self);

/* Marks what is wrong with the values shown, without saving them. */
static void
refresh_marks (StwSlaPage *self)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  StwSlaPolicy policy;

  collect (self, &calendar, &policy);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwSlaPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  self->saving = FALSE;
  saved = stw_preferences_repo_save_sla_finish (STW_DATABASE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What the store refuses is about the hours; anything else is news. */
  g_clear_pointer (&self->store_problem, g_free);
  if (!saved && g_error_matches (error, STW_ERROR, STW_ERROR_INVALID))
    {
      self->store_problem = g_strdup (error->message);

      /* The line under the hours may be scrolled out of sight, and is
       * too long for a toast: a short one points at it, once until a
       * save succeeds. */
      if (g_strcmp0 (self->toasted_problem, error->message) != 0)
        {
          stw_ui_toast (GTK_WIDGET (self), _("Not saved: see the message under the working hours"),
                        NULL, NULL);
          g_free (self->toasted_problem);
          self->toasted_problem = g_strdup (error->message);
        }
    }
  else if (!saved)
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
    }
  else
    {
      g_clear_pointer (&self->toasted_problem, g_free);
    }
  refresh_marks (self);

  if (self->save_again)
    {
      self->save_again = FALSE;
      save (self);
    }
}

static void
save (StwSlaPage *self)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  StwSlaPolicy policy;

  /* One save at a time, so the last change is the one that stays. */
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  if (!collect (self, &calendar, &policy))
    return;

  self->saving = TRUE;
  stw_preferences_repo_save_sla_async (self->db, calendar, &policy, self->cancellable, save_cb,
                                       g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer data)
{
  StwSlaPage *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

/* Something was changed: mark what is wrong now, and save soon if nothing is. */
static void
changed (StwSlaPage *self)
{
  StwSlaPolicy policy;
  g_autoptr(StwSlaCalendar) calendar = NULL;

  if (self->loading)
    return;

  /* The store's last word was about the values as they were. */
  g_clear_pointer (&self->store_problem, g_free);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (collect (self, &calendar, &policy))
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Holidays                                                                 */
/* ------------------------------------------------------------------------ */

static char *
format_holiday (guint32 julian)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  /* Translators: a holiday in the list of holidays; see g_date_time_format() */
  return g_date_time_format (time, _("%A, %-d %B %Y"));
}

static void
remove_holiday_clicked_cb (GtkButton  *button,
                           StwSlaPage *self);

static void
show_holidays (StwSlaPage *self)
{
  for (guint i = 0; i < self->holiday_rows->len; i++)
    adw_preferences_group_remove (self->holidays_group, g_ptr_array_index (self->holiday_rows, i));
  g_ptr_array_set_size (self->holiday_rows, 0);

  for (guint i = 0; i < self->holidays->len; i++)
    {
      guint32 julian = g_array_index (self->holidays, guint32, i);
      g_autofree char *title = format_holiday (julian);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the holiday on %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data (G_OBJECT (button), "julian", GUINT_TO_POINTER (julian));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_holiday_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }

  gtk_widget_set_visible (self->no_holidays_row, self->holidays->len == 0);
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

static gboolean
find_holiday (StwSlaPage *self,
              guint32     julian,
              guint      *index)
{
  return g_array_binary_search (self->holidays, &julian, compare_julian, index);
}

static void
remove_holiday_clicked_cb (GtkButton  *button,
                           StwSlaPage *self)
{
  guint32 julian = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian"));
  guint index;

  if (!find_holiday (self, julian, &index))
    return;

  g_array_remove_index (self->holidays, index);
  show_holidays (self);
  changed (self);
}

static void
holiday_add_clicked_cb (StwSlaPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->holiday_calendar);
  GDate date;
  guint32 julian;

  gtk_menu_button_popdown (self->add_holiday_button);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  julian = g_date_get_julian (&date);
  if (find_holiday (self, julian, NULL))
    return;

  g_array_append_val (self->holidays, julian);
  g_array_sort (self->holidays, compare_julian);
  show_holidays (self);
  changed (self);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
update_sensitivity (StwSlaPage *self)
{
  gboolean always = gtk_switch_get_active (self->always_switch);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      gboolean working = gtk_switch_get_active (self->day_switches[day]);

      gtk_widget_set_sensitive (self->day_rows[day], !always);
      gtk_widget_set_sensitive (GTK_WIDGET (self->day_starts[day]), working);
      gtk_widget_set_sensitive (GTK_WIDGET (self->day_ends[day]), working);
    }

  /* An around-the-clock calendar has no zone and no holidays. */
  gtk_widget_set_sensitive (self->timezone_row, !always);
  gtk_widget_set_sensitive (GTK_WIDGET (self->holidays_group), !always);
}

static void
always_changed_cb (StwSlaPage *self)
{
  update_sensitivity (self);
  changed (self);
}

static void
day_switch_changed_cb (StwSlaPage *self)
{
  update_sensitivity (self);
  changed (self);
}

/* ------------------------------------------------------------------------ */
/* Building and loading                                                     */
/* ------------------------------------------------------------------------ */

static void
add_day_rows (StwSlaPage *self)
{
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      const char *name = _(day_names[day]);
      g_autofree char *start_label = g_strdup_printf (_("%s, start of the working day"), name);
      g_autofree char *end_label = g_strdup_printf (_("%s, end of the working day"), name);
      g_autofree char *switch_label = g_strdup_printf (_("%s is a working day"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dash = gtk_label_new ("–");
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      self->day_rows[day] = row;
      self->day_errors[day] = error_icon_new ();
      self->day_starts[day] = time_spin_new (start_label);
      self->day_ends[day] = time_spin_new (end_label);
      self->day_switches[day] = GTK_SWITCH (toggle);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (toggle, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      switch_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("to"), -1);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->day_errors[day]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_starts[day]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_ends[day]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (day_switch_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->day_starts[day], "value-changed", G_CALLBACK (changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->day_ends[day], "value-changed", G_CALLBACK (changed), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->hours_group, row);
    }

  self->timezone_row = stw_ui_entry_row_new (_("Time Zone"), &self->timezone_error);
  g_signal_connect_object (self->timezone_row, "changed", G_CALLBACK (changed), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->hours_group, self->timezone_row);
}

static GtkWidget *
target_row_new (int             priority,
                gboolean        resolution,
                GtkWidget      *error_icon,
                GtkSpinButton **spin_out)
{
  g_autofree char *title = stw_ticket_priority_label (priority);
  g_autofree char *accessible_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  /* Translators: the unit after a number of hours */
  GtkWidget *unit = gtk_label_new (C_("hours", "h"));
  GtkSpinButton *spin;

  if (resolution)
    /* Translators: %s is a priority, such as P1 */
    accessible_label = g_strdup_printf (_("%s resolution target in working hours"), title);
  else
    /* Translators: %s is a priority, such as P1 */
    accessible_label = g_strdup_printf (_("%s response target in working hours"), title);

  spin = hours_spin_new (accessible_label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (unit, "dim-label");
  if (error_icon != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), error_icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (spin));

  *spin_out = spin;
  return row;
}

static void
add_target_rows (StwSlaPage *self)
{
  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    {
      GtkWidget *row;

      row = target_row_new (p, FALSE, NULL, &self->responses[p]);
      adw_preferences_group_add (self->response_group, row);

      self->resolution_errors[p] = error_icon_new ();
      row = target_row_new (p, TRUE, self->resolution_errors[p], &self->resolutions[p]);
      self->resolution_rows[p] = row;
      adw_preferences_group_add (self->resolution_group, row);

      g_signal_connect_object (self->responses[p], "value-changed", G_CALLBACK (changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->resolutions[p], "value-changed", G_CALLBACK (changed), self,
                               G_CONNECT_SWAPPED);
    }
}

/* Shows the stored settings; saves nothing. */
static void
load (StwSlaPage *self)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(StwSlaCalendar) shown = NULL;
  g_autoptr(GArray) holidays = NULL;
  StwSlaPolicy policy;

  self->loading = TRUE;

  calendar = stw_preferences_repo_load_sla (self->db, &policy);
  gtk_switch_set_active (self->always_switch, stw_sla_calendar_is_always (calendar));

  /* Around the clock keeps no hours: offer office hours should it be
   * turned off. */
  shown = stw_sla_calendar_is_always (calendar) ? stw_sla_calendar_new_default ()
                                                : stw_sla_calendar_ref (calendar);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      int start, end;
      gboolean working = stw_sla_calendar_get_hours (shown, day, &start, &end);

      gtk_switch_set_active (self->day_switches[day], working);
      gtk_spin_button_set_value (self->day_starts[day], working ? start : 9 * 60);
      gtk_spin_button_set_value (self->day_ends[day], working ? end : 17 * 60);
    }

  g_clear_pointer (&self->loaded_tz, g_time_zone_unref);
  self->loaded_tz = g_time_zone_ref (stw_sla_calendar_get_timezone (shown));
  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row),
                         g_time_zone_get_identifier (self->loaded_tz));

  holidays = stw_sla_calendar_list_holidays (shown);
  g_array_set_size (self->holidays, 0);
  for (guint i = 0; i < holidays->len; i++)
    {
      guint32 julian = g_date_get_julian (&g_array_index (holidays, GDate, i));

      g_array_append_val (self->holidays, julian);
    }
  show_holidays (self);

  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    {
      gtk_spin_button_set_value (self->responses[p], policy.response[p] / 3600.0);
      gtk_spin_button_set_value (self->resolutions[p], policy.resolution[p] / 3600.0);
    }

  update_sensitivity (self);
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_sla_page_constructed (GObject *object)
{
  StwSlaPage *self = (StwSlaPage *)object;

  G_OBJECT_CLASS (stw_sla_page_parent_class)->constructed (object);

  g_assert (STW_IS_DATABASE (self->db));
  load (self);
}

static void
stw_sla_page_dispose (GObject *object)
{
  StwSlaPage *self = (StwSlaPage *)object;

  /* A change made just before the window closed is still saved. */
  if (self->save_source != 0)
    {
      g_autoptr(StwSlaCalendar) calendar = NULL;
      StwSlaPolicy policy;

      g_clear_handle_id (&self->save_source, g_source_remove);
      if (!self->saving && collect (self, &calendar, &policy))
        stw_preferences_repo_save_sla_async (self->db, calendar, &policy, NULL, NULL, NULL);
    }

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_SLA_PAGE);

  G_OBJECT_CLASS (stw_sla_page_parent_class)->dispose (object);
}

static void
stw_sla_page_finalize (GObject *object)
{
  StwSlaPage *self = (StwSlaPage *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loaded_tz, g_time_zone_unref);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);
  g_free (self->store_problem);
  g_free (self->toasted_problem);

  G_OBJECT_CLASS (stw_sla_page_parent_class)->finalize (object);
}

static void
stw_sla_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwSlaPage *self = STW_SLA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sla_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StwSlaPage *self = STW_SLA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sla_page_class_init (StwSlaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_sla_page_constructed;
  object_class->dispose = stw_sla_page_dispose;
  object_class->finalize = stw_sla_page_finalize;
  object_class->get_property = stw_sla_page_get_property;
  object_class->set_property = stw_sla_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-sla-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, hours_group);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, always_switch);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, hours_message);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, no_holidays_row);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, add_holiday_button);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, holiday_calendar);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, response_group);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, resolution_group);
  gtk_widget_class_bind_template_child (widget_class, StwSlaPage, targets_message);
  gtk_widget_class_bind_template_callback (widget_class, always_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, holiday_add_clicked_cb);
}

static void
stw_sla_page_init (StwSlaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->holiday_rows = g_ptr_array_new ();

  /* Loading is set until the database is read, in constructed. */
  self->loading = TRUE;
  add_day_rows (self);
  add_target_rows (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

StwSlaPage *
stw_sla_page_new (StwDatabase *db)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return g_object_new (STW_TYPE_SLA_PAGE, "database", db, NULL);
}
